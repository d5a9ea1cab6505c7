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
def opened_store(db: str | None, *, read_only: bool = False) -> Iterator[Store]:
    """Open the database for one command; lower-layer errors become one line and exit 1.

    ``read_only`` is for commands that only read: they need no writer lock, so they work while
    the window or a long import has the file open, and on a file nobody may write.
    """
    from workbench.store import open_store
    from workbench.store.errors import SchemaTooOldError

    path = resolve_db(db)
    with handle_errors():
        try:
            store = open_store(path, read_only=read_only)
        except SchemaTooOldError:
            # A file from an older version is upgraded once, by a command that may write.
            store = open_store(path)
    try:
        with handle_errors():
            yield store
    finally:
        store.close()


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
        mapped = from_sqlite(exc, None) if type(exc).__module__ == "sqlite3" else None
        if isinstance(mapped, DatabaseDamagedError):
            mapped.path = _current_db()
            fail(_with_backup_offer(mapped))
        if mapped is not None:
            fail(str(mapped))
        raise


def _current_db() -> Path | None:
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return None
    return resolve_db(ctx.params.get("db"))


def _with_backup_offer(exc: Exception) -> str:
    """The damage message, with the newest backup that passes every check when there is one."""
    from workbench.services.backup import latest_good_backup

    path = getattr(exc, "path", None)
    good = latest_good_backup(path) if path is not None else None
    if good is None:
        return str(exc)
    return (
        f"{exc} The backup of {good.label} passes every check: "
        "`workbench restore latest` puts it back."
    )
