"""The history of a claim or an article, read from the audit log as lines people can follow.

"12 Mar 2026 14:05 · Ana Lima rated it Mostly true (was: in progress)". A claim's history holds
the changes to the claim, its verdicts and their sources; an article's, the changes to the
article and, line by line, to its claims. The wording of each change is in
:mod:`workbench.services.history_words`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from workbench.dates import short_date
from workbench.store import NotFoundError, Store

from .history_words import describe, quoted

#: Who is named for what the program did by itself.
CLAIM_FINDING = "Claim finding"


@dataclass(frozen=True, slots=True)
class HistoryLine:
    """One change (or a run of the same change, folded): when, who, what, to which claim."""

    #: When, as recorded (ISO 8601, UTC).
    at: str
    #: Who made the change; empty when nobody was named.
    who: str
    #: What it did, as the rest of a sentence that starts with ``who``.
    what: str
    #: In an article's history, the number of the claim it changed (None: the article itself).
    claim_number: int | None = None
    action: str = ""
    entity: str = ""
    entity_id: str = ""
    #: How many times in a row the same change was made (a rationale saved as it was typed).
    times: int = 1

    @property
    def when(self) -> str:
        """The local date and time, as in "12 Mar 2026 14:05"."""
        return format_when(self.at)

    @property
    def sentence(self) -> str:
        """Who did what, as one sentence without the date."""
        what = self.what + (f" ({self.times} times)" if self.times > 1 else "")
        return f"{self.who} {what}" if self.who else what[:1].upper() + what[1:]

    @property
    def subject(self) -> str:
        """What was changed, in an article's history: "Claim 6", or "" for the article."""
        return f"Claim {self.claim_number}" if self.claim_number is not None else ""

    def text(self) -> str:
        """The whole line: date, the claim changed (if any), and the sentence."""
        return " · ".join(p for p in (self.when, self.subject, self.sentence) if p)

    def to_dict(self) -> dict[str, Any]:
        """The line for tools (``--json``)."""
        return {
            "at": self.at,
            "who": self.who or None,
            "what": self.what,
            "text": self.text(),
            "claim_number": self.claim_number,
            "action": self.action,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "times": self.times,
        }


@dataclass(frozen=True, slots=True)
class History:
    """The history of one claim or one article, oldest change first."""

    #: "claim" or "article".
    kind: str
    id: str
    #: What the history is of, as a heading: "Claim 6: “…”" or the article's title.
    title: str
    lines: list[HistoryLine] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The history for tools (``--json``)."""
        return {
            "kind": self.kind,
            "id": self.id,
            "title": self.title,
            "events": [line.to_dict() for line in self.lines],
        }


def format_when(at: str) -> str:
    """A recorded time as local "12 Mar 2026 14:05" (a time it cannot read is shown as it is)."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{short_date(moment)} {moment:%H:%M}"


def claim_history(store: Store, claim_id: str) -> History:
    """Every recorded change to a claim, its verdicts and their sources, oldest first."""
    record = store.claim_record(claim_id)
    if record is None:
        raise NotFoundError(f"There is no claim with id {claim_id}.")
    lines = [_line(event) for event in store.claim_events(claim_id)]
    if not any(line.entity == "claim" and line.action == "add" for line in lines):
        # Claims found when the article was imported are logged once, as the article's.
        lines.insert(0, _found(record, claim_id))
    return History("claim", claim_id, claim_title(record), _folded(lines))


def article_history(store: Store, article_id: str) -> History:
    """Every recorded change to an article and to its claims, oldest first."""
    article = store.get_article(article_id)
    lines = []
    for event in store.article_events(article_id):
        line = _line(event)
        if event["claim_id"] is not None:
            line = replace(line, claim_number=_claim_number(event))
        lines.append(line)
    return History("article", article_id, article.title or "Untitled article", _folded(lines))


def history_for(store: Store, ref: str) -> History:
    """The history of the claim or the article whose id (or unique id prefix) is ``ref``."""
    found: list[History] = []
    for table, what, read in (
        ("claims", "claim", claim_history),
        ("articles", "article", article_history),
    ):
        try:
            found.append(read(store, store.resolve_id(table, ref, what)))
        except NotFoundError:
            continue
    if len(found) > 1:
        raise NotFoundError(
            f"“{ref.strip()}” starts the id of a claim and of an article; give more characters."
        )
    if not found:
        if len(ref.strip()) < 4:
            raise NotFoundError(
                f"“{ref.strip()}” is too short to name a claim or an article; "
                "give at least 4 characters."
            )
        raise NotFoundError(f"There is no claim or article whose id starts with “{ref.strip()}”.")
    return found[0]


def claim_title(record: dict[str, Any]) -> str:
    """A claim as a heading: "Claim 6: “The council spent £2m…”"."""
    number = record.get("number")
    words = quoted(record.get("claim") or record.get("quote"), 90)
    return f"Claim {number}: {words}" if number else f"Claim {words}"


def _line(event: dict[str, Any]) -> HistoryLine:
    who = event.get("reviewer") or event.get("owner") or ""
    if not who and _by_claim_finding(event):
        who = CLAIM_FINDING
    return HistoryLine(
        at=event["at"],
        who=who,
        what=describe(event),
        action=event["action"],
        entity=event["entity"],
        entity_id=event["entity_id"],
    )


def _by_claim_finding(event: dict[str, Any]) -> bool:
    """True for what claim finding did by itself: the claims it found."""
    if (event["action"], event["entity"]) == ("extract", "article"):
        return True
    after = event.get("after")
    return (
        (event["action"], event["entity"]) == ("add", "claim")
        and isinstance(after, dict)
        and after.get("origin") != "manual"
    )


def _found(record: dict[str, Any], claim_id: str) -> HistoryLine:
    manual = record.get("origin") == "manual"
    return HistoryLine(
        at=str(record.get("created_at") or ""),
        who=(record.get("created_by") or "") if manual else CLAIM_FINDING,
        what="marked it as a claim" if manual else "found it in the article",
        action="add",
        entity="claim",
        entity_id=claim_id,
    )


def _claim_number(event: dict[str, Any]) -> int | None:
    if event.get("claim_number") is not None:
        return int(event["claim_number"])
    for side in ("after", "before"):  # a claim deleted since: its number as recorded
        record = event.get(side)
        if event["entity"] == "claim" and isinstance(record, dict) and record.get("number"):
            return int(record["number"])
    return None


def _folded(lines: list[HistoryLine]) -> list[HistoryLine]:
    """The same change made several times in a row is one line, at the last time.

    Claims that claim finding added one after another read as one line ("found 12 claims…").
    """
    folded: list[HistoryLine] = []
    run: list[HistoryLine] = []
    for line in [*lines, None]:
        if line is not None and _found_by_finder(line):
            run.append(line)
            continue
        if len(run) > 1:
            folded.append(
                HistoryLine(
                    at=run[-1].at,
                    who=CLAIM_FINDING,
                    what=f"found {len(run)} claims in the article",
                    action="add",
                    entity="claim",
                )
            )
        else:
            folded.extend(run)
        run = []
        if line is None:
            break
        last = folded[-1] if folded else None
        if last is not None and _same(last, line):
            folded[-1] = replace(line, times=last.times + line.times)
        else:
            folded.append(line)
    return folded


def _same(a: HistoryLine, b: HistoryLine) -> bool:
    return (a.who, a.what, a.claim_number, a.entity_id) == (
        b.who,
        b.what,
        b.claim_number,
        b.entity_id,
    )


def _found_by_finder(line: HistoryLine) -> bool:
    return line.who == CLAIM_FINDING and line.action == "add" and line.entity == "claim"
