"""The audit log read back per claim and per article, through the ids it records."""

from __future__ import annotations

from workbench.model import Claim, Judgement
from workbench.services.library import import_pasted

TEXT = "The council spent £2m on roads in 2023. Crime fell by 12 percent last year."


def _desk(store):
    article = import_pasted(store, TEXT, title="Council roads", run_extraction=False).article
    claims = []
    for quote in ("The council spent £2m on roads in 2023", "Crime fell by 12 percent last year"):
        start = TEXT.index(quote)
        claims.append(
            Claim(article_id=article.id, start=start, end=start + len(quote), quote=quote)
        )
    store.add_claims(article.id, claims)
    return article, claims, store.add_reviewer("Ana Lima")


def _pairs(events) -> list[tuple[str, str]]:
    return [(e["action"], e["entity"]) for e in events]


def test_a_claims_history_holds_its_verdicts_and_sources_even_once_removed(memory_store) -> None:
    _, (roads, crime), ana = _desk(memory_store)
    verdict = memory_store.save_verdict(roads.id, ana.id, Judgement(rating="True"))
    source = memory_store.add_source(verdict.id, title="Budget table")
    memory_store.remove_source(source.id)
    memory_store.delete_verdict(verdict.id)
    memory_store.save_verdict(crime.id, ana.id, Judgement(rating="False"))  # another claim

    events = memory_store.claim_events(roads.id)

    assert _pairs(events) == [
        ("add", "claim"),
        ("add", "verdict"),
        ("add", "source"),
        ("delete", "source"),
        ("delete", "verdict"),
    ]
    assert {e["claim_id"] for e in events} == {roads.id}
    assert events[1]["reviewer"] == "Ana Lima" and events[1]["after"]["rating"] == "True"
    # A source's change is made by the owner of its verdict, even when the log names nobody.
    assert events[3]["reviewer"] is None and events[3]["owner"] == "Ana Lima"
    assert events[0]["claim_number"] == roads.number == 1


def test_a_sources_events_name_its_verdict(memory_store) -> None:
    _, (roads, _), ana = _desk(memory_store)
    verdict = memory_store.save_verdict(roads.id, ana.id, Judgement(rating="True"))
    source = memory_store.add_source(verdict.id, url="https://example.org/budget")
    removed, data = memory_store.remove_source(source.id)
    memory_store.undelete_source(removed, data)

    logged = memory_store.events_for("source", source.id)
    assert [e["action"] for e in logged] == ["add", "delete", "restore"]
    assert all(verdict.id in (e["after"] or e["before"]) for e in logged)


def test_an_articles_history_holds_each_claims_even_a_deleted_one(memory_store) -> None:
    article, (roads, crime), ana = _desk(memory_store)
    memory_store.dismiss_claim(crime.id, reviewer_id=ana.id)
    memory_store.save_verdict(roads.id, ana.id, Judgement(rating=None, rationale="Asking"))
    memory_store.delete_claim(roads.id, reviewer_id=ana.id)

    events = memory_store.article_events(article.id)

    assert _pairs(events) == [
        ("import", "article"),
        ("add", "claim"),
        ("add", "claim"),
        ("update", "claim"),
        ("add", "verdict"),
        ("delete", "claim"),
    ]
    assert events[0]["claim_id"] is None
    assert [e["claim_id"] for e in events[3:]] == [crime.id, roads.id, roads.id]
    # The deleted claim is still known by what its events recorded.
    assert memory_store.claim_record(roads.id)["number"] == 1
    assert memory_store.claim_record("no-such-claim") is None


def test_another_articles_changes_stay_out(memory_store) -> None:
    first, _, ana = _desk(memory_store)
    other = import_pasted(memory_store, "Another text.", title="Other", run_extraction=False)
    memory_store.update_article(other.article.id, title="Renamed", reviewer_id=ana.id)
    assert _pairs(memory_store.article_events(first.id)) == [
        ("import", "article"),
        ("add", "claim"),
        ("add", "claim"),
    ]
