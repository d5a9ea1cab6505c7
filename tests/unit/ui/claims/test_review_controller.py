"""The review controller against a fake window: a real desk on an in-memory database, no widgets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QUndoStack

from workbench.model import Article, ClaimState, ReviewedClaim
from workbench.services.desk import Desk
from workbench.ui.claims.review_controller import ReviewController, ReviewView

TEXT = (
    "The council spent £2m on roads in 2023, the mayor said.\n\nCrime fell by 12 percent last year."
)
FIRST = "The council spent £2m on roads in 2023"
SECOND = "Crime fell by 12 percent last year"


class FakeEditor:
    """The verdict editor as triage sees it: the claim it shows, a rating, a save."""

    def __init__(self) -> None:
        self.claim_id: str | None = None
        self.ratings: list[str] = []
        self.saves = 0
        self.save_error: Exception | None = None

    def set_rating(self, label: str) -> bool:
        self.ratings.append(label)
        return True

    def save(self) -> bool:
        if self.save_error is not None:
            raise self.save_error
        self.saves += 1
        return True


class FakeView:
    """The window as the review controller sees it; it records what it was asked to show."""

    def __init__(self, desk: Desk, article: Article) -> None:
        self.desk = desk
        self.article: Article | None = article
        self.undo_stack = QUndoStack()
        self.editor = FakeEditor()
        self.selected: str | None = None
        self.span: tuple[int, int] | None = None
        self.unreviewed: list[str] = []
        #: The name "typed" when the controller asks who is reviewing (None: cancelled).
        self.answer: str | None = None
        self.statuses: list[str] = []
        self.errors: list[tuple[str, str]] = []
        self.reloads: list[str | None] = []
        self.finding: list[str] = []
        self.flushes = 0
        #: How often the keyboard focus was put on the claims table.
        self.table_focus = 0

    def claims(self) -> dict[str, ReviewedClaim]:
        assert self.article is not None
        return {rc.claim.id: rc for rc in self.desk.claims(self.article.id)}

    def current_claim(self) -> ReviewedClaim | None:
        return self.claims().get(self.selected) if self.selected else None

    def selected_span(self) -> tuple[int, int] | None:
        return self.span

    def select_next_unreviewed(self) -> str | None:
        self.selected = self.unreviewed.pop(0) if self.unreviewed else None
        return self.selected

    def focus_claims(self) -> None:
        self.table_focus += 1

    def ensure_reviewer(self, name: str | None = None) -> bool:
        name = name or self.answer
        if not name:
            return False
        self.desk.use_reviewer(name)
        return True

    def flush_editor(self) -> None:
        self.flushes += 1

    def claims_changed(self, select: str | None = None, *, refresh_editor: bool = True) -> None:
        self.reloads.append(select)

    def find_claims(self, article_id: str) -> None:
        self.finding.append(article_id)

    def show_status(self, message: str, msecs: int = 0) -> None:
        self.statuses.append(message)

    def report_error(self, exc: Exception, action: str) -> None:
        self.errors.append((action, str(exc)))


@pytest.fixture
def desk() -> Iterator[Desk]:
    """A desk on a fresh in-memory database, working as Ana Lima."""
    desk = Desk.open(None)
    desk.use_reviewer("Ana Lima")
    yield desk
    desk.close()


@pytest.fixture
def view(desk: Desk) -> FakeView:
    """A fake window showing an article with two claims marked, the first one selected."""
    article = desk.save_article(desk.pasted_article(TEXT, title="Council roads"))
    first = desk.add_claim(article.id, TEXT.index(FIRST), TEXT.index(FIRST) + len(FIRST))
    desk.add_claim(article.id, TEXT.index(SECOND), TEXT.index(SECOND) + len(SECOND))
    view = FakeView(desk, article)
    view.selected = first.id
    return view


def _controller(view: FakeView) -> ReviewController:
    checked: ReviewView = view  # the fake has everything the controller may ask for
    return ReviewController(checked)


def _my_rating(view: FakeView, claim_id: str) -> str | None:
    assert view.desk.reviewer_id is not None
    verdict = view.claims()[claim_id].verdict_by(view.desk.reviewer_id)
    return verdict.rating if verdict else None


def test_a_number_key_rates_the_claim_from_the_table_and_undo_takes_it_back(
    view: FakeView,
) -> None:
    review = _controller(view)
    claim_id = view.selected
    assert claim_id is not None
    label = view.desk.scale().labels[0]

    review.rate_current(label)

    assert _my_rating(view, claim_id) == label
    assert view.reloads == [claim_id]
    assert view.undo_stack.count() == 1
    assert view.undo_stack.undoText() == f"rating “{label}”"
    review.undo()
    assert _my_rating(view, claim_id) is None
    review.redo()
    assert _my_rating(view, claim_id) == label
    assert view.flushes == 2  # text being typed is saved before undo and before redo
    assert view.errors == []


def test_a_number_key_goes_through_the_editor_when_it_shows_the_claim(view: FakeView) -> None:
    review = _controller(view)
    view.editor.claim_id = view.selected
    label = view.desk.scale().labels[1]

    review.rate_current(label)

    assert view.editor.ratings == [label]  # the editor saves and pushes its own step
    assert view.undo_stack.count() == 0


def test_rating_asks_who_reviews_first_and_does_nothing_when_nobody_answers(
    view: FakeView,
) -> None:
    view.desk.reviewer = None
    review = _controller(view)
    label = view.desk.scale().labels[0]

    review.rate_current(label)
    assert view.undo_stack.count() == 0

    view.answer = "Ben Osei"
    review.rate_current(label)
    assert view.desk.reviewer is not None and view.desk.reviewer.name == "Ben Osei"
    assert view.selected is not None
    assert _my_rating(view, view.selected) == label


def test_nothing_selected_means_nothing_happens(view: FakeView) -> None:
    view.selected = None
    review = _controller(view)
    review.rate_current(view.desk.scale().labels[0])
    review.toggle_dismissed()
    review.delete_claim()
    assert view.undo_stack.count() == 0
    assert view.reloads == []


def test_dismiss_then_undismiss_and_undo_each(view: FakeView) -> None:
    review = _controller(view)
    claim_id = view.selected
    assert claim_id is not None

    review.toggle_dismissed()
    assert view.claims()[claim_id].claim.state is ClaimState.DISMISSED
    review.toggle_dismissed()
    assert view.claims()[claim_id].claim.state is ClaimState.OPEN
    review.undo()
    assert view.claims()[claim_id].claim.state is ClaimState.DISMISSED
    review.undo()
    assert view.claims()[claim_id].claim.state is ClaimState.OPEN


def test_delete_takes_the_verdict_with_it_and_undo_brings_both_back(view: FakeView) -> None:
    review = _controller(view)
    claim_id = view.selected
    assert claim_id is not None
    label = view.desk.scale().labels[0]
    review.rate_current(label)

    review.delete_claim()
    assert claim_id not in view.claims()
    assert view.reloads[-1] is None  # the claim is gone: nothing to select

    review.undo()
    assert _my_rating(view, claim_id) == label
    assert view.reloads[-1] == claim_id


def test_marking_a_claim_needs_selected_words(view: FakeView) -> None:
    review = _controller(view)
    review.add_claim_from_selection()
    assert view.statuses == ["Select words in the article first."]
    assert len(view.claims()) == 2

    start = TEXT.index("the mayor said")
    view.span = (start, start + len("the mayor said"))
    review.add_claim_from_selection()
    quotes = {rc.claim.quote for rc in view.claims().values()}
    assert "the mayor said" in quotes
    review.undo()
    assert "the mayor said" not in {rc.claim.quote for rc in view.claims().values()}


def test_moving_a_claim_to_the_selected_words(view: FakeView) -> None:
    review = _controller(view)
    claim_id = view.selected
    assert claim_id is not None
    review.set_span_from_selection()
    assert view.statuses == ["Select a claim, then the words it should cover."]

    start = TEXT.index("£2m on roads")
    view.span = (start, start + len("£2m on roads"))
    review.set_span_from_selection()
    assert view.claims()[claim_id].claim.quote == "£2m on roads"
    review.undo()
    assert view.claims()[claim_id].claim.quote == FIRST


def test_a_failed_action_is_reported_and_leaves_no_undo_step(view: FakeView) -> None:
    review = _controller(view)
    stale = view.current_claim()
    assert stale is not None
    view.desk.delete_claim(stale.claim.id)  # gone behind the controller's back
    view.current_claim = lambda: stale  # type: ignore[method-assign]

    review.toggle_dismissed()

    assert len(view.errors) == 1
    assert view.undo_stack.count() == 0
    assert view.reloads == []


def test_next_unreviewed_says_when_every_claim_is_done(view: FakeView) -> None:
    review = _controller(view)
    second = next(i for i in view.claims() if i != view.selected)
    view.unreviewed = [second]

    review.next_unreviewed()
    assert view.selected == second and view.statuses == []
    review.next_unreviewed()
    assert view.statuses == ["You have reviewed every claim shown."]


def test_save_and_next_stays_on_the_claim_when_saving_fails(view: FakeView) -> None:
    review = _controller(view)
    first = view.selected
    second = next(i for i in view.claims() if i != first)
    view.unreviewed = [second]
    view.editor.save_error = OSError("disk full")

    review.save_and_next()
    assert view.errors == [("Save verdict", "disk full")]
    assert view.selected == first
    assert view.table_focus == 0

    view.editor.save_error = None
    review.save_and_next()
    assert view.editor.saves == 1
    assert view.selected == second
    assert view.table_focus == 1


def test_find_claims_again_only_with_an_article_open(view: FakeView) -> None:
    review = _controller(view)
    assert view.article is not None
    article_id = view.article.id
    review.find_claims_again()
    view.article = None
    review.find_claims_again()
    assert view.finding == [article_id]
