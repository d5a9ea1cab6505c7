"""Hostile values through the command line: addresses, names, repeated sources, odd file names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.cli.common import shown


@pytest.fixture
def claim(run, seed_article_path: Path) -> str:
    [imported] = json.loads(run("import", "--no-extract", str(seed_article_path), "--json").output)
    added = run(
        "claims", "add", imported["id"], "met with Russian President Vladimir Putin", "--json"
    )
    run("reviewers", "add", "Ana")
    return json.loads(added.output)["id"]


def _sources(run, claim: str) -> list[str]:
    article = json.loads(run("articles", "--json").output)[0]["id"]
    [listed] = json.loads(run("claims", article, "--json").output)
    assert listed["id"] == claim
    return [s["url"] for v in listed["verdicts"] for s in v["sources"]]


def test_the_same_source_run_three_times_is_stored_once(run, claim: str) -> None:
    for _ in range(3):
        run(
            "verdict", claim, "--reviewer", "Ana", "--rating", "True", "--source", "https://a.org/x"
        )
    assert _sources(run, claim) == ["https://a.org/x"]


def test_a_source_with_a_space_or_newline_is_refused(run, claim: str) -> None:
    for url in ("https://a.org/x y", "https://a.org/x\nhttps://b.org"):
        result = run(
            "verdict", claim, "--reviewer", "Ana", "--rating", "True", "--source", url, ok=False
        )
        assert result.exit_code == 1
        assert "not a web address" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert _sources(run, claim) == []


@pytest.mark.parametrize("flag", ["--organisation-url", "--base-url"])
def test_report_settings_refuse_a_javascript_address(run, flag: str) -> None:
    result = run("report-settings", flag, "javascript:alert(1)", ok=False)
    assert result.exit_code == 1
    assert "not a web address" in result.stderr and "Traceback" not in result.output
    settings = json.loads(run("report-settings", "--json").output)
    assert "javascript:alert(1)" not in settings.values()


def test_export_refuses_a_javascript_organisation_address(run, claim: str, tmp_path: Path) -> None:
    article = json.loads(run("articles", "--json").output)[0]["id"]
    out = tmp_path / "cr.jsonld"
    result = run(
        "export",
        article,
        "-f",
        "claimreview",
        "--organisation",
        "Check",
        "--organisation-url",
        "javascript:alert(1)",
        "--base-url",
        "https://check.example.org/r",
        "-o",
        str(out),
        ok=False,
    )
    assert result.exit_code == 1 and "not a web address" in result.stderr
    assert not out.exists()


def test_a_reviewer_name_over_the_limit_is_refused(run) -> None:
    result = run("reviewers", "add", "N" * 101, ok=False)
    assert result.exit_code == 1 and "at most 100 characters" in result.stderr
    assert json.loads(run("reviewers", "--json").output) == []


def test_a_file_name_with_a_newline_and_escape_code_is_printed_escaped(
    run, claim: str, tmp_path: Path
) -> None:
    article = json.loads(run("articles", "--json").output)[0]["id"]
    out = tmp_path / "bad\nname\x1b[31m.md"
    result = run("export", article, "-f", "md", "-o", str(out))
    assert out.exists()
    assert "\x1b" not in result.output
    assert result.output.count("\n") == 1
    assert "bad\\nname\\x1b[31m.md" in result.output


def test_error_lines_escape_control_characters_too(tmp_path: Path) -> None:
    missing = tmp_path / "no\x1b[2Jsuch\nfile.txt"
    result = CliRunner().invoke(main, ["extract", str(missing)])
    assert result.exit_code != 0
    assert "\x1b" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_shown_keeps_ordinary_text() -> None:
    assert shown("Résumé — 2024 report.pdf") == "Résumé — 2024 report.pdf"
    assert shown("a\tb\u202ec") == "a\\tb\\u202ec"
