"""The window's actions and menus; every shortcut lives here so Help ▸ Keyboard shortcuts can list them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from workbench.ui.claims import triage_keys as triage
from workbench.ui.window import hooks

if TYPE_CHECKING:
    from workbench.ui.window.main_window import MainWindow

Key = str | QKeySequence | QKeySequence.StandardKey


def _standard_or(standard: QKeySequence.StandardKey, fallback: str) -> Key:
    """The platform's key for ``standard``, or ``fallback`` where the platform has none (Quit
    and Preferences have none on Windows and on some Linux desktops)."""
    return standard if QKeySequence.keyBindings(standard) else fallback


class Actions:
    """Named actions of the main window, each wired to the controller that does it."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        #: Actions and the names of their standard icons, set by :meth:`add_icons`.
        self._icons: list[tuple[QAction, str]] = []

        def act(
            text: str, slot: Callable[..., object], key: Key | None = None, icon: str | None = None
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
        review, library = w.review, w.library
        self.import_file = act(
            "&Import article…",
            library.import_dialog,
            QKeySequence.StandardKey.Open,
            "SP_DialogOpenButton",
        )
        self.paste = act(
            "&Paste article…", library.paste_article, "Ctrl+Shift+V", "SP_FileDialogNewFolder"
        )
        self.open_article = act(
            "&Library: articles and fact-checks…",
            library.open_article_dialog,
            "Ctrl+L",
            "SP_DirOpenIcon",
        )
        self.import_factchecks = act("Import fact-&checks…", w.factchecks.import_dialog)
        self.export = act(
            "&Export report…", w.export.export_report, "Ctrl+E", "SP_DialogSaveButton"
        )
        self.backup = act("&Back up now", w.backup.back_up_now)
        self.restore_backup = act("&Restore from backup…", w.backup.restore_from_backup)
        self.merge_work = act("&Merge a colleague's work…", lambda: _merge_work(w))
        self.preferences = act(
            "Pre&ferences…",
            w.preferences.edit,
            _standard_or(QKeySequence.StandardKey.Preferences, "Ctrl+,"),
        )
        self.quit = act("&Quit", w.close, _standard_or(QKeySequence.StandardKey.Quit, "Ctrl+Q"))

        # Own actions rather than the stack's: typed text is saved before undo runs.
        self.undo = act("&Undo", review.undo, QKeySequence.StandardKey.Undo, "SP_ArrowBack")
        self.redo = act("&Redo", review.redo, "Ctrl+Shift+Z", "SP_ArrowForward")
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        stack = w.undo_stack
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        stack.undoTextChanged.connect(lambda t: self.undo.setText(f"&Undo {t}".strip()))
        stack.redoTextChanged.connect(lambda t: self.redo.setText(f"&Redo {t}".strip()))
        pane = w.claims_pane
        self.find = act("&Filter claims", pane.focus_filter, QKeySequence.StandardKey.Find)

        self.next_claim = act("&Next claim", lambda: pane.step(1), "J", "SP_ArrowDown")
        self.previous_claim = act("&Previous claim", lambda: pane.step(-1), "K", "SP_ArrowUp")
        self.next_unreviewed = act("Ne&xt claim not reviewed by me", review.next_unreviewed, "N")
        self.save_next = act(
            "&Save and go to next unreviewed",
            review.save_and_next,
            "Ctrl+Return",
            "SP_DialogApplyButton",
        )
        self.dismiss = act(
            "&Dismiss or restore claim", review.toggle_dismissed, "D", "SP_DialogDiscardButton"
        )
        self.delete = act("De&lete claim", review.delete_claim, "Shift+Del", "SP_TrashIcon")
        self.add_claim = act("&Add claim from selection", review.add_claim_from_selection, "Ctrl+M")
        self.set_span = act(
            "Set cla&im span to selection", review.set_span_from_selection, "Ctrl+Shift+M"
        )
        self.edit_record = act("&Edit claim record…", w.claim_record.edit_record, "F2")
        self.score_order = act("Order &by score", pane.set_score_order, "S")
        self.score_order.setCheckable(True)
        box = pane.unreviewed_box
        self.only_unreviewed = act(
            "Show only claims not reviewed by &me", lambda on=False: box.setChecked(on), "U"
        )
        self.only_unreviewed.setCheckable(True)
        # The menu's tick follows the box when it is clicked.
        box.toggled.connect(self.only_unreviewed.setChecked)
        self.find_claims = act(
            "&Find claims in this article", review.find_claims_again, None, "SP_BrowserReload"
        )
        # From the claims list straight to the verdict editor's fields, and back.
        self.go_rationale = act("Go to the ra&tionale", review.go_to_rationale, "R")
        self.go_confidence = act("Go to the c&onfidence", review.go_to_confidence, "C")
        self.add_source = act("Add a so&urce…", review.add_source, "A")
        self.back_to_claims = act("Back to the &claims list", review.back_to_claims, "Escape")
        self.rate: list[QAction] = []

        self.switch_reviewer = act("&Switch reviewer…", w.reviewers.switch, "Ctrl+Shift+R")
        self.shortcuts = act(
            "&Keyboard shortcuts", self.show_shortcuts, QKeySequence.StandardKey.HelpContents
        )
        self.about = act("&About Factcheck Workbench", self.show_about)

        bar = w.menuBar()
        file_menu = bar.addMenu("&File")
        # Which database, and its protection: the security controller's actions.
        file_menu.addActions([w.security.new_database, w.security.open_database])
        file_menu.addSeparator()
        file_menu.addActions(
            [self.import_file, self.paste, self.open_article, self.import_factchecks]
        )
        self.recent_menu = file_menu.addMenu("Rece&nt files")
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.export, self.backup, self.restore_backup])
        file_menu.addAction(self.merge_work)
        file_menu.addSeparator()
        file_menu.addActions(w.security.protection_actions)
        file_menu.addSeparator()
        file_menu.addActions([self.preferences, self.quit])

        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find)

        #: The open article's record: its details, summary and history.
        self.article_menu = bar.addMenu("&Article")
        self.article_details = act(
            "&Details…", w.article_record.edit_details, "Ctrl+I", "SP_FileDialogDetailedView"
        )
        self.article_summary = act("&Summary…", w.article_record.edit_summary, "Ctrl+Shift+I")
        self.article_menu.addActions([self.article_details, self.article_summary])
        self.article_history = act("&History…", w.history.show_article_history, "Ctrl+Shift+H")
        self.article_menu.addAction(self.article_history)
        # How far the reviewers agree, on this article and on every article in the file.
        self.agreement = act("&Agreement between reviewers…", lambda: _show_agreement(w))
        self.article_menu.addAction(self.agreement)

        self.review_menu = bar.addMenu("&Review")
        self.review_menu.addActions(
            [self.next_claim, self.previous_claim, self.next_unreviewed, self.save_next]
        )
        self.rating_menu = self.review_menu.addMenu("&Rate")
        self.review_menu.addSeparator()
        self.review_menu.addActions([self.dismiss, self.delete, self.add_claim, self.set_span])
        self.review_menu.addAction(self.edit_record)
        self.review_menu.addSeparator()
        self.review_menu.addActions([self.score_order, self.only_unreviewed, self.find_claims])
        self.review_menu.addSeparator()
        self.review_menu.addActions(
            [self.go_rationale, self.go_confidence, self.add_source, self.back_to_claims]
        )
        # Single-letter keys act only from the claims table or the article, never from a field.
        self.triage_widgets = (pane.table, w.article_pane.text)
        triage.keep_to(
            self.triage_widgets,
            [
                self.next_claim,
                self.previous_claim,
                self.next_unreviewed,
                self.dismiss,
                self.score_order,
                self.only_unreviewed,
                self.go_rationale,
                self.go_confidence,
                self.add_source,
            ],
        )

        # "Checked before": Alt+1…Alt+5 add the earlier fact-check shown in that place.
        self.add_match: list[QAction] = []
        matches_menu = self.review_menu.addMenu("Add an earlier fact-chec&k as a source")
        for number in range(1, 6):
            action = act(
                f"Earlier fact-check {number}",
                lambda _=False, n=number - 1: w.editor.checked_before.add_match(n),
                f"Alt+{number}",
            )
            matches_menu.addAction(action)
            self.add_match.append(action)

        # Who changed the selected claim, its verdicts and sources, and when.
        self.claim_history = act("Claim &history…", w.history.show_claim_history, "H")
        self.review_menu.addSeparator()
        self.review_menu.addAction(self.claim_history)
        triage.keep_to(self.triage_widgets, [self.claim_history])

        # Settling disagreement: the editor's final verdict, and dismissing with a reason.
        self.final_verdict = act("Final &verdict…", lambda: _final_verdict(w), "Ctrl+Shift+F")
        self.dismiss_reason = act(
            "Dismiss &with a reason…", lambda: _dismiss_with_reason(w), "Shift+D"
        )
        self.review_menu.addSeparator()
        self.review_menu.addActions([self.final_verdict, self.dismiss_reason])
        triage.keep_to(self.triage_widgets, [self.dismiss_reason])

        self.reviewer_menu = bar.addMenu("Re&viewer")
        self.reviewer_menu.aboutToShow.connect(self.fill_reviewer_menu)
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
            action.triggered.connect(
                lambda _=False, lab=label: self.window.review.rate_current(lab)
            )
            self.window.addAction(action)
            self.rating_menu.addAction(action)
            self.rate.append(action)
        triage.keep_to(self.triage_widgets, self.rate)

    def all(self) -> list[QAction]:
        """Every action with a shortcut, in menu order."""
        return [a for a in self.window.actions() if not a.shortcut().isEmpty()]

    def enable(self, *, article: bool, claim: bool, selection: bool, writable: bool) -> None:
        """Enable what can be done with the article, claim and text selected."""
        for action in (self.dismiss, self.delete, *self.rate, self.go_confidence, self.add_source):
            action.setEnabled(claim and writable)
        self.go_rationale.setEnabled(claim)
        self.add_claim.setEnabled(article and selection and writable)
        self.set_span.setEnabled(claim and selection and writable)
        self.edit_record.setEnabled(claim and writable)
        self.find_claims.setEnabled(article and writable)
        self.claim_history.setEnabled(claim)
        for action in (self.final_verdict, self.dismiss_reason):
            action.setEnabled(claim and writable)
        self.article_history.setEnabled(article)
        for action in (self.article_details, self.article_summary):
            action.setEnabled(article and writable)
        for action in (self.import_file, self.paste, self.save_next, self.import_factchecks):
            action.setEnabled(writable)

    def fill_recent_menu(self) -> None:
        """List the recent files."""
        menu = self.recent_menu
        menu.clear()
        recent = self.window.settings.recent_files
        for path in recent:
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.window.imports.import_files([p]))
        if not recent:
            menu.addAction("No recent files").setEnabled(False)

    def fill_reviewer_menu(self) -> None:
        """List the reviewers in the Reviewer menu."""
        menu, desk = self.reviewer_menu, self.window.desk
        menu.clear()
        menu.addAction(self.switch_reviewer)
        menu.addSeparator()
        for reviewer in desk.reviewers():
            action = menu.addAction(reviewer.name)
            action.setCheckable(True)
            action.setChecked(reviewer.id == desk.reviewer_id)
            action.triggered.connect(lambda _=False, n=reviewer.name: self.window.reviewers.use(n))

    def show_shortcuts(self) -> None:
        """Help ▸ Keyboard shortcuts."""
        hooks.show_shortcuts(self.window, self.all())

    def show_about(self) -> None:
        """Help ▸ About."""
        from PySide6.QtWidgets import QMessageBox

        from workbench import __version__

        QMessageBox.about(
            self.window,
            "About Factcheck Workbench",
            f"Factcheck Workbench {__version__}\nCheck the claims in a news article, offline.",
        )


def _final_verdict(window: MainWindow) -> None:
    """Review ▸ Final verdict… (the dialog is loaded when first asked for)."""
    from workbench.ui.verdict.final_verdict_controller import FinalVerdictController

    FinalVerdictController(window).edit()


def _dismiss_with_reason(window: MainWindow) -> None:
    """Review ▸ Dismiss with a reason…."""
    from workbench.ui.claims.dismiss_dialog import dismiss_with_reason

    dismiss_with_reason(window)


def _show_agreement(window: MainWindow) -> None:
    """Article ▸ Agreement between reviewers (the dialog is loaded when first asked for)."""
    from workbench.ui.history.agreement_dialog import show_agreement

    show_agreement(window)


def _merge_work(window: MainWindow) -> None:
    """File ▸ Merge a colleague's work… (the controller is loaded when first asked for)."""
    from workbench.ui.library.merge_controller import MergeController

    MergeController.of(window).merge()
