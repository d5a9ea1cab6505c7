"""The report lists, per claim, the earlier fact-checks its reviewers linked from the library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from workbench.report import ReportOptions, build_report
from workbench.report.html import render_html
from workbench.report.markdown import render_markdown
from workbench.report.pdf import render_pdf
from workbench.report.tabular import render_json
from workbench.services.factchecks import import_files

LIBRARY_CSV = """claim,rating,url,publisher,date
"Unemployment fell to 3% last year",Mostly false,https://checks.example.org/unemployment-3,Example Checkers,2024-05-02
"The moon is made of cheese",False,https://checks.example.org/moon,Example Checkers,2023-01-01
"""


@pytest.fixture
def linked(seeded, tmp_path: Path):
    """Ana links one library fact-check to claim 2 (a plain source stays a plain source)."""
    store, article, _claims = seeded
    library = tmp_path / "library.csv"
    library.write_text(LIBRARY_CSV, encoding="utf-8")
    import_files(store, [library])
    verdict = next(v for v in store.claims_for(article.id)[1].verdicts if v.rating)
    store.add_source(
        verdict.id,
        title="Fact-check: Mostly false — Example Checkers",
        url="https://checks.example.org/unemployment-3",
        publisher="Example Checkers",
    )
    options = ReportOptions.from_store(store, organisation_name="")
    return build_report(store, article.id, options)


def _claim(report, number: int):
    return next(c for c in report.claims if c.number == number)


def test_a_linked_fact_check_is_listed_under_its_claim_only(linked) -> None:
    earlier = _claim(linked, 2).earlier
    assert [(e.url, e.rating, e.publisher) for e in earlier] == [
        ("https://checks.example.org/unemployment-3", "Mostly false", "Example Checkers")
    ]
    assert earlier[0].claim == "Unemployment fell to 3% last year"
    assert earlier[0].linked_by == ["Ana Ruiz"]
    # Claim 1's sources (a state department readout) are no fact-checks of the library.
    assert _claim(linked, 1).earlier == []


def test_every_format_shows_it(linked, tmp_path: Path, qapp) -> None:
    html = render_html(linked)
    assert "Checked before: earlier fact-checks of this claim" in html
    assert "Example Checkers, 2 May 2024: Mostly false" in html
    assert "Linked by Ana Ruiz" in html
    assert "Checked before" in render_markdown(linked)
    data = json.loads(render_json(linked))
    by_number = {c["number"]: c for c in data["claims"]}
    assert by_number[2]["earlier_factchecks"][0]["url"].endswith("/unemployment-3")
    assert by_number[1]["earlier_factchecks"] == []
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(render_pdf(linked))
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "CHECKED BEFORE" in text and "Unemployment fell to 3% last year" in text
