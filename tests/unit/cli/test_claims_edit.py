"""``workbench claims edit``: the claim record from the command line, all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture
def claim(run, seed_article_path: Path) -> dict:
    """A claim marked in the sample article (found without the language model's claimant)."""
    run("import", "--no-extract", str(seed_article_path))
    [article] = json.loads(run("articles", "--json").output)
    return json.loads(
        run(
            "claims",
            "add",
            article["id"][:8],
            "met with Russian President Vladimir Putin",
            "--json",
        ).output
    )


def stored(run, claim: dict) -> dict:
    rows = json.loads(run("claims", claim["article_id"][:8], "--json").output)
    return next(r for r in rows if r["id"] == claim["id"])


def test_every_field_of_the_record_is_edited_by_id_prefix(run, claim):
    result = run(
        "claims",
        "edit",
        claim["id"][:8],
        "--claim",
        "Kerry met Putin in Moscow",
        "--claimant",
        "Reuters",
        "--claimant-type",
        "organisation",
        "--said-on",
        "15 December 2015",
        "--said-where",
        "Moscow",
        "--kind",
        "personal_experience",
    )
    assert "Reuters (organisation)" in result.output
    row = stored(run, claim)
    assert row["claim"] == "Kerry met Putin in Moscow"
    assert (row["speaker"], row["claimant_type"]) == ("Reuters", "organisation")
    assert (row["said_on"], row["said_where"], row["kind"]) == (
        "2015-12-15",
        "Moscow",
        "personal_experience",
    )


def test_an_empty_claimant_clears_name_and_type(run, claim):
    run("claims", "edit", claim["id"][:8], "--claimant", "Reuters", "--claimant-type", "person")
    run("claims", "edit", claim["id"][:8], "--claimant", "")
    row = stored(run, claim)
    assert (row["speaker"], row["claimant_type"]) == (None, None)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--said-on", "31 February 2015", "--claimant", "Reuters"], "is not a real date"),
        (["--claim", " ", "--claimant", "Reuters"], "cannot be empty"),
        (["--claimant-type", "person"], "Give the claimant's name"),
        ([], "Say what to change"),
    ],
)
def test_an_error_is_one_line_and_changes_nothing(run, claim, args, message):
    before = stored(run, claim)
    result = run("claims", "edit", claim["id"][:8], *args, ok=False)
    assert result.exit_code != 0
    [line] = result.output.strip().splitlines()
    assert message in line
    assert stored(run, claim) == before


def test_an_unknown_claim_is_one_line(run, claim):
    result = run("claims", "edit", "ffffffff", "--kind", "law", ok=False)
    assert result.exit_code != 0
    assert len(result.output.strip().splitlines()) == 1
