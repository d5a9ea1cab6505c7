"""schema.org ClaimReview JSON-LD: one ClaimReview per reviewed claim, for publishing."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from workbench.model import web_url_problem

from .data import Report, ReportClaim
from .formats import base_url_problem, require_base_url
from .text import iso_day

CONTEXT = "https://schema.org"

# JSON-LD is published inside <script type="application/ld+json">: a "</script>" or "<!--" in a
# name would end that block early, so these characters are written as JSON escapes (the same
# text to every JSON reader). U+2028/U+2029 end a line in older JavaScript parsers.
# The HTML report embeds this same text (see embedded_claimreview).
_SCRIPT_SAFE = str.maketrans(
    {
        "<": "\\u003c",
        ">": "\\u003e",
        "&": "\\u0026",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
        # Controls that reorder the text around them are written as escapes too, so that the
        # file shows what it holds and the HTML report can carry it unchanged.
        **{chr(c): f"\\u{c:04x}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
    }
)


@dataclass(slots=True)
class ClaimReviews:
    """The ClaimReview objects, and the claims left out because reviewers disagree (and no
    editor has given a final verdict)."""

    items: list[dict[str, Any]] = field(default_factory=list)
    disputed: list[int] = field(default_factory=list)


def claim_reviews(report: Report) -> ClaimReviews:
    """Build one ClaimReview per claim whose reviewers agree or that has an editor's final
    verdict (which then gives the rating); disputed claims are listed apart."""
    require_base_url(report, "ClaimReview")
    result = ClaimReviews()
    for claim in report.claims:
        if claim.dismissed or not (claim.verdicts or claim.final):
            continue
        if claim.disputed:
            result.disputed.append(claim.number)
            continue
        result.items.append(_review(report, claim))
    return result


def export_notes(report: Report) -> list[str]:
    """The claims left out of the file, or published without a claimant, for the journalist."""
    reviews = claim_reviews(report)
    notes = []
    if reviews.disputed:
        numbers = ", ".join(str(n) for n in reviews.disputed)
        notes.append(
            f"ClaimReview leaves out {len(reviews.disputed)} claim(s) on which reviewers "
            f"disagree ({numbers}); give each a final verdict (Review ▸ Final verdict…, or "
            "`workbench final`), or export one reviewer's verdicts, to publish them."
        )
    unsure = [
        c.number
        for c in report.claims
        if c.number not in reviews.disputed
        and (c.verdicts or c.final)
        and not c.dismissed
        and c.speaker
        and claimant_of(c) is None
    ]
    if unsure:
        numbers = ", ".join(str(n) for n in unsure)
        notes.append(
            f"ClaimReview names no claimant for claim(s) {numbers}: the claim record does not "
            "say whether the claimant is a person or an organisation. Say which in the claim "
            "record to publish the claimant."
        )
    return notes


def render_claimreview(report: Report) -> str:
    """The ClaimReview objects as a JSON-LD array, safe to paste inside a ``<script>`` block."""
    return to_script_json(claim_reviews(report).items) + "\n"


def embedded_claimreview(report: Report) -> str | None:
    """The ClaimReview JSON-LD for the HTML report's ``<script type="application/ld+json">``.

    None when the report's web address is not known (or not a web address): each ClaimReview
    must name the address of its claim in the published report, so without one there is
    nothing valid to embed. None too when no claim has an agreed verdict to publish.
    """
    if base_url_problem(report):
        return None
    items = claim_reviews(report).items
    return to_script_json(items) if items else None


def to_script_json(data: object) -> str:
    """``data`` as indented JSON with nothing that could close or confuse a ``<script>`` block."""
    # <, >, & and the line separators occur only inside JSON strings, so escaping them is exact.
    return json.dumps(data, ensure_ascii=False, indent=2).translate(_SCRIPT_SAFE)


def _review(report: Report, claim: ReportClaim) -> dict[str, Any]:
    # An editor's final verdict is the claim's verdict; without one, the reviewers agree.
    verdict = claim.final or claim.verdicts[0]
    scale = report.scale
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict.rating}
    if verdict.rating_value is not None:
        rating["ratingValue"] = verdict.rating_value
    rating["bestRating"] = scale.best
    rating["worstRating"] = scale.worst
    explanation = _explanation(claim)
    if explanation:
        rating["ratingExplanation"] = explanation
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": f"{(report.options.base_url or '').strip()}#{claim.anchor}",
        "claimReviewed": claim.wording,
        "datePublished": iso_day(report.generated_at),
        "author": _reviewing_author(report, claim),
        "reviewRating": rating,
        "itemReviewed": _item(report, claim),
    }
    return review


def _reviewing_author(report: Report, claim: ReportClaim) -> dict[str, Any] | list[dict[str, Any]]:
    o = report.options
    if o.organisation_name:
        org: dict[str, Any] = {"@type": "Organization", "name": o.organisation_name}
        # Only an http(s) address is published: a javascript: one would run where it is shown.
        if o.organisation_url and not web_url_problem(o.organisation_url.strip()):
            org["url"] = o.organisation_url.strip()
        return org
    if claim.final is not None:
        # The editor who gave the final verdict signs the review.
        return {"@type": "Person", "name": claim.final.editor}
    people = [{"@type": "Person", "name": v.reviewer} for v in claim.verdicts]
    return people[0] if len(people) == 1 else people


def _explanation(claim: ReportClaim) -> str:
    """Why the rating: the final verdict's note, else the rationales of the reviewers who gave
    the published rating (without a final verdict, every reviewer gave it)."""
    if claim.final is not None and claim.final.note:
        return claim.final.note
    rating = claim.final.rating if claim.final else None
    written = "\n\n".join(
        dict.fromkeys(
            v.rationale for v in claim.verdicts if v.rationale and rating in (None, v.rating)
        )
    )
    if not written and claim.final is not None:
        # An editor may settle a claim without a note; the published rating still says who.
        return f"{claim.final.by_line}: {claim.final.rating}."
    return written


def _item(report: Report, claim: ReportClaim) -> dict[str, Any]:
    a = report.article
    published = iso_day(a.published)
    article_author = _article_author(report)
    appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": a.title}
    if a.url and not web_url_problem(a.url.strip()):
        appearance["url"] = a.url.strip()
    if published:
        appearance["datePublished"] = published
    if article_author:
        appearance["author"] = article_author
    if a.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": a.outlet}
    item: dict[str, Any] = {"@type": "Claim"}
    # The claimant comes from the claim record only: the article's reporter did not make the
    # claim, so a claim without a named claimant has no author here.
    claimant = claimant_of(claim)
    if claimant:
        item["author"] = claimant
    # A claim known to have been made in March 2024 keeps that precision ("2024-03" is a valid
    # schema.org Date); the article's date stands in only when the record gives none.
    said_on = iso_day(claim.said_on) or _partial_date(claim.said_on)
    if said_on or published:
        item["datePublished"] = said_on or published
    first = _first_appearance(claim, said_on)
    if first:
        item["firstAppearance"] = first
    item["appearance"] = [appearance]
    return item


def _partial_date(value: str | None) -> str | None:
    """``YYYY-MM`` or ``YYYY`` as stored for a claim known to the month or the year."""
    value = (value or "").strip()
    return value if re.fullmatch(r"\d{4}(?:-\d{2})?", value) else None


def claimant_of(claim: ReportClaim) -> dict[str, Any] | None:
    """The claimant as a schema.org Person or Organization, or None when the record cannot say.

    A claimant whose kind is not recorded is left out rather than guessed: calling a company
    a Person is the mistake this avoids (:func:`export_notes` names those claims).
    """
    kind = CLAIMANT_TYPES.get(claim.claimant_type or "")
    if not claim.speaker or kind is None:
        return None
    return {"@type": kind, "name": claim.speaker}


#: The claim record's claimant type → the schema.org type.
CLAIMANT_TYPES = {"person": "Person", "organisation": "Organization"}


def _first_appearance(claim: ReportClaim, said_on: str | None) -> dict[str, Any] | None:
    """Where the claim was made, when the record says: a web address or a named place."""
    where = (claim.said_where or "").strip()
    if not where:
        return None
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if not web_url_problem(where):
        work["url"] = where
    else:
        work["name"] = where
    if said_on:
        work["datePublished"] = said_on
    return work


def _article_author(report: Report) -> dict[str, Any] | None:
    a = report.article
    if a.author:
        return {"@type": "Person", "name": a.author}
    if a.outlet:
        return {"@type": "Organization", "name": a.outlet}
    return None
