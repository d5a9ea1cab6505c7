"""PDF reader on PDF files written byte by byte."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from workbench.ingest import IngestError, read_path

from .checks import assert_valid_article, layout
from .pdfbytes import make_pdf

PAGE_ONE = [
    (72, 720, 20, "Kerry meets Putin in Moscow"),
    (72, 690, 10, "Kerry speaks at a news conference.   Reuters/Andrew Kelly"),
    (72, 660, 11, "Russia and the United States are well prepared to discuss"),
    (72, 646, 11, "the peace process at the talks on Friday, but still dis-"),
    (72, 632, 11, "agreed on allowing Assad to stay."),
    (72, 606, 11, "US Secretary of State John Kerry met with Russian"),
    (72, 592, 11, "President Vladimir Putin and Foreign Minister Sergei"),
    (300, 40, 9, "1"),
]
PAGE_TWO = [
    (72, 720, 11, "Lavrov on Tuesday in Moscow."),
    (72, 690, 11, "Contact the writer at feedback@example.com."),
    (300, 40, 9, "2"),
]


def write(tmp_path: Path, data: bytes, name: str = "article.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_pdf_paragraphs_metadata_and_blocks(tmp_path: Path) -> None:
    info = {"Title": "Kerry in Moscow", "Author": "Jane Doe", "CreationDate": "D:20151215100000Z"}
    article = read_path(write(tmp_path, make_pdf([PAGE_ONE, PAGE_TWO], info)))
    assert_valid_article(article)
    assert layout(article) == [
        ("headline", "Kerry meets Putin in Moscow"),
        ("caption", "Kerry speaks at a news conference."),
        ("credit", "Reuters/Andrew Kelly"),
        (
            "body",
            "Russia and the United States are well prepared to discuss the peace process at "
            "the talks on Friday, but still disagreed on allowing Assad to stay.",
        ),
        (
            "body",
            "US Secretary of State John Kerry met with Russian President Vladimir Putin and "
            "Foreign Minister Sergei Lavrov on Tuesday in Moscow.",
        ),
        ("footer", "Contact the writer at feedback@example.com."),
    ]
    assert article.title == "Kerry meets Putin in Moscow"
    assert (article.author, article.published) == ("Jane Doe", "2015-12-15")
    assert "  " not in article.text


def test_pdf_without_text_layer_is_refused_with_ocr_advice(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"“scan\.pdf” has no text layer.*OCR"):
        read_path(write(tmp_path, make_pdf([[], []]), "scan.pdf"))


def test_corrupt_and_truncated_pdfs_are_refused(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"“bad\.pdf”"):
        read_path(write(tmp_path, b"%PDF-1.4\nthis is not really a pdf\n%%EOF", "bad.pdf"))
    valid = make_pdf([PAGE_ONE])
    with pytest.raises(IngestError, match=r"“cut\.pdf”"):
        read_path(write(tmp_path, valid[: len(valid) // 3], "cut.pdf"))


def test_text_file_named_pdf_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"not a PDF or it is damaged"):
        read_path(write(tmp_path, b"Just some words, not a PDF at all.\n"))


def test_pypdf_repair_messages_do_not_reach_the_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = make_pdf([PAGE_ONE])
    # A wrong pointer to the cross-reference table: pypdf repairs it and logs that it did.
    data = data[: data.rindex(b"startxref")] + b"startxref\n999999\n%%EOF\n"
    caplog.set_level(logging.DEBUG)
    article = read_path(write(tmp_path, data, "repaired.pdf"))
    assert "Kerry meets Putin" in article.text
    assert [r.getMessage() for r in caplog.records if r.name.startswith("pypdf")] == []


def test_pdf_over_the_page_budget_is_refused_in_plain_words(tmp_path: Path) -> None:
    data = make_pdf([[(72, 720, 11, f"Page {n}.")] for n in range(1_001)])
    with pytest.raises(
        IngestError,
        match=r"“report\.pdf” has 1,001 pages: too long for one article \(the limit is 1,000 "
        r"pages\); split it or import the parts\.",
    ):
        read_path(write(tmp_path, data, "report.pdf"))


OVERLOAD = r"is damaged or built to overload a PDF reader \(it goes beyond the limits for reading"


def _refused(tmp_path: Path, data: bytes, name: str) -> str:
    """The refusal of a damaged PDF, which must not be the generic last-resort one."""
    with pytest.raises(IngestError) as caught:
        read_path(write(tmp_path, data, name))
    message = str(caught.value)
    assert not message.endswith("the file looks damaged."), message
    return message


def test_object_that_refers_to_itself_is_refused_as_damaged(tmp_path: Path) -> None:
    data = make_pdf([PAGE_ONE])
    start = data.index(b"3 0 obj\n") + len(b"3 0 obj\n")
    end = data.index(b"\nendobj", start)
    # The page object replaced by a reference to itself, padded so the offsets stay right.
    data = data[:start] + b"3 0 R".ljust(end - start) + data[end:]
    message = _refused(tmp_path, data, "loop.pdf")
    assert message == "“loop.pdf” is not a PDF or it is damaged."


def test_cross_reference_table_larger_than_the_file_hits_the_safety_limit(
    tmp_path: Path,
) -> None:
    data = make_pdf([PAGE_ONE])
    count = data[data.rindex(b"xref\n0 ") : data.index(b"\n", data.rindex(b"xref\n0 ") + 5)]
    data = data.replace(count, b"xref\n0 99999", 1)
    assert re.search(rf"“xref\.pdf” {OVERLOAD}", _refused(tmp_path, data, "xref.pdf"))


def test_page_with_an_endless_operator_hits_the_safety_limit(tmp_path: Path) -> None:
    data = make_pdf([[*PAGE_ONE, (72, 80, 11, "x")]]).replace(b"(x) Tj", b"(x) " + b"T" * 300)
    assert re.search(rf"“page\.pdf” {OVERLOAD}", _refused(tmp_path, data, "page.pdf"))
