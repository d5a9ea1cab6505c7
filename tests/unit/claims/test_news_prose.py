"""News prose through the real spaCy pipeline: page furniture, quotes, speakers and dates.

The pipeline here has no trained scorer, so nothing depends on the shipped model's scores.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import spacy
from spacy.language import Language

from workbench.claims import add_claim_components, extract_claims, score_texts
from workbench.claims.pipeline import default_pipeline_name
from workbench.claims.spans import claim_spans
from workbench.ingest import read_pasted, read_path
from workbench.model import Article, Block, BlockKind, ClaimKind

from .conftest import SEED

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def rules() -> Language:
    """The installed English pipeline with our components and no trained scorer."""
    return add_claim_components(spacy.load(default_pipeline_name()))


def body_article(*paragraphs: str) -> Article:
    """An article of body paragraphs separated by blank lines."""
    text = "\n\n".join(paragraphs)
    blocks, position = [], 0
    for paragraph in paragraphs:
        blocks.append(Block(BlockKind.BODY, position, position + len(paragraph)))
        position += len(paragraph) + 2
    return Article(text=text, blocks=blocks)


# --- page furniture ---------------------------------------------------------------------------

PAGE = """Council approves budget for new bridge

Council approves budget for new bridge

City councillor Anna Berg speaks during a council meeting in Leeds, May 4, 2023. REUTERS/Jane Doe

The old bridge, which opened in 1968, was closed in 2021 after inspectors found cracks. (AP Photo/John Roe)

The council approved a budget of 42 million pounds for a new bridge on Monday, after a debate that lasted six hours.

Share this article

Share on Facebook Share on Twitter Share via Email

Unemployment in the city rose to 6.1 percent last year, the highest rate since 2009.

The transport ministry did not immediately respond to a request for comment.

Berg said the bridge would open in 2026. (Additional reporting by Tom Lee; Editing by Sara Fox)

Reporting by Jane Doe; Writing by Mark Stone; Editing by Sara Fox
"""


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Article:
    path = tmp_path_factory.mktemp("page") / "bridge.txt"
    path.write_text(PAGE, encoding="utf-8")
    return read_path(path)


@pytest.fixture(scope="module")
def page_claims(rules, page):
    return extract_claims(page, nlp=rules)


def test_the_page_is_read_into_its_parts(page):
    kinds = [b.kind for b in page.blocks]
    assert kinds[0] is BlockKind.HEADLINE
    assert kinds.count(BlockKind.CAPTION) == 2
    assert kinds.count(BlockKind.CREDIT) == 2
    assert kinds.count(BlockKind.FOOTER) == 2
    assert kinds.count(BlockKind.BYLINE) == 2


@pytest.mark.parametrize(
    "words",
    [
        "Council approves budget for new bridge",
        "speaks during a council meeting",
        "REUTERS/Jane Doe",
        "AP Photo",
        "Share",
        "did not immediately respond",
        "Additional reporting by",
        "Reporting by Jane Doe",
        "Editing by",
    ],
)
def test_page_furniture_is_never_a_claim(page_claims, words):
    assert page_claims
    assert not [c.quote for c in page_claims if words in c.quote]


@pytest.mark.parametrize(
    "beginning",
    [
        # A caption that says more than the picture shows stays a claim.
        "The old bridge, which opened in 1968, was closed in 2021",
        "The council approved a budget of 42 million pounds",
        "Unemployment in the city rose to 6.1 percent last year",
        "Berg said the bridge would open in 2026.",
    ],
)
def test_the_statements_of_the_page_stay_claims(page_claims, beginning):
    assert [c for c in page_claims if c.quote.startswith(beginning)]


def test_the_staff_line_glued_to_the_last_paragraph_leaves_the_claim_whole(page_claims):
    claim = next(c for c in page_claims if c.quote.startswith("Berg said the bridge"))
    assert claim.quote == "Berg said the bridge would open in 2026."
    assert claim.speaker == "Anna Berg"


@pytest.mark.parametrize(
    "caption",
    [
        "Kerry speaks at a news conference in New York, April 27, 2015.",
        "FILE PHOTO: Russian President Vladimir Putin attends a meeting in Moscow, Russia.",
        "Kerry is seen during a meeting in Geneva on Tuesday.",
        "Kerry (L) and Lavrov are pictured before their meeting in Moscow.",
        "Protesters gather outside parliament on Monday.",
        "Flood water in the town centre.",
    ],
)
def test_a_caption_that_only_describes_the_picture_is_dropped(rules, caption):
    article = Article(text=caption, blocks=[Block(BlockKind.CAPTION, 0, len(caption))])
    assert extract_claims(article, nlp=rules) == []


def test_the_same_description_in_the_body_is_a_candidate(rules):
    sentence = "Kerry speaks at a news conference in New York, April 27, 2015."
    assert [c.quote for c in extract_claims(body_article(sentence), nlp=rules)] == [sentence]


def test_a_caption_sentence_that_asserts_more_is_kept(rules):
    caption = (
        "Kerry speaks at a news conference in New York, where he announced sanctions on "
        "three Russian banks."
    )
    article = Article(text=caption, blocks=[Block(BlockKind.CAPTION, 0, len(caption))])
    assert [c.quote for c in extract_claims(article, nlp=rules)] == [caption]


def test_a_paragraph_repeating_the_title_is_dropped_without_a_headline_block(rules):
    # A saved page: the title comes from the page, the text starts with the byline.
    byline = "By Jane Doe"
    repeat = "UNEMPLOYMENT RISES TO 6.1 PERCENT."
    body = "Unemployment rose to 6.1 percent in the city last year, officials said."
    text = f"{byline}\n\n{repeat}\n\n{body}"
    article = Article(
        text=text,
        title="Unemployment rises to 6.1 percent",
        blocks=[
            Block(BlockKind.BYLINE, 0, len(byline)),
            Block(BlockKind.BODY, text.index(repeat), text.index(repeat) + len(repeat)),
            Block(BlockKind.BODY, text.index(body), len(text)),
        ],
    )
    assert [c.quote for c in extract_claims(article, nlp=rules)] == [body]


def test_a_lead_sentence_repeating_the_headline_is_dropped(rules):
    article = read_pasted(
        "Unemployment rises to 6.1 percent\n\n"
        "Unemployment rises to 6.1 percent. The city's jobless rate rose for a third year in a "
        "row, officials said on Monday."
    )
    quotes = [c.quote for c in extract_claims(article, nlp=rules)]
    assert quotes and not [q for q in quotes if q.startswith("Unemployment rises")]


def test_a_title_made_from_the_first_words_does_not_drop_them(rules):
    text = "Unemployment rose to 6.1 percent last year."
    article = read_pasted(text)
    assert article.title == text
    assert [c.quote for c in extract_claims(article, nlp=rules)] == [text]


# --- the sample article -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_claims(rules):
    article = read_path(SEED)
    return article, extract_claims(article, nlp=rules)


def test_the_sample_photo_caption_and_headline_are_not_claims(sample_claims):
    article, claims = sample_claims
    assert claims
    headline, caption, credit = article.blocks[:3]
    assert (headline.kind, caption.kind, credit.kind) == (
        BlockKind.HEADLINE,
        BlockKind.CAPTION,
        BlockKind.CREDIT,
    )
    assert all(c.start >= credit.end for c in claims)
    assert not [c for c in claims if "news conference as part of" in c.quote]
    assert not [c for c in claims if "Reuters/Andrew Kelly" in c.quote]
    assert not [c for c in claims if "Contact the writer" in c.quote]


def test_the_sample_keeps_its_body_claims_and_speakers(sample_claims):
    _, claims = sample_claims

    def speaker(beginning: str) -> str | None:
        return next(c for c in claims if c.quote.startswith(beginning)).speaker

    assert speaker("We will meet this Friday, Dec. 18,") == "John Kerry"
    assert speaker("Despite our countries’ differences,") == "Sergei Lavrov"
    assert speaker("Kerry stated that Assad has been accused of") == "John Kerry"
    assert speaker("The Syrian president apparently had never tried") is None


def test_the_sample_date_only_sentence_is_not_a_quantity(sample_claims):
    _, claims = sample_claims
    met = next(c for c in claims if c.quote.startswith("US Secretary of State John Kerry met"))
    assert "on Tuesday" in met.quote
    assert met.kind is not ClaimKind.QUANTITY


# --- quotes score like the same words unquoted ------------------------------------------------


@pytest.fixture
def recording(rules) -> Iterator[list[str]]:
    """The pipeline's learned scorer replaced by one that records what it is given."""
    seen: list[str] = []

    def scorer(texts: list[str]) -> list[float]:
        seen.extend(texts)
        return [0.5] * len(texts)

    component = rules.get_pipe("claim_checkworthy")
    component.set_learned_scorer(scorer, 0.5)
    try:
        yield seen
    finally:
        component.set_learned_scorer(None, 0.0)


@pytest.mark.parametrize(
    "quoted",
    [
        "“Unemployment fell to 4.1 percent last year.”",
        '"Unemployment fell to 4.1 percent last year."',
        "‘Unemployment fell to 4.1 percent last year.’",
    ],
)
def test_a_quoted_sentence_scores_like_the_same_words_unquoted(rules, recording, quoted):
    plain = "Unemployment fell to 4.1 percent last year."
    quoted_score, plain_score = score_texts([quoted, plain], nlp=rules)
    assert quoted_score == plain_score
    assert recording == [plain, plain]


# --- a quote over two sentences keeps its speaker ---------------------------------------------

SPLIT_QUOTES = [
    "“There was one regulator, maybe two. Now it’s five or six,” said Jane Smith.",
    '"There was one regulator, maybe two. Now it\'s five or six," said Jane Smith.',
    '"There was one regulator, maybe\ntwo. Now it\'s five or six," said Jane Smith.',
    "‘There was one regulator, maybe two. Now it’s five or six,’ said Jane Smith.",
    "“There was one regulator, maybe two. Now it’s five or six,” Jane Smith told reporters.",
    "Jane Smith said: “There was one regulator, maybe two. Now it’s five or six.”",
    "“There was one regulator,” Jane Smith said. “Maybe two. Now it’s five or six.”",
    "“There was one regulator,” Jane Smith said, “maybe two. Now it’s five or six.”",
]


@pytest.mark.parametrize("text", SPLIT_QUOTES)
def test_every_sentence_of_a_quote_has_its_speaker(rules, text):
    spans = claim_spans(rules(text))
    regulator = [s for s in spans if "one regulator" in s.text]
    five_or_six = [s for s in spans if "five or six" in s.text]
    assert regulator and five_or_six
    for span in regulator + five_or_six:
        assert span._.speaker in ("Jane Smith", "Smith"), span.text
        assert span._.attribution == "quote"
        assert "said" not in span.text and "“" not in span.text


def test_a_short_quote_of_two_sentences_is_one_claim_with_its_speaker(rules):
    article = body_article(
        "Jane Smith has run a small bank in Leeds since 2004.",
        "“There was one regulator, maybe two. Now it’s five or six,” said Smith.",
    )
    claims = extract_claims(article, nlp=rules)
    quoted = [c for c in claims if "regulator" in c.quote or "five or six" in c.quote]
    assert [c.quote for c in quoted] == ["There was one regulator, maybe two. Now it’s five or six"]
    assert quoted[0].speaker == "Jane Smith"


def test_a_long_quote_stays_one_claim_per_sentence(rules):
    first = (
        "Unemployment in the northern region fell to four percent last year, the lowest rate "
        "since the records began in the early seventies."
    )
    second = "Wages rose faster than prices in every single month of the past year in the region."
    spans = claim_spans(rules(f"The minister said: “{first} {second}”"))
    assert [s.text for s in spans] == [first, second]
    assert {s._.speaker for s in spans} == {"minister"}


def test_a_quote_after_someone_else_is_named_does_not_inherit_the_speaker(rules):
    text = (
        "“There was one regulator,” Smith said. Opposition leader Tom Reyes disagreed. "
        "“Now there are five or six of them in every region.”"
    )
    spans = claim_spans(rules(text))
    later = next(s for s in spans if s.text.startswith("Now there are"))
    assert later._.speaker != "Smith"


def test_a_short_scare_quote_still_leaves_the_sentence_whole(rules):
    text = "The so-called “peace plan” was rejected on Monday, Smith said."
    assert [s.text for s in claim_spans(rules(text))] == [text]


# --- a date alone is not a quantity -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, the minister visited Paris.",
        "In 2019 he moved to Boston.",
        "The minister visited Paris on March 3, 2021.",
        "Two years ago the minister moved to Boston.",
        "Three years later the company collapsed.",
        "The attacks of 9/11 changed the city.",
        "Kerry met Lavrov on April 27 in New York.",
        "Since 2001 the party has governed the region.",
    ],
)
def test_a_date_alone_does_not_make_a_quantity(rules, text):
    kinds = [span._.claim_kind for span in claim_spans(rules(text))]
    assert kinds and ClaimKind.QUANTITY.value not in kinds


@pytest.mark.parametrize(
    "text",
    [
        "Unemployment fell to 4.1 percent in 2019.",
        "The plan costs $5 billion.",
        "Three people died in the crash on Monday.",
        "About 2,000 people attended the march in 2019.",
        "The conflict has lasted for more than four years.",
    ],
)
def test_numbers_percentages_money_and_durations_make_a_quantity(rules, text):
    kinds = [span._.claim_kind for span in claim_spans(rules(text))]
    assert ClaimKind.QUANTITY.value in kinds
