"""The audit log as hash chains: every event carries the digest of the one before it.

Each workbench file has a device id of its own (the ``device`` table, one row, made when the
file is created). The events a file writes form one chain: ``seq`` counts them from 1, ``prev``
is the digest of the event before (empty for the first) and ``hash`` is the SHA-256 of the
event's own fields and ``prev``. Events merged in from a colleague's file keep their device,
sequence and digests, so every device's chain survives merging. An event changed or removed
outside the program breaks its own digest or the link from the next one; removing the newest
events of a chain is found by comparing the head digest printed in an earlier report.

A file copied by hand keeps its device id, and both copies then extend the same chain from
the same point: a fork, not damage. Each link is checked against the event it names, so a fork
verifies; the head digest covers every head.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

#: The event fields a digest covers, in order (``hash`` itself excluded).
CHAINED_FIELDS = (
    "uid",
    "device",
    "seq",
    "at",
    "reviewer_id",
    "action",
    "entity",
    "entity_id",
    "before",
    "after",
    "prev",
)


#: The action of an event whose content was left out of a review bundle: it keeps its place
#: in the chain (uid, device, seq, time, prev, hash) so that the chain still links up, but not
#: what it recorded. Merging the full event in later fills it in (the digest must match).
WITHHELD = "withheld"


def withheld(event: Mapping[str, Any]) -> dict[str, Any]:
    """``event`` without its content: what a bundle carries of changes to other articles."""
    return {
        **{name: event.get(name) for name in ("uid", "device", "seq", "at", "prev", "hash")},
        "reviewer_id": None,
        "action": WITHHELD,
        "entity": "event",
        "entity_id": "",
        "before": None,
        "after": None,
    }


def is_withheld(event: Mapping[str, Any]) -> bool:
    """True for an event carried without its content."""
    return event.get("action") == WITHHELD


def event_digest(event: Mapping[str, Any]) -> str:
    """The SHA-256 (hex) of an event's chained fields, as stored (``before``/``after`` as text)."""
    import hashlib  # it loads OpenSSL: start-up, which saves nothing, does without it

    canonical = json.dumps(
        [event.get(name) for name in CHAINED_FIELDS], ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def heads_digest(heads: Iterable[str]) -> str:
    """One digest over the newest event of every chain: what a report prints."""
    import hashlib

    joined = "\n".join(sorted(heads))
    return hashlib.sha256(joined.encode("ascii")).hexdigest()


@dataclass
class ChainReport:
    """What :func:`verify_events` found."""

    events: int = 0
    devices: int = 0
    #: Events carried without their content (from a review bundle): linked, not checkable.
    withheld: int = 0
    #: The newest event's digest per device.
    heads: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every event is as it was written and none is missing."""
        return not self.problems

    @property
    def head_digest(self) -> str:
        """One digest over every chain's newest event."""
        return heads_digest(self.heads.values())


def verify_events(events: Iterable[Mapping[str, Any]]) -> ChainReport:
    """Check every event's digest and every link; ``events`` as stored, in any order."""
    report = ChainReport()
    by_device: dict[str, dict[int, list[Mapping[str, Any]]]] = {}
    for event in events:
        report.events += 1
        where = _where(event)
        if not event.get("hash") or not event.get("device") or event.get("seq") is None:
            report.problems.append(f"{where} has no place in the history chain.")
            continue
        if is_withheld(event):
            # Carried without content: nothing else may sit in it (a changed event dressed up as
            # withheld would otherwise hide what it says).
            report.withheld += 1
            if any(event.get(name) for name in ("reviewer_id", "entity_id", "before", "after")):
                report.problems.append(f"{where} holds content it should not.")
        elif event_digest(event) != event["hash"]:
            report.problems.append(f"{where} was changed after it was written.")
        by_device.setdefault(event["device"], {}).setdefault(int(event["seq"]), []).append(event)
    report.devices = len(by_device)
    for device, chain in by_device.items():
        digests = {seq: {e["hash"] for e in found} for seq, found in chain.items()}
        top = max(chain)
        missing = [seq for seq in range(1, top) if seq not in chain]
        if missing:
            report.problems.append(
                f"{_count(len(missing), 'event')} of device {device[:8]} "
                f"{'is' if len(missing) == 1 else 'are'} missing (number {_ranges(missing)})."
            )
        for seq, found in sorted(chain.items()):
            for event in found:
                expected = {""} if seq == 1 else digests.get(seq - 1, set())
                if (event.get("prev") or "") not in expected and (seq - 1) not in missing:
                    report.problems.append(
                        f"{_where(event)} does not follow the event before it: "
                        "an earlier event was changed or removed."
                    )
        report.heads[device] = device_head([e["hash"] for e in chain[top]])
    return report


def changes_since(events: Iterable[Mapping[str, Any]], digest: str) -> int | None:
    """How many events were added after the history had ``digest``; None if it never had it.

    ``events`` in the order this file stored them: the history at any earlier moment is a
    prefix of that order, so each prefix's heads are computed in turn. A file worked on since
    a report still holds the state the report printed; one whose events were removed does not.
    """
    wanted = digest.strip().lower()
    tops: dict[str, tuple[int, list[str]]] = {}
    seen = 0
    found: int | None = None
    for event in events:
        seen += 1
        device, seq = event.get("device"), event.get("seq")
        if not device or seq is None:
            continue
        top = tops.get(device)
        if top is None or int(seq) > top[0]:
            tops[device] = (int(seq), [event["hash"]])
        elif int(seq) == top[0]:
            top[1].append(event["hash"])
        heads = heads_digest(device_head(hashes) for _, hashes in tops.values())
        if heads == wanted:
            found = seen
    return None if found is None else seen - found


def device_head(newest: Iterable[str]) -> str:
    """A device's head: its newest event's digest, or one digest over several (a fork)."""
    tops = sorted(newest)
    return tops[0] if len(tops) == 1 else heads_digest(tops)


def _where(event: Mapping[str, Any]) -> str:
    at = event.get("at") or "an unknown time"
    return f"The event “{event.get('action')} {event.get('entity')}” of {at}"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _ranges(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:5])
    return shown + (", …" if len(numbers) > 5 else "")
