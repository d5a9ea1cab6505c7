"""A calm, high-contrast look: Fusion style, neutral greys, one blue accent.

No style sheet is set on the whole application: Qt would then restyle every widget through
its style-sheet engine, which makes building the window markedly slower. Widgets take their
look from the palette and fonts here; the few that need a border or a header style carry a
small style sheet of their own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QSplitter, QSplitterHandle, QWidget

INK = "#1b1b1b"
MUTED = "#555555"
BORDER = "#d9d6cc"
HANDLE = "#e7e5df"

ARTICLE_TEXT_STYLE = f"""
QPlainTextEdit {{ background: #fffefa; border: 1px solid {BORDER}; border-radius: 4px; }}
"""

TABLE_STYLE = f"""
QTableView {{ gridline-color: #e4e2dc; selection-background-color: #bcd7f5;
    selection-color: #111111; border: 1px solid {BORDER}; border-radius: 4px; }}
QHeaderView::section {{ background: #efede7; color: #333333; padding: 4px 6px;
    border: none; border-right: 1px solid #dcd9d0; border-bottom: 1px solid #d0cdc4; }}
"""


#: The widget style: given to a new QApplication as ``-style`` (see :func:`style_arguments`).
STYLE = "Fusion"


def style_arguments() -> list[str]:
    """Command-line arguments that make a QApplication built with them use :data:`STYLE`.

    Given last, they win over any ``-style`` before them and over ``QT_STYLE_OVERRIDE``, as
    ``QApplication.setStyle`` does. Unlike ``setStyle``, they do not hand the style back to
    Python: setting up QStyle's Python type takes several milliseconds before the first paint.
    """
    return ["-style", STYLE]


def apply_theme(app: QApplication, *, style_set: bool = False) -> None:
    """Fusion style with a light neutral palette and a readable UI font.

    ``style_set``: the application was built with :func:`style_arguments`.
    """
    if not style_set:
        app.setStyle(STYLE)
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f6f5f1"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f6f2"))
    palette.setColor(QPalette.ColorRole.Text, QColor(INK))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(INK))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#1f5fa8"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#fffdf3"))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor(INK))
    app.setPalette(palette)
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(10)
    app.setFont(font)


def heading(label: QLabel, point_size: float) -> QLabel:
    """Make a label a semi-bold heading of this size."""
    font = QFont(label.font())
    font.setPointSizeF(point_size)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label


def tinted(widget: QWidget, colour: str = MUTED) -> QWidget:
    """Draw a widget's text in a quieter colour."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    widget.setPalette(palette)
    return widget


class Splitter(QSplitter):
    """A splitter whose handles are plain bars, a shade darker than the window."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self.setHandleWidth(5)

    def createHandle(self) -> QSplitterHandle:
        return _Handle(self.orientation(), self)


class _Handle(QSplitterHandle):
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(HANDLE))
        painter.end()
