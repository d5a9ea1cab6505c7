"""Review bundles: a few articles with their work in one zip, checked before merging."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from workbench.model import Article, Claim, Judgement
from workbench.services.audit import verify_history
from workbench.services.bundle import BundleError, write_bundle
from workbench.services.history import article_history
from workbench.services.merge import merge_file
from workbench.store import StoreError, open_store

from .merge_helpers import FIRST, content, domain, ratings, reviewed_file


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


def _set_header_bytes(path: Path, changes: dict[tuple[bytes, int], int]) -> None:
    """Set a byte at an offset of every local and central header of the zip at ``path``."""
    raw = bytearray(path.read_bytes())
    for (signature, offset), value in changes.items():
        at = raw.find(signature)
        while at >= 0:
            raw[at + offset] = value
            at = raw.find(signature, at + 4)
    path.write_bytes(bytes(raw))


def test_a_password_protected_zip_is_refused_with_a_message(tmp_path):
    _, bundle = _bundle(tmp_path)
    locked = _rewrite(bundle, tmp_path / "locked.zip")
    _set_header_bytes(locked, {(b"PK\x03\x04", 6): 1, (b"PK\x01\x02", 8): 1})
    _refused(tmp_path, locked, "password")


def test_a_zip_packed_in_an_unknown_way_is_refused_with_a_message(tmp_path):
    _, bundle = _bundle(tmp_path)
    odd = _rewrite(bundle, tmp_path / "odd.zip")
    _set_header_bytes(odd, {(b"PK\x03\x04", 8): 99, (b"PK\x01\x02", 10): 99})
    _refused(tmp_path, odd, "cannot be read")


def test_a_huge_contents_list_is_refused_without_reading_it(tmp_path):
    _, bundle = _bundle(tmp_path)
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bundle) as zf:
        database = zf.read("workbench.sqlite3")
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        with zf.open("manifest.json", "w") as member:
            for _ in range(40):  # 40 MB of spaces: a few kilobytes once packed
                member.write(b" " * (1 << 20))
        zf.writestr("workbench.sqlite3", database)
    import tracemalloc

    tracemalloc.start()
    try:
        _refused(tmp_path, bomb, "not a review bundle|damaged")
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024**2


def test_a_bundle_whose_database_is_damaged_names_the_bundle(tmp_path):
    import hashlib

    _, bundle = _bundle(tmp_path)
    junk = b"SQLite format 3\x00" + bytes(4000)

    def manifest(m: dict) -> dict:
        sha = hashlib.sha256(junk).hexdigest()
        return {**m, "members": {"workbench.sqlite3": {"sha256": sha, "size": len(junk)}}}

    broken = _rewrite(bundle, tmp_path / "broken.zip", manifest=manifest, database=lambda d: junk)
    dest = tmp_path / "ben.sqlite3"
    with open_store(dest) as store:
        before = content(store)
        with pytest.raises(BundleError) as caught:
            merge_file(store, broken)
        assert content(store) == before
    assert "broken.zip" in str(caught.value)
    assert "workbench.sqlite3" not in str(caught.value)


def test_the_bundle_says_when_its_history_names_other_articles(tmp_path):
    a = tmp_path / "anna.sqlite3"
    with reviewed_file(a, "Anna", "True") as store:
        shared = store.list_articles()[0]["id"]
        store.add_article(Article(text="A whistleblower's account.", title="Private"))
        verdict = store.query("SELECT id FROM verdicts")[0]["id"]
        store.add_source(verdict, title="Police figures")  # after the private import
        info = write_bundle(store, [shared], tmp_path / "crime.zip")
    assert any(
        "1 earlier change to other articles" in line and "without their content" in line
        for line in info.lines()
    )
    alone = tmp_path / "alone.sqlite3"
    with reviewed_file(alone, "Anna", "True") as store:
        info = write_bundle(store, [store.list_articles()[0]["id"]], tmp_path / "alone.zip")
    assert not any("other articles" in line for line in info.lines())


def test_merging_a_bundle_back_into_the_file_it_came_from_changes_nothing(tmp_path):
    a, bundle = _bundle(tmp_path)
    with open_store(a) as store:
        before = content(store)
        result = merge_file(store, bundle)
        assert not result.changed, result.lines()
        assert content(store) == before


# -- changes to other articles travel without their content -------------------------------------

SECRET = "QZV-SECRET-9d41"


def _sender(path: Path) -> tuple[str, str]:
    """Anna's file: the shared article, then a private one, then more work on the shared one.

    Every word of the private article carries :data:`SECRET`. Returns (shared id, private id).
    """
    with reviewed_file(path, "Anna", "True") as store:
        shared = store.list_articles()[0]["id"]
        text = f"The informant {SECRET}-text met the minister on Tuesday."
        private = store.add_article(
            Article(text=text, title=f"Leak {SECRET}-title"),
            [Claim(article_id="", start=0, end=len(text), quote=text, claim=f"{SECRET}-claim")],
        )
        claim = store.claims_for(private.id)[0].claim
        who = store.query("SELECT id FROM reviewers")[0]["id"]
        verdict = store.save_verdict(
            claim.id, who, Judgement(rating="True", rationale=f"{SECRET}-rationale")
        )
        store.add_source(
            verdict.id,
            title=f"{SECRET}-source",
            url=f"https://example.org/{SECRET}-url",
            attachment=f"%PDF-1.4 {SECRET}-file".encode(),
            attachment_name="leak.pdf",
        )
        # Work on the shared article after the private one: its chain runs through it.
        first = store.query("SELECT id FROM verdicts WHERE claim_id != ?", [claim.id])[0]["id"]
        store.add_source(first, title="Police figures")
    return shared, private.id


def _unzipped(bundle: Path) -> bytes:
    with zipfile.ZipFile(bundle) as zf:
        return b"".join(zf.read(name) for name in zf.namelist())


def test_a_bundle_holds_no_word_of_the_other_articles(tmp_path):
    a = tmp_path / "anna.sqlite3"
    shared, _private = _sender(a)
    with open_store(a) as store:
        info = write_bundle(store, [shared], tmp_path / "crime.zip")
    data = _unzipped(tmp_path / "crime.zip")
    assert b"Police figures" in data and b"Crime figures" in data
    for part in ("text", "title", "claim", "rationale", "source", "url", "file"):
        assert f"{SECRET}-{part}".encode() not in data, part
    assert any("without their content" in line for line in info.lines())


def _history_words(store, article_id: str) -> list[tuple[str, str]]:
    return [(line.action, line.entity) for line in article_history(store, article_id).lines]


def test_withheld_changes_verify_and_are_filled_in_by_the_full_file(tmp_path):
    a, b = tmp_path / "anna.sqlite3", tmp_path / "ben.sqlite3"
    shared, private = _sender(a)
    with open_store(a) as store:
        write_bundle(store, [shared], tmp_path / "crime.zip")
    with open_store(b) as store:
        result = merge_file(store, tmp_path / "crime.zip")
        report = verify_history(store)
        assert report.ok, report.problems
        assert report.withheld > 0
        assert result.events_withheld == report.withheld
        assert any("without their content" in line for line in result.lines())
        assert [r["id"] for r in store.list_articles()] == [shared]
        shown = _history_words(store, shared)
        assert ("withheld", "event") not in shown and ("add", "source") in shown
        assert not any(SECRET in str(row) for row in store.query("SELECT * FROM events"))
        # Merging the bundle again, or the bundle back into Anna's file, changes nothing.
        assert not merge_file(store, tmp_path / "crime.zip").changed
    with open_store(a) as store:
        before = content(store)
        assert not merge_file(store, tmp_path / "crime.zip").changed
        assert content(store) == before
    with open_store(b) as store:
        result = merge_file(store, a)
        assert result.events_added > 0 and result.events_withheld == 0
        report = verify_history(store)
        assert report.ok, report.problems
        assert report.withheld == 0
        assert {r["id"] for r in store.list_articles()} == {shared, private}
        assert ("add", "source") in _history_words(store, private)
        assert not merge_file(store, a).changed
    with open_store(a) as store:
        assert domain(store) == domain(open_store(b, read_only=True))


def test_a_full_change_that_does_not_match_the_withheld_digest_is_refused(tmp_path):
    a, b = tmp_path / "anna.sqlite3", tmp_path / "ben.sqlite3"
    shared, _private = _sender(a)
    with open_store(a) as store:
        write_bundle(store, [shared], tmp_path / "crime.zip")
    with open_store(b) as store:
        merge_file(store, tmp_path / "crime.zip")
        withheld_uid = store.query("SELECT uid FROM events WHERE action = 'withheld'")[0]["uid"]
    forged = tmp_path / "forged.sqlite3"
    forged.write_bytes(a.read_bytes())
    conn = sqlite3.connect(forged)
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute('UPDATE events SET after = \'{"title": "forged"}\' WHERE uid = ?', [withheld_uid])
    conn.commit()
    conn.close()
    with open_store(b) as store:
        before = content(store)
        rows = store.query("SELECT * FROM events ORDER BY id")
        with pytest.raises(StoreError, match=r"does not match the digest.*Nothing was changed"):
            merge_file(store, forged, backup=False)
        assert content(store) == before
        assert store.query("SELECT * FROM events ORDER BY id") == rows


def test_bundling_an_encrypted_file_writes_no_plain_copy_to_the_temporary_folder(
    tmp_path, monkeypatch
):
    import os
    import shutil
    import tempfile

    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(temp))
    seen: dict[str, bytes] = {}

    def look() -> None:
        for file in temp.rglob("*"):
            if file.is_file():
                seen[str(file)] = seen.get(str(file), b"") + file.read_bytes()

    real_rmtree, real_unlink = shutil.rmtree, os.unlink

    def rmtree(path, *args, **kwargs):
        look()
        return real_rmtree(path, *args, **kwargs)

    def unlink(path, *args, **kwargs):
        look()
        return real_unlink(path, *args, **kwargs)

    db = tmp_path / "secret.sqlite3"
    with open_store(db, passphrase="correct horse battery") as store:
        text = f"The minister said {SECRET} rose."
        article = store.add_article(Article(text=text, title=f"{SECRET} budget"))
        monkeypatch.setattr(shutil, "rmtree", rmtree)
        monkeypatch.setattr(os, "unlink", unlink)
        write_bundle(store, [article.id], tmp_path / "out" / "budget.zip")
        look()
    monkeypatch.undo()
    assert SECRET.encode() in _unzipped(tmp_path / "out" / "budget.zip")
    for file, data in seen.items():
        assert SECRET.encode() not in data, file
