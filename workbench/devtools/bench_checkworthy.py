"""Benchmark of the check-worthiness encoder: load time, sentences per second, a whole import.

* model load: a fresh ``CheckworthyModel`` (ONNX session and tokenizer), median of 5;
* scorer alone: sentences per second over about 2,000 real sentences (ct24 dev and dev-test from
  ``$DATASETS`` when present, else the seed article's sentences), in the batches the extractor
  uses, one process;
* ``workbench import`` of the seed article into a new database, as a whole process (Python start,
  spaCy and the model loaded, claims found and saved), median of 5. With ``BENCH_BASELINE`` set
  to another checkout of the program (an earlier version), the same import is run from there in
  turn with this one, and the ratio printed.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from workbench.claims.learned import CheckworthyModel, default_model_dir
from workbench.devtools.evaldata import read_ct24

_ROOT = Path(__file__).resolve().parents[2]
SEED = _ROOT / "seeds" / "kerry-putin-syria-talks.txt"
SENTENCES = 2_000


def _sentences() -> tuple[list[str], str]:
    """About :data:`SENTENCES` sentences to score, and where they come from."""
    folder = Path(os.environ.get("DATASETS", "../shared/datasets")) / "ct24_task1_en"
    found: list[str] = []
    for split in ("dev", "dev-test"):
        path = folder / f"CT24_checkworthy_english_{split}.tsv"
        if path.is_file():
            found += read_ct24(path).texts
    origin = "ct24 dev and dev-test"
    if not found:
        text = SEED.read_text(encoding="utf-8")
        found = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 3]
        origin = "the seed article"
    return (found * (SENTENCES // len(found) + 1))[:SENTENCES], origin


def _import_seconds(source: Path) -> float:
    """Wall time of ``workbench import`` of the seed article into a new database, run from the
    program in ``source`` (its checkout's own ``workbench`` package and resources)."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(source)}
        cmd = [sys.executable, "-m", "workbench", "--db", str(Path(tmp) / "b.db"), "import"]
        started = time.perf_counter()
        subprocess.run([*cmd, str(SEED)], env=env, cwd=source, capture_output=True, check=True)
        return time.perf_counter() - started


def run() -> list[tuple[str, str]]:
    """Rows: load seconds, sentences per second, import seconds."""
    loads = []
    for _ in range(5):
        started = time.perf_counter()
        model = CheckworthyModel(default_model_dir())
        loads.append(time.perf_counter() - started)
    texts, origin = _sentences()
    words = sum(len(t.split()) for t in texts)
    model(texts[:64])
    started = time.perf_counter()
    for start in range(0, len(texts), 256):
        model(texts[start : start + 256])
    seconds = time.perf_counter() - started
    baseline = os.environ.get("BENCH_BASELINE")
    ours, theirs = [], []
    for _ in range(5):
        ours.append(_import_seconds(_ROOT))
        if baseline:
            theirs.append(_import_seconds(Path(baseline).resolve()))
    rows = [
        ("model load, median of 5 (target <= 0.5 s)", f"{statistics.median(loads):.3f} s"),
        (f"scorer alone, {len(texts):,} sentences of {origin}", ""),
        ("  sentences/s (target >= 300)", f"{len(texts) / seconds:,.0f}"),
        ("  words/s", f"{words / seconds:,.0f}"),
        ("workbench import of the seed article, whole process, median of 5", ""),
        ("  this version", f"{statistics.median(ours):.2f} s"),
    ]
    if theirs:
        ratio = statistics.median(ours) / statistics.median(theirs)
        rows += [
            (f"  {baseline}", f"{statistics.median(theirs):.2f} s"),
            ("  ratio (target <= 1.3)", f"{ratio:.2f}"),
        ]
    return rows
