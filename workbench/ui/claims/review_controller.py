"""Keyboard-first triage: rating, dismissing, deleting and marking claims, undo and redo."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from workbench.model import ClaimState, Judgement
from workbench.ui.common.undo import (
    AddClaimCommand,
    ClaimStateCommand,
    DeleteClaimCommand,
    DeskCommand,
    SaveVerdictCommand,
    SpanCommand,
)
from workbench.ui.common.views import EditingView

if TYPE_CHECKING:
    from workbench.model import ReviewedClaim


class EditorView(Protocol):
    """What triage asks of the verdict editor."""

    @property
    def claim_id(self) -> str | None:
        """The claim the editor shows."""
        ...

    def set_rating(self, label: str) -> bool:
        """Choose a rating; the editor saves it and pushes its own undo step."""
        ...

    def save(self) -> bool:
        """Save what the editor holds."""
        ...

    def needs_rating(self) -> bool:
        """True while the claim shown has no rating of the reviewer's (nothing, or a draft)."""
        ...

    def say_rating_needed(self) -> None:
        """Say in the editor that the claim still needs a rating."""
        ...

    def focus_rationale(self) -> bool:
        """Put the cursor in the rationale."""
        ...

    def focus_confidence(self) -> bool:
        """Put the focus on the confidence levels."""
        ...

    def add_source(self, prefill: dict[str, str] | None = None) -> bool:
        """Ask for a source and add it (a draft holds it before any rating)."""
        ...

    def has_focus_inside(self) -> bool:
        """True when the keyboard focus is in the editor."""
        ...

    def flush(self) -> bool:
        """Save typed text waiting for the autosave."""
        ...


class ReviewView(EditingView, Protocol):
    """What the review controller asks of the window."""

    @property
    def editor(self) -> EditorView:
        """The verdict editor (built when first asked for)."""
        ...

    def current_claim(self) -> ReviewedClaim | None:
        """The selected claim."""
        ...

    def selected_span(self) -> tuple[int, int] | None:
        """The article text selected, as offsets."""
        ...

    def select_next_unreviewed(self) -> str | None:
        """Select the next claim I have not reviewed; None when there is none."""
        ...

    def focus_claims(self) -> None:
        """Put the keyboard focus on the claims table, so triage keys act on the claim list."""
        ...

    def leave_filter(self) -> bool:
        """Escape in the filter box: clear it, or when empty go to the table; False elsewhere."""
        ...

    def leave_article(self) -> bool:
        """Escape in the article text: go to the claims table; False elsewhere."""
        ...

    def ensure_reviewer(self, name: str | None = None) -> bool:
        """Work as a reviewer, asking who when nobody is remembered."""
        ...

    def flush_editor(self) -> None:
        """Save text still waiting for the editor's autosave."""
        ...

    def claims_changed(self, select: str | None = None, *, refresh_editor: bool = True) -> None:
        """Read the article's claims again."""
        ...

    def find_claims(self, article_id: str) -> None:
        """Find an article's claims on the worker."""
        ...


class ReviewController:
    """The Review menu and Edit ▸ Undo/Redo: every change goes on the undo stack through the desk."""

    def __init__(self, view: ReviewView) -> None:
        self.view = view

    def next_unreviewed(self) -> None:
        """Select the next claim I have not reviewed."""
        if self.view.select_next_unreviewed() is None:
            self.view.show_status("You have reviewed every claim shown.", 5000)

    def save_and_next(self) -> None:
        """Save what the editor holds, then go to the next claim I have not reviewed.

        The keyboard focus goes to the claims table: the next J/K/N or number key acts on the
        claim list instead of being typed into the next claim's rationale. An open claim
        without a rating is not left silently: what was written stays as a draft, and the
        reviewer is told the rating is still needed (J or N moves on without one).
        """
        editor = self.view.editor
        try:
            editor.save()
        except Exception as exc:
            self.view.report_error(exc, "Save verdict")
            return
        rc = self.view.current_claim()
        if (
            rc is not None
            and rc.claim.state is ClaimState.OPEN
            and editor.claim_id == rc.claim.id
            and editor.needs_rating()
        ):
            editor.say_rating_needed()
            self.view.show_status("This claim still needs a rating (keys 1–9).", 10000)
            self.view.focus_claims()
            return
        self.next_unreviewed()
        self.view.focus_claims()

    # -- keys that reach the editor's fields from the claims list ------------------------------
    def go_to_rationale(self) -> None:
        """Put the cursor in the selected claim's rationale (key R); only to read it when the
        file cannot be changed, so nobody is asked who is reviewing."""
        if self._ready(writing=False):
            self.view.editor.focus_rationale()

    def go_to_confidence(self) -> None:
        """Put the focus on the selected claim's confidence levels (key C)."""
        if self._ready(writing=False):
            self.view.editor.focus_confidence()

    def add_source(self) -> None:
        """Add a source to the selected claim's verdict, before or after the rating (key A)."""
        if self._ready():
            self.view.editor.add_source()
            self.view.focus_claims()  # the next key acts on the claim list again

    def back_to_claims(self) -> None:
        """Back to the claims table (Escape): from the editor's fields (typed text is saved),
        the article, or the filter box (which Escape clears first)."""
        editor = self.view.editor
        if editor.has_focus_inside():
            editor.flush()
            self.view.focus_claims()
        elif not self.view.leave_filter():
            self.view.leave_article()

    def _ready(self, *, writing: bool = True) -> bool:
        view = self.view
        rc = view.current_claim()
        if rc is None:
            view.show_status("Select a claim first.", 5000)
            return False
        # Reading a read-only file's rationale asks nobody's name.
        asks = writing or not view.desk.read_only
        if asks and view.desk.reviewer is None and not view.ensure_reviewer():
            return False
        return view.editor.claim_id == rc.claim.id

    def rate_current(self, rating: str) -> None:
        """Give the selected claim this rating (number keys)."""
        view = self.view
        rc = view.current_claim()
        if rc is None or not (view.desk.reviewer is not None or view.ensure_reviewer()):
            return
        if view.editor.claim_id == rc.claim.id:
            # The editor saves the verdict and pushes its own undo step.
            view.editor.set_rating(rating)
            return
        reviewer = view.desk.reviewer
        assert reviewer is not None
        # Rated from the table alone: everything else given earlier stays.
        before = rc.verdict_by(reviewer.id)
        judgement = before.judgement.with_rating(rating) if before else Judgement(rating)
        self._push(
            SaveVerdictCommand(
                view.desk, rc.claim.id, reviewer.id, judgement, text=f"rating “{rating}”"
            )
        )

    def toggle_dismissed(self) -> None:
        """Dismiss the selected claim, or undismiss it if it was dismissed."""
        rc = self.view.current_claim()
        if rc is None:
            return
        state = ClaimState.OPEN if rc.claim.state is ClaimState.DISMISSED else ClaimState.DISMISSED
        self._push(ClaimStateCommand(self.view.desk, rc.claim.id, state))

    def delete_claim(self) -> None:
        """Delete the selected claim with its verdicts (undo puts it back)."""
        rc = self.view.current_claim()
        if rc is None:
            return
        self._push(DeleteClaimCommand(self.view.desk, rc.claim.id))

    def add_claim_from_selection(self) -> None:
        """Mark the selected article text as a claim."""
        span = self.view.selected_span()
        article = self.view.article
        if article is None or span is None:
            self.view.show_status("Select words in the article first.", 5000)
            return
        self._push(AddClaimCommand(self.view.desk, article.id, *span))

    def set_span_from_selection(self) -> None:
        """Move the selected claim to the selected article text."""
        rc = self.view.current_claim()
        span = self.view.selected_span()
        if rc is None or span is None:
            self.view.show_status("Select a claim, then the words it should cover.", 5000)
            return
        self._push(SpanCommand(self.view.desk, rc.claim.id, *span))

    def find_claims_again(self) -> None:
        """Find the article's claims again: new ones are added, stored ones keep their verdicts."""
        if self.view.article is not None:
            self.view.find_claims(self.view.article.id)

    def undo(self) -> None:
        """Undo the last edit (text still being typed is saved first)."""
        self.view.flush_editor()
        self.view.undo_stack.undo()

    def redo(self) -> None:
        """Redo the last undone edit."""
        self.view.flush_editor()
        self.view.undo_stack.redo()

    def _push(self, command: DeskCommand) -> None:
        # The action runs as it is pushed; after it, and after each undo or redo, the claims are
        # read again, and an error is shown in a message (the step is then dropped).
        command.on_change = self.view.claims_changed
        command.on_error = self.view.report_error
        self.view.undo_stack.push(command)
