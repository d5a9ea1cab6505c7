"""Which rows of two workbench files name the same thing (see :mod:`.merge_plan`)."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Mapping
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
    """The ids (as :class:`Ids` finds them so far) whose newest adding, restoring or deleting
    event, in either file, deleted them. Such a row goes whatever else happens, so it is matched with nothing: a claim deleted
    on one laptop must not take the id of one found at the same place on another laptop."""
    newest: dict[tuple[str, str], tuple[str, str, bool]] = {}
    for snap in (local, other):
        for uid, at, action, entity, entity_id, _null in snap.events:
            if action not in ("add", "import", "restore", "delete"):
                continue
            k = (entity, ids.find(entity_id))
            held = newest.get(k)
            if held is None or (at, uid) > held[:2]:
                newest[k] = (at, uid, action == "delete")
    return {root for (_entity, root), (_at, _uid, gone) in newest.items() if gone}


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
