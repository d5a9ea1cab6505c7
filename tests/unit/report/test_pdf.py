"""The PDF report, read back with pypdf."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from workbench.report import ReportOptions, build_report
from workbench.report.pdf import render_pdf

pytestmark = pytest.mark.usefixtures("qapp")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def pdf(report) -> PdfReader:
    return PdfReader(io.BytesIO(render_pdf(report)))


def test_every_claim_rating_and_source_url_reads_back(pdf, report) -> None:
    text = _squash("".join(page.extract_text() for page in pdf.pages))
    for claim in report.claims:
        assert _squash(claim.quote) in text
        for verdict in claim.verdicts:
            assert _squash(verdict.rating.upper()) in text
            for source in verdict.sources:
                assert _squash(source.url) in text
    for label in ("TRUE", "MOSTLYFALSE", "FALSE", "UNPROVEN"):
        assert label in text


def test_title_metadata_page_numbers_and_embedded_fonts(pdf, report) -> None:
    assert pdf.metadata.title == report.title
    total = len(pdf.pages)
    for number, page in enumerate(pdf.pages, 1):
        assert f"Page {number} of {total}" in " ".join(page.extract_text().split())
    fonts = [
        font.get_object() for page in pdf.pages for font in page["/Resources"]["/Font"].values()
    ]
    assert fonts
    for font in fonts:
        descendant = (
            font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        )
        descriptor = descendant["/FontDescriptor"].get_object()
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


@pytest.mark.parametrize(("size", "points"), [("A4", (595, 842)), ("Letter", (612, 792))])
def test_page_size_follows_the_option(seeded, size, points) -> None:
    store, article, _ = seeded
    report = build_report(store, article.id, ReportOptions(page_size=size))
    page = PdfReader(io.BytesIO(render_pdf(report))).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == points


def test_hostile_text_prints_literally(pdf, texts) -> None:
    text = _squash("".join(page.extract_text() for page in pdf.pages))
    assert _squash('<script>alert("x")</script>') in text


def test_source_addresses_are_clickable_web_links_only(seeded) -> None:
    store, article, _ = seeded
    verdict = store.claims_for(article.id)[0].verdicts[0]
    store.add_source(verdict.id, title="Trap", url="javascript:alert(1)")
    reader = PdfReader(io.BytesIO(render_pdf(build_report(store, article.id, ReportOptions()))))
    uris = [
        annot.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annot in page.get("/Annots") or []
        if "/A" in annot.get_object()
    ]
    assert "https://www.state.gov/readout-kerry-putin" in uris
    assert "https://stats.example.gov/labour?x=1&y=2" in uris
    assert not any(uri.startswith("javascript") for uri in uris)
