"""``workbench --screenshot FILE.png``: render the review desk offscreen and exit."""

from __future__ import annotations

import os

import click

from .common import handle_errors, resolve_db, shown


def take_screenshot(png: str, *, db: str | None, article: str | None) -> None:
    """Render the main window with the article's claims found and shown, and save it as PNG."""
    # Offscreen unless the caller chose a platform: no window ever flashes on the screen.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from workbench.app import render_screenshot

    with handle_errors():
        out = render_screenshot(png, db_path=resolve_db(db), article=article)
    click.echo(f"Saved {shown(out)}")
