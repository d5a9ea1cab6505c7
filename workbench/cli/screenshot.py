"""``workbench --screenshot FILE.png``: render the review desk offscreen and exit."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from .common import handle_errors, resolve_db, shown

# Qt's offscreen platform says this of every window it shows; it says nothing about the file.
_QT_NOISE = ("This plugin does not support propagateSizeHints()",)


class _Held(logging.Handler):
    """Keeps the window's messages (quiet message boxes) until the outcome is known."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _window_messages() -> Iterator[list[str]]:
    """Hold what the window would have shown in message boxes, instead of printing it at once."""
    logger = logging.getLogger("workbench")
    held = _Held()
    propagate = logger.propagate
    logger.addHandler(held)
    logger.propagate = False
    try:
        yield held.messages
    finally:
        logger.removeHandler(held)
        logger.propagate = propagate


@contextmanager
def _quiet_qt() -> Iterator[None]:
    """Drop Qt's known offscreen chatter; pass every other Qt message on to stderr."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode: Any, context: Any, message: str) -> None:
        if message not in _QT_NOISE:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def take_screenshot(png: str, *, db: str | None, article: str | None) -> None:
    """Render the main window with the article's claims found and shown, and save it as PNG."""
    # Offscreen unless the caller chose a platform: no window ever flashes on the screen.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from workbench.app import render_screenshot

    # When rendering fails (a damaged file), the one line handle_errors prints says why; what
    # the window met on the way to that failure would only say it again in other words.
    with handle_errors(), _quiet_qt(), _window_messages() as messages:
        out = render_screenshot(png, db_path=resolve_db(db), article=article)
    for message in dict.fromkeys(messages):
        click.echo(f"workbench: {shown(message)}", err=True)
    click.echo(f"Saved {shown(out)}")
