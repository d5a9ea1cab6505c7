"""Dialogs of the review desk; each has an ``ask`` class method that tests can replace."""

from .paste_article import PasteArticleDialog, PastedArticle
from .preferences import PreferencesDialog
from .reviewer import ReviewerDialog
from .shortcuts import ShortcutsDialog
from .source import SourceDialog, SourceInput

__all__ = [
    "PasteArticleDialog",
    "PastedArticle",
    "PreferencesDialog",
    "ReviewerDialog",
    "ShortcutsDialog",
    "SourceDialog",
    "SourceInput",
]
