"""Keyboard-first triage: moving between claims, rating, dismissing, deleting, marking claims."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.model import ClaimState, ReviewedClaim

from .undo import (
    AddClaimCommand,
    ClaimStateCommand,
    DeleteClaimCommand,
    DeskCommand,
    SaveVerdictCommand,
    SpanCommand,
)

if TYPE_CHECKING:
    from .main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class TriageActions(_Base):
    """The Review menu's actions; mixed into the main window."""

    # -- triage ------------------------------------------------------------------------------
    def current_claim(self) -> ReviewedClaim | None:
        """The selected claim."""
        claim_id = self.claims_pane.current_claim_id()
        return self.claims.get(claim_id) if claim_id else None

    def step_claim(self, delta: int) -> None:
        """Select the next or previous claim."""
        self.claims_pane.step(delta)

    def next_unreviewed(self) -> None:
        """Select the next claim I have not reviewed."""
        if self.claims_pane.next_unreviewed() is None:
            self.statusBar().showMessage("You have reviewed every claim shown.", 5000)

    def save_and_next(self) -> None:
        """Save what the editor holds, then go to the next claim I have not reviewed."""
        try:
            self.editor.save()
        except Exception as exc:
            self.report_error(exc, "Save verdict")
            return
        self.next_unreviewed()

    def rate_current(self, rating: str) -> None:
        """Give the selected claim this rating (number keys)."""
        rc = self.current_claim()
        if rc is None or not self._ensure_reviewer():
            return
        if self.editor.claim_id == rc.claim.id:
            # The editor saves the verdict and pushes its own undo step.
            self.editor.set_rating(rating)
            return
        assert self.desk.reviewer is not None
        # Rated from the table alone: the rationale and confidence given earlier stay.
        before = rc.verdict_by(self.desk.reviewer.id)
        self._push(
            SaveVerdictCommand(
                self.desk,
                rc.claim.id,
                self.desk.reviewer.id,
                rating,
                confidence=before.confidence if before else None,
                rationale=before.rationale if before else "",
                text=f"rating “{rating}”",
            )
        )

    def toggle_dismissed(self) -> None:
        """Dismiss the selected claim, or restore it if it was dismissed."""
        rc = self.current_claim()
        if rc is None:
            return
        state = ClaimState.OPEN if rc.claim.state is ClaimState.DISMISSED else ClaimState.DISMISSED
        self._push(ClaimStateCommand(self.desk, rc.claim.id, state))

    def delete_claim(self) -> None:
        """Delete the selected claim with its verdicts (undo puts it back)."""
        rc = self.current_claim()
        if rc is None:
            return
        self._push(DeleteClaimCommand(self.desk, rc.claim.id))

    def add_claim_from_selection(self) -> None:
        """Mark the selected article text as a claim."""
        span = self.article_pane.text.selected_span()
        if self.article is None or span is None:
            self.statusBar().showMessage("Select words in the article first.", 5000)
            return
        self._push(AddClaimCommand(self.desk, self.article.id, *span))

    def set_span_from_selection(self) -> None:
        """Move the selected claim to the selected article text."""
        rc = self.current_claim()
        span = self.article_pane.text.selected_span()
        if rc is None or span is None:
            self.statusBar().showMessage("Select a claim, then the words it should cover.", 5000)
            return
        self._push(SpanCommand(self.desk, rc.claim.id, *span))

    def _push(self, command: DeskCommand) -> None:
        # The action runs as it is pushed; after it, and after each undo or redo, the claims are
        # read again, and an error is shown in a message (the step is then dropped).
        command.on_change = self.claims_changed
        command.on_error = self.report_error
        self.undo_stack.push(command)

    def set_score_order(self, on: bool) -> None:
        """Order the table by score (highest first) or by article order."""
        self.claims_pane.set_score_order(on)

    def set_only_unreviewed(self, on: bool) -> None:
        """Show only claims I have not reviewed."""
        self.claims_pane.unreviewed_box.setChecked(on)

    def focus_filter(self) -> None:
        """Put the cursor in the filter box."""
        self.claims_pane.filter_box.setFocus()
        self.claims_pane.filter_box.selectAll()

    def find_claims_again(self) -> None:
        """Find the article's claims again: new ones are added, stored ones keep their verdicts."""
        if self.article is not None:
            self.imports.find_claims(self.article.id)

    def undo(self) -> None:
        """Undo the last edit (text still being typed is saved first)."""
        self.flush_editor()
        self.undo_stack.undo()

    def redo(self) -> None:
        """Redo the last undone edit."""
        self.flush_editor()
        self.undo_stack.redo()
