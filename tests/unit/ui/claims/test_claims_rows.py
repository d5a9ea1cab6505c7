"""The claims table's rows, built without a window."""

from __future__ import annotations

from workbench.model import Claim, ReviewedClaim, Verdict
from workbench.ui.claims.claims_model import make_rows


def _verdict(name: str, rating: str | None) -> Verdict:
    return Verdict(claim_id="c", reviewer_id=name, rating=rating, reviewer_name=name)


def test_two_reviewers_who_share_a_first_name_are_told_apart() -> None:
    claim = Claim(article_id="a", start=0, end=5, quote="Crime", number=1)
    verdicts = [
        _verdict("Ana Lima", "True"),
        _verdict("Ana Costa", None),
        _verdict("Ben Okafor", "False"),
    ]
    [row] = make_rows([ReviewedClaim(claim, verdicts)], reviewer_id="someone else")
    assert row.others == "True (Ana Lima); in progress (Ana Costa); False (Ben)"


def test_the_checked_before_column_tells_none_found_from_not_yet_counted() -> None:
    from workbench.ui.claims.claims_model import Column

    claims = [
        ReviewedClaim(Claim(article_id="a", start=0, end=5, quote=q, number=n), [])
        for n, q in enumerate(("Crime", "Taxes", "Roads"), 1)
    ]
    counted = {claims[0].claim.id: 2, claims[1].claim.id: 0}
    rows = make_rows(claims, None, counted)
    assert [r.cells[Column.CHECKED] for r in rows] == ["2", "–", ""]
