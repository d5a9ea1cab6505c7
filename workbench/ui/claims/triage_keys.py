"""Single-letter triage keys act only where the reviewer is triaging: the claims table and the
article.

A window-wide "J" or "2" also fired from a button, a combo box or a spin box of the desk (only
text fields took their letters first), so a key meant for a field could rate or dismiss a
claim. Bound to the two triage widgets instead, a key pressed anywhere else does what that
widget does with it, and nothing else.

While a menu is open over one of them (the menu bar's, or the article's context menu), a letter
belongs to the menu: "D" in the Article menu picks "Details…", it does not dismiss the claim.
Qt would still give a widget's keys to the widget that had the focus before the menu opened, so
the keys sleep from the moment a pop-up takes the keyboard until the widget has it back.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QFocusEvent
from PySide6.QtWidgets import QWidget

#: Marks the actions narrowed here (a widget may carry other actions, left as they are).
_MARK = "triageKey"


def keep_to(widgets: Iterable[QWidget], actions: Iterable[QAction]) -> None:
    """Make each action's shortcut work only while one of ``widgets`` has the keyboard focus.

    The actions stay in the window's menus (where they are listed and can be chosen with the
    mouse); only their key is narrowed.
    """
    targets = list(widgets)
    for widget in targets:
        if widget.findChild(_PopupWatch, options=Qt.FindChildOption.FindDirectChildrenOnly) is None:
            widget.installEventFilter(_PopupWatch(widget))
    for action in actions:
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setProperty(_MARK, True)
        for widget in targets:
            if action not in widget.actions():
                widget.addAction(action)


class _PopupWatch(QObject):
    """Puts a triage widget's keys to sleep while a pop-up has the keyboard.

    A window's shortcut never fires while a pop-up is open, except from the pop-up itself (an
    open menu's own items): the widget's keys are made window shortcuts for that time.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            kind == QEvent.Type.FocusOut
            and isinstance(event, QFocusEvent)
            and event.reason() == Qt.FocusReason.PopupFocusReason
        ):
            self._set(watched, Qt.ShortcutContext.WindowShortcut)
        elif kind == QEvent.Type.FocusIn:
            self._set(watched, Qt.ShortcutContext.WidgetShortcut)
        return False

    @staticmethod
    def _set(widget: QObject, context: Qt.ShortcutContext) -> None:
        if isinstance(widget, QWidget):
            for action in widget.actions():
                if action.property(_MARK):
                    action.setShortcutContext(context)
