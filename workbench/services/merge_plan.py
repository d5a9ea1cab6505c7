"""What merging two workbench files gives, decided from their snapshots (no SQL here).

The merged content is a symmetric function of the two files: merging A into B and B into A
give the same content, and merging again changes nothing.

* **Identity.** Rows are the same thing when they share an id, or when ``merged_ids`` of either
  file says so; reviewers also by name (case ignored), verdicts by (claim, reviewer), final
  verdicts by claim; articles by identical text and claims by (article, start, end) when exactly
  one row on each side, not yet matched, has that text or span. One thing under several ids
  keeps the smallest id on both sides; the others are remembered in ``merged_ids``.
* **Which version stands.** The version from the side that changed the thing since the files
  last met (it has events about it the other lacks), when only one did, whatever the clocks
  say; when both did, the side whose newest event about it (under any of its ids) is newest;
  then the newer ``updated_at``; then the larger digest of the row.
  Both sides having changed it since they last met (each has an event about it the other lacks)
  and the two versions differing in more than bookkeeping is a *conflict*: listed, and logged as
  a ``merge`` event whose ``before`` holds the version that did not stand.
* **Deletions.** When only one file changed a thing since they last met, whether that file
  holds it decides. Otherwise a row whose newest adding, restoring or deleting event over both
  files (under any of its ids) deleted it is gone (an edit made elsewhere meanwhile does not bring it back;
  undoing the deletion does), and such a row is matched with nothing but its own ids; any other row on one side only
  is copied in. A row whose parent is gone goes too (a deleted article takes its claims).
* **Claim numbers.** A claim keeps the higher of its two numbers; two different claims with one
  number: the earlier (created_at, id) keeps it, the others get the next numbers after the
  article's highest.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from workbench.model import now_iso
from workbench.store.merge import ENTITY_TABLES, MergeWrite, Row, Snapshot, TableWrite

from .merge_identity import Ids, digest, identify, newest_life

#: Columns naming a row of another table (remapped when that row is kept under another id).
ID_COLUMNS: dict[str, tuple[str, ...]] = {
    "claims": ("article_id", "dismissed_by"),
    "verdicts": ("claim_id", "reviewer_id"),
    "sources": ("verdict_id",),
    "final_verdicts": ("claim_id", "editor_id"),
}
#: Links that must lead to a row of the merged file, or the row goes.
PARENTS: dict[str, dict[str, str]] = {
    "claims": {"article_id": "articles"},
    "verdicts": {"claim_id": "claims", "reviewer_id": "reviewers"},
    "sources": {"verdict_id": "verdicts"},
    "final_verdicts": {"claim_id": "claims", "editor_id": "reviewers"},
}
#: Fields that differ between two imports of one article without anyone disagreeing.
BOOKKEEPING = frozenset(
    {
        "id",
        "number",
        "created_at",
        "updated_at",
        "imported_at",
        "imported_by",
        "source_name",
        "source_sha256",
        "created_by",
        "pipeline_version",
        "score",
        "reasons",
    }
)
#: Large fields left out of the versions a conflict shows and logs.
_LEFT_OUT = frozenset({"text", "blocks", "attachment"})

_NO_STAMP = ("", "")
#: The actions that make a thing exist or not (see :func:`_is_life`).
LIFE_ACTIONS = frozenset({"add", "import", "restore", "delete"})


@dataclass
class Conflict:
    """One row both files changed since they last met: what each had, which stood."""

    entity: str
    id: str
    label: str
    here: dict[str, Any]
    there: dict[str, Any]
    #: "here" (this file's version stood) or "there" (the other file's).
    kept: str

    @property
    def changed_fields(self) -> list[str]:
        """The fields whose values differ between the two versions."""
        return sorted(
            k for k in set(self.here) | set(self.there) if self.here.get(k) != self.there.get(k)
        )

    def to_dict(self) -> dict[str, Any]:
        """For JSON output."""
        return {
            "entity": self.entity,
            "id": self.id,
            "label": self.label,
            "kept": self.kept,
            "fields": self.changed_fields,
            "here": self.here,
            "there": self.there,
        }


@dataclass
class MergePlan:
    """What merging writes into this file, what it changes and the conflicts it found."""

    write: MergeWrite
    added: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    conflicts: list[Conflict] = field(default_factory=list)
    events_added: int = 0
    #: Source ids whose attachments come from the other file.
    attachments_from_other: list[str] = field(default_factory=list)
    #: Event uids to copy from the other file (withheld ones included, as they are).
    event_uids: list[str] = field(default_factory=list)
    #: Uids of full events in the other file that this file holds withheld: filled in.
    fill_uids: list[str] = field(default_factory=list)
    #: Events to copy that the other file holds without their content.
    events_withheld: int = 0


def _content(table: str, row: Row) -> Row:
    return {k: v for k, v in row.items() if not (table == "claims" and k == "number")}


def _meaningful(row: Row) -> Row:
    return {k: v for k, v in row.items() if k not in BOOKKEEPING and k not in _LEFT_OUT}


def _shown(row: Row) -> Row:
    return {k: v for k, v in row.items() if k not in _LEFT_OUT}


@dataclass
class _Side:
    """One file's rows under canonical ids, and what its events say."""

    rows: dict[str, dict[str, Row]]
    settings: dict[str, str]
    stamps: dict[tuple[str, str], tuple[str, str]]
    uids: set[str]
    only_here: set[tuple[str, str]] = field(default_factory=set)


def _setting_key(key: str, find: Any) -> str:
    if key.startswith("article:"):
        parts = key.split(":", 2)
        if len(parts) == 3:
            return f"article:{find(parts[1])}:{parts[2]}"
    return key


def _event_key(entity: str, entity_id: str, find: Any) -> tuple[str, str]:
    if entity == "setting":
        return entity, _setting_key(entity_id, find)
    return entity, find(entity_id)


def _side(snap: Snapshot, ids: Ids) -> _Side:
    find = ids.find
    rows: dict[str, dict[str, Row]] = {}
    for table in ENTITY_TABLES:
        found: dict[str, Row] = {}
        for raw in snap.rows[table]:
            row = dict(raw)
            row["id"] = find(row["id"])
            for col in ID_COLUMNS.get(table, ()):
                if row.get(col) is not None:
                    row[col] = find(row[col])
            held = found.get(row["id"])
            if held is None or _rank(table, row) > _rank(table, held):
                found[row["id"]] = row
        rows[table] = found
    settings: dict[str, str] = {}
    for key, value in sorted(snap.settings.items()):
        settings[_setting_key(key, find)] = value
    stamps: dict[tuple[str, str], tuple[str, str]] = {}
    for uid, at, _action, entity, entity_id, _null in snap.events:
        k = _event_key(entity, entity_id, find)
        stamp = (at, uid)
        if stamp > stamps.get(k, _NO_STAMP):
            stamps[k] = stamp
    return _Side(rows, settings, stamps, {e[0] for e in snap.events})


def _rank(table: str, row: Row) -> tuple[str, str]:
    return (row.get("updated_at") or "", digest(_content(table, row)))


def _is_deletion(action: str, entity: str, after_null: bool) -> bool:
    return action == "delete" or (entity == "setting" and action == "set" and after_null)


def _is_life(action: str, entity: str) -> bool:
    """An event that makes a thing exist or not: adding, importing, restoring, deleting.

    An edit made elsewhere to something deleted since does not bring it back (its children
    went with it); undoing the deletion does.
    """
    return action in LIFE_ACTIONS or entity == "setting"


def _life_or_none(action: str, entity: str, after_null: bool) -> bool | None:
    """Whether an event deleted a thing (True), made it exist (False) or neither (None)."""
    if not _is_life(action, entity):
        return None
    return _is_deletion(action, entity, after_null)


def plan_merge(local: Snapshot, other: Snapshot) -> MergePlan:
    """What merging ``other`` into ``local`` writes, changes and finds in conflict."""
    ids = identify(local, other)
    here, there = _side(local, ids), _side(other, ids)
    for snap, side, other_side in ((local, here, there), (other, there, here)):
        for uid, _at, _action, entity, entity_id, _null in snap.events:
            if uid not in other_side.uids:
                side.only_here.add(_event_key(entity, entity_id, ids.find))
    present = [
        {(entity, cid) for table, entity in ENTITY_TABLES.items() for cid in side.rows[table]}
        | {("setting", k) for k in side.settings}
        for side in (here, there)
    ]
    latest = newest_life(
        local,
        other,
        lambda entity, entity_id: _event_key(entity, entity_id, ids.find),
        _life_or_none,
        present,
    )
    plan = MergePlan(MergeWrite())
    target: dict[str, dict[str, Row]] = {}
    for table, entity in ENTITY_TABLES.items():
        target[table] = _decide(table, entity, here, there, latest, target, plan)
    numbers, last = _claim_numbers(local, other, here, there, target, ids)
    _diff_tables(local, ids, here, target, numbers, last, plan)
    _merge_settings(local, here, there, latest, target, plan)
    _merge_ids(local, other, ids, plan)
    _merge_factchecks(local, other, plan)
    # Withheld events (a review bundle's) are in no snapshot's ``events``: they decide nothing.
    # Their uids only tell which events to copy, fill in or leave alone.
    fresh = [e[0] for e in other.events if e[0] not in here.uids]
    plan.fill_uids = [u for u in fresh if u in local.withheld]
    plan.event_uids = [u for u in fresh if u not in local.withheld]
    plan.events_added = len(fresh)
    known = here.uids | local.withheld.keys()
    carried = [u for u in other.withheld if u not in known]
    plan.event_uids += carried
    plan.events_withheld = len(carried)
    return plan


def _decide(
    table: str,
    entity: str,
    here: _Side,
    there: _Side,
    latest: Mapping[tuple[str, str], tuple[str, str, bool]],
    target: Mapping[str, Mapping[str, Row]],
    plan: MergePlan,
) -> dict[str, Row]:
    kept: dict[str, Row] = {}
    mine, theirs = here.rows[table], there.rows[table]
    for cid in sorted(mine.keys() | theirs.keys()):
        lv, ov = mine.get(cid), theirs.get(cid)
        key = (entity, cid)
        found = latest.get(key)
        if found is not None and found[2]:
            # Deleted last (perhaps under an id it was found by since): gone, on both sides.
            continue
        if lv is not None and ov is not None:
            if _content(table, lv) == _content(table, ov):
                row = lv
            else:
                side = _standing(key, here, there, _rank(table, lv), _rank(table, ov))
                row, loser = (lv, ov) if side == "here" else (ov, lv)
                both_changed = key in here.only_here and key in there.only_here
                if both_changed and _meaningful(lv) != _meaningful(ov):
                    plan.conflicts.append(Conflict(entity, cid, "", _shown(lv), _shown(ov), side))
                    plan.write.logged.append((entity, cid, _shown(loser), _shown(row)))
        else:
            row = lv if lv is not None else ov  # type: ignore[assignment]
        if any(
            row.get(col) is not None and row[col] not in target[parent]
            for col, parent in PARENTS.get(table, {}).items()
        ):
            continue
        kept[cid] = row
    return kept


def _standing(
    key: tuple[str, str],
    here: _Side,
    there: _Side,
    here_rank: tuple[str, ...],
    there_rank: tuple[str, ...],
) -> str:
    """Whose version of a thing stands: "here" or "there".

    A side that changed the thing since the two files last met, when the other did not, has
    the newer version whatever the clocks say (a laptop clock behind, or two changes in one
    second, must not undo an edit made after seeing the other's). Only when both changed it
    does the newest event decide; then ``updated_at``, then the digest.
    """
    mine, theirs = key in here.only_here, key in there.only_here
    if mine != theirs:
        return "here" if mine else "there"
    lk = (here.stamps.get(key, _NO_STAMP), *here_rank)
    ok = (there.stamps.get(key, _NO_STAMP), *there_rank)
    return "here" if lk > ok else "there"


def _claim_numbers(
    local: Snapshot,
    other: Snapshot,
    here: _Side,
    there: _Side,
    target: Mapping[str, dict[str, Row]],
    ids: Ids,
) -> tuple[dict[str, int], dict[str, int]]:
    """Each kept claim's number, unique per article, and each article's highest number."""
    last: dict[str, int] = defaultdict(int)
    for snap in (local, other):
        for article, n in snap.claim_numbers.items():
            a = ids.find(article)
            last[a] = max(last[a], n or 0)
    by_article: dict[str, list[tuple[int | None, str, str]]] = defaultdict(list)
    for cid, row in target["claims"].items():
        seen = [
            side.rows["claims"][cid].get("number")
            for side in (here, there)
            if cid in side.rows["claims"]
        ]
        number = max((n for n in seen if n is not None), default=None)
        by_article[row["article_id"]].append((number, row["created_at"] or "", cid))
    numbers: dict[str, int] = {}
    for article, claims in by_article.items():
        top = max([last[article], *(n or 0 for n, _, _ in claims)])
        taken: set[int] = set()
        waiting = []
        for number, _created, cid in sorted(claims, key=lambda c: (c[1], c[2])):
            if number is None or number in taken:
                waiting.append(cid)
            else:
                taken.add(number)
                numbers[cid] = number
        for cid in waiting:
            top += 1
            numbers[cid] = top
        last[article] = top
    return numbers, {a: n for a, n in last.items() if a in target["articles"]}


def _diff_tables(
    local: Snapshot,
    ids: Ids,
    here: _Side,
    target: Mapping[str, dict[str, Row]],
    numbers: Mapping[str, int],
    last: Mapping[str, int],
    plan: MergePlan,
) -> None:
    write = plan.write
    for table, entity in ENTITY_TABLES.items():
        tw = TableWrite()
        held = {r["id"]: r for r in local.rows[table]}
        local_groups = {ids.find(i) for i in held}
        for raw_id in held:
            if raw_id not in target[table]:
                tw.delete.append(raw_id)
        gone = len(local_groups - target[table].keys())
        if gone:
            plan.removed[entity] += gone
        for cid, row in target[table].items():
            if table == "claims":
                row = {**row, "number": numbers[cid]}
            old = held.get(cid)
            if old is None:
                tw.insert.append(row)
                if table == "sources":
                    plan.attachments_from_other.append(cid)
            else:
                if _content(table, old) != _content(table, row):
                    tw.update.append(row)
                    if table == "sources" and old.get("attachment_sha256") != row.get(
                        "attachment_sha256"
                    ):
                        plan.attachments_from_other.append(cid)
                if table == "claims" and old.get("number") != numbers[cid]:
                    write.numbers[cid] = numbers[cid]
            if cid not in local_groups:
                plan.added[entity] += 1
            elif _news(here.rows[table].get(cid), row):
                plan.updated[entity] += 1
        if tw:
            write.tables[table] = tw
    held_last = local.claim_numbers
    for article, n in last.items():
        if held_last.get(article) != n:
            write.claim_numbers[article] = n
    write.claim_numbers_gone = [a for a in held_last if a not in last]


def _news(mine: Row | None, kept: Row) -> bool:
    """Whether the kept version differs from this file's in what a person sees: compared
    under the ids kept and without bookkeeping, work only renamed to a colleague's ids, or
    stamped with their import time (the same article imported on both laptops), is not news."""
    if mine is None:
        return True
    return _meaningful(mine) != _meaningful(kept) or mine.get("number") != kept.get("number")


def _merge_settings(
    local: Snapshot,
    here: _Side,
    there: _Side,
    latest: Mapping[tuple[str, str], tuple[str, str, bool]],
    target: Mapping[str, Mapping[str, Row]],
    plan: MergePlan,
) -> None:
    kept: dict[str, str] = {}
    for key in sorted(here.settings.keys() | there.settings.keys()):
        lv, ov = here.settings.get(key), there.settings.get(key)
        stamp_key = ("setting", key)
        if lv is not None and ov is not None:
            if lv == ov:
                value = lv
            else:
                side = _standing(stamp_key, here, there, (digest({"v": lv}),), (digest({"v": ov}),))
                value = lv if side == "here" else ov
                if stamp_key in here.only_here and stamp_key in there.only_here:
                    kept_side = "here" if value is lv else "there"
                    plan.conflicts.append(
                        Conflict("setting", key, key, {"value": lv}, {"value": ov}, kept_side)
                    )
        else:
            value = lv if lv is not None else ov  # type: ignore[assignment]
            found = latest.get(stamp_key)
            if found is not None and found[2]:
                continue
        if key.startswith("article:"):
            article = key.split(":", 2)[1]
            if article not in target["articles"]:
                continue
        kept[key] = value
    for key, value in kept.items():
        if local.settings.get(key) != value:
            plan.write.settings[key] = value
    plan.write.settings_gone = [k for k in local.settings if k not in kept]


def _merge_ids(local: Snapshot, other: Snapshot, ids: Ids, plan: MergePlan) -> None:
    """``merged_ids``: every id seen that now names a thing kept under another id."""
    wanted: dict[str, Row] = {}
    now = now_iso()
    for snap in (local, other):
        for m in snap.merged_ids:
            entry = {**m, "new_id": ids.find(m["old_id"])}
            held = wanted.get(m["old_id"])
            if held is None or (entry["merged_at"] or "") < (held["merged_at"] or ""):
                wanted[m["old_id"]] = entry
        for table, entity in ENTITY_TABLES.items():
            for row in snap.rows[table]:
                new = ids.find(row["id"])
                if new != row["id"] and row["id"] not in wanted:
                    wanted[row["id"]] = {
                        "old_id": row["id"],
                        "new_id": new,
                        "entity": entity,
                        "merged_at": now,
                    }
    # An id a row was kept under, and since merged into another: the history (a deletion
    # under that id, say) must still lead to the thing.
    for snap in (local, other):
        for m in snap.merged_ids:
            kept, root = m["new_id"], ids.find(m["new_id"])
            if kept != root and kept not in wanted:
                wanted[kept] = {
                    "old_id": kept,
                    "new_id": root,
                    "entity": m["entity"],
                    "merged_at": now,
                }
    held_ids = {m["old_id"]: m for m in local.merged_ids}
    for old, entry in sorted(wanted.items()):
        before = held_ids.get(old)
        if before is None or before["new_id"] != entry["new_id"]:
            if before is not None:
                entry = {**entry, "merged_at": before["merged_at"]}
            plan.write.merged_ids.append(entry)


def _merge_factchecks(local: Snapshot, other: Snapshot, plan: MergePlan) -> None:
    """Imported fact-checks: one per key; the newer review (``review_date``, then the newer
    ``updated_at``) stands, as when a newer copy of a feed is imported."""
    mine = {r["key"]: r for r in local.factchecks}
    theirs = {r["key"]: r for r in other.factchecks}
    write = plan.write.factchecks
    for key, ov in theirs.items():
        lv = mine.get(key)
        if lv == ov:
            continue
        if lv is not None and _fact_rank(lv) >= _fact_rank(ov):
            continue
        if lv is None:
            write.insert.append(ov)
        elif lv["id"] == ov["id"]:
            write.update.append(ov)
        else:
            write.delete.append(lv["id"])
            write.insert.append(ov)


def _fact_rank(row: Row) -> tuple[str, str, str]:
    return (row["review_date"] or "", row["updated_at"] or "", digest(row))
