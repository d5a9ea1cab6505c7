"""Claimants outside claim finding: for words a reviewer marks by hand, and the article's names.

Both parse only what they need: the named people and organisations up to the marked words
(the entity recogniser alone, which is quick), and the paragraph of the marked words with the
parser and our attribution component.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from spacy.language import Language
from spacy.tokens import Doc, Span

from workbench.model import Article, Block, BlockKind, ClaimantType

from .attribution import ClaimAttribution
from .claimants import Claimants, known_names, remember_names
from .extract import _ensure_components, _run_lock, split_long_block
from .pipeline import load_pipeline
from .spans import QUOTES_KEY, claim_spans

#: How long a claim marked by hand waits for claim finding running meanwhile, in seconds.
WAIT_FOR_FINDING = 2.0
_NAMES_ONLY = ("ner",)
_ATTRIBUTION = ("claim_segmenter", "claim_attribution")

Claimant = tuple[str | None, ClaimantType | None]


def _blocks(article: Article) -> list[Block]:
    """Every block with text (paragraphs of the text when it has none), cut to a safe length."""
    if article.blocks:
        blocks = [b for b in article.blocks if b.end > b.start]
    else:
        blocks, start = [], 0
        for part in article.text.split("\n"):
            if part.strip():
                blocks.append(Block(BlockKind.BODY, start, start + len(part)))
            start += len(part) + 1
    return [piece for b in blocks for piece in split_long_block(article.text, b)]


@contextmanager
def _only(nlp: Language, names: tuple[str, ...]) -> Iterator[None]:
    """Run only the named components (and what they listen to) for a moment."""
    enable = [n for n in nlp.pipe_names if n in names]
    if any(n in names for n in _ATTRIBUTION):
        enable = [n for n in nlp.pipe_names if n != "claim_checkworthy"]
    with nlp.select_pipes(enable=enable):
        yield


def _claimants(nlp: Language, article: Article, blocks: list[Block]) -> Claimants:
    claimants = Claimants()
    with _only(nlp, _NAMES_ONLY):
        texts = [article.text[b.start : b.end] for b in blocks]
        for block, doc in zip(blocks, nlp.pipe(texts), strict=True):
            claimants.add_doc(doc, block.start)
    return claimants


def _speaker_in(doc: Doc, start: int, end: int) -> tuple[str | None, str | None]:
    """The speaker of the marked characters ``start``–``end`` of a parsed paragraph."""
    overlapping: list[Span] = [
        *(q for q in doc.spans.get(QUOTES_KEY, []) if q.start_char < end and start < q.end_char),
        *(s for s in claim_spans(doc) if s.start_char < end and start < s.end_char),
    ]
    for span in overlapping:
        if span._.speaker:
            return span._.speaker, span._.speaker_label
    for sentence in doc.sents:
        if sentence.start_char < end and start < sentence.end_char:
            reference, _how = ClaimAttribution._reported(sentence)
            if reference is not None:
                return reference
    return None, None


def claimant_of_span(
    article: Article, start: int, end: int, *, nlp: Language | None = None
) -> Claimant:
    """Who makes the claim in ``article.text[start:end]``, as claim finding would say it.

    Gives (None, None) when claim finding is busy for longer than :data:`WAIT_FOR_FINDING`:
    marking a claim never waits for a long article being read.
    """
    nlp = _ensure_components(nlp or load_pipeline())
    blocks = _blocks(article)
    inside = next((b for b in blocks if b.start <= start < b.end), None)
    if inside is None:
        return None, None
    if not _run_lock.acquire(timeout=WAIT_FOR_FINDING):
        return None, None
    try:
        claimants = _claimants(nlp, article, [b for b in blocks if b.start <= inside.start])
        with _only(nlp, _ATTRIBUTION):
            doc = nlp(article.text[inside.start : inside.end])
    finally:
        _run_lock.release()
    speaker, label = _speaker_in(doc, start - inside.start, end - inside.start)
    return claimants.resolve(speaker, label, start)


def article_claimants(
    article: Article, *, nlp: Language | None = None
) -> list[tuple[str, ClaimantType]]:
    """The people and organisations the article names, each once, in order of first mention.

    Read once per article text (claim finding leaves them behind; the claim record dialog asks
    each time it opens); an empty list when claim finding is busy for longer than
    :data:`WAIT_FOR_FINDING`.
    """
    known = known_names(article)
    if known is not None:
        return known
    nlp = nlp or load_pipeline()
    if not _run_lock.acquire(timeout=WAIT_FOR_FINDING):
        return []
    try:
        names = _claimants(nlp, article, _blocks(article)).names()
    finally:
        _run_lock.release()
    remember_names(article, names)
    return names
