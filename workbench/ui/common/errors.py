"""Turn errors from the lower layers into messages a journalist understands, and keep running."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger("workbench")


def explain(exc: BaseException) -> str:
    """One message for people: the named errors of our layers already carry one."""
    from workbench.ingest import IngestError
    from workbench.services.desk import DeskError
    from workbench.store import StoreError

    if isinstance(exc, StoreError | IngestError | DeskError):
        return str(exc)
    if type(exc).__module__.startswith("workbench.") and type(exc).__name__.endswith("Error"):
        return str(exc)
    if isinstance(exc, OSError):
        where = f" “{exc.filename}”" if exc.filename else ""
        return f"The file{where} could not be used: {exc.strerror or exc}."
    if isinstance(exc, MemoryError):
        return "The computer ran out of memory; close other programs and try again."
    return (
        "Something unexpected went wrong and that action was not completed. "
        f"Your saved work is safe. (Technical detail: {type(exc).__name__}: {exc})"
    )


def show_error(parent: QWidget | None, exc: BaseException, action: str = "") -> None:
    """Show ``exc`` in a message box, titled by what the reviewer was trying to do."""
    log.info("%s: %s", action or "error", exc, exc_info=exc)
    MessageBoxes.errors.append(exc)
    del MessageBoxes.errors[:-50]
    message = explain(exc)
    title = action or "Factcheck Workbench"
    MessageBoxes.warning(parent, title, message)


class MessageBoxes:
    """Message boxes the tests can replace (a modal box would block them)."""

    #: When True (offscreen rendering), messages are logged and kept instead of shown.
    quiet = False
    shown: ClassVar[list[tuple[str, str]]] = []
    #: The errors behind the messages, newest last (a screenshot refuses a damaged file).
    errors: ClassVar[list[BaseException]] = []

    @classmethod
    def warning(cls, parent: QWidget | None, title: str, message: str, details: str = "") -> None:
        """A warning with one OK button; ``details`` (long text) scrolls below "Show Details"."""
        cls.shown.append((title, f"{message}\n\n{details}" if details else message))
        del cls.shown[:-50]
        if cls.quiet:
            log.warning("%s: %s", title, message)
            return
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox  # loaded with the first message, not at start

        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=parent)
        # A message can be copied: a file's path, an error to pass on, text to type again.
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if details:
            box.setDetailedText(details)
        box.exec()

    @classmethod
    def confirm(cls, parent: QWidget | None, title: str, message: str) -> bool:
        """A yes/no question."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(parent, title, message)
        return answer == QMessageBox.StandardButton.Yes


def install_excepthook() -> None:
    """Log unexpected errors in slots and show them, instead of crashing the window."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        MessageBoxes.warning(None, "Factcheck Workbench", explain(exc))

    sys.excepthook = hook
