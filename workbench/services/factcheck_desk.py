"""The fact-check library as the desk uses it: matching on a thread of its own, importing in steps.

The window has the database's one writing connection, on its own thread. Matching runs elsewhere,
on a :class:`LibraryReader` (a read-only connection of its own, used by one thread only).
Importing reads and parses files elsewhere too, but hands every database call back to the
window's thread through ``relay`` (:func:`import_relayed`), so one connection does all writes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from workbench.services.factchecks import (
    Encoder,
    LibraryImport,
    Match,
    Progress,
    fill_vectors,
    import_files,
    match_many,
)

if TYPE_CHECKING:
    from workbench.services.blind import BlindReview
    from workbench.services.desk import Desk
    from workbench.store import Store

#: How many more matches are asked for while blind review leaves some of the team's out.
HIDDEN_SPARE = 10
#: Runs a function on the window's thread and returns what it returned (or raises what it raised).
Relay = Callable[[Callable[[], Any]], Any]


class LibraryReader:
    """A read-only connection to one database file, for matching on the thread that made it."""

    def __init__(self, path: Path, passphrase: Any = None) -> None:
        """``passphrase``: an encrypted file's passphrase or the desk store's ``cipher_key``."""
        from workbench.store import open_store

        self.path = path
        self._store = open_store(path, read_only=True, passphrase=passphrase)

    def is_empty(self) -> bool:
        """True when the library holds no fact-check at all (imported or the team's)."""
        return not sum(self._store.factcheck_counts().values())

    def match_many(
        self,
        texts: Sequence[str],
        k: int,
        encoder: Encoder | None,
        blind: BlindReview | None = None,
    ) -> list[list[Match]]:
        """The best ``k`` matches of each text (see :func:`services.factchecks.match_many`).

        With ``blind``, the team's rows of claims whose ratings blind review keeps from the
        reviewer (in ``blind.article_id``, or anywhere) are left out: they are the team's
        verdicts.
        """
        hidden = self._hidden_team_claims(blind)
        if not hidden:
            return match_many(self._store, texts, k, encoder)
        found = match_many(self._store, texts, k + min(len(hidden), HIDDEN_SPARE), encoder)
        team = sorted({m.id for matches in found for m in matches if m.origin == "team"})
        owner = {row["id"]: row["claim_id"] for row in self._store.get_factchecks(team)}
        return [[m for m in matches if owner.get(m.id) not in hidden][:k] for matches in found]

    def _hidden_team_claims(self, blind: BlindReview | None) -> frozenset[str]:
        if blind is None or not blind.on:
            return frozenset()
        from workbench.store import NotFoundError

        try:
            return blind.hidden_team_claims(self._store.claim_ratings(blind.article_id))
        except NotFoundError:  # the article was deleted meanwhile: none of its claims is left
            return frozenset()

    def close(self) -> None:
        """Close the connection (on the thread that used it, or once that thread has ended)."""
        self._store.close()


class _Relayed:
    """The desk's store, each method call made through ``relay``."""

    def __init__(self, store: Store, relay: Relay) -> None:
        self._store = store
        self._relay = relay
        self.read_only = store.read_only

    def __getattr__(self, name: str) -> Callable[..., Any]:
        method = getattr(self._store, name)
        return lambda *args, **kwargs: self._relay(lambda: method(*args, **kwargs))


def import_relayed(
    desk: Desk,
    paths: Sequence[str | Path],
    relay: Relay,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    encoder: Encoder | None = None,
) -> LibraryImport:
    """Import fact-check files into the desk's library, every database call made by ``relay``.

    With an encoder, the vectors of what was imported are computed too (matching by meaning
    would otherwise compute them the first time it runs).
    """
    store = cast("Store", _Relayed(desk.store, relay))
    result = import_files(store, paths, progress=progress, cancelled=cancelled)
    if encoder is not None and not result.cancelled:
        fill_vectors(store, encoder, progress=progress, cancelled=cancelled)
    return result


def sync_team(desk: Desk) -> bool:
    """Bring the team's rated verdicts into the library; True when it changed.

    Cheap when nothing was saved since the last call; a read-only database is left as it is.
    """
    return desk.store.sync_team_factchecks()
