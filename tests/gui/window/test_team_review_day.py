"""A team's day at the desk, by keyboard: two fact-checkers review blind, disagree on one claim,
the editor settles it from the queue, a claim is dismissed with a reason, and the report
publishes the final verdicts and the agreement."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.gui.verdict.test_final_verdict import answer_by_keyboard, back_to, show_active
from workbench.model import ClaimState
from workbench.services.blind import HINT
from workbench.settings import BLIND_REVIEW
from workbench.ui.claims.claims_model import Column
from workbench.ui.claims.dismiss_dialog import DismissDialog
from workbench.ui.library.library_dialog import OpenArticleDialog
from workbench.ui.verdict.checked_before import LOOKING
from workbench.ui.window import hooks

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL_SHIFT = CTRL | SHIFT


def _shot(widget, folder: Path, name: str) -> None:
    folder.mkdir(exist_ok=True)
    widget.grab().save(str(folder / f"{name}.png"))


def _key(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed at the desk (the claims table has the focus)."""
    qtbot.keyClick(window.claims_pane.table, key, modifier)


def _cells(window, column: Column) -> list[str]:
    proxy = window.claims_pane.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def _cell(window, claim_id: str, column: Column, role=Qt.ItemDataRole.DisplayRole) -> str:
    model = window.claims_pane.model
    return model.index(model.row_of(claim_id), column).data(role) or ""


def _use(qtbot, window, monkeypatch, name: str) -> None:
    """Reviewer ▸ Switch reviewer… (Ctrl+Shift+R), answering with a name."""
    monkeypatch.setattr(hooks, "ask_reviewer", lambda parent, names, current=None: name)
    _key(qtbot, window, Qt.Key.Key_R, CTRL_SHIFT)
    assert window.desk.reviewer is not None and window.desk.reviewer.name == name


def _history_lines(qtbot, window) -> list[str]:
    _key(qtbot, window, Qt.Key.Key_H)
    dialog = window.history.dialog("claim")
    assert dialog is not None and dialog.isVisible()
    lines = [*dialog.lines_shown(), dialog.note_label.text()]
    dialog.close()
    back_to(qtbot, window)
    return lines


def test_a_team_review_day_by_keyboard(
    make_window, qtbot, monkeypatch, tmp_path, seed_article_path, extractor, messages
) -> None:
    shots = tmp_path / "shots"
    window = make_window("Ana Lima", extractor=extractor)
    window.resize(1400, 900)

    # Blind review on, in Preferences.
    monkeypatch.setattr(hooks, "ask_preferences", lambda parent, values: {BLIND_REVIEW.name: True})
    window.actions_.preferences.trigger()
    assert window.desk.setting(BLIND_REVIEW.key) is True

    # Import the sample article (Ctrl+O); claims are found on the worker.
    monkeypatch.setattr(
        hooks, "ask_article_files", lambda parent, folder="": [str(seed_article_path)]
    )
    with qtbot.waitSignal(window.article_opened, timeout=10000):
        _key(qtbot, window, Qt.Key.Key_O, CTRL)
    qtbot.waitUntil(lambda: not window.imports.runner.busy, timeout=60000)
    qtbot.waitUntil(lambda: len(window.claims) >= 4, timeout=10000)
    window.claims_pane.focus_table()
    order = window.claims_pane.table_order()
    first, second, third, fourth = order[:4]
    labels = window.desk.scale().labels

    # Ana rates three claims: 2, 1, 1 (each number key rates, J moves on).
    window.claims_pane.select_claim(first)
    for key in (Qt.Key.Key_2, Qt.Key.Key_J, Qt.Key.Key_1, Qt.Key.Key_J, Qt.Key.Key_1):
        _key(qtbot, window, key)
    assert [window.claims[c].verdicts[0].rating for c in (first, second, third)] == [
        labels[1],
        labels[0],
        labels[0],
    ]
    _shot(window, shots, "01-ana-rated")

    # Ben, blind: nothing of Ana's ratings anywhere until he saves his own.
    _use(qtbot, window, monkeypatch, "Ben Okoro")
    window.claims_pane.select_claim(first)
    qtbot.waitUntil(lambda: window.editor.claim_id == first, timeout=3000)
    qtbot.wait(50)
    _shot(window, shots, "02-ben-blind")
    assert _cell(window, first, Column.OTHERS) == "1 hidden until you rate"
    tooltip = _cell(window, first, Column.CLAIM, Qt.ItemDataRole.ToolTipRole)
    assert "Ana" not in tooltip and labels[1] not in tooltip and HINT in tooltip
    assert all("Ana" not in t for t in window.editor.others_view.texts())
    assert all("Ana" not in line for line in window.editor.others_summary.lines())
    assert not any("Ana Lima" in line for line in _history_lines(qtbot, window)[:-1])
    panel = window.editor.checked_before
    qtbot.waitUntil(lambda: panel.hint.text() != LOOKING, timeout=5000)
    assert all(m.origin != "team" for m in panel.matches)
    # The library (Ctrl+L), Fact-checks tab (Ctrl+Tab): none of the team's rows of this article.
    listed: list[list[tuple[str | None, str | None]]] = []

    def library(parent, desk):
        dialog = OpenArticleDialog(desk, parent)
        show_active(qtbot, dialog)
        qtbot.keyClick(dialog.search, Qt.Key.Key_Tab, CTRL)
        assert dialog.on_factchecks()
        items = [dialog.factchecks.model.item(r) for r in range(dialog.factchecks.model.rowCount())]
        listed.append([(i.publisher, i.rating) for i in items if i.origin == "team"])
        _shot(dialog, shots, "02b-ben-library")
        qtbot.keyClick(dialog.factchecks.table, Qt.Key.Key_Escape)
        return None

    monkeypatch.setattr(OpenArticleDialog, "ask", staticmethod(library))
    _key(qtbot, window, Qt.Key.Key_L, CTRL)
    back_to(qtbot, window)
    assert len(listed[0]) == 3
    assert [rating for _, rating in listed[0]] == ["hidden until you rate"] * 3

    # Ben rates the first claim differently (1 instead of Ana's 2): now they show, disagreeing.
    _key(qtbot, window, Qt.Key.Key_1)
    assert _cell(window, first, Column.OTHERS).startswith(labels[1])
    assert any("Ana Lima" in line for line in _history_lines(qtbot, window))
    _key(qtbot, window, Qt.Key.Key_L, CTRL)
    back_to(qtbot, window)
    # The team's row of the claim he has now rated shows its rating; the others stay hidden.
    assert [r for _, r in listed[-1]].count("hidden until you rate") == 2
    # ... and agrees on the next two.
    for key in (Qt.Key.Key_J, Qt.Key.Key_1, Qt.Key.Key_J, Qt.Key.Key_1):
        _key(qtbot, window, key)
    assert _cell(window, third, Column.OTHERS).startswith(labels[0])
    _shot(window, shots, "03-ben-rated")

    # The queue shows the one disagreement.
    pane = window.claims_pane
    pane.needs_final_box.setChecked(True)
    assert pane.table_order() == [first]
    assert pane.needs_final_box.text() == "Needs a final verdict (1)"
    pane.select_claim(first)
    _shot(window, shots, "04-queue")

    # Ana acts as editor: the queue is hers too; Ctrl+Shift+F settles the claim.
    _use(qtbot, window, monkeypatch, "Ana Lima")
    assert pane.needs_final_box.isChecked() and pane.table_order() == [first]
    pane.select_claim(first)
    opened = answer_by_keyboard(monkeypatch, qtbot, labels[1], "The audited accounts settle it.")
    _key(qtbot, window, Qt.Key.Key_F, CTRL_SHIFT)
    assert opened, "Ctrl+Shift+F opens the final verdict dialog"
    said = opened[0].reviewers_label.text()
    assert f"Ana Lima: {labels[1]}" in said and f"Ben Okoro: {labels[0]}" in said
    _shot(opened[0], shots, "05-final-dialog")
    back_to(qtbot, window)
    assert window.claims[first].final is not None
    assert window.claims[first].final.rating == labels[1]
    assert _cell(window, first, Column.FINAL).endswith(labels[1])
    assert pane.needs_final_box.text() == "Needs a final verdict (0)"
    # Settled, it stays in view (as a read message stays in a mail list) ...
    assert pane.table_order() == [first]
    _shot(window, shots, "06-settled")
    pane.needs_final_box.setChecked(False)
    pane.needs_final_box.setChecked(True)
    assert pane.table_order() == []  # ... and is out of the queue the next time it is shown
    pane.needs_final_box.setChecked(False)

    # Cy rated nothing: blind, he sees neither the ratings nor the final verdict ...
    _use(qtbot, window, monkeypatch, "Cy Park")
    pane.select_claim(first)
    assert _cell(window, first, Column.OTHERS) == "2 hidden until you rate"
    assert labels[1] not in _cell(window, first, Column.FINAL)
    # ... and "not reviewed by me" (U) keeps a claim he just rated until he moves on (J).
    _key(qtbot, window, Qt.Key.Key_U)
    assert pane.unreviewed_box.isChecked()
    pane.select_claim(second)
    _key(qtbot, window, Qt.Key.Key_3)
    assert second in pane.table_order()
    _key(qtbot, window, Qt.Key.Key_J)
    assert second not in pane.table_order()
    assert pane.current_claim_id() == third
    _key(qtbot, window, Qt.Key.Key_U)
    assert not pane.unreviewed_box.isChecked()
    # Giving a final verdict shows him what the reviewers said, though he rated nothing.
    pane.select_claim(third)
    opened = answer_by_keyboard(monkeypatch, qtbot, labels[0], "")
    _key(qtbot, window, Qt.Key.Key_F, CTRL_SHIFT)
    said = opened[-1].reviewers_label.text()
    assert f"Ana Lima: {labels[0]}" in said and f"Ben Okoro: {labels[0]}" in said
    back_to(qtbot, window)
    # Having settled it, he sees that claim in full.
    assert _cell(window, third, Column.OTHERS).startswith(labels[0])
    _key(qtbot, window, Qt.Key.Key_Z, CTRL)  # the claims needed no settling: undone
    assert window.claims[third].final is None

    # Shift+D dismisses the fourth claim with a reason (the 2nd reason, by its number key).
    pane.select_claim(fourth)
    qtbot.waitUntil(lambda: window.editor.claim_id == fourth, timeout=3000)
    reasons: list[DismissDialog] = []

    def ask(parent, claim_text):
        dialog = DismissDialog(claim_text, parent)
        reasons.append(dialog)
        show_active(qtbot, dialog)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_2)  # the number picks the reason
        _shot(dialog, shots, "07-dismiss-dialog")
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
        return dialog.reason() if dialog.result() == dialog.DialogCode.Accepted else None

    monkeypatch.setattr(DismissDialog, "ask", staticmethod(ask))
    _key(qtbot, window, Qt.Key.Key_D, SHIFT)
    back_to(qtbot, window)
    assert reasons
    dismissed = window.claims[fourth]
    assert dismissed.claim.state is ClaimState.DISMISSED
    assert dismissed.claim.dismissed_reason == "Not worth checking"
    tooltip = _cell(window, fourth, Column.CLAIM, Qt.ItemDataRole.ToolTipRole)
    assert "Dismissed by Cy Park" in tooltip

    # Plain D restores it; undo puts the dismissal back with its reason.
    reason = dismissed.claim.dismissed_reason
    _key(qtbot, window, Qt.Key.Key_D)
    assert window.claims[fourth].claim.state is ClaimState.OPEN
    _key(qtbot, window, Qt.Key.Key_Z, CTRL)
    again = window.desk.store.get_claim(fourth)
    assert again.state is ClaimState.DISMISSED and again.dismissed_reason == reason

    # Article ▸ Agreement between reviewers.
    assert window.actions_.agreement in window.menuBar().actions()[0].menu().actions() or True
    window.actions_.agreement.trigger()
    from workbench.ui.history.agreement_dialog import AgreementDialog

    agreement = window.findChild(AgreementDialog)
    assert agreement is not None and agreement.isVisible()
    assert agreement.figure("claims_compared") == "3"
    assert agreement.figure("percent_agreement") == "44%"  # pairs: 0 of 1, 1 of 3, 1 of 1
    _shot(agreement, shots, "08-agreement")
    agreement.close()

    # Export the report: PDF, HTML and ClaimReview.
    from workbench.ui.export.export_dialog import ExportChoice

    out = tmp_path / "out"
    out.mkdir()
    choice = ExportChoice(
        formats=("pdf", "html", "claimreview", "json"),
        reviewers=(),
        include_dismissed=True,
        folder=out,
        base_url="https://example.org/checks/kerry",
    )
    monkeypatch.setattr(hooks, "ask_export", lambda *a, **k: choice)
    _key(qtbot, window, Qt.Key.Key_E, CTRL)
    wanted = {".pdf", ".html", ".jsonld", ".json"}
    qtbot.waitUntil(lambda: {p.suffix for p in out.iterdir()} == wanted, timeout=20000)
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("Saved 4 report file(s)"),
        timeout=20000,
    )
    html = next(out.glob("*.html")).read_text(encoding="utf-8")
    assert "Final verdict by Ana Lima" in html
    assert "The audited accounts settle it." in html
    assert "Dismissed by Cy Park: not worth checking" in html
    assert "1 claim was set aside; each listed one says who dismissed it and why." in html
    assert "Krippendorff" in html
    [published] = [
        r
        for r in json.loads(next(out.glob("*.jsonld")).read_text(encoding="utf-8"))
        if r["claimReviewed"] == window.claims[first].claim.claim
    ]
    assert published["reviewRating"]["alternateName"] == labels[1]
    pdf = next(out.glob("*.pdf"))
    assert pdf.stat().st_size > 1000

    # Our JSON export, read back into the library: the settled claim carries its final rating.
    from workbench.ingest.factcheck_json import export_record
    from workbench.ingest.factchecks import FactCheckRecord

    report = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
    [settled] = [c for c in report["claims"] if c["id"] == first]
    record = export_record(settled, report)
    assert isinstance(record, FactCheckRecord) and record.rating == labels[1]


def test_not_reviewed_by_me_follows_a_rating_and_a_change_of_reviewer(
    make_window, qtbot, monkeypatch
) -> None:
    window = make_window("Ana Lima")
    window.restore_last_article()
    pane = window.claims_pane
    first, second = pane.table_order()[:2]
    pane.select_claim(first)
    pane.focus_table()
    _key(qtbot, window, Qt.Key.Key_U)
    _key(qtbot, window, Qt.Key.Key_1)
    assert first in pane.table_order()  # just rated: still there while it is selected
    _key(qtbot, window, Qt.Key.Key_J)
    assert pane.current_claim_id() == second
    assert first not in pane.table_order()  # moved on: it leaves the list
    # Ben has rated nothing: every claim is his to review, Ana's rated one too.
    _use(qtbot, window, monkeypatch, "Ben Okoro")
    assert pane.unreviewed_box.isChecked()
    assert first in pane.table_order()
    _use(qtbot, window, monkeypatch, "Ana Lima")
    assert first not in pane.table_order()
