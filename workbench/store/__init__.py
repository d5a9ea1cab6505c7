"""The only code that touches SQLite: open a database with :func:`open_store`."""

from .errors import (
    BackupError,
    DatabaseDamagedError,
    DatabaseInUseError,
    InvalidInputError,
    NotFoundError,
    NotWritableError,
    ReadOnlyError,
    SchemaTooNewError,
    StoreError,
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
    "ReadOnlyError",
    "SchemaTooNewError",
    "SearchHit",
    "Store",
    "StoreError",
    "default_db_path",
    "open_store",
]
