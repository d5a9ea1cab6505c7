"""Benchmark of the trained check-worthiness scorer: load time and sentences per second."""

from __future__ import annotations

import re
import time
from pathlib import Path

from workbench.claims.learned import CheckworthyModel, default_model_dir

_SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _sentences() -> list[str]:
    """About 20,000 sentences from the seed articles (repeated; the word cache starts cold)."""
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(_SEEDS.glob("*.txt")))
    found = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 3]
    found = found or ["Unemployment fell to 3.5 percent in 2019."]
    return (found * (20_000 // len(found) + 1))[:20_000]


def run() -> list[tuple[str, str]]:
    """Rows: load seconds, cold and warm sentences per second and words per second."""
    started = time.perf_counter()
    model = CheckworthyModel(default_model_dir())
    load = time.perf_counter() - started
    texts = _sentences()
    words = sum(len(t.split()) for t in texts)
    rows = [("model load (s)", f"{load:.3f}")]
    for label in ("first pass", "second pass"):
        started = time.perf_counter()
        model(texts)
        seconds = time.perf_counter() - started
        rows.append((f"{label}: sentences/s", f"{len(texts) / seconds:,.0f}"))
        rows.append((f"{label}: words/s", f"{words / seconds:,.0f}"))
    return rows
