"""Article ▸ Details… and Article ▸ Summary…: edit the open article's record, undoably."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from workbench.ui.article.article_commands import EditArticleCommand
from workbench.ui.common.views import EditingView

if TYPE_CHECKING:
    from workbench.model import Article


class ArticleView(EditingView, Protocol):
    """What the article controller asks of the window."""

    def article_edited(self, article: Article) -> None:
        """Show the article's new details (title and header) without reloading its text."""
        ...


class ArticleController:
    """Asks for new details or a summary and pushes the change on the undo stack."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view

    def _article(self) -> Article | None:
        view = self.view
        if view.article is None:
            view.show_status("Open an article first.", 5000)
            return None
        if view.desk.read_only:
            view.show_status("This database is open read-only; nothing can be changed.", 5000)
            return None
        return view.article

    def edit_details(self) -> None:
        """Article ▸ Details…"""
        from workbench.ui.article.details_dialog import DetailsDialog

        article = self._article()
        if article is None:
            return
        changes = DetailsDialog.ask(self.view.dialog_parent, article)
        if changes:
            self.apply(article.id, changes, "article details")
        elif changes == {}:
            self.view.show_status("Nothing changed.", 3000)

    def edit_summary(self) -> None:
        """Article ▸ Summary…"""
        from workbench.ui.article.summary_dialog import SummaryDialog

        article = self._article()
        if article is None:
            return
        summary = SummaryDialog.ask(self.view.dialog_parent, article)
        if summary is not None and summary != article.summary:
            self.apply(article.id, {"summary": summary}, "article summary")

    def apply(self, article_id: str, fields: dict[str, Any], text: str) -> bool:
        """Push one undoable edit; False when it was refused (the message is shown)."""
        command = EditArticleCommand(
            self.view.desk,
            article_id,
            fields,
            text=text,
            on_article=self.view.article_edited,
            on_error=self.view.report_error,
        )
        self.view.undo_stack.push(command)
        if command.error is None and not command.changed_nothing:
            self.view.show_status(f"Saved the {text}.", 4000)
        return command.error is None
