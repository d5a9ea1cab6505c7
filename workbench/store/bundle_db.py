"""A review bundle's database: built in memory, and the events of its own making.

What goes into it is :func:`~workbench.store.merge_bundle.copy_articles`; the zip file and its
manifest are :mod:`workbench.services.bundle`'s part.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .merge import rating_scale_name
from .merge_bundle import copy_articles

if TYPE_CHECKING:
    from .store import Store

__all__ = ["bundle_database", "own_event_uids"]


def bundle_database(store: Store, article_ids: Sequence[str]) -> tuple[dict[str, int], bytes]:
    """A new workbench database holding ``article_ids`` of ``store``, as bytes, with its counts.

    Built in memory, never in a temporary file: the open file may be encrypted, and only the
    zip the user asked for may hold its content in plain form.
    """
    from .store import open_store

    with open_store(None, scale=rating_scale_name(store)) as dest:
        dest.conn.execute("PRAGMA temp_store = MEMORY")
        counts = copy_articles(store, dest, article_ids)
        data = dest.conn.serialize()
    return counts, data


def own_event_uids(store: Store) -> set[str]:
    """The uids of the events recorded by ``store``'s own device (a bundle's: making it)."""
    return {
        r["uid"] for r in store.query("SELECT uid FROM events WHERE device = ?", [store.device_id])
    }
