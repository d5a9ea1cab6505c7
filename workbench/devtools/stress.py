"""Crash test: a writer is killed with SIGKILL at random moments; nothing it reported may be lost.

``python -m workbench.devtools.stress --child DB`` saves claims, verdicts, sources and
automatic backups through the real Store in a loop and prints ``<kind> <id>`` after each commit.
``python -m workbench.devtools.stress --kills N [DB]`` runs such a writer N times, kills each
at a random moment (the writers are forked from one ``--launcher`` process that did the imports
once, so a round costs milliseconds instead of a Python start-up), and after every kill checks the file (integrity, foreign keys, search
indexes, every printed id present, the newest printed revision of each updated verdict kept,
the writer lock free). ``--encrypted`` does the same on an encrypted file (the passphrase
is :data:`PASSPHRASE`). ``make stress`` runs 500 kills on a plain file, then on an encrypted one.
"""

from __future__ import annotations

import argparse
import os
import queue
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from workbench.model import Judgement

ARTICLE_TEXT = " ".join(
    f"In {2000 + i} the council said spending rose {i}% to {i * 7} million." for i in range(60)
)
REVIEWER = "Stress tester"
#: The passphrase of the encrypted file in ``--encrypted`` runs (a test file, not a secret).
PASSPHRASE = "stress test passphrase"


@dataclass
class StressResult:
    """What a run did and found."""

    kills: int = 0
    printed: dict[str, set[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def ids(self) -> int:
        """How many committed ids the children reported."""
        return sum(len(v) for v in self.printed.values())


def child(db_path: Path, seed: int, *, wait: bool = False, key: object = None) -> None:
    """Write in a loop until killed, printing each id after its commit.

    ``key``: the passphrase (or its ``CipherKey``) when the file is encrypted.
    """
    # sqlite-utils imports numpy only for numpy column types, which the workbench never stores;
    # skipping it halves the start-up of each of the hundreds of children.
    sys.modules.setdefault("numpy", None)  # type: ignore[arg-type]
    from workbench.model import Article, Block, BlockKind, Claim, ClaimOrigin
    from workbench.services.backup import backup_on_open
    from workbench.services.review import record_verdict
    from workbench.store import open_store

    if wait:
        # Started ahead of time so its imports overlap the previous round; go on "go".
        sys.stdin.readline()
    rng = random.Random(seed)
    store = open_store(db_path, passphrase=key)  # type: ignore[arg-type]
    articles = store.list_articles()
    if articles:
        article_id = articles[0]["id"]
    else:
        article = Article(
            text=ARTICLE_TEXT,
            title="Council spending",
            blocks=[Block(BlockKind.BODY, 0, len(ARTICLE_TEXT))],
        )
        article_id = store.add_article(article).id
    reviewer = store.ensure_reviewer(REVIEWER)
    _say("ready", "-")
    revision = 0
    while True:
        start = rng.randrange(0, len(ARTICLE_TEXT) - 40)
        end = start + rng.randrange(5, 40)
        claim = Claim(
            article_id=article_id,
            start=start,
            end=end,
            quote=ARTICLE_TEXT[start:end],
            origin=ClaimOrigin.MANUAL,
        )
        store.add_claims(article_id, [claim])
        _say("claim", claim.id)
        if rng.random() < 0.5:
            verdict = store.save_verdict(
                claim.id, reviewer.id, Judgement("True", rationale="checked")
            )
        else:
            urls = [f"https://example.org/{rng.randrange(10**6)}" for _ in range(rng.randrange(3))]
            verdict = record_verdict(
                store, claim.id, REVIEWER, Judgement("False"), source_urls=urls
            )
            for source in verdict.sources:
                _say("source", source.id)
        _say("verdict", verdict.id)
        for _ in range(rng.randrange(3)):
            source = store.add_source(
                verdict.id,
                title="Council minutes",
                attachment=rng.randbytes(rng.randrange(1, 20_000)),
                attachment_name="minutes.pdf",
            )
            _say("source", source.id)
        revision += 1
        store.save_verdict(
            claim.id, reviewer.id, Judgement("Mostly true", rationale=f"revision {revision}")
        )
        _say("revision", f"{verdict.id}:{revision}")
        if rng.random() < 0.05:
            backup_on_open(store, keep=3)
            _say("backup", "-")


def _say(kind: str, ident: str) -> None:
    # One write per line so a kill never leaves half a line that parses as an id.
    os.write(1, f"{kind} {ident}\n".encode())


def run(
    db_path: Path, kills: int, *, seed: int = 0, log: bool = False, encrypted: bool = False
) -> StressResult:
    """Start and kill a child ``kills`` times, checking the file after each kill."""
    rng = random.Random(seed)
    result = StressResult()
    revisions: dict[str, int] = {}
    began = time.monotonic()
    key = _key(db_path) if encrypted else None
    launcher = _Launcher(db_path, encrypted=encrypted)
    try:
        for n in range(kills):
            lines = launcher.run_and_kill(rng, seed * 100_000 + n)
            for line in lines:
                kind, _, ident = line.partition(" ")
                if kind == "revision":
                    verdict_id, _, number = ident.partition(":")
                    revisions[verdict_id] = max(revisions.get(verdict_id, 0), int(number))
                elif kind in ("claim", "verdict", "source"):
                    result.printed.setdefault(kind, set()).add(ident)
            result.kills += 1
            found = verify(db_path, result.printed, revisions, key=key)
            result.problems += [f"after kill {n + 1}: {p}" for p in found]
            if log:
                print(f"kill {n + 1}: {len(lines)} lines, {result.ids} ids, {len(found)} problems")
            if found:
                break
    finally:
        launcher.close()
    result.elapsed = time.monotonic() - began
    return result


def _key(db_path: Path) -> object:
    """The encrypted file's key, the file created first so that its salt (and so the derived
    key, slow to compute on purpose) stays the same for every writer forked after."""
    from workbench.store import open_store
    from workbench.store.cipher import CipherKey

    key = CipherKey(PASSPHRASE)
    open_store(db_path, passphrase=key).close()
    key.pragma_value(db_path)
    return key


def launcher(db_path: Path, *, encrypted: bool = False) -> None:
    """Import once, then fork a fresh writer for each ``go SEED`` line and report its end."""
    sys.modules.setdefault("numpy", None)  # type: ignore[arg-type]
    import workbench.services.backup
    import workbench.services.review  # noqa: F401 - loaded once, shared by every fork

    key = _key(db_path) if encrypted else None

    for line in sys.stdin:
        seed = int(line.split()[1])
        pid = os.fork()
        if pid == 0:
            # The writer opens its own connection: nothing of SQLite crosses the fork.
            try:
                child(db_path, seed, key=key)
            finally:
                os._exit(1)
        _say("pid", str(pid))
        _, status = os.waitpid(pid, 0)
        _say("exit", str(status))


class _Launcher:
    """A ``--launcher`` process: each writer is a fork of it, so a round costs no imports."""

    def __init__(self, db_path: Path, *, encrypted: bool = False) -> None:
        cmd = [sys.executable, "-m", "workbench.devtools.stress", "--launcher", str(db_path)]
        cmd += ["--encrypted"] if encrypted else []
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin, self.stdout = self.proc.stdin, self.proc.stdout
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        try:
            for raw in self.stdout:
                if raw.endswith(b"\n"):
                    self.lines.put(raw.decode().strip())
        except ValueError:  # closed by close() while reading
            pass
        self.lines.put("eof -")

    def _next(self, timeout: float | None = 60) -> str:
        line = self.lines.get(timeout=timeout)
        if line == "eof -":
            raise RuntimeError("the writer launcher stopped by itself")
        return line

    def run_and_kill(self, rng: random.Random, seed: int) -> list[str]:
        self.stdin.write(f"go {seed}\n".encode())
        self.stdin.flush()
        kind, _, pid = self._next().partition(" ")
        assert kind == "pid", kind
        lines: list[str] = []
        if rng.random() < 0.15:
            # Now and then strike during start-up: opening, recovery, the first writes.
            time.sleep(rng.uniform(0.0, 0.05))
        else:
            # A few commits first (however busy the machine), then a random moment after.
            wanted = rng.randint(1, 4)
            while len(lines) < wanted:
                lines.append(self._next())
            time.sleep(rng.uniform(0.0, 0.25))
        os.kill(int(pid), signal.SIGKILL)
        while True:
            line = self._next()
            if line.startswith("exit "):
                if not os.WIFSIGNALED(int(line.split()[1])):
                    raise RuntimeError("a writer ended before it was killed")
                return [ln for ln in lines if ln != "ready -"]
            lines.append(line)

    def close(self) -> None:
        self.stdin.close()
        self.proc.wait(timeout=30)
        self.stdout.close()


def verify(
    db_path: Path, printed: dict[str, set[str]], revisions: dict[str, int], *, key: object = None
) -> list[str]:
    """Everything wrong with the file after a kill (empty when nothing was lost)."""
    from workbench.store import StoreError, health, is_encrypted, open_store

    if not db_path.exists():
        return []
    problems = []
    if key is not None and not is_encrypted(db_path):
        problems.append("the file is no longer encrypted")
    try:
        store = open_store(db_path, passphrase=key)  # type: ignore[arg-type]
    except StoreError as exc:
        return [f"could not open the file: {exc}"]
    try:
        problems += health.problems(store)
        for kind, ids in printed.items():
            missing = health.missing_ids(store.db, f"{kind}s", ids)
            problems += [f"{kind} {i} was committed but is missing" for i in sorted(missing)]
        for verdict_id, number in revisions.items():
            rationale = store.get_verdict(verdict_id).rationale
            if int(rationale.rsplit(" ", 1)[-1]) < number:
                problems.append(f"verdict {verdict_id} lost revision {number} ({rationale})")
    finally:
        store.close()
    return problems


def main(argv: list[str] | None = None) -> int:
    """Command line: ``--child DB`` writes until killed; otherwise run the kill loop."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", nargs="?", help="database file (default: a temporary one)")
    parser.add_argument("--child", action="store_true", help="be the writer that gets killed")
    parser.add_argument("--wait", action="store_true", help="(child) start writing on a line")
    parser.add_argument("--launcher", action="store_true", help="fork a writer per input line")
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--encrypted", action="store_true", help="an encrypted file")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args(argv)
    if args.launcher:
        launcher(Path(args.db), encrypted=args.encrypted)
        return 0
    if args.child:
        key = PASSPHRASE if args.encrypted else None
        child(Path(args.db), args.seed, wait=args.wait, key=key)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        db = Path(args.db) if args.db else Path(folder) / "stress.sqlite3"
        kind = "encrypted " if args.encrypted else ""
        print(f"seed {args.seed}, {args.kills} kills on {kind}{db}")
        result = run(db, args.kills, seed=args.seed, log=True, encrypted=args.encrypted)
    print(
        f"{result.kills} kills survived in {result.elapsed:.0f} s; {result.ids} committed ids "
        f"reported, {len(result.problems)} problems"
    )
    for problem in result.problems:
        print("  " + problem)
    return 1 if result.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
