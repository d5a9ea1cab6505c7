"""How quickly the verdict editor shows a claim and saves a rating, on small and large articles."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from workbench.model import Article, Block, BlockKind, Claim, Judgement
from workbench.store import Store, open_store

SENTENCE = "In {n} the council spent {n} pounds on roads, the mayor said. "


def _article(store: Store, claims: int) -> str:
    text = "".join(SENTENCE.format(n=1000 + i) for i in range(claims))
    article = Article(
        text=text, title=f"{claims} claims", blocks=[Block(BlockKind.BODY, 0, len(text))]
    )
    found, start = [], 0
    for _ in range(claims):
        end = text.index(".", start) + 1
        found.append(Claim(article_id="", start=start, end=end, quote=text[start:end], score=0.7))
        start = end + 1
    store.add_article(article, found)
    return article.id


def _median_ms(action: Callable[[int], object], repeats: int) -> str:
    times = []
    for i in range(repeats):
        began = time.perf_counter()
        action(i)
        times.append((time.perf_counter() - began) * 1000)
    return f"{statistics.median(times):.2f} ms (median of {repeats}, max {max(times):.2f})"


def run() -> list[tuple[str, str]]:
    """Select claims and rate them in the editor, on a 10-claim and a 1,000-claim article."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from workbench.services.desk import Desk
    from workbench.ui.verdict.verdict_editor import VerdictEditor

    app = QApplication.instance() or QApplication([])
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.sqlite3")
        desk = Desk(store)
        reviewers = [store.add_reviewer(name) for name in ("Anna", "Ben", "Carla")]
        scale = store.rating_scale()
        for size in (10, 1000):
            article_id = _article(store, size)
            claims = store.claims_for(article_id)
            for claim in claims[::2]:
                for other in reviewers[1:]:
                    store.save_verdict(
                        claim.claim.id, other.id, Judgement("Mostly true", rationale="ok")
                    )
            claims = store.claims_for(article_id)
            editor = VerdictEditor()
            editor.resize(460, 800)
            editor.show()
            app.processEvents()

            def select(i: int, claims=claims, editor=editor) -> None:
                editor.set_context(desk, claims[i % len(claims)], reviewers[0], scale)

            def rate(i: int, editor=editor, claims=claims) -> None:
                editor.set_context(desk, claims[i % len(claims)], reviewers[0], scale)
                editor.set_rating_by_index((i + i // len(claims)) % 5)

            rows.append((f"select a claim ({size:,}-claim article)", _median_ms(select, 50)))
            rows.append((f"select and rate a claim ({size:,}-claim article)", _median_ms(rate, 50)))
            rows.append(
                (
                    f"undo a rating ({size:,}-claim article)",
                    _median_ms(lambda _, editor=editor: editor.undo_stack.undo(), 20),
                )
            )
            editor.close()
        store.close()
    return rows
