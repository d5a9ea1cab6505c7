"""``workbench extract`` and ``workbench score`` through click's CliRunner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main

SEED = Path(__file__).resolve().parents[3] / "seeds" / "kerry-putin-syria-talks.txt"


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    target = tmp_path / "kerry.txt"
    shutil.copyfile(SEED, target)
    return target


@pytest.mark.slow
def test_extract_json_gives_the_article_and_anchored_claims(article_file, tmp_path):
    result = CliRunner().invoke(
        main, ["--db", str(tmp_path / "unused.db"), "extract", str(article_file), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    article, claims = data["article"], data["claims"]
    assert set(article) >= {
        "title",
        "outlet",
        "author",
        "published",
        "url",
        "language",
        "text",
        "blocks",
    }
    assert article["blocks"] and set(article["blocks"][0]) == {"kind", "start", "end"}
    assert claims
    for claim in claims:
        assert set(claim) == {"start", "end", "quote", "speaker", "kind", "score", "reasons"}
        assert article["text"][claim["start"] : claim["end"]] == claim["quote"]
    speakers = {c["quote"][:20]: c["speaker"] for c in claims}
    assert speakers["We will meet this Fr"] == "John Kerry"
    assert not (tmp_path / "unused.db").exists()


@pytest.mark.slow
def test_extract_without_json_prints_a_readable_list(article_file):
    result = CliRunner().invoke(main, ["extract", str(article_file)])
    assert result.exit_code == 0, result.output
    assert "claims" in result.stdout.splitlines()[0]
    assert "— John Kerry" in result.stdout
    assert "why: " in result.stdout


def test_extract_of_a_missing_file_is_one_line_on_stderr(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "nowhere.txt")])
    assert result.exit_code != 0
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "nowhere.txt" in result.stderr


def test_extract_with_an_unknown_pipeline_fails_clearly(article_file):
    result = CliRunner().invoke(
        main, ["extract", str(article_file), "--pipeline", "en_nothing_here"]
    )
    assert result.exit_code != 0
    assert "en_nothing_here" in result.stderr


@pytest.mark.slow
def test_score_prints_one_json_object_per_input_line():
    lines = ["Crime fell by 12 percent in 2016.", "Thank you so much!", "¿Qué? 😀"]
    result = CliRunner().invoke(main, ["score"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["text"] for row in rows] == lines
    assert rows[0]["score"] > rows[1]["score"]
    assert [row["claim"] for row in rows[:2]] == [True, False]
    assert all(0.0 <= row["score"] <= 1.0 for row in rows)


@pytest.mark.slow
def test_score_and_the_extractor_agree_on_each_sentence(tmp_path):
    from workbench.claims import CHECKWORTHY_THRESHOLD

    sentences = [
        "Unemployment fell to 3.5 percent in 2019.",
        "The city spent $4 million on the new bridge last year.",
        "We will never give up.",
        "Thank you all for coming tonight.",
    ]
    article = tmp_path / "article.txt"
    article.write_text("\n\n".join(sentences) + "\n", encoding="utf-8")
    extracted = CliRunner().invoke(main, ["extract", str(article), "--json"])
    scored = CliRunner().invoke(main, ["score"], input="\n".join(sentences) + "\n")
    assert extracted.exit_code == 0 and scored.exit_code == 0
    by_quote = {c["quote"]: c["score"] for c in json.loads(extracted.stdout)["claims"]}
    for row in map(json.loads, scored.stdout.splitlines()):
        if row["text"] in by_quote:
            assert by_quote[row["text"]] == pytest.approx(row["score"], abs=1e-4)
        else:  # the extractor lists nothing the desk would hide below its floor
            assert not row["claim"] and row["score"] < CHECKWORTHY_THRESHOLD
