"""The built app (``make package``) beside the same code run from the source tree.

Measures the bundle's size, ``workbench --version``, and launch to window shown. The window is
seen from outside the process, the way a user sees it: the app runs on a private X server (Xvfb)
and the time is taken when a window titled "Factcheck Workbench…" is mapped there. Without Xvfb
and xwininfo (Debian packages xvfb, x11-utils) only the first two are measured.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILT = ROOT / "dist" / "workbench"
RUNS = 5
TITLE = "Factcheck Workbench"
WINDOW_TIMEOUT = 60.0


def _env(home: Path, display: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        WORKBENCH_DB=str(home / "bench.sqlite3"),
    )
    env.pop("PYTHONPATH", None)
    if display:
        env["DISPLAY"] = display
        env["QT_QPA_PLATFORM"] = "xcb"
    return env


def _median_seconds(cmd: list[str], env: dict[str, str]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(cmd, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _window_shown(display: str) -> bool:
    tree = subprocess.run(
        ["xwininfo", "-root", "-tree", "-display", display], capture_output=True, text=True
    ).stdout
    # Qt makes an unmapped 1x1 "group leader" window with the app's name as soon as the
    # QApplication exists; only a real window counts.
    return any(f'"{TITLE}' in line and " 1x1+" not in line for line in tree.splitlines())


def _launch_to_window(cmd: list[str], env: dict[str, str], display: str) -> float:
    """Seconds from starting ``cmd`` until its window is mapped; the process is then ended."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not _window_shown(display):
            if proc.poll() is not None:
                raise RuntimeError(f"{cmd[0]} exited with {proc.returncode} before its window")
            if time.perf_counter() - started > WINDOW_TIMEOUT:
                raise RuntimeError(f"no window from {cmd[0]} within {WINDOW_TIMEOUT:.0f} s")
            time.sleep(0.01)
        return time.perf_counter() - started
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _median_launch(cmd: list[str], env: dict[str, str], display: str) -> float:
    # The first launch seeds a new database; every measured launch reopens the same one.
    _launch_to_window(cmd, env, display)
    return statistics.median(_launch_to_window(cmd, env, display) for _ in range(RUNS))


def _xvfb() -> tuple[subprocess.Popen[bytes], str] | None:
    if not (shutil.which("Xvfb") and shutil.which("xwininfo")):
        return None
    display = f":{90 + os.getpid() % 100}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(200):
        probe = subprocess.run(["xwininfo", "-root", "-display", display], capture_output=True)
        if probe.returncode == 0:
            return server, display
        time.sleep(0.05)
    server.terminate()
    server.wait()
    return None


def run() -> list[tuple[str, str]]:
    """Size, --version and launch-to-window of the built app against the source tree."""
    exe = BUILT / ("workbench.exe" if sys.platform == "win32" else "workbench")
    if not exe.is_file():
        return [("built app", "not built: run `make package` first")]
    size = sum(p.stat().st_size for p in BUILT.rglob("*") if p.is_file() and not p.is_symlink())
    frozen = [str(exe)]
    source = [sys.executable, "-m", "workbench"]
    rows = [("bundle size (dist/workbench)", f"{size / 1e6:.0f} MB (target <= 450 MB)")]
    with tempfile.TemporaryDirectory(prefix="workbench-bench-") as tmp:
        home = Path(tmp)
        env = _env(home)
        frozen_version = _median_seconds([*frozen, "--version"], env)
        source_version = _median_seconds([*source, "--version"], env)
        rows += [
            (f"--version, source tree (median of {RUNS})", f"{source_version:.3f} s"),
            (f"--version, built app (median of {RUNS})", f"{frozen_version:.3f} s"),
            ("--version, built / source", f"{frozen_version / source_version:.2f}x"),
        ]
        xvfb = _xvfb()
        if xvfb is None:
            return [*rows, ("launch to window", "skipped: needs Xvfb and xwininfo")]
        server, display = xvfb
        try:
            env = _env(home, display)
            source_launch = _median_launch(source, env, display)
            frozen_launch = _median_launch(frozen, env, display)
        finally:
            server.terminate()
            server.wait()
    ratio = frozen_launch / source_launch
    return [
        *rows,
        (f"launch to window, source tree (median of {RUNS})", f"{source_launch:.3f} s"),
        (f"launch to window, built app (median of {RUNS})", f"{frozen_launch:.3f} s"),
        ("launch to window, built / source (target <= 2x)", f"{ratio:.2f}x"),
    ]
