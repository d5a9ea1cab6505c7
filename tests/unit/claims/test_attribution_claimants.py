"""Claimants as a report can publish them: names, never bare common nouns, with their type."""

from __future__ import annotations

import pytest

from workbench.claims import extract_claims
from workbench.claims.claimant_lookup import article_claimants, claimant_of_span
from workbench.model import Article, Block, BlockKind, ClaimantType

pytestmark = pytest.mark.slow

PERSON, ORGANISATION = ClaimantType.PERSON, ClaimantType.ORGANISATION


def article(*paragraphs: str) -> Article:
    text = "\n\n".join(paragraphs)
    blocks, position = [], 0
    for paragraph in paragraphs:
        blocks.append(Block(BlockKind.BODY, position, position + len(paragraph)))
        position += len(paragraph) + 2
    return Article(text=text, blocks=blocks)


def claimant(nlp, beginning: str, *paragraphs: str):
    found = extract_claims(article(*paragraphs), nlp=nlp)
    claim = next(c for c in found if c.quote.startswith(beginning))
    return claim.speaker, claim.claimant_type


def test_the_company_is_the_organisation_named_before(nlp):
    assert claimant(
        nlp,
        "The company said",
        "Acme Corp. reported a loss of $4 million for the quarter on Tuesday.",
        "The company said sales fell 8 percent from a year earlier.",
    ) == ("Acme Corp.", ORGANISATION)


def test_a_bare_common_noun_with_no_organisation_named_is_no_claimant(nlp):
    assert claimant(
        nlp,
        "The company said",
        "The company said it had cut 3,000 jobs since January to save money.",
    ) == (None, None)


def test_police_are_never_taken_for_the_firm_named_before(nlp):
    speaker, _kind = claimant(
        nlp,
        "Police said",
        "The minister said unemployment fell by 12% in 2023.",
        "Acme Corp. said profits doubled to $4bn last year.",
        "Police said 300 people attended the rally on Sunday.",
    )
    assert speaker != "Acme Corp."


def test_a_bank_tagged_as_a_person_in_one_sentence_is_an_organisation(nlp):
    # spaCy reads "J.P. Morgan" as a person here and as an organisation in the next paragraph.
    assert claimant(
        nlp,
        "J.P. Morgan said",
        "J.P. Morgan said profits rose 12 percent in the third quarter.",
        "Shares of J.P. Morgan rose 3 percent in early trading on Wednesday.",
        "Analysts at J.P. Morgan said the economy would shrink by 2 percent next year.",
    ) == ("J.P. Morgan", ORGANISATION)


def test_analysts_at_a_bank_are_the_bank(nlp):
    assert claimant(
        nlp,
        "Analysts at J.P. Morgan",
        "Analysts at J.P. Morgan said the economy would shrink by 2 percent next year.",
    ) == ("J.P. Morgan", ORGANISATION)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Goldman Sachs & Co. said inflation would reach 5 percent by June.",
            ("Goldman Sachs & Co.", ORGANISATION),
        ),
        (
            "Deutsche Bank said revenue fell by a fifth in the second quarter.",
            ("Deutsche Bank", ORGANISATION),
        ),
        (
            "Senator Elizabeth Warren said the bill would cost $300 billion.",
            ("Elizabeth Warren", PERSON),
        ),
        (
            "The Treasury Department said the deficit widened to $1.7 trillion.",
            ("The Treasury Department", ORGANISATION),
        ),
    ],
)
def test_names_get_their_type(nlp, sentence, expected):
    assert claimant(nlp, sentence[:12], sentence) == expected


def test_mr_before_a_surname_makes_a_person(nlp):
    assert claimant(
        nlp,
        "Mr. Dimon told",
        "Jamie Dimon runs the largest bank in the United States.",
        "Mr. Dimon told investors that the bank earned $12 billion last year.",
    ) == ("Jamie Dimon", PERSON)


def test_the_spokeswoman_is_the_person_the_article_calls_so(nlp):
    assert claimant(
        nlp,
        "Arrests rose",
        "Maria Lopez, a police spokeswoman, spoke to reporters on Monday night.",
        "Arrests rose by 40 percent in the city last year, the spokeswoman said.",
    ) == ("Maria Lopez", PERSON)


def test_she_said_is_a_person(nlp):
    assert claimant(
        nlp,
        "Unemployment has fallen",
        "Finance Minister Jane Okafor presented the budget in parliament on Monday.",
        "“Unemployment has fallen for six months in a row and stands at 4.2 percent,” she said.",
    ) == ("Jane Okafor", PERSON)


def test_words_marked_by_hand_get_the_claimant_finding_would_give(nlp):
    marked = article(
        "Acme Corp. reported a loss of $4 million for the quarter on Tuesday.",
        "Retail sales, which make up half of its business, fell 8 percent from a year earlier, "
        "the company said.",
    )
    start = marked.text.index("fell 8 percent")
    assert claimant_of_span(marked, start, start + 30, nlp=nlp) == ("Acme Corp.", ORGANISATION)


def test_the_article_lists_its_people_and_organisations_once(nlp):
    names = article_claimants(
        article(
            "Foreign Minister Sergei Lavrov met Acme Corp. executives in Moscow.",
            "Lavrov said the talks with Acme Corp. went well.",
        ),
        nlp=nlp,
    )
    assert ("Sergei Lavrov", PERSON) in names
    assert ("Acme Corp.", ORGANISATION) in names
    assert [n for n, _ in names].count("Sergei Lavrov") == 1
    assert "Lavrov" not in [n for n, _ in names]
