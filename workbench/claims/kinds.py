"""The kind of a candidate claim, after Full Fact's annotation scheme, from its signals."""

from __future__ import annotations

from workbench.model import ClaimKind

from .signals import Signals

_QUANTITY = ("number", "percent", "money", "duration")
_FACTUAL = (
    *_QUANTITY,
    "date",
    "person",
    "organisation",
    "place",
    "group",
    "event",
    "law",
    "measure",
    "change",
)
#: Fewer words than this is a fragment, not a statement anyone can check.
MIN_WORDS = 4


def claim_kind(signals: Signals) -> ClaimKind:
    """Pick one kind; the more specific kinds win over "other factual"."""
    factual = any(name in signals for name in _FACTUAL)
    if (
        "question" in signals
        or "boilerplate" in signals
        or "imperative" in signals
        or signals.words < MIN_WORDS
        or ("opinion" in signals and not factual)
    ):
        return ClaimKind.NOT_A_CLAIM
    if "prediction" in signals:
        return ClaimKind.PREDICTION
    if any(name in signals for name in _QUANTITY):
        return ClaimKind.QUANTITY
    if "causal" in signals:
        return ClaimKind.CAUSATION
    if "law" in signals:
        return ClaimKind.LAW
    if "first_person" in signals:
        return ClaimKind.PERSONAL
    return ClaimKind.OTHER
