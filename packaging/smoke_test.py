"""Smoke test of the built app: run it from its folder the way a user would, step by step.

    python packaging/smoke_test.py [dist/workbench]

Each step prints PASS, FAIL or SKIP with what it saw; the exit status is 1 when a step failed.
The app runs on a throwaway database and never touches the user's own files.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "kerry-putin-syria-talks.txt"
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.factcheckworkbench.Workbench"
TIMEOUT = 300


def _executable(folder: Path) -> Path:
    name = "workbench.exe" if sys.platform == "win32" else "workbench"
    return folder / name


def _run(cmd: list[str], env: dict[str, str]) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=TIMEOUT)
    return done, time.perf_counter() - started


def _tail(text: str, lines: int = 8) -> str:
    return "\n".join("        " + line for line in text.strip().splitlines()[-lines:])


class Report:
    """Collects the outcome of each step and prints it as it happens."""

    def __init__(self) -> None:
        self.failed: list[str] = []

    def step(self, name: str, status: str, detail: str) -> None:
        """Print one step's outcome."""
        print(f"[{status:<4}] {name}: {detail}", flush=True)
        if status == "FAIL":
            self.failed.append(name)


def check_version(exe: Path, env: dict[str, str], report: Report) -> None:
    """``workbench --version`` prints the version of the source tree."""
    sys.path.insert(0, str(ROOT))
    from workbench import __version__

    done, seconds = _run([str(exe), "--version"], env)
    if done.returncode == 0 and __version__ in done.stdout:
        report.step("--version", "PASS", f"{done.stdout.strip()!r} in {seconds:.2f} s")
    else:
        report.step(
            "--version", "FAIL", f"exit {done.returncode}\n{_tail(done.stdout + done.stderr)}"
        )


def check_extract(exe: Path, env: dict[str, str], report: Report) -> None:
    """``workbench extract SEED --json`` finds claims with the bundled spaCy model."""
    name = f"extract seeds/{SEED.name} --json"
    done, seconds = _run([str(exe), "extract", str(SEED), "--json"], env)
    if done.returncode != 0:
        report.step(name, "FAIL", f"exit {done.returncode}\n{_tail(done.stderr or done.stdout)}")
        return
    try:
        data = json.loads(done.stdout)
    except json.JSONDecodeError as exc:
        report.step(name, "FAIL", f"output is not JSON ({exc})\n{_tail(done.stdout)}")
        return
    claims = data.get("claims") or []
    text = (data.get("article") or {}).get("text", "")
    anchored = all(text[c["start"] : c["end"]] == c["quote"] for c in claims)
    if claims and anchored:
        report.step(name, "PASS", f"{len(claims)} claims, all anchored, in {seconds:.2f} s")
    else:
        report.step(name, "FAIL", f"{len(claims)} claims, anchored={anchored}")


def check_score(exe: Path, env: dict[str, str], report: Report) -> None:
    """``workbench score`` runs the bundled encoder (onnxruntime) and ranks claims first."""
    name = "score (check-worthiness encoder)"
    lines = ["Unemployment fell to 3.5 percent in 2019.", "Thank you all for coming tonight."]
    started = time.perf_counter()
    done = subprocess.run(
        [str(exe), "score"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT,
    )
    seconds = time.perf_counter() - started
    try:
        rows = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    except json.JSONDecodeError:
        rows = []
    if done.returncode != 0 or len(rows) != 2:
        report.step(name, "FAIL", f"exit {done.returncode}\n{_tail(done.stderr or done.stdout)}")
    elif rows[0]["claim"] and not rows[1]["claim"] and rows[0]["score"] > rows[1]["score"]:
        report.step(
            name, "PASS", f"{rows[0]['score']:.2f} vs {rows[1]['score']:.2f} in {seconds:.2f} s"
        )
    else:
        report.step(name, "FAIL", f"unexpected scores {rows}")


def check_screenshot(exe: Path, env: dict[str, str], out: Path, report: Report) -> None:
    """``workbench --screenshot FILE.png`` renders the window offscreen to a PNG."""
    name = f"--screenshot {out}"
    out.unlink(missing_ok=True)
    done, seconds = _run([str(exe), "--screenshot", str(out)], env)
    png = out.is_file() and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if done.returncode == 0 and png:
        report.step(name, "PASS", f"{out.stat().st_size // 1024} KB PNG in {seconds:.2f} s")
    else:
        report.step(name, "FAIL", f"exit {done.returncode}, PNG={png}\n{_tail(done.stderr)}")


def check_encrypted(exe: Path, env: dict[str, str], folder: Path, report: Report) -> None:
    """An encrypted file is created, written, read and checked by the built app (SQLCipher)."""
    name = "encrypted database (init --encrypt, import, articles, check)"
    db, secret = folder / "encrypted.sqlite3", folder / "passphrase.txt"
    secret.write_text("smoke test passphrase\n", encoding="utf-8")
    base = [str(exe), "--db", str(db), "--passphrase-file", str(secret)]
    outputs = {}
    started = time.perf_counter()
    for step in (
        ["init", "--encrypt"],
        ["import", "--no-extract", str(SEED)],
        ["articles"],
        ["check"],
    ):
        done = subprocess.run(
            [*base, *step], capture_output=True, text=True, env=env, timeout=TIMEOUT
        )
        if done.returncode != 0:
            report.step(name, "FAIL", f"{step[0]}: exit {done.returncode}\n{_tail(done.stderr)}")
            return
        outputs[step[0]] = done.stdout
    seconds = time.perf_counter() - started
    refused = subprocess.run(
        [str(exe), "--db", str(db), "articles"],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT,
    )
    if db.read_bytes()[:16] == b"SQLite format 3\x00":
        report.step(name, "FAIL", "the file was written unencrypted")
    elif "Kerry" not in outputs["articles"]:
        report.step(
            name, "FAIL", f"the imported article was not read back\n{_tail(outputs['articles'])}"
        )
    elif refused.returncode == 0:
        report.step(name, "FAIL", "the encrypted file opened without its passphrase")
    else:
        report.step(name, "PASS", f"encrypted, read back and checked in {seconds:.2f} s")


def check_desktop_files(report: Report) -> None:
    """The desktop entry and AppStream metainfo pass the freedesktop validators."""
    checks = [
        ("desktop-file-validate", [f"{APP_ID}.desktop"], "desktop-file-utils"),
        ("appstreamcli", ["validate", "--no-net", f"{APP_ID}.metainfo.xml"], "appstream"),
    ]
    for tool, args, package in checks:
        name = f"{tool} {args[-1]}"
        if shutil.which(tool) is None:
            report.step(
                name, "SKIP", f"{tool} not installed (Debian/Ubuntu: apt install {package})"
            )
            continue
        done = subprocess.run([tool, *args], capture_output=True, text=True, cwd=LINUX)
        output = (done.stdout + done.stderr).strip()
        if done.returncode == 0:
            report.step(name, "PASS", output.splitlines()[-1] if output else "valid")
        else:
            report.step(name, "FAIL", f"exit {done.returncode}\n{_tail(output)}")


def folder_size(folder: Path) -> int:
    """Bytes in every file under ``folder``."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    """Run every step against the built folder; return 1 when any step failed."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0] if args else ROOT / "dist" / "workbench").resolve()
    exe = _executable(folder)
    report = Report()
    if not exe.is_file():
        report.step("built app", "FAIL", f"{exe} not found: build it with `make package`")
        return 1
    report.step("built app", "PASS", f"{folder} ({folder_size(folder) / 1e6:.0f} MB)")
    with tempfile.TemporaryDirectory(prefix="workbench-smoke-") as tmp:
        env = dict(os.environ)
        env["WORKBENCH_DB"] = str(Path(tmp) / "smoke.sqlite3")
        env["QT_QPA_PLATFORM"] = "offscreen"
        # Keep the app's settings and data away from the user's own.
        env["HOME"] = tmp
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        env["XDG_DATA_HOME"] = str(Path(tmp) / "data")
        env.pop("PYTHONPATH", None)
        check_version(exe, env, report)
        check_extract(exe, env, report)
        check_score(exe, env, report)
        check_encrypted(exe, env, Path(tmp), report)
        shot = Path(tempfile.gettempdir()) / "workbench-package-screenshot.png"
        check_screenshot(exe, env, shot, report)
    check_desktop_files(report)
    if report.failed:
        print(f"\nSmoke test: {len(report.failed)} step(s) failed: {', '.join(report.failed)}")
        return 1
    print("\nSmoke test: every step passed.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
