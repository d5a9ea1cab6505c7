"""Span extensions and the span group our components share."""

from __future__ import annotations

from spacy.tokens import Doc, Span

#: ``doc.spans`` key of the candidate claims (sentences or stand-alone clauses).
CLAIMS_KEY = "claims"
#: ``doc.spans`` key of the direct quotes found in the text.
QUOTES_KEY = "quotes"

_SPAN_EXTENSIONS: dict[str, object] = {
    "speaker": None,
    # What the speaker's words are: an entity label (PERSON, ORG…), PRON, NOUN or PROPN.
    "speaker_label": None,
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


# Quotation mark families: a mark of one family never closes a quote opened by the other.
_DOUBLE_MARKS = '"“”„«»'
_SINGLE_OPENING = "‘‚'"
_SINGLE_CLOSING = "’'"
_BEFORE_CLOSING = ".,;:!?…"
_DANGLING = ",;: \t\n\u00a0"
_SENTENCE_END = ".!?…"


def _count_double(text: str) -> int:
    return sum(text.count(mark) for mark in _DOUBLE_MARKS)


def _encloses(body: str) -> bool:
    """Whether the first and last marks of ``body`` are one pair (not “A” and “B”)."""
    inner = [mark for mark in body[1:-1] if mark in _DOUBLE_MARKS]
    return len(inner) % 2 == 0 and not (inner and inner[0] in "”»")


def _unquote_once(text: str) -> str:
    """One layer of edge quotation marks off ``text`` (already stripped of spaces)."""
    body = text.rstrip(_BEFORE_CLOSING)
    tail = text[len(body) :]
    leading = text[:1]
    trailing = body[-1:]
    # Double marks: strip a pair that encloses the text, or a lone mark left by a cut quote.
    if leading and leading in _DOUBLE_MARKS:
        if trailing and trailing in _DOUBLE_MARKS and len(body) > 1 and _encloses(body):
            return body[1:-1] + tail
        if _count_double(text) % 2 == 1:
            return text[1:]
    if trailing and trailing in _DOUBLE_MARKS and _count_double(text) % 2 == 1:
        return body[:-1] + tail
    # Single marks double as apostrophes ("it’s", "the Smiths’"): a closing one goes only when
    # it pairs with an opening one or follows punctuation ("… six,’").
    if leading and leading in _SINGLE_OPENING:
        if trailing and trailing in _SINGLE_CLOSING and len(body) > 1:
            return body[1:-1] + tail
        # A lone straight mark may be an elision ("'Tis"); a curly opening one is not.
        if leading != "'":
            return text[1:]
    if trailing and trailing in _SINGLE_CLOSING and len(body) > 1 and body[-2] in _BEFORE_CLOSING:
        return body[:-1] + tail
    return text


def unquoted(text: str) -> str:
    """``text`` without the quotation marks that enclose it or that a cut quote left dangling."""
    text = text.strip()
    for _ in range(3):
        stripped = _unquote_once(text).strip()
        if stripped == text:
            break
        text = stripped
    return text


def scoring_text(span: Span | str) -> str:
    """The words a check-worthiness scorer sees: the same for a sentence quoted or not."""
    raw = span if isinstance(span, str) else span.text
    text = unquoted(raw).rstrip(_DANGLING)
    if not text:
        return raw.strip()
    # A quote cut at its comma ("… five or six,” she said) reads as the sentence it is.
    if text[-1] not in _SENTENCE_END:
        text += "."
    return text
