"""Article ▸ Agreement between reviewers: the figures for the open article and the whole file."""

from __future__ import annotations

import logging
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from workbench.services.agreement import EXPLAINED, NAMES, AgreementReport, desk_agreement
from workbench.ui.common.dialogs import NOTE_STYLE
from workbench.ui.common.theme import BORDER, heading
from workbench.ui.common.views import DeskView

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from workbench.model import Article

log = logging.getLogger(__name__)

#: The rows of the table, top to bottom.
ROWS = (
    "claims_compared",
    "percent_agreement",
    "cohen_kappa",
    "krippendorff_alpha_ordinal",
    "krippendorff_alpha_nominal",
    "unproven_ratings",
)


class AgreementView(DeskView, Protocol):
    """What the agreement window asks of the desk window."""

    @property
    def article(self) -> Article | None:
        """The article open in the desk."""
        ...

    @property
    def desk_changed(self) -> SignalInstance:
        """Something was saved: the figures are read again."""
        ...

    @property
    def article_opened(self) -> SignalInstance:
        """Another article was opened: its figures replace the last one's."""
        ...

    def report_error(self, exc: Exception, action: str) -> None:
        """Show a lower layer's error."""
        ...


def show_agreement(view: AgreementView) -> AgreementDialog | None:
    """Show the figures beside the desk (one window, kept fresh while it is open); None, with
    the error shown, when the database cannot be read."""

    def read() -> list[AgreementReport]:
        article = view.article
        return desk_agreement(view.desk, article.id if article is not None else None)

    try:
        reports = read()
    except Exception as exc:
        view.report_error(exc, "Show agreement between reviewers")
        return None
    parent = view.dialog_parent
    dialog = parent.findChild(AgreementDialog)
    if dialog is None:
        dialog = AgreementDialog(parent)
        dialog.read = read
        view.desk_changed.connect(dialog.refresh)
        view.article_opened.connect(dialog.refresh)
    dialog.show_reports(reports)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


class AgreementDialog(QDialog):
    """Read-only: one column per scope (this article, every article), one row per figure, each
    figure named and explained in a line; a figure that cannot be computed shows "—" and why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Agreement between reviewers")
        self.setModal(False)
        self.intro = QLabel(
            "Only claims rated by two or more reviewers are compared. Verdicts still in "
            "progress and claims set aside do not count."
        )
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(NOTE_STYLE)
        self.summaries = QLabel()
        self.summaries.setWordWrap(True)
        self.summaries.setTextFormat(Qt.TextFormat.RichText)
        self.table = QFrame()
        self.table.setObjectName("agreementTable")
        self.table.setStyleSheet(
            f"#agreementTable {{ border: 1px solid {BORDER}; border-radius: 4px;"
            " background: #ffffff; }"
        )
        self.grid = QGridLayout(self.table)
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(8)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setStyleSheet(NOTE_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.intro)
        layout.addWidget(self.summaries)
        layout.addWidget(self.table)
        layout.addWidget(self.notes)
        layout.addWidget(buttons)
        self.resize(760, 560)
        #: The figure shown in each cell, by (row key, column number), as read on screen.
        self.cells: dict[tuple[str, int], QLabel] = {}
        #: Reads the figures again (set by :func:`show_agreement`).
        self.read: Callable[[], list[AgreementReport]] | None = None

    def refresh(self, *_: object) -> None:
        """Read the figures again while the window is open; on an error keep those shown."""
        if self.read is None or not self.isVisible():
            return
        try:
            reports = self.read()
        except Exception:
            log.exception("Reading the agreement between reviewers again failed")
            return
        self.show_reports(reports)

    def show_reports(self, reports: list[AgreementReport]) -> None:
        """Show each report as a column (the open article first, then the whole file)."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self.cells.clear()
        self.summaries.setText(
            "".join(f"<p><b>{escape(r.heading)}</b><br>{escape(r.summary)}</p>" for r in reports)
        )
        for column, report in enumerate(reports, 1):
            title = "This article" if report.scope == "article" else "All articles"
            label = heading(QLabel(title), 10)
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(label, 0, column)
        for row, key in enumerate(ROWS, 1):
            name = QLabel(
                f"<b>{NAMES[key]}</b><br><span style='color:#555'>{EXPLAINED[key]}</span>"
            )
            name.setWordWrap(True)
            self.grid.addWidget(name, row, 0)
            for column, report in enumerate(reports, 1):
                cell = heading(QLabel(report.figure(key)), 11)
                cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                cell.setTextFormat(Qt.TextFormat.PlainText)
                note = report.agreement.notes.get(key)
                if note:
                    cell.setToolTip(note)
                self.grid.addWidget(cell, row, column)
                self.cells[(key, column - 1)] = cell
        self.grid.setColumnStretch(0, 1)
        self.notes.setText("\n".join(_notes(reports)))
        self.notes.setVisible(bool(self.notes.text()))
        # Wrapped lines need the height they ask for at this width.
        width = max(self.width(), 760)
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            self.resize(width, layout.totalHeightForWidth(width))

    def figure(self, key: str, column: int = 0) -> str:
        """The figure shown for ``key`` in ``column`` (0: the first scope shown)."""
        return self.cells[(key, column)].text()


def _notes(reports: list[AgreementReport]) -> list[str]:
    """Why each "—" is shown, once per reason; named by scope when not every column shares it."""
    compared = [r for r in reports if r.agreement.claims_compared]
    lines: list[str] = []
    for key in ROWS:
        by_note: dict[str, list[str]] = {}
        for report in compared:
            note = report.agreement.notes.get(key)
            if note:
                scope = "This article" if report.scope == "article" else "All articles"
                by_note.setdefault(note, []).append(scope)
        for note, scopes in by_note.items():
            shared = len(scopes) == len(reports)
            line = f"No {NAMES[key]}: {note}"
            lines.append(line if shared else f"{scopes[0]}, {line}")
    return lines
