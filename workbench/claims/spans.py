"""Span extensions and the span group our components share."""

from __future__ import annotations

from spacy.tokens import Doc, Span

#: ``doc.spans`` key of the candidate claims (sentences or stand-alone clauses).
CLAIMS_KEY = "claims"
#: ``doc.spans`` key of the direct quotes found in the text.
QUOTES_KEY = "quotes"

_SPAN_EXTENSIONS: dict[str, object] = {
    "speaker": None,
    "attribution": None,
    "claim_score": None,
    "claim_reasons": None,
    "claim_kind": None,
    "rule_score": None,
}


def register_extensions() -> None:
    """Register the ``Span._`` attributes once per process."""
    for name, default in _SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


def claim_spans(doc: Doc) -> list[Span]:
    """The candidate claims of ``doc`` in text order (empty before the segmenter ran)."""
    if CLAIMS_KEY not in doc.spans:
        return []
    return sorted(doc.spans[CLAIMS_KEY], key=lambda span: (span.start, span.end))


def trim(doc: Doc, start: int, end: int, *, strip_trailing: str = "") -> tuple[int, int]:
    """Token range ``[start, end)`` without edge whitespace (and trailing ``strip_trailing``)."""
    while start < end and (doc[start].is_space or doc[start].text in "\u200b\ufeff"):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in strip_trailing):
        end -= 1
    return start, end
