"""The article pane: metadata header and the read-only text with every claim highlighted."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from workbench.model import Article, ClaimOrigin
from workbench.ui.article.text_positions import Utf16Map
from workbench.ui.claims.claim_state import CURRENT_EDGE, CURRENT_FILL, LOOKS, ReviewState
from workbench.ui.claims.claims_model import ClaimRow
from workbench.ui.common.theme import ARTICLE_TEXT_STYLE, heading, tinted

_UNDERLINES = {
    ReviewState.UNREVIEWED: QTextCharFormat.UnderlineStyle.DotLine,
    ReviewState.MINE: QTextCharFormat.UnderlineStyle.SingleUnderline,
    ReviewState.DISAGREE: QTextCharFormat.UnderlineStyle.WaveUnderline,
    ReviewState.DISMISSED: QTextCharFormat.UnderlineStyle.DashUnderline,
}
GUTTER_WIDTH = 40


class ArticleText(QPlainTextEdit):
    """Read-only article text; claims are extra selections, so the document itself never changes."""

    claim_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setObjectName("articleText")
        self.setStyleSheet(ARTICLE_TEXT_STYLE)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        font = QFont("DejaVu Serif")
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSizeF(11.5)
        self.setFont(font)
        self.document().setDocumentMargin(18)
        self._map = Utf16Map("")
        self._text = ""
        self._rows: list[ClaimRow] = []
        self._base: list[QTextEdit.ExtraSelection] = []
        self._starts: list[int] = []
        self._longest = 0
        self._shown = (-1, -1)
        self._current: str | None = None
        self._extra_actions: list[QAction] = []
        self._gutter = _Gutter(self)
        self.setViewportMargins(GUTTER_WIDTH, 0, 0, 0)
        self.updateRequest.connect(self._on_update_request)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    # -- contents --------------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        """Show an article's text (always as plain text, never as HTML)."""
        self._text = text
        self._map = Utf16Map(text)
        self._rows = []
        self._base = []
        self._starts = []
        self._shown = (-1, -1)
        self._current = None
        self.setPlainText(text)
        self.setExtraSelections([])

    def set_claims(self, rows: Sequence[ClaimRow], current: str | None = None) -> None:
        """Highlight these claims, each coloured and underlined by its state."""
        self._rows = sorted(rows, key=lambda r: (r.reviewed.claim.start, r.reviewed.claim.end))
        self._base = [self._selection(row, current=False) for row in self._rows]
        self._starts = [row.reviewed.claim.start for row in self._rows]
        self._longest = max(
            (r.reviewed.claim.end - r.reviewed.claim.start for r in self._rows), default=0
        )
        self._shown = (-1, -1)
        self._current = current
        self._apply()
        self._gutter.update()

    def update_row(self, row: ClaimRow) -> None:
        """Restyle one claim's highlight (its span is unchanged)."""
        for index, old in enumerate(self._rows):
            if old.claim_id == row.claim_id:
                self._rows[index] = row
                self._base[index] = self._selection(row, current=False)
                self._apply()
                self._gutter.update()
                return

    def set_current(self, claim_id: str | None, *, scroll: bool = True) -> None:
        """Mark one claim as the selected one and bring it into view."""
        self._current = claim_id
        self._apply()
        row = self._row(claim_id)
        if row is not None and scroll:
            self._scroll_to(row)

    def _visible_slice(self) -> tuple[int, int]:
        """Indexes of the claims that may show in the viewport (claims are sorted by start)."""
        if not self._rows:
            return (0, 0)
        first = self._map.from_qt(self.cursorForPosition(QPoint(0, 0)).position())
        size = self._view_size()
        corner = QPoint(size.width(), size.height())
        last = self._map.from_qt(self.cursorForPosition(corner).position())
        return (
            bisect_left(self._starts, first - self._longest),
            bisect_right(self._starts, last + 1),
        )

    def _on_scrolled(self) -> None:
        if self._visible_slice() != self._shown:
            self._apply()

    def _apply(self) -> None:
        # Only the highlights near the viewport are handed to Qt: the text view checks every
        # extra selection on each paint, and an article may have a thousand claims.
        self._shown = self._visible_slice()
        selections = self._base[self._shown[0] : self._shown[1]]
        row = self._row(self._current)
        if row is not None:
            selections.append(self._selection(row, current=True))
        self.setExtraSelections(selections)

    def _row(self, claim_id: str | None) -> ClaimRow | None:
        if claim_id is None:
            return None
        return next((r for r in self._rows if r.claim_id == claim_id), None)

    def _selection(self, row: ClaimRow, *, current: bool) -> QTextEdit.ExtraSelection:
        claim = row.reviewed.claim
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(claim.start))
        cursor.setPosition(self._map.to_qt(claim.end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = _format(row.state, current)
        return selection

    def _scroll_to(self, row: ClaimRow) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(row.reviewed.claim.start))
        rect = self.cursorRect(cursor)
        if rect.top() < 0 or rect.bottom() > self._view_size().height() * 0.8:
            self.setTextCursor(cursor)
            self.centerCursor()

    def _view_size(self) -> QSize:
        # Not viewport().size(): the first time PySide wraps the viewport it resolves every
        # QWidget subclass, about 20 ms of the launch. Lines wrap, so there is never a horizontal
        # scroll bar: this is the viewport's height, and its width or a scroll bar more.
        return self.maximumViewportSize()

    # -- what is where -----------------------------------------------------------------------
    def highlighted_ranges(self) -> list[tuple[int, int]]:
        """Qt positions of every claim highlight (the selected claim's outline not repeated)."""
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self._base]

    def claim_at(self, offset: int) -> ClaimRow | None:
        """The shortest claim that covers a Python offset of the text."""
        found = [r for r in self._rows if r.reviewed.claim.start <= offset < r.reviewed.claim.end]
        return min(found, key=lambda r: r.reviewed.claim.end - r.reviewed.claim.start, default=None)

    def claim_at_point(self, point: QPoint) -> ClaimRow | None:
        """The claim under a point of the viewport."""
        cursor = self.cursorForPosition(point)
        if not self.cursorRect(cursor).adjusted(-12, -2, 12, 2).contains(point):
            return None
        return self.claim_at(self._map.from_qt(cursor.position()))

    def selected_span(self) -> tuple[int, int] | None:
        """The reader's selection as Python offsets, if they selected something."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return (
            self._map.from_qt(cursor.selectionStart()),
            self._map.from_qt(cursor.selectionEnd()),
        )

    def select_span(self, start: int, end: int) -> None:
        """Select text between two Python offsets (as a reader would with the mouse)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(start))
        cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def set_extra_actions(self, actions: list[QAction]) -> None:
        """Actions added to the text's context menu."""
        self._extra_actions = actions

    # -- events ----------------------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self.claim_at_point(event.pos())
            if row is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), claim_tooltip(row), self.viewport())
            return True
        return super().viewportEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            row = self.claim_at_point(event.position().toPoint())
            if row is not None:
                self.claim_clicked.emit(row.claim_id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self._extra_actions:
            menu.addSeparator()
            for action in self._extra_actions:
                menu.addAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        rect = self.contentsRect()
        self._gutter.setGeometry(QRect(rect.left(), rect.top(), GUTTER_WIDTH, rect.height()))
        self._on_scrolled()

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), GUTTER_WIDTH, rect.height())

    def paint_gutter(self, painter: QPainter, event: QPaintEvent) -> None:
        """Draw each claim's state marker beside the line where it starts."""
        painter.fillRect(event.rect(), QColor("#f4f3ef"))
        painter.setPen(QColor("#dad8d0"))
        painter.drawLine(
            GUTTER_WIDTH - 1, event.rect().top(), GUTTER_WIDTH - 1, event.rect().bottom()
        )
        height = self._view_size().height()
        used: dict[int, int] = {}
        font = QFont("DejaVu Sans")
        font.setPointSizeF(10)
        font.setBold(True)
        painter.setFont(font)
        cursor = QTextCursor(self.document())
        low, high = self._visible_slice()
        for row in self._rows[low:high]:
            cursor.setPosition(self._map.to_qt(row.reviewed.claim.start))
            rect = self.cursorRect(cursor)
            if rect.bottom() < 0:
                continue
            if rect.top() > height:
                break
            slot = used.get(rect.top(), 0)
            used[rect.top()] = slot + 1
            if slot > 2:
                continue
            look = row.state.look
            painter.setPen(CURRENT_EDGE if row.claim_id == self._current else look.edge)
            x = 4 + slot * 11
            painter.drawText(
                QRect(x, rect.top(), 12, rect.height()), Qt.AlignmentFlag.AlignCenter, look.marker
            )


_FORMATS: dict[tuple[ReviewState, bool], QTextCharFormat] = {}


def _format(state: ReviewState, current: bool) -> QTextCharFormat:
    """The highlight of a state (made once: an article may have a thousand claims)."""
    fmt = _FORMATS.get((state, current))
    if fmt is None:
        look = state.look
        fmt = QTextCharFormat()
        fmt.setBackground(CURRENT_FILL if current else look.fill)
        fmt.setUnderlineStyle(_UNDERLINES[state])
        fmt.setUnderlineColor(CURRENT_EDGE if current else look.edge)
        if state is ReviewState.DISMISSED:
            fmt.setForeground(QColor("#5f5f5f"))
        _FORMATS[(state, current)] = fmt
    return fmt


class _Gutter(QWidget):
    def __init__(self, view: ArticleText) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self) -> QSize:
        return QSize(GUTTER_WIDTH, 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self._view.paint_gutter(painter, event)
        painter.end()


def claim_tooltip(row: ClaimRow) -> str:
    """Kind, score, reasons and state of a claim, as shown when hovering it."""
    claim = row.reviewed.claim
    look = row.state.look
    score = "marked by hand" if claim.origin is ClaimOrigin.MANUAL else f"score {claim.score:.2f}"
    reasons = "".join(f"<li>{_escape(r)}</li>" for r in claim.reasons) or "<li>none recorded</li>"
    speaker = f"<br>Speaker: {_escape(claim.speaker)}" if claim.speaker else ""
    return (
        f"<b>{look.marker} {look.label}</b><br>{claim.kind.label}, {score}{speaker}"
        f"<br>Why it was flagged:<ul style='margin:0'>{reasons}</ul>"
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ArticlePane(QWidget):
    """Title and metadata above the article text, and a legend of the markers below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("No article open")
        self.title.setObjectName("articleTitle")
        heading(self.title, 17)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel("Import an article with File ▸ Import (Ctrl+O), or drop a file here.")
        self.meta.setObjectName("articleMeta")
        tinted(self.meta)
        self.meta.setWordWrap(True)
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.text = ArticleText(self)
        # One wrapping label, so the legend never forces the pane to be wide.
        legend = QLabel(
            " &nbsp; ".join(
                f"<span style='background:{look.fill.name()}; color:#222;'>"
                f"&nbsp;{look.marker}&nbsp;{look.label.replace(' ', '&nbsp;')}&nbsp;</span>"
                for look in LOOKS.values()
            )
        )
        legend.setObjectName("legend")
        legend.setWordWrap(True)
        legend.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addSpacing(4)
        layout.addWidget(self.text, 1)
        layout.addWidget(legend)

    def show_article(self, article: Article | None) -> None:
        """Show an article's title, metadata and text (None: the empty state)."""
        if article is None:
            self.title.setText("No article open")
            self.meta.setText("Import an article with File ▸ Import (Ctrl+O), or drop a file here.")
            self.text.set_text("")
            return
        self.show_details(article)
        self.text.set_text(article.text)

    def show_details(self, article: Article) -> None:
        """Show an article's title and metadata (after they are edited, the text stays)."""
        self.title.setText(article.title or "Untitled article")
        parts = [
            article.outlet,
            f"by {article.author}" if article.author else None,
            article.published,
            article.url,
            f"from {article.source_name}" if article.source_name else None,
        ]
        self.meta.setText("  ·  ".join(p for p in parts if p) or "No details recorded")
