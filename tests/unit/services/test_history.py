"""The history in words: every change the store logs reads as a sentence, with who and when."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from workbench.model import Claim, Judgement
from workbench.services.history import (
    HistoryLine,
    article_history,
    claim_history,
    format_when,
    history_for,
)
from workbench.services.history_words import WORDINGS, describe
from workbench.services.library import import_pasted
from workbench.store import NotFoundError

ROOT = Path(__file__).resolve().parents[3]
SOURCE = {"title": "CPI table", "url": "https://example.org/cpi", "verdict_id": "v1"}
FINAL = {"claim_id": "c1", "rating": "False", "note": "", "editor": "Ana Lima"}
CLAIM = {"claim": "Crime fell", "quote": "Crime fell", "speaker": None, "state": "open"}
CLAIM |= {"kind": "quantity", "origin": "auto", "start": 0, "end": 10, "number": 6}


def event(action: str, entity: str, before=None, after=None, entity_id: str = "x1") -> dict:
    return {
        "action": action,
        "entity": entity,
        "before": before,
        "after": after,
        "entity_id": entity_id,
    }


#: One logged change of each pair, and the words it must read as.
CASES = [
    (
        event("import", "article", after={"title": "Council roads", "source": "roads.txt"}),
        "imported the article “Council roads” from “roads.txt”",
    ),
    (event("extract", "article", after={"claims": 8}), "found 8 claims in the article"),
    (
        event("edit", "article", {"outlet": "Reuters_Co_Uk"}, {"outlet": "Reuters"}),
        "changed the outlet from “Reuters_Co_Uk” to “Reuters”",
    ),
    (
        event(
            "edit",
            "article",
            {"published": None, "summary": ""},
            {"published": "2026-03-12", "summary": "Two claims hold."},
        ),
        "set the date to “12 Mar 2026”; wrote the summary",
    ),
    (event("delete", "article", before={"title": "Council roads"}), "deleted the article"),
    (event("add", "claim", after=CLAIM | {"origin": "manual"}), "marked it as a claim"),
    (event("update", "claim", CLAIM, CLAIM | {"state": "dismissed"}), "dismissed it"),
    (
        event(
            "update", "claim", CLAIM | {"speaker": "company"}, CLAIM | {"speaker": "J.P. Morgan"}
        ),
        "changed the claimant from “company” to “J.P. Morgan”",
    ),
    (
        event(
            "update", "claim", CLAIM, CLAIM | {"claim": "Crime fell by 12%", "kind": "prediction"}
        ),
        "reworded it to “Crime fell by 12%” (was: “Crime fell”); "
        "changed the kind from Quantity to Prediction",
    ),
    (
        event(
            "update",
            "claim",
            CLAIM,
            CLAIM | {"claimant_type": "organisation", "said_on": "2026-03-02"},
        ),
        "recorded the claimant as an organisation; recorded it was said on 2 Mar 2026",
    ),
    (event("delete", "claim", before=CLAIM), "deleted it"),
    (event("restore", "claim", after=CLAIM), "undid the deletion"),
    (
        event(
            "add", "verdict", after={"rating": "Mostly true", "confidence": 0.8, "rationale": "x"}
        ),
        "rated it Mostly true, confidence 80%, with a rationale",
    ),
    (
        event("add", "verdict", after={"rating": None, "rationale": "Asking the ONS"}),
        "started a verdict (in progress), with a rationale",
    ),
    (
        event(
            "update",
            "verdict",
            {"rating": None, "rationale": ""},
            {"rating": "Mostly true", "rationale": ""},
        ),
        "rated it Mostly true (was: in progress)",
    ),
    (
        event(
            "update",
            "verdict",
            {"rating": "True", "rationale": "a", "confidence": 0.5},
            {"rating": None, "rationale": "b", "confidence": 0.9},
        ),
        "took back the rating True (now in progress); edited the rationale; "
        "set the confidence to 90% (was: 50%)",
    ),
    (event("delete", "verdict", before={"rating": "False"}), "removed the verdict (False)"),
    (
        event("restore", "verdict", after={"rating": "False"}),
        "undid the removal of the verdict (False)",
    ),
    (event("add", "source", after=SOURCE), "added a source “CPI table”"),
    (
        event("update", "source", SOURCE, SOURCE | {"title": "CPI 2025", "quote": "up 3%"}),
        "edited the source “CPI 2025” (was: “CPI table”): quoted passage",
    ),
    (event("delete", "source", before=SOURCE), "removed the source “CPI table”"),
    (
        event("restore", "source", after=SOURCE | {"title": ""}),
        "put back the source “https://example.org/cpi”",
    ),
    (event("add", "reviewer", after={"name": "Ana Lima"}), "joined as reviewer “Ana Lima”"),
    (
        event("set", "setting", entity_id="organisation_name"),
        "changed the setting “organisation_name”",
    ),
    (
        event("restore", "database", after={"backup": "desk-2026-03-12.sqlite3"}),
        "put back the backup “desk-2026-03-12.sqlite3”",
    ),
    (event("add", "final_verdict", after=FINAL), "gave the final verdict False"),
    (
        event("update", "final_verdict", FINAL, FINAL | {"rating": "Half true"}),
        "changed the final verdict to Half true (was: False)",
    ),
    (event("delete", "final_verdict", before=FINAL), "removed the final verdict False"),
    (event("restore", "final_verdict", after=FINAL), "put back the final verdict False"),
]


@pytest.mark.parametrize(
    ("logged", "words"), CASES, ids=[f"{c[0]['action']}-{c[0]['entity']}" for c in CASES]
)
def test_each_logged_change_reads_as_a_sentence(logged: dict, words: str) -> None:
    assert describe(logged) == words


def test_every_pair_has_a_case_and_an_unknown_one_still_reads() -> None:
    assert {(c[0]["action"], c[0]["entity"]) for c in CASES} == set(WORDINGS)
    assert describe(event("frobnicate", "claim")) == "made a change to the claim (frobnicate)"


def test_a_merge_conflict_says_which_version_stands_and_what_differed() -> None:
    merged = event("merge", "verdict", {"rating": "False"}, {"rating": "True"})
    assert describe(merged) == (
        "merged two versions of the verdict edited on different computers: the newer one "
        "stands, the other is kept in this history (rating differed)"
    )


def test_a_dismissal_says_why() -> None:
    dismissed = CLAIM | {"state": "dismissed", "dismissed_reason": "An opinion"}
    assert describe(event("update", "claim", CLAIM, dismissed)) == "dismissed it (An opinion)"


def test_every_change_the_program_logs_has_its_wording() -> None:
    """The actions and entities written by each ``log(...)`` call, found in the source."""
    call = re.compile(
        r"\.log\(\s*(?P<action>\"[a-z_]+\"(?:\s+if\s+\w+\s+else\s+\"[a-z_]+\")?)\s*,\s*\"(?P<entity>[a-z_]+)\""
    )
    logged = set()
    for path in (ROOT / "workbench").rglob("*.py"):
        for found in call.finditer(path.read_text(encoding="utf-8")):
            for action in re.findall(r"\"([a-z_]+)\"", found["action"]):
                logged.add((action, found["entity"]))
    assert ("restore", "source") in logged and ("import", "article") in logged
    assert logged <= set(WORDINGS), sorted(logged - set(WORDINGS))


def test_a_line_reads_with_its_date_who_and_claim() -> None:
    line = HistoryLine(
        at="2026-03-12T14:05:09", who="Ana Lima", what="dismissed it", claim_number=6
    )
    assert line.text() == "12 Mar 2026 14:05 · Claim 6 · Ana Lima dismissed it"
    nobody = HistoryLine(at="2026-03-12T14:05:09", who="", what="imported the article “X”", times=2)
    assert nobody.text() == "12 Mar 2026 14:05 · Imported the article “X” (2 times)"
    moment = datetime(2026, 3, 12, 14, 5, tzinfo=UTC)
    assert format_when(moment.isoformat()) == f"{moment.astimezone():%-d %b %Y %H:%M}"
    assert format_when("spring") == "spring"


# -- through a real database ------------------------------------------------------------------
TEXT = "The council spent £2m on roads in 2023. Crime fell by 12 percent last year."


@pytest.fixture
def desk(memory_store):
    article = import_pasted(memory_store, TEXT, title="Council roads", run_extraction=False).article
    quote = "Crime fell by 12 percent last year"
    start = TEXT.index(quote)
    claim = Claim(article_id=article.id, start=start, end=start + len(quote), quote=quote)
    memory_store.add_claims(article.id, [claim])
    return memory_store, article, claim, memory_store.add_reviewer("Ana Lima")


def test_a_claims_history_tells_the_research_then_the_rating(desk) -> None:
    store, _, claim, ana = desk
    draft = store.save_verdict(claim.id, ana.id, Judgement(rating=None, rationale="ONS figures"))
    source = store.add_source(draft.id, title="CPI table")
    for wording in ("ONS figures sa", "ONS figures say 11.8%"):  # saved as it was typed
        store.save_verdict(claim.id, ana.id, Judgement(rating=None, rationale=wording))
    store.save_verdict(claim.id, ana.id, Judgement(rating="Mostly true", rationale=wording))
    store.update_claim(claim.id, speaker="company", reviewer_id=ana.id)
    removed, data = store.remove_source(source.id)
    store.undelete_source(removed, data)
    reviewed, attachments = store.delete_claim(claim.id, reviewer_id=ana.id)
    store.undelete_claim(reviewed, attachments, reviewer_id=ana.id)

    history = claim_history(store, claim.id)

    assert history.title == "Claim 1: “Crime fell by 12 percent last year”"
    assert [line.sentence for line in history.lines] == [
        "Claim finding found it in the article",
        "Ana Lima started a verdict (in progress), with a rationale",
        "Ana Lima added a source “CPI table”",
        "Ana Lima edited the rationale (2 times)",
        "Ana Lima rated it Mostly true (was: in progress)",
        "Ana Lima set the claimant to “company”",
        "Ana Lima removed the source “CPI table”",
        "Ana Lima put back the source “CPI table”",
        "Ana Lima deleted it",
        "Ana Lima undid the deletion",
    ]


def test_an_articles_history_numbers_each_claims_lines(desk) -> None:
    store, article, claim, ana = desk
    store.dismiss_claim(claim.id, reviewer_id=ana.id)
    store.update_article(article.id, title="Council roads, checked", reviewer_id=ana.id)

    history = article_history(store, article.id)

    assert history.title == "Council roads, checked"
    assert [line.text().split(" · ", 1)[1] for line in history.lines] == [
        "Imported the article “Council roads”",
        "Claim 1 · Claim finding found it in the article",
        "Claim 1 · Ana Lima dismissed it",
        "Ana Lima changed the title from “Council roads” to “Council roads, checked”",
    ]
    data = history.to_dict()
    assert data["kind"] == "article" and data["events"][2]["claim_number"] == 1


def test_claims_found_one_after_another_are_one_line(memory_store) -> None:
    article = import_pasted(memory_store, TEXT, title="Roads", run_extraction=False).article
    claims = [
        Claim(article_id=article.id, start=TEXT.index(q), end=TEXT.index(q) + len(q), quote=q)
        for q in ("The council spent £2m", "Crime fell by 12 percent")
    ]
    memory_store.add_claims(article.id, claims)
    lines = article_history(memory_store, article.id).lines
    assert [line.sentence for line in lines][-1] == "Claim finding found 2 claims in the article"


def test_a_reference_finds_a_claim_or_an_article_by_the_start_of_its_id(desk) -> None:
    store, article, claim, _ = desk
    assert history_for(store, claim.id[:8]).kind == "claim"
    assert history_for(store, article.id[:8]).id == article.id
    with pytest.raises(NotFoundError, match="no claim or article"):
        history_for(store, "zzzzzzzz")
    with pytest.raises(NotFoundError, match="too short"):
        history_for(store, "ab")
