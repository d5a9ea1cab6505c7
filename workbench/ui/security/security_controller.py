"""File ▸ New database…, Open database…, Encrypt / Change passphrase / Decrypt, and Lock now."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QWidget

from workbench.services.database import open_database
from workbench.services.desk import Desk
from workbench.settings import SEEDED
from workbench.store.errors import StoreError
from workbench.ui.security.lock import LockController
from workbench.ui.security.unlock import UnlockCancelled, open_desk

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.ui.security.conversion import ConversionController
    from workbench.ui.window.main_window import MainWindow

DATABASE_FILTER = "Workbench databases (*.sqlite3 *.db);;All files (*)"
SUFFIX = ".sqlite3"


def ask_new_path(parent: QWidget | None, folder: str) -> str:
    """Where to create a new database ("" when cancelled); an existing file is refused later."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        "New database",
        folder,
        DATABASE_FILTER,
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return path


def ask_open_path(parent: QWidget | None, folder: str) -> str:
    """A database file to open ("" when cancelled)."""
    path, _ = QFileDialog.getOpenFileName(parent, "Open database", folder, DATABASE_FILTER)
    return path


def remembered_database(last: str) -> Path | None:
    """The database chosen last, when it still exists (else the default one opens)."""
    return Path(last) if last and Path(last).is_file() else None


class SecurityController(QObject):
    """Which database the window works on, whether it is encrypted, and locking it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.lock = LockController(window)
        self._conversion: ConversionController | None = None

        def act(text: str, slot: Callable[[], object], key: str | QKeySequence | None = None):
            action = QAction(text, window)
            if key is not None:
                action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _=False: slot())
            window.addAction(action)
            return action

        self.new_database = act(
            "Ne&w database…", self.create_database, QKeySequence(QKeySequence.StandardKey.New)
        )
        self.open_database = act("&Open database…", self.choose_database, "Ctrl+Shift+O")
        self.encrypt = act("Encr&ypt this database…", lambda: self.conversion.encrypt())
        self.change_passphrase = act(
            "C&hange passphrase…", lambda: self.conversion.change_passphrase()
        )
        self.decrypt = act("&Decrypt this database…", lambda: self.conversion.decrypt())
        self.lock_now = act("Loc&k now", self.lock_window, "Ctrl+Shift+L")
        #: What File ▸ lists about the open database's protection, in order.
        self.protection_actions = [
            self.encrypt,
            self.change_passphrase,
            self.decrypt,
            self.lock_now,
        ]
        window.article_opened.connect(lambda _article_id: self.refresh())
        self.lock.unlocked.connect(self.refresh)
        self.refresh()

    @property
    def conversion(self) -> ConversionController:
        """Encrypting, decrypting, changing the passphrase: made when first asked for."""
        if self._conversion is None:
            from workbench.ui.security.conversion import ConversionController

            self._conversion = ConversionController(self.window, self)
        return self._conversion

    def refresh(self) -> None:
        """Offer what suits the open database (plain or encrypted), and watch for idleness."""
        desk = self.window.desk
        encrypted = desk.encrypted
        on_file = desk.path is not None and not desk.read_only
        self.encrypt.setEnabled(on_file and not encrypted)
        self.change_passphrase.setEnabled(on_file and encrypted)
        self.decrypt.setEnabled(on_file and encrypted)
        self.lock_now.setEnabled(encrypted)
        self.lock.watch()

    def shut_down(self) -> None:
        """The window is closing."""
        self.lock.shut_down()
        if self._conversion is not None:
            self._conversion.shut_down()

    def lock_window(self) -> None:
        """File ▸ Lock now."""
        self.lock.lock("It was locked from the File menu.")

    def can_switch(self, action: str) -> bool:
        """True when the database may be closed now; otherwise say why."""
        if self.window.finding_claims():
            self.window.show_message(
                action, "Wait for claim finding to end, or cancel it, then try again."
            )
            return False
        return True

    def _folder(self) -> str:
        path = self.window.desk.path
        return str(path.parent) if path is not None else str(Path.home())

    def create_database(self) -> None:
        """File ▸ New database…: a new, empty file, encrypted if the reviewer chooses."""
        w = self.window
        if not self.can_switch("New database"):
            return
        chosen = ask_new_path(w, self._folder())
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_name(path.name + SUFFIX)
        if path.exists():
            w.show_message(
                "New database",
                f"“{path.name}” already exists. Choose another name: an existing file is never "
                "replaced. Nothing was changed.",
            )
            return
        from workbench.ui.security.passphrase_dialogs import NewPassphraseDialog, busy

        choice = NewPassphraseDialog.ask(w, path.name, "new")
        if choice is None:
            return
        passphrase, scale = choice.passphrase, w.settings.new_database_scale
        try:
            desk = Desk(busy(lambda: open_database(path, passphrase=passphrase, scale=scale)))
        except StoreError as exc:
            w.report_error(exc, "New database")
            return
        try:
            # Made by hand, it starts empty: the sample article is for the first start only.
            desk.set_setting(SEEDED.key, True)
        except StoreError as exc:
            desk.close()
            w.report_error(exc, "New database")
            return
        self.switch_to(desk)
        kind = "encrypted database" if desk.encrypted else "database"
        w.show_status(f"Created the {kind} “{path.name}”.", 10000)

    def choose_database(self) -> None:
        """File ▸ Open database…: another file (its passphrase asked when it is encrypted)."""
        w = self.window
        if not self.can_switch("Open database"):
            return
        chosen = ask_open_path(w, self._folder())
        if not chosen:
            return
        path = Path(chosen)
        current = w.desk.path
        if current is not None and path.resolve() == current.resolve():
            w.show_status(f"“{path.name}” is already open.", 5000)
            return
        try:
            desk = open_desk(path, w, cancel="Cancel")
        except UnlockCancelled:
            return
        except StoreError as exc:
            w.report_error(exc, "Open database")
            return
        self.switch_to(desk)
        w.backup.back_up_on_open()

    def switch_to(self, desk: Desk, claim_id: str | None = None) -> None:
        """Close the open database and work on ``desk``, as the same reviewer."""
        w = self.window
        reviewer = w.desk.reviewer.name if w.desk.reviewer else None
        w.flush_editor()
        w.backup.runner.shut_down()  # an automatic backup of the old file stops first
        w.desk.close()
        self.show_desk(desk, reviewer, claim_id)
        if desk.path is not None:
            w.settings.last_database = str(desk.path)

    def show_desk(self, desk: Desk, reviewer: str | None, claim_id: str | None = None) -> None:
        """Show ``desk`` on its last article (and ``claim_id`` when it is there)."""
        w = self.window
        w.use_desk(desk, reviewer)
        if claim_id is not None and claim_id in w.claims:
            w.claims_pane.select_claim(claim_id)
        self.refresh()
