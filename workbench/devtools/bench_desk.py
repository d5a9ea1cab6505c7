"""Review desk speed: launch to window shown (vs a bare PySide6 script), and table actions on 1,000 claims."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from workbench.model import Claim, ClaimKind

RUNS = 7
SEED = Path(__file__).resolve().parents[2] / "seeds" / "kerry-putin-syria-talks.txt"

# Each script prints the moment (time.monotonic, shared by all processes) its window first paints
# the article's text, then quits. The probe on the text widget's paintEvent costs both alike.
_BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTextEdit

class View(QTextEdit):
    painted = False

    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            print(time.monotonic(), flush=True)
            QTimer.singleShot(0, app.quit)

app = QApplication(sys.argv[:1])
view = View()
view.setReadOnly(True)
view.setPlainText(open(sys.argv[1], encoding="utf-8").read())
view.resize(1440, 900)
view.show()
app.exec()
"""

# The same steps as the ``workbench`` program (``workbench.launcher`` and ``run_app``), in order.
_DESK = """
import gc, sys, time
gc.disable()
from workbench.app import build_window, make_application, start
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QPlainTextEdit
from workbench.ui.article.article_view import ArticleText

def paint_event(self, event):
    QPlainTextEdit.paintEvent(self, event)
    if not paint_event.seen and self.toPlainText():
        paint_event.seen = True
        print(time.monotonic(), flush=True)
        QTimer.singleShot(0, app.quit)

paint_event.seen = False
ArticleText.paintEvent = paint_event
app = make_application(sys.argv[:1])
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
window = build_window(sys.argv[1], settings)
window.show()
QTimer.singleShot(0, lambda: start(window))
app.exec()
assert window.article is not None and window.claims
window.close()
"""


def _make_article(store, sentences: int) -> str:
    """An article of numbered sentences, each one a claim; returns its id."""
    from workbench.services.library import import_pasted

    parts = [
        f"Sentence {n} says the council spent {n * 3} million pounds on {n % 7} new roads."
        for n in range(sentences)
    ]
    text = "\n\n".join(" ".join(parts[i : i + 4]) for i in range(0, len(parts), 4))
    article = import_pasted(store, text, title=f"{sentences} claims", run_extraction=False).article
    claims, start = [], 0
    kinds = list(ClaimKind)
    for n, sentence in enumerate(parts):
        start = text.index(sentence, start)
        claims.append(
            Claim(
                article_id=article.id,
                start=start,
                end=start + len(sentence),
                quote=sentence,
                kind=kinds[n % len(kinds)],
                score=(n * 37 % 100) / 100,
                speaker="the mayor" if n % 3 else None,
                reasons=["a number"],
            )
        )
        start += len(sentence)
    store.add_claims(article.id, claims)
    return article.id


def _launch_times(scripts: dict[str, tuple[str, list[str]]]) -> dict[str, dict[str, list[float]]]:
    """Seconds to the first painted text, to the end, and CPU, of each script's launches in turn.

    Taking turns, a load spike on the machine hits every script alike.
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # An installed program has its bytecode compiled; one uncounted run writes it here too.
    env.pop("PYTHONDONTWRITEBYTECODE", None)

    def launch(script: str, args: list[str]) -> str:
        done = subprocess.run(
            [sys.executable, "-c", script, *args], env=env, check=True, capture_output=True
        )
        return done.stdout.decode()

    for script, args in scripts.values():
        launch(script, args)
    found = {name: {"paint": [], "end": [], "cpu": []} for name in scripts}
    for _ in range(RUNS):
        for name, (script, args) in scripts.items():
            begin, used = time.monotonic(), _children_cpu()
            painted = float(launch(script, args).split()[0])
            times = found[name]
            times["end"].append(time.monotonic() - begin)
            times["paint"].append(painted - begin)
            times["cpu"].append(_children_cpu() - used)
    return found


def _children_cpu() -> float:
    """CPU seconds used by finished child processes (the machine may be shared: wall time varies)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _launch_rows(tmp: Path) -> list[tuple[str, str]]:
    from PySide6.QtCore import QSettings

    from workbench.store import open_store

    db = tmp / "launch.sqlite3"
    with open_store(db) as store:
        store.set_setting("seeded", True)
        from workbench.services.library import add_manual_claim, import_file

        article = import_file(store, SEED, run_extraction=False).article
        for quote in ("Russia and the United States are well prepared", "for more than four years"):
            add_manual_claim(store, article.id, quote)
    ini = tmp / "launch.ini"
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    settings.setValue("reviewer", "Bench Reviewer")
    settings.setValue("last_article", article.id)
    settings.sync()
    found = _launch_times({"bare": (_BARE, [str(SEED)]), "desk": (_DESK, [str(db), str(ini)])})
    bare, desk = (
        {k: statistics.median(v) for k, v in found[name].items()} for name in ("bare", "desk")
    )
    return [
        (
            f"bare PySide6 QTextEdit script: text painted / process ended, median of {RUNS}",
            f"{bare['paint'] * 1000:.0f} ms / {bare['end'] * 1000:.0f} ms "
            f"({bare['cpu'] * 1000:.0f} ms CPU)",
        ),
        (
            f"workbench, last article restored: painted / process ended, median of {RUNS}",
            f"{desk['paint'] * 1000:.0f} ms / {desk['end'] * 1000:.0f} ms "
            f"({desk['cpu'] * 1000:.0f} ms CPU)",
        ),
        (
            "ratio to the window shown with the article (target <= 2x)",
            f"{desk['paint'] / bare['paint']:.2f}x",
        ),
        (
            "ratio to the process's end (includes work done after the first paint, and exit)",
            f"{desk['end'] / bare['end']:.2f}x",
        ),
    ]


def _timed(action, repeat: int = 7) -> str:
    """Median wall-clock and CPU milliseconds of an action with the repaint it causes."""
    from PySide6.QtWidgets import QApplication

    times, cpu = [], []
    for _ in range(repeat):
        begin, used = time.perf_counter(), time.process_time()
        action()
        QApplication.processEvents()
        times.append(time.perf_counter() - begin)
        cpu.append(time.process_time() - used)
    return f"{statistics.median(times) * 1000:.1f} ms ({statistics.median(cpu) * 1000:.1f} ms CPU)"


def _table_rows(tmp: Path) -> list[tuple[str, str]]:
    from PySide6.QtCore import QSettings

    from workbench.app import build_window, make_application
    from workbench.store import open_store

    app = make_application(["bench"])
    db = tmp / "table.sqlite3"
    with open_store(db) as store:
        store.set_setting("seeded", True)
        ids = {n: _make_article(store, n) for n in (10, 1000)}
    settings = QSettings(str(tmp / "table.ini"), QSettings.Format.IniFormat)
    window = build_window(db, settings, reviewer="Bench Reviewer")
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    rows = []
    try:
        for n, article_id in ids.items():
            opened = _timed(lambda a=article_id: window.open_article(a), repeat=3)
            pane = window.claims_pane
            order = pane.table_order()
            picks = iter(order[:: max(1, len(order) // 20)] * 3)
            select = _timed(lambda p=picks, pane=pane: pane.select_claim(next(p)))
            words = iter(["million", "Sentence 5", "roads", "zzz", ""] * 3)
            filtering = _timed(lambda w=words, pane=pane: pane.filter_box.setText(next(w)))
            toggle = iter([True, False] * 8)
            sorting = _timed(lambda t=toggle, pane=pane: pane.set_score_order(next(t)))
            pane.select_claim(order[len(order) // 2])
            ratings = iter(["True", "False"] * 4)
            rate = _timed(lambda r=ratings: window.review.rate_current(next(r)), repeat=5)
            rows += [
                (f"{n} claims: open article", opened),
                (f"{n} claims: select a claim (target < 50 ms)", select),
                (f"{n} claims: filter the table (target < 50 ms)", filtering),
                (
                    f"{n} claims: sort by score / article order (target < 50 ms)",
                    sorting,
                ),
                (f"{n} claims: rate with a key (save + refresh)", rate),
            ]
    finally:
        window.close()
        window.desk.close()
    return rows


def run() -> list[tuple[str, str]]:
    """Launch time against a bare PySide6 script, and table actions on 10 and 1,000 claims."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        return _launch_rows(Path(tmp)) + _table_rows(Path(tmp))


if __name__ == "__main__":
    for measure, value in run():
        print(textwrap.shorten(measure, 70), value)
