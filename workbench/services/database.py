"""Opening a database the way people expect, and checking its health."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.store import NotFoundError, Store, open_store
from workbench.store.errors import (
    NotWritableError,
    PassphraseNeededError,
    StoreError,
    WrongPassphraseError,
)

if TYPE_CHECKING:
    from workbench.store.cipher import CipherKey
    from workbench.store.health import Progress


def open_database(
    path: str | Path | None,
    *,
    passphrase: str | CipherKey | None = None,
    scale: str | None = None,
) -> Store:
    """Open for editing; a file that cannot be written opens read-only instead.

    An encrypted file needs its ``passphrase`` (``PassphraseNeededError`` without it,
    ``WrongPassphraseError`` when it is wrong; nothing is changed either way). A new file
    created with a passphrase is encrypted.

    ``store.read_only`` and ``store.read_only_reason`` tell the window to say so; any edit then
    raises ``ReadOnlyError``. A damaged, foreign or newer file raises a ``StoreError`` and stays
    untouched (offer :func:`workbench.services.backup.latest_good_backup`).
    """
    try:
        return open_store(path, scale=scale, passphrase=passphrase)
    except NotWritableError:
        if path is None or not Path(path).exists():
            raise
        return open_store(path, read_only=True, passphrase=passphrase)


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


def check_database(
    path: str | Path, progress: Progress | None = None, *, passphrase: str | None = None
) -> CheckReport:
    """Run every health check on a database file without changing it.

    An encrypted file needs its ``passphrase``; without it (or with a wrong one) the
    ``PassphraseNeededError`` / ``WrongPassphraseError`` is raised, not reported as damage.

    ``progress`` is told what is being checked (a description, steps done, steps in all).
    """
    from workbench.store import health

    path = Path(path)
    report = CheckReport(path)
    if not path.exists():
        raise NotFoundError(f"“{path.name}” does not exist.")
    # Before opening: an ordinary opening lets SQLite rebuild the index that shows what was lost.
    lost = health.wal_problems(path)
    try:
        # With its log gone, leave the index as it is: it shows what was lost to the next look too.
        store = open_store(path, read_only=True, main_file_only=bool(lost), passphrase=passphrase)
    except (PassphraseNeededError, WrongPassphraseError):
        raise
    except StoreError as exc:
        report.problems = [*lost, str(exc)]
        return report
    try:
        report.problems = [*lost, *health.problems(store, progress)]
        if not any(p.startswith(health.DAMAGE) for p in report.problems):
            report.counts = health.counts(store)
    except StoreError as exc:
        report.problems.append(str(exc))
    finally:
        store.close()
    return report
