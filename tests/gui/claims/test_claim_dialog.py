"""Edit claim record… (F2): every field by Tab and Alt+letter, checked, undoable, shown in the table."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from workbench.model import ClaimantType, ClaimKind
from workbench.services.library import import_pasted
from workbench.store import open_store
from workbench.ui.claims.claim_dialog import ClaimDialog
from workbench.ui.claims.claims_model import Column

pytestmark = pytest.mark.gui

TEXT = (
    "Acme Corp. reported a loss of $4 million for the quarter on Tuesday.\n\n"
    "Retail sales fell 8 percent from a year earlier, the company said."
)
QUOTE = "Retail sales fell 8 percent from a year earlier"


@pytest.fixture
def acme_db(tmp_path: Path, claim_at) -> Path:
    """An article whose one found claim has “company” as a person for its claimant."""
    path = tmp_path / "acme.sqlite3"
    with open_store(path) as store:
        store.set_setting("seeded", True)
        article = import_pasted(store, TEXT, title="Acme results", run_extraction=False).article
        claim = claim_at(
            article.id,
            TEXT,
            QUOTE,
            speaker="company",
            claimant_type=ClaimantType.PERSON,
            kind=ClaimKind.OTHER,
            score=0.9,
        )
        store.add_claims(article.id, [claim])
    return path


def speakers(window) -> list[str]:
    proxy = window.claims_pane.proxy
    return [
        proxy.data(proxy.index(row, Column.SPEAKER, QModelIndex()))
        for row in range(proxy.rowCount())
    ]


def fill_and_save(monkeypatch, **fields) -> list[ClaimDialog]:
    """Replace the modal dialog: the real one is built, filled as a reviewer would, and saved."""
    opened: list[ClaimDialog] = []

    def ask(parent, claim, choices, dismissal=None):
        dialog = ClaimDialog(claim, choices, parent, dismissal=dismissal)
        opened.append(dialog)
        if "claimant" in fields:
            names = [dialog.claimant.itemText(i) for i in range(dialog.claimant.count())]
            dialog.claimant.setCurrentIndex(names.index(fields["claimant"]))
            dialog.claimant.activated.emit(dialog.claimant.currentIndex())
        if "said_on" in fields:
            dialog.said_on.set_text(fields["said_on"])
        if "wording" in fields:
            dialog.wording.setPlainText(fields["wording"])
        dialog.accept()
        return dialog.changes() if dialog.result() == ClaimDialog.DialogCode.Accepted else None

    monkeypatch.setattr(ClaimDialog, "ask", staticmethod(ask))
    return opened


@pytest.mark.slow
def test_f2_picks_the_claimant_from_the_article_and_the_table_shows_it(
    make_window, acme_db, monkeypatch, qtbot
) -> None:
    opened = fill_and_save(monkeypatch, claimant="Acme Corp.", said_on="12 March 2024")
    window = make_window(path=acme_db)
    window.restore_last_article()
    [claim_id] = window.claims
    window.claims_pane.select_claim(claim_id)
    window.claims_pane.focus_table()
    assert speakers(window) == ["company"]

    qtbot.keyClick(window.claims_pane.table, Qt.Key.Key_F2)

    assert opened, "F2 opens the claim record"
    saved = window.desk.claim(claim_id)
    assert (saved.speaker, saved.claimant_type) == ("Acme Corp.", ClaimantType.ORGANISATION)
    assert saved.said_on == "2024-03-12"
    assert saved.guess is not None and saved.guess["speaker"] == "company"
    assert speakers(window) == ["Acme Corp."]

    window.actions_.undo.trigger()
    assert speakers(window) == ["company"]
    undone = window.desk.claim(claim_id)
    assert (undone.claimant_type, undone.said_on, undone.guess) == (ClaimantType.PERSON, None, None)
    window.actions_.redo.trigger()
    assert speakers(window) == ["Acme Corp."]


def test_empty_wording_is_refused_and_nothing_changes(make_window, acme_db, monkeypatch) -> None:
    opened = fill_and_save(monkeypatch, wording="  ")
    window = make_window(path=acme_db)
    window.restore_last_article()
    [claim_id] = window.claims
    window.claims_pane.select_claim(claim_id)
    before = window.desk.claim(claim_id)

    window.actions_.edit_record.trigger()

    assert "cannot be empty" in opened[0].error_line.message()
    assert window.desk.claim(claim_id) == before
    assert window.undo_stack.count() == 0


def test_a_date_that_is_not_one_is_refused(acme_db, qtbot) -> None:
    with open_store(acme_db) as store:
        [article] = store.list_articles()
        [reviewed] = store.claims_for(article["id"])
    dialog = ClaimDialog(reviewed.claim, [])
    qtbot.addWidget(dialog)
    dialog.said_on.set_text("next Tuesday-ish")
    dialog.accept()
    assert "is not a date" in dialog.error_line.message()
    assert dialog.result() != ClaimDialog.DialogCode.Accepted


def test_every_field_is_reached_by_tab_and_by_its_alt_letter(acme_db, qtbot) -> None:
    with open_store(acme_db) as store:
        [article] = store.list_articles()
        [reviewed] = store.claims_for(article["id"])
    dialog = ClaimDialog(reviewed.claim, [("Acme Corp.", ClaimantType.ORGANISATION)])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    fields = [
        dialog.wording,
        dialog.claimant,
        dialog.claimant_type,
        dialog.said_on.edit,
        dialog.said_where,
        dialog.kind,
    ]
    stops = [*fields[:4], dialog.said_on.pick_button, *fields[4:]]  # the date's calendar too
    dialog.wording.setFocus()
    reached = []
    for _ in stops:
        focus = QApplication.focusWidget()
        reached.append(dialog.claimant if focus is dialog.claimant.lineEdit() else focus)
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    assert reached == stops

    for letter, field in zip("WCTOHK", fields, strict=True):
        qtbot.keyClick(dialog, getattr(Qt.Key, f"Key_{letter}"), Qt.KeyboardModifier.AltModifier)
        focus = QApplication.focusWidget()
        assert focus is field or focus is dialog.claimant.lineEdit(), letter


def test_found_as_shows_the_finders_reading_once_it_differs(acme_db, qtbot) -> None:
    with open_store(acme_db) as store:
        [article] = store.list_articles()
        [reviewed] = store.claims_for(article["id"])
    claim = reviewed.claim
    claim.guess = {"claim": claim.claim, "speaker": "company", "claimant_type": "person"}
    claim.guess["kind"] = claim.kind.value
    unchanged = ClaimDialog(claim, [])
    qtbot.addWidget(unchanged)
    assert unchanged.found_as.isHidden()
    claim.speaker, claim.claimant_type = "Acme Corp.", ClaimantType.ORGANISATION
    corrected = ClaimDialog(claim, [])
    qtbot.addWidget(corrected)
    assert not corrected.found_as.isHidden()
    assert "company (person)" in corrected.found_as.text()


@pytest.mark.slow
def test_a_claim_marked_by_hand_gets_its_claimant(make_window, acme_db) -> None:
    window = make_window(path=acme_db)
    window.restore_last_article()
    start = TEXT.index("the quarter")
    window.article_pane.text.select_span(start - len("loss of $4 million for "), start + 11)
    window.actions_.add_claim.trigger()
    added = window.current_claim().claim
    assert added.quote == "loss of $4 million for the quarter"
    assert (added.speaker, added.claimant_type) == ("Acme Corp.", ClaimantType.ORGANISATION)
    assert "Acme Corp." in speakers(window)
