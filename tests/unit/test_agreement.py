"""Agreement between reviewers, checked against published worked examples.

Krippendorff's alpha: K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011),
examples A (binary, two observers), B (nominal, two observers) and C (four observers, twelve
units, missing values: nominal .743, ordinal .815, interval .849, ratio .797).
Cohen's kappa: the 50-application yes/no example of Wikipedia's "Cohen's kappa" (kappa 0.4).
"""

from __future__ import annotations

import json
import math

import pytest

from workbench.agreement import (
    KEYS,
    NO_PAIRS,
    SAME_RATING,
    ClaimRatings,
    cohen_kappa,
    krippendorff_alpha,
    measure,
    pairwise_agreement,
)
from workbench.model import Rating, RatingScale
from workbench.scales import load_scale

N = None
#: Example C: four observers (rows) by twelve units (columns); None where a value is missing.
PAPER_C = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]
#: Example B: two observers, nominal values, no missing data.
PAPER_B = (list("aabbdcccedda"), list("babbbccceddd"))
#: Example A: two observers, binary values.
PAPER_A = ([0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0])

STANDARD = load_scale("standard")


def _units(rows: list[list[int | None]]) -> list[list[int]]:
    return [[row[u] for row in rows if row[u] is not None] for u in range(len(rows[0]))]


@pytest.mark.parametrize(
    ("level", "published"),
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_alpha_matches_krippendorffs_example_c(level, published) -> None:
    assert round(krippendorff_alpha(_units(PAPER_C), level), 3) == published


def test_alpha_matches_krippendorffs_two_observer_examples() -> None:
    assert round(krippendorff_alpha(list(zip(*PAPER_B, strict=True))), 3) == 0.692
    assert round(krippendorff_alpha(list(zip(*PAPER_A, strict=True))), 3) == 0.095


def test_kappa_matches_the_textbook_example() -> None:
    # 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: observed 0.7, expected by chance 0.5.
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert cohen_kappa(pairs) == pytest.approx(0.4)


def _numbered_scale() -> RatingScale:
    """Example C's values 1–5 as a rating scale, plus an Unproven label outside the order."""
    ratings = (*(Rating(str(v), v) for v in range(5, 0, -1)), Rating("Unproven", None))
    return RatingScale("numbers", "Numbers", ratings)


def _claims_from(rows: list[list[int | None]]) -> list[ClaimRatings]:
    return [
        ClaimRatings(
            f"claim-{u}",
            {f"reviewer-{r}": str(row[u]) for r, row in enumerate(rows) if row[u] is not None},
        )
        for u in range(len(rows[0]))
    ]


def test_the_scales_order_gives_example_cs_ordinal_and_nominal_alpha() -> None:
    found = measure(_claims_from(PAPER_C), _numbered_scale())
    assert round(found.krippendorff_alpha_ordinal, 3) == 0.815
    assert round(found.krippendorff_alpha_nominal, 3) == 0.743
    # Unit 12 has one value only: it is not compared.
    assert (found.claims_compared, found.claims_rated_once, found.reviewers) == (11, 1, 4)
    assert found.cohen_kappa is None and "4 reviewers" in found.notes["cohen_kappa"]


def test_two_reviewers_get_kappa_over_the_claims_both_rated() -> None:
    pairs = (
        [("True", "True")] * 20
        + [("True", "False")] * 5
        + [("False", "True")] * 10
        + [("False", "False")] * 15
    )
    claims = [ClaimRatings(f"c{i}", {"ana": a, "tom": t}) for i, (a, t) in enumerate(pairs)]
    found = measure(claims, STANDARD)
    assert found.cohen_kappa == pytest.approx(0.4)
    assert found.percent_agreement == pytest.approx(70.0)
    assert found.claims_compared == 50 and found.claims_unanimous == 35


def test_drafts_never_count() -> None:
    rated = [
        ClaimRatings("c1", {"ana": "True", "tom": "True"}),
        ClaimRatings("c2", {"ana": "Mostly true", "tom": "False"}),
    ]
    with_drafts = [
        ClaimRatings("c1", {"ana": "True", "tom": "True", "eve": None}),
        ClaimRatings("c2", {"ana": "Mostly true", "tom": "False", "eve": None}),
        # One rating and one draft: not a pair.
        ClaimRatings("c3", {"ana": "False", "tom": None}),
    ]
    plain, drafted = measure(rated, STANDARD), measure(with_drafts, STANDARD)
    assert drafted.reviewers == 2
    assert drafted.claims_compared == 2 and drafted.claims_rated_once == 1
    assert drafted.cohen_kappa == plain.cohen_kappa
    assert drafted.krippendorff_alpha_ordinal == plain.krippendorff_alpha_ordinal
    assert drafted.percent_agreement == plain.percent_agreement == 50.0


def test_near_misses_on_the_scale_weigh_less_than_far_ones() -> None:
    def alpha_with(second: str) -> tuple[float, float]:
        claims = [
            ClaimRatings("c1", {"ana": "True", "tom": "True"}),
            ClaimRatings("c2", {"ana": "False", "tom": "False"}),
            ClaimRatings("c3", {"ana": "Half true", "tom": "Half true"}),
            ClaimRatings("c4", {"ana": "True", "tom": second}),
        ]
        found = measure(claims, STANDARD)
        return found.krippendorff_alpha_ordinal, found.krippendorff_alpha_nominal

    near_ordinal, near_nominal = alpha_with("Mostly true")
    far_ordinal, far_nominal = alpha_with("False")
    assert near_ordinal > far_ordinal
    # Over labels alone, any two different ratings disagree as much.
    assert near_nominal == pytest.approx(far_nominal, abs=0.1)


def test_unproven_is_left_out_of_ordinal_alpha_and_counted_as_a_label_elsewhere() -> None:
    ordered = [
        ClaimRatings("c1", {"ana": "True", "tom": "True"}),
        ClaimRatings("c2", {"ana": "False", "tom": "Mostly false"}),
    ]
    unproven = [
        *ordered,
        ClaimRatings("c3", {"ana": "True", "tom": "Unproven"}),
        ClaimRatings("c4", {"ana": "Unproven", "tom": "Unproven"}),
    ]
    plain, found = measure(ordered, STANDARD), measure(unproven, STANDARD)
    assert found.unproven_ratings == 3
    # c3 keeps one ordered rating and c4 none: the ordinal figure is that of c1 and c2.
    assert found.krippendorff_alpha_ordinal == plain.krippendorff_alpha_ordinal
    # Percentage agreement and the nominal alpha see Unproven as a rating of its own.
    assert found.percent_agreement == 50.0
    assert found.claims_unanimous == 2
    assert found.krippendorff_alpha_nominal != plain.krippendorff_alpha_nominal


def test_only_unproven_pairs_leave_no_ordinal_alpha_and_say_why() -> None:
    claims = [
        ClaimRatings("c1", {"ana": "Unproven", "tom": "Unproven"}),
        ClaimRatings("c2", {"ana": "True", "tom": "Unproven"}),
    ]
    found = measure(claims, STANDARD)
    assert found.krippendorff_alpha_ordinal is None
    assert "Unproven is left out" in found.notes["krippendorff_alpha_ordinal"]
    assert found.krippendorff_alpha_nominal is not None


def test_no_pairs_give_none_and_words_never_nan() -> None:
    found = measure([ClaimRatings("c1", {"ana": "True"}), ClaimRatings("c2", {})], STANDARD)
    data = found.to_dict()
    assert list(data) == list(KEYS)
    assert data["claims_compared"] == 0 and data["claims_rated_once"] == 1
    for key in ("percent_agreement", "cohen_kappa", "krippendorff_alpha_ordinal"):
        assert data[key] is None and data["notes"][key] == NO_PAIRS
    json.dumps(data, allow_nan=False)
    assert measure([], STANDARD).claims_compared == 0


def test_everyone_giving_one_rating_agrees_fully_but_has_no_chance_corrected_figure() -> None:
    claims = [ClaimRatings(f"c{i}", {"ana": "True", "tom": "True"}) for i in range(3)]
    found = measure(claims, STANDARD)
    assert found.percent_agreement == 100.0 and found.claims_unanimous == 3
    assert found.cohen_kappa is None and found.notes["cohen_kappa"] == SAME_RATING
    assert found.krippendorff_alpha_ordinal is None
    assert found.krippendorff_alpha_nominal is None
    json.dumps(found.to_dict(), allow_nan=False)


def test_degenerate_inputs_of_the_formulas() -> None:
    assert krippendorff_alpha([]) is None
    assert krippendorff_alpha([[1], [2]]) is None
    assert krippendorff_alpha([[1, 1], [1, 1]], "ordinal") is None
    assert cohen_kappa([]) is None
    assert cohen_kappa([("a", "a"), ("a", "a")]) is None
    assert pairwise_agreement([[1], []]) == 0.0
    assert not math.isnan(krippendorff_alpha([[1, 2], [2, 1]], "interval"))


def test_percentage_agreement_averages_the_pairs_of_each_claim() -> None:
    # Three reviewers: 1 of 3 pairs agree on the first claim, all 3 on the second.
    assert pairwise_agreement([["a", "a", "b"], ["c", "c", "c"]]) == pytest.approx(2 / 3)
