"""Backups: automatic on open, on request, listing, restoring."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from workbench.settings import BACKUP_KEEP
from workbench.store import Store, StoreError
from workbench.store.backup import (
    BackupFile,
    BackupInfo,
    backup_name,
    copy_database,
    inspect_backup,
    list_backups,
    new_backup_path,
    remove_partial_backups,
    restore_file,
    unique_path,
)
from workbench.store.cipher import CipherKey
from workbench.store.errors import BackupError

__all__ = [
    "DEFAULT_KEEP",
    "KEEP_SETTING",
    "AutoBackup",
    "BackupFile",
    "BackupInfo",
    "backup_now",
    "backup_on_open",
    "latest_good_backup",
    "list_backups",
    "plan_backup_on_open",
    "restore_backup",
]

#: Automatic backups kept per database unless the ``backup_keep`` setting says otherwise.
DEFAULT_KEEP: int = BACKUP_KEEP.default
KEEP_SETTING = BACKUP_KEEP.key


@dataclass(frozen=True)
class AutoBackup:
    """An automatic backup of a file just opened; :meth:`run` may be called on any thread."""

    path: Path
    keep: int
    #: The newest audit-log row of the open file when the backup was planned.
    last_event: tuple[int, str] | None
    #: The key of an encrypted file (its backups are encrypted alike); None for a plain file.
    key: CipherKey | None = field(default=None, repr=False, compare=False)

    def run(self, is_cancelled: Callable[[], bool] | None = None) -> Path | None:
        """Copy the file unless the newest backup already holds this state; prune old ones.

        ``is_cancelled`` stops the copy at once when it turns true (:class:`BackupError`).
        """
        remove_partial_backups(self.path)
        existing = list_backups(self.path)
        if existing and _same_state(self.last_event, existing[0], self.key):
            return None
        made = copy_database(self.path, new_backup_path(self.path, "auto"), is_cancelled, self.key)
        autos = [b for b in list_backups(self.path) if b.kind == "auto"]
        for old in autos[self.keep :]:
            old.path.unlink(missing_ok=True)
        return made


def plan_backup_on_open(store: Store, keep: int | None = None) -> AutoBackup | None:
    """What :func:`backup_on_open` will do, read from the store (None: nothing to back up).

    ``keep`` defaults to the database's ``backup_keep`` setting (or the name it had before),
    then :data:`DEFAULT_KEEP`; a stored value out of bounds counts as the default.
    """
    if store.path is None or store.read_only:
        return None
    keep = keep if keep is not None else BACKUP_KEEP.read(store.get_setting)
    if keep < 1:
        raise BackupError("Keep at least one automatic backup.")
    return AutoBackup(store.path, keep, store.last_event(), store.cipher_key)


def backup_on_open(store: Store, keep: int | None = None) -> Path | None:
    """Back up a database just opened for writing, keeping the last ``keep`` automatic backups.

    Returns the new backup, or None when there was nothing to do (read-only, in memory, or
    unchanged since the newest backup). Raises :class:`BackupError` if the copy fails; the
    database itself is never changed. The window plans on its own thread and copies on a worker.
    """
    plan = plan_backup_on_open(store, keep)
    return plan.run() if plan is not None else None


def _same_state(
    last_event: tuple[int, str] | None, newest: BackupFile, key: CipherKey | None = None
) -> bool:
    # Every saved edit appends to the audit log, so (id, time) of its last row names the state;
    # the time tells apart two files whose logs reached the same id after a restore.
    try:
        info = inspect_backup(newest.path, full_check=False, key=key)
    except StoreError:
        return False
    return info.last_event == last_event


def backup_now(store: Store, out: str | Path | None = None, *, kind: str = "manual") -> Path:
    """Write a checked backup to ``out`` (a file or a folder) or to the database's backup folder."""
    if out is None:
        if store.path is None:
            raise BackupError("An in-memory database has no folder for backups; give a file.")
        return store.backup(new_backup_path(store.path, kind))
    dest = Path(out)
    if dest.is_dir():
        base = store.path or Path("workbench.sqlite3")
        dest = unique_path(dest / backup_name(base, kind))
    return store.backup(dest)


def latest_good_backup(
    db_path: str | Path, *, passphrase: str | CipherKey | None = None
) -> BackupFile | None:
    """The newest backup of this database that passes every check, if any.

    Encrypted backups count only when ``passphrase`` unlocks them.
    """
    key = _key(passphrase)
    for backup in list_backups(Path(db_path)):
        try:
            inspect_backup(backup.path, key=key)
        except StoreError:
            continue
        return backup
    return None


def restore_backup(
    db_path: str | Path, backup_path: str | Path, *, passphrase: str | CipherKey | None = None
) -> Path | None:
    """Replace the database with a checked backup; returns the copy kept of the replaced file.

    The database must be closed (``DatabaseInUseError`` if it is open for writing anywhere).
    Restoring that returned copy undoes the restore. An encrypted backup (or database) needs
    its ``passphrase``.
    """
    db_path, backup_path = Path(db_path), Path(backup_path)
    key = _key(passphrase)
    saved = restore_file(db_path, backup_path, key)
    from workbench.store import open_store

    with open_store(db_path, passphrase=key) as store, store.write():
        store.log(
            "restore",
            "database",
            db_path.name,
            after={
                "backup": backup_path.name,
                "kept_previous_as": saved.name if saved else None,
                "at": datetime.now(UTC).isoformat(),
            },
        )
    return saved


def _key(passphrase: str | CipherKey | None) -> CipherKey | None:
    if not passphrase:
        return None
    return passphrase if isinstance(passphrase, CipherKey) else CipherKey(passphrase)
