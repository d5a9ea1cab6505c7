"""Hostile attachment names never lead outside the folder they are saved to."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.model import Article, Block, BlockKind, Claim, Judgement
from workbench.services.attachments import export_attachment
from workbench.store import open_store
from workbench.store.attachments import MAX_NAME_BYTES, safe_attachment_name

HOSTILE = [
    "../../x",
    "/etc/passwd",
    "..\\..\\x",
    "C:\\Windows\\system32\\evil.dll",
    "C:evil.txt",
    "a\x00b.txt",
    "..",
    ".",
    "",
    "   ",
    "/",
    "~/.bashrc",
    "CON",
    "nul.txt",
    "report\n.pdf",
    "é" * 400 + ".pdf",
    "x" * 5000,
    "folder/../../../../tmp/owned.sh",
]


@pytest.mark.parametrize("name", HOSTILE, ids=range(len(HOSTILE)))
def test_safe_name_is_a_plain_short_name(name: str) -> None:
    safe = safe_attachment_name(name)
    assert safe and safe not in (".", "..")
    assert "/" not in safe and "\\" not in safe and "\x00" not in safe and ":" not in safe
    assert not safe.startswith(".")
    assert len(safe.encode("utf-8")) <= MAX_NAME_BYTES


def test_ordinary_names_are_kept() -> None:
    assert safe_attachment_name("CPI table (May 2026).xlsx") == "CPI table (May 2026).xlsx"
    assert safe_attachment_name("../data/cpi.csv") == "cpi.csv"
    assert safe_attachment_name("é" * 400 + ".pdf").endswith(".pdf")


@pytest.fixture
def store_with_source(tmp_path: Path):
    store = open_store(tmp_path / "r.sqlite3")
    text = "Prices rose 5% in May."
    article = store.add_article(
        Article(text=text, title="P", blocks=[Block(BlockKind.BODY, 0, len(text))])
    )
    [claim] = store.add_claims(
        article.id, [Claim(article_id=article.id, start=0, end=len(text), quote=text)]
    )
    verdict = store.save_verdict(claim.id, store.add_reviewer("Ana").id, Judgement("True"))
    yield store, verdict.id
    store.close()


@pytest.mark.parametrize("name", HOSTILE, ids=range(len(HOSTILE)))
def test_exported_attachment_lands_inside_the_folder(
    name: str, store_with_source, tmp_path: Path
) -> None:
    store, verdict_id = store_with_source
    source = store.add_source(verdict_id, attachment=b"data", attachment_name=name)
    assert source.attachment_name == safe_attachment_name(name)
    folder = tmp_path / "out" / "deep"
    folder.mkdir(parents=True)
    written = export_attachment(store, source.id, folder)
    assert written.parent == folder.resolve()
    assert written.read_bytes() == b"data"
    outside = {p for p in tmp_path.rglob("*") if p.is_file() and folder not in p.parents}
    assert all(p.name.startswith("r.sqlite3") for p in outside)


def test_export_never_overwrites(store_with_source, tmp_path: Path) -> None:
    store, verdict_id = store_with_source
    source = store.add_source(verdict_id, attachment=b"new", attachment_name="cpi.csv")
    (tmp_path / "cpi.csv").write_bytes(b"mine")
    written = export_attachment(store, source.id, tmp_path)
    assert written.name == "cpi (2).csv"
    assert (tmp_path / "cpi.csv").read_bytes() == b"mine"
