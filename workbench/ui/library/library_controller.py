"""File ▸ Import, Paste and Open earlier article: bringing articles onto the desk."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from workbench.ui.common.views import DeskView
from workbench.ui.window import hooks

if TYPE_CHECKING:
    pass


class LibraryView(DeskView, Protocol):
    """What the library controller asks of the window."""

    def open_article(self, article_id: str) -> bool:
        """Show an article and its claims."""
        ...

    def show_message(self, title: str, message: str) -> None:
        """A warning the reviewer must acknowledge."""
        ...


class Importer(Protocol):
    """What reads articles in, off the GUI thread."""

    def import_files(self, paths: list[str]) -> None:
        """Import each file; an already imported file just opens."""
        ...

    def import_pasted(self, text: str, **metadata: str | None) -> None:
        """Import pasted text with its metadata."""
        ...


class LibraryController:
    """Asks which articles to bring in and hands them to the importer."""

    def __init__(self, view: LibraryView, importer: Importer) -> None:
        self.view = view
        self.importer = importer

    def import_dialog(self) -> None:
        """Ask for article files and import them."""
        settings = self.view.settings
        paths = hooks.ask_article_files(self.view.dialog_parent, settings.last_folder)
        if paths:
            settings.last_folder = str(Path(paths[0]).parent)
            self.importer.import_files(paths)

    def paste_article(self) -> None:
        """Import pasted text."""
        try:
            pasted = hooks.ask_pasted_article(self.view.dialog_parent)
        except ImportError:
            self.view.show_message(
                "Paste article", "Pasting articles is not available in this version."
            )
            return
        if pasted is not None:
            self.importer.import_pasted(
                pasted.text,
                title=pasted.title,
                outlet=pasted.outlet,
                url=pasted.url,
                published=pasted.published,
            )

    def open_article_dialog(self) -> None:
        """Pick an earlier article from the library."""
        from workbench.ui.library.library_dialog import OpenArticleDialog

        article_id = OpenArticleDialog.ask(self.view.dialog_parent, self.view.desk)
        if article_id:
            self.view.open_article(article_id)
