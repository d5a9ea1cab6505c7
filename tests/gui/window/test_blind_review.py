"""Blind review in the desk: the others' ratings of a claim show once the reviewer saved theirs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.gui.verdict.test_checked_before import _words_only  # noqa: F401
from workbench.model import Judgement
from workbench.services.blind import HINT
from workbench.settings import BLIND_REVIEW
from workbench.store import open_store
from workbench.ui.claims.claim_state import ReviewState
from workbench.ui.claims.claims_model import Column
from workbench.ui.verdict.checked_before import LOOKING
from workbench.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui

COUNCIL = "The council spent £2m on roads in 2023"
CRIME = "Crime fell by 12 percent"
#: A second claim of the same article, much like the first: the team's row of it is a match.
ALIKE = "The council spent £2m on roads in 2023, the mayor said"


@pytest.fixture
def blind_db(db_path: Path) -> Path:
    """Ana and Cy disagree on the council claim, Ana rated the crime claim and a claim much
    like the council one; blind review is on. Ben has rated nothing yet."""
    with open_store(db_path) as store:
        [article] = store.list_articles()
        text = store.get_article(article["id"]).text
        start = text.index(ALIKE)
        from workbench.model import Claim

        alike = Claim(
            article_id=article["id"], start=start, end=start + len(ALIKE), quote=ALIKE, score=0.9
        )
        store.add_claims(article["id"], [alike])
        claims = {rc.claim.quote: rc.claim.id for rc in store.claims_for(article["id"])}
        council = next(c for q, c in claims.items() if q == COUNCIL)
        crime = next(c for q, c in claims.items() if q.startswith(CRIME))
        ana, cy = store.add_reviewer("Ana Lima"), store.add_reviewer("Cy Park")
        store.save_verdict(council, ana.id, Judgement("False", rationale="Ana's own reasons"))
        store.save_verdict(council, cy.id, Judgement("True"))
        store.save_verdict(crime, ana.id, Judgement("True"))
        store.save_verdict(alike.id, ana.id, Judgement("Mostly false"))
        store.set_setting(BLIND_REVIEW.key, True)
        store.sync_team_factchecks()  # the team's verdicts are in the library
    return db_path


def _claim_id(window: MainWindow, start: str) -> str:
    return next(c for c, rc in window.claims.items() if rc.claim.quote.startswith(start))


def _row(window: MainWindow, start: str):  # type: ignore[no-untyped-def]
    model = window.claims_pane.model
    return model.row_at(model.row_of(_claim_id(window, start)))


def _cell(window: MainWindow, start: str, column: Column, role=Qt.ItemDataRole.DisplayRole) -> str:  # type: ignore[no-untyped-def]
    model = window.claims_pane.model
    return model.index(model.row_of(_claim_id(window, start)), column).data(role)


def _select(qtbot, window: MainWindow, start: str) -> str:  # type: ignore[no-untyped-def]
    if not window.claims:
        window.restore_last_article()
    claim_id = _claim_id(window, start)
    window.claims_pane.select_claim(claim_id)
    qtbot.waitUntil(lambda: window.editor.claim_id == claim_id, timeout=3000)
    return claim_id


def _team_matches(qtbot, window: MainWindow) -> list[str | None]:  # type: ignore[no-untyped-def]
    panel = window.editor.checked_before
    qtbot.waitUntil(lambda: panel.hint.text() != LOOKING, timeout=5000)
    return [m.rating for m in panel.matches if m.origin == "team"]


def _history(window: MainWindow) -> tuple[list[str], str]:
    window.history.show_claim_history()
    dialog = window.history.dialog("claim")
    assert dialog is not None
    lines, note = dialog.lines_shown(), dialog.note_label.text()
    dialog.close()
    return lines, note


def test_a_blind_reviewer_sees_no_rating_until_they_saved_theirs(
    qtbot, make_window: Callable[..., MainWindow], blind_db: Path
) -> None:
    window = make_window("Ben Okoro")
    _select(qtbot, window, COUNCIL)
    editor = window.editor

    # The claims table: the count stays, the ratings and the ≠ mark do not.
    assert _cell(window, COUNCIL, Column.OTHERS) == "2 hidden until you rate"
    assert _row(window, COUNCIL).state is ReviewState.UNREVIEWED
    tooltip = _cell(window, COUNCIL, Column.CLAIM, Qt.ItemDataRole.ToolTipRole)
    assert HINT in tooltip and "False" not in tooltip and "Ana" not in tooltip
    # The article's highlights follow the same rows.
    highlighted = {r.claim_id: r.state for r in window.article_pane.text._rows}
    assert highlighted[_claim_id(window, COUNCIL)] is ReviewState.UNREVIEWED
    # The editor: a calm line instead of the others' verdicts, in the summary and the cards.
    assert editor.others_summary.lines() == [f"{HINT} (2 other verdicts hidden)"]
    assert editor.others_summary.toolTip() == HINT
    assert all("Ana" not in t and "False" not in t for t in editor.others_view.texts())
    assert HINT in editor.others_view.texts()[0]
    # The history: nothing of Ana's or Cy's verdicts, and it says why.
    lines, note = _history(window)
    assert not any("Ana Lima" in line or "Cy Park" in line for line in lines)
    assert HINT in note
    # Checked before: the team's verdict on a claim of this article Ben has not rated is hidden.
    assert _team_matches(qtbot, window) == []

    # A draft does not count: still hidden after the rationale is saved.
    editor.rationale_edit.setPlainText("Looking at the council's accounts")
    with qtbot.waitSignal(editor.verdict_saved, timeout=3000):
        editor.flush()
    assert editor.my_verdict is not None and editor.my_verdict.is_draft
    assert editor.others_summary.lines() == [f"{HINT} (2 other verdicts hidden)"]
    assert _cell(window, COUNCIL, Column.OTHERS) == "2 hidden until you rate"
    window.claims_changed()
    assert _cell(window, COUNCIL, Column.OTHERS) == "2 hidden until you rate"

    # Saving a rating reveals everything about this claim at once.
    with qtbot.waitSignal(editor.verdict_saved, timeout=3000):
        editor.set_rating("Half true")
    assert _cell(window, COUNCIL, Column.OTHERS) == "False (Ana); True (Cy)"
    assert _row(window, COUNCIL).state is ReviewState.DISAGREE
    tooltip = _cell(window, COUNCIL, Column.CLAIM, Qt.ItemDataRole.ToolTipRole)
    assert "Ana Lima: False" in tooltip and HINT not in tooltip
    assert any(line.startswith("Ana Lima: False") for line in editor.others_summary.lines())
    assert "Ana's own reasons" in editor.others_summary.toolTip()
    lines, note = _history(window)
    assert any("Ana Lima" in line and "False" in line for line in lines)
    assert HINT not in note
    # The other claims Ben has not rated stay hidden.
    assert _cell(window, CRIME, Column.OTHERS) == "1 hidden until you rate"

    # Once Ben rated the claim much like it, its team row shows in "Checked before" too.
    _select(qtbot, window, ALIKE)
    assert _cell(window, ALIKE, Column.OTHERS) == "1 hidden until you rate"
    with qtbot.waitSignal(window.editor.verdict_saved, timeout=3000):
        window.editor.set_rating("False")
    _select(qtbot, window, COUNCIL)
    assert _team_matches(qtbot, window)  # the team's newest rating of it


def test_switching_reviewer_and_turning_it_off_show_the_ratings(
    qtbot, make_window: Callable[..., MainWindow], blind_db: Path
) -> None:
    window = make_window("Ben Okoro")
    _select(qtbot, window, COUNCIL)
    assert _cell(window, COUNCIL, Column.OTHERS) == "2 hidden until you rate"
    # Ana rated it: she sees Cy's verdict.
    assert window.use_reviewer("Ana Lima")
    assert _cell(window, COUNCIL, Column.OTHERS) == "True (Cy)"
    assert _row(window, COUNCIL).state is ReviewState.DISAGREE
    assert window.use_reviewer("Ben Okoro")
    assert _cell(window, COUNCIL, Column.OTHERS) == "2 hidden until you rate"
    # The Checked column does not count the team's verdicts of claims Ben has not rated.
    qtbot.waitUntil(lambda: _cell(window, COUNCIL, Column.CHECKED) == "–", timeout=5000)

    # Preferences turns it off for the database: everything shows at once.
    window.preferences.apply({BLIND_REVIEW.name: False})
    assert window.desk.setting(BLIND_REVIEW.key) is False
    assert _cell(window, COUNCIL, Column.OTHERS) == "False (Ana); True (Cy)"
    assert _cell(window, CRIME, Column.OTHERS) == "True (Ana)"
    qtbot.waitUntil(lambda: _cell(window, COUNCIL, Column.CHECKED) == "1", timeout=5000)
    _select(qtbot, window, COUNCIL)
    assert any(line.startswith("Ana Lima: False") for line in window.editor.others_summary.lines())
    lines, note = _history(window)
    assert any("Ana Lima" in line for line in lines) and HINT not in note
    assert "Mostly false" in _team_matches(qtbot, window)


def test_preferences_offers_blind_review_for_the_database(qtbot) -> None:
    from workbench.ui.preferences.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(None, {"reviewer_name": "Ben Okoro", BLIND_REVIEW.name: True})
    qtbot.addWidget(dialog)
    assert dialog.blind_check.isChecked()
    dialog.blind_check.setChecked(False)
    assert dialog.value()[BLIND_REVIEW.name] is False
    labels = {label.text().replace("&", "") for label in dialog.findChildren(QLabel)}
    assert f"{BLIND_REVIEW.label}:" in labels
