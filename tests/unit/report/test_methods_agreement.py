"""The report's methods give the reviewers' agreement when two or more rated the same claims."""

from __future__ import annotations

import html
import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from workbench.model import Judgement
from workbench.report import ReportOptions, build_report
from workbench.report.html import render_html
from workbench.report.markdown import render_markdown
from workbench.report.pdf import render_pdf

# Claim 1: both rated True; claim 2: Mostly false against False; claim 3: Tom's Unproven alone.
SENTENCE = (
    "2 claims were rated by two or more reviewers, who gave the same rating 50% of the time "
    "(Cohen's kappa 0.33; Krippendorff's alpha 0.83 over the scale's order from false to true)."
)


def test_methods_give_claims_compared_agreement_kappa_and_alpha(report) -> None:
    assert SENTENCE in report.methods_section.paragraphs
    assert SENTENCE in html.unescape(render_html(report))
    assert SENTENCE in render_markdown(report)


@pytest.mark.usefixtures("qapp")
def test_the_pdf_prints_the_agreement(report) -> None:
    pdf = PdfReader(io.BytesIO(render_pdf(report)))
    # NFKC turns the font's "ﬀ" ligature back into two letters.
    text = unicodedata.normalize("NFKC", "".join(page.extract_text() for page in pdf.pages))
    assert re.sub(r"\s+", "", SENTENCE) in re.sub(r"\s+", "", text)


def test_unproven_ratings_left_out_of_alpha_are_named(seeded) -> None:
    store, article, claims = seeded
    ana = store.find_reviewer("Ana Ruiz")
    store.save_verdict(claims[2].id, ana.id, Judgement("Unproven"))
    methods = build_report(store, article.id, ReportOptions()).methods
    assert "3 claims were rated by two or more reviewers" in methods
    assert "Alpha leaves out the 2 Unproven ratings, as Unproven has no place on that order." in (
        methods
    )


def test_no_agreement_sentence_with_one_reviewer(seeded) -> None:
    store, article, _ = seeded
    report = build_report(store, article.id, ReportOptions(reviewers=("Ana Ruiz",)))
    assert "two or more reviewers" not in report.methods


def test_a_draft_is_no_second_rating(seeded) -> None:
    store, article, claims = seeded
    ana = store.find_reviewer("Ana Ruiz")
    store.save_verdict(claims[2].id, ana.id, Judgement(None, rationale="Still looking."))
    assert SENTENCE in build_report(store, article.id, ReportOptions()).methods


def test_dismissed_claims_listed_in_the_report_are_not_compared(seeded) -> None:
    store, article, claims = seeded
    store.dismiss_claim(claims[1].id)
    report = build_report(store, article.id, ReportOptions(include_dismissed=True))
    assert "1 claim was rated by two or more reviewers" in report.methods
