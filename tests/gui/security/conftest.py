"""Encrypted databases for the window's tests, and windows built on them without any prompt."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tests.gui.conftest import close
from workbench.services.encryption import encrypt_file, remove_plaintext
from workbench.ui.window.main_window import MainWindow

#: The passphrase of the test databases (never seen in any log or output).
PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def encrypted_db(db_path: Path) -> Path:
    """The shared test database (an article with three claims), encrypted, no plaintext left."""
    result = encrypt_file(db_path, PASSPHRASE)
    remove_plaintext(result.plaintext)
    return db_path


@pytest.fixture
def open_window(qtbot, settings_path: Path) -> Iterator[Callable[..., MainWindow]]:
    """Build (and later close) a window on a database, unlocked with ``passphrase`` if given."""
    from workbench.app import build_window, make_application

    make_application()
    windows: list[MainWindow] = []

    def make(path: Path, passphrase: str | None = None) -> MainWindow:
        settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
        settings.setValue("sensitivity", 0.0)
        window = build_window(
            path, settings, reviewer="Ana Lima", passphrase=passphrase, backup_on_open=False
        )
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
        window.restore_last_article()
        windows.append(window)
        return window

    yield make
    for window in windows:
        close(window)
