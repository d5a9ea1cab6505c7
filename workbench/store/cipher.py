"""Encrypted workbench files (SQLCipher 4): telling them apart, keys, keyed connections.

SQLCipher encrypts every page of the file, of its write-ahead log and of its backups; only the
first 16 bytes of the file (a random salt) are stored as they are. ``sqlcipher3`` is imported
only when an encrypted file is opened or encryption is asked for: a plain file never loads it.

The passphrase lives in memory only, in a :class:`CipherKey`; nothing here writes or logs it.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import suppress
from pathlib import Path
from typing import Any

SQLITE_MAGIC = b"SQLite format 3\x00"
ZIP_MAGIC = b"PK\x03\x04"
SALT_SIZE = 16
#: SQLCipher 4's defaults: PBKDF2-HMAC-SHA512, 256,000 iterations, a 256-bit key.
KDF_ITERATIONS = 256_000
KEY_SIZE = 32
#: Page sizes SQLite allows are powers of two from 512 bytes: an encrypted file is whole pages.
_SMALLEST_PAGE = 512

_lock = threading.Lock()
_module: Any = None
_ERROR_NAMES = (
    "InterfaceError",
    "DatabaseError",
    "DataError",
    "OperationalError",
    "IntegrityError",
    "InternalError",
    "ProgrammingError",
    "NotSupportedError",
)


def is_encrypted(path: str | Path) -> bool:
    """True when ``path`` is a file that could be an encrypted workbench database.

    That is: it exists, is not empty, does not start with SQLite's header, and holds whole
    pages. The file is only read, never opened for writing. (A file that merely looks the part
    is refused later as "wrong passphrase, or not a workbench file".)
    """
    file = Path(path)
    try:
        if not file.is_file():
            return False
        size = file.stat().st_size
        if size < _SMALLEST_PAGE or size % _SMALLEST_PAGE:
            return False
        with open(file, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError:
        return False
    # A zip (a review bundle) can be whole pages long too: it says what it is in its first bytes.
    return head != SQLITE_MAGIC and not head.startswith(ZIP_MAGIC)


def as_key(value: CipherKey | str | None) -> CipherKey | None:
    """A :class:`CipherKey` for a passphrase (or the key itself); None for none."""
    if not value:
        return None
    return value if isinstance(value, CipherKey) else CipherKey(value)


def key_for_file(path: Path, key: CipherKey | str | None) -> CipherKey | None:
    """``key`` when the file at ``path`` is encrypted (or new or empty); None for a plain file."""
    key = as_key(key)
    if key is None:
        return None
    try:
        new = not path.exists() or path.stat().st_size == 0
    except OSError:
        new = False
    return key if new or is_encrypted(path) else None


def sqlcipher() -> Any:
    """The ``sqlcipher3.dbapi2`` module, imported on first use.

    Its error classes are made subclasses of the standard :mod:`sqlite3` ones (an
    ``IntegrityError`` of either module is caught by ``except sqlite3.IntegrityError``), so
    every ``except sqlite3.…`` in the store and in sqlite-utils treats both kinds of file alike.
    """
    global _module
    with _lock:
        if _module is None:
            try:
                from sqlcipher3 import dbapi2
            except ImportError as exc:  # pragma: no cover - a broken installation
                from .errors import StoreError

                raise StoreError(
                    "Encrypted files cannot be opened: this installation lacks its encryption "
                    "library (sqlcipher3). Nothing was changed."
                ) from exc
            for name in _ERROR_NAMES:
                ours, std = getattr(dbapi2, name), getattr(sqlite3, name)
                if not issubclass(ours, std):
                    # A test guards this (tests/unit/store/test_encryption.py): if a later
                    # sqlcipher3 refused it, errors would reach people as SQLite's own words.
                    with suppress(TypeError):
                        ours.__bases__ = (*ours.__bases__, std)
            _module = dbapi2
    return _module


def quote(text: str) -> str:
    """``text`` as an SQL string literal (a pragma takes no parameters)."""
    return "'" + text.replace("'", "''") + "'"


class CipherKey:
    """A passphrase held in memory, with the keys derived from it for each file's salt.

    Deriving a key takes about a tenth of a second on purpose (it is what makes guessing
    slow); the result is kept for the file's salt, so the backups and checks that open the
    same file again do not pay it twice.
    """

    __slots__ = ("_ahead", "_derived", "_passphrase")

    def __init__(self, passphrase: str) -> None:
        if not passphrase:
            raise ValueError("The passphrase is empty.")
        self._passphrase = passphrase
        self._derived: dict[bytes, bytes] = {}
        self._ahead: threading.Thread | None = None

    def derive_ahead(self, path: Path) -> CipherKey:
        """Start deriving the key for the file at ``path`` on a thread of its own; returns self.

        The derivation does not hold Python's interpreter lock, so a program that knows the
        passphrase at start (from a passphrase file) can load its window meanwhile; opening
        the file then waits only for what is left of it.
        """
        if _salt_of(path) is not None and self._ahead is None:
            self._ahead = threading.Thread(
                target=self.pragma_value, args=(path,), name="derive-key", daemon=True
            )
            self._ahead.start()
        return self

    def __repr__(self) -> str:
        return "CipherKey(…)"

    def matches(self, passphrase: str) -> bool:
        """True when ``passphrase`` is the one this key holds."""
        return passphrase == self._passphrase

    def pragma_value(self, path: Path | None) -> str:
        """The value for ``PRAGMA key`` on the file at ``path`` (new or existing)."""
        salt = _salt_of(path)
        if salt is None:
            return quote(self._passphrase)
        ahead = self._ahead
        if ahead is not None and ahead is not threading.current_thread():
            ahead.join()
        derived = self._derived.get(salt)
        if derived is None:
            import hashlib

            derived = hashlib.pbkdf2_hmac(
                "sha512", self._passphrase.encode("utf-8"), salt, KDF_ITERATIONS, KEY_SIZE
            )
            self._derived[salt] = derived
        return f"\"x'{derived.hex()}{salt.hex()}'\""

    def apply(self, conn: Any, path: Path | None, schema: str = "main") -> None:
        """Key a fresh connection (before anything else runs on it)."""
        prefix = "" if schema == "main" else f"[{schema}]."
        conn.execute(f"PRAGMA {prefix}key = {self.pragma_value(path)}")


def _salt_of(path: Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            salt = handle.read(SALT_SIZE)
    except OSError:
        return None
    return salt if len(salt) == SALT_SIZE and salt != SQLITE_MAGIC else None


def keyed_connect(target: str, key: CipherKey, path: Path | None, **kwargs: Any) -> Any:
    """A sqlcipher3 connection to ``target`` (a path or a ``file:`` URI), keyed for ``path``.

    Temporary tables and sort files stay in memory, so no temporary file holds plaintext.
    """
    module = sqlcipher()
    conn = module.connect(target, factory=_connection_class(), **kwargs)
    try:
        conn.cipher_key = key
        key.apply(conn, path)
        conn.execute("PRAGMA temp_store = MEMORY")
    except BaseException:
        conn.close()
        raise
    return conn


_connection_cls: Any = None


def _connection_class() -> Any:
    """A sqlcipher3 connection that remembers its key (backups of it are keyed alike)."""
    global _connection_cls
    if _connection_cls is None:
        module = sqlcipher()
        module.connect(":memory:").execute("PRAGMA cipher_log_level = NONE").fetchall()

        class KeyedConnection(module.Connection):  # type: ignore[misc, name-defined]
            cipher_key: CipherKey | None = None

        _connection_cls = KeyedConnection
    return _connection_cls


def key_of(conn: Any) -> CipherKey | None:
    """The key of a connection made by :func:`keyed_connect` (None for a plain file)."""
    return getattr(conn, "cipher_key", None)


def forget_key(conn: Any) -> None:
    """Drop a (closed) connection's hold on its key: a closed file keeps no passphrase alive."""
    if getattr(conn, "cipher_key", None) is not None:
        conn.cipher_key = None
