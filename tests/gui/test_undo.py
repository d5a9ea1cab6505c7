"""Undo and redo of every command restore the database exactly, through the Store."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from workbench.model import Article, Block, BlockKind, Claim, ClaimState
from workbench.store import Store, open_store
from workbench.ui import undo

pytestmark = pytest.mark.gui

TEXT = "Prices rose 5% in May. The mayor said crime halved since 2019."


def _dump(store: Store) -> dict[str, list[dict]]:
    """Every row a reviewer's work lives in (not the audit log, which only grows)."""
    return {
        table: sorted(store.db[table].rows, key=lambda r: r["id"])
        for table in ("claims", "verdicts", "sources")
    }


@pytest.fixture
def store(tmp_path: Path):
    s = open_store(tmp_path / "undo.sqlite3")
    yield s
    s.close()


@pytest.fixture
def setup(store: Store):
    article = Article(text=TEXT, title="Town", blocks=[Block(BlockKind.BODY, 0, len(TEXT))])
    quote = "Prices rose 5% in May."
    claim = Claim(article_id="", start=0, end=len(quote), quote=quote)
    store.add_article(article, [claim])
    anna = store.add_reviewer("Anna")
    return store, claim.id, anna.id


@pytest.fixture
def changes() -> list[str]:
    return []


def _round_trip(stack: QUndoStack, store: Store, before: dict, after: dict) -> None:
    assert _dump(store) == after
    stack.undo()
    assert _dump(store) == before
    stack.redo()
    assert _dump(store) == after


def test_save_verdict_undo_removes_the_first_verdict(setup, changes) -> None:
    store, claim_id, anna = setup
    stack = QUndoStack()
    before = _dump(store)
    cmd = undo.SaveVerdictCommand(
        store, claim_id, anna, "False", rationale="No.", on_change=changes.append
    )
    assert undo.push(stack, cmd) is None
    assert store.verdict_for(claim_id, anna).rating == "False"
    _round_trip(stack, store, before, _dump(store))
    assert changes == [claim_id] * 3


def test_save_verdict_undo_restores_the_previous_verdict_with_its_sources(setup) -> None:
    store, claim_id, anna = setup
    verdict = store.save_verdict(claim_id, anna, "True", confidence=0.3, rationale="First.")
    store.add_source(verdict.id, title="Notes", attachment=b"\x00\x01", attachment_name="n.bin")
    stack = QUndoStack()
    before = _dump(store)
    undo.push(
        stack,
        undo.SaveVerdictCommand(store, claim_id, anna, "Half true", confidence=0.9),
    )
    after = _dump(store)
    assert after != before
    _round_trip(stack, store, before, after)
    source = store.verdict_for(claim_id, anna).sources[0]
    assert store.get_attachment(source.id) == b"\x00\x01"


def test_clear_verdict_and_undo(setup) -> None:
    store, claim_id, anna = setup
    verdict = store.save_verdict(claim_id, anna, "True")
    store.add_source(verdict.id, url="https://example.org/a", attachment=b"pdf")
    before = _dump(store)
    stack = QUndoStack()
    undo.push(stack, undo.ClearVerdictCommand(store, claim_id, anna))
    assert store.verdict_for(claim_id, anna) is None
    _round_trip(stack, store, before, _dump(store))


def test_add_edit_remove_source_round_trips(setup) -> None:
    store, claim_id, anna = setup
    verdict = store.save_verdict(claim_id, anna, "True")
    stack = QUndoStack()
    states = [_dump(store)]
    undo.push(
        stack,
        undo.AddSourceCommand(
            store,
            claim_id,
            verdict.id,
            {"title": "Budget", "url": "https://example.org/b"},
            attachment=b"budget bytes",
            attachment_name="budget.pdf",
        ),
    )
    states.append(_dump(store))
    source_id = states[-1]["sources"][0]["id"]
    undo.push(stack, undo.EditSourceCommand(store, claim_id, source_id, {"title": "Budget 2024"}))
    states.append(_dump(store))
    undo.push(stack, undo.RemoveSourceCommand(store, claim_id, source_id))
    states.append(_dump(store))
    assert states[-1]["sources"] == []
    for state in reversed(states[:-1]):
        stack.undo()
        assert _dump(store) == state
    for state in states[1:]:
        stack.redo()
        assert _dump(store) == state


def test_dismiss_and_restore_claim(setup, changes) -> None:
    store, claim_id, anna = setup
    stack = QUndoStack()
    undo.push(stack, undo.DismissClaimCommand(store, claim_id, anna, changes.append))
    assert store.get_claim(claim_id).state == ClaimState.DISMISSED
    stack.undo()
    assert store.get_claim(claim_id).state == ClaimState.OPEN
    stack.redo()
    undo.push(stack, undo.RestoreClaimCommand(store, claim_id, anna, changes.append))
    assert store.get_claim(claim_id).state == ClaimState.OPEN
    stack.undo()
    assert store.get_claim(claim_id).state == ClaimState.DISMISSED
    assert changes == [claim_id] * 5


def test_delete_claim_undo_brings_back_verdicts_and_files(setup) -> None:
    store, claim_id, anna = setup
    verdict = store.save_verdict(claim_id, anna, "False", rationale="Checked.")
    store.add_source(verdict.id, title="Scan", attachment=b"scan", attachment_name="s.png")
    before = _dump(store)
    stack = QUndoStack()
    undo.push(stack, undo.DeleteClaimCommand(store, claim_id, anna))
    assert _dump(store) == {"claims": [], "verdicts": [], "sources": []}
    _round_trip(stack, store, before, _dump(store))


def test_edit_claim_wording_and_span(setup) -> None:
    store, claim_id, _ = setup
    before = _dump(store)
    stack = QUndoStack()
    undo.push(stack, undo.EditClaimCommand(store, claim_id, {"claim": "Prices rose by 5%"}, None))
    assert stack.undoText() == "Edit claim wording"
    undo.push(stack, undo.EditClaimCommand(store, claim_id, {"start": 0, "end": 14}, None))
    assert store.get_claim(claim_id).quote == "Prices rose 5%"
    stack.undo()
    stack.undo()
    assert _dump(store) == before


def test_a_refused_change_leaves_no_undo_step(setup) -> None:
    store, claim_id, anna = setup
    errors: list = []
    stack = QUndoStack()
    cmd = undo.SaveVerdictCommand(store, claim_id, anna, "Sort of", on_error=errors.append)
    error = undo.push(stack, cmd)
    assert error is not None and "not on this database's rating scale" in str(error)
    assert errors == [error]
    assert stack.count() == 0
    assert store.verdict_for(claim_id, anna) is None


def test_read_only_database_refuses_commands(setup, tmp_path: Path) -> None:
    store, claim_id, anna = setup
    store.close()
    ro = open_store(tmp_path / "undo.sqlite3", read_only=True)
    try:
        stack = QUndoStack()
        error = undo.push(stack, undo.DismissClaimCommand(ro, claim_id, anna))
        assert error is not None and "read-only" in str(error)
        assert stack.count() == 0
    finally:
        ro.close()


def test_saving_an_unchanged_verdict_makes_no_undo_step(setup, changes) -> None:
    store, claim_id, anna = setup
    store.save_verdict(claim_id, anna, "True", confidence=0.6, rationale="Same.")
    stack = QUndoStack()
    cmd = undo.SaveVerdictCommand(
        store, claim_id, anna, "true", confidence=0.6, rationale=" Same. ", on_change=changes.append
    )
    assert undo.push(stack, cmd) is None
    assert stack.count() == 0
    assert changes == []
