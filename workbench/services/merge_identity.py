"""Which rows of two workbench files name the same thing (see :mod:`.merge_plan`)."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from workbench.store.merge import ENTITY_TABLES, Snapshot


class Ids:
    """Union-find over ids; every group's representative is its smallest id."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        #: Groups whose newest event deleted them: matched by id only (see ``_deleted``).
        self.doomed: set[str] = set()

    def find(self, x: str) -> str:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while x != root:
            nxt = parent[x]
            parent[x] = root
            x = nxt
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self.parent[hi] = lo


def digest(row: Mapping[str, Any]) -> str:
    """A digest of a row's canonical JSON (the last tie-break between two versions)."""
    text = json.dumps(row, sort_keys=True, ensure_ascii=False, default=_plain)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(value: object) -> str:
    return value.hex() if isinstance(value, bytes | bytearray | memoryview) else str(value)


def identify(local: Snapshot, other: Snapshot) -> Ids:
    """Which ids of the two files name one thing."""
    ids = Ids()
    for snap in (local, other):
        for m in snap.merged_ids:
            ids.union(m["old_id"], m["new_id"])
    for table in ENTITY_TABLES:
        for snap in (local, other):
            for row in snap.rows[table]:
                ids.find(row["id"])
    ids.doomed = _deleted(ids, local, other)
    _by_key(ids, local, other, "reviewers", lambda r, f: r["name"].lower())
    _by_unique_key(ids, local, other, "articles", lambda r, f: _sha(r["text"]))
    _by_unique_key(
        ids, local, other, "claims", lambda r, f: (f(r["article_id"]), r["start"], r["end"])
    )
    _by_key(ids, local, other, "verdicts", lambda r, f: (f(r["claim_id"]), f(r["reviewer_id"])))
    _by_key(ids, local, other, "final_verdicts", lambda r, f: f(r["claim_id"]))
    return ids


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _deleted(ids: Ids, local: Snapshot, other: Snapshot) -> set[str]:
    """The ids (as :class:`Ids` finds them so far) deleted for good (see :func:`newest_life`).

    Such a row goes whatever else happens, so it is matched with nothing: a claim deleted on
    one laptop must not take the id of one found at the same place on another laptop."""

    def key(entity: str, entity_id: str) -> Key:
        return entity, ids.find(entity_id)

    present = [
        {
            (entity, ids.find(r["id"]))
            for table, entity in ENTITY_TABLES.items()
            for r in s.rows[table]
        }
        for s in (local, other)
    ]
    life = newest_life(local, other, key, _life_event, present)
    return {root for (_entity, root), (_at, _uid, gone) in life.items() if gone}


def _life_event(action: str, entity: str, after_null: bool) -> bool | None:
    if action not in ("add", "import", "restore", "delete"):
        return None
    return action == "delete"


Key = tuple[str, str]


def newest_life(
    local: Snapshot,
    other: Snapshot,
    key: Callable[[str, str], Key],
    gone: Callable[[str, str, bool], bool | None],
    present: Sequence[set[Key]],
) -> dict[Key, tuple[str, str, bool]]:
    """Per thing, whether it is deleted for good: (at, uid, deleted) of what decides.

    ``gone`` says whether an event deleted the thing (True), made it exist (False) or neither
    (None); ``present`` holds the things each file has now. When only one file has events
    about a thing that the other lacks, it has seen all the other knows: whether it holds the
    thing decides, whatever the clocks say (an undo made after seeing a deletion undoes it even
    on a laptop whose clock is behind). Otherwise the newest adding, restoring or deleting
    event of both files by (at, uid) decides: an edit made elsewhere meanwhile does not bring a
    deleted thing back.
    """
    uids = [{e[0] for e in snap.events} for snap in (local, other)]
    newest: dict[Key, tuple[str, str, bool]] = {}
    last_seen: list[dict[Key, tuple[str, str]]] = [{}, {}]
    for side, snap in enumerate((local, other)):
        for uid, at, action, entity, entity_id, after_null in snap.events:
            k = key(entity, entity_id)
            if uid not in uids[1 - side]:
                held_stamp = last_seen[side].get(k)
                if held_stamp is None or (at, uid) > held_stamp:
                    last_seen[side][k] = (at, uid)
            deleted = gone(action, entity, after_null)
            if deleted is None:
                continue
            held = newest.get(k)
            if held is None or (at, uid) > held[:2]:
                newest[k] = (at, uid, deleted)
    found = dict(newest)
    for side in (0, 1):
        for k, stamp in last_seen[side].items():
            if k not in last_seen[1 - side]:
                found[k] = (*stamp, k not in present[side])
    return found


def _by_key(ids: Ids, local: Snapshot, other: Snapshot, table: str, key: Any) -> None:
    """One thing per key, whichever side: a unique constraint says so."""
    first: dict[Any, str] = {}
    for snap in (local, other):
        for row in snap.rows[table]:
            if ids.find(row["id"]) in ids.doomed:
                continue
            k = key(row, ids.find)
            if k in first:
                ids.union(first[k], row["id"])
            else:
                first[k] = row["id"]


def _by_unique_key(ids: Ids, local: Snapshot, other: Snapshot, table: str, key: Any) -> None:
    """Match rows not yet matched when exactly one on each side has the key."""
    roots = [{ids.find(r["id"]) for r in snap.rows[table]} for snap in (local, other)]
    shared = roots[0] & roots[1]
    candidates: list[dict[Any, list[str]]] = []
    for snap in (local, other):
        found: dict[Any, list[str]] = defaultdict(list)
        for row in snap.rows[table]:
            root = ids.find(row["id"])
            if root not in shared and root not in ids.doomed:
                found[key(row, ids.find)].append(row["id"])
        candidates.append(found)
    for k, mine in candidates[0].items():
        theirs = candidates[1].get(k, [])
        if len(mine) == 1 and len(theirs) == 1:
            ids.union(mine[0], theirs[0])
