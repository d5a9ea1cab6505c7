"""Only the best N found claims are stored per article; the rest are counted and can be added."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from workbench.ingest import read_pasted
from workbench.model import Article, Claim, ClaimState, Judgement
from workbench.services import library
from workbench.services.desk import Desk
from workbench.services.found_claims import (
    DEFAULT_MAX_CLAIMS,
    MAX_CLAIMS_SETTING,
    choose_claims,
    left_out,
)
from workbench.services.library import find_claims_again, import_pasted
from workbench.services.review import check_setting
from workbench.store import InvalidInputError

SENTENCES = 500
TEXT = "\n\n".join(f"Claim {i} says prices rose {i} percent." for i in range(SENTENCES))


def score_of(i: int) -> float:
    """Distinct scores in no particular text order (the best is not the first sentence)."""
    return round(((i * 7) % SENTENCES) / SENTENCES, 4)


def candidates(article: Article) -> list[Claim]:
    found, start = [], 0
    for i in range(SENTENCES):
        quote = f"Claim {i} says prices rose {i} percent."
        start = article.text.index(quote, start)
        found.append(
            Claim(
                article_id=article.id,
                start=start,
                end=start + len(quote),
                quote=quote,
                score=score_of(i),
            )
        )
    return found


@pytest.fixture
def stub_extract(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Claim finding replaced by a stub that finds 500 candidates and reports progress."""
    runs: list[int] = []

    def extract(
        article: Article,
        *,
        progress: Callable[[int, int], None] | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> list[Claim]:
        runs.append(1)
        for done in range(1, 6):
            if progress is not None:
                progress(done, 5)
        return candidates(article)

    monkeypatch.setattr(library, "extract", extract)
    return runs


def test_only_the_best_300_are_stored_and_the_other_200_counted(memory_store, stub_extract) -> None:
    result = import_pasted(memory_store, TEXT, title="A long report")
    stored = [rc.claim for rc in memory_store.claims_for(result.article.id)]
    assert len(stored) == DEFAULT_MAX_CLAIMS == 300
    best = sorted((score_of(i) for i in range(SENTENCES)), reverse=True)
    assert sorted((c.score for c in stored), reverse=True) == best[:300]
    left = left_out(memory_store, result.article.id)
    assert left is not None and left == result.left_out
    assert (left.count, left.limit) == (200, 300)
    assert left.best_score == best[300] < left.lowest_kept == best[299]
    assert "200 more candidates scoring 0.40 or less were not kept" in left.message()
    assert "Claims kept per article" in left.message()


def test_the_setting_and_keep_choose_how_many(memory_store, stub_extract) -> None:
    memory_store.set_setting(MAX_CLAIMS_SETTING, 50)
    first = import_pasted(memory_store, TEXT, title="Report")
    assert len(first.claims) == 50 and first.left_out and first.left_out.count == 450
    second = import_pasted(memory_store, TEXT + "\n\nMore.", title="Report 2", keep=500)
    assert len(second.claims) == 500 and second.left_out is None
    assert left_out(memory_store, second.article.id) is None


def test_finding_again_adds_the_next_best_and_keeps_verdicts(memory_store, stub_extract) -> None:
    article = import_pasted(memory_store, TEXT, title="Report").article
    top = max(memory_store.claims_for(article.id), key=lambda rc: rc.claim.score).claim
    ana = memory_store.add_reviewer("Ana")
    memory_store.save_verdict(top.id, ana.id, Judgement("False", rationale="The figure is 3%."))
    memory_store.dismiss_claim(memory_store.claims_for(article.id)[0].claim.id)

    result = find_claims_again(memory_store, article.id, keep=450)
    assert (len(result.added), result.kept) == (150, 300)
    assert result.left_out is not None and result.left_out.count == 50
    claims = memory_store.claims_for(article.id)
    assert len(claims) == 450
    assert len({(rc.claim.start, rc.claim.end) for rc in claims}) == 450  # no claim twice
    kept = next(rc for rc in claims if rc.claim.id == top.id)
    assert kept.verdicts[0].rationale == "The figure is 3%."
    assert sum(rc.claim.state is ClaimState.DISMISSED for rc in claims) == 1

    everything = find_claims_again(memory_store, article.id, keep=1000)
    assert len(everything.added) == 50 and everything.left_out is None
    assert left_out(memory_store, article.id) is None
    assert find_claims_again(memory_store, article.id, keep=1000).added == []


def test_a_claim_the_reviewer_moved_is_not_found_twice() -> None:
    article = Article(text=TEXT, title="Report")
    found = candidates(article)[:3]
    moved = Claim(
        article_id=article.id,
        start=found[0].start + 6,
        end=found[0].end - 1,
        quote=TEXT[found[0].start + 6 : found[0].end - 1],
    )
    choice = choose_claims(found, 10, [moved])
    assert [c.quote for c in choice.new] == [c.quote for c in found[1:]]


def test_the_desk_keeps_the_best_and_never_adds_a_claim_twice(memory_store) -> None:
    desk = Desk(memory_store)
    desk.set_setting(MAX_CLAIMS_SETTING, 100)
    article = desk.save_article(read_pasted(TEXT, title="Report"))
    assert article.id in desk.pending()
    added = desk.save_found_claims(article.id, candidates(article))
    assert len(added) == 100 and article.id not in desk.pending()
    assert desk.left_out(article.id).startswith("400 more candidates scoring")
    assert desk.save_found_claims(article.id, candidates(article)) == []
    desk.set_setting(MAX_CLAIMS_SETTING, 500)
    assert len(desk.save_found_claims(article.id, candidates(article))) == 400
    assert desk.left_out(article.id) is None
    assert len(desk.claims(article.id)) == 500


def test_stopping_while_claims_are_found_saves_nothing(memory_store, stub_extract) -> None:
    def press_ctrl_c(done: int, total: int) -> None:
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_pasted(memory_store, TEXT, title="Report", progress=press_ctrl_c)
    assert memory_store.list_articles() == []
    assert memory_store.query("SELECT count(*) AS n FROM claims")[0]["n"] == 0


@pytest.mark.parametrize("value", [0, -5, 10_001, 2.5, "300", True, None])
def test_claims_kept_per_article_must_be_a_sensible_whole_number(value: object) -> None:
    with pytest.raises(InvalidInputError, match="Claims kept per article"):
        check_setting(MAX_CLAIMS_SETTING, value)
    assert check_setting(MAX_CLAIMS_SETTING, 1200) == 1200
