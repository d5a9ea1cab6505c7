"""Readers and measures for the CheckThat! check-worthiness data (training and evaluation)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(slots=True)
class Labelled:
    """Sentences with 0/1 labels (one transcript, or one split)."""

    name: str
    texts: list[str]
    labels: list[int]


def read_ct24(path: Path) -> Labelled:
    """A ct24_task1_en TSV (header ``Sentence_id Text class_label``, Yes/No).

    Its text fields are CSV-quoted where they hold quotes or commas: the quotes are syntax, not
    part of the sentence, so the file is read with normal quoting (the debate files are not).
    """
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return Labelled(
        path.stem,
        [row["Text"] for row in rows],
        [1 if row["class_label"].strip() == "Yes" else 0 for row in rows],
    )


def read_debates(folder: Path) -> list[Labelled]:
    """Every CheckThat! 2019/2020 transcript in ``folder`` (``line_no speaker text label``)."""
    transcripts = []
    for path in sorted(folder.glob("*.tsv")):
        texts, labels = [], []
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                if len(row) >= 4:
                    texts.append(row[2])
                    labels.append(int(row[3]))
        transcripts.append(Labelled(path.stem, texts, labels))
    return transcripts


def prf(scores: Sequence[float], labels: Sequence[int], threshold: float) -> list[float]:
    """Precision, recall and F1 of the positive class for scores at or above ``threshold``."""
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and not y)
    fn = sum(1 for s, y in zip(scores, labels, strict=True) if s < threshold and y)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return [round(p, 4), round(r, 4), round(f, 4)]


def average_precision(scores: Sequence[float], labels: Sequence[int]) -> float | None:
    """Average precision of the positives ranked by score (ties keep input order)."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits, total = 0, 0.0
    for rank, i in enumerate(order, start=1):
        if labels[i]:
            hits += 1
            total += hits / rank
    return total / hits if hits else None
