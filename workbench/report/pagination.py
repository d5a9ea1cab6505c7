"""Page breaks for the PDF: no heading alone at the foot of a page, no single stranded line.

QTextDocument moves most lines that would cross the bottom of a page onto the next page (a line
may still overhang the edge by a few pixels and be cut in two), but it
has no "keep with next" and no orphan or widow control. So once the document is laid out on
pages, each heading is measured against the first lines that follow it, and each paragraph
against the page boundary; where they part, a page break is put before the heading (or the
paragraph) and the layout is measured again from there.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import (
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

#: Lines of text a heading keeps with it on its page.
LINES_KEPT = 2

_BREAK_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
_RULE = QTextFormat.Property.BlockTrailingHorizontalRulerWidth


@dataclass(frozen=True, slots=True)
class Line:
    """A laid-out line: its top and bottom in document coordinates."""

    top: float
    bottom: float


def keep_together(doc: QTextDocument) -> int:
    """Break pages before stranded headings and lines of ``doc``; the number of breaks made.

    ``doc`` must already have its page size. Each block is visited once, in order: a break
    only moves what comes after it, so what was checked before it stays true.
    """
    height = doc.pageSize().height()
    if height <= 0:
        return 0
    # Qt lays a long document out bit by bit; counting its pages lays all of it out first.
    doc.pageCount()
    breaks = 0
    block = doc.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if block.blockFormat().headingLevel() > 0:
            if _heading_stranded(doc, block, table, height):
                _break_before_heading(doc, block, table)
                breaks += 1
                doc.pageCount()
        elif table is not None and _short_table_split(doc, block, table, height):
            heading = _heading_above(doc, doc.findBlock(table.firstPosition()))
            if heading is None:
                _break_before_heading(doc, block, table)
            else:
                _break_before_heading(doc, heading, QTextCursor(heading).currentTable())
            breaks += 1
            doc.pageCount()
        elif table is None and _paragraph_split_badly(doc, block, height):
            # The heading right above goes with the paragraph, or it would be left behind.
            heading = _heading_above(doc, block)
            if heading is None:
                _break_before_block(block)
            else:
                _break_before_heading(doc, heading, QTextCursor(heading).currentTable())
            breaks += 1
            doc.pageCount()
        block = block.next()
    return breaks


def lines_of(doc: QTextDocument, block: QTextBlock) -> list[Line]:
    """The laid-out lines of ``block``, in document coordinates."""
    layout = block.layout()
    # Lines are placed relative to their layout; the block's bounding rectangle says where that
    # layout is in the document, tables included.
    origin = doc.documentLayout().blockBoundingRect(block).top() - layout.boundingRect().top()
    return [
        Line(origin + line.rect().top(), origin + line.rect().bottom())
        for line in (layout.lineAt(i) for i in range(layout.lineCount()))
    ]


def page_of(y: float, height: float) -> int:
    """The page (from 0) that holds the document position ``y``."""
    return int(y // height)


def _last_page(line: Line, height: float) -> int:
    # Half a pixel of slack: a line that ends exactly on the page's edge is still on the page.
    return page_of(line.bottom - 0.5, height)


def _at_page_top(y: float, height: float) -> bool:
    return y % height < 1.0


def _heading_stranded(
    doc: QTextDocument, block: QTextBlock, table: QTextTable | None, height: float
) -> bool:
    """True when the heading's page does not also hold the first lines after it."""
    start = _unit_top(doc, block, table)
    if _at_page_top(start, height):
        return False
    end = table.lastPosition() + 1 if table is not None else block.position() + block.length()
    following = _lines_after(doc, doc.findBlock(end), LINES_KEPT)
    if not following:
        return False
    # Content taller than a page cannot be kept with anything: breaking would not help.
    if following[-1].bottom - start > height:
        return False
    return page_of(start, height) != _last_page(following[-1], height)


def _unit_top(doc: QTextDocument, block: QTextBlock, table: QTextTable | None) -> float:
    """Where the heading starts: its block, or its table with the rule drawn above it."""
    layout = doc.documentLayout()
    if table is None:
        return layout.blockBoundingRect(block).top()
    rule = _rule_before(doc, table)
    if rule is not None:
        return layout.blockBoundingRect(rule).top()
    return layout.frameBoundingRect(table).top()


def _rule_before(doc: QTextDocument, table: QTextTable) -> QTextBlock | None:
    """The horizontal rule right above ``table`` (a claim's head keeps it), if there is one."""
    before = doc.findBlock(table.firstPosition() - 1)
    while before.isValid() and not before.text().strip():
        if before.blockFormat().hasProperty(_RULE):
            return before
        if QTextCursor(before).currentTable() is not None:
            return None
        before = before.previous()
    return None


def _lines_after(doc: QTextDocument, block: QTextBlock, wanted: int) -> list[Line]:
    """Up to ``wanted`` lines of text from ``block`` on, stopping at the next heading."""
    found: list[Line] = []
    while block.isValid() and len(found) < wanted:
        if block.blockFormat().headingLevel() > 0:
            break
        if block.text().strip():
            found += lines_of(doc, block)[: wanted - len(found)]
        block = block.next()
    return found


#: A table shorter than this share of a page is kept on one page (the rating scale, reviewers).
SHORT_TABLE = 1 / 3


def _short_table_split(
    doc: QTextDocument, block: QTextBlock, table: QTextTable, height: float
) -> bool:
    """True, at a table's first block, when a short table is split across two pages."""
    if block.position() != doc.findBlock(table.firstPosition()).position():
        return False
    box = doc.documentLayout().frameBoundingRect(table)
    if box.height() > height * SHORT_TABLE or _at_page_top(box.top(), height):
        return False
    return page_of(box.top(), height) != page_of(box.bottom() - 0.5, height)


def _heading_above(doc: QTextDocument, block: QTextBlock) -> QTextBlock | None:
    """The heading just above ``block`` (nothing but blank blocks between), if any.

    A heading in a table (a claim's head) is found through the table's last cell.
    """
    above = block.previous()
    while above.isValid() and not above.text().strip():
        if above.blockFormat().hasProperty(_RULE):
            return None
        above = above.previous()
    if not above.isValid():
        return None
    table = QTextCursor(above).currentTable()
    if table is not None:
        above = doc.findBlock(table.firstPosition())
        while above.isValid() and above.position() <= table.lastPosition():
            if above.blockFormat().headingLevel() > 0:
                return above
            above = above.next()
        return None
    return above if above.blockFormat().headingLevel() > 0 else None


def _paragraph_split_badly(doc: QTextDocument, block: QTextBlock, height: float) -> bool:
    """True when a paragraph leaves a single line alone on one side of a page break, or a
    line is cut in two by the page's edge (Qt lets a line overhang the page by a few pixels)."""
    lines = lines_of(doc, block)
    if not lines or lines[-1].bottom - lines[0].top > height:
        return False
    if _at_page_top(lines[0].top, height):
        return False
    if any(page_of(line.top, height) != _last_page(line, height) for line in lines):
        return True
    if len(lines) < 2:
        return False
    pages = [page_of(line.top, height) for line in lines]
    if pages[0] == pages[-1]:
        return False
    first_page = pages.count(pages[0])
    return first_page == 1 or len(lines) - first_page == 1


def _break_before_heading(doc: QTextDocument, block: QTextBlock, table: QTextTable | None) -> None:
    if table is None:
        _break_before_block(block)
        return
    rule = _rule_before(doc, table)
    if rule is not None:
        _break_before_block(rule)
        return
    fmt = table.format()
    fmt.setPageBreakPolicy(_BREAK_BEFORE)
    table.setFormat(fmt)


def _break_before_block(block: QTextBlock) -> None:
    fmt = QTextBlockFormat()
    fmt.setPageBreakPolicy(_BREAK_BEFORE)
    QTextCursor(block).mergeBlockFormat(fmt)
