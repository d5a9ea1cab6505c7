"""``claim_checkworthy``: a 0..1 check-worthiness score, reasons and a kind for each candidate.

The linguistic signals give the reasons shown to the reviewer, the kind, and a score of their own
(a logistic function of weighted signals). A learned scorer (any callable ``list[str] ->
list[float]``; the pipeline plugs in the shipped encoder) can be set through the ``learned_scorer``
setting or :meth:`ClaimCheckworthiness.set_learned_scorer`; the score is then
``(1 - weight) * signals + weight * learned``, and the reasons stay.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from workbench.model import CLAIM_THRESHOLD, ClaimKind

from .kinds import MIN_WORDS, claim_kind
from .signals import SignalFinder, Signals
from .spans import claim_spans, register_extensions, scoring_text

LearnedScorer = Callable[[list[str]], list[float]]

#: Log-odds added by each signal (penalties negative). Fitted on the ct24 training sentences by
#: ``python -m workbench.devtools.fit_signal_weights`` (L2 1.0), except "boilerplate" and
#: "fragment", which debate transcripts hardly contain and which are set by hand for news pages.
#: Debates teach that promises ("we will …") are rarely worth checking, hence "prediction" < 0.
WEIGHTS: dict[str, float] = {
    "bias": -2.31,
    "number": 0.87,
    "percent": 1.76,
    "money": 1.30,
    "duration": 0.51,
    "date": 0.58,
    "person": 0.45,
    "organisation": 0.88,
    "place": 0.59,
    "group": 0.25,
    "event": 0.42,
    "law": 0.68,
    "comparison": 0.46,
    "superlative": 0.29,
    "causal": 0.27,
    "prediction": -0.86,
    "change": 0.38,
    "measure": 0.93,
    "action": 0.60,
    "past": 1.16,
    "attribution": 0.36,
    "question": -2.03,
    "opinion": -0.90,
    "first_person": -0.79,
    "boilerplate": -2.0,
    "fragment": -0.5,
    "imperative": -1.56,
    "short": -0.24,
}

_REASONS: dict[str, str] = {
    "number": "contains a number ({})",
    "percent": "gives a percentage ({})",
    "money": "mentions money ({})",
    "duration": "gives a time span ({})",
    "date": "mentions a date ({})",
    "person": "names a person ({})",
    "organisation": "names an organisation ({})",
    "place": "names a place ({})",
    "group": "names a nationality or group ({})",
    "event": "names an event ({})",
    "law": "refers to a law or rule ({})",
    "comparison": "makes a comparison ({})",
    "superlative": "superlative or record ({})",
    "causal": "states a cause or effect ({})",
    "prediction": "predicts the future ({})",
    "change": "describes a change ({})",
    "measure": "measurable topic ({})",
    "action": "reports an action on record ({})",
    "past": "reports something that happened ({})",
    "question": "a question",
    "opinion": "sounds like opinion ({})",
    "first_person": "speaks in the first person ({})",
    "boilerplate": "looks like boilerplate ({})",
    "fragment": "not a full sentence",
    "imperative": "an instruction, not a statement ({})",
    "short": "too short to check",
}
_ATTRIBUTION_REASONS = {
    "quote": "direct quote ({})",
    "reported": "reported speech ({})",
    "according": "attributed (according to {})",
}

ATTRIBUTION_PREFIXES = tuple(phrase.split("(")[0] + "(" for phrase in _ATTRIBUTION_REASONS.values())


_EXECUTOR: ThreadPoolExecutor | None = None
_EXECUTOR_LOCK = threading.Lock()


def _executor() -> ThreadPoolExecutor:
    """The one helper thread that runs learned scorers beside the pipeline."""
    global _EXECUTOR
    with _EXECUTOR_LOCK:
        if _EXECUTOR is None:
            _EXECUTOR = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claim-scorer")
        return _EXECUTOR


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def rule_score(signals: Signals, weights: dict[str, float]) -> float:
    """Probability-like score of the signals alone."""
    logit = weights["bias"] + sum(weights.get(name, 0.0) for name in signals.found)
    return _sigmoid(logit)


def reasons_for(signals: Signals) -> list[str]:
    """Reviewer-facing phrases, strongest positive signals first, penalties last."""
    ordered = sorted(signals.found, key=lambda name: -WEIGHTS.get(name, 0.0))
    phrases = []
    for name in ordered:
        if name == "attribution":
            how, speaker = signals.found[name].split("|", 1)
            phrases.append(_ATTRIBUTION_REASONS[how].format(speaker))
        else:
            phrases.append(_REASONS[name].format(signals.found[name]))
    return [phrase.replace(" ()", "") for phrase in phrases]


class ClaimCheckworthiness:
    """Score, explain and classify every span in ``doc.spans["claims"]``."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        learned_scorer: LearnedScorer | None,
        learned_weight: float,
        weights: dict[str, float],
    ) -> None:
        unknown = sorted(set(weights) - set(WEIGHTS))
        if unknown:
            raise ValueError(
                f"claim_checkworthy: unknown signal weights {unknown}; known: {sorted(WEIGHTS)}"
            )
        self.name = name
        self.finder = SignalFinder(nlp.vocab)
        self.weights = {**WEIGHTS, **{k: float(v) for k, v in weights.items()}}
        self.learned_scorer: LearnedScorer | None = None
        self.learned_weight = 0.0
        self.set_learned_scorer(learned_scorer, learned_weight)
        register_extensions()

    def set_learned_scorer(self, scorer: LearnedScorer | None, weight: float = 0.5) -> None:
        """Blend ``scorer`` in: ``(1 - weight) * signal score + weight * scorer score``."""
        if scorer is not None and not callable(scorer):
            raise ValueError(
                "claim_checkworthy: learned_scorer must be a function list[str] -> list[float], "
                f"not {scorer!r}"
            )
        if not 0.0 <= float(weight) <= 1.0:
            raise ValueError(
                f"claim_checkworthy: learned_weight must be between 0 and 1, not {weight!r}"
            )
        self.learned_scorer = scorer
        self.learned_weight = float(weight)

    def __call__(self, doc: Doc, *, score_all: bool = False) -> Doc:
        """Score the candidates of one doc."""
        return next(iter(self.pipe([doc], score_all=score_all)))

    def pipe(
        self, docs: Iterable[Doc], *, batch_size: int = 128, score_all: bool = False
    ) -> Iterator[Doc]:
        """Score a stream of docs; a learned scorer sees one batch of texts at a time.

        The learned scorer runs only on candidates that can be claims (not on questions,
        fragments or boilerplate, which the extractor drops whatever their score) unless
        ``score_all``. It runs on a helper thread while the pipeline parses the next batch (an
        ONNX session releases the interpreter lock), and each batch is yielded once its scores
        are in.
        """
        pending: tuple[list[Doc], list[Span], Future[list[float]] | None] | None = None
        for batch in minibatch(docs, size=batch_size):
            spans: list[Span] = []
            for doc in batch:
                spans.extend(
                    span
                    for span in self._score_rules(doc)
                    if score_all or span._.claim_kind != ClaimKind.NOT_A_CLAIM.value
                )
            future = None
            if self.learned_scorer is not None and spans:
                future = _executor().submit(self.learned_scorer, [scoring_text(s) for s in spans])
            if pending is not None:
                yield from self._finish(*pending)
            pending = (batch, spans, future)
        if pending is not None:
            yield from self._finish(*pending)

    def _finish(
        self, batch: list[Doc], spans: list[Span], future: Future[list[float]] | None
    ) -> list[Doc]:
        if future is not None:
            self._blend(spans, list(future.result()))
        return batch

    def signals(self, span: Span, matches: list[tuple[int, int, str]] | None = None) -> Signals:
        """All signals of ``span``, attribution and length included."""
        if matches is None:
            matches = self.finder.matches(span.doc)
        signals = self.finder.signals(span, matches)
        if span._.speaker and span._.attribution:
            signals.add("attribution", f"{span._.attribution}|{span._.speaker}")
        if signals.words < MIN_WORDS + 1:
            signals.add("short", "")
        return signals

    def _score_rules(self, doc: Doc) -> list[Span]:
        spans = claim_spans(doc)
        if not spans:
            return spans
        matches = self.finder.matches(doc)
        for span in spans:
            signals = self.signals(span, matches)
            score = rule_score(signals, self.weights)
            span._.rule_score = score
            span._.claim_score = score
            span._.claim_reasons = reasons_for(signals)
            span._.claim_kind = claim_kind(signals).value
        return spans

    def _blend(self, spans: list[Span], learned: list[float]) -> None:
        if len(learned) != len(spans):
            raise ValueError(
                f"claim_checkworthy: the learned scorer returned {len(learned)} scores "
                f"for {len(spans)} texts"
            )
        w = self.learned_weight
        for span, value in zip(spans, learned, strict=True):
            value = min(1.0, max(0.0, float(value)))
            span._.claim_score = (1.0 - w) * span._.rule_score + w * value
            verdict = "likely" if value >= CLAIM_THRESHOLD else "unlikely"
            span._.claim_reasons = [
                *span._.claim_reasons,
                f"trained model: {verdict} ({value:.2f})",
            ]


@Language.factory(
    "claim_checkworthy",
    default_config={"learned_scorer": None, "learned_weight": 0.5, "weights": {}},
)
def make_claim_checkworthy(
    nlp: Language,
    name: str,
    learned_scorer: LearnedScorer | None,
    learned_weight: float,
    weights: dict[str, float],
) -> ClaimCheckworthiness:
    """Factory of :class:`ClaimCheckworthiness`."""
    return ClaimCheckworthiness(
        nlp, name, learned_scorer=learned_scorer, learned_weight=learned_weight, weights=weights
    )
