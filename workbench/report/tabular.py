"""Exports for tools: JSON (everything, with a schema version) and CSV (one row per claim and reviewer)."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import asdict
from typing import Any

from .data import Report, ReportClaim, ReportVerdict

CSV_COLUMNS = (
    "claim_number",
    "claim_id",
    "start",
    "end",
    "quote",
    "claim",
    "speaker",
    "kind",
    "state",
    "disagreement",
    "reviewer",
    "rating",
    "rating_value",
    "confidence",
    "rationale",
    "sources",
    "source_urls",
    "verdict_updated_at",
    # Added later: at the end, so that tools reading columns by position keep working.
    "claimant_type",
    "said_on",
    "said_where",
    # An editor's final verdict on the claim (the same on each of the claim's rows).
    "final_rating",
    "final_rating_value",
    "final_note",
    "final_editor",
    "final_updated_at",
)

# Spreadsheets run a cell that starts with one of these as a formula; a leading ' stops that.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def report_to_dict(report: Report) -> dict[str, Any]:
    """Every piece of the report as plain JSON types."""
    a = report.article
    o = report.options
    return {
        "schema_version": report.schema_version,
        "generated_at": report.generated_at,
        "generator": {"name": "Factcheck Workbench", "version": report.program_version},
        "organisation": {"name": o.organisation_name, "url": o.organisation_url},
        "report_url": o.base_url,
        "selection": {
            "reviewers": list(o.reviewers),
            "include_dismissed": o.include_dismissed,
            "all_claims": o.all_claims,
        },
        "article": {
            "id": a.id,
            **a.metadata(),
            "source_name": a.source_name,
            "source_sha256": a.source_sha256,
            "imported_at": a.imported_at,
            "imported_by": a.imported_by,
            "blocks": [b.to_dict() for b in a.blocks],
            "text": a.text,
        },
        "rating_scale": {
            "name": report.scale.name,
            "title": report.scale.title,
            "ratings": [asdict(r) for r in report.scale.ratings],
        },
        "summary": {
            "text": a.summary,
            "claims_found": report.claims_found,
            "claims_in_report": len(report.claims),
            "claims_reviewed": report.claims_reviewed,
            "claims_dismissed": report.claims_dismissed,
            "claims_disputed": report.claims_disputed,
            "claims_with_final_verdict": report.claims_settled,
            "claims_not_reviewed_left_out": report.claims_left_out,
            "verdicts_in_progress": report.drafts,
            "claims_by_rating": {r.label: r.count for r in report.rating_counts},
            "verdicts_by_rating": report.verdict_counts,
        },
        "reviewers": [
            {
                "name": r.name,
                "verdicts": r.verdicts,
                "first_verdict": r.first,
                "last_change": r.last,
            }
            for r in report.reviewers
        ],
        "claims": [_claim(c) for c in report.claims],
        "methods": {
            "text": report.methods,
            "paragraphs": report.methods_section.paragraphs,
            "program_version": report.program_version,
            "pipelines": report.pipelines,
            "manual_claims": report.manual_claims,
        },
    }


def _claim(c: ReportClaim) -> dict[str, Any]:
    return {
        "number": c.number,
        "id": c.id,
        "start": c.start,
        "end": c.end,
        "quote": c.quote,
        "claim": c.wording,
        "context_before": c.context_before,
        "context_after": c.context_after,
        "speaker": c.speaker,
        "claimant_type": c.claimant_type,
        "said_on": c.said_on,
        "said_where": c.said_where,
        "kind": c.kind,
        "kind_label": c.kind_label,
        "state": "dismissed" if c.dismissed else "open",
        "dismissal": c.dismissal,
        "origin": c.origin,
        "score": round(c.score, 4),
        "pipeline_version": c.pipeline_version,
        "disagreement": c.disagreement,
        "agreed_rating": c.consensus.rating if c.consensus else None,
        "final_verdict": c.final.to_dict() if c.final else None,
        "verdicts": [_verdict(v) for v in c.verdicts],
        "earlier_factchecks": [
            {
                "url": e.url,
                "claim": e.claim,
                "rating": e.rating,
                "publisher": e.publisher,
                "date": e.date,
                "linked_by": e.linked_by,
            }
            for e in c.earlier
        ],
    }


def _verdict(v: ReportVerdict) -> dict[str, Any]:
    return {
        "reviewer": v.reviewer,
        "rating": v.rating,
        "rating_value": v.rating_value,
        "confidence": v.confidence,
        "rationale": v.rationale,
        "created_at": v.created_at,
        "updated_at": v.updated_at,
        "sources": [asdict(s) for s in v.sources],
    }


def render_json(report: Report) -> str:
    """The report as indented UTF-8 JSON."""
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"


def csv_cell(value: object) -> str:
    """A value as CSV text, with formula-like text neutralised for spreadsheets."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    # Spreadsheets read full-width "＝", "＋", "－", "＠" (and spaces before them) as the ASCII
    # signs, so the check looks at the text as they normalise it.
    start = unicodedata.normalize("NFKC", text[:32]).lstrip(" ")
    return "'" + text if start.startswith(_FORMULA_START) else text


def csv_rows(report: Report) -> list[dict[str, str]]:
    """One row per claim and reviewer; a claim nobody reviewed has one row without a reviewer."""
    rows = []
    for c in report.claims:
        base = {
            "claim_number": c.number,
            "claim_id": c.id,
            "start": c.start,
            "end": c.end,
            "quote": c.quote,
            "claim": c.wording,
            "speaker": c.speaker,
            "kind": c.kind,
            "state": "dismissed" if c.dismissed else "open",
            "disagreement": c.disagreement,
            "claimant_type": c.claimant_type,
            "said_on": c.said_on,
            "said_where": c.said_where,
        }
        if c.final is not None:
            base.update(
                final_rating=c.final.rating,
                final_rating_value=c.final.rating_value,
                final_note=c.final.note,
                final_editor=c.final.editor,
                final_updated_at=c.final.updated_at,
            )
        verdicts: list[ReportVerdict | None] = [*c.verdicts] or [None]
        for v in verdicts:
            row: dict[str, object] = dict(base)
            if v is not None:
                row.update(
                    reviewer=v.reviewer,
                    rating=v.rating,
                    rating_value=v.rating_value,
                    confidence=v.confidence,
                    rationale=v.rationale,
                    sources=len(v.sources),
                    source_urls="\n".join(s.url for s in v.sources if s.url),
                    verdict_updated_at=v.updated_at,
                )
            rows.append({k: csv_cell(row.get(k)) for k in CSV_COLUMNS})
    return rows


def render_csv(report: Report) -> str:
    """The CSV text (UTF-8 with a byte-order mark, so spreadsheets read accents right)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(csv_rows(report))
    return "\ufeff" + out.getvalue()
