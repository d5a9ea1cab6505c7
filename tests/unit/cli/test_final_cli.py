"""``workbench final``, ``workbench queue`` and ``workbench claims dismiss --reason``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture
def disputed(run, seed_article_path: Path) -> dict:
    """A claim in the sample article rated True by Ana Lima and False by Ben Okafor."""
    run("import", "--no-extract", str(seed_article_path))
    [article] = json.loads(run("articles", "--json").output)
    claim = json.loads(
        run(
            "claims",
            "add",
            article["id"][:8],
            "met with Russian President Vladimir Putin",
            "--json",
        ).output
    )
    run("reviewers", "add", "Ana Lima")
    run("reviewers", "add", "Ben Okafor")
    run("verdict", claim["id"][:8], "--reviewer", "Ana Lima", "--rating", "True")
    run("verdict", claim["id"][:8], "--reviewer", "Ben Okafor", "--rating", "False")
    return claim


def stored(run, claim: dict) -> dict:
    rows = json.loads(run("claims", claim["article_id"][:8], "--json").output)
    return next(r for r in rows if r["id"] == claim["id"])


def test_the_queue_lists_the_disagreement_until_a_final_verdict_settles_it(run, disputed):
    text = run("queue").output
    assert "1 claim needs a final verdict" in text
    assert "Ana Lima: True; Ben Okafor: False" in text
    [item] = json.loads(run("queue", disputed["article_id"][:8], "--json").output)
    assert item["claim_id"] == disputed["id"]

    out = run(
        "final",
        disputed["id"][:8],
        "mostly true",
        "--as",
        "Ben Okafor",
        "--note",
        "Met Putin, not Lavrov.",
    ).output
    assert "Final verdict by Ben Okafor on " in out and out.rstrip().endswith(
        "Met Putin, not Lavrov."
    )
    final = stored(run, disputed)["final_verdict"]
    assert (final["rating"], final["editor"], final["note"]) == (
        "Mostly true",
        "Ben Okafor",
        "Met Putin, not Lavrov.",
    )
    assert json.loads(run("queue", "--json").output) == []
    assert "No claim needs a final verdict." in run("queue").output


def test_clear_removes_the_final_verdict(run, disputed):
    run("final", disputed["id"][:8], "False", "--as", "Ana Lima")
    out = run("final", disputed["id"][:8], "--clear").output
    assert "final verdict removed (it was False)" in out
    assert stored(run, disputed)["final_verdict"] is None
    assert len(json.loads(run("queue", "--json").output)) == 1


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["Pants on fire", "--as", "Ana Lima"], "not on this database's rating scale"),
        (["False"], "--as NAME"),
        (["False", "--as", "Nobody"], "no reviewer called “Nobody”"),
        ([], "Give the final RATING"),
        (["False", "--clear"], "not both"),
    ],
)
def test_bad_input_says_why_and_changes_nothing(run, disputed, args, words):
    result = run("final", disputed["id"][:8], *args, ok=False)
    assert result.exit_code == 1
    assert words in result.output
    assert stored(run, disputed)["final_verdict"] is None


def test_dismiss_records_the_reason_and_who(run, disputed):
    out = run(
        "claims",
        "dismiss",
        disputed["id"][:8],
        "--reason",
        "Not worth checking",
        "--reviewer",
        "Ana Lima",
    ).output
    assert "dismissed: Not worth checking" in out
    row = stored(run, disputed)
    assert (row["state"], row["dismissed_reason"]) == ("dismissed", "Not worth checking")
    assert row["dismissed_by"] is not None
    # A dismissed claim leaves the queue.
    assert json.loads(run("queue", "--json").output) == []


def test_an_empty_reason_is_refused(run, disputed):
    result = run("claims", "dismiss", disputed["id"][:8], "--reason", "  ", ok=False)
    assert result.exit_code == 1 and "Say why" in result.output
    assert stored(run, disputed)["state"] == "open"
