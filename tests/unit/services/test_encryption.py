"""Encrypting, decrypting and re-keying a file: checked copies swapped in, nothing lost."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from workbench.model import Article, Block, BlockKind, Claim, Judgement
from workbench.services.backup import backup_now
from workbench.services.encryption import (
    ConversionCancelled,
    decrypt_file,
    encrypt_file,
    rekey,
    remove_plaintext,
)
from workbench.store import (
    DatabaseInUseError,
    PassphraseNeededError,
    StoreError,
    WrongPassphraseError,
    is_encrypted,
    open_store,
)

MARKER = "QQ-encryption-roundtrip-marker"
TEXT = f"Officials said {MARKER} exports grew 12% in 2024."


@pytest.fixture
def plain_db(tmp_path: Path) -> Path:
    db = tmp_path / "review.sqlite3"
    with open_store(db) as store:
        article = store.add_article(
            Article(text=TEXT, title="Exports", blocks=[Block(BlockKind.BODY, 0, len(TEXT))])
        )
        [claim] = store.add_claims(
            article.id, [Claim(article_id=article.id, start=0, end=len(TEXT), quote=TEXT)]
        )
        verdict = store.save_verdict(
            claim.id, store.add_reviewer("Ana").id, Judgement("True", rationale=MARKER)
        )
        store.add_source(verdict.id, title="Trade data", quote=MARKER, attachment=b"csv bytes")
        backup_now(store)
    return db


def _contents(db: Path, passphrase: str | None = None) -> dict[str, object]:
    with open_store(db, passphrase=passphrase, read_only=True) as store:
        return {
            "articles": [a["title"] for a in store.list_articles()],
            "hits": sorted(h.entity for h in store.search(MARKER)),
            "reviewers": [r.name for r in store.list_reviewers()],
            "events": store.last_event(),
        }


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_encrypt_keeps_everything_and_leaves_plaintext_until_asked(plain_db: Path) -> None:
    before = _contents(plain_db)
    steps: list[str] = []
    result = encrypt_file(plain_db, "s3cret", lambda what, done, total: steps.append(what))

    assert result.encrypted and is_encrypted(plain_db)
    assert MARKER.encode() not in plain_db.read_bytes()
    assert _contents(plain_db, "s3cret") == before
    with pytest.raises(PassphraseNeededError):
        open_store(plain_db)
    assert steps[0] == "copying" and steps[-1] == "done"
    # The plaintext original and plaintext backup stay until the user agrees to remove them.
    assert len(result.plaintext) == 2
    assert all(p.exists() and MARKER.encode() in p.read_bytes() for p in result.plaintext)
    assert "disk" in result.warning
    assert remove_plaintext(result.plaintext) == result.plaintext
    assert not any(p.exists() for p in result.plaintext)
    assert not any(f.name.endswith(".converting") for f in plain_db.parent.iterdir())


def test_decrypt_and_rekey_round_trip(plain_db: Path) -> None:
    before = _contents(plain_db)
    encrypt_file(plain_db, "first")
    result = rekey(plain_db, "first", "second")
    assert result.encrypted
    with pytest.raises(WrongPassphraseError):
        open_store(plain_db, passphrase="first")
    assert _contents(plain_db, "second") == before
    result = decrypt_file(plain_db, "second")
    assert not result.encrypted and not is_encrypted(plain_db)
    assert _contents(plain_db) == before
    with open_store(plain_db) as store:
        store.add_reviewer("Writable again")


def test_a_wrong_passphrase_or_a_busy_file_changes_nothing(plain_db: Path) -> None:
    encrypt_file(plain_db, "right")
    digest = _digest(plain_db)
    with pytest.raises(WrongPassphraseError):
        decrypt_file(plain_db, "wrong")
    with pytest.raises(WrongPassphraseError):
        rekey(plain_db, "wrong", "new")
    with pytest.raises(StoreError, match="already encrypted"):
        encrypt_file(plain_db, "again")
    assert _digest(plain_db) == digest
    with open_store(plain_db, passphrase="right"), pytest.raises(DatabaseInUseError):
        decrypt_file(plain_db, "right")
    assert is_encrypted(plain_db)
    assert not any(".converting" in f.name for f in plain_db.parent.iterdir())
    assert _contents(plain_db, "right")["articles"] == ["Exports"]


def test_a_cancelled_conversion_leaves_the_file_as_it_was(plain_db: Path) -> None:
    digest = _digest(plain_db)
    with pytest.raises(ConversionCancelled, match="left as it was"):
        encrypt_file(plain_db, "s3cret", is_cancelled=lambda: True)
    assert _digest(plain_db) == digest and not is_encrypted(plain_db)
    assert sorted(f.name for f in plain_db.parent.iterdir()) == ["backups", "review.sqlite3"] + [
        f.name for f in plain_db.parent.iterdir() if f.name.endswith(".lock")
    ]


def test_the_copy_of_a_conversion_killed_midway_is_removed_when_the_file_next_opens(
    plain_db: Path,
) -> None:
    encrypt_file(plain_db, "right")
    # A decryption killed while copying (power cut, kill -9) leaves its half-written copy,
    # in plaintext, beside the encrypted file.
    leftover = plain_db.with_name(plain_db.name + ".converting")
    leftover.write_bytes(b"SQLite format 3\x00" + MARKER.encode() * 100)
    with open_store(plain_db, passphrase="right"):
        pass
    assert not leftover.exists()
    assert _contents(plain_db, "right")["articles"] == ["Exports"]


def test_a_wrong_passphrase_leaves_even_a_conversion_leftover_alone(plain_db: Path) -> None:
    encrypt_file(plain_db, "right")
    leftover = plain_db.with_name(plain_db.name + ".converting")
    leftover.write_bytes(b"half a copy")
    with pytest.raises(WrongPassphraseError):
        open_store(plain_db, passphrase="wrong")
    assert leftover.exists()
