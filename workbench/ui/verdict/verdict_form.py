"""The verdict editor's widgets and layout (like a Designer form): no behaviour lives here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.common.dialogs import ErrorLine
from workbench.ui.verdict.checked_before import CheckedBeforePanel, add_as_source
from workbench.ui.verdict.others_view import OthersSummary, OtherVerdictsView
from workbench.ui.verdict.sources_panel import SourcesPanel
from workbench.ui.verdict.verdict_parts import (
    EDITOR_STYLE,
    JudgementFields,
    section_title,
    styled_label,
    text_edit,
)

if TYPE_CHECKING:
    from workbench.ui.verdict.verdict_editor import VerdictEditor


def setup_ui(editor: VerdictEditor) -> None:
    """Create the editor's child widgets as attributes of ``editor`` and lay them out."""
    editor.setStyleSheet(EDITOR_STYLE)
    editor.note_label = styled_label("", "note")
    editor.note_label.hide()
    editor.error_line = ErrorLine()
    editor.hint_label = styled_label("Select a claim to review it.", "hint")
    editor.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

    editor.meta_label = styled_label()
    editor.wording_edit = text_edit("Claim wording", "The claim as you will check it")
    editor.wording_edit.setFixedHeight(64)
    editor.quote_label = styled_label("", "quote")
    editor.quote_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    editor.verdict_title = section_title("Your verdict")
    editor.judgement_fields = JudgementFields()
    editor.rating_picker = editor.judgement_fields.rating_picker
    editor.confidence_picker = editor.judgement_fields.confidence_picker
    editor.rationale_edit = editor.judgement_fields.rationale_edit
    editor.status_label = styled_label("", "status")
    editor.clear_button = QPushButton("Clear my verdict")
    editor.clear_button.setToolTip("Withdraw your rating, rationale and sources (undoable)")

    editor.sources_panel = SourcesPanel(
        editor._push, editor._sources_changed, editor._show_error, editor.draft_judgement
    )
    editor.sources_model = editor.sources_panel.model
    editor.sources_view = editor.sources_panel.view
    editor.others_view = OtherVerdictsView()
    editor.others_summary = OthersSummary()
    editor.checked_before = CheckedBeforePanel()
    editor.checked_before.add_requested.connect(
        lambda match: add_as_source(editor.sources_panel, match)
    )

    content = QWidget()
    form = QVBoxLayout(content)
    form.setContentsMargins(4, 4, 4, 12)
    form.setSpacing(6)
    form.addWidget(section_title("Claim"))
    form.addWidget(editor.meta_label)
    form.addWidget(editor.wording_edit)
    form.addWidget(styled_label("Exact words in the article:", "meta"))
    form.addWidget(editor.quote_label)
    # Colleagues' verdicts in a line each, above the fold; their full cards are further down.
    form.addWidget(editor.others_summary)
    form.addWidget(editor.verdict_title)
    form.addWidget(editor.judgement_fields)
    status_row = QHBoxLayout()
    status_row.addWidget(editor.status_label, 1)
    status_row.addWidget(editor.clear_button)
    form.addLayout(status_row)
    form.addWidget(section_title("Sources"))
    form.addWidget(editor.sources_panel)
    # Earlier fact-checks sit under the sources, which each of them can become with one key.
    form.addWidget(section_title("Checked before"))
    form.addWidget(editor.checked_before)
    form.addWidget(section_title("Other reviewers"))
    form.addWidget(editor.others_view)
    form.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    scroll.setWidget(content)
    editor.content = content

    editor.pages = QStackedWidget()
    editor.pages.addWidget(editor.hint_label)
    editor.pages.addWidget(scroll)
    layout = QVBoxLayout(editor)
    layout.setContentsMargins(8, 8, 8, 0)
    layout.setSpacing(6)
    layout.addWidget(editor.note_label)
    layout.addWidget(editor.error_line)
    layout.addWidget(editor.pages, 1)
