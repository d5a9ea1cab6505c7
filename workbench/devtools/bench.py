"""Run every benchmark module ``workbench.devtools.bench_*`` and print its figures.

Each module has ``run() -> list[tuple[str, str]]`` returning (measure, value) rows.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import workbench.devtools as devtools


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks named in ``argv`` (all of them when empty)."""
    wanted = set(argv if argv is not None else sys.argv[1:])
    names = sorted(
        m.name for m in pkgutil.iter_modules(devtools.__path__) if m.name.startswith("bench_")
    )
    for name in names:
        if wanted and name.removeprefix("bench_") not in wanted:
            continue
        module = importlib.import_module(f"workbench.devtools.{name}")
        print(f"\n== {name.removeprefix('bench_')} ==", flush=True)
        for measure, value in module.run():
            print(f"  {measure:<58} {value}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
