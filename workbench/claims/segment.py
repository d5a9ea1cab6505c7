"""``claim_segmenter``: sentences, and coordinated independent clauses, as candidate claims."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import minibatch

from .spans import CLAIMS_KEY, register_extensions, trim

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_VERBAL = frozenset({"VERB", "AUX"})
# Dropped from the end of the first clause so it reads as a sentence of its own.
_CLAUSE_TAIL = ",;:-–—"


def _has_subject(token: Token) -> bool:
    return any(child.dep_ in _SUBJECTS for child in token.children)


def _word_count(doc: Doc, start: int, end: int) -> int:
    return sum(1 for token in doc[start:end] if not (token.is_punct or token.is_space))


class ClaimSegmenter:
    """Put each sentence, or each independent clause of a compound sentence, in ``doc.spans``."""

    def __init__(self, name: str, *, split_clauses: bool, min_clause_words: int) -> None:
        if not isinstance(split_clauses, bool):
            raise ValueError(
                f"claim_segmenter: split_clauses must be true or false, not {split_clauses!r}"
            )
        if not isinstance(min_clause_words, int) or min_clause_words < 1:
            raise ValueError(
                "claim_segmenter: min_clause_words must be a whole number >= 1, "
                f"not {min_clause_words!r}"
            )
        self.name = name
        self.split_clauses = split_clauses
        self.min_clause_words = min_clause_words
        register_extensions()

    def __call__(self, doc: Doc, *, whole_doc: bool = False) -> Doc:
        """Fill ``doc.spans["claims"]``; with ``whole_doc`` the doc is one candidate."""
        spans: list[Span] = []
        if whole_doc or not doc.has_annotation("SENT_START"):
            sentences: Iterable[Span] = [doc[:]]
        else:
            sentences = doc.sents
        for sentence in sentences:
            start, end = trim(doc, sentence.start, sentence.end)
            if start >= end:
                continue
            cuts = self._clause_cuts(doc[start:end]) if self.split_clauses and not whole_doc else []
            for part_start, part_end in self._parts(doc, start, end, cuts):
                spans.append(doc[part_start:part_end])
        doc.spans[CLAIMS_KEY] = spans
        return doc

    def pipe(
        self, docs: Iterable[Doc], *, batch_size: int = 128, whole_doc: bool = False
    ) -> Iterator[Doc]:
        """Process a stream of docs (``whole_doc`` as in :meth:`__call__`)."""
        for batch in minibatch(docs, size=batch_size):
            for doc in batch:
                yield self(doc, whole_doc=whole_doc)

    def _clause_cuts(self, sentence: Span) -> list[int]:
        """Token indices of the conjunctions that join clauses with their own subjects."""
        if not sentence.doc.has_annotation("DEP"):
            return []
        cuts = []
        for token in sentence:
            head = token.head
            if (
                token.dep_ != "conj"
                or token.pos_ not in _VERBAL
                or head.pos_ not in _VERBAL
                or head.i >= token.i
                or not _has_subject(token)
                or not _has_subject(head)
            ):
                continue
            joiners = [
                child
                for child in (*head.children, *token.children)
                if head.i < child.i < token.left_edge.i
                and (child.dep_ == "cc" or child.text == ";")
            ]
            if joiners:
                cuts.append(min(joiners, key=lambda child: child.i).i)
        return sorted(set(cuts))

    def _parts(self, doc: Doc, start: int, end: int, cuts: list[int]) -> list[tuple[int, int]]:
        """Split ``[start, end)`` at ``cuts`` where both sides keep enough words."""
        parts: list[tuple[int, int]] = []
        part_start = start
        for cut in cuts:
            left = trim(doc, part_start, cut, strip_trailing=_CLAUSE_TAIL)
            right = trim(doc, cut + 1, end)
            if (
                _word_count(doc, *left) >= self.min_clause_words
                and _word_count(doc, *right) >= self.min_clause_words
            ):
                parts.append(left)
                part_start = right[0]
        parts.append(trim(doc, part_start, end))
        return [(s, e) for s, e in parts if s < e]


@Language.factory(
    "claim_segmenter",
    default_config={"split_clauses": True, "min_clause_words": 4},
)
def make_claim_segmenter(
    nlp: Language, name: str, split_clauses: bool, min_clause_words: int
) -> ClaimSegmenter:
    """Factory of :class:`ClaimSegmenter`."""
    return ClaimSegmenter(name, split_clauses=split_clauses, min_clause_words=min_clause_words)
