"""Article ▸ Agreement between reviewers: the figures for this article and the whole file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from workbench.model import Judgement
from workbench.store import open_store
from workbench.ui.history.agreement_dialog import AgreementDialog

pytestmark = pytest.mark.gui


def _rate(db_path: Path, ratings: dict[str, tuple[str | None, ...]]) -> None:
    """Each reviewer's ratings of the test article's claims, in article order (None: a draft)."""
    with open_store(db_path) as store:
        [row] = store.list_articles()
        claims = store.claims_for(row["id"])
        for name, labels in ratings.items():
            reviewer = store.ensure_reviewer(name)
            for rc, label in zip(claims, labels, strict=False):
                store.save_verdict(rc.claim.id, reviewer.id, Judgement(label, rationale="x"))


def _open_dialog(window) -> AgreementDialog:
    window.actions_.agreement.trigger()
    [dialog] = window.findChildren(AgreementDialog)
    assert dialog.isVisible()
    return dialog


def test_the_article_menu_shows_this_articles_and_the_files_agreement(
    make_window, db_path: Path
) -> None:
    _rate(db_path, {"Ana Lima": ("True", "False", None), "Tom Okafor": ("True", "True", "True")})
    window = make_window()
    window.restore_last_article()
    assert window.actions_.agreement in window.actions_.article_menu.actions()

    dialog = _open_dialog(window)
    # Claim 3 holds Ana's draft: only claims 1 and 2 are compared.
    assert dialog.figure("claims_compared", 0) == "2"
    assert dialog.figure("percent_agreement", 0) == "50%"
    assert dialog.figure("percent_agreement", 1) == "50%"
    assert dialog.figure("cohen_kappa", 0) == "0.00"
    assert "Article: Council roads" in dialog.summaries.text()
    assert "All articles in desk.sqlite3" in dialog.summaries.text()
    # Each figure is explained in a line of its own.
    shown = [label.text() for label in dialog.table.findChildren(QLabel)]
    assert any("corrected for agreement by chance" in text for text in shown)


def test_with_nothing_to_compare_each_figure_is_a_dash_with_the_reason(
    make_window, db_path: Path
) -> None:
    _rate(db_path, {"Ana Lima": ("True",)})
    window = make_window()
    window.restore_last_article()
    dialog = _open_dialog(window)
    assert dialog.figure("percent_agreement") == "—"
    assert dialog.figure("krippendorff_alpha_ordinal", 1) == "—"
    assert "No claim has been rated by two or more reviewers yet" in dialog.summaries.text()
    assert dialog.cells[("cohen_kappa", 0)].toolTip().startswith("No claim has been rated")


def test_the_open_window_follows_a_rating_just_given(make_window, db_path: Path, qtbot) -> None:
    _rate(db_path, {"Ana Lima": ("True", "False", None), "Tom Okafor": ("True", "True", "True")})
    window = make_window()
    window.restore_last_article()
    dialog = _open_dialog(window)
    assert dialog.figure("claims_compared") == "2"

    third = next(cid for cid, rc in window.claims.items() if rc.claim.number == 3)
    window.activateWindow()
    window.claims_pane.select_claim(third)
    window.claims_pane.focus_table()
    qtbot.keyClick(window.claims_pane.table, Qt.Key.Key_1)  # Ana rates claim 3 True

    assert dialog.figure("claims_compared") == "3"
    assert dialog.figure("percent_agreement") == "67%"
    # Asked again, the same window comes forward.
    window.actions_.agreement.trigger()
    assert window.findChildren(AgreementDialog) == [dialog]
