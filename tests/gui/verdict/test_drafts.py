"""Research before the rating: notes and sources are kept at once as a draft verdict."""

from __future__ import annotations

import pytest

from tests.gui.verdict.test_verdict_editor import Desk, desk, editor  # noqa: F401
from workbench.model import Judgement
from workbench.ui.verdict.source_dialog import SourceInput
from workbench.ui.verdict.verdict_editor import VerdictEditor

pytestmark = pytest.mark.gui

LFS = {"title": "Labour Force Survey", "url": "https://www.ons.gov.uk/lfs"}


def test_a_source_before_any_rating_starts_a_draft_that_undo_removes(
    qtbot,
    editor: VerdictEditor,  # noqa: F811
    desk: Desk,  # noqa: F811
) -> None:
    qtbot.keyClicks(editor.rationale_edit, "Looking at the ONS series.")
    with qtbot.waitSignal(editor.sources_changed):
        assert editor.add_source_from(SourceInput(dict(LFS, quote="3.9%")))
    draft = desk.row()
    assert draft is not None and draft["rating"] is None
    assert draft["rationale"] == "Looking at the ONS series."
    assert [s.url for s in desk.store.sources_for(draft["id"])] == [LFS["url"]]
    assert editor.sources_model.rowCount() == 1
    assert "IN PROGRESS" in editor.verdict_title.text()

    while editor.undo_stack.canUndo():
        editor.undo_stack.undo()
    assert desk.row() is None
    assert desk.store.db["sources"].count == 0
    editor.undo_stack.redo()
    editor.undo_stack.redo()
    assert desk.store.db["sources"].count == 1

    editor.set_rating_by_index(1)
    rated = desk.row()
    assert (rated["id"], rated["rating"]) == (draft["id"], "Mostly true")
    assert [s.url for s in desk.store.sources_for(rated["id"])] == [LFS["url"]]


def test_a_confidence_before_any_rating_is_saved_as_a_draft(
    qtbot,
    editor: VerdictEditor,  # noqa: F811
    desk: Desk,  # noqa: F811
) -> None:
    with qtbot.waitSignal(editor.verdict_saved):
        editor.confidence_picker.button("Medium").click()
    draft = desk.row()
    assert draft is not None and draft["rating"] is None
    assert draft["confidence"] == pytest.approx(0.6)
    assert "in progress" in editor.status_label.text()


def test_erasing_everything_of_a_draft_leaves_no_draft(
    qtbot,
    editor: VerdictEditor,  # noqa: F811
    desk: Desk,  # noqa: F811
) -> None:
    qtbot.keyClicks(editor.rationale_edit, "x")
    editor.flush()
    assert desk.row() is not None
    editor.rationale_edit.clear()
    editor.flush()
    assert desk.row() is None


def test_others_verdicts_are_summed_up_above_the_fold_drafts_as_in_progress(
    qtbot,
    desk: Desk,  # noqa: F811
) -> None:
    store = desk.store
    rationale = "The ONS series shows 3.9% for the three months to March; the lowest since 1974."
    ben = store.save_verdict(
        desk.claims[0].id, desk.ben.id, Judgement("Mostly true", 0.9, rationale)
    )
    store.add_source(ben.id, title="Labour Force Survey", url=LFS["url"])
    cara = store.add_reviewer("Cara Okafor")
    store.save_verdict(desk.claims[0].id, cara.id, Judgement(None, rationale="Asking the ONS."))
    widget = VerdictEditor()
    qtbot.addWidget(widget)
    widget.resize(520, 560)
    widget.set_context(desk.service, desk.reviewed(), desk.anna)
    widget.show()
    qtbot.waitExposed(widget)

    lines = widget.others_summary.lines()
    assert lines[0].startswith("Ben: Mostly true · confidence high · sources: Labour Force Survey")
    assert rationale in lines[0]
    assert lines[1] == "Cara Okafor: in progress — “Asking the ONS.”"
    assert "Cara Okafor: in progress" in widget.others_view.texts()[1]
    # Shown whole, wrapped, and within the editor's first screen.
    summary = widget.others_summary
    assert summary.isVisible() and summary.wordWrap()
    top = summary.mapTo(widget, summary.rect().bottomLeft()).y()
    assert top < widget.height()


def test_a_draft_shows_as_in_progress_in_the_claims_table(qtmodeltester, desk: Desk) -> None:  # noqa: F811
    from workbench.ui.claims.claims_model import ClaimsTableModel, Column

    desk.store.save_verdict(desk.claims[0].id, desk.anna.id, Judgement(None, rationale="Notes"))
    desk.store.save_verdict(desk.claims[0].id, desk.ben.id, Judgement("True"))
    model = ClaimsTableModel()
    model.set_claims(desk.store.claims_for(desk.article.id), desk.anna.id)
    qtmodeltester.check(model)
    row = model.row_at(model.row_of(desk.claims[0].id))
    assert model.index(model.row_of(desk.claims[0].id), Column.MINE).data() == "in progress"
    assert not row.rated_by_me
    assert row.others == "True (Ben)"
