"""Every setting is declared once in workbench.settings, and everything reads it from there."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

from workbench import settings
from workbench.settings import (
    BACKUP_KEEP,
    MAX_CLAIMS,
    PREFERENCES,
    REPORT_PAGE_SIZE,
    SENSITIVITY,
    Scope,
    all_settings,
    declared,
    preference_defaults,
)

PACKAGE = Path(__file__).resolve().parents[2] / "workbench"

#: Method → (index of the key argument, where that key must be stored).
_READERS = {
    "get_setting": (0, Scope.DATABASE),
    "set_setting": (0, Scope.DATABASE),
    "setting": (0, Scope.DATABASE),
    "get_article_setting": (1, Scope.ARTICLE),
    "set_article_setting": (1, Scope.ARTICLE),
    "value": (0, Scope.USER),
    "setValue": (0, Scope.USER),
    "contains": (0, Scope.USER),
}


def _module_strings(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"`` constants, so that ``get_setting(NAME)`` is checked too."""
    found = {}
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        value = getattr(node, "value", None)
        is_text = isinstance(value, ast.Constant) and isinstance(value.value, str)
        if isinstance(target, ast.Name) and is_text:
            found[target.id] = value.value  # type: ignore[union-attr]
    return found


def _keys_used(path: Path, root: Path = PACKAGE.parent) -> list[tuple[str, str, Scope, bool]]:
    """(where, key, scope, numbered) for each setting key written out in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    strings = _module_strings(tree)
    used = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        reader = _READERS.get(node.func.attr)
        if reader is None or len(node.args) <= reader[0]:
            continue
        arg = node.args[reader[0]]
        where = f"{path.relative_to(root)}:{node.lineno}"
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            used.append((where, arg.value, reader[1], False))
        elif isinstance(arg, ast.Name) and arg.id in strings:
            used.append((where, strings[arg.id], reader[1], False))
        elif isinstance(arg, ast.JoinedStr) and isinstance(arg.values[0], ast.Constant):
            # f"window/splitter{number}": a numbered setting, declared by its prefix.
            used.append((where, str(arg.values[0].value), reader[1], True))
    return used


def _all_keys_used() -> list[tuple[str, str, Scope, bool]]:
    return [use for path in sorted(PACKAGE.rglob("*.py")) for use in _keys_used(path)]


def test_the_scan_finds_the_keys_it_is_meant_to_find(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'KEY = "undeclared_one"\n'
        "def f(store, qs, n):\n"
        '    store.get_setting(KEY)\n    qs.setValue("window/geometry", 1)\n'
        '    qs.value(f"window/splitter{n}")\n'
        '    store.get_article_setting("id", "claims_left_out")\n'
        "    qs.setValue(n, 1)\n",
        encoding="utf-8",
    )
    found = [(key, scope, numbered) for _, key, scope, numbered in _keys_used(sample, tmp_path)]
    assert found == [
        ("undeclared_one", Scope.DATABASE, False),
        ("window/geometry", Scope.USER, False),
        ("window/splitter", Scope.USER, True),
        ("claims_left_out", Scope.ARTICLE, False),
    ]


def test_every_key_read_or_written_in_workbench_is_declared_where_it_is_stored() -> None:
    used = _all_keys_used()
    # The scan sees the store's own key and the bench's QSettings, so it is looking.
    assert {"rating_scale", "reviewer", "seeded"} <= {key for _, key, _, _ in used}
    problems = []
    for where, key, scope, numbered in used:
        try:
            setting = declared(key)
        except KeyError:
            problems.append(f"{where}: “{key}” is not declared in workbench.settings")
            continue
        if setting.scope is not scope:
            problems.append(f"{where}: “{key}” is stored per {setting.scope}, read per {scope}")
        if setting.numbered is not numbered:
            problems.append(f"{where}: “{key}” is {'' if setting.numbered else 'not '}numbered")
    assert problems == []


def test_every_setting_constant_names_a_declared_key() -> None:
    """``FOO_SETTING = "foo"`` imported elsewhere is out of the scan's sight: it must be declared."""
    constants = [
        (path.name, name, key)
        for path in sorted(PACKAGE.rglob("*.py"))
        for name, key in _module_strings(ast.parse(path.read_text(encoding="utf-8"))).items()
        if name.endswith("_SETTING")
    ]
    undeclared = []
    for where, name, key in constants:
        try:
            declared(key)
        except KeyError:
            undeclared.append(f"{where}: {name} = {key!r}")
    assert undeclared == []


def test_old_names_are_read_only_through_the_registry() -> None:
    old = {key for s in all_settings() for key in s.old_keys}
    assert old == {"backups_to_keep"}
    assert [u for u in _all_keys_used() if u[1] in old] == []
    # A key and an old name never collide, and each key is declared once.
    keys = [s.key for s in all_settings()]
    assert len(keys) == len(set(keys)) and not old & set(keys)


def test_desk_settings_properties_use_only_declared_user_keys() -> None:
    from workbench.ui.preferences.settings import DeskSettings

    class Recorder:
        """QSettings' value/setValue, remembering the keys."""

        def __init__(self) -> None:
            self.keys: list[str] = []
            self.stored: dict[str, Any] = {}

        def value(self, key: str, default: Any = None, type: Any = None) -> Any:
            self.keys.append(key)
            return self.stored.get(key, default)

        def setValue(self, key: str, value: Any) -> None:
            self.keys.append(key)
            self.stored[key] = value

    recorder = Recorder()
    desk_settings = DeskSettings(recorder)  # type: ignore[arg-type]
    properties = [n for n, v in vars(DeskSettings).items() if isinstance(v, property)]
    assert {"reviewer", "sensitivity", "new_database_scale", "recent_files"} <= set(properties)
    for name in properties:
        value = getattr(desk_settings, name)
        if vars(DeskSettings)[name].fset is not None:
            setattr(desk_settings, name, value)
    desk_settings.add_recent("article.txt")
    user_keys = {s.key for s in all_settings(Scope.USER)}
    assert recorder.keys and set(recorder.keys) <= user_keys
    # Nothing stored: each property gives its declared default.
    fresh = DeskSettings(Recorder())  # type: ignore[arg-type]
    assert fresh.sensitivity == SENSITIVITY.default
    assert fresh.new_database_scale == settings.NEW_DATABASE_SCALE.default
    assert fresh.reviewer == "" and fresh.recent_files == []


def test_a_sensitivity_edited_out_of_bounds_counts_as_the_default() -> None:
    from workbench.ui.preferences.settings import DeskSettings

    class Stored:
        def value(self, key: str, default: Any = None, type: Any = None) -> Any:
            return 7.0 if key == "sensitivity" else default

    assert DeskSettings(Stored()).sensitivity == SENSITIVITY.default  # type: ignore[arg-type]


def test_the_dialog_defaults_are_the_registry_defaults() -> None:
    from workbench.model import CLAIM_THRESHOLD
    from workbench.services.backup import DEFAULT_KEEP, KEEP_SETTING
    from workbench.services.found_claims import DEFAULT_MAX_CLAIMS, MAX_CLAIMS_LIMIT
    from workbench.ui.preferences.preferences_controller import DATABASE_KEYS
    from workbench.ui.preferences.preferences_dialog import PAGE_SIZES, PREFERENCE_DEFAULTS
    from workbench.ui.preferences.settings import DEFAULT_SENSITIVITY

    assert preference_defaults() == PREFERENCE_DEFAULTS
    assert {s.name: s.default for s in PREFERENCES} == PREFERENCE_DEFAULTS
    # One sensitivity default (it was 0.5 in the dialog and 0.45 elsewhere).
    assert PREFERENCE_DEFAULTS["sensitivity"] == DEFAULT_SENSITIVITY == CLAIM_THRESHOLD
    # Preferences stores the number of backups where the backup reads it.
    assert DATABASE_KEYS["backups_to_keep"] == KEEP_SETTING == "backup_keep"
    assert PREFERENCE_DEFAULTS["backups_to_keep"] == DEFAULT_KEEP == BACKUP_KEEP.default
    assert (MAX_CLAIMS.default, MAX_CLAIMS.maximum) == (DEFAULT_MAX_CLAIMS, MAX_CLAIMS_LIMIT)
    assert REPORT_PAGE_SIZE.choices == PAGE_SIZES
    assert all(declared(key).scope is Scope.DATABASE for key in DATABASE_KEYS.values())


def test_the_stored_keys_keep_their_names() -> None:
    """Databases and QSettings files already hold these; renaming one loses the value."""
    by_scope = {scope: sorted(s.key for s in all_settings(scope) if s.label) for scope in Scope}
    assert by_scope == {
        Scope.USER: [
            "ask_reviewer_on_open",
            "idle_lock_minutes",
            "new_database_scale",
            "reviewer",
            "sensitivity",
        ],
        Scope.DATABASE: [
            "backup_keep",
            "blind_review",
            "max_claims_per_article",
            "organisation_name",
            "organisation_url",
            "report_all_claims",
            "report_base_url",
            "report_page_size",
            "spacy_pipeline",
        ],
        Scope.ARTICLE: [],
    }


def test_the_report_reads_its_settings_from_the_registry() -> None:
    from workbench.report.data import PAGE_SIZES, SETTING_KEYS, ReportOptions

    assert SETTING_KEYS == {
        "organisation_name": "organisation_name",
        "organisation_url": "organisation_url",
        "base_url": "report_base_url",
        "page_size": "report_page_size",
    }
    assert REPORT_PAGE_SIZE.choices == PAGE_SIZES
    assert ReportOptions().page_size == REPORT_PAGE_SIZE.default


def test_the_organisation_address_is_not_called_the_base_url() -> None:
    # It is the organisation's own site (the ClaimReview author); the report's address,
    # which ClaimReview links each claim to, is another setting.
    assert settings.ORGANISATION_URL.label == "Organisation's web address"
    assert settings.REPORT_BASE_URL.name == "base_url"
    assert "base" not in settings.ORGANISATION_URL.label.lower()


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        (MAX_CLAIMS, 0, "Claims kept per article must be a whole number from 1 to 10,000."),
        (MAX_CLAIMS, True, "whole number"),
        (BACKUP_KEEP, 0, "Backups to keep must be a whole number from 1 to 100."),
        (BACKUP_KEEP, "5", "whole number"),
        (SENSITIVITY, 1.5, "Sensitivity must be a number between 0 and 1"),
        (REPORT_PAGE_SIZE, "A3", "use A4 or Letter"),
        (settings.SPACY_PIPELINE, "en core web", "spaCy pipeline"),
        (settings.ORGANISATION_URL, "javascript:alert(1)", "organisation's web address"),
        (settings.REPORT_BASE_URL, "ftp://x.org", "report's web address"),
    ],
)
def test_values_out_of_bounds_are_refused_in_words(setting, value, message) -> None:
    assert message in (setting.problem(value) or "")


def test_good_values_pass_and_are_tidied() -> None:
    assert REPORT_PAGE_SIZE.tidy(" letter ") == "Letter"
    assert settings.ORGANISATION_URL.problem("") is None
    assert BACKUP_KEEP.problem(1) is None and MAX_CLAIMS.problem(10_000) is None


def test_a_value_under_an_old_name_is_read_when_the_key_is_missing() -> None:
    assert BACKUP_KEEP.read({"backups_to_keep": 3}.get) == 3
    assert BACKUP_KEEP.read({"backups_to_keep": 3, "backup_keep": 7}.get) == 7
    assert BACKUP_KEEP.read({"backup_keep": 0}.get) == BACKUP_KEEP.default
    assert BACKUP_KEEP.read({}.get) == BACKUP_KEEP.default


def test_a_list_default_is_never_shared() -> None:
    pending = settings.PENDING_EXTRACTION.read({}.get)
    pending.append("article")
    assert settings.PENDING_EXTRACTION.default == []


def test_an_undeclared_key_is_refused_by_the_services(memory_store) -> None:
    from workbench.services.review import check_setting, save_settings
    from workbench.store import InvalidInputError

    with pytest.raises(KeyError, match="not a declared setting"):
        check_setting("backup_kep", 3)
    with pytest.raises(InvalidInputError, match="from 1 to 100"):
        save_settings(memory_store, {"backup_keep": 500})
    save_settings(memory_store, {"report_page_size": "letter"})
    assert memory_store.get_setting("report_page_size") == "Letter"


def test_the_automatic_backup_reads_the_old_name_too(tmp_path: Path) -> None:
    from workbench.services.backup import plan_backup_on_open
    from workbench.store import open_store

    with open_store(tmp_path / "old.sqlite3") as store:
        # Saved by Preferences under its own name, before the backup read it.
        store.set_setting("backups_to_keep", 4)
        plan = plan_backup_on_open(store)
        assert plan is not None and plan.keep == 4
        store.set_setting("backup_keep", 0)  # edited by hand: the backup still runs
        plan = plan_backup_on_open(store)
        assert plan is not None and plan.keep == BACKUP_KEEP.default


def test_the_registry_needs_no_qt() -> None:
    tree = ast.parse((PACKAGE / "settings.py").read_text(encoding="utf-8"))
    modules = [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in (
            node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")]
        )
    ]
    assert modules and not [m for m in modules if m.startswith(("PySide6", "workbench.ui"))]
