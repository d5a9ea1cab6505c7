"""Review ▸ Final verdict…: give, change or remove the selected claim's final verdict, undoably.

The reviewer working at the desk acts as editor: the final verdict is recorded as theirs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from workbench.ui.common.undo import DeskCommand, OnChange, OnError
from workbench.ui.common.views import ClaimView, claim_to_change

if TYPE_CHECKING:
    from workbench.model import FinalVerdict
    from workbench.services.desk import Desk


class FinalVerdictView(ClaimView, Protocol):
    """What giving a final verdict asks of the window."""

    def flush_editor(self) -> None:
        """Save text still waiting for the editor's autosave."""
        ...

    def claims_changed(self, select: str | None = None, *, refresh_editor: bool = True) -> None:
        """Read the article's claims again."""
        ...


class GiveFinalVerdictCommand(DeskCommand):
    """Give (or change) a claim's final verdict as the current reviewer; undo puts back the one
    before (or none)."""

    action = "Give final verdict"

    def __init__(
        self,
        desk: Desk,
        claim_id: str,
        rating: str,
        note: str = "",
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        super().__init__(f"final verdict “{rating}”", desk, claim_id, on_change, on_error)
        self.rating, self.note = rating, note
        self.before: FinalVerdict | None = None
        self.after: FinalVerdict | None = None

    def apply(self) -> None:
        """Save the final verdict the first time; later redos put back exactly what was saved."""
        assert self.claim_id is not None
        finals, editor = self.desk.final_verdicts, self.desk.reviewer_id
        if self.applied:
            finals.put(self.claim_id, self.after, editor)
            return
        if editor is None:
            raise ValueError(
                "Choose who is reviewing first: the final verdict is recorded as theirs."
            )
        if finals.unchanged(self.claim_id, self.rating, self.note, editor):
            self.setObsolete(True)
            return
        self.before = finals.get(self.claim_id)
        self.after = finals.give(self.claim_id, self.rating, self.note, editor)

    def revert(self) -> None:
        """Put back the final verdict as it was (or none)."""
        assert self.claim_id is not None
        self.desk.final_verdicts.put(self.claim_id, self.before, self.desk.reviewer_id)


class RemoveFinalVerdictCommand(DeskCommand):
    """Remove a claim's final verdict; undo brings it back as it was."""

    action = "Remove final verdict"

    def __init__(
        self,
        desk: Desk,
        claim_id: str,
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        super().__init__("final verdict removal", desk, claim_id, on_change, on_error)
        self.removed: FinalVerdict | None = None

    def apply(self) -> None:
        """Remove the final verdict (nothing to remove: no undo step)."""
        assert self.claim_id is not None
        finals = self.desk.final_verdicts
        if self.applied:
            finals.put(self.claim_id, None, self.desk.reviewer_id)
            return
        self.removed = finals.clear(self.claim_id, self.desk.reviewer_id)
        if self.removed is None:
            self.setObsolete(True)

    def revert(self) -> None:
        """Put the final verdict back."""
        assert self.claim_id is not None
        self.desk.final_verdicts.put(self.claim_id, self.removed, self.desk.reviewer_id)


class FinalVerdictController:
    """Opens the final verdict dialog for the selected claim and saves the answer as one step."""

    def __init__(self, view: FinalVerdictView) -> None:
        self.view = view

    def edit(self) -> None:
        """Give, change or remove the selected claim's final verdict (Ctrl+Shift+F)."""
        view = self.view
        reviewed = claim_to_change(view)
        if reviewed is None:
            return
        reviewer = view.desk.reviewer
        assert reviewer is not None
        view.flush_editor()
        from workbench.ui.verdict.final_verdict_dialog import FinalVerdictDialog

        try:
            current = view.desk.final_verdicts.get(reviewed.claim.id)
            scale = view.desk.scale()
            # Settling needs the reviewers' ratings, even those blind review hides at the desk.
            full = view.desk.final_verdicts.reviewed(reviewed.claim) or reviewed
        except Exception as exc:
            view.report_error(exc, "Final verdict")
            return
        answer = FinalVerdictDialog.ask(
            view.dialog_parent, full, scale, reviewer.name, current, reviewed.claim.number
        )
        if answer is None:
            return
        command: DeskCommand
        if answer.remove:
            command = RemoveFinalVerdictCommand(view.desk, reviewed.claim.id)
            done = "Final verdict removed. Undo with Ctrl+Z."
        else:
            assert answer.rating is not None
            command = GiveFinalVerdictCommand(
                view.desk, reviewed.claim.id, answer.rating, answer.note
            )
            done = f"Final verdict saved: {answer.rating}. Undo with Ctrl+Z."
        self._push(command)
        if command.error is not None:
            return  # already shown
        if command.changed_nothing:
            view.show_status("Nothing was changed.", 4000)
            return
        view.show_status(done, 5000)

    def _push(self, command: DeskCommand) -> None:
        command.on_change = self.view.claims_changed
        command.on_error = self.view.report_error
        self.view.undo_stack.push(command)
