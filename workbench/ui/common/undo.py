"""Undoable edits: each command acts through the desk when pushed, and can put the change back."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from workbench.model import Claim, ClaimState, Judgement, Verdict

if TYPE_CHECKING:
    from workbench.services.desk import DeletedClaim, Desk
    from workbench.services.verdicts import DeletedVerdict

#: Called after each change with the claim to show, None when the change removed it.
OnChange = Callable[[str | None], None]
#: Called with the error and what was being done (e.g. "Dismiss claim", "Undo claim deletion").
OnError = Callable[[Exception, str], None]


class DeskCommand(QUndoCommand):
    """One undoable action: redo and undo call the desk, and never raise into Qt.

    Qt calls :meth:`redo` when the command is pushed, so the action runs then. A failed action
    makes the command obsolete, so the stack drops it instead of holding a step that never
    happened; the error is kept in :attr:`error` and passed to ``on_error``.
    """

    #: What doing the action is called in an error message's title.
    action = "Edit"

    def __init__(
        self,
        text: str,
        desk: Desk,
        claim_id: str | None,
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        super().__init__(text)
        self.desk = desk
        self.claim_id = claim_id
        self.on_change = on_change
        self.on_error = on_error
        self.error: Exception | None = None
        #: Set with :meth:`setObsolete`: readable after the push, when Qt has already deleted
        #: an obsolete command (its own ``isObsolete`` can then no longer be called).
        self.changed_nothing = False
        #: True once the action has run; a later redo repeats exactly what it did.
        self.applied = False
        #: True while the claim is not in the database (deleted, or its marking undone).
        self.gone = False

    def setObsolete(self, obsolete: bool) -> None:  # Qt's name
        """Mark the command as one that changed nothing (Qt drops it from the stack)."""
        self.changed_nothing = obsolete
        super().setObsolete(obsolete)

    def redo(self) -> None:
        """Do the action (Qt calls this on push and on redo)."""
        self._run(self.apply, f"Redo {self.text()}" if self.applied else self.action)

    def undo(self) -> None:
        """Put back the state from before the action."""
        self._run(self.revert, f"Undo {self.text()}")

    def apply(self) -> None:
        """Do the action through the desk; subclasses implement it."""
        raise NotImplementedError

    def revert(self) -> None:
        """Reverse the action through the desk; subclasses implement it."""
        raise NotImplementedError

    def _run(self, step: Callable[[], None], doing: str) -> None:
        self.error = None
        try:
            step()
        except Exception as exc:  # shown to the reviewer; the stack stays usable
            self.error = exc
            self.setObsolete(True)
            if self.on_error is not None:
                self.on_error(exc, doing)
            return
        if self.isObsolete():
            return  # nothing changed: no undo step, nobody to tell
        self.applied = True
        if self.on_change is not None:
            self.on_change(None if self.gone else self.claim_id)


def push(stack: QUndoStack, command: DeskCommand) -> Exception | None:
    """Run ``command`` through ``stack`` and return its error, if any."""
    stack.push(command)
    return command.error


# -- verdicts ----------------------------------------------------------------------------------
def _copy_verdict(verdict: Verdict | None) -> Verdict | None:
    return None if verdict is None else dataclasses.replace(verdict, sources=list(verdict.sources))


class SaveVerdictCommand(DeskCommand):
    """Set one reviewer's judgement (rating, confidence, rationale) on a claim."""

    action = "Rate claim"

    def __init__(
        self,
        desk: Desk,
        claim_id: str,
        reviewer_id: str,
        judgement: Judgement,
        *,
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
        text: str | None = None,
    ) -> None:
        super().__init__(
            text or f"Rate claim “{judgement.rating}”", desk, claim_id, on_change, on_error
        )
        self.reviewer_id = reviewer_id
        self.judgement = judgement
        self.before: Verdict | None = None
        self.after: Verdict | None = None

    def apply(self) -> None:
        """Save the verdict the first time; later redos put back exactly what was saved."""
        assert self.claim_id is not None
        verdicts = self.desk.verdicts
        if self.applied:
            verdicts.put_verdict(self.claim_id, self.reviewer_id, self.after)
            return
        current = verdicts.verdict(self.claim_id, self.reviewer_id)
        if verdicts.unchanged(current, self.judgement):
            self.setObsolete(True)
            return
        self.before = _copy_verdict(current)
        saved = verdicts.save_verdict(self.claim_id, self.reviewer_id, self.judgement)
        self.after = _copy_verdict(saved)

    def revert(self) -> None:
        """Put back the verdict as it was (or remove it if there was none)."""
        assert self.claim_id is not None
        self.desk.verdicts.put_verdict(self.claim_id, self.reviewer_id, self.before)


class ClearVerdictCommand(DeskCommand):
    """Withdraw one reviewer's verdict on a claim (sources included); undo brings it back."""

    action = "Clear verdict"

    def __init__(
        self,
        desk: Desk,
        claim_id: str,
        reviewer_id: str,
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        super().__init__("Clear verdict", desk, claim_id, on_change, on_error)
        self.reviewer_id = reviewer_id
        self.deleted: DeletedVerdict | None = None

    def apply(self) -> None:
        """Delete the verdict with its sources, keeping them for undo."""
        assert self.claim_id is not None
        self.deleted = self.desk.verdicts.delete_verdict(self.claim_id, self.reviewer_id)

    def revert(self) -> None:
        """Put back the verdict with its sources and attached files."""
        if self.deleted is not None:
            self.desk.verdicts.undelete_verdict(self.deleted)


# -- claims ------------------------------------------------------------------------------------
class EditClaimCommand(DeskCommand):
    """Correct a claim's record: wording, claimant, when and where it was said, kind.

    The whole record (the finder's kept reading included) is taken before the first change,
    so undo puts back exactly what was there; redo puts back exactly what was saved.
    """

    action = "Edit claim record"

    def __init__(
        self,
        desk: Desk,
        claim_id: str,
        changes: dict[str, Any],
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
        *,
        text: str = "claim record edit",
    ) -> None:
        super().__init__(text, desk, claim_id, on_change, on_error)
        self.changes = dict(changes)
        self.before: dict[str, Any] | None = None
        self.after: dict[str, Any] | None = None

    def apply(self) -> None:
        """Save the changes the first time (nothing changed: no undo step); later, put them back."""
        assert self.claim_id is not None
        from workbench.services.claim_record import record_of

        if self.after is not None:
            self.desk.put_claim_record(self.claim_id, self.after)
            return
        before = record_of(self.desk.claim(self.claim_id))
        after = record_of(self.desk.edit_claim(self.claim_id, **self.changes))
        if after == before:
            self.setObsolete(True)
            return
        self.before, self.after = before, after

    def revert(self) -> None:
        """Put the record back as it was."""
        assert self.claim_id is not None
        if self.before is not None:
            self.desk.put_claim_record(self.claim_id, self.before)


class RewordClaimCommand(EditClaimCommand):
    """Change a claim's wording (its quote, the article's exact words, stays)."""

    action = "Edit claim wording"

    def __init__(
        self,
        desk: Desk,
        claim_id: str,
        wording: str,
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        super().__init__(
            desk, claim_id, {"claim": wording}, on_change, on_error, text="Edit claim wording"
        )


class SpanCommand(DeskCommand):
    """Move a claim's span to other words of the article."""

    action = "Change claim span"

    def __init__(
        self,
        desk: Desk,
        claim_id: str,
        start: int,
        end: int,
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        super().__init__("claim span change", desk, claim_id, on_change, on_error)
        self.after = (start, end)
        self.before: tuple[int, int] | None = None

    def apply(self) -> None:
        """Move the span; the first time the desk trims it, and redo repeats the trimmed one."""
        assert self.claim_id is not None
        if self.before is None:
            claim = self.desk.claim(self.claim_id)
            self.before = (claim.start, claim.end)
            moved = self.desk.set_span(self.claim_id, *self.after)
            self.after = (moved.start, moved.end)
            return
        self.desk.set_span(self.claim_id, *self.after)

    def revert(self) -> None:
        """Move the span back."""
        assert self.claim_id is not None
        if self.before is not None:
            self.desk.set_span(self.claim_id, *self.before)


class ClaimStateCommand(DeskCommand):
    """Dismiss a claim (it stays in the file), or reopen a dismissed one."""

    action = "Dismiss claim"

    def __init__(
        self,
        desk: Desk,
        claim_id: str,
        state: ClaimState,
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        verb = "dismissal" if state is ClaimState.DISMISSED else "restore"
        super().__init__(f"claim {verb}", desk, claim_id, on_change, on_error)
        self.state = state
        self.before: Claim | None = None

    def apply(self) -> None:
        """Put the claim in its new state."""
        assert self.claim_id is not None
        if self.before is None:
            self.before = self.desk.claim(self.claim_id)
        self.desk.set_state(self.claim_id, self.state)

    def revert(self) -> None:
        """Put the claim back as it was: a restored claim is dismissed again by whoever
        dismissed it, with their reason."""
        assert self.claim_id is not None
        if self.before is not None:
            self.desk.final_verdicts.put_dismissal(self.before)
            return
        other = ClaimState.OPEN if self.state is ClaimState.DISMISSED else ClaimState.DISMISSED
        self.desk.set_state(self.claim_id, other)


class DeleteClaimCommand(DeskCommand):
    """Delete a claim with every verdict and source on it; undo puts all of it back."""

    action = "Delete claim"

    def __init__(
        self,
        desk: Desk,
        claim_id: str,
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        super().__init__("claim deletion", desk, claim_id, on_change, on_error)
        self.deleted: DeletedClaim | None = None

    def apply(self) -> None:
        """Delete the claim, keeping it, its verdicts and attached files for undo."""
        assert self.claim_id is not None
        self.deleted = self.desk.delete_claim(self.claim_id)
        self.gone = True

    def revert(self) -> None:
        """Put back the claim with its verdicts, sources and attached files."""
        if self.deleted is not None:
            self.desk.undelete_claim(self.deleted)
            self.gone = False


class AddClaimCommand(DeskCommand):
    """Mark words of the article as a claim by hand."""

    action = "Add claim"

    def __init__(
        self,
        desk: Desk,
        article_id: str,
        start: int,
        end: int,
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        super().__init__("new claim", desk, None, on_change, on_error)
        self.article_id = article_id
        self.span = (start, end)
        self.deleted: DeletedClaim | None = None

    def apply(self) -> None:
        """Mark the claim the first time; later redos put the very same claim back."""
        if self.deleted is None:
            self.claim_id = self.desk.add_claim(self.article_id, *self.span).id
        else:
            self.desk.undelete_claim(self.deleted)
        self.gone = False

    def revert(self) -> None:
        """Remove the claim again."""
        assert self.claim_id is not None
        self.deleted = self.desk.delete_claim(self.claim_id)
        self.gone = True
