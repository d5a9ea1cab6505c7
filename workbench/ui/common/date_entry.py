"""A date typed as text in the ways people write dates, or picked from a calendar.

A spin-box date edit trapped the Tab key in its day, month and year sections and mixed typed
digits into "Not known"; a text field takes "2015-12-04", "4 Dec 2015", "December 4, 2015"
or "04/12/2015" (numbers are read day first, as the reading beside the field shows), and an
empty field means the date is not known.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from workbench.dates import (
    EXAMPLES,
    ISO_DAY,
    DateProblem,
    parse_date,
    parse_when,
    short_date,
    written,
)

__all__ = ["EXAMPLES", "DateEntry", "DateProblem", "parse_date"]


class DateEntry(QWidget):
    """A date field: typed text or the calendar (Alt+Down); empty means not known.

    A stored value that is not a date (say "spring 2019") is shown as it is and kept unless it
    is changed.
    """

    changed = Signal()

    def __init__(
        self, value: str | None = None, parent: QWidget | None = None, *, partial: bool = False
    ) -> None:
        super().__init__(parent)
        #: A month or a year alone is a date too ("March 2024": when a claim was made).
        self.partial = partial
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Not known (e.g. 4 Dec 2015)")
        # Wide enough for a date written out, however the row around it is squeezed.
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("30 September 2026 "))
        self.edit.setToolTip(f"Type the date as {EXAMPLES}; Alt+Down opens a calendar.")
        self.pick_button = QToolButton()
        self.pick_button.setText("Calendar…")
        self.pick_button.setToolTip("Pick the date from a calendar (Alt+Down in the field)")
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self._menu = QMenu(self)
        holder = QWidgetAction(self._menu)
        holder.setDefaultWidget(self.calendar)
        self._menu.addAction(holder)
        self.pick_button.clicked.connect(self.open_calendar)
        self.calendar.activated.connect(self._picked)
        self.calendar.clicked.connect(self._picked)
        open_calendar = QAction("Open calendar", self.edit)
        open_calendar.setShortcut(QKeySequence("Alt+Down"))
        open_calendar.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_calendar.triggered.connect(self.open_calendar)
        self.edit.addAction(open_calendar)
        self.reading = QLabel()
        self.reading.setTextFormat(Qt.TextFormat.PlainText)
        self.reading.setStyleSheet("QLabel { color: #5b6472; }")
        # The longest reading fits: a squeezed row would cut the year off.
        self.reading.setMinimumWidth(
            self.reading.fontMetrics().horizontalAdvance("= 30 September 2026 ")
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 2)
        layout.addWidget(self.pick_button)
        layout.addWidget(self.reading, 3)
        self._raw = value
        self._initial_text: str | None = None
        self.set_value(value)
        self._initial_text = self.edit.text()
        self._show_reading()
        self.edit.textChanged.connect(self._show_reading)

    def set_value(self, value: str | None) -> None:
        """Show an ISO date (``YYYY-MM-DD``); other stored text is shown as it is."""
        try:
            day = date.fromisoformat(value[:10]) if value and ISO_DAY.match(value) else None
        except ValueError:
            day = None
        self.edit.setText(short_date(day) if day else (value or ""))

    def set_text(self, text: str) -> None:
        """Put typed text in the field (as a reviewer would type it)."""
        self.edit.setText(text)

    def set_today(self) -> None:
        """Set today's date."""
        self.edit.setText(short_date(date.today()))

    def text(self) -> str:
        """The text typed in the field."""
        return self.edit.text()

    def problem(self) -> str | None:
        """Why the typed text is not a date, or None when it is one (or empty)."""
        if self._kept_as_stored():
            return None
        try:
            parse_when(self.edit.text(), partial=self.partial)
        except DateProblem as exc:
            return str(exc)
        return None

    def value(self) -> str | None:
        """The date as stored (``YYYY-MM-DD``; ``YYYY-MM`` or ``YYYY`` when partial), None when
        not known; raises :class:`DateProblem`."""
        if self._kept_as_stored():
            return self._raw
        return parse_when(self.edit.text(), partial=self.partial)

    def open_calendar(self) -> None:
        """Show the calendar under the field, on the typed date (or today)."""
        try:
            day = parse_date(self.edit.text())
        except DateProblem:
            day = None
        shown = QDate(day.year, day.month, day.day) if day else QDate.currentDate()
        self.calendar.setSelectedDate(shown)
        self._menu.popup(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        self.calendar.setFocus()

    def _picked(self, picked: QDate) -> None:
        self.edit.setText(short_date(date(picked.year(), picked.month(), picked.day())))
        self._menu.close()
        self.edit.setFocus()

    def _kept_as_stored(self) -> bool:
        return bool(self._raw) and self.edit.text() == self._initial_text

    def _show_reading(self) -> None:
        try:
            iso = parse_when(self.edit.text(), partial=self.partial)
        except DateProblem:
            kept = self._kept_as_stored()
            self.reading.setText("kept as written" if kept else "not a date yet")
        else:
            self.reading.setText(f"= {written(iso)}" if iso else "not known")
        self.changed.emit()
