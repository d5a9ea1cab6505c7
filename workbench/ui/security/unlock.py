"""Open a database for the window, asking for its passphrase first when it is encrypted."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from workbench.services.database import open_database
from workbench.services.desk import Desk
from workbench.store.errors import PassphraseNeededError, WrongPassphraseError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class UnlockCancelled(Exception):
    """The reviewer chose not to unlock the database: nothing was opened or changed."""


def open_desk(
    path: Path,
    parent: QWidget | None = None,
    *,
    passphrase: str | None = None,
    cancel: str = "&Quit",
    ask: bool = True,
) -> Desk:
    """The desk on ``path``; an encrypted file is unlocked in a dialog before any data is read.

    A wrong passphrase given here (from a file, say) is asked again in the dialog; giving up
    raises :class:`UnlockCancelled`. Other errors (a damaged file…) are raised as they are, and
    so are a missing or wrong passphrase when ``ask`` is False.
    """
    message = ""
    try:
        return Desk(open_database(path, passphrase=passphrase))
    except PassphraseNeededError:
        if not ask:
            raise
    except WrongPassphraseError:
        if not ask:
            raise
        message = "The passphrase given does not open it. Enter the right one to open it."
    from workbench.ui.security.passphrase_dialogs import UnlockDialog

    store = UnlockDialog.ask(
        parent,
        path,
        lambda typed: open_database(path, passphrase=typed),
        message=message,
        cancel=cancel,
    )
    if store is None:
        raise UnlockCancelled(f"“{path.name}” was not unlocked.")
    return Desk(store)
