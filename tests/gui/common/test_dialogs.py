"""Dialogs built offscreen and driven through their fields and accept logic."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel

from workbench.model import Source
from workbench.scales import available_scales
from workbench.ui.library.paste_article_dialog import PasteArticleDialog, PastedArticle
from workbench.ui.preferences.preferences_dialog import PREFERENCE_DEFAULTS, PreferencesDialog
from workbench.ui.preferences.reviewer_dialog import ReviewerDialog
from workbench.ui.verdict.source_dialog import SourceDialog
from workbench.ui.window.shortcuts_dialog import ShortcutsDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def build(qtbot):
    def _build(dialog: QDialog) -> QDialog:
        qtbot.addWidget(dialog)
        return dialog

    return _build


# -- preferences -------------------------------------------------------------------------------
def test_preferences_return_every_value(build) -> None:
    dialog = build(PreferencesDialog(None, {"reviewer_name": "Anna", "window": "kept"}))
    dialog.sensitivity_spin.setValue(0.35)
    dialog.organisation_edit.setText("Northern Fact Check")
    dialog.base_url_edit.setText("https://factcheck.example.org/")
    dialog.page_combo.setCurrentText("Letter")
    dialog.backups_spin.setValue(12)
    dialog.scale_combo.setCurrentIndex(dialog.scale_combo.findData("short"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value() == {
        **PREFERENCE_DEFAULTS,
        "reviewer_name": "Anna",
        "sensitivity": 0.35,
        "organisation_name": "Northern Fact Check",
        "organisation_url": "https://factcheck.example.org/",
        "page_size": "Letter",
        "backups_to_keep": 12,
        "rating_scale": "short",
        "window": "kept",
    }


def test_preferences_offer_every_shipped_scale(build) -> None:
    dialog = build(PreferencesDialog(None, {}))
    names = [dialog.scale_combo.itemData(i) for i in range(dialog.scale_combo.count())]
    assert names == available_scales()
    assert "Mostly true" in dialog.scale_labels.text()


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("base_url_edit", "factcheck.example.org", "is not a web address"),
        ("base_url_edit", "ftp://example.org", "is not a web address"),
        ("reviewer_edit", "   ", "reviewer's name"),
        ("pipeline_combo", "en core web", "spaCy pipeline"),
    ],
)
def test_preferences_refuse_bad_entries_with_a_message(build, field, text, message) -> None:
    dialog = build(PreferencesDialog(None, {"reviewer_name": "Anna"}))
    widget = getattr(dialog, field)
    (widget.setCurrentText if field == "pipeline_combo" else widget.setText)(text)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert message in dialog.error_line.message()


def test_preferences_refuse_a_sensitivity_that_is_not_a_number(build) -> None:
    dialog = build(PreferencesDialog(None, {"reviewer_name": "Anna"}))
    dialog.sensitivity_spin.lineEdit().setText("")
    dialog.accept()
    assert "Sensitivity must be a number between 0 and 1" in dialog.error_line.message()


def test_preferences_ask_can_be_replaced(monkeypatch) -> None:
    monkeypatch.setattr(PreferencesDialog, "ask", classmethod(lambda cls, parent, values: None))
    assert PreferencesDialog.ask(None, {}) is None


# -- paste article -----------------------------------------------------------------------------
def test_paste_article_refuses_empty_text(build) -> None:
    dialog = build(PasteArticleDialog())
    dialog.text_edit.setPlainText("  \n ")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Paste the article's text" in dialog.error_line.message()


def test_paste_article_keeps_the_text_exactly(build) -> None:
    text = "Headline 🚀\n\nUnemployment fell to 3.9%.  \n"
    dialog = build(PasteArticleDialog())
    QGuiApplication.clipboard().setText(text)
    dialog.paste_clipboard()
    dialog.title_edit.setText("Jobs")
    dialog.outlet_edit.setText("The Courier")
    dialog.url_edit.setText("https://courier.example/jobs")
    dialog.published_edit.set_value("2024-04-16")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value() == PastedArticle(
        text, "Jobs", "The Courier", "https://courier.example/jobs", "2024-04-16"
    )


def test_paste_article_reads_a_typed_date_and_refuses_one_it_cannot_read(qtbot, build) -> None:
    dialog = build(PasteArticleDialog())
    dialog.text_edit.setPlainText("Some text.")
    field = dialog.published_edit.edit
    qtbot.keyClicks(field, "16 April 2024")
    assert dialog.value().published == "2024-04-16"
    field.clear()
    qtbot.keyClicks(field, "4012015")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "is not a date" in dialog.error_line.message()


def test_paste_article_refuses_a_bad_address(build) -> None:
    dialog = build(PasteArticleDialog())
    dialog.text_edit.setPlainText("Some text.")
    dialog.url_edit.setText("courier")
    dialog.accept()
    assert "is not a web address" in dialog.error_line.message()


# -- shortcuts ---------------------------------------------------------------------------------
def test_shortcuts_table_lists_actions_with_keys(build) -> None:
    actions = []
    for text, keys in [("&Next claim", "J"), ("Save && next", "Ctrl+Return"), ("Help", "")]:
        action = QAction(text)
        action.setShortcut(QKeySequence(keys))
        actions.append(action)
    dialog = build(ShortcutsDialog(None, actions))
    rows = dialog.rows()
    assert [name for name, _ in rows] == ["Next claim", "Save & next"]
    assert rows[0][1] == QKeySequence("J").toString(QKeySequence.SequenceFormat.NativeText)
    dialog.filter_edit.setText("save")
    assert [name for name, _ in dialog.rows()] == ["Save & next"]


# -- reviewer ----------------------------------------------------------------------------------
def test_reviewer_dialog_picks_an_existing_name(build) -> None:
    dialog = build(ReviewerDialog(None, ["Anna", "Ben"]))
    dialog.names_combo.setCurrentText("Ben")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value() == "Ben"


def test_reviewer_dialog_takes_a_new_name(qtbot, build) -> None:
    dialog = build(ReviewerDialog(None, ["Anna"]))
    qtbot.keyClicks(dialog.name_edit, "  Carla   Diaz ")
    assert dialog.new_radio.isChecked()
    assert dialog.value() == "Carla Diaz"
    dialog.name_edit.setText("anna")
    assert dialog.value() == "Anna"  # the existing spelling, not a second reviewer


def test_reviewer_dialog_needs_a_name_on_first_start(build) -> None:
    dialog = build(ReviewerDialog(None, []))
    assert dialog.names_combo.isHidden()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Type your name" in dialog.error_line.message()


# -- source ------------------------------------------------------------------------------------
def test_source_dialog_attaches_a_file(build, tmp_path: Path) -> None:
    file = tmp_path / "minutes.pdf"
    file.write_bytes(b"%PDF-1.4 council minutes")
    dialog = build(SourceDialog())
    assert dialog.attach_file(file)
    assert hashlib.sha256(file.read_bytes()).hexdigest()[:16] in dialog.attachment_label.text()
    dialog.accept()
    value = dialog.value()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (value.attachment, value.attachment_name) == (file.read_bytes(), "minutes.pdf")
    assert value.fields["accessed"]  # today by default


def test_source_dialog_needs_a_title_address_or_file(build) -> None:
    dialog = build(SourceDialog())
    dialog.publisher_edit.setText("ONS")
    dialog.accept()
    assert "title, an address or an attached file" in dialog.error_line.message()
    dialog.url_edit.setText("ons.gov.uk")
    dialog.accept()
    assert "is not a web address" in dialog.error_line.message()


def test_source_dialog_reports_a_missing_file(build, tmp_path: Path) -> None:
    dialog = build(SourceDialog())
    assert not dialog.attach_file(tmp_path / "gone.pdf")
    assert "Could not read “gone.pdf”" in dialog.error_line.message()


def test_source_dialog_edits_keep_unknown_dates(build) -> None:
    source = Source(verdict_id="v", title="Diary", published="spring 2019", accessed="2024-05-01")
    dialog = build(SourceDialog(None, source))
    assert dialog.attach_button.isHidden()
    fields = dialog.value().fields
    assert fields["published"] == "spring 2019"
    assert fields["accessed"] == "2024-05-01"
    dialog.paste_quote()  # an empty clipboard changes nothing
    QGuiApplication.clipboard().setText("“We kept records.”")
    dialog.paste_quote()
    assert dialog.value().fields["quote"] == "“We kept records.”"


def test_preferences_give_every_field_its_own_alt_letter(build) -> None:
    from PySide6.QtGui import QKeySequence

    dialog = build(PreferencesDialog(None, {"reviewer_name": "Anna"}))
    # Every label of a field one can change (a read-only line such as "Labels:" has none).
    labels = [
        label.text()
        for label in dialog.findChildren(QLabel)
        if label.buddy() and not isinstance(label.buddy(), QLabel)
    ]
    letters = [QKeySequence.mnemonic(text).toString() for text in labels]
    assert "" not in letters, labels
    assert len(set(letters)) == len(letters), labels
