"""Hostile values in report fields: script-breaking names, javascript: addresses, huge URLs."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from workbench.model import Article, Judgement
from workbench.report import ExportError, ReportOptions, build_report
from workbench.report.claimreview import render_claimreview
from workbench.report.html import render_html
from workbench.report.markdown import render_markdown
from workbench.report.tabular import csv_cell, render_csv

RLO = "\u202e"


def test_claimreview_is_safe_inside_a_script_block(seeded) -> None:
    store, article, _ = seeded
    options = ReportOptions.from_store(
        store,
        organisation_name="Check </script><script>alert(1)</script> & Co",
        base_url="https://check.example.org/r",
    )
    text = render_claimreview(build_report(store, article.id, options))
    assert "</script>" not in text and "<" not in text and ">" not in text and "&" not in text
    items = json.loads(text)
    # The escapes read back as the same name.
    assert items[0]["author"]["name"] == "Check </script><script>alert(1)</script> & Co"
    page = f'<script type="application/ld+json">{text}</script>'
    assert page.count("</script>") == 1


@pytest.mark.parametrize(
    "field", [{"organisation_url": "javascript:alert(1)"}, {"base_url": "javascript:alert(1)"}]
)
def test_a_javascript_address_is_refused_before_export(seeded, field) -> None:
    store, _, _ = seeded
    with pytest.raises(ExportError, match="not a web address"):
        ReportOptions.from_store(store, organisation_name="X", **field)


def test_a_javascript_address_stored_earlier_is_refused_too(seeded) -> None:
    store, _, _ = seeded
    store.set_setting("organisation_url", "javascript:alert(1)")
    with pytest.raises(ExportError, match="organisation's web address"):
        ReportOptions.from_store(store)


def test_claimreview_never_publishes_a_javascript_address(seeded) -> None:
    store, article, _ = seeded
    # Options made directly (not through the settings) and an address read from an old file.
    options = ReportOptions(
        organisation_name="Org",
        organisation_url="javascript:alert(1)",
        base_url="https://check.example.org/r",
    )
    report = build_report(store, article.id, options)
    report.article = Article(text=article.text, title="T", url="data:text/html,alert(3)")
    text = render_claimreview(report)
    assert "javascript" not in text and "data:" not in text


def test_full_width_formula_signs_are_neutralised() -> None:
    for value in ('＝HYPERLINK("http://x")', "＋1", "－1", "＠SUM(A1)", " =1+1"):
        assert csv_cell(value).startswith("'"), value
    assert csv_cell("Ｆｕｌｌ width text") == "Ｆｕｌｌ width text"


def test_full_width_formula_in_a_rationale_reaches_the_csv_neutralised(seeded) -> None:
    store, article, claims = seeded
    reviewer = store.list_reviewers()[0]
    store.save_verdict(
        claims[2].id, reviewer.id, Judgement("False", rationale='＝HYPERLINK("http://x","y")')
    )
    csv_text = render_csv(build_report(store, article.id))
    assert ",'＝HYPERLINK(" in csv_text.replace('"', "")


def test_bidi_overrides_are_not_shown_in_any_report(seeded, qapp) -> None:
    from workbench.report.pdf import render_pdf

    store, article, claims = seeded
    reviewer = store.add_reviewer(f"Eve {RLO}gpj.exe")
    store.save_verdict(claims[2].id, reviewer.id, Judgement("False", rationale=f"See {RLO}fdp.exe"))
    report = build_report(store, article.id)
    assert RLO not in render_html(report)
    assert RLO not in render_markdown(report)
    pdf = PdfReader(io.BytesIO(render_pdf(report)))
    assert RLO not in "".join(page.extract_text() for page in pdf.pages)
    assert "Eve gpj.exe" in render_html(report)


def test_a_100_kb_source_url_makes_a_small_pdf(seeded, qapp) -> None:
    from workbench.report.pdf import render_pdf

    store, article, claims = seeded
    url = "https://evidence.example.org/" + "a" * 100_000
    verdict = store.verdict_for(claims[1].id, store.list_reviewers()[0].id)
    store.add_source(verdict.id, title="Very long address", url=url)
    data = render_pdf(build_report(store, article.id))
    assert len(data) < 2_000_000
    pdf = PdfReader(io.BytesIO(data))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "evidence.example.org/aaa" in text
    links = [
        annot.get_object()["/A"]["/URI"]
        for page in pdf.pages
        for annot in page.get("/Annots") or []
        if "/A" in annot.get_object()
    ]
    # The whole address is the link target, once.
    assert links.count(url) == 1
