"""File ▸ Merge a colleague's work…: their verdicts appear in the desk, conflicts are listed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.gui.conftest import EMOJI_ARTICLE, EMOJI_CLAIMS
from workbench.model import Article, Judgement
from workbench.services.merge import MergeResult
from workbench.services.merge_plan import Conflict
from workbench.store import open_store
from workbench.ui.library import merge_controller
from workbench.ui.library.merge_controller import MergeController
from workbench.ui.library.merge_summary_dialog import MergeSummaryDialog

pytestmark = pytest.mark.gui

COUNCIL = EMOJI_CLAIMS[0][0]


@pytest.fixture
def colleague(tmp_path: Path, claim_at: Callable) -> Path:
    """Ben's laptop: the same article imported on its own, and his verdict on the council claim."""
    path = tmp_path / "ben" / "desk.sqlite3"
    with open_store(path) as store:
        # The smallest id there is: the desk's copy of the article is the one renamed.
        article = store.add_article(
            Article(
                text=EMOJI_ARTICLE, title="Council roads", id=f"{0:08d}-0000-4000-8000-{0:012d}"
            )
        )
        [claim] = store.add_claims(article.id, [claim_at(article.id, EMOJI_ARTICLE, COUNCIL)])
        ben = store.add_reviewer("Ben Ode")
        store.save_verdict(claim.id, ben.id, Judgement("False", rationale="Budget book"))
    return path


def test_merging_shows_the_colleagues_verdict_in_the_desk(
    make_window, colleague, monkeypatch, qtbot, messages
):
    shown: list[MergeResult] = []
    monkeypatch.setattr(merge_controller, "ask_merge_file", lambda *a: str(colleague))
    monkeypatch.setattr(merge_controller, "show_summary", lambda parent, r: shown.append(r))
    window = make_window()
    assert window.open_article(window.desk.articles()[0]["id"])
    window.actions_.merge_work.trigger()
    controller = MergeController.of(window)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    [result] = shown
    assert result.added == {"verdict": 1, "reviewer": 1}
    assert window.article is not None and window.article.title == "Council roads"
    assert window.article.id.startswith("00000000")  # shown under the id it is kept by
    assert messages == []
    claims = window.desk.claims(window.article.id)
    council = next(rc for rc in claims if rc.claim.quote == COUNCIL)
    assert [v.reviewer_name for v in council.verdicts] == ["Ben Ode"]
    assert len(window.desk.articles()) == 1
    qtbot.waitUntil(lambda: not controller.runner.busy, timeout=3000)


def test_a_file_that_cannot_be_merged_says_so_and_changes_nothing(
    make_window, tmp_path, monkeypatch, qtbot, messages
):
    junk = tmp_path / "notes.txt"
    junk.write_text("hello")
    shown: list[MergeResult] = []
    monkeypatch.setattr(merge_controller, "show_summary", lambda parent, r: shown.append(r))
    window = make_window()
    before = window.desk.articles()
    controller = MergeController.of(window)
    with qtbot.waitSignal(controller.ended, timeout=10000):
        controller.merge(str(junk))
    assert not shown
    assert messages and "not a Factcheck Workbench database" in messages[-1][1]
    assert window.desk.articles() == before


def test_the_summary_lists_each_conflict_with_both_versions(qtbot, tmp_path):
    conflict = Conflict(
        "verdict",
        "v1",
        "of Ana Lima on “Crime fell by 12 percent”",
        {"rating": "True", "rationale": "Police data"},
        {"rating": "False", "rationale": "Police data"},
        "there",
    )
    result = MergeResult(
        "ben.sqlite3",
        "desk.sqlite3",
        added={"verdict": 3},
        updated={"verdict": 1},
        conflicts=[conflict],
        events_added=4,
        backup=tmp_path / "desk-manual.sqlite3",
    )
    dialog = MergeSummaryDialog(result)
    qtbot.addWidget(dialog)
    assert "Added: 3 verdicts." in dialog.summary.text()
    item = dialog.conflicts.topLevelItem(0)
    assert dialog.conflicts.topLevelItemCount() == 1
    assert item.text(0).startswith("Verdict of Ana Lima")
    assert (item.text(1), item.text(2), item.text(3)) == (
        "rating: True",
        "rating: False",
        "The other's",
    )


def test_merging_a_file_where_the_open_article_was_deleted_shows_no_error(
    make_window, db_path, tmp_path, monkeypatch, qtbot, messages
):
    from workbench.services.merge import merge_file

    colleague = tmp_path / "ben" / "desk.sqlite3"
    colleague.parent.mkdir()
    with open_store(colleague) as store:
        merge_file(store, db_path, backup=False)
        [article] = store.list_articles()
        store.delete_article(article["id"])
    shown: list[MergeResult] = []
    monkeypatch.setattr(merge_controller, "show_summary", lambda parent, r: shown.append(r))
    window = make_window()
    assert window.open_article(article["id"])
    controller = MergeController.of(window)
    with qtbot.waitSignal(controller.ended, timeout=10000):
        controller.merge(str(colleague))
    assert shown and shown[0].removed.get("article") == 1
    assert messages == []
    assert window.article is None
    assert window.desk.articles() == []
    qtbot.waitUntil(lambda: not controller.runner.busy, timeout=3000)
