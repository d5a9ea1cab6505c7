"""Long commands: claims kept per article, progress on a terminal, Ctrl+C leaves the file as it was."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import articles as articles_cli
from workbench.cli import main
from workbench.cli.common import progress_line
from workbench.model import Article, Claim
from workbench.services import library
from workbench.store import open_store

SENTENCES = 500
TEXT = "\n\n".join(f"Claim {i} says prices rose {i} percent." for i in range(SENTENCES))


class FakeTerminal(io.StringIO):
    """A stream that says it is a terminal; ``stop_at`` raises Ctrl+C when that text is drawn."""

    def __init__(self, stop_at: str | None = None) -> None:
        super().__init__()
        self.stop_at = stop_at

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self.stop_at is not None and self.stop_at in text:
            raise KeyboardInterrupt
        return super().write(text)


@pytest.fixture
def stub_extract(monkeypatch: pytest.MonkeyPatch) -> None:
    """Claim finding replaced by a stub: 500 candidates, progress over 10 steps."""

    def extract(
        article: Article,
        *,
        progress: Callable[[int, int], None] | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> list[Claim]:
        for done in range(11):
            if progress is not None:
                progress(done, 10)
        found = []
        for i in range(SENTENCES):
            quote = f"Claim {i} says prices rose {i} percent."
            start = article.text.index(quote)
            score = round(((i * 7) % SENTENCES) / SENTENCES, 4)
            found.append(Claim(article.id, start, start + len(quote), quote, score=score))
        return found

    monkeypatch.setattr(library, "extract", extract)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "long-report.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_import_keeps_the_best_300_and_says_how_to_get_the_rest(run, report, stub_extract) -> None:
    out = run("import", str(report)).output
    article_id = out.split()[0]
    assert "(300 claims)" in out
    assert "200 more candidates scoring 0.40 or less were not kept" in out
    assert f"`workbench claims find-again {article_id} --keep 500` stores them" in out
    listed = run("claims", article_id).output
    assert listed.count(" score ") == 300 and "200 more candidates" in listed

    again = run("claims", "find-again", article_id, "--keep", "500").output
    assert "200 claims added; the 300 stored before are kept as they were." in again
    assert "not kept" not in again
    assert "not kept" not in run("claims", article_id).output
    assert "0 claims added" in run("claims", "find-again", article_id, "--keep", "500").output


def test_import_json_tells_what_was_left_out(run, report, stub_extract) -> None:
    [row] = json.loads(run("import", "--keep", "120", "--json", str(report)).output)
    assert row["claims"] == 120 and row["left_out"]["count"] == 380
    assert row["left_out"]["limit"] == 120


def test_keep_beyond_the_limit_is_one_clear_line(run, report, stub_extract) -> None:
    result = run("import", "--keep", "20000", str(report), ok=False)
    assert result.exit_code == 1
    assert "whole number from 1 to 10,000" in result.stderr and "Traceback" not in result.output


def test_ctrl_c_while_importing_saves_nothing_of_that_file(
    run, report, stub_extract, seed_article_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("import", "--no-extract", str(seed_article_path))
    terminal = FakeTerminal(stop_at=" 60% ")
    monkeypatch.setattr(articles_cli, "progress_line", lambda: progress_line(terminal))
    before = _sha(Path(run.db))

    result = run("import", str(seed_article_path), str(report), ok=False)

    assert result.exit_code == 130
    assert result.stderr.strip().splitlines() == [
        "workbench: Stopped; nothing of “long-report.txt” was saved; "
        "the file imported before it is saved."
    ]
    assert " 50% Finding claims in long-report.txt" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r\033[K")  # the bar is cleared before the message
    with open_store(run.db, read_only=True) as store:
        assert len(store.list_articles()) == 1
        assert store.query("SELECT count(*) AS n FROM claims")[0]["n"] == 0
    assert _sha(Path(run.db)) == before


def test_ctrl_c_while_checking_changes_nothing(
    run, seed_article_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("import", "--no-extract", str(seed_article_path))
    before = _sha(Path(run.db))

    def press_ctrl_c(*_args: object, **_kwargs: object) -> list[str]:
        raise KeyboardInterrupt

    monkeypatch.setattr("workbench.store.health.problems", press_ctrl_c)
    result = CliRunner().invoke(main, ["--db", run.db, "check"])
    assert result.exit_code == 130
    assert result.stderr == "workbench: Stopped; nothing was changed.\n"
    assert _sha(Path(run.db)) == before


def test_progress_is_drawn_on_a_terminal_and_cleared_at_the_end() -> None:
    terminal = FakeTerminal()
    with progress_line(terminal) as bar:
        assert bar is not None
        bar("Finding claims in report.txt", 5, 10)
        bar("Finding claims in report.txt", 5, 10)  # the same line is not drawn again
        bar("Checking claim spans", 10, 10)
    drawn = terminal.getvalue()
    assert drawn.count("\r\033[K[##########----------]  50% Finding claims in report.txt") == 1
    assert "[####################] 100% Checking claim spans" in drawn
    assert drawn.endswith("\r\033[K")


def test_no_progress_when_not_a_terminal() -> None:
    piped = io.StringIO()
    with progress_line(piped) as bar:
        assert bar is None
    assert piped.getvalue() == ""


def test_progress_escapes_control_characters_in_file_names() -> None:
    terminal = FakeTerminal()
    with progress_line(terminal) as bar:
        assert bar is not None
        bar("Finding claims in evil\x1b[2J.txt", 1, 2)
    assert "\x1b[2J" not in terminal.getvalue() and "evil\\x1b[2J.txt" in terminal.getvalue()
