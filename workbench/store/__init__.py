"""The only code that touches SQLite: open a database with :func:`open_store`."""

from .cipher import is_encrypted
from .errors import (
    BackupError,
    DatabaseDamagedError,
    DatabaseInUseError,
    InvalidInputError,
    NotFoundError,
    NotWritableError,
    PassphraseNeededError,
    ReadOnlyError,
    SchemaTooNewError,
    StoreError,
    WrongPassphraseError,
)
from .paths import default_db_path
from .search import SearchHit
from .store import Store, open_store

__all__ = [
    "BackupError",
    "DatabaseDamagedError",
    "DatabaseInUseError",
    "InvalidInputError",
    "NotFoundError",
    "NotWritableError",
    "PassphraseNeededError",
    "ReadOnlyError",
    "SchemaTooNewError",
    "SearchHit",
    "Store",
    "StoreError",
    "WrongPassphraseError",
    "default_db_path",
    "is_encrypted",
    "open_store",
]
