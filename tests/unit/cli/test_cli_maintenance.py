"""backup, backups, restore and check on real files."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.store import open_store


@pytest.fixture
def db(tmp_path: Path, seed_article_path: Path) -> Path:
    path = tmp_path / "r.sqlite3"
    runner = CliRunner()
    for args in (
        ["import", "--no-extract", str(seed_article_path)],
        ["reviewers", "add", "Ana"],
    ):
        assert runner.invoke(main, ["--db", str(path), *args]).exit_code == 0
    with open_store(path) as store:
        article_id = store.list_articles()[0]["id"]
    result = runner.invoke(
        main,
        [
            "--db",
            str(path),
            "claims",
            "add",
            article_id,
            "met with Russian President Vladimir Putin",
        ],
    )
    assert result.exit_code == 0, result.output
    return path


def _run(db: Path, *args: str, input: str | None = None):
    return CliRunner().invoke(main, ["--db", str(db), *args], input=input)


def test_backup_to_folder_file_and_default(db: Path, tmp_path: Path) -> None:
    assert "Backed up to" in _run(db, "backup").output
    out = tmp_path / "elsewhere"
    out.mkdir()
    folder = json.loads(_run(db, "backup", "--out", str(out), "--json").output)["backup"]
    assert Path(folder).parent == out
    file = tmp_path / "mine.sqlite3"
    assert _run(db, "backup", "--out", str(file)).exit_code == 0
    again = _run(db, "backup", "--out", str(file))
    assert again.exit_code == 1 and "already exists" in again.output
    listed = json.loads(_run(db, "backups", "--json").output)
    assert [b["kind"] for b in listed] == ["manual"]


def test_restore_asks_first_and_by_number(db: Path) -> None:
    _run(db, "backup")
    _run(db, "reviewers", "add", "Bo")
    refused = _run(db, "restore", "1", input="n\n")
    assert refused.exit_code == 1
    with open_store(db) as store:
        assert len(store.list_reviewers()) == 2
    done = _run(db, "restore", "1", input="y\n")
    assert done.exit_code == 0, done.output
    assert "restore it to undo" in done.output
    with open_store(db) as store:
        assert [r.name for r in store.list_reviewers()] == ["Ana"]
    assert _run(db, "restore", "9", "--yes").exit_code == 1


def test_backups_keep_setting(db: Path) -> None:
    assert _run(db, "backups", "--keep", "3").exit_code == 0
    with open_store(db) as store:
        assert store.get_setting("backup_keep") == 3


def test_check_passes_on_a_healthy_file(db: Path) -> None:
    result = _run(db, "check", "--json")
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert report["ok"] and report["counts"] == {
        "articles": 1,
        "claims": 1,
        "verdicts": 0,
        "sources": 0,
    }


def _tamper(db: Path, *sql: str) -> None:
    conn = sqlite3.connect(db)
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        (['UPDATE claims SET start = start + 1, "end" = "end" + 1'], "no longer at its place"),
        (["DROP TRIGGER claims_ai"], "missing triggers: claims_ai"),
        (
            ["DELETE FROM claims_fts WHERE rowid IN (SELECT rowid FROM claims)"],
            "search index of claims",
        ),
        (
            [
                "PRAGMA foreign_keys = OFF",
                "INSERT INTO verdicts (id, claim_id, reviewer_id, rating, created_at, updated_at)"
                " VALUES ('v', 'gone', 'gone', 'True', 'x', 'x')",
            ],
            "points to a missing row",
        ),
    ],
    ids=["span", "trigger", "fts rows", "foreign key"],
)
def test_check_lists_each_problem_and_exits_non_zero(
    db: Path, sql: list[str], expected: str
) -> None:
    _tamper(db, *sql)
    result = _run(db, "check")
    assert result.exit_code == 1
    assert expected in result.output
