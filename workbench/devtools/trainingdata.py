"""The shared training and evaluation data of the check-worthiness encoder, split once, by rule.

Every dataset of ``shared/datasets`` that says something about check-worthy claims takes part:

* ``ct24`` — ClaimBuster sentences from US debates (broad label: a check-worthy factual claim).
  ``train`` trains; ``dev`` fits the calibration; ``dev-test`` is only ever reported.
* ``debates`` — CheckThat! 2019 and 2020 transcripts (strict label: a fact-checker checked it).
  Two groups of whole transcripts never train: :data:`REPORT_DEBATES` (ct19, reported as MAP) and
  :data:`TUNE_DEBATES` (ct20_task5, used to weigh the strict head into the score and, with their
  checked sentences, to choose the threshold).
* ``liar`` — PolitiFact statements (all of them were checked, so all positive). ``train`` trains,
  ``valid`` is dev (the share flagged).
* ``tweets`` — CheckThat! 2020 English tweets (``claim`` label). ``training`` trains, ``dev`` is dev.

A sentence that occurs in any evaluation set is removed from every training set.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from workbench.devtools.evaldata import Labelled, read_ct24, read_debates

#: ct19 transcripts held back from training and reported (MAP on debates never seen).
REPORT_DEBATES = (
    "20160209_msnbc_dem",
    "20160414_9dem",
    "20170928_trump_tax",
    "20180916_trump_miami",
    "20181010_medicare",
    "20190108_oval_office",
)
#: ct20_task5 transcripts held back from training to choose the strict head's weight and (their
#: checked sentences) the threshold.
TUNE_DEBATES = (
    "20151013_democrats_las_vegas",
    "20160112_Obama_state_of_the_union",
    "20160329_kasich_milwuakee",
    "20160417_meet_the_press",
    "20170111_Trump_press_conference",
    "20170424_Trump_AP_interview",
    "20170822_Trump_phoenix",
    "20180525_Trump_Naval",
)
#: The datasets a model can be trained without (the "dataset held out" columns of ``make eval``).
DATASETS = ("ct24", "debates", "liar", "tweets")
#: Heads of the encoder: 0 = broad (ClaimBuster, LIAR, tweets), 1 = strict (debates).
BROAD, STRICT = 0, 1
#: Label of a head an example says nothing about.
UNKNOWN = -1


def normalise(text: str) -> str:
    """The form in which two sentences count as the same one."""
    return " ".join(text.lower().split())


@dataclass(slots=True)
class Example:
    """One training sentence with a label per head (``UNKNOWN`` where it has none)."""

    text: str
    broad: int
    strict: int
    source: str


@dataclass(slots=True)
class Splits:
    """Everything the trainer and ``make eval`` read, split by the rules above."""

    ct24_train: Labelled
    ct24_dev: Labelled
    ct24_dev_test: Labelled
    liar_train: Labelled
    liar_valid: Labelled
    tweets_train: Labelled
    tweets_dev: Labelled
    train_debates: list[Labelled]
    report_debates: list[Labelled]
    tune_debates: list[Labelled]
    all_ct19: list[Labelled] = field(default_factory=list)

    def evaluation_texts(self) -> set[str]:
        """Every sentence of every set that must never train."""
        sets: Iterable[Labelled] = [
            self.ct24_dev,
            self.ct24_dev_test,
            self.liar_valid,
            self.tweets_dev,
            *self.report_debates,
            *self.tune_debates,
        ]
        return {normalise(t) for s in sets for t in s.texts}


def read_liar(path: Path) -> Labelled:
    """LIAR statements; every one was checked by PolitiFact, so every label is 1."""
    texts = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 3 and row[2].strip():
                texts.append(row[2].strip())
    return Labelled(path.stem, texts, [1] * len(texts))


def read_tweets(path: Path) -> Labelled:
    """CheckThat! 2020 English tweets with their ``claim`` label (a factual claim or not)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return Labelled(path.stem, [r["tweet_text"] for r in rows], [int(r["claim"]) for r in rows])


def load_splits(datasets: Path) -> Splits:
    """Read every dataset and split it."""
    ct24 = datasets / "ct24_task1_en"
    ct19 = read_debates(datasets / "ct19_task1_debates")
    ct20 = read_debates(datasets / "ct20_task5_debates")
    report = [t for t in ct19 if t.name in REPORT_DEBATES]
    tune = [t for t in ct20 if t.name in TUNE_DEBATES]
    if len(report) != len(REPORT_DEBATES) or len(tune) != len(TUNE_DEBATES):
        raise SystemExit("trainingdata: a held-back transcript is missing from the datasets")
    seen_names = set()
    train_debates = []
    for t in ct19 + ct20:
        if t.name in REPORT_DEBATES or t.name in TUNE_DEBATES or t.name in seen_names:
            continue
        seen_names.add(t.name)
        train_debates.append(t)
    return Splits(
        ct24_train=read_ct24(ct24 / "CT24_checkworthy_english_train.tsv"),
        ct24_dev=read_ct24(ct24 / "CT24_checkworthy_english_dev.tsv"),
        ct24_dev_test=read_ct24(ct24 / "CT24_checkworthy_english_dev-test.tsv"),
        liar_train=read_liar(datasets / "liar" / "train.tsv"),
        liar_valid=read_liar(datasets / "liar" / "valid.tsv"),
        tweets_train=read_tweets(datasets / "ct20_task1_tweets_en" / "training_v2.tsv"),
        tweets_dev=read_tweets(datasets / "ct20_task1_tweets_en" / "dev_v2.tsv"),
        train_debates=train_debates,
        report_debates=report,
        tune_debates=tune,
        all_ct19=ct19,
    )


def training_examples(
    splits: Splits,
    *,
    without: str | None = None,
    liar_cap: int = 6000,
    debate_negatives: int = 7000,
    seed: int = 0,
) -> list[Example]:
    """The training mixture, optionally ``without`` one of :data:`DATASETS`.

    Debate transcripts are 1-3% positive: all positives stay, negatives are sampled. Their
    positives are positive for the broad head too (a checked sentence is check-worthy); their
    negatives say nothing about the broad label (many are check-worthy but were not checked).
    """
    if without is not None and without not in DATASETS:
        raise ValueError(f"unknown dataset {without!r}; known: {DATASETS}")
    rng = random.Random(seed)
    banned = splits.evaluation_texts()
    examples: list[Example] = []
    if without != "ct24":
        examples += [
            Example(t, y, UNKNOWN, "ct24")
            for t, y in zip(splits.ct24_train.texts, splits.ct24_train.labels, strict=True)
        ]
    if without != "liar":
        liar = list(splits.liar_train.texts)
        rng.shuffle(liar)
        examples += [Example(t, 1, UNKNOWN, "liar") for t in liar[:liar_cap]]
    if without != "tweets":
        examples += [
            Example(t, y, UNKNOWN, "tweets")
            for t, y in zip(splits.tweets_train.texts, splits.tweets_train.labels, strict=True)
        ]
    if without != "debates":
        positives, negatives = [], []
        for transcript in splits.train_debates:
            for text, label in zip(transcript.texts, transcript.labels, strict=True):
                (positives if label else negatives).append(text)
        rng.shuffle(negatives)
        examples += [Example(t, 1, 1, "debates") for t in positives]
        examples += [Example(t, UNKNOWN, 0, "debates") for t in negatives[:debate_negatives]]
    unique: dict[str, Example] = {}
    for example in examples:
        key = normalise(example.text)
        if key and key not in banned and key not in unique:
            unique[key] = example
    result = list(unique.values())
    rng.shuffle(result)
    return result
