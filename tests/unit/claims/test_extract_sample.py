"""The sample article through the real pipeline: what a journalist expects to see listed."""

from __future__ import annotations

import threading

import pytest

from workbench.claims import ExtractionCancelled, claim_blocks, extract_claims, score_texts
from workbench.model import BlockKind, ClaimKind

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def claims(nlp, sample):
    return extract_claims(sample, nlp=nlp)


def find(claims, beginning: str):
    matches = [c for c in claims if c.quote.startswith(beginning)]
    assert matches, f"no claim starts with {beginning!r}: {[c.quote[:40] for c in claims]}"
    return matches[0]


def test_every_claim_is_anchored_exactly_and_in_order(claims, sample):
    assert claims
    for claim in claims:
        assert sample.text[claim.start : claim.end] == claim.quote
        assert claim.quote == claim.quote.strip()
    assert [c.start for c in claims] == sorted(c.start for c in claims)


def test_credit_and_footer_never_hold_claims(claims, sample):
    closed = [b for b in sample.blocks if b.kind in (BlockKind.CREDIT, BlockKind.FOOTER)]
    assert len(closed) == 2
    for claim in claims:
        assert not any(b.start < claim.end and claim.start < b.end for b in closed)
        assert "Reuters/Andrew Kelly" not in claim.quote
        assert "Contact the writer" not in claim.quote


def test_no_claim_crosses_a_block_boundary(claims, sample):
    for claim in claims:
        block = sample.block_at(claim.start)
        assert block is not None and claim.end <= block.end


def test_the_headline_and_the_photo_caption_are_not_claims(claims, sample):
    furniture = [b for b in sample.blocks if b.kind in (BlockKind.HEADLINE, BlockKind.CAPTION)]
    assert len(furniture) == 2
    for claim in claims:
        assert not any(b.start <= claim.start < b.end for b in furniture)
        assert "speaks at a news conference" not in claim.quote


def test_direct_quote_with_speaker_after_is_kerrys_and_keeps_only_the_quoted_words(claims):
    claim = find(claims, "We will meet this Friday, Dec. 18,")
    assert claim.speaker == "John Kerry"
    assert "“" not in claim.quote and "Kerry said" not in claim.quote
    assert any(r.startswith("direct quote (John Kerry)") for r in claim.reasons)


def test_lavrovs_quote_has_lavrov_as_speaker(claims):
    claim = find(claims, "Despite our countries’ differences,")
    assert claim.speaker == "Sergei Lavrov"
    assert claim.quote.endswith("progress can be made")


def test_reported_speech_has_kerry_as_speaker(claims):
    claim = find(claims, "Kerry stated that Assad has been accused of")
    assert claim.speaker == "John Kerry"
    assert "reported speech (John Kerry)" in claim.reasons


def test_the_article_itself_asserts_unattributed_statements(claims):
    assert find(claims, "The Syrian president apparently had never tried").speaker is None


def test_a_compound_sentence_becomes_two_candidates_that_stand_alone(nlp):
    from workbench.claims.spans import claim_spans

    doc = nlp(
        "Kerry agreed that both the nations want good for Syria, but Assad staying in power "
        "was something the US couldn’t agree with."
    )
    first, second = (span.text for span in claim_spans(doc))
    assert first == "Kerry agreed that both the nations want good for Syria"
    assert second.startswith("Assad staying in power was something the US couldn’t agree with")


@pytest.mark.parametrize(
    "beginning",
    [
        "Kerry stated that Assad has been accused of violating human rights and using chemical",
        "US Secretary of State John Kerry met with Russian President Vladimir Putin",
        "The Syrian president apparently had never tried",
    ],
)
def test_the_central_claims_score_high(claims, beginning):
    claim = find(claims, beginning)
    assert claim.score >= 0.5
    ranked = sorted(claims, key=lambda c: -c.score)
    assert ranked.index(claim) < len(ranked) // 2 + 1


def test_more_than_four_years_is_a_quantity_with_its_reason(claims):
    claim = find(claims, "The Syrian president apparently had never tried")
    assert claim.kind is ClaimKind.QUANTITY
    assert "gives a time span (more than four years)" in claim.reasons


def test_claims_carry_the_pipeline_and_component_versions(claims, nlp):
    assert all(c.pipeline_version and c.pipeline_version.endswith("+claims-1.0") for c in claims)
    assert nlp.meta["version"] in claims[0].pipeline_version


def test_progress_reports_each_block(nlp, sample):
    calls: list[tuple[int, int]] = []
    extract_claims(sample, nlp=nlp, progress=lambda done, total: calls.append((done, total)))
    holding = len(claim_blocks(sample))
    assert calls[0] == (0, holding)
    assert calls[-1] == (holding, holding)
    assert [done for done, _ in calls] == list(range(holding + 1))


def test_cancelling_stops_the_extraction(nlp, sample):
    calls: list[tuple[int, int]] = []
    with pytest.raises(ExtractionCancelled):
        extract_claims(
            sample,
            nlp=nlp,
            progress=lambda done, total: calls.append((done, total)),
            is_cancelled=lambda: len(calls) >= 2,
        )
    assert calls[-1][0] < calls[-1][1]


def test_extraction_works_on_a_worker_thread(nlp, sample, claims):
    result: list = []
    worker = threading.Thread(target=lambda: result.append(extract_claims(sample, nlp=nlp)))
    worker.start()
    worker.join(timeout=120)
    assert [(c.start, c.end, c.speaker) for c in result[0]] == [
        (c.start, c.end, c.speaker) for c in claims
    ]


def test_score_texts_ranks_checkable_sentences_first(nlp):
    scores = score_texts(
        [
            "Unemployment fell to 4.1 percent last year, the lowest since 2001.",
            "Thank you very much, it is great to be here tonight.",
            "",
        ],
        nlp=nlp,
    )
    assert len(scores) == 3
    assert scores[0] > 0.5 > scores[1]
    assert scores[2] == 0.0
