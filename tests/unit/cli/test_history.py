"""``workbench history``: a claim's or an article's changes, for people and for tools."""

from __future__ import annotations

import json
from pathlib import Path


def _reviewed(run, seed_article_path: Path) -> tuple[str, str]:
    run("import", "--no-extract", str(seed_article_path))
    [article] = json.loads(run("articles", "--json").output)
    added = run(
        "claims", "add", article["id"][:8], "met with Russian President Vladimir Putin", "--json"
    )
    claim = json.loads(added.output)["id"]
    run("reviewers", "add", "Ana Lima")
    run(
        "verdict",
        claim,
        "--reviewer",
        "Ana Lima",
        "--rating",
        "Mostly true",
        "--source",
        "https://example.org/transcript",
    )
    run("verdict", claim, "--reviewer", "Ana Lima", "--rating", "True")
    run("claims", "dismiss", claim)
    return article["id"], claim


def test_a_claims_history_oldest_first(run, seed_article_path: Path) -> None:
    _, claim = _reviewed(run, seed_article_path)
    lines = run("history", claim[:8]).output.splitlines()
    assert lines[0] == "Claim 1: “met with Russian President Vladimir Putin”"
    assert [line.split(" · ", 1)[1] for line in lines[1:]] == [
        "Marked it as a claim",
        "Ana Lima rated it Mostly true",
        "Ana Lima added a source “https://example.org/transcript”",
        "Ana Lima rated it True (was: Mostly true)",
        "Dismissed it",
    ]


def test_an_articles_history_as_json(run, seed_article_path: Path) -> None:
    article, _ = _reviewed(run, seed_article_path)
    data = json.loads(run("history", article[:8], "--json").output)
    assert (data["kind"], data["id"]) == ("article", article)
    assert data["events"][0]["action"] == "import"
    rated = [e for e in data["events"] if e["entity"] == "verdict"]
    assert [(e["who"], e["claim_number"], e["what"]) for e in rated] == [
        ("Ana Lima", 1, "rated it Mostly true"),
        ("Ana Lima", 1, "rated it True (was: Mostly true)"),
    ]
    assert all(e["text"].startswith(tuple("0123456789")) for e in data["events"])


def test_an_unknown_reference_is_one_line_and_exit_1(run) -> None:
    run("reviewers", "add", "Ana Lima")  # creates the database
    result = run("history", "abcdef12", ok=False)
    assert result.exit_code == 1
    assert "no claim or article whose id starts with “abcdef12”" in result.output
