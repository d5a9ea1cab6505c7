"""ClaimReview JSON-LD against a JSON Schema of the required and recommended fields."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from workbench.report import ExportError, ReportOptions, build_report
from workbench.report.claimreview import claim_reviews, export_notes, render_claimreview

SCHEMA = json.loads((Path(__file__).parent / "claimreview.schema.json").read_text("utf-8"))


def test_claimreviews_pass_the_schema(report) -> None:
    items = json.loads(render_claimreview(report))
    jsonschema.validate(items, SCHEMA)
    assert len(items) == 2


def test_fields_follow_the_verdict_and_settings(report) -> None:
    first, unproven = json.loads(render_claimreview(report))
    assert first["url"] == "https://check.example.org/reports/kerry#claim-1"
    assert first["claimReviewed"] == "met with Russian President Vladimir Putin on Tuesday"
    assert first["author"] == {
        "@type": "Organization",
        "name": "The Daily Check",
        "url": "https://check.example.org",
    }
    rating = first["reviewRating"]
    assert (rating["alternateName"], rating["ratingValue"]) == ("True", 5)
    assert (rating["bestRating"], rating["worstRating"]) == (5, 1)
    assert "Verdict" not in first["claimReviewed"]
    appearance = first["itemReviewed"]["appearance"][0]
    assert appearance["url"] == "https://news.example.com/kerry-putin"
    assert first["itemReviewed"]["datePublished"] == "2015-12-15"
    # "Unproven" has no number on the scale: the label is published without a value.
    assert unproven["reviewRating"]["alternateName"] == "Unproven"
    assert "ratingValue" not in unproven["reviewRating"]
    assert unproven["itemReviewed"]["author"]["name"] == "The minister & <Co>"


def test_disputed_claims_are_left_out_and_named(report) -> None:
    result = claim_reviews(report)
    assert result.disputed == [2]
    assert all(not item["url"].endswith("#claim-2") for item in result.items)


def test_one_reviewer_publishes_their_verdicts(seeded) -> None:
    store, article, _ = seeded
    options = ReportOptions(reviewers=("Tom Okafor",), base_url="https://c.example.org/r")
    items = json.loads(render_claimreview(build_report(store, article.id, options)))
    assert [i["reviewRating"]["alternateName"] for i in items] == ["True", "False", "Unproven"]
    # Without an organisation the reviewer signs the review.
    assert items[0]["author"] == {"@type": "Person", "name": "Tom Okafor"}
    jsonschema.validate(items, SCHEMA)


def test_without_a_report_address_it_says_what_to_set(seeded) -> None:
    store, article, _ = seeded
    with pytest.raises(ExportError, match="report-settings --base-url"):
        render_claimreview(build_report(store, article.id, ReportOptions()))


def _record(store, claim_id: str, **fields: object) -> None:
    """Correct a claim's record in the file (the claim editor's work, done directly here)."""
    sets = ", ".join(f"{name} = ?" for name in fields)
    with store.write() as db:
        db.execute(f"UPDATE claims SET {sets} WHERE id = ?", [*fields.values(), claim_id])


def _items(store, article) -> list[dict]:
    options = ReportOptions(base_url="https://c.example.org/r", reviewers=("Tom Okafor",))
    return json.loads(render_claimreview(build_report(store, article.id, options)))


def test_a_claim_without_a_claimant_has_no_author(seeded) -> None:
    store, article, _ = seeded
    first = _items(store, article)[0]
    # The article's reporter did not make the claim: no author rather than the wrong one.
    assert "author" not in first["itemReviewed"]
    assert first["itemReviewed"]["appearance"][0]["author"]["name"] == "Jane Writer"


def test_the_claimant_is_a_person_or_an_organisation_from_the_record(seeded) -> None:
    store, article, claims = seeded
    _record(store, claims[0].id, speaker="J.P. Morgan", claimant_type="organisation")
    _record(store, claims[1].id, speaker="company")
    items = _items(store, article)
    assert items[0]["itemReviewed"]["author"] == {"@type": "Organization", "name": "J.P. Morgan"}
    assert items[2]["itemReviewed"]["author"] == {"@type": "Person", "name": "The minister & <Co>"}
    # A claimant whose kind the record does not give is not guessed; the export says so.
    assert "author" not in items[1]["itemReviewed"]
    options = ReportOptions(base_url="https://c.example.org/r", reviewers=("Tom Okafor",))
    notes = export_notes(build_report(store, article.id, options))
    assert any("claim(s) 2" in note and "person or an organisation" in note for note in notes)
    jsonschema.validate(items, SCHEMA)


def test_when_and_where_the_claim_was_made(seeded) -> None:
    store, article, claims = seeded
    _record(store, claims[0].id, said_on="2015-12-14", said_where="https://tv.example.org/clip")
    _record(store, claims[1].id, said_where="Press briefing in Moscow")
    first, second, third = _items(store, article)
    assert first["itemReviewed"]["datePublished"] == "2015-12-14"
    assert first["itemReviewed"]["firstAppearance"] == {
        "@type": "CreativeWork",
        "url": "https://tv.example.org/clip",
        "datePublished": "2015-12-14",
    }
    assert second["itemReviewed"]["datePublished"] == "2015-12-15"
    assert second["itemReviewed"]["firstAppearance"] == {
        "@type": "CreativeWork",
        "name": "Press briefing in Moscow",
    }
    assert "firstAppearance" not in third["itemReviewed"]
    jsonschema.validate([first, second, third], SCHEMA)


def test_a_claim_known_to_the_month_keeps_that_date(seeded) -> None:
    store, article, claims = seeded
    _record(store, claims[0].id, said_on="2015-11")
    first, *_ = _items(store, article)
    assert first["itemReviewed"]["datePublished"] == "2015-11"  # not the article's date
