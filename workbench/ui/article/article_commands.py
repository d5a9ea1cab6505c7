"""Undoable edits of an article's record: its details and its written summary.

One :class:`~workbench.ui.common.undo.DeskCommand` on the window's one undo stack, so Ctrl+Z
puts back a corrected title or a rewritten summary like any other edit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from workbench.services.articles import details_of
from workbench.ui.common.undo import DeskCommand, OnError

if TYPE_CHECKING:
    from workbench.model import Article
    from workbench.services.desk import Desk

#: Called with the article as it is after each change (edit, undo or redo).
OnArticle = Callable[["Article"], None]


class EditArticleCommand(DeskCommand):
    """Change some of an article's details; undo puts back the values they had."""

    action = "Edit article details"

    def __init__(
        self,
        desk: Desk,
        article_id: str,
        fields: dict[str, Any],
        *,
        text: str = "article details",
        on_article: OnArticle | None = None,
        on_error: OnError | None = None,
    ) -> None:
        super().__init__(text, desk, None, None, on_error)
        self.article_id = article_id
        self.fields = dict(fields)
        self.before: dict[str, Any] | None = None
        self.after: dict[str, Any] | None = None
        self.on_article = on_article

    def apply(self) -> None:
        """Save the new values; a change that changes nothing leaves no undo step."""
        if self.after is not None:
            self._put(self.after)
            return
        old = details_of(self.desk.article(self.article_id))
        new = details_of(self.desk.edit_article(self.article_id, **self.fields))
        if new == old:
            self.setObsolete(True)
            return
        self.before = {k: v for k, v in old.items() if new[k] != v}
        self.after = {k: new[k] for k in self.before}
        self._notify()

    def revert(self) -> None:
        """Put back the values from before the edit."""
        if self.before is not None:
            self._put(self.before)

    def _put(self, values: dict[str, Any]) -> None:
        self.desk.put_article_details(self.article_id, values)
        self._notify()

    def _notify(self) -> None:
        if self.on_article is not None:
            self.on_article(self.desk.article(self.article_id))
