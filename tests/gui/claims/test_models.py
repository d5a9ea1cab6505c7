"""Every Qt model of the desk passes qtmodeltester, with real rows in it."""

from __future__ import annotations

import pytest

from workbench.model import ClaimKind
from workbench.ui.claims.claim_state import ReviewState
from workbench.ui.claims.claims_model import ClaimsFilterModel, ClaimsTableModel
from workbench.ui.library.library_dialog import ArticlesModel

pytestmark = pytest.mark.gui


def test_claims_model_and_its_filter_proxy(qtmodeltester, make_window) -> None:
    window = make_window()
    window.restore_last_article()
    claims = list(window.claims.values())
    model = ClaimsTableModel()
    model.set_claims(claims, window.desk.reviewer_id)
    qtmodeltester.check(model)
    proxy = ClaimsFilterModel()
    proxy.setSourceModel(model)
    proxy.set_filters(kind=ClaimKind.QUANTITY, threshold=0.5)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 2
    proxy.set_filters(kind=None, state=ReviewState.DISMISSED)
    assert proxy.rowCount() == 0
    model.set_claims(claims[:1], window.desk.reviewer_id)
    qtmodeltester.check(model)


def test_the_window_models_pass_too(qtmodeltester, make_window) -> None:
    window = make_window()
    window.restore_last_article()
    qtmodeltester.check(window.claims_pane.model)
    qtmodeltester.check(window.claims_pane.proxy)


def test_articles_model(qtmodeltester, make_window) -> None:
    window = make_window()
    model = ArticlesModel()
    model.set_rows(window.desk.articles())
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Council roads"
    assert window.desk.articles("roads")[0]["title"] == "Council roads"
    assert window.desk.articles("no such words") == []
