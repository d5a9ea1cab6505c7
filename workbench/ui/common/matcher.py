"""Matching claims against the library of fact-checks, off the window's thread.

Matching runs on a worker of its own with its own read-only connection to the database file
(a connection stays on the thread that uses it; the window's connection is never shared), so
selecting a claim never waits for the encoder or the library. Answers arrive by signal, and only
the answer to the latest question is shown. Used by the "Checked before" panel and the claims
table's count; neither needs the other loaded.
"""

from __future__ import annotations

import atexit
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from workbench.ui.common.worker import Job, JobRunner

if TYPE_CHECKING:
    from workbench.services.blind import BlindReview
    from workbench.services.factcheck_desk import LibraryReader
    from workbench.services.factchecks import Encoder, Match

log = logging.getLogger(__name__)

#: At most this many earlier fact-checks are shown for a claim.
SHOWN = 5
#: Matches less alike than this are left out. With the encoder the score is a cosine: on the
#: CheckThat! 2020 dev tweets, 0.5 keeps three in four true matches while the fifth-best wrong
#: candidate passes it for only 7% of queries (0.6 would lose half the true matches).
THRESHOLD = 0.5


def shipped_encoder() -> Encoder | None:
    """The claim-matching encoder; None (words only) when it cannot be loaded."""
    try:
        from workbench.claims.matching import load_encoder

        return load_encoder()
    except Exception as exc:  # matching by words still works
        log.warning("The matching encoder did not load: %s", exc)
        return None


#: What the worker encodes with (a seam: tests match by words alone).
ENCODER: Callable[[], Encoder | None] = shipped_encoder


@dataclass(frozen=True, slots=True)
class Found:
    """One answer: the best matches per text asked, and whether the library is empty."""

    matches: list[list[Match]]
    library_empty: bool


def shown_matches(matches: Sequence[Match], claim_text: str | None = None) -> list[Match]:
    """The matches worth showing: alike enough, best first, at most :data:`SHOWN`.

    The team's own verdict on this very claim is not an earlier fact-check of it.
    """
    same = " ".join((claim_text or "").split()).casefold()
    kept = [
        m
        for m in matches
        if m.score >= THRESHOLD and not (m.origin == "team" and m.claim.casefold() == same)
    ]
    return kept[:SHOWN]


class MatchRunner(QObject):
    """Matches texts against the library on its own worker; ``found(serial, Found)`` answers.

    One per kind of question for the whole program (see :func:`shared_matcher`): its thread and
    connection outlive any one window, so no widget can take a running thread with it.
    """

    found = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = JobRunner(self)
        self._serial = 0
        # Opened, used and kept on the worker thread only (one per database file).
        self._readers: dict[Path, LibraryReader] = {}

    def request(
        self,
        path: Path | None,
        texts: list[str],
        *,
        replace: bool = True,
        blind: BlindReview | None = None,
        key: object = None,
    ) -> int:
        """Ask for the best matches of ``texts``; returns the serial the answer will carry.

        ``replace`` drops questions still waiting (a newer selection makes them moot);
        ``blind`` leaves out the team's rows that blind review keeps from the reviewer;
        ``key`` opens an encrypted file (the desk's key, held in memory only).
        """
        self._serial += 1
        serial = self._serial
        if path is None:
            return serial
        if replace:
            self.runner.cancel_all()

        def work(_progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Found:
            reader = self._reader(path, key)
            if cancelled():
                return Found([], False)
            if reader.is_empty():
                return Found([[] for _ in texts], True)
            return Found(reader.match_many(texts, SHOWN + 1, ENCODER(), blind), False)

        job = Job(
            "Looking for earlier fact-checks…",
            work,
            on_finished=lambda result: self.found.emit(serial, result),
            on_failed=lambda message: log.warning("Matching failed: %s", message),
        )
        self.runner.start(job)
        return serial

    def _reader(self, path: Path, key: object) -> LibraryReader:
        # Loaded here, on the worker: the window's start-up does not wait for the library code.
        from workbench.services.factcheck_desk import LibraryReader

        reader = self._readers.get(path)
        if reader is None:
            # Another database now: the connection to the one before is no longer needed.
            for old in self._readers.values():
                old.close()
            reader = LibraryReader(path, key)
            self._readers = {path: reader}
        return reader

    def shut_down(self) -> None:
        """Stop the worker and close its connections (a later question starts it again)."""
        self.runner.shut_down()
        for reader in self._readers.values():
            reader.close()
        self._readers.clear()


_SHARED: dict[str, MatchRunner] = {}


def shared_matcher(name: str) -> MatchRunner:
    """The program's matcher for one kind of question ("claim", "counts"), made on first use.

    Separate kinds keep separate queues: counting a long article never delays the panel.
    """
    runner = _SHARED.get(name)
    if runner is None:
        runner = _SHARED[name] = MatchRunner()
    return runner


@atexit.register
def _shut_down_all() -> None:
    for runner in _SHARED.values():
        runner.shut_down()
