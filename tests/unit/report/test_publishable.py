"""A report fit to publish: reviewed claims only, desk numbers, drafts apart, summary, methods."""

from __future__ import annotations

import csv
import io
import json

import pytest

from workbench.model import Claim, ClaimantType, ClaimOrigin, Judgement
from workbench.report import ReportOptions, build_report
from workbench.report.html import render_html
from workbench.report.markdown import render_markdown
from workbench.report.tabular import render_csv, render_json

BASE = "https://check.example.org/reports/kerry"


@pytest.fixture
def desk(seeded, texts):
    """The seeded article plus a claim nobody reviewed and a claim marked by hand later."""
    store, article, claims = seeded
    # Not reviewed: the finder's candidate nobody rated.
    store.undismiss_claim(claims[3].id)
    # Marked by hand after import, earlier in the text than claims 2-4: it takes number 5.
    quote = "officials said"
    start = texts.text.index(quote)
    (manual,) = store.add_claims(
        article.id,
        [Claim(article.id, start, start + len(quote), quote, origin=ClaimOrigin.MANUAL)],
    )
    return store, article, claims, manual


def _numbers(report) -> list[int]:
    return [c.number for c in report.claims]


def test_only_claims_someone_rated_are_listed_unless_asked(desk) -> None:
    store, article, _claims, _manual = desk
    report = build_report(store, article.id, ReportOptions())
    # Claim 4 and the manual claim 5 have no verdict: they are left out, and said to be.
    assert _numbers(report) == [1, 2, 3]
    assert report.claims_left_out == 2
    assert "NOT REVIEWED" not in render_markdown(report)
    everything = build_report(store, article.id, ReportOptions(all_claims=True))
    assert _numbers(everything) == [1, 5, 2, 3, 4]
    assert "NOT REVIEWED" in render_markdown(everything)


def test_the_tool_formats_follow_the_same_choice(desk) -> None:
    store, article, *_ = desk
    report = build_report(store, article.id, ReportOptions())
    data = json.loads(render_json(report))
    assert [c["number"] for c in data["claims"]] == [1, 2, 3]
    assert data["selection"]["all_claims"] is False
    assert data["summary"]["claims_not_reviewed_left_out"] == 2
    rows = list(csv.DictReader(io.StringIO(render_csv(report).removeprefix("\ufeff"))))
    assert {r["claim_number"] for r in rows} == {"1", "2", "3"}
    everything = build_report(store, article.id, ReportOptions(all_claims=True))
    rows = list(csv.DictReader(io.StringIO(render_csv(everything).removeprefix("\ufeff"))))
    assert {r["claim_number"] for r in rows} == {"1", "2", "3", "4", "5"}


def test_dismissed_claims_stay_out_even_with_all_claims(seeded) -> None:
    store, article, claims = seeded
    report = build_report(store, article.id, ReportOptions(all_claims=True))
    assert claims[3].id not in {c.id for c in report.claims}
    asked = build_report(store, article.id, ReportOptions(include_dismissed=True))
    assert [c.dismissed for c in asked.claims if c.id == claims[3].id] == [True]


def test_numbers_are_the_desks_and_a_claim_added_later_renumbers_nothing(desk) -> None:
    store, article, claims, manual = desk
    stored = {c.claim.id: c.claim.number for c in store.claims_for(article.id)}
    assert stored[manual.id] == 5
    store.save_verdict(manual.id, store.list_reviewers()[0].id, Judgement("True"))
    report = build_report(store, article.id, ReportOptions(base_url=BASE))
    # In article order, each with the number the desk shows.
    assert [(c.id, c.number) for c in report.claims] == [
        (claims[0].id, 1),
        (manual.id, 5),
        (claims[1].id, 2),
        (claims[2].id, 3),
    ]
    html = render_html(report)
    assert 'id="claim-5"' in html and 'href="#claim-5"' in html
    markers = [n for para in report.appendix for seg in para for n in seg.markers]
    assert markers == [1, 5, 2, 3]
    from workbench.report.claimreview import render_claimreview

    urls = [item["url"] for item in json.loads(render_claimreview(report))]
    assert f"{BASE}#claim-5" in urls


def test_a_draft_is_not_a_verdict(seeded) -> None:
    store, article, claims = seeded
    ana, _tom = store.list_reviewers()
    # Ana is half-way through claim 3 (Tom rated it) and has only notes on claim 4.
    store.save_verdict(claims[2].id, ana.id, Judgement(None, rationale="Still checking"))
    store.undismiss_claim(claims[3].id)
    store.save_verdict(claims[3].id, ana.id, Judgement(None, rationale="Asked the ministry"))
    report = build_report(store, article.id, ReportOptions())
    assert _numbers(report) == [1, 2, 3]
    third = report.claims[2]
    assert [v.reviewer for v in third.verdicts] == ["Tom Okafor"]
    assert not third.disagreement
    assert report.verdict_counts == {"True": 2, "Mostly false": 1, "False": 1, "Unproven": 1}
    assert {r.name: r.verdicts for r in report.reviewers} == {"Ana Ruiz": 2, "Tom Okafor": 3}
    assert report.drafts == 2
    assert "2 verdicts are still in progress" in report.methods
    assert "Still checking" not in render_html(report)


def test_the_written_summary_comes_first(tmp_path, claim_at, texts) -> None:
    from workbench.model import Article
    from workbench.store import open_store

    store = open_store(tmp_path / "s.sqlite3")
    summary = "The minister's figures do not hold up.\nTwo of three claims are false."
    article = Article(text=texts.text, title="Kerry and Putin", summary=summary)
    claim = claim_at(article.id, texts.text, texts.claims[1])
    store.add_article(article, [claim])
    store.save_verdict(claim.id, store.add_reviewer("Ana").id, Judgement("False"))
    report = build_report(store, article.id, ReportOptions())
    store.close()
    html = render_html(report)
    summary_at = html.index("The minister&#39;s figures do not hold up.")
    assert html.index("<h2>Summary</h2>") < summary_at < html.index('class="figures"')
    assert "Two of three claims are false." in html
    assert report.counts_line not in html
    md = render_markdown(report)
    assert md.index("## Summary") < md.index("The minister's figures") < md.index("claims found")
    assert json.loads(render_json(report))["summary"]["text"] == summary


def test_without_a_summary_a_counts_line_stands_in(report) -> None:
    assert report.article.summary == ""
    assert report.counts_line == (
        "3 of the 4 claims found were reviewed, 1 dismissed; reviewers disagree on 1."
    )
    assert report.counts_line in render_html(report)


def test_methods_give_scale_reviewers_finding_review_and_organisation(report) -> None:
    m = report.methods_section
    text = " ".join(m.paragraphs)
    assert "automatic claim finder" in text and "reviewed by people" in text
    assert "2 reviewers rated 3 of the 4 claims found." in text
    assert "Blind review is off in this file" in text
    assert "Published by The Daily Check (https://check.example.org)." in text
    assert [r.label for r in m.ratings][:2] == ["True", "Mostly true"]
    html = render_html(report)
    assert "<h2>Methods</h2>" in html
    assert "<dt>Half true</dt><dd>Partially accurate" in html
    assert "## Methods" in render_markdown(report)


def test_claimant_comes_from_the_claim_record_only(seeded) -> None:
    store, article, _claims = seeded
    report = build_report(store, article.id, ReportOptions())
    html = render_html(report)
    # Claim 3 names its claimant, a person; claims 1 and 2 name nobody: no claimant line.
    assert "Said by <b>The minister &amp; &lt;Co&gt;</b>" in html
    assert html.count("Said by") == 1
    md = render_markdown(report)
    assert "*Said by The minister \\& \\<Co\\> · Quantity*" in md


def test_when_and_where_said_are_printed(seeded) -> None:
    store, article, claims = seeded
    _record(store, claims[0].id, speaker="Kremlin", claimant_type="organisation")
    _record(store, claims[0].id, said_on="2015-12-14", said_where="Press briefing")
    report = build_report(store, article.id, ReportOptions())
    assert report.claims[0].said_by == "Kremlin"
    assert "Said by <b>Kremlin</b>, 14 December 2015, Press briefing" in (render_html(report))


def _record(store, claim_id: str, **fields: object) -> None:
    """Correct a claim's record in the file (the claim editor's work, done directly here)."""
    sets = ", ".join(f"{name} = ?" for name in fields)
    with store.write() as db:
        db.execute(f"UPDATE claims SET {sets} WHERE id = ?", [*fields.values(), claim_id])


def test_claimant_type_reaches_the_claim(seeded) -> None:
    store, article, _claims = seeded
    report = build_report(store, article.id, ReportOptions())
    assert report.claims[2].claimant_type == ClaimantType.PERSON.value
    assert report.claims[0].said_by == ""


def test_a_dismissed_claim_is_reported_as_dismissed_not_as_unreviewed(seeded) -> None:
    import re

    from workbench.report.pdf import render_pdf_html

    store, article, claims = seeded
    report = build_report(store, article.id, ReportOptions(include_dismissed=True, all_claims=True))
    [dismissed] = [c for c in report.claims if c.id == claims[3].id]
    assert not dismissed.verdicts
    counts = {r.label: r.count for r in report.rating_counts}
    assert counts["Not reviewed"] == sum(
        1 for c in report.claims if not c.verdicts and not c.dismissed
    )

    def section(text: str, start: str, end: str) -> str:
        return text[text.index(start) : text.index(end, text.index(start))]

    html = render_html(report)
    entry = section(html, f'id="{dismissed.anchor}"', "</article>")
    assert "Dismissed" in entry and "Not reviewed" not in entry
    glance = re.search(rf'href="#{dismissed.anchor}".*?</tr>', html, re.S)
    assert glance is not None and "Dismissed" in glance.group(0)
    assert "Not reviewed" not in glance.group(0)

    pdf_html = render_pdf_html(report)
    glance_row = re.search(rf"<td[^>]*>{dismissed.number}</td>.*?</tr>", pdf_html, re.S)
    assert glance_row is not None
    row = glance_row.group(0).lower()  # the PDF's badges are in capitals
    assert "dismissed" in row and "not reviewed" not in row
    assert pdf_html.count("Not reviewed yet.") == sum(
        1 for c in report.claims if not c.verdicts and not c.final and not c.dismissed
    )

    markdown = render_markdown(report)
    assert f"### {dismissed.number}. DISMISSED" in markdown
