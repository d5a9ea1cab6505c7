"""A claim with an editor's final verdict: every format publishes it as the claim's verdict, with
the reviewers' verdicts still listed under it."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest
from pypdf import PdfReader

from workbench.report import ReportOptions, build_report
from workbench.report.claimreview import claim_reviews, export_notes, render_claimreview
from workbench.report.html import render_html
from workbench.report.markdown import render_markdown
from workbench.report.tabular import render_csv, render_json

SCHEMA = json.loads((Path(__file__).parent / "claimreview.schema.json").read_text("utf-8"))
NOTE = "The official series says 4.4%; <b>neither</b> rating fits."


@pytest.fixture
def reports(seeded):
    """The seeded article's report before and after Tom Okafor, as editor, settled claim 2
    (Ana: Mostly false, Tom: False) with "Half true"."""
    store, article, claims = seeded
    options = ReportOptions.from_store(
        store, base_url="https://check.example.org/reports/kerry", organisation_name=""
    )
    before = build_report(store, article.id, options)
    tom = store.find_reviewer("Tom Okafor")
    store.set_final_verdict(claims[1].id, "Half true", editor_id=tom.id, note=NOTE)
    return before, build_report(store, article.id, options)


@pytest.fixture
def settled(reports):
    """The report after the final verdict."""
    return reports[1]


def _claim(report, number: int = 2):
    return next(c for c in report.claims if c.number == number)


def test_the_report_data_puts_the_final_verdict_first(reports) -> None:
    report, settled = reports
    before, after = _claim(report), _claim(settled)
    assert before.final is None and before.disputed
    assert after.final is not None and after.final.rating == "Half true"
    assert after.final.line.startswith("Final verdict by Tom Okafor on ")
    assert after.final.line.endswith(": Half true")
    assert after.disagreement and not after.disputed  # reviewers still differ: settled
    assert [v.reviewer for v in after.verdicts] == ["Ana Ruiz", "Tom Okafor"]
    assert (report.claims_disputed, settled.claims_disputed) == (1, 0)
    counts = {r.label: r.count for r in settled.rating_counts}
    assert counts["Half true"] == 1 and counts["Reviewers disagree"] == 0
    assert "1 carries an editor's final verdict" in settled.counts_line


def test_html_shows_the_final_verdict_above_the_reviewers(settled) -> None:
    html = render_html(settled)
    section = html[html.index('id="claim-2"') : html.index('id="claim-3"')]
    final_at = section.index("Final verdict by Tom Okafor on ")
    assert "The official series says 4.4%; &lt;b&gt;neither&lt;/b&gt; rating fits." in section
    assert final_at < section.index("Reviewers' verdicts") < section.index("It fell to 4.4%.")
    assert "The final verdict settles it." in section
    # The at-a-glance table and the claim's head give the final rating.
    assert re.search(r'<span class="badge t\d">Half true</span>', section)


def test_markdown_heads_the_claim_with_the_final_rating(settled) -> None:
    text = render_markdown(settled)
    assert "### 2. HALF TRUE" in text
    assert "**Final verdict by Tom Okafor on " in text
    assert text.index("Final verdict by Tom") < text.index("It fell to 4.4%.")


def test_json_and_csv_carry_the_final_verdict(settled) -> None:
    data = json.loads(render_json(settled))
    claim = next(c for c in data["claims"] if c["number"] == 2)
    assert claim["final_verdict"]["rating"] == "Half true"
    assert claim["final_verdict"]["editor"] == "Tom Okafor"
    assert claim["final_verdict"]["note"] == NOTE
    assert len(claim["verdicts"]) == 2
    assert data["summary"]["claims_with_final_verdict"] == 1
    rows = list(csv.DictReader(io.StringIO(render_csv(settled).lstrip("\ufeff"))))
    two = [r for r in rows if r["claim_number"] == "2"]
    assert [r["reviewer"] for r in two] == ["Ana Ruiz", "Tom Okafor"]
    assert {r["final_rating"] for r in two} == {"Half true"}
    assert {r["final_editor"] for r in two} == {"Tom Okafor"}
    assert {r["final_rating"] for r in rows if r["claim_number"] == "1"} == {""}


def test_claimreview_publishes_the_settled_claim_with_the_final_rating(reports) -> None:
    report, settled = reports
    assert claim_reviews(report).disputed == [2]
    reviews = claim_reviews(settled)
    assert reviews.disputed == []
    items = json.loads(render_claimreview(settled))
    jsonschema.validate(items, SCHEMA)
    item = next(i for i in items if i["url"].endswith("#claim-2"))
    rating = item["reviewRating"]
    assert (rating["alternateName"], rating["ratingValue"]) == ("Half true", 3)
    assert rating["ratingExplanation"] == NOTE
    assert item["author"] == {"@type": "Person", "name": "Tom Okafor"}
    assert not any("disagree" in note for note in export_notes(settled))


@pytest.mark.usefixtures("qapp")
def test_pdf_reads_the_final_verdict_back(settled) -> None:
    from workbench.report.pdf import render_pdf

    pdf = PdfReader(io.BytesIO(render_pdf(settled)))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pdf.pages))
    assert "Final verdict by Tom Okafor on " in text
    assert "REVIEWERS' VERDICTS" in text or "REVIEWERS’ VERDICTS" in text
    assert text.index("Final verdict by Tom Okafor") < text.index("It fell to 4.4%.")


def test_methods_say_which_claims_an_editor_settled(reports) -> None:
    before, settled = reports
    assert "final verdict" not in before.methods
    assert (
        "1 claim carries an editor's final verdict (Tom Okafor): the rating published for it"
        in settled.methods
    )
