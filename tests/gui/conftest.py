"""Build the real review desk offscreen, on a real database file, with settings in an INI file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from workbench.model import ClaimKind
from workbench.services.library import import_pasted
from workbench.store import open_store
from workbench.ui.common.errors import MessageBoxes
from workbench.ui.window.main_window import MainWindow

EMOJI_ARTICLE = (
    "Fans 🎉🎉 cheered as the mayor 👍 spoke.\n\n"
    "The council spent £2m on roads in 2023, the mayor said.\n\n"
    "Crime fell by 12 percent 📉 last year."
)
EMOJI_CLAIMS = (
    ("The council spent £2m on roads in 2023", ClaimKind.QUANTITY, 0.9, "the mayor"),
    ("Crime fell by 12 percent 📉 last year", ClaimKind.QUANTITY, 0.8, None),
    ("the mayor 👍 spoke", ClaimKind.OTHER, 0.2, None),
)


@pytest.fixture(autouse=True)
def _quiet_messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """Messages are recorded, never shown modally (a modal box would block the test)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(MessageBoxes, "quiet", True)
    monkeypatch.setattr(MessageBoxes, "shown", shown)
    yield shown


@pytest.fixture
def messages(_quiet_messages: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (title, message) pairs the window showed."""
    return _quiet_messages


@pytest.fixture
def db_path(tmp_path: Path, claim_at: Callable) -> Path:
    """A database file with one article (emoji before its claims) and claims added by hand."""
    path = tmp_path / "desk.sqlite3"
    with open_store(path) as store:
        store.set_setting("seeded", True)
        article = import_pasted(
            store, EMOJI_ARTICLE, title="Council roads", outlet="Gazette", run_extraction=False
        ).article
        claims = [
            claim_at(
                article.id,
                EMOJI_ARTICLE,
                quote,
                kind=kind,
                score=score,
                speaker=speaker,
                reasons=["a number"],
            )
            for quote, kind, score, speaker in EMOJI_CLAIMS
        ]
        store.add_claims(article.id, claims)
    return path


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    """Where the window's QSettings live for this test."""
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot, db_path: Path, settings_path: Path) -> Iterator[Callable[..., MainWindow]]:
    """Build (and later close) windows on the test database, as reviewer Ana Lima by default."""
    from workbench.app import build_window, make_application

    make_application()
    windows: list[MainWindow] = []

    def make(
        reviewer: str | None = "Ana Lima", path: Path | None = None, extractor=None
    ) -> MainWindow:
        settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
        if not settings.contains("sensitivity"):
            # The hand-made claims include a low scorer that the tests want to see.
            settings.setValue("sensitivity", 0.0)
        window = build_window(path or db_path, settings, reviewer=reviewer, extractor=extractor)
        qtbot.addWidget(window)
        window.show()
        # Window shortcuts (number keys, D, Ctrl+Z…) only fire in the active window.
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        close(window)


def close(window: MainWindow) -> None:
    """Close a window as the reviewer would, releasing its database."""
    if window.isVisible():
        window.close()
    window.imports.shut_down()
    window.desk.store.close()


@pytest.fixture(scope="session")
def extractor():
    """One claim finder for the session: the spaCy pipeline loads once."""
    pytest.importorskip("workbench.claims")
    from workbench.services.desk import Extractor

    return Extractor()
