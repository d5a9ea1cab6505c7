"""A calm, high-contrast look: Fusion style, neutral greys, one blue accent."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

STYLE_SHEET = """
QLabel#articleTitle { font-size: 17pt; font-weight: 600; color: #1b1b1b; }
QLabel#articleMeta { color: #555555; }
QLabel#paneHeading { font-size: 12pt; font-weight: 600; color: #1b1b1b; }
QLabel#claimCount { color: #555555; padding-left: 8px; }
QPlainTextEdit#articleText { background: #fffefa; border: 1px solid #d9d6cc; border-radius: 4px; }
QTableView#claimsTable { gridline-color: #e4e2dc; selection-background-color: #bcd7f5;
    selection-color: #111111; border: 1px solid #d9d6cc; border-radius: 4px; }
QHeaderView::section { background: #efede7; color: #333333; padding: 4px 6px;
    border: none; border-right: 1px solid #dcd9d0; border-bottom: 1px solid #d0cdc4; }
QFrame#claimSummary { background: #fbfaf7; border: 1px solid #d9d6cc; border-radius: 4px; }
QStatusBar QLabel { padding: 0 10px; color: #333333; }
QSplitter::handle { background: #e7e5df; }
QSplitter::handle:horizontal { width: 5px; }
QSplitter::handle:vertical { height: 5px; }
"""


def apply_theme(app: QApplication) -> None:
    """Fusion style with a light neutral palette, a readable UI font and our style sheet."""
    app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f6f5f1"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f6f2"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1b1b1b"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1b1b1b"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#1f5fa8"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#fffdf3"))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor("#1b1b1b"))
    app.setPalette(palette)
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
