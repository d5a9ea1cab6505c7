"""Backups: checked copies, automatic backups on open, restore with undo, latest good backup."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from workbench.model import Article, Block, BlockKind, Claim, Judgement
from workbench.services.backup import (
    backup_now,
    backup_on_open,
    latest_good_backup,
    list_backups,
    plan_backup_on_open,
    restore_backup,
)
from workbench.store import DatabaseInUseError, StoreError, open_store
from workbench.store.backup import inspect_backup
from workbench.store.errors import BackupError

TEXT = "Prices rose 5% in May. The mayor said so."


def _fill(store, rationale: str = "Statistics office") -> str:
    article = Article(text=TEXT, title="Prices", blocks=[Block(BlockKind.BODY, 0, len(TEXT))])
    store.add_article(article)
    quote = "Prices rose 5% in May."
    [claim] = store.add_claims(
        article.id, [Claim(article_id=article.id, start=0, end=len(quote), quote=quote)]
    )
    reviewer = store.ensure_reviewer("Ana")
    verdict = store.save_verdict(claim.id, reviewer.id, Judgement("True", rationale=rationale))
    store.add_source(verdict.id, title="CPI", attachment=b"a,b\n", attachment_name="cpi.csv")
    return verdict.id


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_of_an_open_database_is_complete_and_sound(tmp_path: Path) -> None:
    with open_store(tmp_path / "r.sqlite3") as store:
        verdict_id = _fill(store)
        dest = store.backup(tmp_path / "copy.sqlite3")
    conn = sqlite3.connect(dest)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # A backup is one self-contained file, never waiting on a -wal file.
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert not (tmp_path / "copy.sqlite3.partial").exists()
    with open_store(dest, read_only=True) as copy:
        assert copy.get_verdict(verdict_id).rationale == "Statistics office"
        assert copy.search("Statistics")
    with open_store(tmp_path / "r.sqlite3") as store, pytest.raises(BackupError, match="exists"):
        store.backup(dest)


def test_an_automatic_backup_copies_while_the_file_is_open_and_stops_when_cancelled(
    tmp_path: Path,
) -> None:
    db = tmp_path / "r.sqlite3"
    with open_store(db) as store:
        _fill(store)
        text = " ".join(f"Sentence {n} says {n} roads." for n in range(3000))
        article = Article(text=text, title="Roads", blocks=[Block(BlockKind.BODY, 0, len(text))])
        starts = [text.index(f"Sentence {n} ") for n in range(3000)]
        store.add_article(
            article,
            [
                Claim(article_id=article.id, start=s, end=s + 10, quote=text[s : s + 10])
                for s in starts
            ],
        )
        plan = plan_backup_on_open(store)
        asked = []
        with pytest.raises(BackupError):
            plan.run(lambda: asked.append(1) or True)
        assert asked  # SQLite asked while it copied, and stopped at the first yes
        assert list_backups(db) == []
        assert not list((tmp_path / "backups").glob("*.partial"))
        # Not cancelled: a sound copy, made while the program still has the file open.
        made = plan.run(lambda: False)
        assert inspect_backup(made).counts["claims"] == 3001


def test_backup_on_open_skips_unchanged_and_keeps_the_last_n(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    made = []
    for n in range(5):
        with open_store(db) as store:
            if n != 2:  # the third open changes nothing
                store.add_reviewer(f"Reviewer {n}")
            made.append(backup_on_open(store, keep=3))
    assert made[2] is None
    autos = list_backups(db)
    assert [b.path for b in autos] == [made[4], made[3], made[1]]
    with open_store(autos[0].path, read_only=True) as newest:
        assert [r.name for r in newest.list_reviewers()][-1] == "Reviewer 4"


def test_keep_setting_and_manual_backups_are_not_pruned(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    with open_store(db) as store:
        store.set_setting("backup_keep", 1)
        manual = backup_now(store)
        for n in range(3):
            store.add_reviewer(f"R{n}")
            backup_on_open(store)
    kinds = [b.kind for b in list_backups(db)]
    assert kinds.count("auto") == 1
    assert manual in [b.path for b in list_backups(db)]


def test_restore_replaces_the_file_and_can_be_undone(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    with open_store(db) as store:
        verdict_id = _fill(store, rationale="first")
        good = backup_now(store)
        store.save_verdict(
            store.get_verdict(verdict_id).claim_id,
            store.get_verdict(verdict_id).reviewer_id,
            Judgement("False", rationale="second"),
        )
    saved = restore_backup(db, good)
    with open_store(db) as store:
        assert store.get_verdict(verdict_id).rationale == "first"
        assert store.events_for("database", db.name)[-1]["action"] == "restore"
        assert store.search("first")
    assert saved is not None
    restore_backup(db, saved)  # undo
    with open_store(db) as store:
        assert store.get_verdict(verdict_id).rationale == "second"


def test_restore_refuses_while_the_database_is_open(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    with open_store(db) as store:
        _fill(store)
        good = backup_now(store)
        before = _sha(db)
        with pytest.raises(DatabaseInUseError, match="already open elsewhere"):
            restore_backup(db, good)
        assert _sha(db) == before


def test_restore_refuses_a_damaged_backup_and_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    with open_store(db) as store:
        _fill(store)
        bad = backup_now(store)
    data = bytearray(bad.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # wreck a page in the middle
    bad.write_bytes(bytes(data))
    before = _sha(db)
    with pytest.raises(StoreError, match="damaged"):
        restore_backup(db, bad)
    assert _sha(db) == before
    assert [b.kind for b in list_backups(db)] == ["manual"]  # no before-restore copy was made


def test_restore_over_a_damaged_file_keeps_its_bytes(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    with open_store(db) as store:
        verdict_id = _fill(store)
        good = backup_now(store)
    db.write_bytes(b"this is no longer a database" * 100)
    damaged = db.read_bytes()
    saved = restore_backup(db, good)
    assert saved is not None and saved.read_bytes() == damaged
    with open_store(db) as store:
        assert store.get_verdict(verdict_id)


def test_latest_good_backup_skips_damaged_ones(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    assert latest_good_backup(db) is None
    with open_store(db) as store:
        _fill(store)
        older = backup_now(store)
        store.add_reviewer("Bo")
        newer = backup_now(store)
    newer.write_bytes(newer.read_bytes()[:3000])
    found = latest_good_backup(db)
    assert found is not None and found.path == older
    info = inspect_backup(older)
    assert info.counts == {"articles": 1, "claims": 1, "verdicts": 1, "sources": 1}


def test_a_killed_backup_leaves_no_listed_file(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    with open_store(db) as store:
        _fill(store)
        made = backup_on_open(store)
    assert made is not None
    leftover = made.with_name(made.name.replace("auto", "manual") + ".partial")
    leftover.write_bytes(b"half a copy")
    assert [b.path for b in list_backups(db)] == [made]
    with open_store(db) as store:
        store.add_reviewer("Bo")
        backup_on_open(store)
    assert not leftover.exists()


def test_read_only_store_is_not_backed_up_on_open_but_can_be_copied(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    with open_store(db) as store:
        _fill(store)
    with open_store(db, read_only=True) as store:
        assert backup_on_open(store) is None
        copy = backup_now(store, tmp_path / "copy.sqlite3")
    assert inspect_backup(copy).counts["verdicts"] == 1


def test_cleaning_up_a_crashs_copies_spares_a_backup_being_written(tmp_path, monkeypatch) -> None:
    """The automatic backup at opening clears unfinished copies while a backup before a merge
    may be under way in the same program: that one must survive and finish."""
    from workbench.store import backup, open_store

    db = tmp_path / "desk.sqlite3"
    store = open_store(db)
    leftover = backup.backups_dir(db) / f"{db.stem}-20200101-000000-000-auto.sqlite3.partial"
    leftover.parent.mkdir(parents=True, exist_ok=True)
    leftover.write_bytes(b"left by a crash")
    sync = backup._fsync

    def cleaned_meanwhile(path):
        # The other thread's clean-up lands while this copy is checked and not yet in place.
        backup.remove_partial_backups(db)
        sync(path)

    monkeypatch.setattr(backup, "_fsync", cleaned_meanwhile)
    made = backup.write_backup(store.conn, backup.new_backup_path(db, "before-merge"))
    store.close()
    assert made.exists() and not leftover.exists()
    assert [b.kind for b in backup.list_backups(db)] == ["before-merge"]
