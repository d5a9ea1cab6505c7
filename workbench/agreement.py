"""How far reviewers agree on their ratings: pure computation, no I/O.

Each claim rated by two or more reviewers is compared. Four figures are given:

- **Percentage agreement**: for each claim, the share of pairs of reviewers who gave the very same
  rating, averaged over the claims compared (with two reviewers: the share of claims on which
  they agree).
- **Cohen's kappa**: only when exactly two reviewers rated the claims compared; their agreement
  over the claims both rated, corrected for the agreement expected by chance from how often each
  of them used each rating (every label counts as its own category, "Unproven" included).
- **Krippendorff's alpha, ordinal**: any number of reviewers, claims rated by some and not by
  others; disagreement is weighted by how far apart two ratings are on the scale's true–false
  order ("Mostly true" against "True" weighs less than "False" against "True").
- **Krippendorff's alpha, nominal**: the same over every label, where any two different labels
  disagree equally.

"Unproven" (any rating whose value on the scale is None) says the evidence does not settle the
claim: it has no place between true and false. The ordinal alpha therefore leaves it out, as a
missing rating, and a claim left with fewer than two ordered ratings drops out of that figure;
the nominal alpha, the percentage agreement and kappa count it as a label of its own. How many
Unproven ratings the claims compared hold is reported beside the figures. A label that is not on
the scale at all (a file made with another scale) is treated the same way as Unproven.

Drafts (verdicts without a rating yet) never count. A figure that cannot be computed (no claim
compared, a single reviewer, every rating the same) is None, with the reason in words.

Alpha follows K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011): values
pairable within a unit, the coincidence matrix, and the nominal, ordinal, interval and ratio
difference functions; the tests check it against that paper's worked examples.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Literal

from workbench.model import RatingScale

Level = Literal["nominal", "ordinal", "interval", "ratio"]

#: The keys of :meth:`Agreement.to_dict`, in order (``workbench agreement --json`` prints them).
KEYS = (
    "claims_compared",
    "claims_rated_once",
    "reviewers",
    "ratings",
    "unproven_ratings",
    "claims_unanimous",
    "percent_agreement",
    "cohen_kappa",
    "krippendorff_alpha_ordinal",
    "krippendorff_alpha_nominal",
    "notes",
)

NO_PAIRS = "No claim has been rated by two or more reviewers yet."
SAME_RATING = "Every rating compared is the same, so there is nothing to correct for chance."


@dataclass(frozen=True, slots=True)
class ClaimRatings:
    """One claim and each reviewer's rating of it (None: a draft, not rated yet)."""

    claim_id: str
    ratings: Mapping[str, str | None]

    @property
    def rated(self) -> dict[str, str]:
        """Reviewer → rating, drafts left out."""
        return {who: r for who, r in self.ratings.items() if r is not None}


@dataclass(frozen=True, slots=True)
class Agreement:
    """The agreement figures over a set of claims; see the module's text for what each means."""

    claims_compared: int = 0
    claims_rated_once: int = 0
    reviewers: int = 0
    ratings: int = 0
    unproven_ratings: int = 0
    claims_unanimous: int = 0
    #: 0..100, or None when no claim was compared.
    percent_agreement: float | None = None
    cohen_kappa: float | None = None
    krippendorff_alpha_ordinal: float | None = None
    krippendorff_alpha_nominal: float | None = None
    #: Why a figure is None, by its key.
    notes: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Stable keys (:data:`KEYS`); figures rounded to 4 decimals; None stays None."""
        data: dict[str, Any] = {}
        for key in KEYS:
            value = getattr(self, key)
            data[key] = round(value, 4) if isinstance(value, float) else value
        data["notes"] = dict(self.notes)
        return data


def measure(claims: Iterable[ClaimRatings], scale: RatingScale) -> Agreement:
    """The agreement among the reviewers of ``claims``, ordered by ``scale``."""
    order = {r.label: r.value for r in scale.ratings if r.value is not None}
    compared: list[dict[str, str]] = []
    once = 0
    for claim in claims:
        rated = claim.rated
        if len(rated) >= 2:
            compared.append(rated)
        elif rated:
            once += 1
    if not compared:
        reason = NO_PAIRS
        return Agreement(
            claims_rated_once=once,
            notes={
                key: reason
                for key in (
                    "percent_agreement",
                    "cohen_kappa",
                    "krippendorff_alpha_ordinal",
                    "krippendorff_alpha_nominal",
                )
            },
        )
    notes: dict[str, str] = {}
    reviewers = sorted({who for rated in compared for who in rated})
    labels = [list(rated.values()) for rated in compared]

    kappa: float | None = None
    if len(reviewers) == 2:
        first, second = reviewers
        kappa = cohen_kappa([(rated[first], rated[second]) for rated in compared])
        if kappa is None:
            notes["cohen_kappa"] = SAME_RATING
    else:
        notes["cohen_kappa"] = (
            f"Kappa compares exactly two reviewers; {len(reviewers)} reviewers rated these "
            "claims, and Krippendorff's alpha covers any number."
        )

    ordered = [[order[label] for label in unit if label in order] for unit in labels]
    ordinal = krippendorff_alpha(ordered, "ordinal", sorted(set(order.values())))
    if ordinal is None:
        if not any(len(unit) >= 2 for unit in ordered):
            notes["krippendorff_alpha_ordinal"] = (
                "No claim has two or more ratings on the true–false order "
                "(Unproven is left out of this figure)."
            )
        else:
            notes["krippendorff_alpha_ordinal"] = SAME_RATING
    nominal = krippendorff_alpha(labels, "nominal")
    if nominal is None:
        notes["krippendorff_alpha_nominal"] = SAME_RATING

    return Agreement(
        claims_compared=len(compared),
        claims_rated_once=once,
        reviewers=len(reviewers),
        ratings=sum(len(unit) for unit in labels),
        unproven_ratings=sum(1 for unit in labels for label in unit if label not in order),
        claims_unanimous=sum(1 for unit in labels if len(set(unit)) == 1),
        percent_agreement=100 * pairwise_agreement(labels),
        cohen_kappa=kappa,
        krippendorff_alpha_ordinal=ordinal,
        krippendorff_alpha_nominal=nominal,
        notes=notes,
    )


def pairwise_agreement(units: Sequence[Sequence[Hashable]]) -> float:
    """The share (0..1) of agreeing pairs of ratings in each unit, averaged over the units.

    Units with fewer than two ratings are skipped; with none left the share is 0.
    """
    shares = []
    for unit in units:
        pairs = list(combinations(unit, 2))
        if pairs:
            shares.append(sum(1 for a, b in pairs if a == b) / len(pairs))
    return sum(shares) / len(shares) if shares else 0.0


def cohen_kappa(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    """Cohen's kappa of two raters; ``pairs`` holds (first's rating, second's rating) per item.

    None when there is no item, or when chance alone would give complete agreement (both
    raters used one and the same category throughout), where kappa is undefined.
    """
    total = len(pairs)
    if not total:
        return None
    observed = sum(1 for a, b in pairs if a == b) / total
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum(first[c] * second[c] for c in first) / (total * total)
    if expected >= 1:
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha(
    units: Iterable[Sequence[Hashable]],
    level: Level = "nominal",
    order: Sequence[Hashable] | None = None,
) -> float | None:
    """Krippendorff's alpha over ``units``, each the values the coders gave it (missing left out).

    ``order`` lists the values from one end of the scale to the other (ordinal level; by default
    the values sorted); interval and ratio levels need numbers. Units with fewer than two values
    are not pairable and are skipped. None when no unit is pairable or when every pairable value
    is the same (alpha is then undefined).
    """
    pairable = [list(unit) for unit in units if len(unit) >= 2]
    coincidences: defaultdict[tuple[Hashable, Hashable], float] = defaultdict(float)
    for unit in pairable:
        weight = 1 / (len(unit) - 1)
        for i, c in enumerate(unit):
            for j, k in enumerate(unit):
                if i != j:
                    coincidences[(c, k)] += weight
    totals: defaultdict[Hashable, float] = defaultdict(float)
    for (c, _), count in coincidences.items():
        totals[c] += count
    n = sum(totals.values())
    values = list(totals)
    if len(values) < 2:
        return None
    delta = _difference(level, totals, order)
    observed = sum(count * delta(c, k) for (c, k), count in coincidences.items())
    expected = sum(totals[c] * totals[k] * delta(c, k) for c in values for k in values)
    if expected == 0:
        return None
    return 1 - (n - 1) * observed / expected


def _difference(
    level: Level, totals: Mapping[Hashable, float], order: Sequence[Hashable] | None
) -> Any:
    """The squared difference function δ²(c, k) of ``level``."""
    if level == "nominal":
        return lambda c, k: 0.0 if c == k else 1.0
    if level == "interval":
        return lambda c, k: float((c - k) ** 2)
    if level == "ratio":
        return lambda c, k: 0.0 if c == k else float(((c - k) / (c + k)) ** 2)
    if level != "ordinal":
        raise ValueError(f"Unknown level of measurement: {level}")
    ranked = list(order) if order is not None else sorted(totals)  # type: ignore[type-var]
    missing = [v for v in totals if v not in ranked]
    if missing:
        raise ValueError(f"Values outside the order given: {missing}")
    position = {v: i for i, v in enumerate(ranked)}
    counts = [totals.get(v, 0.0) for v in ranked]

    def ordinal(c: Hashable, k: Hashable) -> float:
        lo, hi = sorted((position[c], position[k]))
        between = sum(counts[lo : hi + 1]) - (counts[lo] + counts[hi]) / 2
        return float(between**2)

    return ordinal
