"""The window's actions and menus; every shortcut lives here so Help ▸ Keyboard shortcuts can list them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from .main_window import MainWindow


class Actions:
    """Named actions of the main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        #: Actions and the names of their standard icons, set by :meth:`add_icons`.
        self._icons: list[tuple[QAction, str]] = []

        def act(
            text: str, slot: object, key: str | QKeySequence | None = None, icon: str | None = None
        ) -> QAction:
            action = QAction(text, window)
            if key is not None:
                action.setShortcut(QKeySequence(key))
            if icon is not None:
                self._icons.append((action, icon))
            action.triggered.connect(slot)
            window.addAction(action)
            return action

        w = window
        self.import_file = act(
            "&Import article…",
            w.import_dialog,
            QKeySequence.StandardKey.Open,
            "SP_DialogOpenButton",
        )
        self.paste = act(
            "&Paste article…", w.paste_article, "Ctrl+Shift+V", "SP_FileDialogNewFolder"
        )
        self.open_article = act(
            "&Open earlier article…", w.open_article_dialog, "Ctrl+L", "SP_DirOpenIcon"
        )
        self.export = act("&Export report…", w.export_report, "Ctrl+E", "SP_DialogSaveButton")
        self.backup = act("&Back up now", w.back_up_now)
        self.restore_backup = act("&Restore from backup…", w.restore_from_backup)
        self.preferences = act(
            "Pre&ferences…", w.edit_preferences, QKeySequence.StandardKey.Preferences
        )
        self.quit = act("&Quit", w.close, QKeySequence.StandardKey.Quit)

        # Own actions rather than the stack's: typed text is saved before undo runs.
        self.undo = act("&Undo", w.undo, QKeySequence.StandardKey.Undo, "SP_ArrowBack")
        self.redo = act("&Redo", w.redo, "Ctrl+Shift+Z", "SP_ArrowForward")
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        stack = w.undo_stack
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        stack.undoTextChanged.connect(lambda t: self.undo.setText(f"&Undo {t}".strip()))
        stack.redoTextChanged.connect(lambda t: self.redo.setText(f"&Redo {t}".strip()))
        self.find = act("&Filter claims", w.focus_filter, QKeySequence.StandardKey.Find)

        self.next_claim = act("&Next claim", lambda: w.step_claim(1), "J", "SP_ArrowDown")
        self.previous_claim = act("&Previous claim", lambda: w.step_claim(-1), "K", "SP_ArrowUp")
        self.next_unreviewed = act("Next claim &not reviewed by me", w.next_unreviewed, "N")
        self.save_next = act(
            "&Save and go to next unreviewed",
            w.save_and_next,
            "Ctrl+Return",
            "SP_DialogApplyButton",
        )
        self.dismiss = act(
            "&Dismiss or restore claim", w.toggle_dismissed, "D", "SP_DialogDiscardButton"
        )
        self.delete = act("De&lete claim", w.delete_claim, "Shift+Del", "SP_TrashIcon")
        self.add_claim = act("&Add claim from selection", w.add_claim_from_selection, "Ctrl+M")
        self.set_span = act(
            "Set claim &span to selection", w.set_span_from_selection, "Ctrl+Shift+M"
        )
        self.score_order = act("Order by &score", w.set_score_order, "S")
        self.score_order.setCheckable(True)
        self.only_unreviewed = act(
            "Show only claims &not reviewed by me", w.set_only_unreviewed, "U"
        )
        self.only_unreviewed.setCheckable(True)
        self.find_claims = act(
            "&Find claims in this article", w.find_claims_again, None, "SP_BrowserReload"
        )
        self.rate: list[QAction] = []

        self.switch_reviewer = act("&Switch reviewer…", w.switch_reviewer, "Ctrl+Shift+R")
        self.shortcuts = act(
            "&Keyboard shortcuts", w.show_shortcuts, QKeySequence.StandardKey.HelpContents
        )
        self.about = act("&About Factcheck Workbench", w.show_about)

        bar = w.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.import_file, self.paste, self.open_article])
        self.recent_menu = file_menu.addMenu("Recent &files")
        self.recent_menu.aboutToShow.connect(w.fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.export, self.backup, self.restore_backup])
        file_menu.addSeparator()
        file_menu.addActions([self.preferences, self.quit])

        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find)

        self.review_menu = bar.addMenu("&Review")
        self.review_menu.addActions(
            [self.next_claim, self.previous_claim, self.next_unreviewed, self.save_next]
        )
        self.rating_menu = self.review_menu.addMenu("&Rate")
        self.review_menu.addSeparator()
        self.review_menu.addActions([self.dismiss, self.delete, self.add_claim, self.set_span])
        self.review_menu.addSeparator()
        self.review_menu.addActions([self.score_order, self.only_unreviewed, self.find_claims])

        self.reviewer_menu = bar.addMenu("Re&viewer")
        self.reviewer_menu.aboutToShow.connect(w.fill_reviewer_menu)
        self.reviewer_menu.addAction(self.switch_reviewer)

        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.shortcuts, self.about])

    def add_icons(self) -> None:
        """Give the actions their icons; the menus are closed when the window first shows."""
        # Setting up QStyle's Python type alone takes about as long as painting the window.
        from PySide6.QtWidgets import QStyle

        style = self.window.style()
        for action, name in self._icons:
            action.setIcon(style.standardIcon(getattr(QStyle.StandardPixmap, name)))
        self._icons.clear()

    def set_scale(self, labels: list[str]) -> None:
        """One action per rating, on the number keys 1–9."""
        for action in self.rate:
            self.window.removeAction(action)
            action.deleteLater()
        self.rating_menu.clear()
        self.rate = []
        for number, label in enumerate(labels[:9], 1):
            action = QAction(f"{number}  {label}", self.window)
            action.setShortcut(QKeySequence(str(number)))
            action.triggered.connect(lambda _=False, lab=label: self.window.rate_current(lab))
            self.window.addAction(action)
            self.rating_menu.addAction(action)
            self.rate.append(action)

    def all(self) -> list[QAction]:
        """Every action with a shortcut, in menu order."""
        return [a for a in self.window.actions() if not a.shortcut().isEmpty()]
