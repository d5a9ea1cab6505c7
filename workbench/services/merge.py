"""Merging a colleague's work: another workbench file, or a review bundle, into the open one.

The other file is only read. Everything it holds that this file lacks is copied in, the newer
version of anything both changed stands (the other stays in the history), and the result is
the same whichever file is merged into which; merging twice changes nothing. A damaged,
foreign, newer or locked file is refused and nothing changes. See :mod:`.merge_plan`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.store import Store, StoreError, open_store
from workbench.store.bundle_db import own_event_uids
from workbench.store.chain import event_digest
from workbench.store.errors import InvalidInputError, ReadOnlyError, SchemaTooOldError
from workbench.store.merge import (
    apply_merge,
    rating_scale_name,
    read_attachments,
    read_events,
    read_snapshot,
)

from .merge_plan import Conflict, MergePlan, plan_merge

if TYPE_CHECKING:
    from .desk import Desk

Progress = Callable[[str, int, int], None]

#: How the kinds of rows are named to people (singular, plural).
NOUNS: dict[str, tuple[str, str]] = {
    "article": ("article", "articles"),
    "claim": ("claim", "claims"),
    "verdict": ("verdict", "verdicts"),
    "source": ("source", "sources"),
    "final_verdict": ("final verdict", "final verdicts"),
    "reviewer": ("reviewer", "reviewers"),
    "setting": ("setting", "settings"),
}
_ORDER = list(NOUNS)


class MergeCancelled(StoreError):
    """The merge was stopped before anything was written."""


@dataclass
class MergeResult:
    """What a merge did: counts per kind of row, the conflicts, the backup made first."""

    source_name: str
    target_name: str
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    removed: dict[str, int] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    events_added: int = 0
    #: Changes to other articles brought in without their content (from a review bundle).
    events_withheld: int = 0
    backup: Path | None = None

    @property
    def changed(self) -> bool:
        """True when the merge changed anything in this file."""
        return bool(
            self.added or self.updated or self.removed or self.events_added or self.events_withheld
        )

    def lines(self) -> list[str]:
        """The result in plain words, one line each."""
        if not self.changed:
            return [
                f"Nothing to merge: “{self.target_name}” already holds everything in "
                f"“{self.source_name}”. Nothing was changed."
            ]
        out = [f"Merged “{self.source_name}” into “{self.target_name}”."]
        for word, counts in (
            ("Added", self.added),
            ("Updated", self.updated),
            ("Removed", self.removed),
        ):
            if counts:
                out.append(f"{word}: {_counted(counts)}.")
        if self.events_added:
            out.append(f"History: {_n(self.events_added, 'change', 'changes')} brought in.")
        if self.events_withheld:
            out.append(
                f"History: {_n(self.events_withheld, 'earlier change', 'earlier changes')} "
                "to work not in the bundle (other articles, settings) came without their "
                "content; they keep the history verifiable, and merging the full file later "
                "fills them in."
            )
        if self.conflicts:
            out.append(
                f"{_n(len(self.conflicts), 'conflict', 'conflicts')}: changed in both files "
                "since they last met; the newer version stands, the other is kept in the history."
            )
            out.extend("  " + conflict_line(c) for c in self.conflicts)
        if self.backup is not None:
            out.append(f"A backup of the file as it was before: {self.backup.name}.")
        return out

    def to_dict(self) -> dict[str, Any]:
        """For JSON output."""
        return {
            "source": self.source_name,
            "target": self.target_name,
            "changed": self.changed,
            "added": self.added,
            "updated": self.updated,
            "removed": self.removed,
            "events_added": self.events_added,
            "events_withheld": self.events_withheld,
            "conflicts": [c.to_dict() for c in self.conflicts],
            "backup": str(self.backup) if self.backup else None,
        }


def _n(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _counted(counts: dict[str, int]) -> str:
    parts = [
        _n(counts[kind], *NOUNS.get(kind, (kind, kind + "s")))
        for kind in sorted(counts, key=lambda k: _ORDER.index(k) if k in _ORDER else 99)
    ]
    return ", ".join(parts)


def conflict_line(conflict: Conflict) -> str:
    """One conflict in words: what it is, what each file had, which stood."""
    noun = NOUNS.get(conflict.entity, (conflict.entity, ""))[0]
    fields = shown_fields(conflict)
    here = ", ".join(f"{field_name(f)} {_short(conflict.here.get(f))}" for f in fields)
    there = ", ".join(f"{field_name(f)} {_short(conflict.there.get(f))}" for f in fields)
    here, there = here or "other details", there or "other details"
    kept = "this file's" if conflict.kept == "here" else "the other file's"
    return f"{noun} {conflict.label}: this file had {here}; the other had {there}. Kept {kept}."


#: Fields never shown in a conflict: bookkeeping, or following from another field.
_UNSHOWN = frozenset({"updated_at", "created_at", "rating_value", "id"})
#: Field names in words, where the column's name is not plain enough.
_FIELD_NAMES = {"claim": "wording", "said_on": "said on", "said_where": "said where"}


def shown_fields(conflict: Conflict) -> list[str]:
    """The fields that differ between a conflict's two versions, as people care about them."""
    return [f for f in conflict.changed_fields if f not in _UNSHOWN]


def field_name(name: str) -> str:
    """A column's name in words."""
    return _FIELD_NAMES.get(name, name.replace("_", " "))


def _short(value: object, limit: int = 50) -> str:
    text = "(none)" if value is None else str(value)
    text = " ".join(text.split())
    return "“" + (text if len(text) <= limit else text[: limit - 1] + "…") + "”"


def merge_file(
    store: Store,
    other: str | Path,
    *,
    passphrase: str | None = None,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    backup: bool = True,
) -> MergeResult:
    """Merge the workbench file or review bundle at ``other`` into ``store``.

    Raises :class:`StoreError` (nothing changed) for a file that cannot be merged, and
    :class:`MergeCancelled` when ``is_cancelled`` turns true before writing starts.
    """
    from .bundle import is_bundle, open_bundle

    path = Path(other)
    report = progress or (lambda what, done, total: None)
    if not path.is_file():
        raise StoreError(f"“{path.name}” does not exist or is not a file; nothing was changed.")
    if store.path is not None and path.resolve() == store.path.resolve():
        raise InvalidInputError("That is the open file itself; choose a colleague's file.")
    with ExitStack() as stack:
        temp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="workbench-merge-")))
        report("Reading the other file", 0, 4)
        bundle = is_bundle(path)
        if bundle:
            theirs = stack.enter_context(_open_bundled(open_bundle(path, temp), temp, path.name))
        else:
            theirs = stack.enter_context(_open_other(path, temp, passphrase))
        return merge_stores(
            store,
            theirs,
            source_name=path.name,
            progress=report,
            is_cancelled=is_cancelled,
            backup=backup,
            wrapper=bundle,
        )
    raise AssertionError("unreachable")  # pragma: no cover


def _open_bundled(database: Path, temp: Path, bundle_name: str) -> Store:
    """A bundle's unpacked database; its errors name the bundle, not the file inside it."""
    from .bundle import BundleError

    try:
        return _open_other(database, temp, None)
    except StoreError as exc:
        inner = f"“{database.name}”"
        text = str(exc).replace(inner, f"the database inside “{bundle_name}”", 1)
        text = text.replace("The file was left untouched.", "Nothing was changed.")
        raise BundleError(text[:1].upper() + text[1:]) from exc


def _open_other(path: Path, temp: Path, passphrase: str | None) -> Store:
    """The other file, read-only; one from an older version is upgraded in a private copy."""
    try:
        return open_store(path, read_only=True, passphrase=passphrase)
    except SchemaTooOldError:
        pass
    from workbench.store.backup import copy_database
    from workbench.store.cipher import CipherKey

    key = CipherKey(passphrase) if passphrase else None
    copy = copy_database(path, temp / "older-copy.sqlite3", key=key)
    return open_store(copy, passphrase=passphrase)


def merge_stores(
    store: Store,
    theirs: Store,
    *,
    source_name: str | None = None,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    backup: bool = True,
    wrapper: bool = False,
) -> MergeResult:
    """Merge the open store ``theirs`` (only read) into ``store``.

    ``wrapper``: ``theirs`` is a review bundle's database, whose own history (making the
    bundle file) is nobody's work and is left out.
    """
    from .backup import backup_now

    report = progress or (lambda what, done, total: None)
    cancelled = is_cancelled or (lambda: False)
    result = MergeResult(source_name or theirs.display_name, store.display_name)
    if store.read_only:
        raise ReadOnlyError(
            f"“{store.display_name}” is open read-only ({store.read_only_reason}); "
            "nothing was changed."
        )
    ours_scale, their_scale = rating_scale_name(store), rating_scale_name(theirs)
    if ours_scale and their_scale and ours_scale != their_scale:
        raise InvalidInputError(
            f"“{result.source_name}” rates claims on another scale ({their_scale}; this file "
            f"uses {ours_scale}), so its verdicts cannot be merged. Nothing was changed."
        )
    report("Reading both files", 1, 4)
    mine_snap, their_snap = read_snapshot(store), read_snapshot(theirs)
    if wrapper:
        own = own_event_uids(theirs)
        their_snap.events = [e for e in their_snap.events if e[0] not in own]
    report("Comparing", 2, 4)
    plan = plan_merge(mine_snap, their_snap)
    _label(plan, mine_snap.rows, their_snap.rows)
    result.conflicts = plan.conflicts
    result.added, result.updated = dict(plan.added), dict(plan.updated)
    result.removed, result.events_added = dict(plan.removed), plan.events_added
    result.events_withheld = plan.events_withheld
    filled = list(read_events(theirs, plan.fill_uids))
    _check_filled(filled, mine_snap.withheld, result.source_name)
    if not plan.write and not plan.event_uids and not filled:
        return result
    if cancelled():
        raise MergeCancelled("The merge was cancelled; nothing was changed.")
    report("Backing up this file", 3, 4)
    if backup and store.path is not None:
        result.backup = backup_now(store, kind="before-merge")
    if cancelled():
        raise MergeCancelled("The merge was cancelled; nothing was changed.")
    report("Writing the merged work", 3, 4)
    plan.write.events = list(read_events(theirs, plan.event_uids))
    plan.write.filled = filled
    plan.write.attachments = read_attachments(theirs, plan.attachments_from_other)
    apply_merge(store, plan.write, mine_snap.columns, then=store.sync_team_factchecks)
    report("Done", 4, 4)
    return result


def _check_filled(filled: list[dict[str, Any]], held: dict[str, dict[str, Any]], name: str) -> None:
    """Refuse the merge unless every event filled in is the one this file holds withheld."""
    for event in filled:
        mine = held[event["uid"]]
        same_place = all(event.get(k) == mine[k] for k in ("device", "seq", "prev", "hash"))
        if not same_place or event_digest(event) != mine["hash"]:
            raise InvalidInputError(
                f"“{name}” holds a change whose content does not match the digest this file "
                "keeps for it in its history: one of the two files was altered. "
                "Nothing was changed."
            )


def _label(plan: MergePlan, *tables: dict[str, list[dict[str, Any]]]) -> None:
    """Name each conflict so that a person knows which claim, verdict or article it is."""
    if not plan.conflicts:
        return
    names: dict[str, str] = {}
    quotes: dict[str, str] = {}
    for rows in tables:
        for r in rows["reviewers"]:
            names.setdefault(r["id"], r["name"])
        for r in rows["claims"]:
            quotes.setdefault(r["id"], _short(r["quote"], 60))
    for c in plan.conflicts:
        row = c.here
        if c.entity == "verdict":
            who = names.get(row.get("reviewer_id") or "", "a reviewer")
            c.label = f"of {who} on {quotes.get(row.get('claim_id') or '', 'a claim')}"
        elif c.entity == "final_verdict":
            c.label = f"on {quotes.get(row.get('claim_id') or '', 'a claim')}"
        elif c.entity == "claim":
            c.label = quotes.get(c.id, _short(row.get("quote"), 60))
        elif c.entity == "article":
            c.label = _short(row.get("title"), 60)
        elif c.entity == "reviewer":
            c.label = _short(row.get("name"))
        elif c.entity == "source":
            c.label = _short(row.get("title") or row.get("url"), 60)
        else:
            c.label = _short(c.id)


# -- for the window ----------------------------------------------------------------------------


def merge_into_desk(
    desk: Desk,
    other: str | Path,
    *,
    passphrase: str | None = None,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> MergeResult:
    """Merge ``other`` into the desk's open file (see :func:`merge_file`)."""
    return merge_file(
        desk.store, other, passphrase=passphrase, progress=progress, is_cancelled=is_cancelled
    )


def needs_passphrase(path: str | Path) -> bool:
    """True when ``path`` is an encrypted workbench file (its passphrase must be asked for)."""
    from workbench.store import is_encrypted

    return Path(path).is_file() and is_encrypted(path)


def check_passphrase(path: str | Path, passphrase: str) -> str:
    """``passphrase`` when it unlocks the file at ``path``; raises a :class:`StoreError` if not."""
    with open_store(Path(path), read_only=True, passphrase=passphrase):
        return passphrase


def kept_id(desk: Desk, ident: str) -> str:
    """The id a thing is kept under after merging (``ident`` itself when it was not merged)."""
    from workbench.store.merge import kept_id as lookup

    return lookup(desk.store, ident)
