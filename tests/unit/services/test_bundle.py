"""Review bundles: a few articles with their work in one zip, checked before merging."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from workbench.model import Article
from workbench.services.bundle import BundleError, write_bundle
from workbench.services.merge import merge_file
from workbench.store import open_store

from .merge_helpers import FIRST, content, ratings, reviewed_file


def _bundle(tmp_path: Path) -> tuple[Path, Path]:
    """Anna's file with two articles (one rated, with an attached file) and a bundle of the rated one."""
    a = tmp_path / "anna.sqlite3"
    with reviewed_file(a, "Anna", "True") as store:
        other = store.add_article(Article(text="Another story, not for sharing.", title="Private"))
        verdict = store.query("SELECT id FROM verdicts")[0]["id"]
        store.add_source(
            verdict, title="Police figures", attachment=b"%PDF-1.4 table", attachment_name="t.pdf"
        )
        article = next(r["id"] for r in store.list_articles() if r["id"] != other.id)
        out = tmp_path / "crime.zip"
        write_bundle(store, [article], out)
    return a, out


def test_a_bundle_holds_the_article_with_its_verdicts_and_attachments_only(tmp_path):
    _, bundle = _bundle(tmp_path)
    dest = tmp_path / "ben.sqlite3"
    with open_store(dest) as store:
        merge_file(store, bundle)
        assert [r["title"] for r in store.list_articles()] == ["Crime figures"]
        assert ratings(store) == [(FIRST, "Anna", "True")]
        source = store.query("SELECT id FROM sources")[0]["id"]
        assert store.get_attachment(source) == b"%PDF-1.4 table"


def test_merging_a_bundle_twice_changes_nothing(tmp_path):
    _, bundle = _bundle(tmp_path)
    with open_store(tmp_path / "ben.sqlite3") as store:
        merge_file(store, bundle)
        before = content(store)
        assert not merge_file(store, bundle).changed
        assert content(store) == before


def _rewrite(bundle: Path, dest: Path, *, manifest=None, database=None) -> Path:
    with zipfile.ZipFile(bundle) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    if manifest is not None:
        members["manifest.json"] = json.dumps(manifest(json.loads(members["manifest.json"])))
    if database is not None:
        members["workbench.sqlite3"] = database(members["workbench.sqlite3"])
    with zipfile.ZipFile(dest, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return dest


def _refused(tmp_path: Path, bundle: Path, words: str) -> None:
    dest = tmp_path / "ben.sqlite3"
    with open_store(dest) as store:
        before = content(store)
        with pytest.raises(BundleError, match=words):
            merge_file(store, bundle)
        assert content(store) == before


def test_a_bundle_changed_on_the_way_is_refused(tmp_path):
    _, bundle = _bundle(tmp_path)

    def flip(data: bytes) -> bytes:
        return data[:-100] + bytes([data[-100] ^ 1]) + data[-99:]

    _refused(tmp_path, _rewrite(bundle, tmp_path / "bad.zip", database=flip), "does not match")


def test_a_bundle_from_a_newer_version_is_refused(tmp_path):
    _, bundle = _bundle(tmp_path)
    newer = _rewrite(bundle, tmp_path / "new.zip", manifest=lambda m: {**m, "version": 99})
    _refused(tmp_path, newer, "newer version")


def test_a_zip_that_is_not_a_bundle_is_refused(tmp_path):
    plain = tmp_path / "photos.zip"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("a.txt", "hello")
    _refused(tmp_path, plain, "not a review bundle")


def test_a_bundle_is_not_written_over_an_existing_file(tmp_path):
    a, bundle = _bundle(tmp_path)
    with open_store(a) as store, pytest.raises(BundleError, match="already exists"):
        write_bundle(store, [store.list_articles()[0]["id"]], bundle)
