"""Word reader on documents made with python-docx, plus damaged files and a zip bomb."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest

from workbench.ingest import IngestError, read_path

from .checks import assert_valid_article, layout


def make_docx() -> bytes:
    document = docx.Document()
    props = document.core_properties
    props.title = "Kerry and Putin talk Syria"
    props.author = "Jane Doe"
    props.created = datetime(2015, 12, 15, 10, 0, tzinfo=UTC)
    document.add_paragraph("Kerry meets Putin", style="Title")
    document.add_paragraph("Talks end with an agreement to meet again", style="Subtitle")
    document.add_paragraph("Kerry speaks in New York. Reuters/Andrew Kelly", style="Caption")
    document.add_paragraph("By Jane Doe")
    document.add_paragraph("Russia and the United States are well prepared, officials said.")
    table = document.add_table(rows=2, cols=3)
    rows = [("Year", "Deaths", "Refugees"), ("2015", "250,000", "4m")]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    # A merged cell appears once, not once per column it spans.
    merged = document.add_table(rows=1, cols=2)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Source: UN"
    document.add_heading("What was agreed", level=2)
    document.add_paragraph("A meeting on Dec. 18", style="List Bullet")
    document.add_paragraph("A UN resolution", style="List Bullet")
    document.add_paragraph("Contact the writer at feedback@example.com.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write(tmp_path: Path, data: bytes, name: str = "story.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_docx_paragraphs_tables_in_order_and_core_properties(tmp_path: Path) -> None:
    article = read_path(write(tmp_path, make_docx()))
    assert_valid_article(article)
    assert layout(article) == [
        ("headline", "Kerry meets Putin"),
        ("standfirst", "Talks end with an agreement to meet again"),
        ("caption", "Kerry speaks in New York."),
        ("credit", "Reuters/Andrew Kelly"),
        ("byline", "By Jane Doe"),
        ("body", "Russia and the United States are well prepared, officials said."),
        ("body", "Year\tDeaths\tRefugees"),
        ("body", "2015\t250,000\t4m"),
        ("body", "Source: UN"),
        ("body", "What was agreed"),
        ("body", "A meeting on Dec. 18"),
        ("body", "A UN resolution"),
        ("footer", "Contact the writer at feedback@example.com."),
    ]
    assert article.title == "Kerry meets Putin"
    assert (article.author, article.published) == ("Jane Doe", "2015-12-15")


def test_corrupt_and_truncated_docx_are_refused(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"“junk\.docx” is not a Word document"):
        read_path(write(tmp_path, b"PK\x03\x04 not really a zip", "junk.docx"))
    valid = make_docx()
    with pytest.raises(IngestError, match=r"“cut\.docx”"):
        read_path(write(tmp_path, valid[: len(valid) // 2], "cut.docx"))


def test_zip_that_is_not_a_word_document_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hello")
    with pytest.raises(IngestError, match=r"zip file but not a Word document"):
        read_path(write(tmp_path, buffer.getvalue(), "other.docx"))


def test_zip_bomb_named_docx_is_refused_before_unpacking(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(300):
                member.write(chunk)
    data = buffer.getvalue()
    assert len(data) < 2 * 1024 * 1024
    with pytest.raises(IngestError, match=r"“bomb\.docx” would unpack to 300 MB.*zip bomb"):
        read_path(write(tmp_path, data, "bomb.docx"))
