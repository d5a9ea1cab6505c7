"""The verdict editor: one reviewer's rating, confidence, rationale and sources for one claim."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Signal, SignalInstance
from PySide6.QtGui import QHideEvent, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from workbench.model import Claim, Judgement, RatingScale, ReviewedClaim, Reviewer, Verdict
from workbench.services.blind import BlindClaim, hidden_count
from workbench.store import NotFoundError, StoreError
from workbench.ui.common import undo
from workbench.ui.common.dialogs import ErrorLine
from workbench.ui.common.errors import explain
from workbench.ui.verdict import editor_text, final_line
from workbench.ui.verdict.editor_reach import EditorReach
from workbench.ui.verdict.others_view import OthersSummary, OtherVerdictsView
from workbench.ui.verdict.sources_panel import SourcesPanel
from workbench.ui.verdict.sources_view import SourceListModel
from workbench.ui.verdict.verdict_form import setup_ui
from workbench.ui.verdict.verdict_parts import ConfidencePicker, JudgementFields, RatingPicker

if TYPE_CHECKING:
    from workbench.services.desk import Desk
    from workbench.ui.verdict.checked_before import CheckedBeforePanel


class VerdictEditor(EditorReach, QWidget):
    """Edit the current reviewer's verdict on one claim; every change is saved and undoable.

    The window calls ``set_context(desk, desk.claims(...)[i], reviewer, scale)`` when a claim
    is selected (the ReviewedClaim is taken as fresh), ``set_rating_by_index(key - 1)`` for the
    number keys, ``save()`` before jumping on, and ``flush()`` before undo, closing the database
    or quitting. Whatever is written before a rating (rationale, confidence, sources) is saved
    at once as a draft verdict, which the rating later completes. After each saved change the
    editor re-reads the claim and emits ``verdict_saved`` / ``sources_changed`` /
    ``claim_changed`` with the claim id; ``reviewed_claim()`` then returns the fresh data.
    """

    verdict_saved = Signal(str)
    sources_changed = Signal(str)
    claim_changed = Signal(str)
    error_occurred = Signal(str)

    # Child widgets, created by verdict_form.setup_ui (tests and the main window may use them).
    note_label: QLabel
    error_line: ErrorLine
    hint_label: QLabel
    meta_label: QLabel
    wording_edit: QPlainTextEdit
    quote_label: QLabel
    verdict_title: QLabel
    judgement_fields: JudgementFields
    rating_picker: RatingPicker
    confidence_picker: ConfidencePicker
    rationale_edit: QPlainTextEdit
    status_label: QLabel
    clear_button: QPushButton
    sources_panel: SourcesPanel
    sources_model: SourceListModel
    sources_view: QListView
    others_view: OtherVerdictsView
    others_summary: OthersSummary
    checked_before: CheckedBeforePanel
    content: QWidget
    pages: QStackedWidget

    #: Typing pauses this long before the rationale or wording is saved.
    AUTOSAVE_MS = 1000

    def __init__(self, undo_stack: QUndoStack | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self._desk: Desk | None = None
        self._reviewer: Reviewer | None = None
        self._scale: RatingScale | None = None
        self._claim: Claim | None = None
        self._mine: Verdict | None = None
        self._others: list[Verdict] = []
        self._loading = False
        self._wording_dirty = False
        self._rationale_dirty = False
        self._autosave = QTimer(self, singleShot=True, interval=self.AUTOSAVE_MS)
        self._autosave.timeout.connect(self.flush)
        setup_ui(self)
        # The editor's final verdict and who dismissed the claim, as the window last read them.
        self._team: ReviewedClaim | None = None
        #: How many of the others' verdicts blind review keeps back (services.blind).
        self._hidden = 0
        self.final_line = final_line.attach(self)
        self._connect()
        self._refresh_widgets()

    def _connect(self) -> None:
        self.rating_picker.rating_chosen.connect(self.set_rating)
        self.judgement_fields.choice_made.connect(self._choice_made)
        self.clear_button.clicked.connect(self.clear_verdict)
        self.sources_panel.status_message.connect(self.status_label.setText)
        for edit in (self.wording_edit, self.rationale_edit):
            edit.installEventFilter(self)
        self.wording_edit.textChanged.connect(self._wording_edited)
        self.rationale_edit.textChanged.connect(self._rationale_edited)

    @property
    def undo_stack(self) -> QUndoStack:
        """The stack every edit is pushed to."""
        return self._stack

    @property
    def claim_id(self) -> str | None:
        """The id of the claim shown, if any."""
        return self._claim.id if self._claim else None

    @property
    def my_verdict(self) -> Verdict | None:
        """The current reviewer's stored verdict on the claim shown."""
        return self._mine

    def reviewed_claim(self) -> ReviewedClaim | None:
        """The claim shown with every verdict as stored now."""
        if self._claim is None:
            return None
        mine = [self._mine] if self._mine else []
        verdicts = sorted(mine + self._others, key=editor_text.by_name)
        fresh = BlindClaim(self._claim, verdicts, hidden=self._hidden) if self._hidden else None
        return final_line.with_team(fresh or ReviewedClaim(self._claim, verdicts), self._team)

    def is_editable(self) -> bool:
        """True when a claim is shown and the current reviewer may change its verdict."""
        return bool(
            self._claim is not None
            and self._desk is not None
            and self._reviewer is not None
            and not self._desk.read_only
        )

    def set_context(
        self,
        desk: Desk | None,
        reviewed_claim: ReviewedClaim | None,
        reviewer: Reviewer | None,
        scale: RatingScale | None = None,
    ) -> None:
        """Show ``reviewed_claim`` for ``reviewer`` (None: an empty, disabled editor with a hint)."""
        self.flush()
        self._desk, self._reviewer = desk, reviewer
        self._scale = scale
        if scale is None and desk is not None:
            try:
                self._scale = desk.scale()
            except (StoreError, ValueError) as exc:
                self._show_error(str(exc))
        self._claim = reviewed_claim.claim if reviewed_claim else None
        self._team = reviewed_claim
        self._hidden = hidden_count(reviewed_claim)
        self._split_verdicts(reviewed_claim.verdicts if reviewed_claim else [])
        self.error_line.clear_error()
        self._wording_dirty = self._rationale_dirty = False
        # The caller's ReviewedClaim is trusted as fresh; the database is read again after edits.
        self._refresh_widgets()
        # Blind review: the team's rows of this article's claims not rated yet are left out.
        blind = desk.blind_review().within(self._claim.article_id) if desk and self._claim else None
        self.checked_before.set_claim(
            desk.path if desk else None,
            self._claim,
            self.is_editable(),
            blind=blind,
            key=desk.key if desk else None,
        )

    def reload(self) -> None:
        """Read the claim and its verdicts again from the database and show them."""
        if self._desk is not None and self._claim is not None:
            try:
                fresh = self._blind_shown(self._desk.verdicts.reviewed(self._claim.id))
                self._claim, verdicts = fresh.claim, fresh.verdicts
            except NotFoundError:
                self._claim, self._mine, self._others = None, None, []
                self.hint_label.setText("This claim no longer exists. Select another claim.")
            except StoreError as exc:
                self._show_error(str(exc))
            else:
                self._split_verdicts(verdicts)
        self._refresh_widgets()

    def _blind_shown(self, fresh: ReviewedClaim) -> ReviewedClaim:
        """``fresh`` as blind review lets the reviewer see it; a rating just saved reveals the
        others' verdicts and the final verdict the window held back."""
        assert self._desk is not None
        shown = self._desk.blind_review().shown(fresh)
        if self._hidden and not hidden_count(shown) and self._team is not None:
            final = self._desk.final_verdicts.get(fresh.claim.id)
            self._team = ReviewedClaim(
                fresh.claim, final=final, dismissed_by_name=self._team.dismissed_by_name
            )
        self._hidden = hidden_count(shown)
        return shown

    def _split_verdicts(self, verdicts: list[Verdict]) -> None:
        mine_id = self._reviewer.id if self._reviewer else None
        self._mine = next((v for v in verdicts if v.reviewer_id == mine_id), None)
        self._others = [v for v in verdicts if v.reviewer_id != mine_id]

    def set_rating_by_index(self, index: int) -> bool:
        """Choose the scale's ``index``-th label (0 = the first, shown as key 1) and save."""
        labels = self.rating_picker.labels()
        return 0 <= index < len(labels) and self.set_rating(labels[index])

    def set_rating(self, label: str) -> bool:
        """Choose a rating by its label and save the verdict at once."""
        return self._save_verdict(rating=label)

    def set_confidence(self, value: float | None) -> bool:
        """Set the confidence (0..1 or None); saved at once, as a draft before any rating."""
        self.confidence_picker.set_value(value)
        return self._save_verdict()

    def needs_rating(self) -> bool:
        """True while the claim shown has no rating of the reviewer's (nothing, or a draft)."""
        return self.is_editable() and (self._mine is None or self._mine.is_draft)

    def draft_judgement(self) -> Judgement:
        """What the fields hold, without a rating: what a draft made now would keep."""
        return self.judgement_fields.judgement(None)

    def save(self) -> bool:
        """Save everything now; True when the reviewer's rated verdict is stored and up to date."""
        self.flush()
        if self._mine is None or self._mine.is_draft:
            return False
        return self._save_verdict() and not self._rationale_dirty

    def say_rating_needed(self) -> None:
        """Say plainly, beside the rating buttons, that this claim still needs a rating."""
        self.status_label.setText(editor_text.RATING_NEEDED)

    def flush(self) -> bool:
        """Save typed text that is still waiting for the autosave; True when nothing is pending."""
        self._autosave.stop()
        if self._claim is None or not self.is_editable():
            return not (self._wording_dirty or self._rationale_dirty)
        if self._wording_dirty:
            self._save_wording()
        if self._rationale_dirty:
            self._save_verdict()  # before any rating, as a draft
        return not (self._wording_dirty or self._rationale_dirty)

    def clear_verdict(self) -> None:
        """Withdraw the reviewer's verdict on this claim (undoable)."""
        if self._mine is None or not self.is_editable():
            return
        assert self._desk and self._claim and self._reviewer
        self._autosave.stop()
        self._rationale_dirty = False
        self._push(
            undo.ClearVerdictCommand(
                self._desk, self._claim.id, self._reviewer.id, self._verdict_changed
            )
        )

    # -- saving ----------------------------------------------------------------------------------
    def _save_verdict(self, rating: str | None = None) -> bool:
        if not self.is_editable():
            return False
        assert self._desk and self._claim and self._reviewer
        mine = self._mine
        rating = rating or (mine.rating if mine else None)
        self._autosave.stop()
        judgement = self.judgement_fields.judgement(rating)
        if rating is None and editor_text.empty(judgement) and not (mine and mine.sources):
            # Nothing written (or all of it erased): no draft is kept for it.
            self._rationale_dirty = False
            if mine is not None:
                self.clear_verdict()
            self._refresh_status()
            return True
        if rating is None:
            text = "Edit draft" if mine else "Start draft"
        elif mine is None or mine.rating != rating:
            text = f"Rate claim “{rating}”"
        else:
            text = "Edit verdict"
        command = undo.SaveVerdictCommand(
            self._desk,
            self._claim.id,
            self._reviewer.id,
            judgement,
            on_change=self._verdict_changed,
            text=text,
        )
        self._rationale_dirty = False
        if not self._push(command):
            self._rationale_dirty = bool(judgement.rationale != (mine.rationale if mine else ""))
            return False
        self._refresh_status()  # an unchanged verdict makes no undo step and no reload
        return True

    def _save_wording(self) -> bool:
        assert self._desk and self._claim
        text = self.wording_edit.toPlainText().strip()
        if not text:
            return False  # an emptied field is a claim being retyped: wait for words
        self._wording_dirty = False
        if text == self._claim.claim:
            return True
        return self._push(
            undo.RewordClaimCommand(self._desk, self._claim.id, text, self._claim_changed)
        )

    def _push(self, command: undo.DeskCommand) -> bool:
        error = undo.push(self._stack, command)
        if error is not None:
            self._show_error(explain(error))
            return False
        self.error_line.clear_error()
        return True

    def _show_error(self, message: str) -> None:
        self.error_line.show_error(message)
        self.error_occurred.emit(message)

    # -- database changes (also reached from undo/redo in the main window) ------------------------
    def _after_change(self, claim_id: str | None, signal: SignalInstance) -> None:
        if not shiboken6.isValid(self) or claim_id is None:
            return
        if claim_id == self.claim_id:
            self.reload()
        signal.emit(claim_id)

    def _verdict_changed(self, claim_id: str | None) -> None:
        self._after_change(claim_id, self.verdict_saved)

    def _sources_changed(self, claim_id: str | None) -> None:
        self._after_change(claim_id, self.sources_changed)

    def _claim_changed(self, claim_id: str | None) -> None:
        self._after_change(claim_id, self.claim_changed)

    # -- showing ---------------------------------------------------------------------------------
    def _refresh_widgets(self) -> None:
        claim = self._claim
        self.pages.setCurrentIndex(0 if claim is None else 1)
        self._refresh_note()
        if claim is None:
            self.content.setEnabled(False)
            self.sources_panel.set_state(None, None, None, False)
            return
        self.content.setEnabled(True)
        self._loading = True
        try:
            if self._scale is not None:
                self.rating_picker.set_scale(self._scale)
            self.meta_label.setText(editor_text.claim_meta(claim))
            # Saved while typing, text comes back tidied: keep the field (and cursor) if same.
            typed = " ".join(self.wording_edit.toPlainText().split())
            if not self._wording_dirty and typed != claim.claim:
                self.wording_edit.setPlainText(claim.claim)
            self.quote_label.setText(f"“{claim.quote}”")
            mine = self._mine
            who = self._reviewer.name if self._reviewer else None
            self.verdict_title.setText(editor_text.verdict_title(who, mine))
            # A rationale typed before any rating keeps the choices made beside it.
            self.judgement_fields.show_choices(
                mine.judgement if mine else None,
                keep_choices=mine is None and self._rationale_dirty,
            )
            if not self._rationale_dirty:
                text = mine.rationale if mine else ""
                if self.rationale_edit.toPlainText().strip() != text:
                    self.rationale_edit.setPlainText(text)
            self.others_view.set_verdicts(self._others, self._hidden)
            self.others_summary.set_verdicts(self._others, self._hidden)
            self.final_line.set_final(self._team.final if self._team else None)
        finally:
            self._loading = False
        editable = self.is_editable()
        # Text stays readable (and selectable) when it cannot be changed.
        self.wording_edit.setReadOnly(not editable)
        self.judgement_fields.set_editable(editable)
        self.clear_button.setEnabled(editable and self._mine is not None)
        reviewer_id = self._reviewer.id if self._reviewer else None
        self.sources_panel.set_state(self._desk, claim.id, mine, editable, reviewer_id)
        self._refresh_status()

    def _refresh_note(self) -> None:
        note = editor_text.note_text(
            self._desk, self._reviewer is not None, self._claim is not None
        )
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))

    def _refresh_status(self) -> None:
        editing = self._rationale_dirty or self._wording_dirty
        text = editor_text.status_text(self._mine, editing=editing) if self.is_editable() else ""
        self.status_label.setText(text)

    # -- editing events ------------------------------------------------------------------------
    def _wording_edited(self) -> None:
        if not self._loading:
            self._wording_dirty = True
            self._autosave.start()

    def _rationale_edited(self) -> None:
        if not self._loading:
            self._rationale_dirty = True
            self._refresh_status()
            self._autosave.start()

    def _choice_made(self) -> None:
        # A choice is saved at once; before any rating, as a draft.
        self._save_verdict()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Save typed text as soon as its field loses focus."""
        if event.type() == QEvent.Type.FocusOut and (self._wording_dirty or self._rationale_dirty):
            self.flush()
        return super().eventFilter(watched, event)

    def hideEvent(self, event: QHideEvent) -> None:
        """Closing the window hides the editor first: nothing typed is lost."""
        self.flush()
        super().hideEvent(event)
