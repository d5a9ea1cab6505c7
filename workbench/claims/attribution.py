"""``claim_attribution``: who says each candidate claim, and the exact span of direct quotes.

Direct quotes (“…”, "…", ‘…’ or «…» with enough words, or a shorter whole utterance with its
speaker: “No deal,” she said) keep only the quoted words; their speaker comes from the
attribution after the closing mark (“…,” Kerry said) or before the opening one (Lavrov told a
news conference: “…”), and a quote that goes on after its attribution (“…,” Smith said. “…”)
keeps the same speaker. A quote that runs over several sentences gives every one of them its
speaker. Other candidates get a speaker from reported speech ("X said that …", "X confirmed …")
or "according to X"; otherwise the article itself asserts them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import minibatch

from .spans import CLAIMS_KEY, QUOTES_KEY, claim_spans, register_extensions

#: Verbs that report what someone said (lemmas).
SPEECH_VERBS = frozenset(
    [
        "say",
        "state",
        "tell",
        "confirm",
        "claim",
        "announce",
        "add",
        "insist",
        "argue",
        "warn",
        "note",
        "explain",
        "report",
        "agree",
        "deny",
        "suggest",
        "acknowledge",
        "admit",
        "assert",
        "declare",
        "estimate",
        "predict",
        "write",
        "testify",
        "allege",
        "reveal",
        "stress",
        "emphasise",
        "emphasize",
        "maintain",
        "contend",
        "promise",
        "vow",
        "pledge",
        "reiterate",
        "repeat",
        "recall",
        "answer",
        "reply",
        "respond",
        "ask",
        "conclude",
        "concede",
        "believe",
        "told",
        "said",
    ]
)
# Verbs that need a clause ("agreed that …") to count as reported speech.
_CLAUSE_ONLY = frozenset({"agree", "believe", "promise", "predict", "estimate", "recall", "ask"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# "Analysts at J.P. Morgan", "a spokesman for Acme Corp.", "economists from the IMF".
_ORIGIN_PREPOSITIONS = frozenset({"at", "for", "from", "of"})
# “…” (to the end of the doc when a quote runs on into the next paragraph), "…" (across a line
# break but not a blank line), «…», and ‘…’. A right single mark is also the apostrophe: it
# closes a quote only after punctuation (“… six,’ said”) or where no word goes on (“‘…’.”).
_QUOTE_RE = re.compile(
    r"“([^“”]*)(?:”|$)"
    r"|\"((?:[^\"\n]|\n(?![ \t]*\n))*)\""
    r"|«([^«»]*)»"
    r"|(?<![\w‘’])‘((?:[^‘’\n]|’(?=\w)|(?<![.,;:!?…])’(?=[ \t]+[a-z]))*)"
    r"(?:(?<=[.,;:!?…])’|’(?![\w]|[ \t]+[a-z]))",
    re.DOTALL,
)
_UTTERANCE_END = frozenset({",", ".", "?", "!", "…"})
_SENTENCE_BREAK = frozenset({".", "?", "!", ":", "…"})
_QUOTE_EDGE = " \t\r\n\u00a0,;:"
#: A direct quote of at most this many words is one claim even when it has several sentences.
MAX_JOINED_QUOTE_WORDS = 30


def _verb_lemma(token: Token) -> str:
    if token.lemma_:
        return token.lemma_.lower()
    # Without a lemmatizer, undo the regular inflections.
    word = token.lower_
    for ending in ("ed", "d", "s"):
        if word.endswith(ending) and word[: -len(ending)] in SPEECH_VERBS:
            return word[: -len(ending)]
    return word


def _is_speech_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "") and _verb_lemma(token) in SPEECH_VERBS


def _first_speaker(tokens: Iterable[Token]) -> tuple[str, str] | None:
    """The subject of the first speech verb that has one, not looking past a quotation mark."""
    for token in tokens:
        if token.is_quote:
            break
        if _is_speech_verb(token):
            subject = _subject(token)
            if subject is not None:
                return speaker_reference(subject)
    return None


def _subject(verb: Token) -> Token | None:
    return next((child for child in verb.children if child.dep_ in _SUBJECTS), None)


def speaker_phrase(token: Token) -> str:
    """The name behind a subject token: its entity, or the noun with its modifiers."""
    return speaker_reference(token)[0]


def _entity_of(token: Token) -> Span | None:
    if token.ent_type_ not in _SPEAKER_ENTS:
        return None
    return next((ent for ent in token.doc.ents if ent.start <= token.i < ent.end), None)


def speaker_reference(token: Token) -> tuple[str, str]:
    """The speaker's words and what they are: an entity label, ``PRON``, ``NOUN`` or ``PROPN``.

    A common noun that names the organisation its people speak for ("analysts at J.P.
    Morgan", "Acme's spokesman") gives that organisation: it is who makes the claim.
    """
    ent = _entity_of(token)
    if ent is not None:
        return ent.text, ent.label_
    if token.pos_ == "PRON":
        return token.text, "PRON"
    if token.pos_ != "PROPN":
        for child in token.children:
            owner = child if child.dep_ == "poss" else None
            if child.dep_ == "prep" and child.lower_ in _ORIGIN_PREPOSITIONS:
                owner = next((c for c in child.children if c.dep_ == "pobj"), None)
            named = _entity_of(owner) if owner is not None else None
            # Only an organisation: "Smith's lawyer said" is the lawyer's claim, not Smith's.
            if named is not None and named.label_ == "ORG":
                return named.text, named.label_
    start = token.i
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "poss") and child.i < start:
            start = child.i
    label = "PROPN" if token.pos_ == "PROPN" else "NOUN"
    return token.doc[start : token.i + 1].text, label


class ClaimAttribution:
    """Give candidate claims a speaker; narrow candidates in direct quotes to the quoted words."""

    def __init__(self, name: str, *, min_quote_words: int, window: int) -> None:
        if not isinstance(min_quote_words, int) or min_quote_words < 1:
            raise ValueError(
                "claim_attribution: min_quote_words must be a whole number >= 1, "
                f"not {min_quote_words!r}"
            )
        if not isinstance(window, int) or window < 1:
            raise ValueError(
                f"claim_attribution: window must be a whole number >= 1, not {window!r}"
            )
        self.name = name
        self.min_quote_words = min_quote_words
        self.window = window
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        """Set ``speaker`` and ``attribution`` on each claim span; clip quoted claims."""
        quotes = self._quotes(doc)
        doc.spans[QUOTES_KEY] = quotes
        claims: list[Span] = []
        # The quote the last claim came from: a short quote of several sentences ("There was
        # one regulator, maybe two. Now it's five or six") stays one claim, not two halves.
        last_quote: Span | None = None
        for span in claim_spans(doc):
            inside = [q for q in quotes if q.start < span.end and span.start < q.end]
            if inside:
                # Only the quoted words are the speaker's; the "X said" around them is not a claim.
                for quote in inside:
                    part = self._strip_edges(
                        doc[max(span.start, quote.start) : min(span.end, quote.end)]
                    )
                    if part is None:
                        continue
                    if quote is last_quote and self._short(quote):
                        part = self._strip_edges(doc[claims[-1].start : part.end]) or part
                        claims.pop()
                    part._.speaker = quote._.speaker
                    part._.speaker_label = quote._.speaker_label
                    part._.attribution = "quote"
                    claims.append(part)
                    last_quote = quote
                continue
            reference, how = self._reported(span)
            span._.speaker, span._.speaker_label = reference or (None, None)
            span._.attribution = how
            claims.append(span)
            last_quote = None
        doc.spans[CLAIMS_KEY] = claims
        return doc

    @staticmethod
    def _short(quote: Span) -> bool:
        """A quote short enough to stay one claim whatever its sentences."""
        return sum(1 for t in quote if not (t.is_punct or t.is_space)) <= MAX_JOINED_QUOTE_WORDS

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Process a stream of docs."""
        for batch in minibatch(docs, size=batch_size):
            for doc in batch:
                yield self(doc)

    @staticmethod
    def _strip_edges(span: Span) -> Span | None:
        doc = span.doc
        start, end = span.start, span.end
        while start < end and (
            doc[start].is_space or doc[start].is_quote or doc[start].text in _QUOTE_EDGE
        ):
            start += 1
        while end > start and (
            doc[end - 1].is_space or doc[end - 1].is_quote or doc[end - 1].text in _QUOTE_EDGE
        ):
            end -= 1
        return doc[start:end] if start < end else None

    def _quotes(self, doc: Doc) -> list[Span]:
        """Direct quotes that are statements (not scare quotes), as token spans."""
        found: list[tuple[Span, int]] = []
        for match in _QUOTE_RE.finditer(doc.text):
            group = next(g for g in range(1, 5) if match.group(g) is not None)
            inner = doc.char_span(match.start(group), match.end(group), alignment_mode="expand")
            if inner is None or len(inner) == 0:
                continue
            words = sum(1 for t in inner if not (t.is_punct or t.is_space))
            inner._.speaker, inner._.speaker_label = self._quote_speaker(doc, inner) or (None, None)
            found.append((inner, words))
        self._continue_speakers([inner for inner, _ in found])
        return [
            inner
            for inner, words in found
            if words >= self.min_quote_words
            or (inner._.speaker is not None and self._is_utterance(inner))
        ]

    def _continue_speakers(self, quotes: list[Span]) -> None:
        """A quote without attribution that follows one closely is the same speaker's."""
        for previous, quote in itertools.pairwise(quotes):
            if quote._.speaker is not None or previous._.speaker is None:
                continue
            gap = quote.doc[previous.end : quote.start]
            if len(gap) > 3 * self.window:
                continue
            named = [
                ent.text
                for ent in gap.ents
                if ent.label_ in _SPEAKER_ENTS
                and ent.text not in previous._.speaker
                and previous._.speaker not in ent.text
            ]
            if not named:
                quote._.speaker = previous._.speaker
                quote._.speaker_label = previous._.speaker_label

    @staticmethod
    def _is_utterance(inner: Span) -> bool:
        """A whole short utterance (“No deal,” she said), not a phrase quoted mid-sentence."""
        doc = inner.doc
        last = inner.end - 1
        while last > inner.start and doc[last].is_space:
            last -= 1
        before = inner.start - 1
        while before >= 0 and (doc[before].is_quote or doc[before].is_space):
            before -= 1
        starts_sentence = before < 0 or doc[before].text in _SENTENCE_BREAK
        return starts_sentence and doc[last].text in _UTTERANCE_END

    def _quote_speaker(self, doc: Doc, inner: Span) -> tuple[str, str] | None:
        """The speaker named just after the closing mark, or else just before the opening one."""
        after = inner.end
        while after < len(doc) and (
            doc[after].is_quote or doc[after].is_punct or doc[after].is_space
        ):
            after += 1
        speaker = _first_speaker(doc[after : min(len(doc), after + self.window)])
        if speaker is not None:
            return speaker
        before = inner.start - 1
        while before >= 0 and (doc[before].is_quote or doc[before].is_space):
            before -= 1
        if before < 0 or not (doc[before].text in (":", ",") or _is_speech_verb(doc[before])):
            return None
        return _first_speaker(reversed(doc[max(0, before - 2 * self.window) : before + 1]))

    @staticmethod
    def _reported(span: Span) -> tuple[tuple[str, str] | None, str | None]:
        """Speaker of reported speech ("X said that …", "according to X") in ``span``."""
        root = span.root
        token, via_clause = root, False
        while True:
            if _is_speech_verb(token) and (subject := _subject(token)) is not None:
                has_clause = any(child.dep_ == "ccomp" for child in token.children)
                speaks = via_clause or has_clause or _verb_lemma(token) not in _CLAUSE_ONLY
                if speaks and (token is root or via_clause):
                    return speaker_reference(subject), "reported"
            if token.dep_ == "ccomp":
                via_clause = True
            elif token.dep_ != "conj":
                break
            if token.head is token:
                break
            token = token.head
        for token in span:
            if (
                token.lower_ == "according"
                and token.i + 1 < span.end
                and span.doc[token.i + 1].lower_ == "to"
            ):
                objects = [c for c in span.doc[token.i + 1].children if c.dep_ == "pobj"]
                if objects:
                    return speaker_reference(objects[0]), "according"
        return None, None


@Language.factory("claim_attribution", default_config={"min_quote_words": 5, "window": 8})
def make_claim_attribution(
    nlp: Language, name: str, min_quote_words: int, window: int
) -> ClaimAttribution:
    """Factory of :class:`ClaimAttribution`."""
    return ClaimAttribution(name, min_quote_words=min_quote_words, window=window)
