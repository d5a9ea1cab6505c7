"""The PDF report: the report's HTML through QTextDocument and QPdfWriter (QtGui only)."""

from __future__ import annotations

import os
import sys

from jinja2 import TemplateError
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from workbench import __version__

from .data import Report
from .errors import ExportError
from .pagination import keep_together
from .style import MUTED, RULE, environment
from .text import without_bidi_runs

TEMPLATE = "report_pdf.html.j2"

PAGE_IDS = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}

#: Page margins in millimetres: left, top, right, bottom (the footer sits inside the bottom one).
MARGINS_MM = (18.0, 16.0, 18.0, 12.0)
FOOTER_PT = 18.0
# CSS pixels in the templates then mean what they mean in a browser (1/96 inch); design
# metrics keep glyph positions exact whatever the resolution.
RESOLUTION = 96

_app: QGuiApplication | None = None


def ensure_gui_application() -> None:
    """Qt needs a GUI application for fonts; a command line without a display gets an offscreen one."""
    global _app
    if QGuiApplication.instance() is not None:
        return
    argv = [sys.argv[0] if sys.argv else "workbench"]
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        argv += ["-platform", "offscreen"]
    _app = QGuiApplication(argv)


def render_pdf_html(report: Report) -> str:
    """The QTextDocument-friendly HTML the PDF is made from."""
    try:
        return environment().get_template(TEMPLATE).render(report=report)
    except TemplateError as exc:
        raise ExportError(f"The PDF template could not be rendered ({exc}).") from exc


def render_pdf(report: Report) -> bytes:
    """Lay the report out on A4 or Letter pages with a footer and page numbers; return PDF bytes."""
    ensure_gui_application()
    html = render_pdf_html(report)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(without_bidi_runs(report.title))
    writer.setCreator(f"Factcheck Workbench {__version__}")
    if hasattr(writer, "setAuthor") and report.options.organisation_name:
        writer.setAuthor(report.options.organisation_name)
    layout = QPageLayout(
        QPageSize(PAGE_IDS[report.options.page_size]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(*MARGINS_MM),
        QPageLayout.Unit.Millimeter,
    )
    writer.setPageLayout(layout)
    _paint(writer, html, report)
    buffer.close()
    return bytes(data.data())


def _paint(writer: QPdfWriter, html: str, report: Report) -> None:
    scale = writer.resolution() / 72.0  # device pixels per point
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    footer_h = FOOTER_PT * scale
    body = QSizeF(page.width(), page.height() - footer_h)

    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setUseDesignMetrics(True)
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(QFont(["DejaVu Serif", "Georgia", "serif"], 10))
    doc.setHtml(html)
    # A page size on the document stops Qt from adding page numbers of its own.
    doc.setPageSize(body)
    keep_together(doc)
    pages = doc.pageCount()

    footer_font = QFont(["DejaVu Sans", "Arial", "sans-serif"])
    footer_font.setPointSizeF(7.5)
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError("Could not start drawing the PDF.")
    try:
        painter.setFont(footer_font)
        metrics = QFontMetricsF(footer_font, writer)
        title = metrics.elidedText(
            without_bidi_runs(report.title), Qt.TextElideMode.ElideRight, body.width() * 0.7
        )
        for index in range(pages):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * body.height())
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, index * body.height(), body.width(), body.height())
            painter.setClipRect(context.clip)
            doc.documentLayout().draw(painter, context)
            painter.restore()
            _footer(painter, body, footer_h, title, f"Page {index + 1} of {pages}", scale)
    finally:
        painter.end()


def _footer(
    painter: QPainter, body: QSizeF, footer_h: float, left: str, right: str, scale: float
) -> None:
    top = body.height() + footer_h * 0.25
    painter.setPen(QPen(QColor(RULE), 0.5 * scale))
    painter.drawLine(QPointF(0, top), QPointF(body.width(), top))
    painter.setPen(QColor(MUTED))
    box = QRectF(0, top + 3 * scale, body.width(), footer_h * 0.75)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), left)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), right)
