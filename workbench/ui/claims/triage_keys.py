"""Single-letter triage keys act only where the reviewer is triaging: the claims table and the
article.

A window-wide "J" or "2" also fired from a button, a combo box or a spin box of the desk (only
text fields took their letters first), so a key meant for a field could rate or dismiss a
claim. Bound to the two triage widgets instead, a key pressed anywhere else does what that
widget does with it, and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


def keep_to(widgets: Iterable[QWidget], actions: Iterable[QAction]) -> None:
    """Make each action's shortcut work only while one of ``widgets`` has the keyboard focus.

    The actions stay in the window's menus (where they are listed and can be chosen with the
    mouse); only their key is narrowed.
    """
    targets = list(widgets)
    for action in actions:
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        for widget in targets:
            if action not in widget.actions():
                widget.addAction(action)
