"""``workbench agreement [ARTICLE] [--json]``: agreement between reviewers, for people and tools."""

from __future__ import annotations

import json
from pathlib import Path

from workbench.agreement import KEYS

QUOTES = (
    "met with Russian President Vladimir Putin",
    "Russia and the United States are well prepared",
    "the global talks will definitely take place",
)


def _reviewed(run, seed_article_path: Path) -> str:
    """The seed article with three claims, rated by Ana and Tom; returns the article id."""
    run("import", "--no-extract", str(seed_article_path))
    [article] = json.loads(run("articles", "--json").output)
    claims = [
        json.loads(run("claims", "add", article["id"][:8], quote, "--json").output)["id"]
        for quote in QUOTES
    ]
    for name, ratings in (
        ("Ana Lima", ("True", "Mostly true", "Unproven")),
        ("Tom Okafor", ("True", "True", "Unproven")),
    ):
        run("reviewers", "add", name)
        for claim, rating in zip(claims, ratings, strict=True):
            run("verdict", claim, "--reviewer", name, "--rating", rating)
    return article["id"]


def test_an_articles_agreement_reads_as_plain_text(run, seed_article_path: Path) -> None:
    article = _reviewed(run, seed_article_path)
    lines = run("agreement", article[:8]).output.splitlines()
    assert lines[0].startswith("Article: ")
    assert lines[1] == (
        "3 claims were rated by two or more reviewers (2 reviewers in all); "
        "they all gave the same rating on 2 of them."
    )
    assert "  Agreement: 67%" in lines
    assert "  Unproven ratings: 2" in lines
    assert any(line.startswith("  Cohen's kappa: 0.") for line in lines)
    assert "What the figures mean:" in lines


def test_json_has_stable_keys_and_no_nan(run, seed_article_path: Path) -> None:
    _reviewed(run, seed_article_path)
    output = run("agreement", "--json").output
    data = json.loads(output)
    assert list(data) == ["scope", "article_id", "title", "scale", *KEYS]
    assert data["scope"] == "database" and data["article_id"] is None
    assert data["claims_compared"] == 3 and data["reviewers"] == 2
    assert data["percent_agreement"] == 66.6667
    assert "NaN" not in output


def test_an_empty_database_says_there_is_nothing_to_compare(run) -> None:
    run("reviewers", "add", "Ana Lima")  # creates the database
    result = run("agreement")
    assert result.output.splitlines()[1] == (
        "No claim has been rated by two or more reviewers yet."
    )
    data = json.loads(run("agreement", "--json").output)
    assert data["cohen_kappa"] is None
    assert data["notes"]["cohen_kappa"] == ("No claim has been rated by two or more reviewers yet.")


def test_an_unknown_article_is_one_line_and_exit_1(run) -> None:
    run("reviewers", "add", "Ana Lima")
    result = run("agreement", "abcdef12", ok=False)
    assert result.exit_code == 1
    assert result.output.strip() == (
        "workbench: There is no article whose id starts with “abcdef12”."
    )
