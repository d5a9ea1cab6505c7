"""A miniature copy of the shared datasets folder for the training and evaluation tools."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.devtools.trainingdata import REPORT_DEBATES, TUNE_DEBATES

SHARED = "Taxes rose by 5 percent last year."


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def datasets(tmp_path: Path) -> Path:
    """A miniature copy of the shared datasets folder, with one sentence in train and dev."""
    ct24 = tmp_path / "ct24_task1_en"
    header = "Sentence_id\tText\tclass_label\n"
    _write(
        ct24 / "CT24_checkworthy_english_train.tsv",
        header + f"1\t{SHARED}\tYes\n2\tGood evening.\tNo\n3\tCrime fell 3%.\tYes\n",
    )
    _write(ct24 / "CT24_checkworthy_english_dev.tsv", header + f"9\t{SHARED.upper()}\tYes\n")
    _write(ct24 / "CT24_checkworthy_english_dev-test.tsv", header + "8\tJobs grew.\tYes\n")
    liar_row = "1.json\tfalse\t{}\tsubject\tspeaker\tjob\tstate\tparty\t0\t0\t0\t0\t0\tcontext\n"
    _write(tmp_path / "liar" / "train.tsv", liar_row.format("Says the tax doubled."))
    _write(tmp_path / "liar" / "valid.tsv", liar_row.format("Says crime tripled."))
    tweets = "topic_id\ttweet_id\ttweet_url\ttweet_text\tclaim\tcheck_worthiness\n"
    _write(
        tmp_path / "ct20_task1_tweets_en" / "training_v2.tsv",
        tweets + "c\t1\tu\tCases up 40%\t1\t1\n",
    )
    _write(tmp_path / "ct20_task1_tweets_en" / "dev_v2.tsv", tweets + "c\t2\tu\tStay safe\t0\t0\n")
    debate = "1\tA\tThe deficit tripled.\t1\n2\tA\tThank you.\t0\n3\tA\tWe met in May.\t0\n"
    _write(tmp_path / "ct19_task1_debates" / "20170101_other.tsv", debate)
    for name in REPORT_DEBATES:
        _write(tmp_path / "ct19_task1_debates" / f"{name}.tsv", "1\tC\tReported only.\t1\n")
    for name in TUNE_DEBATES:
        _write(tmp_path / "ct20_task5_debates" / f"{name}.tsv", "1\tB\tHeld back.\t1\n")
    return tmp_path
