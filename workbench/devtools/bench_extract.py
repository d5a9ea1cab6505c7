"""Words per second of ``extract_claims`` against plain ``nlp.pipe`` of the same pipeline.

The text (about 50,000 words) is the seed article followed by paragraphs of sentences from the
ct24 training file in ``$DATASETS`` (default ``../shared/datasets``), or the seed article
repeated when that folder is absent. Peak memory is the process's maximum resident size.
"""

from __future__ import annotations

import csv
import os
import resource
import sys
import time
from pathlib import Path

from workbench.model import Article, Block, BlockKind

TARGET_WORDS = 50_000
SENTENCES_PER_PARAGRAPH = 5
_ROOT = Path(__file__).resolve().parents[2]
SEED = _ROOT / "seeds" / "kerry-putin-syria-talks.txt"


def _dataset_sentences(datasets: Path) -> list[str]:
    path = datasets / "ct24_task1_en" / "CT24_checkworthy_english_train.tsv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            row["Text"].strip()
            for row in csv.DictReader(handle, delimiter="\t")
            if row["Text"].strip()
        ]


def build_article(datasets: Path, words: int = TARGET_WORDS) -> tuple[Article, str]:
    """An article of about ``words`` words with one BODY block per paragraph, and its origin."""
    seed = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]
    sentences = _dataset_sentences(datasets)
    paragraphs: list[str] = list(seed)
    count = sum(len(p.split()) for p in paragraphs)
    index = 0
    while count < words:
        if sentences:
            chunk = sentences[index : index + SENTENCES_PER_PARAGRAPH]
            index += SENTENCES_PER_PARAGRAPH
            paragraph = " ".join(chunk) if chunk else seed[index % len(seed)]
        else:
            paragraph = seed[index % len(seed)]
            index += 1
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    text = "\n\n".join(paragraphs)
    blocks, position = [], 0
    for paragraph in paragraphs:
        blocks.append(Block(BlockKind.BODY, position, position + len(paragraph)))
        position += len(paragraph) + 2
    origin = "seed article + ct24 train sentences" if sentences else "seed article repeated"
    return Article(text=text, blocks=blocks), origin


def _peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run() -> list[tuple[str, str]]:
    """Measure and return ``(measure, value)`` rows."""
    from workbench.claims import extract_claims, load_pipeline, pipeline_version
    from workbench.claims.extract import BATCH_SIZE
    from workbench.claims.pipeline import COMPONENTS

    datasets = Path(os.environ.get("DATASETS", "../shared/datasets"))
    article, origin = build_article(datasets)
    words = len(article.text.split())
    texts = [article.text[b.start : b.end] for b in article.blocks]
    nlp = load_pipeline()
    extract_claims(
        Article(text=article.text[: article.blocks[8].end], blocks=article.blocks[:8]), nlp=nlp
    )
    loaded_mb = _peak_mb()

    started = time.perf_counter()
    with nlp.select_pipes(disable=list(COMPONENTS)):
        for _doc in nlp.pipe(texts, batch_size=BATCH_SIZE):
            pass
    plain = words / (time.perf_counter() - started)
    plain_mb = _peak_mb()

    started = time.perf_counter()
    claims = extract_claims(article, nlp=nlp)
    extract = words / (time.perf_counter() - started)
    extract_mb = _peak_mb()

    return [
        ("pipeline", pipeline_version(nlp)),
        ("text", f"{words:,} words in {len(texts)} paragraphs ({origin})"),
        ("plain nlp.pipe, words/s", f"{plain:,.0f}"),
        ("extract_claims, words/s", f"{extract:,.0f} ({len(claims)} claims)"),
        ("ratio extract / plain (target >= 0.8)", f"{extract / plain:.2f}"),
        ("peak memory after loading the pipeline", f"{loaded_mb:,.0f} MB"),
        ("peak memory after plain nlp.pipe", f"{plain_mb:,.0f} MB"),
        ("peak memory after extract_claims", f"{extract_mb:,.0f} MB"),
    ]
