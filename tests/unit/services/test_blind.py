"""Blind review: the others' ratings of a claim stay hidden until the reviewer saved their own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.model import Article, Block, BlockKind, Claim, Judgement, ReviewedClaim, Verdict
from workbench.services.blind import (
    HINT,
    BlindClaim,
    BlindReview,
    blind_hint,
    hidden_cell,
    hidden_count,
)
from workbench.services.desk import Desk
from workbench.services.history import History, HistoryLine
from workbench.settings import BLIND_REVIEW, declared
from workbench.store import Store, open_store

TEXT = "Prices rose 5% in May. Crime fell by half. Taxes went up."
QUOTES = ("Prices rose 5% in May.", "Crime fell by half.", "Taxes went up.")


def _claim(quote: str = QUOTES[0]) -> Claim:
    start = TEXT.index(quote)
    return Claim(article_id="a", start=start, end=start + len(quote), quote=quote)


def _verdict(claim: Claim, who: str, rating: str | None) -> Verdict:
    return Verdict(claim.id, who, rating, reviewer_name=who.title())


# -- the rule, on plain values --------------------------------------------------------------------
def test_with_blind_review_off_every_verdict_is_shown() -> None:
    claim = _claim()
    rc = ReviewedClaim(claim, [_verdict(claim, "ana", "True")])
    assert BlindReview(False, "ben").shown(rc) is rc


def test_the_others_verdicts_are_hidden_until_the_reviewer_rated() -> None:
    claim = _claim()
    rc = ReviewedClaim(claim, [_verdict(claim, "ana", "True"), _verdict(claim, "cy", "False")])
    assert rc.disagreement
    shown = BlindReview(True, "ben").shown(rc)
    assert isinstance(shown, BlindClaim)
    assert shown.verdicts == []
    assert not shown.disagreement  # no ≠ mark either
    assert hidden_count(shown) == 2
    assert hidden_cell(shown) == "2 hidden until you rate"
    assert blind_hint(2) == f"{HINT} (2 other verdicts hidden)"
    # The original is untouched: the report and the store never see the blinded copy.
    assert len(rc.verdicts) == 2


def test_a_draft_does_not_reveal_but_is_kept() -> None:
    claim = _claim()
    draft = _verdict(claim, "ben", None)
    rc = ReviewedClaim(claim, [_verdict(claim, "ana", "True"), draft])
    shown = BlindReview(True, "ben").shown(rc)
    assert shown.verdicts == [draft]
    assert hidden_count(shown) == 1


def test_a_saved_rating_reveals_everything() -> None:
    claim = _claim()
    rc = ReviewedClaim(claim, [_verdict(claim, "ana", "True"), _verdict(claim, "ben", "False")])
    blind = BlindReview(True, "ben")
    assert blind.reveals(rc)
    assert blind.shown(rc) is rc
    assert hidden_count(blind.shown(rc)) == 0


def test_nothing_to_hide_leaves_the_claim_as_it_is_and_hiding_twice_is_hiding_once() -> None:
    claim = _claim()
    mine_only = ReviewedClaim(claim, [_verdict(claim, "ben", None)])
    blind = BlindReview(True, "ben")
    assert blind.shown(mine_only) is mine_only
    hidden = blind.shown(ReviewedClaim(claim, [_verdict(claim, "ana", "True")]))
    assert blind.shown(hidden) is hidden
    assert hidden_count(hidden) == 1


def test_without_a_reviewer_chosen_every_rating_stays_hidden() -> None:
    claim = _claim()
    rc = ReviewedClaim(claim, [_verdict(claim, "ana", "True")])
    assert hidden_count(BlindReview(True, None).shown(rc)) == 1


def test_team_rows_are_hidden_for_claims_the_reviewer_has_not_rated() -> None:
    ratings: dict[str, dict[str, str | None]] = {
        "c1": {"ana": "True"},  # only Ana: hidden from Ben
        "c2": {"ana": "True", "ben": "False"},  # Ben rated: shown
        "c3": {"ana": "True", "ben": None},  # Ben's draft: still hidden
        "c4": {"ben": "True"},  # Ben's own: shown
        "c5": {"ana": None},  # nothing rated: nothing to hide
    }
    assert BlindReview(True, "ben").hidden_team_claims(ratings) == {"c1", "c3"}
    assert BlindReview(False, "ben").hidden_team_claims(ratings) == frozenset()


def _line(who: str, entity: str, number: int | None = None) -> HistoryLine:
    return HistoryLine(at="2026-03-12T14:05:00+00:00", who=who, what="x", claim_number=number,
                       action="add", entity=entity, entity_id="e")  # fmt: skip


def test_the_history_hides_the_others_verdicts_and_sources_of_claims_not_rated() -> None:
    lines = [
        _line("Claim finding", "claim"),
        _line("Ana Lima", "verdict"),
        _line("Ana Lima", "source"),
        _line("Ana Lima", "final_verdict"),
        _line("Ana Lima", "claim"),  # rewording a claim is no rating: shown
        _line("Ben Okoro", "verdict"),  # Ben's own draft: shown
    ]
    history = History("claim", "c", "Claim 1", lines)
    blind = BlindReview(True, "ben", "Ben Okoro")
    shown, hidden = blind.shown_history(history, rated=False)
    assert [(x.who, x.entity) for x in shown.lines] == [
        ("Claim finding", "claim"),
        ("Ana Lima", "claim"),
        ("Ben Okoro", "verdict"),
    ]
    assert hidden == 3
    assert blind.shown_history(history, rated=True) == (history, 0)
    assert BlindReview(False, "ben", "Ben Okoro").shown_history(history) == (history, 0)


def test_an_article_history_hides_lines_only_of_claims_not_rated() -> None:
    lines = [_line("Ana Lima", "verdict", 1), _line("Ana Lima", "verdict", 2)]
    history = History("article", "a", "Prices", lines)
    shown, hidden = BlindReview(True, "ben", "Ben Okoro").shown_history(history, rated_numbers={2})
    assert [x.claim_number for x in shown.lines] == [2]
    assert hidden == 1


# -- through the desk, on a real database ---------------------------------------------------------
@pytest.fixture
def store() -> Iterator[Store]:
    s = open_store(None)
    yield s
    s.close()


def _article(store: Store) -> list[str]:
    article = store.add_article(
        Article(text=TEXT, title="Prices", blocks=[Block(BlockKind.BODY, 0, len(TEXT))])
    )
    claims = [
        Claim(article_id=article.id, start=TEXT.index(q), end=TEXT.index(q) + len(q), quote=q)
        for q in QUOTES
    ]
    store.add_claims(article.id, claims)
    return [article.id, *(c.id for c in claims)]


def test_the_setting_is_declared_for_the_database_and_off_by_default(store: Store) -> None:
    assert declared("blind_review") is BLIND_REVIEW
    assert BLIND_REVIEW.scope.value == "database" and BLIND_REVIEW.label
    assert BlindReview.of(store, None) == BlindReview(False, None, None)


def test_the_desk_hides_and_reveals_as_the_reviewer_switches_and_rates(store: Store) -> None:
    article, prices, crime, _ = _article(store)
    ana = store.add_reviewer("Ana Lima")
    store.save_verdict(prices, ana.id, Judgement("False"))
    store.save_verdict(crime, ana.id, Judgement("True"))
    desk = Desk(store)
    desk.set_setting(BLIND_REVIEW.key, True)
    desk.use_reviewer("Ben Okoro")
    by_id = {rc.claim.id: rc for rc in desk.claims(article)}
    assert by_id[prices].verdicts == [] and hidden_count(by_id[prices]) == 1
    # Ben rates one claim: its ratings show; the other stays hidden.
    store.save_verdict(prices, desk.reviewer_id, Judgement("True"))  # type: ignore[arg-type]
    by_id = {rc.claim.id: rc for rc in desk.claims(article)}
    assert {v.rating for v in by_id[prices].verdicts} == {"True", "False"}
    assert by_id[prices].disagreement
    assert hidden_count(by_id[crime]) == 1
    # Ana sees everything: she rated both.
    desk.use_reviewer("Ana Lima")
    assert all(hidden_count(rc) == 0 for rc in desk.claims(article))
    # Turned off: Ben sees every rating again.
    desk.use_reviewer("Ben Okoro")
    desk.set_setting(BLIND_REVIEW.key, False)
    assert [len(rc.verdicts) for rc in desk.claims(article)] == [2, 1, 0]


def test_the_report_is_the_same_with_blind_review_on_but_says_so(store: Store) -> None:
    article, prices, crime, _ = _article(store)
    ana, ben = store.add_reviewer("Ana Lima"), store.add_reviewer("Ben Okoro")
    store.save_verdict(prices, ana.id, Judgement("False"))
    store.save_verdict(prices, ben.id, Judgement("True"))
    store.save_verdict(crime, ana.id, Judgement("True"))
    desk = Desk(store)
    desk.use_reviewer("Ben Okoro")
    before = desk.report(article)
    desk.set_setting(BLIND_REVIEW.key, True)
    after = desk.report(article)
    assert after.claims == before.claims
    assert sum(len(c.verdicts) for c in after.claims) == 3
    from workbench.report.methods import methods_section

    assert "Blind review is off in this file" in " ".join(methods_section(before).paragraphs)
    assert "Blind review is on in this file" in " ".join(methods_section(after).paragraphs)


def test_the_library_masks_the_teams_rating_of_claims_not_rated(store: Store) -> None:
    from workbench.services.factcheck_list import HIDDEN_RATING, library_page

    _, prices, crime, _ = _article(store)
    ana = store.add_reviewer("Ana Lima")
    store.save_verdict(prices, ana.id, Judgement("False"))
    desk = Desk(store)
    desk.use_reviewer("Ben Okoro")
    store.save_verdict(crime, desk.reviewer_id, Judgement("True"))  # type: ignore[arg-type]
    store.sync_team_factchecks()
    assert sorted(i.rating or "" for i in library_page(desk, origin="team").items) == [
        "False",
        "True",
    ]
    desk.set_setting(BLIND_REVIEW.key, True)
    store.sync_team_factchecks()
    page = library_page(desk, origin="team")
    assert sorted(i.rating or "" for i in page.items) == ["True", HIDDEN_RATING]
    assert page.total == 2


def test_matching_leaves_out_the_teams_row_of_a_claim_not_rated(tmp_path: Path) -> None:
    from workbench.services.factcheck_desk import LibraryReader

    path = tmp_path / "m.sqlite3"
    with open_store(path) as s:
        article, prices, _, _ = _article(s)
        elsewhere = _article(s)[0]
        ana, ben = s.add_reviewer("Ana Lima"), s.add_reviewer("Ben Okoro")
        s.save_verdict(prices, ana.id, Judgement("False"))
        s.sync_team_factchecks()
        # Reworded since: the row no longer has the claim's words, only its id ties them.
        s.update_claim(prices, claim="Prices went up by 5% during May.")
    reader = LibraryReader(path)
    try:
        text = "Prices rose 5% in May."
        [seen] = reader.match_many([text], 5, None)
        assert [m.rating for m in seen if m.origin == "team"] == ["False"]
        blind = BlindReview(True, ben.id, ben.name)
        [blinded] = reader.match_many([text], 5, None, blind.within(article))
        assert [m for m in blinded if m.origin == "team"] == []
        [anywhere] = reader.match_many([text], 5, None, blind)
        assert [m for m in anywhere if m.origin == "team"] == []
        # Reviewing another article, the team's verdict is an earlier fact-check like any.
        [other] = reader.match_many([text], 5, None, blind.within(elsewhere))
        assert [m.rating for m in other if m.origin == "team"] == ["False"]
        [as_ana] = reader.match_many([text], 5, None, BlindReview(True, ana.id, ana.name))
        assert [m.rating for m in as_ana if m.origin == "team"] == ["False"]
    finally:
        reader.close()


def test_the_cli_turns_blind_review_on_and_off(run) -> None:  # type: ignore[no-untyped-def]
    assert "off" in run("blind-review", "off").output
    assert "Blind review is on" in run("blind-review", "on").output
    assert '"blind_review": true' in run("blind-review", "--json").output
    assert "Blind review is off" in run("blind-review", "OFF").output
    refused = run("blind-review", "maybe", ok=False)
    assert refused.exit_code != 0


def test_the_editor_who_settled_a_claim_sees_it_in_full() -> None:
    from workbench.model import Claim, FinalVerdict, ReviewedClaim, Verdict
    from workbench.services.blind import BlindClaim, BlindReview

    claim = Claim(article_id="a", start=0, end=4, quote="Text", score=0.9)
    rc = ReviewedClaim(
        claim,
        [Verdict(claim.id, "ana", "True"), Verdict(claim.id, "ben", "False")],
        final=FinalVerdict(claim.id, "True", editor_id="cy"),
    )
    assert isinstance(BlindReview(True, "dee", "Dee").shown(rc), BlindClaim)
    assert BlindReview(True, "cy", "Cy Park").shown(rc) is rc
