"""``workbench merge OTHER`` and ``workbench bundle``: what was added, updated, and in conflict."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from click.testing import CliRunner

from tests.unit.services.merge_helpers import FIRST, ratings, reviewed_file
from workbench.cli import main
from workbench.store import open_store


def _cli(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.output


def _laptops(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "anna.sqlite3", tmp_path / "ben.sqlite3"
    reviewed_file(a, "Anna", "True").close()
    reviewed_file(b, "Ben", "False").close()
    return a, b


def test_merge_prints_what_was_added_and_a_second_merge_nothing(tmp_path):
    a, b = _laptops(tmp_path)
    code, out = _cli(a, "merge", str(b))
    assert code == 0, out
    assert out.splitlines()[0] == "Merged “ben.sqlite3” into “anna.sqlite3”."
    assert "Added: 1 verdict, 1 reviewer." in out
    assert "A backup of the file as it was before:" in out
    with open_store(a, read_only=True) as store:
        assert ratings(store) == [(FIRST, "Anna", "True"), (FIRST, "Ben", "False")]
    code, out = _cli(a, "merge", str(b))
    assert code == 0
    assert out.startswith("Nothing to merge:")


def test_merge_json_lists_conflicts_for_tools(tmp_path):
    a, b = _laptops(tmp_path)
    code, out = _cli(a, "merge", str(b), "--json")
    assert code == 0
    found = json.loads(out)
    assert found["changed"] is True
    assert found["added"] == {"verdict": 1, "reviewer": 1}
    assert found["conflicts"] == []


def test_merging_a_file_that_is_not_a_workbench_file_fails_and_changes_nothing(tmp_path):
    a, _ = _laptops(tmp_path)
    other = tmp_path / "notes.txt"
    other.write_text("not a database")
    before = a.read_bytes()
    code, out = _cli(a, "merge", str(other))
    assert code == 1
    assert "not a Factcheck Workbench database" in out
    assert a.read_bytes() == before


def test_a_bundle_carries_an_article_to_a_colleague(tmp_path):
    a, b = _laptops(tmp_path)
    with open_store(a, read_only=True) as store:
        article = store.list_articles()[0]["id"]
    bundle = tmp_path / "crime.zip"
    code, out = _cli(a, "bundle", article[:8], "-o", str(bundle))
    assert code == 0, out
    assert "crime.zip" in out
    with zipfile.ZipFile(bundle) as zf:
        assert sorted(zf.namelist()) == ["manifest.json", "workbench.sqlite3"]
    code, out = _cli(b, "merge", str(bundle))
    assert code == 0, out
    with open_store(b, read_only=True) as store:
        assert ratings(store) == [(FIRST, "Anna", "True"), (FIRST, "Ben", "False")]
    code, out = _cli(b, "audit", "verify")
    assert code == 0, out


def test_a_bundle_says_other_articles_travel_without_their_content(tmp_path):
    from workbench.model import Article

    a, b = _laptops(tmp_path)
    with open_store(a) as store:
        article = store.list_articles()[0]["id"]
        store.add_article(Article(text="A source's own account.", title="Unpublished"))
        verdict = store.query("SELECT id FROM verdicts")[0]["id"]
        store.add_source(verdict, title="Police figures")
    bundle = tmp_path / "crime.zip"
    code, out = _cli(a, "bundle", article[:8], "-o", str(bundle))
    assert code == 0, out
    assert "1 earlier change to other articles of this file without their content" in out
    code, out = _cli(b, "merge", str(bundle), "--json")
    assert code == 0, out
    assert json.loads(out)["events_withheld"] >= 1
    code, out = _cli(b, "audit", "verify")
    assert code == 0, out
    assert "without their content" in out


def test_an_encrypted_colleagues_file_asks_for_its_own_passphrase(tmp_path, monkeypatch):
    """Both files encrypted, each with its own passphrase: the colleague's is never taken for
    this file's, and without a terminal the message names the option to use."""
    from workbench.cli import common

    mine, theirs = tmp_path / "mine.sqlite3", tmp_path / "theirs.sqlite3"
    reviewed_file(mine, "Anna", "True", passphrase="anna-secret-1").close()
    reviewed_file(theirs, "Ben", "False", passphrase="ben-secret-22").close()
    (tmp_path / "mine.key").write_text("anna-secret-1\n", encoding="utf-8")
    runner = CliRunner()
    base = ["--db", str(mine), "--passphrase-file", str(tmp_path / "mine.key")]
    result = runner.invoke(main, [*base, "merge", str(theirs)])
    assert result.exit_code == 1
    assert "--other-passphrase-file" in result.output
    monkeypatch.setattr(common, "stdin_is_terminal", lambda: True)
    result = runner.invoke(main, [*base, "merge", str(theirs)], input="ben-secret-22\n")
    assert result.exit_code == 0, result.output
    assert "does not unlock" not in result.output
    with open_store(mine, read_only=True, passphrase="anna-secret-1") as store:
        assert ratings(store) == [(FIRST, "Anna", "True"), (FIRST, "Ben", "False")]
