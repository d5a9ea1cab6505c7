"""No heading alone at the foot of a PDF page, and no paragraph leaving one line behind."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from workbench.model import Article, Claim, ClaimantType, Judgement
from workbench.report import ReportOptions, build_report
from workbench.report import pdf as pdf_module

pytestmark = pytest.mark.usefixtures("qapp")

RATINGS = ("True", "Mostly true", "False", "Half true")
SENTENCE = "The council's published budget gives another figure for that year."

#: Lines that head what follows them: claim heads, verdict heads, sections.
HEADING = re.compile(
    r"^(\d+ Said by Speaker \d+|[A-Z ]+ Ana Lima ·|CLAIMS$|METHODS$|AT A GLANCE$|SUMMARY$"
    r"|Reviewers$|Claims by rating$|Rating scale)"
)


@pytest.fixture
def long_report(tmp_path: Path):
    """Forty reviewed claims whose rationales run from one to five lines, so that with plain
    page filling some claim's head falls at the foot of a page."""
    from workbench.store import open_store

    store = open_store(tmp_path / "long.sqlite3")
    sentences = [
        f"In {1980 + i} the council spent {i + 3} million pounds on roads, the mayor said."
        for i in range(40)
    ]
    text = "Council spending\n" + "\n".join(sentences)
    article = Article(text=text, title="Council spending", outlet="The Gazette")
    claims = []
    for i, sentence in enumerate(sentences):
        start = text.index(sentence)
        claim = Claim(article.id, start, start + len(sentence), sentence)
        claim.speaker, claim.claimant_type = f"Speaker {i + 1}", ClaimantType.PERSON
        claims.append(claim)
    store.add_article(article, claims)
    ana = store.add_reviewer("Ana Lima")
    for i, claim in enumerate(claims):
        rationale = " ".join([SENTENCE] * (1 + (i * 7) % 9))
        verdict = store.save_verdict(
            claim.id, ana.id, Judgement(RATINGS[i % 4], rationale=rationale)
        )
        store.add_source(verdict.id, title="Budget", url="https://council.example.org/budget")
    report = build_report(store, article.id, ReportOptions(organisation_name="The Daily Check"))
    store.close()
    return report


def _last_lines(pdf: bytes) -> list[str]:
    """The last line of text above the footer of every page but the last."""
    last = []
    pages = PdfReader(io.BytesIO(pdf)).pages
    for page in pages[:-1]:
        text = page.extract_text(extraction_mode="layout")
        lines = [" ".join(line.replace("\xa0", " ").split()) for line in text.splitlines()]
        lines = [line for line in lines if line]
        footer = next(i for i, line in enumerate(lines) if line.startswith("Fact-check:"))
        last.append(lines[footer - 1])
    return last


def test_plain_page_filling_would_strand_a_heading(long_report, monkeypatch) -> None:
    # The check below sees a stranded heading when there is one.
    monkeypatch.setattr(pdf_module, "keep_together", lambda doc: 0)
    stranded = [
        line for line in _last_lines(pdf_module.render_pdf(long_report)) if HEADING.match(line)
    ]
    assert stranded


def test_no_page_ends_with_a_heading(long_report) -> None:
    pdf = pdf_module.render_pdf(long_report)
    stranded = [line for line in _last_lines(pdf) if HEADING.match(line)]
    assert stranded == []
    # Nothing was lost by breaking pages earlier.
    text = " ".join(
        " ".join(p.extract_text().replace("\xa0", " ").split())
        for p in PdfReader(io.BytesIO(pdf)).pages
    )
    for claim in long_report.claims:
        assert f"Said by Speaker {claim.number}" in text
