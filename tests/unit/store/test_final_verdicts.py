"""An editor's final verdict: one per claim, on the scale, logged, and carried with the claims."""

from __future__ import annotations

import json

import pytest

from workbench.model import Article, Block, BlockKind, Claim, Judgement
from workbench.store import InvalidInputError, NotFoundError, Store, open_store

TEXT = "Prices rose 5% in May. The mayor said so. Crime fell by half."


@pytest.fixture
def store():
    s = open_store(None)
    yield s
    s.close()


def _setup(store: Store) -> tuple[str, list[str], str, str]:
    article = store.add_article(
        Article(text=TEXT, title="Prices", blocks=[Block(BlockKind.BODY, 0, len(TEXT))])
    )
    claims = []
    for quote in ("Prices rose 5% in May.", "Crime fell by half."):
        start = TEXT.index(quote)
        claims.append(
            Claim(article_id=article.id, start=start, end=start + len(quote), quote=quote)
        )
    store.add_claims(article.id, claims)
    return (
        article.id,
        [c.id for c in claims],
        store.add_reviewer("Ana").id,
        store.add_reviewer("Ben").id,
    )


def _events(store: Store) -> list[dict]:
    return store.query("SELECT * FROM events WHERE entity = 'final_verdict' ORDER BY id")


def test_a_final_verdict_is_stored_on_the_scale_and_logged(store) -> None:
    _, (claim, _), ana, _ = _setup(store)
    final = store.set_final_verdict(
        claim, "  mostly FALSE ", editor_id=ana, note="  Both half right. "
    )
    assert (final.rating, final.rating_value, final.note) == ("Mostly false", 2, "Both half right.")
    assert final.editor_name == "Ana"
    assert store.final_verdict_for(claim) == final
    [event] = _events(store)
    assert (event["action"], event["entity_id"], event["reviewer_id"]) == ("add", final.id, ana)
    after = json.loads(event["after"])
    assert after["claim_id"] == claim and after["rating"] == "Mostly false"
    assert event["before"] is None


def test_replacing_keeps_one_row_and_logs_before_and_after(store) -> None:
    _, (claim, _), ana, ben = _setup(store)
    first = store.set_final_verdict(claim, "False", editor_id=ana)
    second = store.set_final_verdict(claim, "Half true", editor_id=ben, note="New figures.")
    assert second.id == first.id and second.created_at == first.created_at
    assert store.db["final_verdicts"].count == 1
    assert store.final_verdict_for(claim).editor_name == "Ben"  # type: ignore[union-attr]
    update = _events(store)[-1]
    assert update["action"] == "update"
    assert json.loads(update["before"])["rating"] == "False"
    assert json.loads(update["after"])["rating"] == "Half true"


def test_the_same_verdict_again_changes_nothing(store) -> None:
    _, (claim, _), ana, _ = _setup(store)
    store.set_final_verdict(claim, "False", editor_id=ana, note="x")
    store.set_final_verdict(claim, "false", editor_id=ana, note=" x ")
    assert len(_events(store)) == 1


@pytest.mark.parametrize(
    ("rating", "editor", "claim", "error", "words"),
    [
        ("Pants on fire", "ana", "claim", InvalidInputError, "not on this database's rating scale"),
        ("", "ana", "claim", InvalidInputError, "nothing was changed"),
        ("False", "nobody", "claim", NotFoundError, "no reviewer"),
        ("False", "ana", "missing", NotFoundError, "no claim"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(
    store, rating, editor, claim, error, words
) -> None:
    _, (claim_id, _), ana, _ = _setup(store)
    ids = {"ana": ana, "nobody": "no-such-reviewer", "claim": claim_id, "missing": "no-such-claim"}
    events = store.query("SELECT count(*) AS n FROM events")[0]["n"]
    with pytest.raises(error, match=words):
        store.set_final_verdict(ids[claim], rating, editor_id=ids[editor])
    assert store.db["final_verdicts"].count == 0
    assert store.query("SELECT count(*) AS n FROM events")[0]["n"] == events


def test_a_note_too_long_is_refused(store) -> None:
    _, (claim, _), ana, _ = _setup(store)
    with pytest.raises(InvalidInputError, match="Nothing was changed"):
        store.set_final_verdict(claim, "False", editor_id=ana, note="x" * 20_001)
    assert store.final_verdict_for(claim) is None


def test_clear_and_put_back_restore_exactly(store) -> None:
    _, (claim, _), ana, _ = _setup(store)
    final = store.set_final_verdict(claim, "True", editor_id=ana, note="Checked.")
    removed = store.clear_final_verdict(claim, reviewer_id=ana)
    assert removed == final and store.final_verdict_for(claim) is None
    assert _events(store)[-1]["action"] == "delete"
    assert store.clear_final_verdict(claim) is None  # nothing left: nothing logged
    store.put_final_verdict(claim, removed)
    assert store.final_verdict_for(claim) == final
    assert _events(store)[-1]["action"] == "restore"


def test_claims_for_carries_the_final_verdict_and_who_dismissed(store) -> None:
    article_id, (first, second), ana, ben = _setup(store)
    store.save_verdict(first, ana, Judgement("True"))
    store.save_verdict(first, ben, Judgement("False"))
    assert store.claims_for(article_id)[0].needs_final
    store.set_final_verdict(first, "Half true", editor_id=ana)
    store.dismiss_claim(second, reviewer_id=ben, reason="Not worth checking")
    one, two = store.claims_for(article_id)
    assert one.final is not None and one.final.rating == "Half true"
    assert one.disagreement and not one.needs_final
    assert two.final is None and two.dismissed_by_name == "Ben"
    assert one.to_dict()["final_verdict"]["editor"] == "Ana"  # type: ignore[index]
    assert [f.claim_id for f in store.final_verdicts_for(article_id)] == [first]


def test_deleting_the_claim_takes_its_final_verdict(store) -> None:
    _, (claim, _), ana, _ = _setup(store)
    store.set_final_verdict(claim, "True", editor_id=ana)
    store.delete_claim(claim)
    assert store.db["final_verdicts"].count == 0
