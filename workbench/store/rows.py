"""Conversions between table rows and domain objects."""

from __future__ import annotations

import json
from typing import Any

from workbench.model import (
    Article,
    Block,
    Claim,
    ClaimantType,
    ClaimKind,
    ClaimOrigin,
    ClaimState,
    Reviewer,
    Source,
    Verdict,
)

Row = dict[str, Any]


def article_to_row(article: Article) -> Row:
    """Article → row."""
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "author": article.author,
        "published": article.published,
        "url": article.url,
        "language": article.language,
        "text": article.text,
        "blocks": json.dumps([b.to_dict() for b in article.blocks]),
        "source_name": article.source_name,
        "source_sha256": article.source_sha256,
        "imported_at": article.imported_at,
        "imported_by": article.imported_by,
        "summary": article.summary,
    }


def row_to_article(row: Row) -> Article:
    """Row → Article."""
    data = dict(row)
    data["blocks"] = [Block.from_dict(b) for b in json.loads(data["blocks"] or "[]")]
    return Article(**data)


def claim_to_row(claim: Claim) -> Row:
    """Claim → row."""
    return {
        "id": claim.id,
        "article_id": claim.article_id,
        "start": claim.start,
        "end": claim.end,
        "quote": claim.quote,
        "claim": claim.claim,
        "speaker": claim.speaker,
        "kind": claim.kind.value,
        "score": float(claim.score),
        "reasons": json.dumps(list(claim.reasons), ensure_ascii=False),
        "origin": claim.origin.value,
        "state": claim.state.value,
        "created_at": claim.created_at,
        "created_by": claim.created_by,
        "pipeline_version": claim.pipeline_version,
        "number": claim.number,
        "claimant_type": claim.claimant_type.value if claim.claimant_type else None,
        "said_on": claim.said_on,
        "said_where": claim.said_where,
        "guess": json.dumps(claim.guess, ensure_ascii=False) if claim.guess else None,
        "dismissed_by": claim.dismissed_by,
        "dismissed_reason": claim.dismissed_reason,
    }


def row_to_claim(row: Row) -> Claim:
    """Row → Claim."""
    data = dict(row)
    data["kind"] = ClaimKind(data["kind"])
    data["origin"] = ClaimOrigin(data["origin"])
    data["state"] = ClaimState(data["state"])
    data["reasons"] = json.loads(data["reasons"] or "[]")
    data["claimant_type"] = ClaimantType(data["claimant_type"]) if data["claimant_type"] else None
    data["guess"] = json.loads(data["guess"]) if data["guess"] else None
    return Claim(**data)


def row_to_reviewer(row: Row) -> Reviewer:
    """Row → Reviewer."""
    return Reviewer(**row)


VERDICT_COLUMNS = (
    "id",
    "claim_id",
    "reviewer_id",
    "rating",
    "rating_value",
    "confidence",
    "rationale",
    "created_at",
    "updated_at",
)
SOURCE_COLUMNS = (
    "id",
    "verdict_id",
    "title",
    "url",
    "publisher",
    "published",
    "accessed",
    "quote",
    "note",
    "attachment_name",
    "attachment_sha256",
    "attachment_size",
    "created_at",
)


def verdict_to_row(verdict: Verdict) -> Row:
    """Verdict → row (sources are stored separately)."""
    return {name: getattr(verdict, name) for name in VERDICT_COLUMNS}


def row_to_verdict(row: Row, reviewer_name: str | None = None) -> Verdict:
    """Row → Verdict without its sources."""
    data = {name: row[name] for name in VERDICT_COLUMNS}
    return Verdict(**data, reviewer_name=reviewer_name)


def source_to_row(source: Source) -> Row:
    """Source → row (without attachment bytes)."""
    return {name: getattr(source, name) for name in SOURCE_COLUMNS}


def row_to_source(row: Row) -> Source:
    """Row → Source."""
    return Source(**{name: row[name] for name in SOURCE_COLUMNS})


def dump(data: object) -> str:
    """Compact JSON for the audit log."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
