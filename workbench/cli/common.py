"""Options and output helpers shared by the subcommands."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, TypeVar

import click

if TYPE_CHECKING:
    from workbench.store import Store

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    """Add ``--db PATH`` (default: $WORKBENCH_DB, then the platform data folder)."""
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False),
        envvar="WORKBENCH_DB",
        default=None,
        help="Database file (default: $WORKBENCH_DB, then the workbench's data folder).",
    )(func)


def passphrase_file_option(func: F) -> F:
    """Add the root group's ``--passphrase-file PATH`` ($WORKBENCH_PASSPHRASE_FILE)."""
    return click.option(
        "--passphrase-file",
        "passphrase_file",
        type=click.Path(dir_okay=False),
        envvar="WORKBENCH_PASSPHRASE_FILE",
        default=None,
        help="Read the passphrase of an encrypted database from this file "
        "(default: $WORKBENCH_PASSPHRASE_FILE; else it is asked for on a terminal).",
    )(func)


def json_option(func: F) -> F:
    """Add ``--json`` for tools."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for tools.")(func)


def print_json(data: object) -> None:
    """Print ``data`` as indented UTF-8 JSON."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


# C0 and C1 controls (newline, ESC…), the line separators and the text-reordering controls: a
# file name holding them could break a line in two, recolour the terminal or hide its extension.
_UNPRINTABLE = {
    code: repr(chr(code))[1:-1]
    for code in (
        *range(0x00, 0x20),
        *range(0x7F, 0xA0),
        0x061C,
        0x200E,
        0x200F,
        *range(0x2028, 0x202F),
        *range(0x2066, 0x206A),
    )
}


def shown(value: object) -> str:
    """``value`` as text safe to print: control characters appear as escapes such as ``\\n``."""
    return str(value).translate(_UNPRINTABLE)


def warn(message: str) -> None:
    """Print one line on stderr and carry on."""
    click.echo(f"workbench: {shown(message)}", err=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one clear line on stderr and exit non-zero."""
    click.echo(f"workbench: {shown(message)}", err=True)
    sys.exit(code)


#: The exit status of a command stopped with Ctrl+C, as shells report it (128 + SIGINT).
INTERRUPTED = 130


@contextmanager
def stop_on_ctrl_c(what_was_kept: str | Callable[[], str]) -> Iterator[None]:
    """Ctrl+C ends the command with one line (``what_was_kept``) and exit status 130.

    Without it click prints "Aborted!", which does not say whether the file was changed.
    """
    try:
        yield
    except KeyboardInterrupt:
        fail(what_was_kept() if callable(what_was_kept) else what_was_kept, INTERRUPTED)


class ProgressLine:
    """One line on a terminal, rewritten as work goes on: a bar, the share done, the step."""

    WIDTH = 20

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._last: tuple[str, int] | None = None

    def __call__(self, what: str, done: int, total: int) -> None:
        """Show that ``done`` of ``total`` steps of ``what`` are done."""
        share = min(done / total, 1.0) if total > 0 else 1.0
        percent = int(share * 100)
        # A long article reports every paragraph: redraw only when the line would change.
        if self._last == (what, percent):
            return
        self._last = (what, percent)
        filled = int(share * self.WIDTH)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self._write(f"\r\033[K[{bar}] {percent:3d}% {shown(what)}")

    def clear(self) -> None:
        """Remove the line, so that what is printed next starts on a clean line."""
        if self._last is not None:
            self._write("\r\033[K")
            self._last = None

    def _write(self, text: str) -> None:
        # Written as is: click.echo would drop the escape codes whenever colour is switched off.
        self.stream.write(text)
        self.stream.flush()


@contextmanager
def progress_line(stream: TextIO | None = None) -> Iterator[ProgressLine | None]:
    """A :class:`ProgressLine` on ``stream`` (stderr) when it is a terminal, else None.

    Piped or logged output gets no bar: escape codes would only garble it. The line is cleared
    when the block ends, however it ends.
    """
    stream = stream if stream is not None else sys.stderr
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):
        terminal = False
    if not terminal:
        yield None
        return
    line = ProgressLine(stream)
    try:
        yield line
    finally:
        line.clear()


def resolve_db(db: str | None) -> Path:
    """The database path: ``--db`` given on the command, then on the group, then $WORKBENCH_DB, then the default."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        root = ctx.find_root()
        typed_here = ctx.get_parameter_source("db") == click.core.ParameterSource.COMMANDLINE
        typed_on_group = (
            root is not ctx
            and root.get_parameter_source("db") == click.core.ParameterSource.COMMANDLINE
        )
        # $WORKBENCH_DB fills the subcommand's option too; a --db typed on the group wins over it.
        if typed_on_group and not typed_here:
            return Path(root.params["db"])
    if db:
        return Path(db)
    root_db = ctx.find_root().params.get("db") if ctx else None
    if root_db:
        return Path(root_db)
    from workbench.store import default_db_path

    return default_db_path()


@contextmanager
def opened_store(
    db: str | None, *, read_only: bool = False, existing: bool = False
) -> Iterator[Store]:
    """Open the database for one command; lower-layer errors become one line and exit 1.

    ``read_only`` is for commands that only read: they need no writer lock, so they work while
    the window or a long import has the file open, and on a file nobody may write.
    ``existing`` is for commands that write only what they work out from the file (vectors):
    a mistyped ``--db`` is refused instead of answering from a new, empty database.
    """
    from workbench.store.errors import SchemaTooOldError

    path = resolve_db(db)
    if existing and not read_only and not path.exists():
        fail(f"“{shown(path)}” does not exist.")
    with handle_errors():
        try:
            store = _open_unlocked(path, read_only=read_only)
        except SchemaTooOldError:
            # A file from an older version is upgraded once, by a command that may write.
            store = _open_unlocked(path, read_only=False)
    try:
        with handle_errors():
            yield store
    finally:
        store.close()


def _open_unlocked(path: Path, *, read_only: bool) -> Store:
    """Open ``path``, asking for its passphrase when it is encrypted (up to three tries)."""
    from workbench.store import WrongPassphraseError, open_store

    for attempt in range(3):
        passphrase = db_passphrase(path)
        try:
            return open_store(path, read_only=read_only, passphrase=passphrase)
        except WrongPassphraseError:
            if not _asked_on_terminal() or attempt == 2:
                raise
            warn("That passphrase does not unlock the file; nothing was changed. Try again.")
            _forget_passphrase()
    raise AssertionError("unreachable")


# -- passphrases: the one way the commands get one --------------------------------------------

_PASSPHRASE_KEY = "workbench.passphrase"


def db_passphrase(path: Path) -> str | None:
    """The passphrase for the database at ``path``; None when the file is not encrypted.

    From ``--passphrase-file`` (given before the command) or $WORKBENCH_PASSPHRASE_FILE, else
    asked on the terminal; with neither, one clear line and exit 1. Never printed or logged.
    """
    from workbench.store import is_encrypted

    if not is_encrypted(path):
        return None
    return passphrase_for(f"Passphrase for {shown(path.name)}")


def backups_passphrase(path: Path) -> str | None:
    """The passphrase when the database or any of its backups is encrypted, else None."""
    from workbench.store import is_encrypted
    from workbench.store.backup import list_backups

    if is_encrypted(path) or any(is_encrypted(b.path) for b in list_backups(path)):
        return passphrase_for(f"Passphrase for {shown(path.name)}")
    return None


def passphrase_for(prompt: str, *, confirm: bool = False) -> str:
    """The passphrase of this command: from the passphrase file, else asked for (``confirm``:
    typed twice, for a new one). Asked once per command, then remembered in memory."""
    meta = _meta()
    if _PASSPHRASE_KEY in meta:
        return str(meta[_PASSPHRASE_KEY])
    file = _passphrase_file()
    if file is not None:
        value = read_passphrase_file(file)
    elif stdin_is_terminal():
        value = ask_new_passphrase(prompt) if confirm else _ask(prompt)
        meta["workbench.passphrase_asked"] = True
    elif confirm:
        fail(
            "Encrypting needs a new passphrase: run this on a terminal to type it, or give it "
            "with --passphrase-file PATH (before the command) or $WORKBENCH_PASSPHRASE_FILE. "
            "Nothing was changed."
        )
    else:
        fail(
            "The database is encrypted: give its passphrase with --passphrase-file PATH "
            "(before the command) or $WORKBENCH_PASSPHRASE_FILE. Nothing was changed."
        )
    meta[_PASSPHRASE_KEY] = value
    return value


def window_passphrase(db: str | None) -> object | None:
    """For the window: the key from ``--passphrase-file`` (None without one), its derivation
    started at once so that it runs while the window loads."""
    file = _passphrase_file()
    if file is None:
        return None
    from workbench.store.cipher import CipherKey

    key = CipherKey(read_passphrase_file(file))
    return key.derive_ahead(Path(db)) if db else key


def known_passphrase() -> str | None:
    """The passphrase this command already has, without asking for one."""
    value = _meta().get(_PASSPHRASE_KEY)
    return None if value is None else str(value)


def other_passphrase(name: str) -> str:
    """The passphrase of another encrypted file (a colleague's), asked on the terminal only."""
    if not stdin_is_terminal():
        fail(
            f"“{shown(name)}” is encrypted: give its passphrase with --other-passphrase-file "
            "PATH. Nothing was changed."
        )
    return _ask(f"Passphrase for {shown(name)}")


def read_passphrase_file(file: str | Path) -> str:
    """A passphrase kept in a file (its first line; the line break is not part of it)."""
    path = Path(file)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "it is not UTF-8 text"
        fail(f"Could not read the passphrase file “{shown(path)}”: {reason}. Nothing was changed.")
    value = text.splitlines()[0] if text.splitlines() else ""
    if not value:
        fail(f"The passphrase file “{shown(path)}” is empty. Nothing was changed.")
    return value


def ask_new_passphrase(prompt: str = "New passphrase") -> str:
    """Ask for a new passphrase twice on the terminal (never echoed)."""
    while True:
        value = click.prompt(
            prompt, hide_input=True, confirmation_prompt="Repeat it", err=True, default=""
        )
        if value:
            return str(value)
        warn("The passphrase cannot be empty.")


def _ask(prompt: str) -> str:
    while True:
        value = click.prompt(prompt, hide_input=True, err=True, default="", show_default=False)
        if value:
            return str(value)


def _forget_passphrase() -> None:
    _meta().pop(_PASSPHRASE_KEY, None)


def _asked_on_terminal() -> bool:
    return bool(_meta().get("workbench.passphrase_asked"))


def _meta() -> dict[str, Any]:
    ctx = click.get_current_context(silent=True)
    return ctx.meta if ctx is not None else {}


def _passphrase_file() -> str | None:
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return None
    value = ctx.find_root().params.get("passphrase_file")
    return str(value) if value else None


def stdin_is_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def handle_errors() -> Iterator[None]:
    """Turn the named errors of the lower layers into one clear line on stderr and exit 1."""
    from workbench.ingest import IngestError
    from workbench.store import DatabaseDamagedError, StoreError
    from workbench.store.errors import from_sqlite

    try:
        yield
    except DatabaseDamagedError as exc:
        fail(_with_backup_offer(exc))
    except (StoreError, IngestError, ValueError) as exc:
        fail(str(exc))
    except Exception as exc:
        # Named errors of layers imported lazily (claims, report) carry a message for people too.
        if type(exc).__name__.endswith("Error") and type(exc).__module__.startswith("workbench."):
            fail(str(exc))
        # A broken page met while a report or the window reads the file: one line, no traceback.
        mapped = from_sqlite(exc, None) if type(exc).__module__.startswith(_SQLITE) else None
        if isinstance(mapped, DatabaseDamagedError):
            mapped.path = _current_db()
            fail(_with_backup_offer(mapped))
        if mapped is not None:
            fail(str(mapped))
        raise


#: The modules whose errors are SQLite's (plain files, encrypted files).
_SQLITE = ("sqlite3", "sqlcipher3")


def _current_db() -> Path | None:
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return None
    return resolve_db(ctx.params.get("db"))


def _with_backup_offer(exc: Exception) -> str:
    """The damage message, with the newest backup that passes every check when there is one."""
    from workbench.services.backup import latest_good_backup

    path = getattr(exc, "path", None)
    good = latest_good_backup(path, passphrase=known_passphrase()) if path is not None else None
    if good is None:
        return str(exc)
    return (
        f"{exc} The backup of {good.label} passes every check: "
        "`workbench restore latest` puts it back."
    )
