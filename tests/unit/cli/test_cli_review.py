"""The review commands end to end on a real database file in a temporary folder."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main


def test_import_claim_reviewer_verdict_and_json(run, seed_article_path: Path) -> None:
    run("import", "--no-extract", str(seed_article_path))
    [article] = json.loads(run("articles", "--json").output)
    assert article["title"].startswith("U.S. Secretary of State John Kerry")

    added = json.loads(
        run(
            "claims",
            "add",
            article["id"][:8],
            "met with Russian President Vladimir Putin",
            "--json",
        ).output
    )
    run("reviewers", "add", "Ana")
    run(
        "verdict",
        added["id"],
        "--reviewer",
        "Ana",
        "--rating",
        "True",
        "--source",
        "https://example.org/x",
    )

    claims = json.loads(run("claims", article["id"], "--json").output)
    assert [c["quote"] for c in claims] == ["met with Russian President Vladimir Putin"]
    [verdict] = claims[0]["verdicts"]
    assert (verdict["reviewer"], verdict["rating"]) == ("Ana", "True")
    assert [s["url"] for s in verdict["sources"]] == ["https://example.org/x"]

    text = run("claims", article["id"][:8]).output
    assert "Ana: True" in text


def test_db_option_works_on_the_subcommand_too(tmp_path: Path) -> None:
    db = tmp_path / "sub.sqlite3"
    result = CliRunner().invoke(main, ["reviewers", "add", "Ana", "--db", str(db)])
    assert result.exit_code == 0
    assert db.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["verdict", "CLAIM", "--reviewer", "Nobody", "--rating", "True"], "no reviewer called"),
        (
            ["verdict", "CLAIM", "--reviewer", "Ana", "--rating", "Sort of"],
            "not on this database's rating scale",
        ),
        (
            [
                "verdict",
                "CLAIM",
                "--reviewer",
                "Ana",
                "--rating",
                "True",
                "--source",
                "example dot org",
            ],
            "not a web address",
        ),
        (["claims", "add", "ARTICLE", "Kerry"], "more than once"),
        (["claims", "add", "ARTICLE", "Kerry flew to the Moon"], "does not appear"),
        (["claims", "nope1234"], "no article whose id starts"),
    ],
)
def test_errors_are_one_line_nonzero_and_write_nothing(
    run, seed_article_path: Path, args: list[str], message: str
) -> None:
    run("import", "--no-extract", str(seed_article_path))
    article = json.loads(run("articles", "--json").output)[0]["id"]
    claim = json.loads(
        run("claims", "add", article, "met with Russian President Vladimir Putin", "--json").output
    )["id"]
    run("reviewers", "add", "Ana")
    before = run("claims", article, "--json").output

    args = [claim if a == "CLAIM" else article if a == "ARTICLE" else a for a in args]
    result = run(*args, ok=False)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert run("claims", article, "--json").output == before


def test_importing_the_same_file_twice_opens_the_first_copy(run, seed_article_path: Path) -> None:
    run("import", "--no-extract", str(seed_article_path))
    second = run("import", "--no-extract", str(seed_article_path)).output
    assert "already imported" in second
    assert len(json.loads(run("articles", "--json").output)) == 1


def test_bad_file_is_a_clear_error(run, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("import", "--no-extract", str(empty), ok=False)
    assert result.exit_code == 1
    assert "empty" in result.output
    assert json.loads(run("articles", "--json").output) == []


def test_search_command(run, seed_article_path: Path) -> None:
    run("import", "--no-extract", str(seed_article_path))
    assert "Lavrov" in run("search", "Lavrov").output


def test_console_script_prints_version() -> None:
    from workbench import __version__

    out = subprocess.run(
        [sys.executable, "-m", "workbench", "--version"], capture_output=True, text=True, check=True
    )
    assert __version__ in out.stdout


def test_claims_add_records_the_reviewer_by_name(run, seed_article_path: Path) -> None:
    run("import", "--no-extract", str(seed_article_path))
    article = json.loads(run("articles", "--json").output)[0]["id"]
    run("reviewers", "add", "Ana")
    added = run("claims", "add", article, "more than four years", "--reviewer", "Ana", "--json")
    assert json.loads(added.output)["created_by"] == "Ana"
    [listed] = json.loads(run("claims", article, "--json").output)
    assert listed["created_by"] == "Ana"


def test_claims_list_by_desk_number_with_drafts_in_progress(tmp_path: Path) -> None:
    from workbench.model import Article, Claim, Judgement
    from workbench.store import open_store

    path = tmp_path / "review.sqlite3"
    text = "Prices rose 5% in May. Rents fell 2% in June. Jobs grew by 300."
    with open_store(path) as store:
        article = store.add_article(Article(text=text, title="Prices"))
        quotes = ("Prices rose 5% in May.", "Rents fell 2% in June.", "Jobs grew by 300.")
        claims = [
            Claim(article.id, text.index(q), text.index(q) + len(q), q, score=0.9) for q in quotes
        ]
        store.add_claims(article.id, claims)
        ana = store.add_reviewer("Ana")
        store.save_verdict(claims[2].id, ana.id, Judgement(None, rationale="Checking"))
        store.delete_claim(claims[0].id)
        [row] = store.list_articles()
        assert row["reviewed"] == 0  # a draft is not a review
    out = CliRunner().invoke(main, ["--db", str(path), "claims", article.id[:8]]).output
    lines = [line for line in out.splitlines() if ". " in line[:6]]
    assert [line.split(".")[0].strip() for line in lines] == ["2", "3"]
    assert "Ana: in progress" in out and "None" not in out
