"""Word files whose parts do not fit together: one clear line, never the generic refusal."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from workbench.ingest import IngestError, read_path

from .checks import assert_valid_article
from .test_docx_reader import make_docx, write

MISMATCHED = r"is damaged: its parts do not fit together the way a Word document's do\."


def _with_parts(**changes: tuple[bytes, bytes]) -> bytes:
    """The sample document with one (old, new) replacement in each named part."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(make_docx())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for info in source.infolist():
            content = source.read(info)
            key = re.sub(r"\W", "_", info.filename)
            if key in changes:
                old, new = changes[key]
                assert old in content, info.filename
                content = content.replace(old, new, 1)
            archive.writestr(info.filename, content)
    return out.getvalue()


def _refusal(tmp_path: Path, data: bytes) -> IngestError:
    with pytest.raises(IngestError) as caught:
        read_path(write(tmp_path, data, "story.docx"))
    assert not str(caught.value).endswith("the file looks damaged.")
    return caught.value


def test_relationship_without_a_target_is_refused_clearly(tmp_path: Path) -> None:
    # python-docx joins the missing target into a path: a TypeError deep inside it.
    data = _with_parts(word__rels_document_xml_rels=(b' Target="styles.xml"', b""))
    assert re.search(rf"“story\.docx” {MISMATCHED}", str(_refusal(tmp_path, data)))


def test_main_part_that_is_not_a_document_is_refused_clearly(tmp_path: Path) -> None:
    # The Word namespace damaged: python-docx has no class for the root, and no body to walk.
    main = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    data = _with_parts(word_document_xml=(main, main.replace(b"2006", b"20x06")))
    assert re.search(rf"“story\.docx” {MISMATCHED}", str(_refusal(tmp_path, data)))


def test_relationships_part_of_the_wrong_kind_is_refused_clearly(tmp_path: Path) -> None:
    # Damaged namespace: the list of relationships is not one python-docx can walk.
    rels = b"http://schemas.openxmlformats.org/package/2006/relationships"
    data = _with_parts(word__rels_document_xml_rels=(rels, rels.replace(b"2006", b"20x06")))
    assert re.search(rf"“story\.docx” {MISMATCHED}", str(_refusal(tmp_path, data)))


def test_zip_header_asking_for_an_unknown_zip_version_is_damage(tmp_path: Path) -> None:
    data = bytearray(make_docx())
    entry = data.rindex(b"PK\x01\x02")
    data[entry + 6 : entry + 8] = (185).to_bytes(2, "little")  # "version needed": 18.5
    message = str(_refusal(tmp_path, bytes(data)))
    assert message == "“story.docx” is not a Word document or it is damaged."


def test_damaged_styles_part_costs_the_roles_not_the_text(tmp_path: Path) -> None:
    # The styles part declared as some other kind of content: python-docx cannot look up a
    # paragraph's style, but every paragraph is still there to check.
    data = _with_parts(
        _Content_Types__xml=(
            b"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
            b"application/octet-stream",
        )
    )
    article = read_path(write(tmp_path, data))
    assert_valid_article(article)
    assert "Russia and the United States are well prepared, officials said." in article.text
    assert "A UN resolution" in article.text
