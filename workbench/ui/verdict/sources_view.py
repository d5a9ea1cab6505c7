"""The list of a verdict's sources: a thin Qt model over :class:`Source` objects."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from workbench.model import Source
from workbench.ui.common.dialogs import describe_size

SourceRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


def source_heading(source: Source) -> str:
    """The line that names a source: its title, else its address, else its file."""
    return source.title or source.url or source.attachment_name or "Untitled source"


def source_details(source: Source) -> str:
    """Publisher, attached file and dates on one line."""
    parts = []
    if source.publisher:
        parts.append(source.publisher)
    if source.attachment_name:
        size = describe_size(source.attachment_size or 0)
        parts.append(f"file: {source.attachment_name} ({size})")
    if source.published:
        parts.append(f"published {source.published}")
    if source.accessed:
        parts.append(f"accessed {source.accessed}")
    return " · ".join(parts)


def source_tooltip(source: Source) -> str:
    """Every field of a source, for a tooltip."""
    lines = [source_heading(source)]
    if source.url and source.url != lines[0]:
        lines.append(source.url)
    details = source_details(source)
    if details:
        lines.append(details)
    if source.quote:
        lines.append(f"“{source.quote}”")
    if source.note:
        lines.append(f"Note: {source.note}")
    if source.attachment_sha256:
        lines.append(f"SHA-256 {source.attachment_sha256}")
    return "\n".join(lines)


class SourceListModel(QAbstractListModel):
    """A verdict's sources in the order they were added."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sources: list[Source] = []

    def set_sources(self, sources: list[Source]) -> None:
        """Replace the list."""
        self.beginResetModel()
        self._sources = list(sources)
        self.endResetModel()

    def sources(self) -> list[Source]:
        """The sources shown."""
        return list(self._sources)

    def source_at(self, row: int) -> Source | None:
        """The source in ``row``, if any."""
        return self._sources[row] if 0 <= row < len(self._sources) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of sources (a list has no children)."""
        return 0 if parent.isValid() else len(self._sources)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Heading and details for display, every field as a tooltip, the Source itself."""
        if not index.isValid() or not 0 <= index.row() < len(self._sources):
            return None
        source = self._sources[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            details = source_details(source)
            return source_heading(source) + (f"\n{details}" if details else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return source_tooltip(source)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return source_tooltip(source)
        if role == SourceRole:
            return source
        return None


class SourceDelegate(QStyledItemDelegate):
    """Draws a source as a bold heading over one grey line of details, both elided to fit."""

    PADDING = 4

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        """Two lines of text (one when there are no details) plus padding."""
        source = index.data(SourceRole)
        lines = 2 if source is not None and source_details(source) else 1
        return QSize(120, lines * option.fontMetrics.height() + 2 * self.PADDING + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        """Background from the style, then heading and details."""
        source = index.data(SourceRole)
        if source is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = opt.rect.adjusted(self.PADDING + 2, self.PADDING, -self.PADDING, -self.PADDING)
        height = opt.fontMetrics.height()
        painter.save()
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(opt.palette.color(role))
        heading = QFontMetrics(bold).elidedText(
            source_heading(source), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect.x(), rect.y(), rect.width(), height, 0, heading)
        details = source_details(source)
        if details:
            painter.setFont(opt.font)
            if not selected:
                painter.setPen(opt.palette.color(QPalette.ColorRole.PlaceholderText))
            line = opt.fontMetrics.elidedText(details, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(rect.x(), rect.y() + height, rect.width(), height, 0, line)
        painter.restore()
