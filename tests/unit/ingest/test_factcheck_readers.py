"""Reading fact-check files for the library: every form a newsroom receives them in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.ingest.errors import IngestError
from workbench.ingest.factchecks import BadItem, FactCheckRecord, read_factchecks, record_key


def review(n: int, **extra: object) -> dict[str, object]:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://checks.example.org/{n}",
        "claimReviewed": f"Claim number {n} about the budget",
        "datePublished": "2024-03-01",
        "author": {"@type": "Organization", "name": "Full Check"},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": "False",
            "ratingValue": "1",
            "bestRating": 5,
            "worstRating": 1,
        },
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "A. Minister"}},
        **extra,
    }


def records(path: Path) -> list[FactCheckRecord]:
    return [i for i in read_factchecks(path) if isinstance(i, FactCheckRecord)]


def write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_single_object_reads_every_field(tmp_path: Path) -> None:
    [r] = records(write(tmp_path, "one.json", review(1)))
    assert r.claim == "Claim number 1 about the budget"
    assert (r.rating, r.rating_value, r.rating_best, r.rating_worst) == ("False", 1.0, 5.0, 1.0)
    assert (r.publisher, r.claimant, r.claimant_type) == ("Full Check", "A. Minister", "person")
    assert (r.url, r.published) == ("https://checks.example.org/1", "2024-03-01")


@pytest.mark.parametrize(
    "wrap",
    [
        lambda items: items,
        lambda items: {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, *items]},
        lambda items: {
            "@type": "DataFeed",
            "dataFeedElement": [{"@type": "DataFeedItem", "item": items}],
        },
        lambda items: {"@type": "DataFeed", "dataFeedElement": [{"item": i} for i in items]},
    ],
    ids=["array", "graph", "datafeed-list", "datafeed-single"],
)
def test_containers(tmp_path: Path, wrap) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "feed.jsonld", wrap([review(1), review(2)]))
    assert [r.url for r in records(path)] == [
        "https://checks.example.org/1",
        "https://checks.example.org/2",
    ]


def test_saved_page_script_blocks(tmp_path: Path) -> None:
    page = (
        "<html><head><script type='application/ld+json'>"
        + json.dumps(review(1))
        + "</script><script type='Application/LD+JSON'>{broken</script>"
        "<script>var x = 1;</script></head><body>Text</body></html>"
    )
    items = list(read_factchecks(write(tmp_path, "page.html", page)))
    assert [type(i) for i in items] == [FactCheckRecord, BadItem]


def test_csv_with_bom_semicolons_and_other_header_spellings(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_bytes(
        "\ufeffClaim Reviewed;Verdict;Link;Fact-checker;Date Published\n"
        "Bread costs £5;Mostly false;https://x.org/1;Checkers;4 Dec 2015\n"
        ";True;https://x.org/2;Checkers;2015-12-04\n".encode()
    )
    items = list(read_factchecks(path))
    assert items[0] == FactCheckRecord(
        claim="Bread costs £5",
        rating="Mostly false",
        url="https://x.org/1",
        publisher="Checkers",
        published="2015-12-04",
        review_date="2015-12-04",
    )
    assert items[1] == BadItem("line 3: no claim")


def test_csv_without_a_claim_column_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no claim column"):
        list(read_factchecks(write(tmp_path, "x.csv", "a,b\n1,2\n")))


def test_workbench_json_export(tmp_path: Path) -> None:
    report = {
        "generator": {"name": "Factcheck Workbench"},
        "organisation": {"name": "The Daily Check", "url": None},
        "report_url": "https://check.example.org/r",
        "article": {"language": "en", "title": "Kerry in Moscow", "text": "long text"},
        "rating_scale": {
            "ratings": [{"label": "True", "value": 6}, {"label": "False", "value": 1}]
        },
        "claims": [
            {
                "number": 1,
                "claim": "Rated claim",
                "state": "open",
                "speaker": "Kerry",
                "claimant_type": "person",
                "disagreement": False,
                "agreed_rating": "True",
                "verdicts": [
                    {
                        "reviewer": "Ana",
                        "rating": "True",
                        "rating_value": 6,
                        "updated_at": "2026-01-15T09:30:00+00:00",
                    }
                ],
            },
            {
                "number": 2,
                "claim": "Draft only",
                "state": "open",
                "disagreement": False,
                "verdicts": [{"reviewer": "Ana", "rating": None}],
            },
            {"number": 3, "claim": "Dismissed", "state": "dismissed", "verdicts": []},
        ],
    }
    [r] = records(write(tmp_path, "report.json", report))
    assert (r.claim, r.rating, r.publisher) == ("Rated claim", "True", "The Daily Check")
    assert r.url == "https://check.example.org/r#claim-1"
    assert (r.rating_best, r.rating_worst, r.published) == (6.0, 1.0, "2026-01-15")
    assert r.title is None  # the article's title is not the headline of a verdict


@pytest.mark.parametrize(
    ("extra", "title"),
    [
        ({"headline": "Did the Minister Cut the Budget?"}, "Did the Minister Cut the Budget?"),
        ({"name": "Budget claim is false"}, "Budget claim is false"),
        (
            {"name": "Shown as the name", "headline": "The  headline\nwins"},
            "The headline wins",
        ),
        (
            {
                "itemReviewed": {
                    "@type": "CreativeWork",
                    "headline": "Minister's budget speech checked",
                }
            },
            "Minister's budget speech checked",
        ),
        ({"name": "Claim number 1 about the budget"}, None),  # only the claim again
        ({}, None),
    ],
    ids=["headline", "name", "both", "creative-work", "repeats-claim", "none"],
)
def test_claimreview_headline(tmp_path: Path, extra: dict[str, object], title: str | None) -> None:
    [r] = records(write(tmp_path, "one.json", review(1, **extra)))
    assert r.title == title


def test_headline_in_a_feed_and_a_saved_page(tmp_path: Path) -> None:
    item = review(1, headline="Is the Budget Claim True?")
    feed = {"@type": "DataFeed", "dataFeedElement": [{"@type": "DataFeedItem", "item": [item]}]}
    page = f"<html><script type='application/ld+json'>{json.dumps(item)}</script></html>"
    for path in (write(tmp_path, "feed.json", feed), write(tmp_path, "page.html", page)):
        assert [r.title for r in records(path)] == ["Is the Budget Claim True?"]


def test_our_claimreview_export_has_no_headline_from_the_article(tmp_path: Path) -> None:
    """The export names the article the claim appeared in: that title is not the headline."""
    appearance = {"@type": "CreativeWork", "headline": "Kerry in Moscow"}
    item = {"@type": "Claim", "appearance": [appearance]}
    [r] = records(write(tmp_path, "export.jsonld", [review(1, itemReviewed=item)]))
    assert r.title is None


@pytest.mark.parametrize("column", ["title", "Headline", "Fact-check title"])
def test_csv_headline_column(tmp_path: Path, column: str) -> None:
    path = write(
        tmp_path,
        "sheet.csv",
        f'claim,{column},rating\nBread costs £5,"Does Bread Cost £5?",False\nTaxes rose,,True\n',
    )
    assert [r.title for r in records(path)] == ["Does Bread Cost £5?", None]


def test_bad_items_are_named_and_the_rest_read(tmp_path: Path) -> None:
    items = [review(1), review(2, claimReviewed=""), review(3, claimReviewed="x" * 6000)]
    found = list(read_factchecks(write(tmp_path, "f.json", items)))
    assert isinstance(found[0], FactCheckRecord)
    assert [i.reason for i in found[1:] if isinstance(i, BadItem)] == [
        "no claim",
        "the claim is longer than 5,000 characters",
    ]


def test_truncated_feed_keeps_the_items_before_the_damage(tmp_path: Path) -> None:
    text = json.dumps([review(1), review(2)])
    found = list(read_factchecks(write(tmp_path, "cut.json", text[: len(text) - 40])))
    assert isinstance(found[0], FactCheckRecord) and isinstance(found[-1], BadItem)


def test_not_json_at_all_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError):
        list(read_factchecks(write(tmp_path, "junk.json", "hello there")))


def test_key_ignores_case_spacing_and_url_spelling() -> None:
    a = record_key("http://www.Example.org/check/", "The  Moon is CHEESE")
    assert a == record_key("https://example.org/check", "the moon is cheese")
    assert a != record_key("https://example.org/check#claim-2", "the moon is cheese")


def test_our_json_export_gives_a_settled_disagreement_its_final_verdict() -> None:
    from workbench.ingest.factcheck_json import export_record

    report = {
        "organisation": {},
        "rating_scale": {
            "ratings": [{"label": "True", "value": 6}, {"label": "False", "value": 1}]
        },
        "article": {"language": "en"},
    }
    claim = {
        "number": 1,
        "claim": "Crime fell by 12 percent",
        "state": "open",
        "disagreement": True,
        "agreed_rating": None,
        "verdicts": [
            {"reviewer": "Ana", "rating": "True", "rating_value": 6, "updated_at": "2026-01-15"},
            {"reviewer": "Ben", "rating": "False", "rating_value": 1, "updated_at": "2026-01-16"},
        ],
        "final_verdict": {
            "rating": "True",
            "rating_value": 6,
            "editor": "Cy Park",
            "updated_at": "2026-01-17T10:00:00+00:00",
        },
    }
    record = export_record(claim, report)
    assert isinstance(record, FactCheckRecord)
    assert (record.rating, record.rating_value, record.publisher) == ("True", 6, "Cy Park")
    assert record.published == "2026-01-17"
    # Without a final verdict the disagreement gives no single rating: left out as before.
    assert export_record({**claim, "final_verdict": None}, report) is None
