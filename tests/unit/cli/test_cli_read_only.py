"""Commands that only read need no writer lock, and never create files beside the database."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.model import Article, Claim
from workbench.store import open_store
from workbench.store.connection import lock_path_for


@pytest.fixture
def db(tmp_path: Path, seed_article_path: Path) -> tuple[Path, str]:
    path = tmp_path / "review.sqlite3"
    text = seed_article_path.read_text(encoding="utf-8")
    with open_store(path) as store:
        store.add_reviewer("Ana")
        article = Article(title="Kerry and Putin", text=text)
        start = text.index("Putin")
        store.add_article(
            article, [Claim(article_id=article.id, start=start, end=start + 5, quote="Putin")]
        )
    return path, article.id


def _reading_commands(article_id: str, out: Path) -> list[list[str]]:
    return [
        ["articles"],
        ["claims", article_id],
        ["reviewers"],
        ["search", "Putin"],
        ["check"],
        ["backup", "--out", str(out / "copy.sqlite3")],
        ["export", article_id, "-f", "md", "-o", str(out / "report.md")],
    ]


def test_reading_works_while_another_program_writes(db: tuple[Path, str], tmp_path: Path) -> None:
    path, article_id = db
    out = tmp_path / "out"
    out.mkdir()
    with open_store(path) as writer:  # holds the writer lock, as the window does
        writer.add_reviewer("Bo")
        for command in _reading_commands(article_id, out):
            result = CliRunner().invoke(main, ["--db", str(path), *command])
            assert result.exit_code == 0, (command, result.output)
            assert "already open" not in result.output
        listed = CliRunner().invoke(main, ["--db", str(path), "reviewers"])
        assert "Bo" in listed.output


def test_reading_a_read_only_file_never_opens_it_for_writing(
    db: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, article_id = db
    lock_path_for(path).unlink()  # left by the writer that made the file
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    # The tests run as root, whom chmod does not stop: refuse any opening for writing instead.
    import workbench.store.connection as connection

    def no_lock(self: object) -> None:
        raise AssertionError("a reading command took the writer lock")

    monkeypatch.setattr(connection.WriterLock, "acquire", no_lock)
    out = tmp_path / "out"
    out.mkdir()
    for command in _reading_commands(article_id, out):
        result = CliRunner().invoke(main, ["--db", str(path), *command])
        assert result.exit_code == 0, (command, result.output)
    assert not lock_path_for(path).exists()


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
@pytest.mark.parametrize("command", [["articles"], ["reviewers", "add", "Ana"], ["check"]])
def test_a_device_is_refused_before_anything_is_created(command: list[str]) -> None:
    before = set(os.listdir("/dev"))
    result = CliRunner().invoke(main, ["--db", "/dev/null", *command])
    assert result.exit_code == 1
    assert "not an ordinary file" in result.output
    assert "Traceback" not in result.output
    assert set(os.listdir("/dev")) - before == set()


def test_a_folder_given_as_the_database_is_refused(tmp_path: Path) -> None:
    from workbench.store import StoreError

    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)
    assert not lock_path_for(tmp_path).exists()
