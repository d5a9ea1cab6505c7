"""Errors raised by the store; every message is meant for the journalist."""


class StoreError(Exception):
    """Something went wrong reading or writing the workbench database."""


class NotFoundError(StoreError):
    """An article, claim, reviewer, verdict or source does not exist."""


class InvalidInputError(StoreError):
    """A value was refused before anything was written."""


class DatabaseInUseError(StoreError):
    """Another workbench process is already writing to this database file."""


class DatabaseDamagedError(StoreError):
    """The file is not a workbench database, or it is damaged."""


class SchemaTooNewError(StoreError):
    """The database was written by a newer version of the workbench."""


class ReadOnlyError(StoreError):
    """The database was opened read-only."""


class NotWritableError(ReadOnlyError):
    """The file or its folder cannot be written; it can still be opened read-only."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class BackupError(StoreError):
    """A backup could not be written, read or restored."""
