"""Encrypted workbench files: nothing readable on disk, the right passphrase loses nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from workbench.model import Article, Block, BlockKind, Claim, Judgement
from workbench.services.backup import (
    backup_now,
    latest_good_backup,
    plan_backup_on_open,
    restore_backup,
)
from workbench.services.database import check_database, open_database
from workbench.store import (
    InvalidInputError,
    PassphraseNeededError,
    WrongPassphraseError,
    is_encrypted,
    open_store,
)

PASSPHRASE = "correct horse 'battery' staple"
MARKER = "ZQX-UNIQUE-MARKER-7f3a9c"
HEADER = b"SQLite format 3"
TEXT = f"The minister said the {MARKER} budget rose 5% to 7 million in 2025."


def _fill(store) -> dict[str, str]:
    """An article, a claim, a verdict, a source quote and an attachment, all with the marker."""
    article = store.add_article(
        Article(text=TEXT, title=f"Budget {MARKER}", blocks=[Block(BlockKind.BODY, 0, len(TEXT))])
    )
    [claim] = store.add_claims(
        article.id, [Claim(article_id=article.id, start=0, end=len(TEXT), quote=TEXT)]
    )
    reviewer = store.add_reviewer("Ana")
    verdict = store.save_verdict(
        claim.id, reviewer.id, Judgement("False", rationale=f"Budget papers say {MARKER} fell.")
    )
    source = store.add_source(
        verdict.id,
        title="Budget papers",
        quote=f"Spending on {MARKER} fell",
        attachment=f"%PDF-1.4 {MARKER} attached file".encode(),
        attachment_name="budget.pdf",
    )
    return {"article": article.id, "verdict": verdict.id, "source": source.id}


WRITER = textwrap.dedent(
    """
    import os, sys, time
    from workbench.model import Article, Block, BlockKind
    from workbench.store import open_store

    store = open_store(sys.argv[1], passphrase=sys.argv[2])
    text = ("{marker} was paid to the source. " * 200_000)
    with store.write() as db:
        # Large enough that SQLite spills pages to the log before the commit.
        store.add_article(
            Article(text=text, title="unsaved", blocks=[Block(BlockKind.BODY, 0, len(text))])
        )
        os.write(1, b"inside\\n")
        time.sleep(600)
    """
).replace("{marker}", MARKER)


def _kill_a_writer_mid_transaction(db: Path, tmp: Path) -> None:
    env = {**os.environ, "TMPDIR": str(tmp), "TEMP": str(tmp), "TMP": str(tmp)}
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), PASSPHRASE], stdout=subprocess.PIPE, env=env
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline() == b"inside\n"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()  # type: ignore[union-attr]


def _every_byte(*folders: Path) -> dict[Path, bytes]:
    return {
        f: f.read_bytes() for folder in folders for f in sorted(folder.rglob("*")) if f.is_file()
    }


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_nothing_readable_on_disk_and_the_passphrase_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, tmp = tmp_path / "db", tmp_path / "tmp"
    folder.mkdir()
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    db = folder / "review.sqlite3"

    with open_database(db, passphrase=PASSPHRASE) as store:
        assert store.encrypted
        ids = _fill(store)
        plan = plan_backup_on_open(store)
        assert plan is not None and plan.run() is not None
        store.add_reviewer("Ben")
        backup_now(store)
    # A read-only check copies the file to the temporary folder to check its search index.
    assert check_database(db, passphrase=PASSPHRASE).ok
    _kill_a_writer_mid_transaction(db, tmp)

    files = _every_byte(folder, tmp)
    assert len([f for f in files if f.parent.name == "backups"]) == 2
    assert any(f.name.endswith("-wal") and data for f, data in files.items())
    for file, data in files.items():
        assert MARKER.encode() not in data, file
        assert HEADER not in data, file

    # A wrong passphrase opens nothing and changes nothing.
    for opener in (
        lambda: open_store(db, passphrase="wrong"),
        lambda: open_store(db, passphrase="wrong", read_only=True),
        lambda: open_database(db, passphrase="wrong"),
        lambda: check_database(db, passphrase="wrong"),
    ):
        with pytest.raises(WrongPassphraseError, match="does not unlock"):
            opener()
    with pytest.raises(PassphraseNeededError, match="encrypted"):
        open_store(db)
    assert _every_byte(folder, tmp) == files

    with open_store(db, passphrase=PASSPHRASE) as store:
        assert store.get_article(ids["article"]).text == TEXT
        assert [a["title"] for a in store.list_articles()] == [f"Budget {MARKER}"]
        assert MARKER in store.get_verdict(ids["verdict"]).rationale
        assert MARKER in (store.get_source(ids["source"]).quote or "")
        assert MARKER.encode() in (store.get_attachment(ids["source"]) or b"")
        assert {hit.entity for hit in store.search(MARKER)} >= {"article", "verdict", "source"}
    assert check_database(db, passphrase=PASSPHRASE).ok


def test_a_new_file_with_a_passphrase_is_encrypted_and_a_plain_one_stays_plain(
    tmp_path: Path,
) -> None:
    secret, plain = tmp_path / "secret.sqlite3", tmp_path / "plain.sqlite3"
    open_store(secret, passphrase=PASSPHRASE).close()
    open_store(plain).close()
    assert is_encrypted(secret) and not is_encrypted(plain)
    assert not is_encrypted(tmp_path / "missing.sqlite3")
    # One way in: a passphrase given for a plain file is simply not needed.
    with open_store(plain, passphrase=PASSPHRASE) as store:
        assert not store.encrypted
    with open_store(secret, passphrase=PASSPHRASE) as store:
        assert store.encrypted


def test_refused_changes_on_an_encrypted_file_are_named_like_on_a_plain_one(
    tmp_path: Path,
) -> None:
    with open_store(tmp_path / "s.sqlite3", passphrase=PASSPHRASE) as store:
        with pytest.raises(InvalidInputError, match="refused"), store.write() as db:
            db.execute("INSERT INTO claims (id, article_id) VALUES ('c', 'no such article')")
        assert store.query("SELECT count(*) AS n FROM claims") == [{"n": 0}]


def test_backups_are_encrypted_with_the_same_key_and_restore(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    with open_store(db, passphrase=PASSPHRASE) as store:
        ids = _fill(store)
        made = backup_now(store)
        store.add_reviewer("Added after the backup")
    assert is_encrypted(made) and MARKER.encode() not in made.read_bytes()
    assert latest_good_backup(db) is None  # it cannot be checked without the passphrase
    assert latest_good_backup(db, passphrase=PASSPHRASE) is not None
    kept = restore_backup(db, made, passphrase=PASSPHRASE)
    assert kept is not None and is_encrypted(kept)
    with open_store(db, passphrase=PASSPHRASE) as store:
        assert store.get_article(ids["article"]).text == TEXT
        assert [r.name for r in store.list_reviewers()] == ["Ana"]


def test_restoring_a_backup_from_before_encryption_keeps_the_file_encrypted(
    tmp_path: Path,
) -> None:
    from workbench.services.encryption import encrypt_file

    db = tmp_path / "s.sqlite3"
    with open_store(db) as store:
        ids = _fill(store)
        old = backup_now(store)  # plaintext: made before the file was encrypted
    encrypt_file(db, PASSPHRASE)
    assert not is_encrypted(old)
    restore_backup(db, old, passphrase=PASSPHRASE)
    # The work comes back, still under the passphrase: not silently stored unprotected.
    assert is_encrypted(db)
    for file in tmp_path.iterdir():
        if file.is_file() and file.name.startswith("s.sqlite3") and "plaintext" not in file.name:
            assert MARKER.encode() not in file.read_bytes(), file.name
    with pytest.raises(PassphraseNeededError):
        open_store(db)
    with open_store(db, passphrase=PASSPHRASE) as store:
        assert store.get_article(ids["article"]).text == TEXT
        assert store.search(MARKER)


def test_opening_a_plain_file_does_not_load_the_encryption_library(tmp_path: Path) -> None:
    db = tmp_path / "plain.sqlite3"
    open_store(db).close()
    code = (
        "import sys; from workbench.store import open_store; "
        f"open_store({str(db)!r}).close(); print('sqlcipher3' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.skipif(
    sys.platform == "win32" or not hasattr(signal, "SIGKILL"), reason="needs SIGKILL and fork"
)
def test_writers_killed_on_an_encrypted_file_lose_nothing(tmp_path: Path) -> None:
    from workbench.devtools import stress

    db = tmp_path / "crash.sqlite3"
    result = stress.run(db, 10, seed=20261130, encrypted=True)
    assert result.problems == [] and result.kills == 10
    assert is_encrypted(db)
    with open_store(db, passphrase=stress.PASSPHRASE) as store:
        assert store.db["verdicts"].count >= len(result.printed.get("verdict", ()))


def test_errors_of_encrypted_files_are_caught_as_sqlite_errors() -> None:
    import sqlite3

    from workbench.store.cipher import _ERROR_NAMES, sqlcipher

    module = sqlcipher()
    assert "InterfaceError" in _ERROR_NAMES and "DataError" in _ERROR_NAMES
    for name in _ERROR_NAMES:
        assert issubclass(getattr(module, name), getattr(sqlite3, name)), name
    # What the store and sqlite-utils catch stops an encrypted file's errors too.
    conn = module.connect(":memory:")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
    conn.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    with pytest.raises(sqlite3.ProgrammingError):
        conn.execute("SELECT 1")


def test_a_zip_of_whole_pages_is_not_taken_for_an_encrypted_file(tmp_path) -> None:
    """A review bundle whose size happens to be a multiple of 512 bytes is still a zip."""
    import zipfile

    from workbench.store import is_encrypted

    bundle = tmp_path / "crime.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("manifest.json", "{}")
    size = bundle.stat().st_size
    with zipfile.ZipFile(bundle, "a") as archive:
        archive.comment = b"x" * (512 - (size % 512))
    assert bundle.stat().st_size % 512 == 0
    assert not is_encrypted(bundle)
