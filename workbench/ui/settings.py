"""What the window remembers between runs (QSettings): geometry, splitters, last article, recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from workbench.model import CLAIM_THRESHOLD

MAX_RECENT = 10
#: The claim finder's own check-worthiness threshold (one constant, in the domain model, so the
#: window need not import spaCy to start).
DEFAULT_SENSITIVITY = CLAIM_THRESHOLD


class DeskSettings:
    """Typed access to QSettings (always with ``type=``: QSettings returns strings otherwise)."""

    def __init__(self, settings: QSettings) -> None:
        self.qsettings = settings

    def _get(self, key: str, default: object, kind: type) -> object:
        return self.qsettings.value(key, default, type=kind)

    @property
    def reviewer(self) -> str:
        """The reviewer who worked last."""
        return str(self._get("reviewer", "", str))

    @reviewer.setter
    def reviewer(self, name: str) -> None:
        self.qsettings.setValue("reviewer", name)

    @property
    def last_article(self) -> str:
        """The article open when the window closed."""
        return str(self._get("last_article", "", str))

    @last_article.setter
    def last_article(self, article_id: str) -> None:
        self.qsettings.setValue("last_article", article_id)

    @property
    def last_folder(self) -> str:
        """Where the last imported file came from."""
        return str(self._get("last_folder", "", str))

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self.qsettings.setValue("last_folder", folder)

    @property
    def export_folder(self) -> str:
        """Where the last report was exported."""
        return str(self._get("export_folder", str(Path.home()), str))

    @export_folder.setter
    def export_folder(self, folder: str) -> None:
        self.qsettings.setValue("export_folder", folder)

    @property
    def sensitivity(self) -> float:
        """Found claims scoring below this are hidden."""
        return float(self._get("sensitivity", DEFAULT_SENSITIVITY, float))  # type: ignore[arg-type]

    @sensitivity.setter
    def sensitivity(self, value: float) -> None:
        self.qsettings.setValue("sensitivity", float(value))

    @property
    def new_database_scale(self) -> str:
        """The rating scale a new database is created with."""
        return str(self._get("new_database_scale", "standard", str))

    @new_database_scale.setter
    def new_database_scale(self, name: str) -> None:
        self.qsettings.setValue("new_database_scale", name)

    @property
    def recent_files(self) -> list[str]:
        """Recently imported files, newest first."""
        return [str(p) for p in self._get("recent_files", [], list) or []]  # type: ignore[union-attr]

    def add_recent(self, path: str) -> None:
        """Put a file first in the recent files."""
        path = str(Path(path).resolve())
        files = [path, *(p for p in self.recent_files if p != path)][:MAX_RECENT]
        self.qsettings.setValue("recent_files", files)

    def restore_geometry(self, window: QMainWindow) -> None:
        """Put the window back where it was."""
        geometry = self.qsettings.value("window/geometry", type=QByteArray)
        if geometry is not None and not geometry.isEmpty():
            window.restoreGeometry(geometry)

    def restore_splitters(self, *splitters: QSplitter, shares: list[list[int]]) -> None:
        """Give the panes the sizes they had, or first-run ``shares`` of the space."""
        for number, splitter in enumerate(splitters):
            sizes = [int(s) for s in self._get(f"window/splitter{number}", [], list) or []]  # type: ignore[union-attr]
            if not sizes:
                total = sum(splitter.sizes()) or 1000
                sizes = [total * share // sum(shares[number]) for share in shares[number]]
            splitter.setSizes(sizes)

    def save_window(self, window: QMainWindow, *splitters: QSplitter) -> None:
        """Remember the window's geometry and splitter sizes."""
        self.qsettings.setValue("window/geometry", window.saveGeometry())
        for number, splitter in enumerate(splitters):
            self.qsettings.setValue(f"window/splitter{number}", splitter.sizes())
        self.qsettings.sync()
