"""Article ▸ History and Review ▸ Claim history: open the history beside the desk, keep it fresh."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Protocol

from workbench.ui.common.views import DeskView

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from workbench.model import Article, ReviewedClaim
    from workbench.services.history import History
    from workbench.ui.history.history_dialog import HistoryDialog


class HistoryView(DeskView, Protocol):
    """What the history controller asks of the window."""

    @property
    def article(self) -> Article | None:
        """The article open in the desk."""
        ...

    def current_claim(self) -> ReviewedClaim | None:
        """The selected claim."""
        ...

    @property
    def claims(self) -> Mapping[str, ReviewedClaim]:
        """The open article's claims by id, as the reviewer may see them."""
        ...

    def report_error(self, exc: Exception, action: str) -> None:
        """Show a lower layer's error."""
        ...


class HistoryController:
    """One history window for the selected claim and one for the open article.

    Each follows what the desk shows (the claim selected, the article open) and reads the log
    again whenever the desk reports a change, while it is open.
    """

    def __init__(self, view: HistoryView, changes: Iterable[SignalInstance] = ()) -> None:
        self.view = view
        self._dialogs: dict[str, HistoryDialog] = {}
        #: What each open window shows: its claim or article id and the newest event read.
        self._shown: dict[str, tuple[str | None, Any]] = {}
        for signal in changes:
            signal.connect(self.refresh)

    def show_claim_history(self) -> None:
        """Open (or bring forward) the history of the selected claim."""
        self._open("claim")

    def show_article_history(self) -> None:
        """Open (or bring forward) the history of the open article."""
        self._open("article")

    def dialog(self, kind: str) -> HistoryDialog | None:
        """The history window of ``kind`` ("claim" or "article"), once opened."""
        return self._dialogs.get(kind)

    def refresh(self, *_: object) -> None:
        """Read the history again in each open window whose claim, article or log changed."""
        for kind, dialog in self._dialogs.items():
            if dialog.isVisible():
                self._fill(kind, dialog)

    def _open(self, kind: str) -> None:
        dialog = self._dialogs.get(kind)
        if dialog is None:
            from workbench.ui.history.history_dialog import HistoryDialog

            dialog = HistoryDialog(kind, self.view.dialog_parent)
            self._dialogs[kind] = dialog
        self._shown.pop(kind, None)
        self._fill(kind, dialog)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.table.setFocus()

    def _fill(self, kind: str, dialog: HistoryDialog) -> None:
        target = self._target(kind)
        try:
            newest = self.view.desk.last_event()
        except Exception as exc:
            self.view.report_error(exc, "Show history")
            return
        if self._shown.get(kind) == (target, newest):
            return
        self._shown[kind] = (target, newest)
        if target is None:
            empty = "No claim is selected." if kind == "claim" else "No article is open."
            dialog.show_history(None, empty)
            return
        try:
            history, hidden = self._read(kind, target)
        except Exception as exc:
            self._shown.pop(kind, None)
            self.view.report_error(exc, "Show history")
            return
        dialog.show_history(history, hidden=hidden)

    def _target(self, kind: str) -> str | None:
        if kind == "claim":
            claim = self.view.current_claim()
            return claim.claim.id if claim is not None else None
        article = self.view.article
        return article.id if article is not None else None

    def _read(self, kind: str, target: str) -> tuple[History, int]:
        """The history, without what blind review keeps back, and how many lines that is."""
        desk = self.view.desk
        blind = desk.blind_review()
        if kind == "claim":
            claim = self.view.current_claim()
            rated = claim is not None and blind.reveals(claim)
            return blind.shown_history(desk.claim_history(target), rated=rated)
        numbers = {
            rc.claim.number
            for rc in self.view.claims.values()
            if rc.claim.number is not None and blind.reveals(rc)
        }
        return blind.shown_history(desk.article_history(target), rated_numbers=numbers)
