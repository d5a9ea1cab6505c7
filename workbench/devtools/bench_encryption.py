"""Encrypted against plain files: the review desk's launch, its work, opening, importing.

Target: the desk and import on an encrypted database within 1.25x of the same work on a plain one.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .bench_desk import _DESK, _launch_times, _make_article

if TYPE_CHECKING:
    from workbench.store import Store

PASSPHRASE = "bench passphrase"
RUNS = 9
SEED = Path(__file__).resolve().parents[2] / "seeds" / "kerry-putin-syria-talks.txt"

_CALL = "window = build_window(sys.argv[1], settings)"
_KEYED_DESK = _DESK.replace(
    _CALL, "window = build_window(sys.argv[1], settings, passphrase=sys.argv[3] or None)"
)
# A launcher that has the passphrase at start (a passphrase file) derives the key while Qt loads.
_AHEAD_DESK = (
    "import sys\nfrom pathlib import Path\nfrom workbench.store.cipher import CipherKey\n"
    "KEY = CipherKey(sys.argv[3]).derive_ahead(Path(sys.argv[1]))\n"
) + _DESK.replace(_CALL, "window = build_window(sys.argv[1], settings, passphrase=KEY)")


def _desk_file(db: Path, passphrase: str | None) -> str:
    """A database like the desk benchmark's: the seed article with two claims; its id."""
    from workbench.services.library import add_manual_claim, import_file
    from workbench.store import open_store

    with open_store(db, passphrase=passphrase) as store:
        store.set_setting("seeded", True)
        article = import_file(store, SEED, run_extraction=False).article
        for quote in ("Russia and the United States are well prepared", "for more than four years"):
            add_manual_claim(store, article.id, quote)
    return article.id


def _launch_rows(tmp: Path) -> list[tuple[str, str]]:
    from PySide6.QtCore import QSettings

    if _CALL not in _DESK:
        return [("desk launch", "skipped: the desk benchmark's script changed")]
    scripts = {}
    for name, passphrase in (("plain", None), ("encrypted", PASSPHRASE)):
        db = tmp / f"launch-{name}.sqlite3"
        article_id = _desk_file(db, passphrase)
        ini = tmp / f"launch-{name}.ini"
        settings = QSettings(str(ini), QSettings.Format.IniFormat)
        settings.setValue("reviewer", "Bench Reviewer")
        settings.setValue("last_article", article_id)
        settings.sync()
        scripts[name] = (_KEYED_DESK, [str(db), str(ini), passphrase or ""])
    scripts["ahead"] = (_AHEAD_DESK, scripts["encrypted"][1])
    found = _launch_times(scripts)
    plain, enc, ahead = (
        {k: statistics.median(v) for k, v in found[n].items()}
        for n in ("plain", "encrypted", "ahead")
    )
    return [
        (
            "desk launch, plain file: painted / ended (ms)",
            f"{plain['paint'] * 1000:.0f} / {plain['end'] * 1000:.0f}",
        ),
        (
            "desk launch, encrypted file: painted / ended (ms)",
            f"{enc['paint'] * 1000:.0f} / {enc['end'] * 1000:.0f}",
        ),
        (
            "encrypted / plain, window painted (target <= 1.25x)",
            f"{enc['paint'] / plain['paint']:.2f}x",
        ),
        ("encrypted / plain, process ended", f"{enc['end'] / plain['end']:.2f}x"),
        (
            "encrypted, key derived while Qt loads: painted / ended (ms)",
            f"{ahead['paint'] * 1000:.0f} / {ahead['end'] * 1000:.0f}",
        ),
        (
            "that / plain, window painted (target <= 1.25x)",
            f"{ahead['paint'] / plain['paint']:.2f}x",
        ),
    ]


def _median_ms(action: Callable[[int], object], runs: int = RUNS) -> float:
    times = []
    for n in range(runs):
        begin = time.perf_counter()
        action(n)
        times.append(time.perf_counter() - begin)
    return statistics.median(times) * 1000


def _store_rows(tmp: Path) -> list[tuple[str, str]]:
    from workbench.services.library import import_pasted
    from workbench.store import open_store

    body = SEED.read_text(encoding="utf-8")
    rows: list[tuple[str, str]] = []
    found: dict[str, dict[str, float]] = {}
    stores: dict[str, Store] = {}
    for name, passphrase in (("plain", None), ("encrypted", PASSPHRASE)):
        db = tmp / f"store-{name}.sqlite3"
        _desk_file(db, passphrase)

        def reopen(_n: int, db: Path = db, passphrase: str | None = passphrase) -> None:
            open_store(db, passphrase=passphrase).close()

        opening = _median_ms(reopen)
        found[name] = {"open": opening}
        stores[name] = open_store(db, passphrase=passphrase)
        stores[name].prepare_writes()
    # Taking turns, a load spike on the machine hits both alike.
    times: dict[str, list[float]] = {name: [] for name in stores}
    try:
        for n in range(RUNS * 5):
            text = f"Version {n} of the article.\n\n" + body * 3
            for name, store in stores.items():
                begin = time.perf_counter()
                import_pasted(store, text, title=f"Copy {n}", run_extraction=False)
                times[name].append(time.perf_counter() - begin)
    finally:
        for store in stores.values():
            store.close()
    for name, taken in times.items():
        found[name]["import"] = statistics.median(taken) * 1000
    plain, enc = found["plain"], found["encrypted"]
    rows += [
        (
            "open the file (median ms): plain / encrypted",
            f"{plain['open']:.1f} / {enc['open']:.1f} (key derivation, on purpose slow)",
        ),
        (
            "import an article, no extraction (median ms): plain / encrypted",
            f"{plain['import']:.1f} / {enc['import']:.1f}",
        ),
        ("import: encrypted / plain (target <= 1.25x)", f"{enc['import'] / plain['import']:.2f}x"),
    ]
    return rows


DESK_CLAIMS = 1000


def _desk_work_rows(tmp: Path) -> list[tuple[str, str]]:
    """The desk at work on both files: select a claim, then save a verdict on it with a key."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from workbench.app import build_window, make_application
    from workbench.store import open_store

    app = make_application(["bench"])
    windows = {}
    try:
        for name, passphrase in (("plain", None), ("encrypted", PASSPHRASE)):
            db = tmp / f"work-{name}.sqlite3"
            with open_store(db, passphrase=passphrase) as store:
                store.set_setting("seeded", True)
                article_id = _make_article(store, DESK_CLAIMS)
            settings = QSettings(str(tmp / f"work-{name}.ini"), QSettings.Format.IniFormat)
            window = build_window(
                db,
                settings,
                reviewer="Bench Reviewer",
                passphrase=passphrase,
                ask_passphrase=False,
                backup_on_open=False,
            )
            window.resize(1440, 900)
            window.show()
            window.open_article(article_id)
            app.processEvents()
            windows[name] = window
        ratings = ["True", "False"]
        times: dict[str, dict[str, list[float]]] = {n: {"select": [], "save": []} for n in windows}
        # Taking turns, a load spike on the machine hits both alike.
        for n in range(RUNS * 3):
            for name, window in windows.items():
                pane = window.claims_pane
                order = pane.table_order()
                target = order[(n * 37) % len(order)]  # the same claim in both files
                begin = time.perf_counter()
                pane.select_claim(target)
                QApplication.processEvents()
                times[name]["select"].append(time.perf_counter() - begin)
                begin = time.perf_counter()
                window.review.rate_current(ratings[n % 2])
                QApplication.processEvents()
                times[name]["save"].append(time.perf_counter() - begin)
    finally:
        for window in windows.values():
            window.close()
            window.desk.close()
    med = {n: {k: statistics.median(v) * 1000 for k, v in t.items()} for n, t in times.items()}
    plain, enc = med["plain"], med["encrypted"]
    return [
        (
            f"desk, {DESK_CLAIMS} claims: select a claim (median ms): plain / encrypted",
            f"{plain['select']:.1f} / {enc['select']:.1f}",
        ),
        (
            "select a claim: encrypted / plain (target <= 1.25x)",
            f"{enc['select'] / plain['select']:.2f}x",
        ),
        (
            f"desk, {DESK_CLAIMS} claims: save a verdict (median ms): plain / encrypted",
            f"{plain['save']:.1f} / {enc['save']:.1f}",
        ),
        (
            "save a verdict: encrypted / plain (target <= 1.25x)",
            f"{enc['save'] / plain['save']:.2f}x",
        ),
    ]


def run() -> list[tuple[str, str]]:
    """Launch, desk work, open and import on an encrypted file against a plain one."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        return _launch_rows(Path(tmp)) + _desk_work_rows(Path(tmp)) + _store_rows(Path(tmp))


if __name__ == "__main__":
    for measure, value in run():
        print(f"{measure:<66} {value}")
