"""The Reviewer menu: who is reviewing, asked for once and remembered, or at each start on a
computer several people share."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from workbench.settings import ASK_REVIEWER
from workbench.ui.common.views import DeskView
from workbench.ui.window import hooks

if TYPE_CHECKING:
    pass


class ReviewerView(DeskView, Protocol):
    """What the reviewer controller asks of the window."""

    def reviewer_changed(self) -> None:
        """Show the article as the new reviewer sees it."""
        ...

    def report_error(self, exc: Exception, action: str) -> None:
        """Show a lower layer's error."""
        ...


class ReviewerController:
    """Chooses the reviewer the desk works as."""

    def __init__(self, view: ReviewerView) -> None:
        self.view = view

    def ensure(self, name: str | None = None) -> bool:
        """Work as ``name``, the remembered reviewer, or ask who is reviewing.

        The remembered reviewer is asked about again (chosen already, one Enter continues)
        when the reviewer's setting says so: always, or when the file has several reviewers.
        """
        desk = self.view.desk
        remembered = self.view.settings.reviewer
        if name:
            return self.use(name)
        names = [r.name for r in desk.reviewers()]
        if remembered and not self.should_ask(names):
            return self.use(remembered)
        parent = self.view.dialog_parent
        if remembered in names:
            name = hooks.ask_reviewer(parent, names, remembered)
        else:
            name = hooks.ask_reviewer(parent, names)
        if not name:
            return False
        return self.use(name)

    def should_ask(self, names: list[str]) -> bool:
        """Whether to ask who is reviewing although a reviewer is remembered."""
        when = ASK_REVIEWER.tidy(self.view.settings.ask_reviewer)
        if when == "always":
            return True
        return when == "shared" and len(names) > 1

    def use(self, name: str) -> bool:
        """Switch to the reviewer called ``name``."""
        try:
            reviewer = self.view.desk.use_reviewer(name)
        except Exception as exc:
            self.view.report_error(exc, "Choose reviewer")
            return False
        self.view.settings.reviewer = reviewer.name
        self.view.reviewer_changed()
        return True

    def switch(self) -> None:
        """Ask who is reviewing now."""
        desk = self.view.desk
        current = desk.reviewer.name if desk.reviewer else None
        name = hooks.ask_reviewer(
            self.view.dialog_parent, [r.name for r in desk.reviewers()], current
        )
        if name:
            self.use(name)
