"""``workbench export`` end to end on a real database file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from workbench.cli import main

# The PDF needs a Qt application; share the one pytest-qt makes with the GUI tests.
pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def db(run, seed_article_path: Path) -> str:
    [imported] = json.loads(run("import", "--no-extract", str(seed_article_path), "--json").output)
    claim = json.loads(
        run(
            "claims", "add", imported["id"], "met with Russian President Vladimir Putin", "--json"
        ).output
    )
    run("reviewers", "add", "Ana")
    run(
        "verdict",
        claim["id"],
        "--reviewer",
        "Ana",
        "--rating",
        "Mostly true",
        "--note",
        "Met on 15 December, with Lavrov.",
        "--source",
        "https://www.state.gov/kerry",
    )
    return run.db


def _article(db: str) -> str:
    result = CliRunner().invoke(main, ["--db", db, "articles", "--json"])
    return json.loads(result.output)[0]["id"][:8]


def test_several_formats_go_into_a_folder(db: str, tmp_path: Path) -> None:
    out = tmp_path / "export"
    result = CliRunner().invoke(
        main,
        [
            "--db",
            db,
            "export",
            _article(db),
            "-f",
            "pdf,html",
            "--format",
            "csv",
            "--format",
            "claimreview",
            "--out",
            str(out),
            "--base-url",
            "https://c.example.org/r",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    files = sorted(Path(p).name for p in json.loads(result.output)["files"])
    stem = "factcheck-u-s-secretary-of-state-john-kerry-speaks-at-a-news"
    assert files == sorted(f"{stem}{s}" for s in (".pdf", ".html", ".csv", ".claimreview.jsonld"))
    pdf_text = "".join(p.extract_text() for p in PdfReader(out / f"{stem}.pdf").pages)
    assert "MOSTLY" in pdf_text and "state.gov/kerry" in pdf_text
    rows = list(csv.DictReader(io.StringIO((out / f"{stem}.csv").read_text("utf-8-sig"))))
    assert rows[0]["rating"] == "Mostly true"


def test_one_format_goes_to_the_named_file(db: str, tmp_path: Path) -> None:
    target = tmp_path / "mine.md"
    result = CliRunner().invoke(
        main, ["--db", db, "export", _article(db), "-f", "md", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert target.read_text("utf-8").startswith("# Fact-check:")


def test_unwritable_place_exits_1_with_a_clear_message(db: str, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(
        main, ["--db", db, "export", _article(db), "-f", "html", "-o", str(blocker / "r.html")]
    )
    assert result.exit_code == 1
    assert "does not exist; choose another place" in result.output
    assert list(tmp_path.glob("**/*.html")) == []


def test_unknown_reviewer_and_missing_base_url_exit_1(db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main, ["--db", db, "export", _article(db), "--reviewer", "Zoe", "-o", str(tmp_path)]
    )
    assert result.exit_code == 1 and "no reviewer called “Zoe”" in result.output
    result = runner.invoke(
        main, ["--db", db, "export", _article(db), "-f", "claimreview", "-o", str(tmp_path)]
    )
    assert result.exit_code == 1 and "--base-url" in result.output
    assert list(tmp_path.glob("*.jsonld")) == []


def test_a_file_name_with_several_formats_is_refused(db: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["--db", db, "export", _article(db), "-f", "pdf,html", "-o", str(tmp_path / "r.pdf")]
    )
    assert result.exit_code == 1 and "Give a folder with --out" in result.output


def test_report_settings_are_saved_and_used(db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "--db",
            db,
            "report-settings",
            "--organisation",
            "The Daily Check",
            "--base-url",
            "https://check.example.org/r",
            "--page-size",
            "letter",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["report_page_size"] == "Letter"
    out = tmp_path / "cr.jsonld"
    result = runner.invoke(
        main, ["--db", db, "export", _article(db), "-f", "claimreview", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    [review] = json.loads(out.read_text("utf-8"))
    assert review["author"]["name"] == "The Daily Check"
    assert review["url"] == "https://check.example.org/r#claim-1"
    result = runner.invoke(
        main, ["--db", db, "export", _article(db), "-o", str(tmp_path / "r.pdf")]
    )
    page = PdfReader(tmp_path / "r.pdf").pages[0]
    assert round(float(page.mediabox.width)) == 612  # Letter


def test_the_formats_offered_are_the_registrys(db: str, tmp_path: Path, monkeypatch) -> None:
    from workbench.report.formats import FORMATS, Format

    runner = CliRunner()
    help_text = " ".join(runner.invoke(main, ["export", "--help"]).output.split())
    assert all(name in help_text for name in FORMATS)
    plain = Format("txt", "Text", "Text", ".txt", "Plain text", "markdown:render_markdown")
    monkeypatch.setitem(FORMATS, "txt", plain)
    result = runner.invoke(
        main, ["--db", db, "export", _article(db), "-f", "txt", "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert [p.suffix for p in tmp_path.glob("factcheck-*")] == [".txt"]
    result = runner.invoke(main, ["--db", db, "export", _article(db), "-f", "docx"])
    assert (
        result.exit_code == 2
        and "choose from pdf, html, md, json, csv, claimreview, txt" in result.output
    )
