"""Readers and measures for the CheckThat! check-worthiness data (training and evaluation)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

Scorer = Callable[[list[str]], list[float]]


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


def average_precision_map(
    transcripts: Sequence[Labelled], scorer: Scorer, exclude: set[str] | None = None
) -> float:
    """Mean average precision over transcripts, optionally leaving out given sentences."""
    values = []
    for t in transcripts:
        keep = [i for i, x in enumerate(t.texts) if not exclude or x.strip().lower() not in exclude]
        scores = scorer([t.texts[i] for i in keep])
        ap = average_precision(scores, [t.labels[i] for i in keep])
        if ap is not None:
            values.append(ap)
    return round(sum(values) / len(values), 4) if values else 0.0


def reliability(
    scores: Sequence[float], labels: Sequence[int], bins: int = 10
) -> list[tuple[str, int, float, float]]:
    """Rows (score range, sentences, mean score, share check-worthy) for a reliability table."""
    rows = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, s in enumerate(scores) if lo <= s < hi or (b == bins - 1 and s == 1.0)]
        if idx:
            mean = sum(scores[i] for i in idx) / len(idx)
            share = sum(labels[i] for i in idx) / len(idx)
            rows.append((f"{lo:.1f}–{hi:.1f}", len(idx), round(mean, 3), round(share, 3)))
    return rows
