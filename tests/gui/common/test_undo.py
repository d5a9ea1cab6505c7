"""Undo and redo of every command restore the database exactly, through the desk."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from workbench.model import Article, Block, BlockKind, Claim, ClaimState, Judgement
from workbench.services.desk import Desk
from workbench.store import Store, open_store
from workbench.ui.common import undo
from workbench.ui.verdict import source_commands

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
    desk = Desk(store)
    desk.use_reviewer("Anna")
    return desk, claim.id, anna.id


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
    desk, claim_id, anna = setup
    store = desk.store
    stack = QUndoStack()
    before = _dump(store)
    cmd = undo.SaveVerdictCommand(
        desk, claim_id, anna, Judgement("False", rationale="No."), on_change=changes.append
    )
    assert undo.push(stack, cmd) is None
    assert store.verdict_for(claim_id, anna).rating == "False"
    _round_trip(stack, store, before, _dump(store))
    assert changes == [claim_id] * 3


def test_save_verdict_undo_restores_the_previous_verdict_with_its_sources(setup) -> None:
    desk, claim_id, anna = setup
    store = desk.store
    verdict = store.save_verdict(
        claim_id, anna, Judgement("True", confidence=0.3, rationale="First.")
    )
    store.add_source(verdict.id, title="Notes", attachment=b"\x00\x01", attachment_name="n.bin")
    stack = QUndoStack()
    before = _dump(store)
    undo.push(
        stack,
        undo.SaveVerdictCommand(desk, claim_id, anna, Judgement("Half true", confidence=0.9)),
    )
    after = _dump(store)
    assert after != before
    _round_trip(stack, store, before, after)
    source = store.verdict_for(claim_id, anna).sources[0]
    assert store.get_attachment(source.id) == b"\x00\x01"


def test_clear_verdict_and_undo(setup) -> None:
    desk, claim_id, anna = setup
    store = desk.store
    verdict = store.save_verdict(claim_id, anna, Judgement("True"))
    store.add_source(verdict.id, url="https://example.org/a", attachment=b"pdf")
    before = _dump(store)
    stack = QUndoStack()
    undo.push(stack, undo.ClearVerdictCommand(desk, claim_id, anna))
    assert store.verdict_for(claim_id, anna) is None
    _round_trip(stack, store, before, _dump(store))


def test_add_edit_remove_source_round_trips(setup) -> None:
    desk, claim_id, anna = setup
    store = desk.store
    verdict = store.save_verdict(claim_id, anna, Judgement("True"))
    stack = QUndoStack()
    states = [_dump(store)]
    undo.push(
        stack,
        source_commands.AddSourceCommand(
            desk,
            claim_id,
            verdict.reviewer_id,
            {"title": "Budget", "url": "https://example.org/b"},
            attachment=b"budget bytes",
            attachment_name="budget.pdf",
        ),
    )
    states.append(_dump(store))
    source_id = states[-1]["sources"][0]["id"]
    undo.push(
        stack,
        source_commands.EditSourceCommand(desk, claim_id, source_id, {"title": "Budget 2024"}),
    )
    states.append(_dump(store))
    undo.push(stack, source_commands.RemoveSourceCommand(desk, claim_id, source_id))
    states.append(_dump(store))
    assert states[-1]["sources"] == []
    for state in reversed(states[:-1]):
        stack.undo()
        assert _dump(store) == state
    for state in states[1:]:
        stack.redo()
        assert _dump(store) == state


def test_dismiss_and_restore_claim(setup, changes) -> None:
    desk, claim_id, _ = setup
    store = desk.store
    stack = QUndoStack()
    dismiss = undo.ClaimStateCommand(desk, claim_id, ClaimState.DISMISSED, changes.append)
    undo.push(stack, dismiss)
    assert store.get_claim(claim_id).state == ClaimState.DISMISSED
    stack.undo()
    assert store.get_claim(claim_id).state == ClaimState.OPEN
    stack.redo()
    undo.push(stack, undo.ClaimStateCommand(desk, claim_id, ClaimState.OPEN, changes.append))
    assert store.get_claim(claim_id).state == ClaimState.OPEN
    stack.undo()
    assert store.get_claim(claim_id).state == ClaimState.DISMISSED
    assert changes == [claim_id] * 5


def test_delete_claim_undo_brings_back_verdicts_and_files(setup) -> None:
    desk, claim_id, anna = setup
    store = desk.store
    verdict = store.save_verdict(claim_id, anna, Judgement("False", rationale="Checked."))
    store.add_source(verdict.id, title="Scan", attachment=b"scan", attachment_name="s.png")
    before = _dump(store)
    stack = QUndoStack()
    undo.push(stack, undo.DeleteClaimCommand(desk, claim_id))
    assert _dump(store) == {"claims": [], "verdicts": [], "sources": []}
    _round_trip(stack, store, before, _dump(store))


def test_edit_claim_wording_and_span(setup) -> None:
    desk, claim_id, _ = setup
    store = desk.store
    before = _dump(store)
    stack = QUndoStack()
    undo.push(stack, undo.RewordClaimCommand(desk, claim_id, "Prices rose by 5%"))
    assert stack.undoText() == "Edit claim wording"
    undo.push(stack, undo.SpanCommand(desk, claim_id, 0, 14))
    assert store.get_claim(claim_id).quote == "Prices rose 5%"
    stack.undo()
    stack.undo()
    assert _dump(store) == before


def test_a_refused_change_leaves_no_undo_step(setup) -> None:
    desk, claim_id, anna = setup
    store = desk.store
    errors: list = []
    stack = QUndoStack()
    cmd = undo.SaveVerdictCommand(
        desk, claim_id, anna, Judgement("Sort of"), on_error=lambda exc, _doing: errors.append(exc)
    )
    error = undo.push(stack, cmd)
    assert error is not None and "not on this database's rating scale" in str(error)
    assert errors == [error]
    assert stack.count() == 0
    assert store.verdict_for(claim_id, anna) is None


def test_read_only_database_refuses_commands(setup, tmp_path: Path) -> None:
    desk, claim_id, _ = setup
    desk.store.close()
    ro = open_store(tmp_path / "undo.sqlite3", read_only=True)
    try:
        stack = QUndoStack()
        command = undo.ClaimStateCommand(Desk(ro), claim_id, ClaimState.DISMISSED)
        error = undo.push(stack, command)
        assert error is not None and "read-only" in str(error)
        assert stack.count() == 0
    finally:
        ro.close()


def test_saving_an_unchanged_verdict_makes_no_undo_step(setup, changes) -> None:
    desk, claim_id, anna = setup
    store = desk.store
    store.save_verdict(claim_id, anna, Judgement("True", confidence=0.6, rationale="Same."))
    stack = QUndoStack()
    cmd = undo.SaveVerdictCommand(
        desk,
        claim_id,
        anna,
        Judgement("true", confidence=0.6, rationale=" Same. "),
        on_change=changes.append,
    )
    assert undo.push(stack, cmd) is None
    assert stack.count() == 0
    assert changes == []


def test_a_claim_marked_by_hand_goes_and_comes_back(setup) -> None:
    desk, _, _ = setup
    store = desk.store
    before = _dump(store)
    shown: list[str | None] = []
    stack = QUndoStack()
    article_id = store.list_articles()[0]["id"]
    cmd = undo.AddClaimCommand(desk, article_id, 23, 62, on_change=shown.append)
    assert undo.push(stack, cmd) is None
    assert store.get_claim(cmd.claim_id).quote == "The mayor said crime halved since 2019."
    _round_trip(stack, store, before, _dump(store))
    assert shown == [cmd.claim_id, None, cmd.claim_id]


def test_a_deleted_claim_is_not_shown_until_undone(setup) -> None:
    desk, claim_id, _ = setup
    shown: list[str | None] = []
    stack = QUndoStack()
    undo.push(stack, undo.DeleteClaimCommand(desk, claim_id, on_change=shown.append))
    stack.undo()
    assert shown == [None, claim_id]


def test_a_failed_undo_says_what_was_being_undone(setup) -> None:
    desk, claim_id, _ = setup
    errors: list[tuple[str, str]] = []
    stack = QUndoStack()
    cmd = undo.ClaimStateCommand(
        desk,
        claim_id,
        ClaimState.DISMISSED,
        on_error=lambda exc, doing: errors.append((doing, str(exc))),
    )
    undo.push(stack, cmd)
    desk.store.delete_claim(claim_id)  # gone behind the stack's back
    stack.undo()
    assert [doing for doing, _ in errors] == ["Undo claim dismissal"]
    assert "There is no claim" in errors[0][1]
    assert stack.count() == 0
