""" "Checked before": earlier fact-checks like the selected claim, found off the window's thread.

Matching runs on a worker of its own with its own read-only connection to the database file
(a connection stays on the thread that uses it; the window's connection is never shared), so
selecting a claim never waits for the encoder or the library. Answers arrive by signal, and only
the answer to the latest question is shown.
"""

from __future__ import annotations

import logging
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QGridLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from workbench.ui.common.matcher import Found, shared_matcher, shown_matches
from workbench.ui.verdict.verdict_parts import styled_label

if TYPE_CHECKING:
    from workbench.model import Claim
    from workbench.services.blind import BlindReview
    from workbench.services.factchecks import Match
    from workbench.ui.verdict.sources_panel import SourcesPanel

log = logging.getLogger(__name__)

EMPTY_LIBRARY = "No fact-checks in the library yet: File ▸ Import fact-checks…"
NOTHING_FOUND = "No earlier fact-check looks like this claim."
LOOKING = "Looking for earlier fact-checks…"


def source_fields(match: Match) -> dict[str, Any]:
    """A match as the fields of a verdict's source: its rating and claim kept in words."""
    rating = match.rating or "not rated"
    who = match.publisher or "an earlier fact-check"
    return {
        "title": f"Fact-check: {rating} — {who}",
        "url": match.url,
        "publisher": match.publisher,
        "published": match.date,
        "quote": match.claim,
        "note": f"Earlier fact-check, similarity {percent(match.score)}",
    }


def percent(score: float) -> str:
    """A similarity as a journalist reads it."""
    return f"{round(max(0.0, min(1.0, score)) * 100)}%"


class CheckedBeforePanel(QWidget):
    """The best earlier fact-checks of the selected claim, each addable as a source."""

    #: The reviewer asked to add this match as a source of their verdict.
    add_requested = Signal(object)
    #: The selection must rest this long before the library is asked.
    PAUSE_MS = 150

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matcher = shared_matcher("claim")
        self.matcher.found.connect(self._on_found)
        self._waiting = -1
        self._claim_text: str | None = None
        self._path: Path | None = None
        self._key: object = None
        self._editable = False
        self._blind: BlindReview | None = None
        self.matches: list[Match] = []
        self._buttons: list[QToolButton] = []
        # Stepping through claims with J/K asks only for the claim the reviewer stops at.
        self._pause = QTimer(self, singleShot=True, interval=self.PAUSE_MS)
        self._pause.timeout.connect(self._ask)
        self.hint = styled_label("", "hint")
        self.hint.setWordWrap(True)
        self.rows = QWidget()
        self.grid = QGridLayout(self.rows)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.rows)
        self._show([], "")

    def set_claim(
        self,
        path: Path | None,
        claim: Claim | None,
        editable: bool,
        *,
        blind: BlindReview | None = None,
        key: object = None,
    ) -> None:
        """Look for the earlier fact-checks of ``claim`` (in the background); ``blind``: the
        team's rows blind review keeps from the reviewer are left out; ``key``: an encrypted
        file's key."""
        self._editable = editable
        self._path = path
        self._key = key
        blind_changed, self._blind = blind != self._blind, blind
        if claim is None or path is None:
            self._pause.stop()
            self._claim_text = None
            self._waiting = self.matcher.request(None, [])
            self._show([], "")
            return
        if claim.claim == self._claim_text and self._waiting < 0 and not blind_changed:
            self._refresh_buttons()
            return  # the same claim again (after an edit of its verdict): nothing to ask
        self._claim_text = claim.claim
        self._waiting = 0  # asked once the selection rests (see PAUSE_MS)
        self._show([], LOOKING)
        self._pause.start()

    def recheck(self) -> None:
        """Look again for the claim shown (the library changed)."""
        if self._claim_text is not None and self._path is not None:
            self._show([], LOOKING)
            self._ask()

    def _ask(self) -> None:
        if self._claim_text is not None and self._path is not None:
            self._waiting = self.matcher.request(
                self._path, [self._claim_text], blind=self._blind, key=self._key
            )

    def shut_down(self) -> None:
        """Ask nothing more (the window is closing)."""
        self._pause.stop()
        self.matcher.shut_down()

    def add_match(self, index: int) -> bool:
        """Ask to add the ``index``-th match shown (0 = the best) as a source."""
        if not self._editable or not 0 <= index < len(self.matches):
            return False
        self.add_requested.emit(self.matches[index])
        return True

    def _on_found(self, serial: int, found: Found) -> None:
        if serial != self._waiting:
            return
        self._waiting = -1
        if found.library_empty:
            self._show([], EMPTY_LIBRARY)
            return
        shown = shown_matches(found.matches[0] if found.matches else [], self._claim_text)
        self._show(shown, "" if shown else NOTHING_FOUND)

    def _show(self, matches: list[Match], hint: str) -> None:
        self.matches = matches
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: deleting waits for the event loop
                widget.deleteLater()
        self._buttons = []
        for row, match in enumerate(matches):
            label = QLabel(_describe(match))
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setOpenExternalLinks(False)  # opened by us, and only when clicked
            label.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
            button = QToolButton()
            button.setText(f"Add (Alt+{row + 1})")
            button.setToolTip("Add this fact-check as a source of your verdict (undoable)")
            button.clicked.connect(lambda _=False, n=row: self.add_match(n))
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(button, row, 1, Qt.AlignmentFlag.AlignTop)
            self._buttons.append(button)
        self.rows.setVisible(bool(matches))
        self._refresh_buttons()

    def _refresh_buttons(self) -> None:
        for button in self._buttons:
            button.setEnabled(self._editable)


def _describe(match: Match) -> str:
    parts = [f"<b>{escape(match.rating or 'Not rated')}</b>"]
    parts += [escape(p) for p in (match.publisher, match.date) if p]
    parts.append(f"similarity {percent(match.score)}")
    line = " · ".join(parts)
    if match.url:
        line += f' · <a href="{escape(match.url, quote=True)}">open</a>'
    return f"{line}<br>“{escape(match.claim)}”"


def add_as_source(panel: SourcesPanel, match: Match) -> bool:
    """Add a match to the verdict through the sources' own (undoable) way of adding."""
    from workbench.ui.verdict.source_dialog import SourceInput

    fields = {k: v for k, v in source_fields(match).items() if v}
    return panel.add_source_from(SourceInput(fields))
