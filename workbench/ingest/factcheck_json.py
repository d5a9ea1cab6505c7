"""ClaimReview in JSON: one object, an array, an ``@graph``, a DataFeed, or a workbench export.

Read as a stream with ijson (its C parser): a feed of a few hundred thousand ClaimReview items
is a few hundred MB, which ``json.load`` would hold whole in memory several times over. Only one
item of the top-level array (or of ``@graph``, ``dataFeedElement``, the export's ``claims``) is
built at a time; the small fields around them are kept as context (the export's organisation,
web address and rating scale are written before its claims).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .errors import IngestError
from .factchecks import (
    BadItem,
    FactCheckRecord,
    Item,
    checked_claim,
    iso_date,
    number_of,
    open_counted,
    text_of,
)
from .limits import MAX_FACTCHECK_CLAIM, MAX_FACTCHECK_ITEM_CHARS

#: Top-level keys whose arrays are read one item at a time.
STREAMED_KEYS = ("@graph", "dataFeedElement", "claims")
_STARTS = ("start_map", "start_array")
_ENDS = ("end_map", "end_array")
_TOO_LARGE = object()


def read_json(path: Path, on_bytes: Callable[[int], None] | None = None) -> Iterator[Item]:
    """Every fact-check in a JSON or JSON-LD file, read as a stream."""
    import ijson

    handle = io.BufferedReader(open_counted(path, on_bytes), 1 << 16)
    yielded = False
    with handle:
        try:
            for item in _walk(ijson.basic_parse(handle, use_float=True)):
                yielded = True
                yield item
        except (ijson.JSONError, UnicodeDecodeError, ValueError) as exc:
            if not yielded:
                raise IngestError(
                    f"“{path.name}” is not a JSON or ClaimReview file that can be read."
                ) from exc
            yield BadItem(
                "the file is cut short or damaged after this point; the rest was not read"
            )


def _walk(events: Iterator[tuple[str, Any]]) -> Iterator[Item]:
    first = next(events, None)
    if first is None:
        return
    event, value = first
    if event == "start_array":
        yield from _stream_array(events, {})
        return
    if event != "start_map":
        return
    context: dict[str, Any] = {}
    streamed = False
    for event, value in events:
        if event == "end_map":
            break
        key = value  # a map_key
        event, value = next(events)
        if key in STREAMED_KEYS and event == "start_array":
            streamed = True
            if key == "claims" and "generator" in context:
                yield from _stream_export(events, context)
            else:
                yield from _stream_array(events, context)
        else:
            built = _build(event, value, events)
            if built is not _TOO_LARGE:
                context[key] = built
    if not streamed:
        yield from reviews_in(context, {})


def _stream_array(events: Iterator[tuple[str, Any]], context: Mapping[str, Any]) -> Iterator[Item]:
    for event, value in events:
        if event == "end_array":
            return
        built = _build(event, value, events)
        if built is _TOO_LARGE:
            yield BadItem(f"an item holds more than {MAX_FACTCHECK_ITEM_CHARS:,} characters")
            continue
        yield from reviews_in(built, context)


def _build(event: str, value: Any, events: Iterator[tuple[str, Any]]) -> Any:
    """The value that starts with this event, built whole unless its text is too large."""
    from ijson.common import ObjectBuilder

    if event not in _STARTS:
        return value
    builder: ObjectBuilder | None = ObjectBuilder()
    builder.event(event, value)  # type: ignore[union-attr]
    depth, chars = 1, 0
    for event, value in events:
        if isinstance(value, str):
            chars += len(value)
            if chars > MAX_FACTCHECK_ITEM_CHARS:
                builder = None  # keep reading to the item's end, but drop it
        if builder is not None:
            builder.event(event, value)
        if event in _STARTS:
            depth += 1
        elif event in _ENDS:
            depth -= 1
            if depth == 0:
                break
    return builder.value if builder is not None else _TOO_LARGE


# -- ClaimReview objects ----------------------------------------------------------------------
def is_type(node: Mapping[str, Any], name: str) -> bool:
    """Whether a JSON-LD node has this schema.org type (``ClaimReview``, ``schema:ClaimReview``…)."""
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(
        isinstance(k, str) and k.rsplit("/", 1)[-1].rsplit(":", 1)[-1] == name for k in kinds
    )


def reviews_in(data: Any, context: Mapping[str, Any], depth: int = 0) -> Iterator[Item]:
    """Every ClaimReview inside ``data``: itself, the items of a list, ``@graph``, a DataFeed's
    elements and their ``item``. Other nodes (a WebPage, an Organization) are passed over.
    """
    if depth > 6:
        return
    if isinstance(data, list):
        for element in data:
            yield from reviews_in(element, context, depth + 1)
        return
    if not isinstance(data, Mapping):
        return
    if is_type(data, "ClaimReview"):
        yield review_record(data)
        return
    for key in ("@graph", "dataFeedElement", "item", "mainEntity"):
        if key in data:
            yield from reviews_in(data[key], context, depth + 1)


def review_record(review: Mapping[str, Any]) -> Item:
    """A schema.org ClaimReview as a plain record, or why it cannot be used."""
    item = review.get("itemReviewed")
    item = item if isinstance(item, Mapping) else {}
    claim = checked_claim(
        text_of(review.get("claimReviewed"), MAX_FACTCHECK_CLAIM + 1)
        or text_of(item.get("name") or item.get("text"), MAX_FACTCHECK_CLAIM + 1)
    )
    if isinstance(claim, BadItem):
        return claim
    rating = review.get("reviewRating")
    rating = (rating[0] if rating else {}) if isinstance(rating, list) else rating
    rating = rating if isinstance(rating, Mapping) else {}
    claimant = item.get("author")
    claimant = (claimant[0] if claimant else None) if isinstance(claimant, list) else claimant
    reviewed_on = iso_date(review.get("datePublished"))
    return FactCheckRecord(
        claim=claim,
        title=review_headline(review, item, claim),
        rating=text_of(rating.get("alternateName") or rating.get("name")),
        url=text_of(review.get("url")),
        publisher=text_of(review.get("author") or review.get("publisher")),
        published=reviewed_on[:10] if reviewed_on else None,
        claimant=text_of(claimant),
        claimant_type=_claimant_type(claimant),
        rating_value=number_of(rating.get("ratingValue")),
        rating_best=number_of(rating.get("bestRating")),
        rating_worst=number_of(rating.get("worstRating")),
        language=text_of(review.get("inLanguage"), 35),
        review_date=reviewed_on,
    )


def review_headline(review: Mapping[str, Any], item: Mapping[str, Any], claim: str) -> str | None:
    """The headline of the fact-check: the ClaimReview's ``headline`` or ``name``, else those of
    the reviewed CreativeWork (older markup reviews a CreativeWork rather than a Claim).

    A Claim's own name is its wording, and a text that only repeats the claim adds nothing to
    match on, so neither counts as a headline.
    """
    found = text_of(review.get("headline")) or text_of(review.get("name"))
    if not found and is_type(item, "CreativeWork"):
        found = text_of(item.get("headline")) or text_of(item.get("name"))
    if found and found.casefold() == claim.casefold():
        return None
    return found


def _claimant_type(claimant: Any) -> str | None:
    if not isinstance(claimant, Mapping):
        return None
    if is_type(claimant, "Person"):
        return "person"
    if is_type(claimant, "Organization"):
        return "organisation"
    return None


# -- this workbench's JSON export ---------------------------------------------------------------
def _stream_export(events: Iterator[tuple[str, Any]], report: Mapping[str, Any]) -> Iterator[Item]:
    for event, value in events:
        if event == "end_array":
            return
        built = _build(event, value, events)
        if isinstance(built, Mapping):
            record = export_record(built, report)
            if record is not None:
                yield record
        elif built is _TOO_LARGE:
            yield BadItem(f"a claim holds more than {MAX_FACTCHECK_ITEM_CHARS:,} characters")


def export_record(claim: Mapping[str, Any], report: Mapping[str, Any]) -> Item | None:
    """One claim of a workbench JSON report as a fact-check; None for a claim nobody rated,
    a dismissed one, or one whose reviewers disagree and no editor settled (the report gives no
    single rating). An editor's final verdict is the claim's rating.
    """
    final = claim.get("final_verdict")
    final = final if isinstance(final, Mapping) and final.get("rating") else None
    if claim.get("state") == "dismissed" or (claim.get("disagreement") and final is None):
        return None
    verdicts = [
        v for v in claim.get("verdicts") or [] if isinstance(v, Mapping) and v.get("rating")
    ]
    if not verdicts and final is None:
        return None
    newest = final or max(verdicts, key=lambda v: str(v.get("updated_at") or ""))
    wording = checked_claim(text_of(claim.get("claim"), MAX_FACTCHECK_CLAIM + 1))
    if isinstance(wording, BadItem):
        return wording
    organisation = report.get("organisation")
    organisation = organisation if isinstance(organisation, Mapping) else {}
    reviewers = ", ".join(dict.fromkeys(str(v.get("reviewer") or "") for v in verdicts)).strip(", ")
    if final is not None:
        reviewers = str(final.get("editor") or "") or reviewers
    base = text_of(report.get("report_url"))
    values = [
        number_of(r.get("value"))
        for r in (report.get("rating_scale") or {}).get("ratings") or []
        if isinstance(r, Mapping)
    ]
    numbers = [v for v in values if v is not None]
    article = report.get("article")
    article = article if isinstance(article, Mapping) else {}
    reviewed_on = iso_date(newest.get("updated_at"))
    # No headline: the report names the article the claim was found in, and an article's title
    # is not the headline of a verdict on one of its claims.
    return FactCheckRecord(
        claim=wording,
        rating=text_of(
            newest.get("rating") if final else claim.get("agreed_rating") or newest.get("rating")
        ),
        url=f"{base}#claim-{claim.get('number')}" if base else None,
        publisher=text_of(organisation.get("name")) or text_of(reviewers),
        published=reviewed_on[:10] if reviewed_on else None,
        claimant=text_of(claim.get("speaker")),
        claimant_type=text_of(claim.get("claimant_type")),
        rating_value=number_of(newest.get("rating_value")),
        rating_best=max(numbers) if numbers else None,
        rating_worst=min(numbers) if numbers else None,
        language=text_of(article.get("language"), 35),
        review_date=reviewed_on,
    )
