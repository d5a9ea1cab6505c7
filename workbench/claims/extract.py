"""Turn an article into claims: one spaCy doc per block, so blocks are hard boundaries."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Span

from workbench.model import Article, Block, BlockKind, Claim, ClaimKind

from .checkworthy import ATTRIBUTION_PREFIXES
from .claimants import Claimants, remember_names
from .errors import ClaimsError, ExtractionCancelled
from .learned import DEFAULT_THRESHOLD
from .pipeline import COMPONENTS, add_claim_components, load_pipeline, pipeline_version
from .prose import describes_picture, headline_words, is_newsroom_note, repeats_headline
from .spans import claim_spans

#: Candidates scoring below this are too weak to list at all; the review desk hides more.
MIN_SCORE = 0.05
#: Score from which a sentence counts as check-worthy: rules blended with the trained model, best
#: F1 on ct24 dev (see resources/models/checkworthy/MODEL_CARD.md).
CHECKWORTHY_THRESHOLD = DEFAULT_THRESHOLD
#: Blocks per ``nlp.pipe`` batch: small enough that progress and cancel respond quickly.
BATCH_SIZE = 16
#: Longest text handed to spaCy at once. spaCy refuses more than ``nlp.max_length`` (a
#: developer's message) and its parser needs about 1 GB per 100,000 characters; news
#: paragraphs are under 5,000 characters, so only a pathological paragraph is ever cut.
MAX_PIECE_CHARS = 20_000
# Where a long paragraph may be cut: after a sentence end (and any closing quote or bracket).
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")

_BLANK_LINES = re.compile(r"\n[ \t\r]*\n")
# spaCy pipelines are not documented as thread-safe: one extraction at a time per process.
_run_lock = threading.Lock()


def _ensure_components(nlp: Language) -> Language:
    if any(name not in nlp.pipe_names for name in COMPONENTS):
        add_claim_components(nlp)
    return nlp


def _headline_of(article: Article) -> tuple[str, ...]:
    """The words of the article's headline, or none when it has no headline of its own."""
    for block in article.blocks:
        if block.kind is BlockKind.HEADLINE:
            return headline_words(article.text[block.start : block.end])
    title = headline_words(article.title or "")
    # Without a headline the title is often the text's own first words: no repeat to drop.
    opening = headline_words(article.text[: len(article.title or "") + 1])
    return () if opening[: len(title)] == title else title


def claim_blocks(article: Article) -> list[Block]:
    """The blocks that may hold claims (paragraphs of the text when it has no blocks).

    Headlines are left out, and so is a paragraph that repeats the headline: a headline sums up
    claims the body makes, with their speakers and context.
    """
    if article.blocks:
        headline = _headline_of(article)
        return [
            b
            for b in article.blocks
            if b.kind.can_hold_claims
            and b.kind is not BlockKind.HEADLINE
            and b.end > b.start
            and not repeats_headline(article.text[b.start : b.end], headline)
        ]
    blocks, start = [], 0
    for match in _BLANK_LINES.finditer(article.text):
        blocks.append(Block(BlockKind.BODY, start, match.start()))
        start = match.end()
    blocks.append(Block(BlockKind.BODY, start, len(article.text)))
    return [b for b in blocks if article.text[b.start : b.end].strip()]


def split_long_block(text: str, block: Block, limit: int = MAX_PIECE_CHARS) -> list[Block]:
    """``block`` cut into pieces of at most ``limit`` characters, at sentence ends if it can be.

    A sentence longer than ``limit`` is cut at a space, and a run without spaces at ``limit``.
    The pieces cover the block exactly, so claim offsets in a piece still index ``text``.
    """
    pieces = []
    start = block.start
    while block.end - start > limit:
        window = text[start : start + limit]
        cut = 0
        for match in _SENTENCE_END.finditer(window):
            cut = match.end()
        if cut == 0:
            cut = max(window.rfind(" "), window.rfind("\n")) + 1
        if cut == 0:
            cut = limit
        pieces.append(Block(block.kind, start, start + cut))
        start += cut
    pieces.append(Block(block.kind, start, block.end))
    return pieces


def _not_a_claim(span: Span, block: Block, headline: tuple[str, ...]) -> bool:
    """Page furniture that reads like a statement: picture captions, headline, newsroom notes."""
    if block.kind is BlockKind.CAPTION and describes_picture(span):
        return True
    return repeats_headline(span.text, headline) or is_newsroom_note(span.text)


def _rename_speaker(reasons: list[str], old: str, new: str | None) -> list[str]:
    """Attribution reasons name the resolved speaker (and go when there is none)."""
    renamed = []
    for reason in reasons:
        if reason.startswith(ATTRIBUTION_PREFIXES) and reason.endswith(f"({old})"):
            if new is None:
                continue
            reason = reason[: -len(old) - 1] + f"{new})"
        renamed.append(reason)
    return renamed


def extract_claims(
    article: Article,
    *,
    nlp: Language | None = None,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> list[Claim]:
    """The plausible claims of ``article`` in text order, each anchored at its exact span."""
    nlp = _ensure_components(nlp or load_pipeline())
    limit = min(MAX_PIECE_CHARS, nlp.max_length)
    blocks = [
        piece
        for block in claim_blocks(article)
        for piece in split_long_block(article.text, block, limit)
    ]
    headline = _headline_of(article)
    total = len(blocks)
    version = pipeline_version(nlp)
    speakers = Claimants()
    found: list[tuple[int, int, tuple[str | None, str | None], ClaimKind, float, list[str]]] = []
    if is_cancelled is not None and is_cancelled():
        raise ExtractionCancelled()
    if progress is not None:
        progress(0, total)
    texts = [article.text[b.start : b.end] for b in blocks]
    with _run_lock:
        try:
            for done, (block, doc) in enumerate(
                zip(blocks, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=True), 1
            ):
                if is_cancelled is not None and is_cancelled():
                    raise ExtractionCancelled()
                speakers.add_doc(doc, block.start)
                for span in claim_spans(doc):
                    kind = ClaimKind(span._.claim_kind)
                    score = float(span._.claim_score)
                    if (
                        kind is ClaimKind.NOT_A_CLAIM
                        or score < MIN_SCORE
                        or _not_a_claim(span, block, headline)
                    ):
                        continue
                    start = block.start + span.start_char
                    end = block.start + span.end_char
                    said_by = (span._.speaker, span._.speaker_label)
                    found.append((start, end, said_by, kind, score, list(span._.claim_reasons)))
                if progress is not None:
                    progress(done, total)
        except (ValueError, RuntimeError, KeyError) as exc:
            raise ClaimsError(f"Claim extraction failed: {exc}") from exc
    remember_names(article, speakers.names())
    claims = []
    for start, end, (speaker, label), kind, score, reasons in found:
        resolved, claimant_type = speakers.resolve(speaker, label, start)
        if resolved != speaker and speaker:
            reasons = _rename_speaker(reasons, speaker, resolved)
        claims.append(
            Claim(
                article_id=article.id,
                start=start,
                end=end,
                quote=article.text[start:end],
                speaker=resolved,
                claimant_type=claimant_type,
                kind=kind,
                score=round(score, 4),
                reasons=reasons,
                pipeline_version=version,
            )
        )
    return claims


def score_texts(texts: list[str], *, nlp: Language | None = None) -> list[float]:
    """Check-worthiness 0..1 of each stand-alone sentence (0 for blank text)."""
    nlp = _ensure_components(nlp or load_pipeline())
    scores = []
    with _run_lock:
        for doc in nlp.pipe(
            texts,
            batch_size=256,
            component_cfg={
                "claim_segmenter": {"whole_doc": True},
                "claim_checkworthy": {"score_all": True},
            },
        ):
            values = [float(span._.claim_score) for span in claim_spans(doc)]
            scores.append(round(max(values), 4) if values else 0.0)
    return scores
