"""File ▸ Encrypt this database…, Change passphrase… and Decrypt this database…

Each closes the database, converts it on a worker thread (a new file, checked, then swapped in:
on failure the file is as it was), and opens it again on the same article and claim. After
encrypting, the unencrypted original and backups are removed only when the reviewer agrees,
told plainly that a disk may keep their old blocks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from workbench.services.database import open_database
from workbench.services.desk import Desk
from workbench.store.errors import StoreError, WrongPassphraseError
from workbench.ui.common.progress import StepProgress
from workbench.ui.common.worker import Job, JobRunner
from workbench.ui.security.passphrase_dialogs import NewPassphraseDialog, UnlockDialog

if TYPE_CHECKING:
    from workbench.services.encryption import ConversionResult
    from workbench.ui.security.security_controller import SecurityController
    from workbench.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)

#: How many of the files left behind a question names (the rest are counted).
NAMED = 4


def ask_remove_plaintext(parent: QWidget | None, message: str) -> bool:
    """Remove the unencrypted copies? True for “Remove them”."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Remove unencrypted copies", message, parent=parent)
    remove = box.addButton("&Remove them", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("&Keep them", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    chosen = box.clickedButton() is remove
    box.deleteLater()
    return chosen


def _names(paths: list[Path]) -> str:
    shown = [f"• {p.name}" for p in paths[:NAMED]]
    if len(paths) > NAMED:
        shown.append(f"• and {len(paths) - NAMED} more")
    return "\n".join(shown)


class ConversionController(QObject):
    """Runs one conversion at a time, with its progress shown over the window."""

    #: A step of the conversion (what, done, total), relayed from the worker.
    stepped = Signal(str, int, int)
    #: A conversion ended (successfully or not) and the database is open again.
    finished = Signal()

    def __init__(self, window: MainWindow, security: SecurityController) -> None:
        super().__init__(window)
        self.window = window
        self.security = security
        self.runner = JobRunner(self)
        self.progress: StepProgress | None = None
        self.stepped.connect(self._show_step)

    def shut_down(self) -> None:
        """The window is closing: wait for a conversion under way to end (it is short)."""
        self.runner.shut_down()

    # -- the three actions -----------------------------------------------------------------------
    def encrypt(self) -> None:
        """Encrypt the open (plain) database with a passphrase chosen twice."""
        w = self.window
        path = w.desk.path
        if path is None or w.desk.encrypted or not self.security.can_switch("Encrypt"):
            return
        choice = NewPassphraseDialog.ask(w, path.name, "encrypt")
        if choice is None or choice.passphrase is None:
            return
        from workbench.services.encryption import encrypt_file

        passphrase = choice.passphrase
        self._convert(
            "Encrypting",
            lambda step: encrypt_file(path, passphrase, step),
            after=passphrase,
            before=None,
            done=self._after_encrypting,
        )

    def change_passphrase(self) -> None:
        """Give the open (encrypted) database a new passphrase."""
        w = self.window
        path = w.desk.path
        if (
            path is None
            or not w.desk.encrypted
            or not self.security.can_switch("Change passphrase")
        ):
            return
        choice = NewPassphraseDialog.ask(
            w, path.name, "change", check_current=w.desk.passphrase_matches
        )
        if choice is None or choice.passphrase is None or choice.current is None:
            return
        from workbench.services.encryption import rekey

        old, new = choice.current, choice.passphrase
        self._convert(
            "Changing the passphrase of",
            lambda step: rekey(path, old, new, step),
            after=new,
            before=old,
            done=self._after_rekey,
        )

    def decrypt(self) -> None:
        """Store the open database unencrypted again, once the passphrase confirms it."""
        w = self.window
        path, desk = w.desk.path, w.desk
        if path is None or not desk.encrypted or not self.security.can_switch("Decrypt"):
            return

        def confirm(passphrase: str) -> str:
            if not desk.passphrase_matches(passphrase):
                raise WrongPassphraseError(
                    f"That is not the passphrase of “{path.name}”. Nothing was changed.", path
                )
            return passphrase

        passphrase = UnlockDialog.ask(
            w,
            path,
            confirm,
            title="Decrypt this database",
            message=(
                "Decrypted, it and the backups made from now on are stored unprotected: anyone "
                "who gets hold of this computer, or a copy of its disk, can read them. Enter "
                "the passphrase to confirm."
            ),
            button="&Decrypt",
            cancel="Cancel",
        )
        if passphrase is None:
            return
        from workbench.services.encryption import decrypt_file

        self._convert(
            "Decrypting",
            lambda step: decrypt_file(path, passphrase, step),
            after=None,
            before=passphrase,
            done=self._after_decrypting,
        )

    # -- running one ----------------------------------------------------------------------------
    def _convert(
        self,
        verb: str,
        work: Callable[[Callable[[str, int, int], None]], ConversionResult],
        *,
        after: str | None,
        before: str | None,
        done: Callable[[ConversionResult], None],
    ) -> None:
        """Close the file, run ``work`` on the worker, open the file again with ``after``
        (or, when it failed, with ``before``: the file is as it was)."""
        w = self.window
        path = w.desk.path
        assert path is not None
        w.flush_editor()
        claim_id = w.claims_pane.current_claim_id()
        reviewer = w.desk.reviewer.name if w.desk.reviewer else None
        self.security.lock.watcher.stop()
        w.backup.runner.shut_down()
        w.desk.close()
        self._show_progress(f"{verb} “{path.name}”…")

        def reopen(passphrase: str | None) -> bool:
            self._hide_progress()
            try:
                desk = Desk(open_database(path, passphrase=passphrase))
            except StoreError as exc:
                w.report_error(exc, "Open the database again")
                return False
            self.security.show_desk(desk, reviewer, claim_id)
            return True

        def finished(result: ConversionResult) -> None:
            if reopen(after):
                done(result)
            self.finished.emit()

        def failed(message: str) -> None:
            reopen(before)
            w.show_message(f"{verb} did not work", message)
            self.finished.emit()

        self.runner.start(
            Job(
                f"{verb} “{path.name}”…",
                lambda _progress, _cancelled: work(self.stepped.emit),
                on_finished=finished,
                on_failed=failed,
                on_cancelled=lambda: failed("It was stopped; nothing was changed."),
            )
        )

    def _show_progress(self, text: str) -> None:
        # The steps (copy, check, swap) cannot be interrupted half-way: no Cancel button.
        self.progress = StepProgress(self.window, "Factcheck Workbench", text, 3)

    def _show_step(self, what: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.step(what, done, total)

    def _hide_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress = None

    # -- after each ------------------------------------------------------------------------------
    def _after_encrypting(self, result: ConversionResult) -> None:
        w = self.window
        name = result.path.name
        left = list(result.plaintext)
        if not left:
            w.show_status(f"“{name}” is encrypted.", 10000)
            return
        copies = "copy" if len(left) == 1 else "copies"
        message = (
            f"“{name}” is encrypted now. {len(left)} unencrypted {copies} of it are still on "
            f"the disk (the original and its earlier backups):\n{_names(left)}\n\n"
            f"Remove them now? {result.warning}"
        )
        if not ask_remove_plaintext(w, message):
            w.show_status(
                f"“{name}” is encrypted. The unencrypted {copies} were kept beside it.", 15000
            )
            return
        from workbench.services.encryption import remove_plaintext

        try:
            removed = remove_plaintext(left)
        except StoreError as exc:
            w.report_error(exc, "Remove unencrypted copies")
            return
        w.show_status(f"“{name}” is encrypted; {len(removed)} unencrypted {copies} removed.", 15000)

    def _after_rekey(self, result: ConversionResult) -> None:
        self._old_backups(result, "The passphrase was changed.")

    def _after_decrypting(self, result: ConversionResult) -> None:
        self._old_backups(result, f"“{result.path.name}” is no longer encrypted.")

    def _old_backups(self, result: ConversionResult, said: str) -> None:
        w = self.window
        old = result.old_key_backups
        if not old:
            w.show_status(said, 10000)
            return
        them = "it" if len(old) == 1 else "them"
        w.show_message(
            "Older backups",
            f"{said} {len(old)} older backup{'s' if len(old) != 1 else ''} still open only with "
            f"the previous passphrase:\n{_names(old)}\n\nKeep that passphrase as long as you "
            f"may need {them}.",
        )
