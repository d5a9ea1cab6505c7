"""``workbench library``, ``library import``, ``match`` and ``search`` over the library."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from workbench.cli import main


def _files(tmp_path: Path) -> tuple[Path, Path]:
    feed = tmp_path / "feed.json"
    feed.write_text(
        json.dumps(
            [
                {
                    "@type": "ClaimReview",
                    "url": "https://c.org/1",
                    "headline": "Is the Lunar Surface Dairy?",
                    "claimReviewed": "The moon is made of cheese",
                    "datePublished": "2024-02-03",
                    "author": {"name": "Checkers"},
                    "reviewRating": {"alternateName": "False"},
                },
                {"@type": "ClaimReview", "claimReviewed": ""},
            ]
        ),
        encoding="utf-8",
    )
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "claim,rating,url,publisher,date\nBridges closed in May,True,https://c.org/2,AFP,2024-05-01\n",
        encoding="utf-8",
    )
    return feed, sheet


def test_import_counts_and_bad_items(tmp_path: Path) -> None:
    db = str(tmp_path / "w.sqlite3")
    feed, sheet = _files(tmp_path)
    result = CliRunner().invoke(main, ["library", "import", str(feed), str(sheet), "--db", db])
    assert result.exit_code == 0, result.output
    assert "feed.json: 1 added, 0 updated, 0 unchanged, 1 not imported" in result.output
    assert "1 not imported: no claim" in result.output
    again = CliRunner().invoke(main, ["library", "import", str(feed), "--db", db])
    assert "0 added, 0 updated, 1 unchanged" in again.output
    counts = CliRunner().invoke(main, ["library", "--json", "--db", db])
    assert json.loads(counts.output) == {"import": 2, "team": 0}


def test_a_file_that_cannot_be_read_exits_1(tmp_path: Path) -> None:
    db = str(tmp_path / "w.sqlite3")
    feed, _ = _files(tmp_path)
    result = CliRunner().invoke(
        main, ["library", "import", str(tmp_path / "missing.json"), str(feed), "--db", db]
    )
    assert result.exit_code == 1
    assert "missing.json" in result.output and "feed.json: 1 added" in result.output


def test_match_stdin_prints_one_json_line_per_query(tmp_path: Path) -> None:
    db = str(tmp_path / "w.sqlite3")
    feed, sheet = _files(tmp_path)
    CliRunner().invoke(main, ["library", "import", str(feed), str(sheet), "--db", db])
    result = CliRunner().invoke(
        main,
        ["match", "--stdin", "-k", "3", "--json", "--db", db],
        input='is the moon cheese?\n\n"NEAR( * bridges\n',
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["query"] for line in lines] == ["is the moon cheese?", '"NEAR( * bridges']
    first = lines[0]["matches"][0]
    assert list(first) == ["url", "claim", "rating", "publisher", "date", "score", "title"]
    assert first["title"] == "Is the Lunar Surface Dairy?"
    assert (first["url"], first["rating"], first["publisher"], first["date"]) == (
        "https://c.org/1",
        "False",
        "Checkers",
        "2024-02-03",
    )
    assert 0 < first["score"] <= 1
    assert lines[1]["matches"][0]["claim"] == "Bridges closed in May"
    assert lines[1]["matches"][0]["title"] is None


def test_match_text_and_search_cover_the_library(tmp_path: Path) -> None:
    db = str(tmp_path / "w.sqlite3")
    feed, _ = _files(tmp_path)
    CliRunner().invoke(main, ["library", "import", str(feed), "--db", db])
    shown = CliRunner().invoke(main, ["match", "moon cheese", "--db", db])
    assert "The moon is made of cheese" in shown.output and "https://c.org/1" in shown.output
    found = CliRunner().invoke(main, ["search", "cheese", "--json", "--db", db])
    [hit] = json.loads(found.output)
    assert hit["entity"] == "fact-check" and "[cheese]" in hit["snippet"]


def test_match_needs_text_or_stdin(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["match", "--db", str(tmp_path / "w.sqlite3")])
    assert result.exit_code == 1


def test_match_finds_and_shows_the_headline(tmp_path: Path) -> None:
    db = str(tmp_path / "w.sqlite3")
    feed, sheet = _files(tmp_path)
    CliRunner().invoke(main, ["library", "import", str(feed), str(sheet), "--db", db])
    shown = CliRunner().invoke(main, ["match", "lunar surface dairy", "-k", "1", "--db", db])
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    assert "The moon is made of cheese" in lines[0]
    assert lines[1].strip() == "“Is the Lunar Surface Dairy?”"
    as_json = CliRunner().invoke(main, ["match", "lunar dairy", "-k", "1", "--json", "--db", db])
    [found] = json.loads(as_json.output)["matches"]
    assert found["title"] == "Is the Lunar Surface Dairy?"


def test_an_import_leaves_the_library_ready_to_match_by_meaning(tmp_path: Path) -> None:
    from workbench.store import open_store

    db = str(tmp_path / "w.sqlite3")
    feed, sheet = _files(tmp_path)
    result = CliRunner().invoke(main, ["library", "import", str(feed), str(sheet), "--db", db])
    assert result.exit_code == 0, result.output
    # The window only reads the library: the vectors it matches by are made here.
    with open_store(Path(db), read_only=True) as store:
        stored = store.query("SELECT count(*) AS n FROM factchecks WHERE vector IS NOT NULL")
    assert stored[0]["n"] == 2


def test_match_without_the_reranker_finds_the_same_fact_checks(tmp_path: Path) -> None:
    db = str(tmp_path / "w.sqlite3")
    feed, sheet = _files(tmp_path)
    CliRunner().invoke(main, ["library", "import", str(feed), str(sheet), "--db", db])
    found = {}
    for flags in ([], ["--no-rerank"]):
        shown = CliRunner().invoke(main, ["match", "moon cheese", "--json", "--db", db, *flags])
        assert shown.exit_code == 0, shown.output
        found[bool(flags)] = {m["url"] for m in json.loads(shown.output)["matches"]}
    assert found[True] == found[False] and "https://c.org/1" in found[True]


def test_a_mistyped_database_is_refused_not_made(tmp_path: Path) -> None:
    missing = tmp_path / "nothere.sqlite3"
    for args in (["match", "the moon is cheese"], ["library"], ["library", "--json"]):
        result = CliRunner().invoke(main, [*args, "--db", str(missing)])
        assert result.exit_code == 1, (args, result.output)
        assert "nothere.sqlite3” does not exist" in result.output
    assert list(tmp_path.iterdir()) == []


def test_an_import_of_files_that_all_fail_writes_nothing(tmp_path: Path, monkeypatch) -> None:
    import hashlib

    from workbench.cli import library

    db = tmp_path / "w.sqlite3"
    feed, _ = _files(tmp_path)
    # Imported where the encoder is not installed: the items have no vectors yet.
    with monkeypatch.context() as patched:
        patched.setattr(library, "_encoder", lambda: None)
        imported = CliRunner().invoke(main, ["library", "import", str(feed), "--db", str(db)])
        assert imported.exit_code == 0

    def state() -> str:
        files = [db, db.with_name(db.name + "-wal")]
        return hashlib.sha256(b"".join(f.read_bytes() for f in files if f.exists())).hexdigest()

    before = state()
    result = CliRunner().invoke(
        main, ["library", "import", str(tmp_path / "missing.json"), "--db", str(db)]
    )
    assert result.exit_code == 1 and "missing.json" in result.output
    assert state() == before
