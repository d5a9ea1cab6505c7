"""The verdict editor driven as a reviewer would, against a real database file."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QApplication, QDialog

from workbench.model import Article, Block, BlockKind, Claim, Judgement, ReviewedClaim, Reviewer
from workbench.services.desk import Desk as ReviewDesk
from workbench.store import Store, open_store
from workbench.ui.verdict.source_dialog import SourceDialog, SourceInput
from workbench.ui.verdict.verdict_editor import VerdictEditor

pytestmark = pytest.mark.gui

TEXT = (
    "Unemployment fell to 3.9% in March, the lowest rate since 1974. "
    "The minister said wages would rise by 4% next year."
)


@dataclass
class Desk:
    store: Store
    path: Path
    article: Article
    claims: list[Claim]
    anna: Reviewer
    ben: Reviewer
    service: ReviewDesk

    def reviewed(self, index: int = 0) -> ReviewedClaim:
        return self.store.claims_for(self.article.id)[index]

    def row(self, index: int = 0) -> dict | None:
        found = list(
            self.store.db["verdicts"].rows_where(
                "claim_id = ? AND reviewer_id = ?", [self.claims[index].id, self.anna.id]
            )
        )
        return found[0] if found else None


def _claim(text: str, quote: str) -> Claim:
    start = text.index(quote)
    return Claim(article_id="", start=start, end=start + len(quote), quote=quote, score=0.8)


@pytest.fixture
def desk(tmp_path: Path):
    path = tmp_path / "desk.sqlite3"
    store = open_store(path)
    article = Article(text=TEXT, title="Jobs", blocks=[Block(BlockKind.BODY, 0, len(TEXT))])
    claims = [
        _claim(TEXT, "Unemployment fell to 3.9% in March, the lowest rate since 1974."),
        _claim(TEXT, "wages would rise by 4% next year"),
    ]
    store.add_article(article, claims)
    anna, ben = store.add_reviewer("Anna"), store.add_reviewer("Ben")
    service = ReviewDesk(store)
    service.use_reviewer("Anna")
    desk = Desk(store, path, article, claims, anna, ben, service)
    yield desk
    store.close()


@pytest.fixture
def editor(qtbot, desk: Desk) -> VerdictEditor:
    widget = VerdictEditor(QUndoStack())
    qtbot.addWidget(widget)
    widget.set_context(desk.service, desk.reviewed(), desk.anna, desk.store.rating_scale())
    widget.resize(460, 800)
    widget.show()
    return widget


def test_rating_is_saved_at_once(qtbot, editor: VerdictEditor, desk: Desk) -> None:
    with qtbot.waitSignal(editor.verdict_saved) as blocker:
        editor.rating_picker._buttons[3].click()
    assert blocker.args == [desk.claims[0].id]
    assert desk.row()["rating"] == "Mostly false"
    assert "✓" in editor.rating_picker._buttons[3].text()


def test_number_key_index_sets_the_rating(qtbot, editor: VerdictEditor, desk: Desk) -> None:
    assert editor.rating_picker._buttons[0].text().startswith("1  True")
    with qtbot.waitSignal(editor.verdict_saved):
        assert editor.set_rating_by_index(4)
    assert desk.row()["rating"] == "False"
    assert not editor.set_rating_by_index(99)


def test_rationale_is_saved_on_flush(qtbot, editor: VerdictEditor, desk: Desk) -> None:
    editor.set_rating_by_index(1)
    qtbot.keyClicks(editor.rationale_edit, "ONS series for the three months to March.")
    assert desk.row()["rationale"] == ""
    with qtbot.waitSignal(editor.verdict_saved):
        assert editor.flush()
    assert desk.row()["rationale"] == "ONS series for the three months to March."
    assert editor.status_label.text().startswith("✓ Saved")


def test_rationale_is_saved_after_a_pause_in_typing(
    qtbot, editor: VerdictEditor, desk: Desk
) -> None:
    editor.set_rating_by_index(1)
    editor._autosave.setInterval(20)
    with qtbot.waitSignal(editor.verdict_saved, timeout=5000):
        qtbot.keyClicks(editor.rationale_edit, "Checked against the Labour Force Survey.")
    assert desk.row()["rationale"] == "Checked against the Labour Force Survey."


def test_a_save_while_typing_keeps_the_cursor_where_the_words_go_on(
    qtbot, editor: VerdictEditor, desk: Desk
) -> None:
    from PySide6.QtGui import QTextCursor

    editor._autosave.setInterval(20)
    field = editor.wording_edit
    field.setFocus()
    field.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(editor.claim_changed, timeout=5000):
        qtbot.keyClicks(field, " and more ")  # saved (tidied) while the last space is typed
    qtbot.keyClicks(field, "after")
    assert field.toPlainText().endswith("and more after")


def test_rationale_typed_before_rating_is_saved_as_a_draft_that_the_rating_completes(
    qtbot, editor: VerdictEditor, desk: Desk
) -> None:
    qtbot.keyClicks(editor.rationale_edit, "Figure checks out.")
    assert editor.flush()
    draft = desk.row()
    assert draft is not None and draft["rating"] is None
    assert draft["rationale"] == "Figure checks out."
    assert "in progress" in editor.status_label.text()
    editor.set_context(desk.service, desk.reviewed(1), desk.anna)
    editor.set_context(desk.service, desk.reviewed(0), desk.anna)
    assert editor.rationale_edit.toPlainText() == "Figure checks out."
    editor.set_rating_by_index(0)
    rated = desk.row()
    assert (rated["id"], rated["rating"]) == (draft["id"], "True")
    assert rated["rationale"] == "Figure checks out."


def test_switching_claims_saves_the_rationale(qtbot, editor: VerdictEditor, desk: Desk) -> None:
    editor.set_rating_by_index(2)
    qtbot.keyClicks(editor.rationale_edit, "Half of it holds.")
    editor.set_context(desk.service, desk.reviewed(1), desk.anna)
    assert desk.row(0)["rationale"] == "Half of it holds."
    assert editor.rationale_edit.toPlainText() == ""


def test_confidence_is_saved(qtbot, editor: VerdictEditor, desk: Desk) -> None:
    editor.set_rating_by_index(0)
    with qtbot.waitSignal(editor.verdict_saved):
        editor.confidence_picker.button("High").click()
    assert desk.row()["confidence"] == pytest.approx(0.9)


def test_sources_can_be_added_before_a_rating(editor: VerdictEditor) -> None:
    assert editor.sources_panel.add_button.isEnabled()
    assert "before or after choosing a rating" in editor.sources_panel.hint.text()


def test_source_with_attached_file_keeps_bytes_and_hash(
    qtbot, editor: VerdictEditor, desk: Desk, tmp_path: Path, monkeypatch
) -> None:
    editor.set_rating_by_index(1)
    pdf = tmp_path / "lfs.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% Labour Force Survey, March\n%%EOF\n")

    def fill(parent, source=None, **kwargs):
        dialog = SourceDialog(parent, source, **kwargs)
        dialog.title_edit.setText("Labour Force Survey")
        dialog.url_edit.setText("https://www.ons.gov.uk/lfs")
        assert dialog.attach_file(pdf)
        dialog.accept()
        return dialog.value()

    monkeypatch.setattr(SourceDialog, "ask", fill)
    with qtbot.waitSignal(editor.sources_changed):
        editor.sources_panel.add_button.click()
    row = next(iter(desk.store.db["sources"].rows))
    assert row["attachment"] == pdf.read_bytes()
    assert row["attachment_sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert row["accessed"]  # today, by default
    shown = editor.sources_model.data(editor.sources_model.index(0), Qt.ItemDataRole.DisplayRole)
    assert "Labour Force Survey" in shown and "lfs.pdf" in shown


def test_removed_source_comes_back_with_its_file_on_undo(
    qtbot, editor: VerdictEditor, desk: Desk
) -> None:
    editor.set_rating_by_index(1)
    data = b"scan of the council minutes"
    editor.add_source_from(SourceInput({"title": "Council minutes"}, data, "minutes.pdf"))
    source = editor.my_verdict.sources[0]
    with qtbot.waitSignal(editor.sources_changed):
        assert editor.remove_source(source)
    assert desk.store.db["sources"].count == 0
    assert editor.sources_model.rowCount() == 0
    with qtbot.waitSignal(editor.sources_changed):
        editor.undo_stack.undo()
    assert desk.store.get_attachment(source.id) == data
    assert editor.sources_model.rowCount() == 1


def test_edit_source_changes_fields_and_undo_restores_them(
    qtbot, editor: VerdictEditor, desk: Desk, monkeypatch
) -> None:
    editor.set_rating_by_index(1)
    editor.add_source_from(SourceInput({"title": "LFS", "publisher": "ONS"}))
    source = editor.my_verdict.sources[0]
    monkeypatch.setattr(
        SourceDialog,
        "ask",
        lambda parent, src=None, **kw: SourceInput(
            {**src.to_dict(), "title": "Labour Force Survey"}
        ),
    )
    editor.sources_view.setCurrentIndex(editor.sources_model.index(0))
    with qtbot.waitSignal(editor.sources_changed):
        editor.sources_panel.edit_button.click()
    assert desk.store.get_source(source.id).title == "Labour Force Survey"
    editor.undo_stack.undo()
    assert desk.store.get_source(source.id).title == "LFS"


def test_paste_as_source_fills_the_address(editor: VerdictEditor, monkeypatch) -> None:
    editor.set_rating_by_index(1)
    seen = {}
    monkeypatch.setattr(SourceDialog, "ask", lambda parent, src=None, **kw: seen.update(kw) or None)
    QGuiApplication.clipboard().setText("https://www.ons.gov.uk/x")
    editor.paste_source()
    assert seen["prefill"] == {"url": "https://www.ons.gov.uk/x"}
    QGuiApplication.clipboard().setText("Unemployment was 3.9%.")
    editor.paste_source()
    assert seen["prefill"] == {"quote": "Unemployment was 3.9%."}


def test_undo_of_a_rating_change_brings_back_the_previous_rating(
    qtbot, editor: VerdictEditor, desk: Desk
) -> None:
    editor.set_rating_by_index(0)
    qtbot.keyClicks(editor.rationale_edit, "First look.")
    editor.flush()
    before = desk.row()
    editor.set_rating_by_index(4)
    assert desk.row()["rating"] == "False"
    with qtbot.waitSignal(editor.verdict_saved):
        editor.undo_stack.undo()
    assert desk.row() == before
    assert editor.rating_picker.current() == "True"
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert desk.row() is None
    assert editor.rating_picker.current() is None


def test_editing_the_wording_keeps_the_quote(qtbot, editor: VerdictEditor, desk: Desk) -> None:
    editor.wording_edit.selectAll()
    qtbot.keyClicks(editor.wording_edit, "Unemployment was 3.9% in the three months to March")
    with qtbot.waitSignal(editor.claim_changed):
        editor.flush()
    claim = desk.store.get_claim(desk.claims[0].id)
    assert claim.claim == "Unemployment was 3.9% in the three months to March"
    assert claim.quote == desk.claims[0].quote
    assert desk.claims[0].quote in editor.quote_label.text()


def test_other_reviewers_verdict_is_shown_read_only(qtbot, desk: Desk) -> None:
    desk.store.save_verdict(
        desk.claims[0].id, desk.ben.id, Judgement("Mostly true", rationale="ONS agrees, roughly.")
    )
    widget = VerdictEditor()
    qtbot.addWidget(widget)
    widget.set_context(desk.service, desk.reviewed(), desk.anna)
    texts = widget.others_view.texts()
    assert len(texts) == 1
    assert "Ben: Mostly true" in texts[0] and "ONS agrees, roughly." in texts[0]
    assert widget.rating_picker.current() is None  # Ben's rating is not Anna's


def test_read_only_database_disables_editing(qtbot, desk: Desk) -> None:
    desk.store.save_verdict(desk.claims[0].id, desk.anna.id, Judgement("True"))
    desk.store.close()
    store = open_store(desk.path, read_only=True)
    try:
        widget = VerdictEditor()
        qtbot.addWidget(widget)
        claim = store.claims_for(desk.article.id)[0]
        widget.set_context(ReviewDesk(store), claim, desk.anna)
        assert "read-only" in widget.note_label.text()
        assert not widget.note_label.isHidden()
        assert widget.rationale_edit.isReadOnly() and widget.wording_edit.isReadOnly()
        qtbot.keyClicks(widget.rationale_edit, "typed anyway")
        assert "typed anyway" not in widget.rationale_edit.toPlainText()
        assert widget.flush()
        assert not widget.rating_picker.isEnabled()
        assert not widget.sources_panel.add_button.isEnabled()
        assert not widget.set_rating_by_index(2)
        assert widget.rating_picker.current() == "True"
    finally:
        store.close()


def test_closing_the_editor_saves_what_was_typed(qtbot, editor: VerdictEditor, desk: Desk) -> None:
    editor.set_rating_by_index(0)
    qtbot.keyClicks(editor.rationale_edit, "Typed just before closing.")
    editor.close()
    assert desk.row()["rationale"] == "Typed just before closing."


def test_no_claim_shows_a_hint(qtbot, desk: Desk) -> None:
    widget = VerdictEditor()
    qtbot.addWidget(widget)
    widget.set_context(desk.service, None, desk.anna)
    assert not widget.is_editable()
    assert "Select a claim" in widget.hint_label.text()
    assert not widget.set_rating_by_index(0)


def test_store_error_is_shown_inline(qtbot, editor: VerdictEditor, desk: Desk) -> None:
    desk.store.delete_claim(desk.claims[0].id)
    with qtbot.waitSignal(editor.error_occurred):
        assert not editor.set_rating_by_index(0)
    assert "There is no claim" in editor.error_line.message()
    assert editor.undo_stack.count() == 0


def test_sources_model_passes_the_model_tester(qtmodeltester, editor: VerdictEditor) -> None:
    editor.set_rating_by_index(0)
    editor.add_source_from(SourceInput({"title": "A", "url": "https://example.org/a"}))
    editor.add_source_from(SourceInput({"title": "B"}, b"x", "b.txt"))
    qtmodeltester.check(editor.sources_model)


def test_rating_buttons_show_whole_from_the_first_paint(qtbot, desk: Desk) -> None:
    widget = VerdictEditor(QUndoStack())
    qtbot.addWidget(widget)
    widget.set_context(desk.service, None, desk.anna, desk.store.rating_scale())
    widget.resize(460, 400)  # short: the form scrolls
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_context(desk.service, desk.reviewed(), desk.anna, desk.store.rating_scale())
    QApplication.processEvents()  # the layout pass before the first paint of the claim
    picker = widget.rating_picker
    for button in picker._buttons:
        # The bottom border is the button's last pixel row: the picker must hold it.
        assert button.geometry().bottom() < picker.height(), button.text()


def test_the_same_address_added_twice_is_one_source_and_one_undo_step(
    editor: VerdictEditor, desk: Desk
) -> None:
    editor.set_rating_by_index(0)
    steps = editor.undo_stack.count()
    editor.add_source_from(SourceInput({"title": "ONS", "url": "https://ons.example/cpi"}))
    editor.add_source_from(SourceInput({"title": "ONS", "url": " https://ons.example/cpi "}))
    assert [s.url for s in desk.reviewed().verdicts[0].sources] == ["https://ons.example/cpi"]
    assert "already one of this verdict's sources" in editor.status_label.text()
    assert editor.undo_stack.count() == steps + 1
    editor.undo_stack.undo()  # undoing the add removes the one source, once
    assert desk.reviewed().verdicts[0].sources == []


def test_a_repeated_address_is_refused_in_the_dialog_which_keeps_what_was_typed(
    editor: VerdictEditor, desk: Desk, monkeypatch
) -> None:
    editor.set_rating_by_index(0)
    editor.add_source_from(SourceInput({"title": "ONS", "url": "https://ons.example/cpi"}))
    seen: list[tuple[int, str, str]] = []

    def ask(parent, source=None, **kwargs):
        dialog = SourceDialog(parent, source, **kwargs)
        dialog.title_edit.setText("ONS consumer prices, November")
        dialog.url_edit.setText("https://ons.example/cpi")
        dialog.accept()  # Save: refused, the dialog stays with its text and says why
        seen.append((dialog.result(), dialog.error_line.message(), dialog.title_edit.text()))
        dialog.note_edit.setPlainText("The November release, table 3.")
        dialog.accept()  # with a note of its own it is a source of its own
        return dialog.value() if dialog.result() == dialog.DialogCode.Accepted else None

    monkeypatch.setattr(SourceDialog, "ask", ask)
    assert editor.sources_panel.add_source()
    [(result, message, title)] = seen
    assert (
        result == QDialog.DialogCode.Rejected and "already one of this verdict's sources" in message
    )
    assert title == "ONS consumer prices, November"
    sources = desk.reviewed().verdicts[0].sources
    assert [s.note for s in sources] == [None, "The November release, table 3."]
