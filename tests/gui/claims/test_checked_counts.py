"""The claims table counts the earlier fact-checks that look like each claim."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.gui.verdict.test_checked_before import _words_only, import_library  # noqa: F401
from workbench.ui.claims.claims_model import Column
from workbench.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui


def cell(window: MainWindow, quote_start: str) -> str:
    """What the "Checked before" column says for the claim starting with ``quote_start``."""
    model = window.claims_pane.model
    (row,) = [r for r in model.rows() if r.reviewed.claim.claim.startswith(quote_start)]
    return model.index(model.row_of(row.claim_id), Column.CHECKED).data()


def test_the_table_shows_how_many_earlier_fact_checks_match_each_claim(
    qtbot, make_window: Callable[..., MainWindow], db_path: Path, tmp_path: Path
) -> None:
    import_library(db_path, tmp_path)
    window = make_window()
    window.restore_last_article()
    model = window.claims_pane.model
    assert model.headerData(Column.CHECKED, Qt.Orientation.Horizontal) == "Checked"
    qtbot.waitUntil(lambda: cell(window, "The council spent") == "1", timeout=5000)
    assert cell(window, "Crime fell") == "–"


def test_with_an_empty_library_the_column_stays_blank(
    qtbot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    window.restore_last_article()
    with qtbot.waitSignal(window.checked_counts.matcher.found, timeout=5000):
        pass
    assert cell(window, "The council spent") == ""


def test_my_own_verdict_on_a_claim_is_not_an_earlier_check_of_it(
    qtbot, make_window: Callable[..., MainWindow], db_path: Path, tmp_path: Path
) -> None:
    import_library(db_path, tmp_path)
    window = make_window()
    window.restore_last_article()
    qtbot.waitUntil(lambda: cell(window, "The council spent") == "1", timeout=5000)
    claim_id = next(c for c, rc in window.claims.items() if rc.claim.claim.startswith("The"))
    window.claims_pane.select_claim(claim_id)
    window.review.rate_current(window.desk.scale().labels[0])
    with qtbot.waitSignal(window.checked_counts.matcher.found, timeout=5000):
        window.claims_changed()  # the team's verdicts come into the library: counted again
    assert window.desk.store.factcheck_counts().get("team") == 1
    assert cell(window, "The council spent") == "1"
