"""``make eval-matching``: "Checked before?" on CheckThat! 2020 Task 2 (English tweets → Snopes).

The 10,375 verified claims are written as a CSV library file and imported into a temporary
database through the same import a journalist uses; the dev tweets are matched through the
same service as ``workbench match --stdin``. Printed: MAP@5, recall@5 and queries per second,
for words only (BM25), and, when the sentence encoder is installed, the encoder alone, the two
fused, and (when the re-ranker is installed, unless ``--no-rerank``) the fused candidates
re-ranked.
"""

from __future__ import annotations

import argparse
import csv
import re
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

TASK = "ct20_task2_claim_retrieval"
_VCLAIM = re.compile(r"/vclaim-(\d+)/?$")


def claim_url(vclaim_id: str) -> str:
    """A stable made-up address per verified claim: the data set gives none."""
    return f"https://www.snopes.com/fact-check/vclaim-{vclaim_id}/"


def write_library_csv(verified: Path, dest: Path) -> int:
    """Convert ``verified_claims.docs.tsv`` (vclaim_id, vclaim, title) to a library CSV: the
    Snopes headline goes in the ``title`` column, as a fact-checker's own CSV would give it.
    """
    count = 0
    with (
        verified.open(encoding="utf-8", newline="") as src,
        dest.open("w", encoding="utf-8", newline="") as out,
    ):
        # Cells are quoted as in CSV: a claim may hold quotes, tabs or a line break.
        reader = csv.reader(src, delimiter="\t")
        next(reader, None)
        writer = csv.writer(out)
        writer.writerow(["claim", "title", "rating", "url", "publisher", "date"])
        for row in reader:
            if len(row) >= 2 and row[1].strip():
                title = row[2] if len(row) >= 3 else ""
                writer.writerow([row[1], title, "unknown", claim_url(row[0]), "Snopes", ""])
                count += 1
    return count


def read_queries(folder: Path) -> tuple[list[tuple[str, str]], dict[str, set[str]]]:
    """The tweets (id, text) and, per tweet, the ids of the verified claims it repeats."""
    queries = []
    with (folder / "tweets.queries.tsv").open(encoding="utf-8", newline="") as src:
        reader = csv.reader(src, delimiter="\t")
        next(reader, None)
        queries = [(row[0], row[1]) for row in reader if len(row) >= 2]
    relevant: dict[str, set[str]] = {}
    for line in (folder / "tweet-vclaim-pairs.qrels").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[3] != "0":
            relevant.setdefault(parts[0], set()).add(parts[2])
    return queries, relevant


def average_precision(found: Sequence[str], relevant: set[str], k: int = 5) -> float:
    """AP@k as CheckThat! scores it: precision at each relevant hit, over min(|relevant|, k)."""
    hits, total = 0, 0.0
    for rank, item in enumerate(found[:k], start=1):
        if item in relevant:
            hits += 1
            total += hits / rank
    return total / min(len(relevant), k) if relevant else 0.0


def evaluate(
    run: Callable[[list[str]], list[list[str]]],
    queries: list[tuple[str, str]],
    relevant: dict[str, set[str]],
) -> tuple[float, float, float]:
    """MAP@5, recall@5 and queries per second of ``run`` (texts → ranked vclaim ids)."""
    asked = [(qid, text) for qid, text in queries if qid in relevant]
    started = time.perf_counter()
    ranked = run([text for _, text in asked])
    elapsed = time.perf_counter() - started
    ap = [average_precision(r, relevant[q]) for (q, _), r in zip(asked, ranked, strict=True)]
    recall = [
        len(set(r[:5]) & relevant[q]) / len(relevant[q])
        for (q, _), r in zip(asked, ranked, strict=True)
    ]
    return sum(ap) / len(ap), sum(recall) / len(recall), len(asked) / elapsed


def main(argv: list[str] | None = None) -> int:
    """Build the library, run the dev queries, print the figures."""
    from workbench.services.factchecks import import_files, match_many
    from workbench.store import open_store

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=Path("../shared/datasets"))
    parser.add_argument("--split", default="dev")
    parser.add_argument("--no-rerank", action="store_true", help="leave the re-ranker out")
    parser.add_argument(
        "--reranker", type=Path, default=None, help="the re-ranker's folder (default: shipped)"
    )
    args = parser.parse_args(argv)
    data = args.datasets / TASK
    queries, relevant = read_queries(data / args.split)
    with tempfile.TemporaryDirectory() as folder:
        library = Path(folder) / "snopes.csv"
        count = write_library_csv(data / "verified_claims.docs.tsv", library)
        store = open_store(Path(folder) / "library.sqlite3")
        started = time.perf_counter()
        result = import_files(store, [library])
        print(
            f"library: {count:,} verified claims, {result.total('added'):,} imported in "
            f"{time.perf_counter() - started:.1f} s; {len(relevant)} {args.split} queries"
        )
        encoder = _encoder()
        runs: list[tuple[str, Callable[[list[str]], list[list[str]]]]] = [
            ("words (BM25)", lambda texts: _ids(match_many(store, texts, 5)))
        ]
        if encoder is not None:
            runs += [
                (
                    "encoder alone",
                    lambda texts: _ids(match_many(store, texts, 5, encoder, lexical_weight=None)),
                ),
                (
                    "fused",
                    lambda texts: _ids(match_many(store, texts, 5, encoder, reranker=None)),
                ),
            ]
            reranker = None if args.no_rerank else _reranker(args.reranker)
            if reranker is not None:
                runs.append(
                    (
                        "fused+reranked",
                        lambda texts: _ids(match_many(store, texts, 5, encoder, reranker=reranker)),
                    )
                )
            elif not args.no_rerank:
                print("(the re-ranker is not installed: no re-ranked row)")
        else:
            print("(the sentence encoder is not installed: words only)")
        print(f"{'':<16}{'MAP@5':>8}{'recall@5':>10}{'queries/s':>11}")
        for name, run in runs:
            mean_ap, recall, speed = evaluate(run, queries, relevant)
            print(f"{name:<16}{mean_ap:>8.3f}{recall:>10.3f}{speed:>11.1f}")
        store.close()
    return 0


def _ids(found: list[list[object]]) -> list[list[str]]:
    ids = []
    for matches in found:
        row = []
        for m in matches:
            hit = _VCLAIM.search(getattr(m, "url", None) or "")
            row.append(hit.group(1) if hit else "")
        ids.append(row)
    return ids


def _reranker(folder: Path | None) -> Any:
    from workbench.claims.errors import ClaimsError
    from workbench.services.factchecks import shipped_reranker

    if folder is None:
        return shipped_reranker()
    from workbench.claims.reranking import load_reranker

    try:
        return load_reranker(folder)
    except (ClaimsError, OSError) as exc:
        raise SystemExit(f"eval: {exc}") from exc


def _encoder() -> object | None:
    from workbench.claims.errors import ClaimsError

    try:
        from workbench.claims.matching import load_encoder  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    try:
        return load_encoder()  # type: ignore[no-any-return]
    except (ClaimsError, OSError, RuntimeError, ValueError):  # the model is missing or damaged
        return None


if __name__ == "__main__":
    raise SystemExit(main())
