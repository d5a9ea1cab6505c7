"""One notion of "too long for one article", the same for every format and pasted text."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from workbench.ingest import IngestError, pdf, read_pasted, read_path
from workbench.ingest.limits import MAX_WORDS, count_words, too_long

from .checks import assert_valid_article
from .pdfbytes import make_pdf

SENTENCE = "Officials said the figure rose. "  # five words
TOO_LONG = r"has (more than )?[\d,.]+( million)? words: too long for one article \(the limit is "
TOO_LONG += r"200,000 words\); split it or import the parts\."


def paragraphs(words: int, per_paragraph: int = 150) -> list[str]:
    """Paragraphs holding ``words`` words in all."""
    sentences = per_paragraph // 5
    return [(SENTENCE * sentences).strip()] * (words // per_paragraph)


def as_docx(paras: list[str]) -> bytes:
    document = docx.Document()
    for para in paras:
        document.add_paragraph(para)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_message_says_how_long_in_words_a_journalist_reads() -> None:
    message = str(too_long("inquiry.txt", 2_412_345))
    assert message == (
        "“inquiry.txt” has 2.4 million words: too long for one article "
        "(the limit is 200,000 words); split it or import the parts."
    )


def test_count_words_across_slice_boundaries() -> None:
    text = "word " * 500_000 + "last"
    assert count_words(text) == 500_001
    assert count_words("a" * 3_000_000) == 1


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".docx"])
def test_every_format_refuses_a_text_over_the_limit(tmp_path: Path, suffix: str) -> None:
    paras = paragraphs(MAX_WORDS + 30_000)
    if suffix == ".docx":
        data = as_docx(paras)
    elif suffix == ".html":
        body = "".join(f"<p>{para}</p>" for para in paras[:1000])
        # Few elements, many words: the word budget, not the element budget, must refuse it.
        data = f"<html><body><article>{body}<p>{' '.join(paras[1000:])}</p></article>"
        data = (data + "</body></html>").encode()
    else:
        data = "\n\n".join(paras).encode()
    path = tmp_path / f"inquiry{suffix}"
    path.write_bytes(data)
    with pytest.raises(IngestError, match=rf"“inquiry\{suffix}” {TOO_LONG}"):
        read_path(path)


def test_pasted_text_over_the_limit_is_refused_the_same_way() -> None:
    with pytest.raises(IngestError, match=r"“pasted text” has 229,950 words: too long for one"):
        read_pasted("\n\n".join(paragraphs(MAX_WORDS + 30_000)))


def test_a_long_government_report_still_fits(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Inquiry report\n\n" + "\n\n".join(paragraphs(150_000)), encoding="utf-8")
    article = read_path(path)
    assert_valid_article(article)
    assert count_words(article.text) > 149_000


def test_one_paragraph_over_a_million_characters_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    path.write_bytes((("x" * 40 + " ") * 40_000).encode())  # 1.64 million characters, 40,000 words
    with pytest.raises(IngestError, match=r"“line\.txt” has 1\.6 million characters: too long"):
        read_path(path)


def test_pdf_over_the_limit_is_refused_without_reading_every_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A dense report: 400 pages of 1,000 words, twice the limit and within the page budget.
    page = [(72, 720 - 14 * line, 9, (SENTENCE * 4).strip()) for line in range(50)]
    path = tmp_path / "inquiry.pdf"
    path.write_bytes(make_pdf([page] * 400))
    pages_read = 0
    page_text = pdf._page_text

    def counting(page: object) -> str:
        nonlocal pages_read
        pages_read += 1
        return page_text(page)

    monkeypatch.setattr(pdf, "_page_text", counting)
    with pytest.raises(IngestError, match=rf"“inquiry\.pdf” {TOO_LONG}"):
        read_path(path)
    # Reading stops at the page that takes the count over the limit.
    assert pages_read == MAX_WORDS // 1_000 + 1
