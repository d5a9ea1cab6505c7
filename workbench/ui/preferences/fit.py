"""Dialogs with word-wrapped text grow to show all of it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def fit_height(dialog: QWidget) -> None:
    """Make ``dialog`` tall enough for every wrapped line at its width (never shorter).

    Qt sizes a dialog from its layout's minimum size, which ignores how many lines a wrapped
    label needs at the width it gets: a note or an error shown later was cut off.
    """
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    width = dialog.width()
    needed = (
        layout.totalHeightForWidth(width)
        if layout.hasHeightForWidth()
        else layout.totalSizeHint().height()
    )
    if needed > dialog.height():
        dialog.resize(width, needed)
