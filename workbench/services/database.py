"""Opening a database the way people expect, and checking its health."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workbench.store import NotFoundError, Store, open_store
from workbench.store.errors import NotWritableError, StoreError


def open_database(path: str | Path | None, *, scale: str | None = None) -> Store:
    """Open for editing; a file that cannot be written opens read-only instead.

    ``store.read_only`` and ``store.read_only_reason`` tell the window to say so; any edit then
    raises ``ReadOnlyError``. A damaged, foreign or newer file raises a ``StoreError`` and stays
    untouched (offer :func:`workbench.services.backup.latest_good_backup`).
    """
    try:
        return open_store(path, scale=scale)
    except NotWritableError:
        if path is None or not Path(path).exists():
            raise
        return open_store(path, read_only=True)


@dataclass
class CheckReport:
    """The outcome of :func:`check_database`."""

    path: Path
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems


def check_database(path: str | Path) -> CheckReport:
    """Run every health check on a database file without changing it."""
    from workbench.store import health

    path = Path(path)
    report = CheckReport(path)
    if not path.exists():
        raise NotFoundError(f"“{path.name}” does not exist.")
    try:
        store = open_store(path, read_only=True)
    except StoreError as exc:
        report.problems.append(str(exc))
        return report
    try:
        report.problems = health.problems(store)
        if not any(p.startswith("integrity check") for p in report.problems):
            report.counts = health.counts(store.db)
    finally:
        store.close()
    return report
