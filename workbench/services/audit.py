"""Trusting the history: check that no event was changed or removed outside the program."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.store.chain import ChainReport, verify_events

if TYPE_CHECKING:
    from workbench.store import Store


def verify_history(store: Store) -> ChainReport:
    """Recompute every event's digest and follow every link of every device's chain."""
    return verify_events(store.chained_events())


def history_digest(store: Store) -> str:
    """The digest over the newest event of every chain, as the report prints it.

    Keep it (the report does): if events are later removed from the end of the history, the
    file's digest no longer matches the one printed.
    """
    return store.history_digest()
