"""Correcting a claim record: checked before writing, the finder's reading kept, all logged."""

from __future__ import annotations

import json

import pytest

from workbench.model import ClaimantType, ClaimKind, ClaimOrigin
from workbench.services.claim_record import edit_claim, parse_said_on, put_record, record_of
from workbench.services.library import import_pasted, mark_claim
from workbench.store import InvalidInputError

TEXT = (
    "Acme Corp. reported a loss of $4 million for the quarter on Tuesday.\n\n"
    "Retail sales fell 8 percent from a year earlier, the company said."
)


@pytest.fixture
def found(memory_store, claim_at):
    """A claim as the finder stored it: “company” as a person, the kind it guessed."""
    article = import_pasted(memory_store, TEXT, title="Acme", run_extraction=False).article
    claim = claim_at(
        article.id,
        TEXT,
        "Retail sales fell 8 percent from a year earlier",
        speaker="company",
        claimant_type=ClaimantType.PERSON,
        kind=ClaimKind.OTHER,
    )
    [stored] = memory_store.add_claims(article.id, [claim])
    return stored


def claim_events(store, claim_id):
    rows = store.query(
        "SELECT before, after FROM events WHERE entity = 'claim' AND action = 'update'"
        " AND entity_id = ? ORDER BY id",
        [claim_id],
    )
    return [(json.loads(r["before"]), json.loads(r["after"])) for r in rows]


def test_the_whole_record_is_corrected_and_logged(memory_store, found):
    edited = edit_claim(
        memory_store,
        found.id,
        speaker="Acme Corp.",
        claimant_type="organisation",
        said_on="12 March 2024",
        said_where="quarterly results statement",
        kind="quantity",
    )
    again = memory_store.get_claim(found.id)
    assert again == edited
    assert (again.speaker, again.claimant_type) == ("Acme Corp.", ClaimantType.ORGANISATION)
    assert (again.said_on, again.said_where, again.kind) == (
        "2024-03-12",
        "quarterly results statement",
        ClaimKind.QUANTITY,
    )
    [(before, after)] = claim_events(memory_store, found.id)
    assert (before["speaker"], after["speaker"]) == ("company", "Acme Corp.")
    assert after["said_on"] == "2024-03-12"


def test_the_first_correction_keeps_the_finders_reading(memory_store, found):
    edit_claim(memory_store, found.id, speaker="Acme Corp.", claimant_type="organisation")
    edit_claim(memory_store, found.id, kind="quantity")
    guess = memory_store.get_claim(found.id).guess
    assert guess == {
        "claim": found.claim,
        "speaker": "company",
        "claimant_type": "person",
        "kind": "other_factual",
    }


def test_a_claim_marked_by_hand_keeps_no_finders_reading(memory_store, found):
    marked = mark_claim(memory_store, found.article_id, 0, 10, find_claimant=False)
    assert marked.origin is ClaimOrigin.MANUAL
    assert edit_claim(memory_store, marked.id, said_where="Tuesday briefing").guess is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"claim": "   "}, "cannot be empty"),
        ({"said_on": "31 February 2024"}, "is not a real date"),
        ({"claimant_type": "robot"}, "not a kind of claimant"),
        ({"kind": "gossip"}, "not a kind of claim"),
    ],
)
def test_a_field_that_cannot_be_saved_changes_nothing(memory_store, found, changes, message):
    with pytest.raises(InvalidInputError, match=message):
        edit_claim(memory_store, found.id, speaker="Acme Corp.", **changes)
    assert memory_store.get_claim(found.id) == found
    assert claim_events(memory_store, found.id) == []


def test_an_empty_claimant_clears_the_name_and_its_type(memory_store, found):
    cleared = edit_claim(memory_store, found.id, speaker="")
    assert (cleared.speaker, cleared.claimant_type) == (None, None)


def test_another_claimant_does_not_inherit_the_old_ones_type(memory_store, found):
    acme = edit_claim(memory_store, found.id, speaker="Acme Corp.", claimant_type="organisation")
    assert acme.claimant_type is ClaimantType.ORGANISATION
    smith = edit_claim(memory_store, found.id, speaker="John Smith")
    assert (smith.speaker, smith.claimant_type) == ("John Smith", None)


def test_a_type_without_a_claimant_is_refused(memory_store, found):
    with pytest.raises(InvalidInputError, match="claimant's name"):
        edit_claim(memory_store, found.id, speaker="", claimant_type="person")


def test_changing_nothing_writes_nothing(memory_store, found):
    edit_claim(memory_store, found.id, speaker="company", kind="other_factual")
    assert claim_events(memory_store, found.id) == []
    assert memory_store.get_claim(found.id).guess is None


def test_put_record_brings_back_the_record_finders_reading_included(memory_store, found):
    before = record_of(found)
    edit_claim(memory_store, found.id, speaker="Acme Corp.", claimant_type="organisation")
    put_record(memory_store, found.id, before)
    assert memory_store.get_claim(found.id) == found


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("2024-03-12", "2024-03-12"),
        ("12 March 2024", "2024-03-12"),
        ("March 12, 2024", "2024-03-12"),
        ("12 Mar 2024", "2024-03-12"),
        ("March 2024", "2024-03"),
        ("2024", "2024"),
        ("", None),
    ],
)
def test_dates_are_typed_as_text(typed, stored):
    assert parse_said_on(typed) == stored


@pytest.mark.slow
def test_a_claim_marked_by_hand_gets_its_claimant(memory_store, found):
    start = TEXT.index("Retail sales")
    marked = mark_claim(memory_store, found.article_id, start, start + 27)
    assert (marked.speaker, marked.claimant_type) == ("Acme Corp.", ClaimantType.ORGANISATION)
