"""The claims table's "Checked before" column: earlier fact-checks counted in the background.

Once an article's claims are shown, their texts are matched against the library in one batch
on a worker of its own (see ``ui/verdict/checked_before``); the counts fill the column when they
arrive. A count is kept per claim text, so only new or reworded claims are matched again, until
the library changes (an import).
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer

from workbench.store import StoreError
from workbench.ui.common.matcher import Found, shared_matcher, shown_matches

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from workbench.model import ReviewedClaim
    from workbench.services.blind import BlindReview
    from workbench.services.desk import Desk


log = logging.getLogger(__name__)


class CountsView(Protocol):
    """What counting asks of the window."""

    @property
    def desk(self) -> Desk:
        """The open database."""
        ...

    @property
    def claims(self) -> Mapping[str, ReviewedClaim]:
        """The open article's claims by id."""
        ...


class CheckedCountsController(QObject):
    """Counts, per claim of the open article, the earlier fact-checks above the threshold."""

    def __init__(
        self,
        view: CountsView,
        show: Callable[[Mapping[str, int]], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        #: Fills the claims table's column (the table model's ``set_checked_counts``).
        self.show = show
        self.matcher = shared_matcher("counts")
        self.matcher.found.connect(self._on_found)
        #: Claim text → how many earlier fact-checks look like it.
        self._known: dict[str, int] = {}
        self._path: Path | None = None
        #: The texts asked in the batches still running (by serial), with the library's age.
        self._asked: dict[int, tuple[int, list[str]]] = {}
        self._asking: set[str] = set()
        self._age = 0
        #: Blind review as last counted: the team's rows it hides are not counted.
        self._blind: BlindReview | None = None
        # Counting starts once the article has been on screen a moment: opening it, and the
        # first clicks in it, do not share the interpreter with the matching.
        self._later = QTimer(self, singleShot=True, interval=self.DELAY_MS)
        self._later.timeout.connect(self._count)

    #: How long after an article opens counting starts, and how many claims a batch matches.
    DELAY_MS = 400
    BATCH = 32

    def claims_shown(self) -> None:
        """Show the counts known, and count the rest a moment later (never waits)."""
        path = self.view.desk.path
        # Blind review: the team's rows of this article's claims not rated yet are not counted.
        rule = self.view.desk.blind_review()
        article = next((rc.claim.article_id for rc in self.view.claims.values()), None)
        blind = rule.within(article) if rule.on else None
        if path != self._path or blind != self._blind:
            self._path, self._blind = path, blind
            self._forget()
        self._show()
        self._later.start()

    def library_changed(self) -> None:
        """Fact-checks were imported: count every claim again."""
        self._forget()
        self._later.start()

    def _forget(self) -> None:
        self._known, self._asking = {}, set()
        self._age += 1

    def _count(self) -> None:
        from workbench.services.factcheck_desk import sync_team

        try:
            if sync_team(self.view.desk):
                self._forget()  # the team's verdicts changed: count again
        except (StoreError, sqlite3.Error) as exc:
            # Only the counts suffer (the claims are shown anyway); a closed database is not asked.
            log.warning("Could not bring the team's verdicts into the library: %s", exc)
            return
        texts = {rc.claim.claim for rc in self.view.claims.values()}
        wanted = sorted(texts - self._known.keys() - self._asking)
        if not wanted or self._path is None:
            return
        self._asking.update(wanted)
        for start in range(0, len(wanted), self.BATCH):
            batch = wanted[start : start + self.BATCH]
            serial = self.matcher.request(
                self._path, batch, replace=False, blind=self._blind, key=self.view.desk.key
            )
            self._asked[serial] = (self._age, batch)

    def _on_found(self, serial: int, found: Found) -> None:
        age, texts = self._asked.pop(serial, (-1, []))
        if age != self._age:
            return  # asked of the library as it was before
        self._asking.difference_update(texts)
        if found.library_empty:
            return  # nothing to count against: the column stays blank
        for text, matches in zip(texts, found.matches, strict=False):
            self._known[text] = len(shown_matches(matches, text))
        self._show()

    def _show(self) -> None:
        counts = {
            claim_id: self._known[rc.claim.claim]
            for claim_id, rc in self.view.claims.items()
            if rc.claim.claim in self._known
        }
        if counts:
            self.show(counts)

    def shut_down(self) -> None:
        """Stop counting (the window is closing)."""
        self._later.stop()
        self.matcher.shut_down()
