"""The verdict editor's "Checked before" panel: earlier fact-checks of the selected claim."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from workbench.services.factchecks import import_files
from workbench.store import open_store
from workbench.ui.common import matcher
from workbench.ui.verdict import checked_before
from workbench.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui

LIBRARY_CSV = (
    "claim,rating,url,publisher,date\n"
    "The council spent £2m on roads in 2023,False,https://checks.example/roads,"
    "Full Check,2024-02-01\n"
    "Vaccines contain tracking microchips,False,https://checks.example/chips,"
    "Other Check,2021-05-05\n"
)


@pytest.fixture(autouse=True)
def _words_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Match by words alone: quick, and the same on every computer."""
    monkeypatch.setattr(matcher, "ENCODER", lambda: None)
    yield


def import_library(db_path: Path, tmp_path: Path, text: str = LIBRARY_CSV) -> None:
    """Import a small CSV of fact-checks into the test database, as a user's import does."""
    csv = tmp_path / "factchecks.csv"
    csv.write_text(text, encoding="utf-8")
    with open_store(db_path) as store:
        result = import_files(store, [csv])
    assert result.total("added") == text.count("\n") - 1


def select(window: MainWindow, quote_start: str) -> str:
    """Open the article and select the claim whose wording starts with ``quote_start``."""
    if not window.claims:
        window.restore_last_article()
    claim_id = next(c for c, rc in window.claims.items() if rc.claim.claim.startswith(quote_start))
    window.claims_pane.select_claim(claim_id)
    return claim_id


def test_selecting_a_claim_shows_its_earlier_fact_check_and_alt_1_adds_it(
    qtbot, make_window: Callable[..., MainWindow], db_path: Path, tmp_path: Path
) -> None:
    import_library(db_path, tmp_path)
    window = make_window()
    panel = window.editor.checked_before
    claim_id = select(window, "The council spent")
    qtbot.waitUntil(lambda: bool(panel.matches), timeout=5000)

    assert [m.url for m in panel.matches] == ["https://checks.example/roads"]
    shown = panel.rows.findChildren(checked_before.QLabel)[0].text()
    assert "Full Check" in shown and "False" in shown and "2024-02-01" in shown
    assert "similarity 100%" in shown and 'href="https://checks.example/roads"' in shown

    reviewer_id = window.desk.reviewer_id
    assert reviewer_id is not None
    window.claims_pane.focus_table()
    with qtbot.waitSignal(window.editor.sources_changed):
        qtbot.keyClick(window.claims_pane.table, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    verdict = window.desk.verdicts.verdict(claim_id, reviewer_id)
    assert verdict is not None and verdict.is_draft
    (source,) = verdict.sources
    assert source.url == "https://checks.example/roads"
    assert source.publisher == "Full Check" and source.published == "2024-02-01"
    assert source.title == "Fact-check: False — Full Check"
    assert source.quote == "The council spent £2m on roads in 2023"
    assert source.note == "Earlier fact-check, similarity 100%"

    window.actions_.undo.trigger()
    assert window.desk.verdicts.verdict(claim_id, reviewer_id) is None


def test_a_claim_like_no_earlier_fact_check_says_so(
    qtbot, make_window: Callable[..., MainWindow], db_path: Path, tmp_path: Path
) -> None:
    import_library(db_path, tmp_path)
    window = make_window()
    panel = window.editor.checked_before
    select(window, "Crime fell")
    qtbot.waitUntil(lambda: panel.hint.text() == checked_before.NOTHING_FOUND, timeout=5000)
    assert panel.matches == []
    assert not panel.add_match(0)


def test_an_empty_library_shows_where_to_import_fact_checks(
    qtbot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    panel = window.editor.checked_before
    select(window, "The council spent")
    qtbot.waitUntil(lambda: panel.hint.text() == checked_before.EMPTY_LIBRARY, timeout=5000)
    assert "File ▸ Import fact-checks…" in panel.hint.text()
    assert panel.hint.isVisibleTo(window)


def test_the_add_keys_are_listed_among_the_shortcuts(
    make_window: Callable[..., MainWindow],
) -> None:
    window = make_window()
    keys = {a.shortcut().toString(): a.text() for a in window.actions_.all()}
    assert keys["Alt+1"] == "Earlier fact-check 1"
    assert keys["Alt+5"] == "Earlier fact-check 5"
