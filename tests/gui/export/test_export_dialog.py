"""File ▸ Export…: the dialog, and exporting on a worker without blocking the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from workbench.model import Article, Claim, Judgement
from workbench.services.desk import Desk
from workbench.ui.export.export_dialog import ExportChoice, ExportDialog
from workbench.ui.export.export_task import start_export

pytestmark = pytest.mark.gui


@pytest.fixture
def reviewed(file_store):
    """A store with one article, a claim per sentence and two reviewers' verdicts."""
    sentences = [f"In {2000 + i} the council spent {i} million on roads." for i in range(60)]
    article = Article(text=" ".join(sentences), title="Council spending")
    claims = []
    for sentence in sentences:
        start = article.text.index(sentence)
        claims.append(Claim(article.id, start, start + len(sentence), sentence))
    file_store.add_article(article, claims)
    ana = file_store.add_reviewer("Ana")
    tom = file_store.add_reviewer("Tom")
    for claim in claims:
        verdict = file_store.save_verdict(
            claim.id, ana.id, Judgement("Mostly true", rationale="Budget.")
        )
        file_store.add_source(verdict.id, title="Budget", url="https://council.example.org/b")
    file_store.save_verdict(claims[0].id, tom.id, Judgement("False", rationale="Wrong year."))
    return file_store, article


def _ok(dialog: ExportDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_defaults_give_pdf_and_html_for_everyone(qtbot, reviewed, tmp_path: Path) -> None:
    store, _ = reviewed
    dialog = ExportDialog(store.list_reviewers(), tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.choice() == ExportChoice(("pdf", "html"), (), False, tmp_path)
    assert _ok(dialog).isEnabled()


def test_choices_follow_the_widgets(qtbot, reviewed, tmp_path: Path) -> None:
    store, _ = reviewed
    dialog = ExportDialog(store.list_reviewers(), tmp_path)
    qtbot.addWidget(dialog)
    dialog.format_boxes["html"].setChecked(False)
    dialog.format_boxes["csv"].setChecked(True)
    dialog.reviewer_list.item(1).setCheckState(dialog.reviewer_list.item(1).checkState().Unchecked)
    dialog.include_dismissed.setChecked(True)
    assert dialog.choice() == ExportChoice(("pdf", "csv"), ("Ana",), True, tmp_path)


def test_export_is_refused_until_the_choice_makes_sense(qtbot, reviewed, tmp_path: Path) -> None:
    store, _ = reviewed
    dialog = ExportDialog(store.list_reviewers(), tmp_path)
    qtbot.addWidget(dialog)
    for box in dialog.format_boxes.values():
        box.setChecked(False)
    assert not _ok(dialog).isEnabled()
    assert dialog.problem.text() == "Tick at least one format."
    dialog.format_boxes["md"].setChecked(True)
    dialog.folder_edit.setText(str(tmp_path / "missing"))
    assert not _ok(dialog).isEnabled()
    assert dialog.problem.text() == "That folder does not exist."
    dialog.folder_edit.setText(str(tmp_path))
    assert _ok(dialog).isEnabled()


def test_ask_returns_the_choice_or_none(qtbot, reviewed, tmp_path: Path) -> None:
    store, _ = reviewed

    def press(accept: bool) -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ExportDialog))
        dialog.accept() if accept else dialog.reject()

    QTimer.singleShot(0, lambda: press(True))
    assert ExportDialog.ask(None, store.list_reviewers(), tmp_path).formats == ("pdf", "html")
    QTimer.singleShot(0, lambda: press(False))
    assert ExportDialog.ask(None, store.list_reviewers(), tmp_path) is None


def test_export_runs_on_a_worker_and_the_window_keeps_responding(
    qtbot, reviewed, tmp_path: Path
) -> None:
    store, article = reviewed
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    choice = ExportChoice(("pdf", "html", "csv"), (), False, tmp_path)
    task = start_export(Desk(store), article.id, choice)
    with qtbot.waitSignal(task.finished, timeout=20_000) as blocker:
        pass
    timer.stop()
    result = blocker.args[0]
    assert sorted(p.suffix for p in result.paths) == [".csv", ".html", ".pdf"]
    assert all(p.stat().st_size > 0 for p in result.paths)
    assert result.paths[0].read_bytes().startswith(b"%PDF")
    assert ticks, "the event loop did not run while the report was being made"
    assert not task.is_running()


def test_a_failed_export_reports_a_clear_message(qtbot, reviewed, tmp_path: Path) -> None:
    store, article = reviewed
    blocker_file = tmp_path / "file"
    blocker_file.write_text("x")
    choice = ExportChoice(("md",), (), False, blocker_file / "sub")
    task = start_export(Desk(store), article.id, choice)
    with qtbot.waitSignal(task.failed, timeout=10_000) as blocker:
        pass
    assert "does not exist" in blocker.args[0]


def test_claimreview_without_an_address_says_what_to_set(qtbot, reviewed, tmp_path) -> None:
    store, article = reviewed
    out = tmp_path / "out"
    out.mkdir()
    task = start_export(
        Desk(store), article.id, ExportChoice(("claimreview",), ("Ana",), False, out)
    )
    with qtbot.waitSignal(task.failed, timeout=10_000) as blocker:
        pass
    # It says where, in the window, the report's address is set (not a command-line flag).
    assert "report's web address" in blocker.args[0] and "Preferences" in blocker.args[0]
    assert "--base-url" not in blocker.args[0]
    assert list(out.iterdir()) == []


def test_the_dialog_offers_every_declared_format(qtbot, reviewed, tmp_path, monkeypatch) -> None:
    from workbench.report.formats import FORMATS, Format

    plain = Format(
        "txt", "Text", "Plain text — to paste", ".txt", "Text", "markdown:render_markdown"
    )
    monkeypatch.setitem(FORMATS, "txt", plain)
    store, _ = reviewed
    dialog = ExportDialog(store.list_reviewers(), tmp_path)
    qtbot.addWidget(dialog)
    labels = {name: box.text().replace("&", "") for name, box in dialog.format_boxes.items()}
    assert labels == {name: fmt.label for name, fmt in FORMATS.items()}
    assert labels["txt"] == "Plain text — to paste"
    dialog.format_boxes["txt"].setChecked(True)
    assert dialog.choice().formats == ("pdf", "html", "txt")


def test_ticking_claimreview_asks_for_the_reports_address(qtbot, reviewed, tmp_path) -> None:
    store, _ = reviewed
    dialog = ExportDialog(store.list_reviewers(), tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.base_url_edit.isVisible()
    dialog.format_boxes["claimreview"].setChecked(True)
    assert dialog.base_url_edit.isVisible()
    assert not _ok(dialog).isEnabled()
    assert "report's web address" in dialog.problem.text()
    assert "--" not in dialog.problem.text()
    dialog.base_url_edit.setText("factcheck.example.org/report")
    assert not _ok(dialog).isEnabled()
    dialog.base_url_edit.setText("https://factcheck.example.org/report")
    assert _ok(dialog).isEnabled()
    assert dialog.choice().base_url == "https://factcheck.example.org/report"


def test_the_address_field_starts_from_the_setting(qtbot, reviewed, tmp_path) -> None:
    store, _ = reviewed
    dialog = ExportDialog(
        store.list_reviewers(), tmp_path, formats=("claimreview",), base_url="https://a.example/r"
    )
    qtbot.addWidget(dialog)
    assert _ok(dialog).isEnabled()
    assert dialog.choice().base_url == "https://a.example/r"


def test_claims_nobody_reviewed_are_a_tick_away(qtbot, reviewed, tmp_path: Path) -> None:
    store, _ = reviewed
    dialog = ExportDialog(store.list_reviewers(), tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.all_claims.text().replace("&", "") == "Include claims nobody reviewed"
    assert not dialog.all_claims.isChecked() and not dialog.choice().all_claims
    dialog.all_claims.setChecked(True)
    assert dialog.choice().all_claims
    kept = ExportDialog(store.list_reviewers(), tmp_path, all_claims=True)
    qtbot.addWidget(kept)
    assert kept.all_claims.isChecked()


def test_every_option_has_its_own_alt_letter(qtbot, reviewed, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QAbstractButton, QLabel

    store, _ = reviewed
    dialog = ExportDialog(store.list_reviewers(), tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    texts = [b.text() for b in dialog.findChildren(QAbstractButton) if b.text()]
    texts += [label.text() for label in dialog.findChildren(QLabel) if label.buddy()]
    letters = [QKeySequence.mnemonic(t).toString() for t in texts if t != "Cancel"]
    assert "" not in letters, texts
    assert len(set(letters)) == len(letters), letters
    # Alt+R ticks ClaimReview, which asks for the report's address (Alt+W reaches it).
    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.format_boxes["claimreview"].isChecked, timeout=3000)
    qtbot.keyClick(dialog, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.base_url_edit
    qtbot.keyClick(dialog, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.reviewer_list
