"""schema.org ClaimReview JSON-LD: one ClaimReview per reviewed claim, for publishing."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from workbench.model import web_url_problem

from .data import Report, ReportClaim
from .formats import require_base_url
from .text import iso_day

CONTEXT = "https://schema.org"

# JSON-LD is published inside <script type="application/ld+json">: a "</script>" or "<!--" in a
# name would end that block early, so these characters are written as JSON escapes (the same
# text to every JSON reader). U+2028/U+2029 end a line in older JavaScript parsers.
_SCRIPT_SAFE = str.maketrans(
    {
        "<": "\\u003c",
        ">": "\\u003e",
        "&": "\\u0026",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
    }
)


@dataclass(slots=True)
class ClaimReviews:
    """The ClaimReview objects, and the claims left out because reviewers disagree."""

    items: list[dict[str, Any]] = field(default_factory=list)
    disputed: list[int] = field(default_factory=list)


def claim_reviews(report: Report) -> ClaimReviews:
    """Build one ClaimReview per claim whose reviewers agree; disputed claims are listed apart."""
    require_base_url(report, "ClaimReview")
    result = ClaimReviews()
    for claim in report.claims:
        if claim.dismissed or not claim.verdicts:
            continue
        if claim.disagreement:
            result.disputed.append(claim.number)
            continue
        result.items.append(_review(report, claim))
    return result


def export_notes(report: Report) -> list[str]:
    """The claims left out of the file, for the journalist who exports it."""
    disputed = claim_reviews(report).disputed
    if not disputed:
        return []
    numbers = ", ".join(str(n) for n in disputed)
    return [
        f"ClaimReview leaves out {len(disputed)} claim(s) on which reviewers disagree "
        f"({numbers}); export one reviewer's verdicts to publish them."
    ]


def render_claimreview(report: Report) -> str:
    """The ClaimReview objects as a JSON-LD array, safe to paste inside a ``<script>`` block."""
    return to_script_json(claim_reviews(report).items) + "\n"


def to_script_json(data: object) -> str:
    """``data`` as indented JSON with nothing that could close or confuse a ``<script>`` block."""
    # <, >, & and the line separators occur only inside JSON strings, so escaping them is exact.
    return json.dumps(data, ensure_ascii=False, indent=2).translate(_SCRIPT_SAFE)


def _review(report: Report, claim: ReportClaim) -> dict[str, Any]:
    verdict = claim.verdicts[0]
    scale = report.scale
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict.rating}
    if verdict.rating_value is not None:
        rating["ratingValue"] = verdict.rating_value
    rating["bestRating"] = scale.best
    rating["worstRating"] = scale.worst
    explanation = "\n\n".join(dict.fromkeys(v.rationale for v in claim.verdicts if v.rationale))
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
    people = [{"@type": "Person", "name": v.reviewer} for v in claim.verdicts]
    return people[0] if len(people) == 1 else people


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
    # Without a named speaker the claim is the article's own statement.
    claimant = {"@type": "Person", "name": claim.speaker} if claim.speaker else article_author
    if claimant:
        item["author"] = claimant
    if published:
        item["datePublished"] = published
    item["appearance"] = [appearance]
    return item


def _article_author(report: Report) -> dict[str, Any] | None:
    a = report.article
    if a.author:
        return {"@type": "Person", "name": a.author}
    if a.outlet:
        return {"@type": "Organization", "name": a.outlet}
    return None
