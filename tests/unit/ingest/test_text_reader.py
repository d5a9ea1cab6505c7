"""Plain-text reader: encodings, line ends, layout heuristics and the sample article."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from workbench.ingest import IngestError, read_pasted, read_path
from workbench.model import BlockKind

from .checks import assert_valid_article, layout

SEED = Path(__file__).resolve().parents[3] / "seeds" / "kerry-putin-syria-talks.txt"


def write(tmp_path: Path, data: bytes, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_sample_article_block_layout() -> None:
    article = read_path(SEED)
    assert_valid_article(article)
    kinds = [b.kind for b in article.blocks]
    assert kinds == [
        BlockKind.HEADLINE,
        BlockKind.CAPTION,
        BlockKind.CREDIT,
        *[BlockKind.BODY] * 6,
        BlockKind.FOOTER,
    ]
    lines = article.text.split("\n")
    headline, caption, credit = article.blocks[:3]
    assert article.text[headline.start : headline.end] == lines[0]
    assert article.title == lines[0]
    line2_start = len(lines[0]) + 1
    line2_end = line2_start + len(lines[1])
    assert caption.start == line2_start
    assert article.text[caption.start : caption.end].endswith("New York April 27, 2015.")
    assert caption.end < credit.start
    assert article.text[credit.start : credit.end] == "Reuters/Andrew Kelly"
    assert credit.end == line2_end
    footer = article.blocks[-1]
    assert article.text[footer.start : footer.end].startswith("Contact the writer at")
    body = article.text[article.blocks[3].start : article.blocks[3].end]
    assert body.startswith("Russia and the United States") and body.endswith("more time.")
    assert article.source_name == SEED.name
    assert article.source_sha256 and len(article.source_sha256) == 64


ARTICLE = "Café owners say prices rose 12%\n\nThe café on Rue Saint-Éloi “closed” in May.\n"


@pytest.mark.parametrize(
    "data",
    [
        ARTICLE.encode("utf-8"),
        codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
        codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
        ARTICLE.encode("cp1252"),
        ARTICLE.replace("“", '"').replace("”", '"').encode("latin-1"),
        ARTICLE.encode("utf-16-le"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp1252", "latin1", "utf16le-nobom"],
)
def test_encodings_give_the_same_visible_text(tmp_path: Path, data: bytes) -> None:
    article = read_path(write(tmp_path, data))
    assert_valid_article(article)
    assert article.title == "Café owners say prices rose 12%"
    assert "Rue Saint-Éloi" in article.text
    assert not article.text.startswith("\ufeff")
    assert [b.kind for b in article.blocks] == [BlockKind.HEADLINE, BlockKind.BODY]


def test_utf8_with_a_stray_cp1252_byte_keeps_both(tmp_path: Path) -> None:
    data = "Naïve headline\n\nPrices rose 5€ a week".encode() + b" \x96 the mayor said.\n"
    article = read_path(write(tmp_path, data))
    assert "Naïve headline" in article.text
    assert "5€ a week – the mayor said." in article.text


def test_crlf_is_normalised_and_offsets_index_the_normalised_text(tmp_path: Path) -> None:
    data = b"Headline here\r\n\r\nFirst paragraph.\r\n\r\nSecond one.\r\n"
    article = read_path(write(tmp_path, data))
    assert "\r" not in article.text
    assert layout(article) == [
        ("headline", "Headline here"),
        ("body", "First paragraph."),
        ("body", "Second one."),
    ]


def test_binary_named_txt_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(IngestError, match=r"article\.txt.*binary"):
        read_path(path)


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \r\n", codecs.BOM_UTF8])
def test_empty_file_is_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(IngestError, match=r"article\.txt.*empty"):
        read_path(write(tmp_path, data))


def test_hard_wrapped_paragraphs_join_and_bylines_stay_apart(tmp_path: Path) -> None:
    text = (
        "Council approves new budget\n"
        "By Jane Doe\n"
        "\n"
        "The city council approved a budget of $4.2 million on Monday after a debate\n"
        "that lasted more than six hours, officials said late in the evening in a\n"
        "statement.\n"
        "\n"
        "Sign up for our newsletter to get the latest news in your inbox.\n"
        "© 2024 Example News. All rights reserved.\n"
    )
    article = read_path(write(tmp_path, text.encode()))
    kinds = layout(article)
    assert kinds[0] == ("headline", "Council approves new budget")
    assert kinds[1] == ("byline", "By Jane Doe")
    assert kinds[2][0] == "body" and kinds[2][1].endswith("in a\nstatement.")
    assert [k for k, _ in kinds[3:]] == ["footer", "footer"]


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Protesters gather outside parliament on Monday.", "(AP Photo/Evan Vucci)"),
        ("The minister arrives in Brussels.", "Photo: Jane Doe"),
        ("Flood water in the town centre.", "Getty Images"),
        ("Flood water in the town centre.", "Mandel Ngan/AFP via Getty Images"),
        ("The new bridge at dusk.", "Photograph: John Smith/The Guardian"),
        ("Kerry speaks at a news conference in New York.", "REUTERS/Andrew Kelly"),
        ("Kerry speaks at a news conference", "(Photo by Jane Doe/Getty Images)"),
    ],
)
def test_trailing_photo_credits_split_from_captions(caption: str, credit: str) -> None:
    article = read_pasted(f"Headline of the story\n{caption} {credit}\n\nBody text here.")
    assert layout(article)[:3] == [
        ("headline", "Headline of the story"),
        ("caption", caption),
        ("credit", credit),
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Photo: Jane Doe", "credit"),
        ("Getty Images", "credit"),
        ("Staff reporter", "byline"),
        ("Jane Doe, Political Correspondent", "byline"),
        ("Reporting by Jane Doe; Editing by John Smith", "byline"),
        ("(Additional reporting by Jane Doe in London; Editing by John Smith)", "byline"),
        ("(Reporting by Andrew Osborn; Writing by Mark Trevelyan; Editing by Jon Boyle)", "byline"),
        ("Additional reporting by Reuters staff.", "byline"),
        ("Reporting by the BBC showed the deal was signed by both sides in March.", "body"),
        ("Editing by hand is slow, the minister said.", "body"),
        ("Share this article", "footer"),
        ("Share on Facebook Share on Twitter Share via Email", "footer"),
        ("Share", "footer"),
        ("Click here to read more", "footer"),
        ("Share prices fell 5% on Friday.", "body"),
        ("Twitter shares fell 5% on Monday.", "body"),
        ("Follow us on Twitter and Facebook", "footer"),
        ("Read more: Why the talks failed", "footer"),
        ("Copyright 2024 Example Media", "footer"),
        ("Subscribe to our daily newsletter", "footer"),
        ("Pictured: the minister in Paris last week", "caption"),
        ("The minister said the deal was signed by both sides in March.", "body"),
        ("By most measures the economy grew last year.", "body"),
        ("Copyright law changed in 2019, the minister said.", "body"),
        ("Sign-up numbers for the scheme fell 20% in a year.", "body"),
        ("Sign up numbers for the scheme fell 20% in a year.", "body"),
        ("By January, prices had risen 5%.", "body"),
        ("© 2015 IBTimes Co., Ltd.", "footer"),
        ("Advertisement", "footer"),
    ],
)
def test_paragraph_roles(line: str, kind: str) -> None:
    article = read_pasted(f"A headline\n\nA first paragraph of body text.\n\n{line}\n")
    assert layout(article)[-1] == (kind, line)


@pytest.mark.parametrize(
    "staff",
    [
        "(Additional reporting by Jane Doe; Editing by John Smith)",
        "Additional reporting by Jane Doe.",
        "Reporting by Jane Doe in Moscow; Editing by John Smith",
    ],
)
def test_a_staff_line_at_the_end_of_the_last_paragraph_is_split_off(staff: str) -> None:
    body = "Kerry said the talks would resume in New York on Friday."
    article = read_pasted(f"Talks to resume\n\n{body} {staff}\n")
    assert layout(article) == [("headline", "Talks to resume"), ("body", body), ("byline", staff)]


def test_pasted_text_keeps_metadata_and_long_first_line_is_no_headline() -> None:
    text = "This first paragraph is a full sentence that ends with a full stop, so it is body."
    article = read_pasted(text, title="My title", outlet="Example News", url="https://e.x/a")
    assert layout(article) == [("body", text)]
    assert (article.title, article.outlet, article.url) == (
        "My title",
        "Example News",
        "https://e.x/a",
    )
    assert read_pasted(text).title.startswith("This first paragraph is")


def test_pasted_empty_text_is_refused() -> None:
    with pytest.raises(IngestError, match="empty"):
        read_pasted(" \n ")


def test_pasted_text_with_broken_characters_still_opens() -> None:
    article = read_pasted("Headline\n\nA lone surrogate \ud800 and a NUL \x00 in pasted text.")
    assert "\ufffd" in article.text and "\x00" not in article.text
    assert_valid_article(article)


@pytest.mark.parametrize(
    "dateline",
    [
        "NEW YORK, Dec 3 (Reuters) -",
        "WASHINGTON —",
        "KYIV, Ukraine (AP) —",
        "ST. LOUIS, Mo. —",
        "BEIJING, March 5 (Xinhua) --",
    ],
)
def test_a_wire_dateline_is_split_off_the_first_paragraph(dateline: str) -> None:
    body = "Bank executives on Tuesday told lawmakers that oversight had become costly."
    article = read_pasted(f"Banks face a maze of regulators\n\n{dateline} {body}\n")
    assert layout(article)[1:] == [("byline", dateline), ("body", body)]


@pytest.mark.parametrize(
    "opening",
    [
        "NATO - the alliance said on Monday it would send more troops.",
        "US officials said - without giving figures - that costs rose.",
        "I — like many others — voted early.",
    ],
)
def test_a_paragraph_that_only_looks_like_a_dateline_stays_whole(opening: str) -> None:
    article = read_pasted(f"Troops to the east\n\n{opening}\n")
    assert layout(article)[1:] == [("body", opening)]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_cyrillic_utf16_without_byte_order_mark_is_read(tmp_path: Path, codec: str) -> None:
    text = (
        "Путин встретился с Керри\n\n"
        "Россия и США готовы обсудить Сирию, заявили официальные лица в пятницу.\n"
    )
    path = tmp_path / "novosti.txt"
    path.write_bytes(text.encode(codec))
    article = read_path(path)
    assert article.text == text.rstrip("\n") or article.text == text
    assert "заявили официальные лица" in article.text
