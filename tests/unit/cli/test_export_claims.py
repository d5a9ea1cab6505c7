"""``workbench export``: only reviewed claims unless --all-claims, in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.model import Article, Claim, Judgement


@pytest.fixture
def db(tmp_path: Path) -> tuple[str, str]:
    """A database with three claims of which one was rated; (path, article id)."""
    from workbench.store import open_store

    path = tmp_path / "t.sqlite3"
    store = open_store(path)
    text = "Roads cost 3 million. Bridges cost 2 million. Parks cost 1 million."
    article = Article(text=text, title="Council")
    claims = []
    for sentence in ("Roads cost 3 million.", "Bridges cost 2 million.", "Parks cost 1 million."):
        start = text.index(sentence)
        claims.append(Claim(article.id, start, start + len(sentence), sentence))
    store.add_article(article, claims)
    ana = store.add_reviewer("Ana")
    store.save_verdict(claims[1].id, ana.id, Judgement("False"))
    store.save_verdict(claims[2].id, ana.id, Judgement(None, rationale="Asked the council"))
    store.close()
    return str(path), article.id


def _numbers(db: tuple[str, str], out: Path, *flags: str) -> list[int]:
    path, article = db
    result = CliRunner().invoke(
        main, ["--db", path, "export", article, "-f", "json", "-o", str(out), *flags]
    )
    assert result.exit_code == 0, result.output
    return [c["number"] for c in json.loads(out.read_text(encoding="utf-8"))["claims"]]


def test_only_rated_claims_by_default(db, tmp_path: Path) -> None:
    # Claim 3 has only a draft: it is not reviewed yet.
    assert _numbers(db, tmp_path / "r.json") == [2]


def test_all_claims_lists_the_rest_with_their_desk_numbers(db, tmp_path: Path) -> None:
    assert _numbers(db, tmp_path / "r.json", "--all-claims") == [1, 2, 3]


def test_the_saved_setting_is_the_default_and_the_flag_wins(db, tmp_path: Path) -> None:
    path, _ = db
    result = CliRunner().invoke(main, ["--db", path, "report-settings", "--all-claims"])
    assert result.exit_code == 0, result.output
    assert "report_all_claims" in result.output
    assert _numbers(db, tmp_path / "a.json") == [1, 2, 3]
    assert _numbers(db, tmp_path / "b.json", "--reviewed-only") == [2]
