"""Other reviewers' verdicts: a short line each near the top of the editor, full cards below.

A colleague's verdict is what a reviewer compares theirs with, so its gist must be readable
without scrolling: the summary lines wrap instead of being cut off, and each line's tooltip
holds the whole card.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workbench.model import Source, Verdict
from workbench.services.blind import HINT, blind_hint
from workbench.ui.verdict.verdict_parts import confidence_label, styled_label

#: How a draft reads: it has no rating yet, so none is shown.
IN_PROGRESS = "in progress"
#: The summary line keeps this much of a rationale; the tooltip and the card hold all of it.
RATIONALE_CHARS = 140


def rating_text(verdict: Verdict) -> str:
    """The rating, or "in progress" for a draft."""
    return verdict.rating if verdict.rating is not None else IN_PROGRESS


def card_lines(verdict: Verdict) -> list[str]:
    """Everything a verdict says, as plain lines: who and rating, facts, rationale, sources."""
    name = verdict.reviewer_name or "Another reviewer"
    lines = [f"{name}: {rating_text(verdict)}", _facts(verdict)]
    if verdict.rationale:
        lines.append(verdict.rationale)
    lines += [f"• {source_name(s)}" for s in verdict.sources]
    return lines


def summary_line(verdict: Verdict) -> str:
    """One reviewer's verdict in a sentence: rating, confidence, rationale's start, sources."""
    name = verdict.reviewer_name or "Another reviewer"
    parts = [rating_text(verdict)]
    if verdict.confidence is not None:
        parts.append(f"confidence {confidence_label(verdict.confidence).lower()}")
    if verdict.sources:
        names = [source_name(s) for s in verdict.sources[:2]]
        more = len(verdict.sources) - len(names)
        parts.append("sources: " + "; ".join(names) + (f" and {more} more" if more else ""))
    line = f"{name}: " + " · ".join(parts)
    rationale = " ".join(verdict.rationale.split())
    if rationale:
        if len(rationale) > RATIONALE_CHARS:
            rationale = rationale[:RATIONALE_CHARS].rsplit(" ", 1)[0] + "…"
        line += f" — “{rationale}”"
    return line


def source_name(source: Source) -> str:
    """A source's title, else its address, else its file."""
    return source.title or source.url or source.attachment_name or "source"


def _facts(verdict: Verdict) -> str:
    count = len(verdict.sources)
    return " · ".join(
        [
            f"confidence {confidence_label(verdict.confidence).lower()}",
            f"{count} source" + ("" if count == 1 else "s"),
            f"updated {verdict.updated_at[:10]}",
        ]
    )


class OthersSummary(QLabel):
    """One wrapping line per other reviewer, shown near the top of the editor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setProperty("role", "others")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._lines: list[str] = []
        self.set_verdicts([])

    def set_verdicts(self, verdicts: list[Verdict], hidden: int = 0) -> None:
        """Summarise these verdicts (hidden when there are none); ``hidden``: how many blind
        review keeps back, said in a calm line instead."""
        if hidden and not verdicts:
            self._lines = [blind_hint(hidden)]
            self.setText(f'<span style="color:#5b6472">{html.escape(self._lines[0])}</span>')
            self.setToolTip(HINT)
            self.setAccessibleDescription(self._lines[0])
            self.show()
            return
        self._lines = [summary_line(v) for v in verdicts]
        # Everything shown comes from people's typing: escape it, never render it as HTML.
        rows = []
        for verdict, line in zip(verdicts, self._lines, strict=True):
            name = f"{verdict.reviewer_name or 'Another reviewer'}: "
            rows.append(f"<b>{html.escape(name)}</b>{html.escape(line.removeprefix(name))}")
        self.setText("<br>".join(rows))
        self.setToolTip("\n\n".join("\n".join(card_lines(v)) for v in verdicts))
        self.setAccessibleDescription("\n".join(self._lines))
        self.setVisible(bool(verdicts))

    def lines(self) -> list[str]:
        """The summary lines as plain text (for tests and accessibility)."""
        return list(self._lines)


class OtherVerdictsView(QWidget):
    """The other reviewers' verdicts on the claim, read-only, one card each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._cards: list[QLabel] = []
        self._shown: list[tuple[str, str]] | None = None
        self.set_verdicts([])

    def set_verdicts(self, verdicts: list[Verdict], hidden: int = 0) -> None:
        """Show these verdicts (unchanged ones are not redrawn); ``hidden``: how many blind
        review keeps back."""
        shown = [(v.id, v.updated_at + str(len(v.sources))) for v in verdicts] + [("", str(hidden))]
        if shown == self._shown:
            return
        self._shown = shown
        for card in self._cards:
            self._layout.removeWidget(card)
            card.deleteLater()
        self._cards = []
        if not verdicts:
            empty = blind_hint(hidden) or "No other reviewer has rated this claim yet."
            self._add(styled_label(empty, "hint"))
        for verdict in verdicts:
            self._add(_verdict_card(verdict))

    def texts(self) -> list[str]:
        """What each card says, as plain text (for tests and accessibility)."""
        return [card.accessibleDescription() or card.text() for card in self._cards]

    def _add(self, card: QLabel) -> None:
        self._layout.addWidget(card)
        self._cards.append(card)


def _verdict_card(verdict: Verdict) -> QLabel:
    """One label per card: building a few widgets per reviewer made selecting a claim slow."""
    lines = card_lines(verdict)
    # Everything shown comes from people's typing: escape it, never render it as HTML.
    parts = [
        f"<b>{html.escape(lines[0])}</b>",
        f'<span style="color:#5b6472">{html.escape(lines[1])}</span>',
    ]
    parts += [html.escape(line).replace("\n", "<br>") for line in lines[2:]]
    card = QLabel("<br>".join(parts))
    card.setTextFormat(Qt.TextFormat.RichText)
    card.setWordWrap(True)
    card.setProperty("role", "card")
    card.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    card.setAccessibleDescription("\n".join(lines))
    return card
