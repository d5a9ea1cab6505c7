"""One 4 KB page overwritten anywhere in the file: every command says so in one line."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.damaged import build_healthy, wreck
from workbench.cli import main
from workbench.services.backup import backup_now
from workbench.store import open_store

#: Where the page is overwritten, as a share of the file's pages (the header page is spared).
SHARES = (0.1, 0.2, 0.3, 0.45, 0.6, 0.75, 0.9, 0.99)


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_healthy(tmp_path_factory.mktemp("healthy") / "review.sqlite3")


def _one_clear_line(result, command: str) -> None:
    assert "Traceback" not in result.output, (command, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        command,
        repr(result.exception),
    )
    if result.exit_code != 0:
        lines = [line for line in result.output.splitlines() if line.startswith("workbench:")]
        assert len(lines) == 1, (command, result.output)
        assert "damaged" in lines[0] or "not found" in lines[0].lower(), (command, result.output)
        assert "malformed" not in result.output and "disk is full" not in result.output


@pytest.mark.parametrize("share", SHARES)
def test_check_reports_a_wrecked_page_as_damage_in_one_line(
    share: float, healthy: Path, tmp_path: Path
) -> None:
    path = wreck(healthy, tmp_path, share)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = CliRunner().invoke(main, ["--db", str(path), "check"])
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 1, result.output
    problems = [line for line in result.output.splitlines() if line.startswith("  - ")]
    assert len(problems) == 1 and "damaged" in problems[0], result.output
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("share", SHARES)
def test_every_reading_command_gives_one_line_on_a_wrecked_page(
    share: float, healthy: Path, tmp_path: Path
) -> None:
    path = wreck(healthy, tmp_path, share)
    runner = CliRunner()
    for command in (
        ["articles"],
        ["search", "Putin"],
        ["search", "minister said"],
        ["reviewers"],
        ["backup", "--out", str(tmp_path / "copy.sqlite3")],
    ):
        result = runner.invoke(main, ["--db", str(path), *command])
        _one_clear_line(result, command[0])
    with open_store(healthy, read_only=True) as store:
        article_ids = [a["id"] for a in store.list_articles()[:3]]
    for article_id in article_ids:
        out = tmp_path / f"{article_id}.md"
        result = runner.invoke(
            main, ["--db", str(path), "export", article_id, "-f", "md", "-o", str(out)]
        )
        _one_clear_line(result, "export")


def test_a_backup_of_a_damaged_file_is_refused_and_never_offered(
    healthy: Path, tmp_path: Path
) -> None:
    path = tmp_path / "review.sqlite3"
    path.write_bytes(healthy.read_bytes())
    with open_store(path) as store:
        good = backup_now(store)
    wrecked = wreck(healthy, tmp_path, 0.45)
    assert wrecked == path
    result = CliRunner().invoke(main, ["--db", str(path), "backup"])
    assert result.exit_code == 1
    assert "is damaged" in result.output and "disk" not in result.output
    assert good.name in [p.name for p in good.parent.iterdir()]
    assert len(list(good.parent.iterdir())) == 1  # no copy of the damage was kept
    check = CliRunner().invoke(main, ["--db", str(path), "check"])
    assert "workbench restore latest" in check.output
