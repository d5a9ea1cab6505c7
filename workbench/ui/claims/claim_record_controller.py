"""Review ▸ Edit claim record…: correct a claim's record as one undoable step."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from workbench.ui.common.errors import explain
from workbench.ui.common.undo import EditClaimCommand
from workbench.ui.common.views import ClaimView, claim_to_change

if TYPE_CHECKING:
    from workbench.model import Claim
    from workbench.ui.claims.claim_dialog import Choices


class ClaimRecordView(ClaimView, Protocol):
    """What correcting a claim record asks of the window."""

    def flush_editor(self) -> None:
        """Save text still waiting for the editor's autosave."""
        ...

    def claims_changed(self, select: str | None = None, *, refresh_editor: bool = True) -> None:
        """Read the article's claims again."""
        ...


class ClaimRecordController:
    """Opens the claim record dialog and saves what changed through the undo stack."""

    def __init__(self, view: ClaimRecordView) -> None:
        self.view = view

    def edit_record(self) -> None:
        """Edit the selected claim's record (F2)."""
        view = self.view
        # A record is corrected for everyone: nobody's name is asked.
        reviewed = claim_to_change(view, by_reviewer=False)
        if reviewed is None:
            return
        # Wording typed in the verdict editor is saved first, so the dialog shows it.
        view.flush_editor()
        claim = view.desk.claim(reviewed.claim.id)
        from workbench.services.final_verdicts import dismissal_text
        from workbench.ui.claims.claim_dialog import ClaimDialog  # built on first use

        dismissal = dismissal_text(reviewed)
        changes = ClaimDialog.ask(view.dialog_parent, claim, self._choices(claim), dismissal)
        if changes is None:
            return
        if not changes:
            view.show_status("Nothing was changed in the claim record.", 4000)
            return
        self.save(claim.id, changes)

    def save(self, claim_id: str, changes: dict[str, Any]) -> bool:
        """Save ``changes`` to the claim's record as one undo step; False on an error."""
        command = EditClaimCommand(
            self.view.desk,
            claim_id,
            changes,
            on_change=lambda shown: self.view.claims_changed(shown),
            on_error=self.view.report_error,
        )
        self.view.undo_stack.push(command)
        if command.error is None and not command.changed_nothing:
            self.view.show_status("Claim record saved. Undo with Ctrl+Z.", 4000)
        return command.error is None

    def _choices(self, claim: Claim) -> Choices:
        try:
            return self.view.desk.claimant_choices(claim.article_id)
        except Exception as exc:  # any failure only loses the list: a claimant can still be typed
            self.view.show_status(
                f"The article's names could not be listed ({explain(exc)}); type the claimant.",
                6000,
            )
            return []
