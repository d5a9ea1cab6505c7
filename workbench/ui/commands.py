"""Undoable review actions: each is done (and saved) first, then pushed on the undo stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from workbench.model import ClaimState, Verdict
from workbench.services.desk import DeletedClaim, Desk


class Session(Protocol):
    """What a command needs from the window."""

    desk: Desk

    def claims_changed(self, select: str | None = None) -> None:
        """Reload the article's claims, then select ``select`` if given."""

    def report_error(self, exc: Exception, action: str) -> None:
        """Show an error without stopping the program."""


class _DeskCommand(QUndoCommand):
    """The action already ran when the command is pushed, so the first redo does nothing."""

    def __init__(self, session: Session, text: str, claim_id: str) -> None:
        super().__init__(text)
        self.session = session
        self.claim_id = claim_id
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._run(self.do_again, f"Redo {self.text()}")

    def undo(self) -> None:
        self._run(self.do_undo, f"Undo {self.text()}")

    def _run(self, step: Callable[[], str | None], action: str) -> None:
        try:
            select = step()
        except Exception as exc:  # shown to the reviewer; the stack stays usable
            self.setObsolete(True)
            self.session.report_error(exc, action)
            return
        self.session.claims_changed(select)

    def do_again(self) -> str | None:
        """Repeat the action; returns the claim to select."""
        raise NotImplementedError

    def do_undo(self) -> str | None:
        """Reverse the action; returns the claim to select."""
        raise NotImplementedError


class RateCommand(_DeskCommand):
    """The reviewer's rating of a claim (given with a key or in the editor)."""

    def __init__(self, session: Session, claim_id: str, rating: str, before: Verdict | None):
        super().__init__(session, f"rating “{rating}”", claim_id)
        self.rating = rating
        self.before = before

    def do_again(self) -> str | None:
        self.session.desk.rate(self.claim_id, self.rating)
        return self.claim_id

    def do_undo(self) -> str | None:
        self.session.desk.put_back_verdict(self.claim_id, self.before)
        return self.claim_id


class StateCommand(_DeskCommand):
    """Dismissing or restoring a claim."""

    def __init__(self, session: Session, claim_id: str, state: ClaimState) -> None:
        verb = "dismissal" if state is ClaimState.DISMISSED else "restore"
        super().__init__(session, f"claim {verb}", claim_id)
        self.state = state

    def do_again(self) -> str | None:
        self.session.desk.set_state(self.claim_id, self.state)
        return self.claim_id

    def do_undo(self) -> str | None:
        other = ClaimState.OPEN if self.state is ClaimState.DISMISSED else ClaimState.DISMISSED
        self.session.desk.set_state(self.claim_id, other)
        return self.claim_id


class DeleteCommand(_DeskCommand):
    """Deleting a claim with its verdicts and sources."""

    def __init__(self, session: Session, deleted: DeletedClaim) -> None:
        super().__init__(session, "claim deletion", deleted.reviewed.claim.id)
        self.deleted = deleted

    def do_again(self) -> str | None:
        self.deleted = self.session.desk.delete_claim(self.claim_id)
        return None

    def do_undo(self) -> str | None:
        self.session.desk.undelete_claim(self.deleted)
        return self.claim_id


class AddClaimCommand(_DeskCommand):
    """Marking text as a claim by hand."""

    def __init__(self, session: Session, claim_id: str) -> None:
        super().__init__(session, "new claim", claim_id)
        self.deleted: DeletedClaim | None = None

    def do_again(self) -> str | None:
        if self.deleted is not None:
            self.session.desk.undelete_claim(self.deleted)
        return self.claim_id

    def do_undo(self) -> str | None:
        self.deleted = self.session.desk.delete_claim(self.claim_id)
        return None


class SpanCommand(_DeskCommand):
    """Moving a claim's span to other words of the article."""

    def __init__(
        self, session: Session, claim_id: str, before: tuple[int, int], after: tuple[int, int]
    ) -> None:
        super().__init__(session, "claim span change", claim_id)
        self.before = before
        self.after = after

    def do_again(self) -> str | None:
        self.session.desk.set_span(self.claim_id, *self.after)
        return self.claim_id

    def do_undo(self) -> str | None:
        self.session.desk.set_span(self.claim_id, *self.before)
        return self.claim_id
