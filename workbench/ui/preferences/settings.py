"""What the window remembers between runs (QSettings): geometry, splitters, last article, recent files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from workbench.settings import (
    ASK_REVIEWER,
    EXPORT_FOLDER,
    IDLE_LOCK_MINUTES,
    LAST_ARTICLE,
    LAST_DATABASE,
    LAST_FOLDER,
    NEW_DATABASE_SCALE,
    RECENT_FILES,
    REVIEWER,
    SENSITIVITY,
    WINDOW_GEOMETRY,
    WINDOW_SPLITTERS,
    Setting,
)

MAX_RECENT = 10
#: The claim finder's own check-worthiness threshold (one constant, in the domain model, so the
#: window need not import spaCy to start).
DEFAULT_SENSITIVITY: float = SENSITIVITY.default


class DeskSettings:
    """Typed access to QSettings (always with ``type=``: QSettings returns strings otherwise).

    Every key, type and default comes from :mod:`workbench.settings`.
    """

    def __init__(self, settings: QSettings) -> None:
        self.qsettings = settings

    def _get(self, setting: Setting[Any], key: str = "") -> Any:
        value = self.qsettings.value(key or setting.key, setting.fresh_default(), type=setting.kind)
        # A value edited by hand (a sensitivity of 7) counts as the default.
        return setting.accept(value)

    def _set(self, setting: Setting[Any], value: object) -> None:
        self.qsettings.setValue(setting.key, value)

    @property
    def reviewer(self) -> str:
        """The reviewer who worked last."""
        return str(self._get(REVIEWER))

    @reviewer.setter
    def reviewer(self, name: str) -> None:
        self._set(REVIEWER, name)

    @property
    def ask_reviewer(self) -> str:
        """When to ask who is reviewing as the window opens: "shared", "always" or "never"."""
        return str(self._get(ASK_REVIEWER))

    @ask_reviewer.setter
    def ask_reviewer(self, when: str) -> None:
        self._set(ASK_REVIEWER, ASK_REVIEWER.tidy(when))

    @property
    def last_article(self) -> str:
        """The article open when the window closed."""
        return str(self._get(LAST_ARTICLE))

    @last_article.setter
    def last_article(self, article_id: str) -> None:
        self._set(LAST_ARTICLE, article_id)

    @property
    def last_database(self) -> str:
        """The database chosen last in File ▸ New database… or Open database… ("" for none)."""
        return str(self._get(LAST_DATABASE))

    @last_database.setter
    def last_database(self, path: str) -> None:
        self._set(LAST_DATABASE, path)

    @property
    def last_folder(self) -> str:
        """Where the last imported file came from."""
        return str(self._get(LAST_FOLDER))

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self._set(LAST_FOLDER, folder)

    @property
    def export_folder(self) -> str:
        """Where the last report was exported (at first, the home folder)."""
        return str(self._get(EXPORT_FOLDER) or Path.home())

    @export_folder.setter
    def export_folder(self, folder: str) -> None:
        self._set(EXPORT_FOLDER, folder)

    @property
    def sensitivity(self) -> float:
        """Found claims scoring below this are hidden."""
        return float(self._get(SENSITIVITY))

    @sensitivity.setter
    def sensitivity(self, value: float) -> None:
        self._set(SENSITIVITY, float(value))

    @property
    def new_database_scale(self) -> str:
        """The rating scale a new database is created with."""
        return str(self._get(NEW_DATABASE_SCALE))

    @new_database_scale.setter
    def new_database_scale(self, name: str) -> None:
        self._set(NEW_DATABASE_SCALE, name)

    @property
    def idle_lock_minutes(self) -> int:
        """Minutes without input after which an encrypted database locks (0: never)."""
        return int(self._get(IDLE_LOCK_MINUTES))

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, minutes: int) -> None:
        self._set(IDLE_LOCK_MINUTES, int(minutes))

    @property
    def recent_files(self) -> list[str]:
        """Recently imported files, newest first."""
        return [str(p) for p in self._get(RECENT_FILES) or []]

    def add_recent(self, path: str) -> None:
        """Put a file first in the recent files."""
        path = str(Path(path).resolve())
        files = [path, *(p for p in self.recent_files if p != path)][:MAX_RECENT]
        self._set(RECENT_FILES, files)

    def restore_geometry(self, window: QMainWindow) -> None:
        """Put the window back where it was."""
        geometry = self.qsettings.value(WINDOW_GEOMETRY.key, type=QByteArray)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            window.restoreGeometry(geometry)

    def restore_splitters(self, *splitters: QSplitter, shares: list[list[int]]) -> None:
        """Give the panes the sizes they had, or first-run ``shares`` of the space."""
        for number, splitter in enumerate(splitters):
            stored = self._get(WINDOW_SPLITTERS, f"{WINDOW_SPLITTERS.key}{number}")
            sizes = [int(s) for s in stored or []]
            if not sizes:
                total = sum(splitter.sizes()) or 1000
                sizes = [total * share // sum(shares[number]) for share in shares[number]]
            splitter.setSizes(sizes)

    def save_window(self, window: QMainWindow, *splitters: QSplitter) -> None:
        """Remember the window's geometry and splitter sizes."""
        self._set(WINDOW_GEOMETRY, window.saveGeometry())
        for number, splitter in enumerate(splitters):
            self.qsettings.setValue(f"{WINDOW_SPLITTERS.key}{number}", splitter.sizes())
        self.qsettings.sync()
