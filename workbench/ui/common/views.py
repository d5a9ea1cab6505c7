"""What every controller may ask of the window: the open database, the reviewer's settings and
a parent for dialogs. Each controller's own view protocol adds what it needs beyond these."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QWidget

    from workbench.model import Article, ReviewedClaim
    from workbench.services.desk import Desk
    from workbench.ui.preferences.settings import DeskSettings


class DeskView(Protocol):
    """The window's basics, shared by the controllers' views."""

    @property
    def desk(self) -> Desk:
        """The open database."""
        ...

    @property
    def settings(self) -> DeskSettings:
        """The reviewer's own settings."""
        ...

    @property
    def dialog_parent(self) -> QWidget:
        """The widget dialogs belong to."""
        ...


class EditingView(DeskView, Protocol):
    """The window as the controllers that change the open article see it."""

    @property
    def article(self) -> Article | None:
        """The article shown."""
        ...

    @property
    def undo_stack(self) -> QUndoStack:
        """The window's one undo stack, where every undoable change goes."""
        ...

    def show_status(self, message: str, msecs: int = 0) -> None:
        """A passing message in the status bar."""
        ...

    def report_error(self, exc: Exception, action: str) -> None:
        """Show a lower layer's error."""
        ...


class ClaimView(EditingView, Protocol):
    """The window as the controllers that change the selected claim see it."""

    def current_claim(self) -> ReviewedClaim | None:
        """The claim selected in the claims table."""
        ...

    def ensure_reviewer(self, name: str | None = None) -> bool:
        """Work as a reviewer, asking who when nobody is remembered."""
        ...


def claim_to_change(view: ClaimView, *, by_reviewer: bool = True) -> ReviewedClaim | None:
    """The selected claim when it may be changed now, else None with the reason in the status bar.

    ``by_reviewer``: the change is recorded as the reviewer's, who is asked for when unknown.
    """
    reviewed = view.current_claim()
    if reviewed is None:
        view.show_status("Select a claim first.", 5000)
        return None
    if view.desk.read_only:
        view.show_status("This database is open read-only; nothing can be changed.", 5000)
        return None
    if by_reviewer and view.desk.reviewer is None and not view.ensure_reviewer():
        return None
    return reviewed
