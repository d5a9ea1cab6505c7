"""One recorded change in words: "rated it Mostly true (was: in progress)".

Every pair of action and entity that the store logs has its own wording here; a pair this
version does not know (written by a newer one, say) still reads as a plain sentence. The log is
never rewritten: an undone deletion is logged as "restore", and is worded here by what came
back ("undid the deletion", "put back the source …").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from workbench.dates import short_date
from workbench.model import ClaimKind
from workbench.services.final_verdicts import HISTORY_WORDINGS

Event = dict[str, Any]
#: Turns one event into the words that follow the name of who made the change.
Wording = Callable[[Event], str]

#: How a verdict without a rating (a draft) is named, as in the desk.
IN_PROGRESS = "in progress"


def describe(event: Event) -> str:
    """What the change did, as the rest of a sentence that starts with who made it."""
    wording = WORDINGS.get((event["action"], event["entity"]))
    if wording is None and event["action"] == "merge":
        return _merged(event)
    if wording is None:
        return f"made a change to the {event['entity']} ({event['action']})"
    return wording(event)


# -- helpers -------------------------------------------------------------------------------------
def quoted(text: object, limit: int = 80) -> str:
    """``text`` in curly quotes, shortened to ``limit`` characters."""
    value = " ".join(str(text or "").split())
    if len(value) > limit:
        value = value[: limit - 1].rstrip() + "…"
    return f"“{value}”"


def _record(event: Event, side: str) -> dict[str, Any]:
    value = event.get(side)
    return value if isinstance(value, dict) else {}


def _rating(value: object) -> str:
    return str(value) if value else IN_PROGRESS


def _percent(value: object) -> str:
    return f"{round(float(value) * 100)}%" if isinstance(value, int | float) else "none"


def _kind(value: object) -> str:
    try:
        return ClaimKind(str(value)).label
    except ValueError:
        return str(value or "none")


def _day(value: object) -> str:
    try:
        day = date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return short_date(day)


def _same(value: object) -> object:
    return value


def _changed(before: dict[str, Any], after: dict[str, Any], key: str) -> bool:
    return key in after and (before.get(key) or None) != (after.get(key) or None)


def _joined(parts: list[str], fallback: str) -> str:
    return "; ".join(parts) if parts else fallback


# -- articles ------------------------------------------------------------------------------------
def _article_imported(event: Event) -> str:
    after = _record(event, "after")
    source = after.get("source")
    words = f"imported the article {quoted(after.get('title'))}"
    return f"{words} from {quoted(source)}" if source else words


def _claims_found(event: Event) -> str:
    count = _record(event, "after").get("claims")
    if isinstance(count, int):
        return f"found {count} claim{'s' if count != 1 else ''} in the article"
    return "found the article's claims"


#: An article's details by the names they are recorded under, as people call them.
ARTICLE_FIELDS = {
    "title": "title",
    "outlet": "outlet",
    "author": "author",
    "published": "date",
    "url": "web address",
    "language": "language",
}


def _article_updated(event: Event) -> str:
    before, after = _record(event, "before"), _record(event, "after")
    shown = {"published": lambda v: _day(v) if v else v}
    parts = [
        _from_to(label, *(shown.get(key, _same)(side.get(key)) for side in (before, after)))
        for key, label in ARTICLE_FIELDS.items()
        if _changed(before, after, key)
    ]
    if _changed(before, after, "summary"):
        parts.append("wrote the summary" if not before.get("summary") else "edited the summary")
    return _joined(parts, "edited the article's details")


def _from_to(label: str, old: object, new: object) -> str:
    if not old:
        return f"set the {label} to {quoted(new)}"
    if not new:
        return f"removed the {label} {quoted(old)}"
    return f"changed the {label} from {quoted(old)} to {quoted(new)}"


# -- claims --------------------------------------------------------------------------------------
def _claim_added(event: Event) -> str:
    after = _record(event, "after")
    if after.get("origin") == "manual":
        return "marked it as a claim"
    return "found it in the article"


def _claim_updated(event: Event) -> str:
    before, after = _record(event, "before"), _record(event, "after")
    parts: list[str] = []
    if _changed(before, after, "state"):
        why = after.get("dismissed_reason")
        parts.append(
            (f"dismissed it ({why})" if why else "dismissed it")
            if after["state"] == "dismissed"
            else "restored it (it was dismissed)"
        )
    elif after.get("state") == "dismissed" and _changed(before, after, "dismissed_reason"):
        parts.append(f"gave as the reason for dismissing it: {after.get('dismissed_reason')}")
    if _changed(before, after, "claim"):
        parts.append(
            f"reworded it to {quoted(after['claim'])} (was: {quoted(before.get('claim'))})"
        )
    if _changed(before, after, "speaker"):
        parts.append(_from_to("claimant", before.get("speaker"), after.get("speaker")))
    if _changed(before, after, "claimant_type"):
        kind = after.get("claimant_type")
        parts.append(
            f"recorded the claimant as {'an organisation' if kind == 'organisation' else 'a person'}"
            if kind
            else "left open whether the claimant is a person or an organisation"
        )
    if _changed(before, after, "kind"):
        parts.append(f"changed the kind from {_kind(before.get('kind'))} to {_kind(after['kind'])}")
    if _changed(before, after, "start") or _changed(before, after, "end"):
        parts.append(f"moved it to the words {quoted(after.get('quote'))}")
    if _changed(before, after, "said_on"):
        said = after.get("said_on")
        parts.append(
            f"recorded it was said on {_day(said)}" if said else "removed when it was said"
        )
    if _changed(before, after, "said_where"):
        where = after.get("said_where")
        parts.append(
            f"recorded it was said in {quoted(where)}" if where else "removed where it was said"
        )
    return _joined(parts, "edited it")


def _claim_deleted(event: Event) -> str:
    return "deleted it"


def _claim_put_back(event: Event) -> str:
    return "undid the deletion"


# -- verdicts ------------------------------------------------------------------------------------
def _verdict_added(event: Event) -> str:
    after = _record(event, "after")
    words = (
        f"rated it {after['rating']}" if after.get("rating") else "started a verdict (in progress)"
    )
    extras = []
    if isinstance(after.get("confidence"), int | float):
        extras.append(f"confidence {_percent(after['confidence'])}")
    if after.get("rationale"):
        extras.append("with a rationale")
    return ", ".join([words, *extras])


def _verdict_updated(event: Event) -> str:
    before, after = _record(event, "before"), _record(event, "after")
    parts = []
    if (before.get("rating") or None) != (after.get("rating") or None):
        if after.get("rating"):
            parts.append(f"rated it {after['rating']} (was: {_rating(before.get('rating'))})")
        else:
            parts.append(f"took back the rating {before['rating']} (now {IN_PROGRESS})")
    if _changed(before, after, "rationale"):
        if not before.get("rationale"):
            parts.append("wrote a rationale")
        elif not after.get("rationale"):
            parts.append("cleared the rationale")
        else:
            parts.append("edited the rationale")
    if before.get("confidence") != after.get("confidence"):
        if after.get("confidence") is None:
            parts.append("cleared the confidence")
        else:
            old = before.get("confidence")
            was = f" (was: {_percent(old)})" if old is not None else ""
            parts.append(f"set the confidence to {_percent(after['confidence'])}{was}")
    return _joined(parts, "saved the verdict again")


def _verdict_name(event: Event, side: str) -> str:
    rating = _record(event, side).get("rating")
    return f"the verdict ({rating})" if rating else "the draft verdict (in progress)"


def _verdict_deleted(event: Event) -> str:
    return f"removed {_verdict_name(event, 'before')}"


def _verdict_put_back(event: Event) -> str:
    return f"undid the removal of {_verdict_name(event, 'after')}"


# -- sources -------------------------------------------------------------------------------------
#: A source's fields by the names they are recorded under, as the source dialog calls them.
SOURCE_FIELDS = {
    "title": "title",
    "url": "address",
    "publisher": "publisher",
    "published": "date",
    "accessed": "date seen",
    "quote": "quoted passage",
    "note": "note",
}


def source_name(record: dict[str, Any]) -> str:
    """A source as people recognise it: its title, else its address, else its attached file."""
    return quoted(record.get("title") or record.get("url") or record.get("attachment_name"))


def _source_added(event: Event) -> str:
    return f"added a source {source_name(_record(event, 'after'))}"


def _source_updated(event: Event) -> str:
    before, after = _record(event, "before"), _record(event, "after")
    fields = [label for key, label in SOURCE_FIELDS.items() if _changed(before, after, key)]
    words = f"edited the source {source_name(after)}"
    if _changed(before, after, "title") and before.get("title"):
        words += f" (was: {quoted(before['title'])})"
        fields.remove("title")
    return f"{words}: {', '.join(fields)}" if fields else words


def _source_removed(event: Event) -> str:
    return f"removed the source {source_name(_record(event, 'before'))}"


def _source_put_back(event: Event) -> str:
    return f"put back the source {source_name(_record(event, 'after'))}"


# -- the rest of the log -------------------------------------------------------------------------
def _reviewer_added(event: Event) -> str:
    return f"joined as reviewer {quoted(_record(event, 'after').get('name'))}"


def _setting_changed(event: Event) -> str:
    return f"changed the setting {quoted(event['entity_id'])}"


def _backup_restored(event: Event) -> str:
    backup = _record(event, "after").get("backup")
    return f"put back the backup {quoted(backup)}" if backup else "put back a backup"


def _merged(event: Event) -> str:
    """Merging found this changed on two computers since they last met: the newer stood."""
    what = {"final_verdict": "final verdict"}.get(event["entity"], event["entity"])
    before, after = _record(event, "before"), _record(event, "after")
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    fields = f" ({', '.join(changed[:4])}{', …' if len(changed) > 4 else ''} differed)"
    return (
        f"merged two versions of the {what} edited on different computers: the newer one "
        f"stands, the other is kept in this history{fields if changed else ''}"
    )


#: The wording of each (action, entity) pair the store logs.
WORDINGS: dict[tuple[str, str], Wording] = {
    ("import", "article"): _article_imported,
    ("extract", "article"): _claims_found,
    ("edit", "article"): _article_updated,
    ("delete", "article"): lambda _: "deleted the article",
    ("add", "claim"): _claim_added,
    ("update", "claim"): _claim_updated,
    ("delete", "claim"): _claim_deleted,
    ("restore", "claim"): _claim_put_back,
    ("add", "verdict"): _verdict_added,
    ("update", "verdict"): _verdict_updated,
    ("delete", "verdict"): _verdict_deleted,
    ("restore", "verdict"): _verdict_put_back,
    ("add", "source"): _source_added,
    ("update", "source"): _source_updated,
    ("delete", "source"): _source_removed,
    ("restore", "source"): _source_put_back,
    ("add", "reviewer"): _reviewer_added,
    ("set", "setting"): _setting_changed,
    ("restore", "database"): _backup_restored,
    **HISTORY_WORDINGS,  # final verdicts
}
