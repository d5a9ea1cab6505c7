"""Encrypting, decrypting and re-keying a workbench file.

Each conversion writes a new file beside the database, checks it (SQLite's integrity check and
the same number of rows in every table as the original), and only then puts it in place of the
database in one atomic step. On any failure the database is left exactly as it was. (Writing
and checking the copy is the store's part: :mod:`workbench.store.conversion`.)

Encrypting keeps the plaintext original beside the new file, and plaintext backups stay in the
backups folder: :func:`remove_plaintext` deletes them, and only when called (after the user has
agreed). A disk may keep the old blocks of a deleted file; :data:`DISK_WARNING` says so.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from workbench.store import open_store
from workbench.store.backup import list_backups
from workbench.store.cipher import CipherKey, as_key, is_encrypted
from workbench.store.connection import WriterLock, conversion_path
from workbench.store.conversion import ConversionCancelled, ConvertedCopy
from workbench.store.errors import StoreError

__all__ = [
    "DISK_WARNING",
    "ConversionCancelled",
    "ConversionResult",
    "decrypt_file",
    "encrypt_file",
    "rekey",
    "remove_plaintext",
]

#: Told what is being done: a short description, then steps done out of a total.
Progress = Callable[[str, int, int], None]
#: Asked now and then while the file is copied; True stops the conversion.
Cancelled = Callable[[], bool]


DISK_WARNING = (
    "Deleting a file does not always wipe it: a disk (especially an SSD, or a folder kept by a "
    "sync or backup tool) may keep old copies of its blocks that special tools can read. For "
    "full protection, keep the whole disk encrypted as well."
)

_STEPS = 3


@dataclass
class ConversionResult:
    """What a conversion did, and what it left for the user to decide about."""

    path: Path
    #: True when the database is encrypted now.
    encrypted: bool
    #: Plaintext files left behind (the original and plaintext backups): offer to remove them.
    plaintext: list[Path] = field(default_factory=list)
    #: Encrypted backups that open only with the previous passphrase.
    old_key_backups: list[Path] = field(default_factory=list)
    warning: str = DISK_WARNING


def encrypt_file(
    path: str | Path,
    passphrase: str | CipherKey,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> ConversionResult:
    """Encrypt a plain workbench file with ``passphrase`` (SQLCipher 4).

    The plaintext original is kept beside it as ``<name>.plaintext-<time>`` and listed, with
    the plaintext backups, in the result's ``plaintext``.
    """
    db = Path(path)
    _need_file(db)
    if is_encrypted(db):
        raise StoreError(f"“{db.name}” is already encrypted; nothing was changed.")
    key = _key(passphrase)
    open_store(db).close()  # a workbench file, brought up to date, its log folded in
    with _locked(db):
        new = _convert(ConvertedCopy(db, source_key=None, key=key), progress, is_cancelled)
        kept = db.with_name(f"{db.name}.plaintext-{_stamp()}")
        _swap(db, new, keep=kept, progress=progress)
    plaintext = [kept] + [b.path for b in list_backups(db) if not is_encrypted(b.path)]
    return ConversionResult(db, True, plaintext=_with_logs(plaintext))


def decrypt_file(
    path: str | Path,
    passphrase: str | CipherKey,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> ConversionResult:
    """Turn an encrypted workbench file back into a plain one (its backups stay encrypted)."""
    db = Path(path)
    _need_file(db)
    if not is_encrypted(db):
        raise StoreError(f"“{db.name}” is not encrypted; nothing was changed.")
    key = _key(passphrase)
    open_store(db, passphrase=key).close()  # the passphrase is right, the file up to date
    with _locked(db):
        new = _convert(ConvertedCopy(db, source_key=key, key=None), progress, is_cancelled)
        _swap(db, new, progress=progress)
    return ConversionResult(db, False, old_key_backups=_encrypted_backups(db))


def rekey(
    path: str | Path,
    old: str | CipherKey,
    new: str | CipherKey,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> ConversionResult:
    """Change an encrypted file's passphrase from ``old`` to ``new``.

    Its existing backups keep the old passphrase (listed in ``old_key_backups``).
    """
    db = Path(path)
    _need_file(db)
    if not is_encrypted(db):
        raise StoreError(f"“{db.name}” is not encrypted; nothing was changed.")
    old_key, new_key = _key(old), _key(new)
    open_store(db, passphrase=old_key).close()
    with _locked(db):
        converted = ConvertedCopy(db, source_key=old_key, key=new_key)
        copy = _convert(converted, progress, is_cancelled)
        _swap(db, copy, progress=progress)
    return ConversionResult(db, True, old_key_backups=_encrypted_backups(db))


def remove_plaintext(paths: list[Path]) -> list[Path]:
    """Delete the plaintext files a conversion left behind; returns those removed.

    Call it only once the user has agreed, after showing :data:`DISK_WARNING`.
    """
    removed = []
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise StoreError(f"Could not remove “{path.name}”: {exc.strerror or exc}.") from exc
        removed.append(path)
    return removed


# -- steps ------------------------------------------------------------------------------------


def _key(passphrase: str | CipherKey) -> CipherKey:
    key = as_key(passphrase)
    if key is None:
        raise StoreError("The passphrase is empty; nothing was changed.")
    return key


def _need_file(db: Path) -> None:
    if not db.is_file():
        raise StoreError(f"“{db.name}” does not exist; nothing was changed.")


class _locked:
    """Hold the writer lock (no one else may write meanwhile); remove leftovers on failure."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.lock = WriterLock(db)

    def __enter__(self) -> None:
        self.lock.acquire()
        _new_path(self.db).unlink(missing_ok=True)

    def __exit__(self, kind: object, *_: object) -> None:
        try:
            if kind is not None:
                _new_path(self.db).unlink(missing_ok=True)
        finally:
            self.lock.release()


def _new_path(db: Path) -> Path:
    return conversion_path(db)


def _convert(
    copy: ConvertedCopy, progress: Progress | None, is_cancelled: Cancelled | None
) -> Path:
    """Write the new file beside the database and check it; returns its path."""
    _tell(progress, "copying", 0)
    new = copy.write(is_cancelled)
    _tell(progress, "checking the new file", 1)
    copy.check()
    return new


def _swap(db: Path, new: Path, *, keep: Path | None = None, progress: Progress | None) -> None:
    """Put ``new`` in place of ``db`` in one step (keeping the original as ``keep``)."""
    _tell(progress, "replacing the file", 2)
    try:
        _fsync(new)
        if keep is not None:
            try:
                os.link(db, keep)  # the same bytes under a second name, without copying
            except OSError:
                import shutil

                shutil.copy2(db, keep)
        os.replace(new, db)
        _fsync(db.parent)
    except OSError as exc:
        if keep is not None and db.exists():
            keep.unlink(missing_ok=True)
        raise StoreError(f"Could not replace “{db.name}” ({exc}); nothing was changed.") from exc
    # The old file's log and index belong to the bytes just replaced.
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    _tell(progress, "done", _STEPS)


def _fsync(path: Path) -> None:
    if os.name == "nt" and path.is_dir():  # pragma: no cover - Windows cannot open folders
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _tell(progress: Progress | None, what: str, done: int) -> None:
    if progress is not None:
        progress(what, done, _STEPS)


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def _encrypted_backups(db: Path) -> list[Path]:
    return [b.path for b in list_backups(db) if is_encrypted(b.path)]


def _with_logs(paths: list[Path]) -> list[Path]:
    """The files and any "-wal" kept beside them (a raw copy of a damaged file has one)."""
    found = []
    for path in paths:
        found.append(path)
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            found.append(wal)
    return found
