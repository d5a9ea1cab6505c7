"""Undoable edits: each command changes the database through the Store and can put it back."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from workbench.model import Claim, Rating, ReviewedClaim, Source, Verdict
from workbench.store import Store, StoreError

OnChange = Callable[[str], None]
OnError = Callable[[StoreError], None]


class StoreCommand(QUndoCommand):
    """A command whose redo/undo write through the Store and never raise into Qt.

    A store error makes the command obsolete, so the stack drops it instead of holding a step
    that never happened; the error is kept in :attr:`error` and passed to ``on_error``.
    """

    def __init__(
        self,
        text: str,
        store: Store,
        claim_id: str,
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        super().__init__(text)
        self.store = store
        self.claim_id = claim_id
        self.on_change = on_change
        self.on_error = on_error
        self.error: StoreError | None = None

    def redo(self) -> None:
        """Apply the change (Qt calls this on push and on redo)."""
        self._run(self.apply)

    def undo(self) -> None:
        """Put back the state from before the change."""
        self._run(self.revert)

    def apply(self) -> None:
        """Write the change; subclasses implement it."""
        raise NotImplementedError

    def revert(self) -> None:
        """Write the previous state back; subclasses implement it."""
        raise NotImplementedError

    def _run(self, step: Callable[[], None]) -> None:
        self.error = None
        try:
            step()
        except StoreError as exc:
            self.error = exc
            self.setObsolete(True)
            if self.on_error is not None:
                self.on_error(exc)
            return
        if self.isObsolete():
            return  # nothing changed: no undo step, nobody to tell
        if self.on_change is not None:
            self.on_change(self.claim_id)


def push(stack: QUndoStack | None, command: StoreCommand) -> StoreError | None:
    """Run ``command`` (through ``stack`` when given) and return the store error, if any."""
    if stack is None:
        command.redo()
    else:
        stack.push(command)
    return command.error


class FieldEditCommand(StoreCommand):
    """Write some fields of one stored record, remembering their old values for undo."""

    def __init__(
        self,
        text: str,
        store: Store,
        claim_id: str,
        fields: dict[str, Any],
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        super().__init__(text, store, claim_id, on_change, on_error)
        self.fields = dict(fields)
        self.before: dict[str, Any] | None = None

    def read(self) -> object:
        """The record as stored now; subclasses implement it."""
        raise NotImplementedError

    def write(self, values: dict[str, Any]) -> None:
        """Store ``values`` on the record; subclasses implement it."""
        raise NotImplementedError

    def apply(self) -> None:
        """Write the new fields, remembering the old ones."""
        if self.before is None:
            old = self.read()
            self.before = {k: getattr(old, k) for k in self.fields}
        self.write(self.fields)

    def revert(self) -> None:
        """Write the old fields back."""
        if self.before is not None:
            self.write(self.before)


# -- verdicts ----------------------------------------------------------------------------------
def _copy_verdict(verdict: Verdict | None) -> Verdict | None:
    return None if verdict is None else dataclasses.replace(verdict, sources=list(verdict.sources))


def _put_verdict(store: Store, verdict_id: str | None, target: Verdict | None) -> None:
    """Make the stored verdict equal ``target`` (or absent), keeping its current sources."""
    with store.write():
        attachments: dict[str, bytes | None] = {}
        sources: list[Source] = []
        if verdict_id is not None:
            current, attachments = store.delete_verdict(verdict_id)
            sources = current.sources
        if target is not None:
            # Sources are not part of a verdict edit: whatever the verdict holds now stays.
            restored = dataclasses.replace(target, sources=sources)
            store.restore_verdict(restored, attachments)


class SaveVerdictCommand(StoreCommand):
    """Set one reviewer's rating, confidence and rationale on a claim."""

    def __init__(
        self,
        store: Store,
        claim_id: str,
        reviewer_id: str,
        rating: str,
        *,
        confidence: float | None = None,
        rationale: str = "",
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
        text: str | None = None,
    ) -> None:
        super().__init__(text or f"Rate claim “{rating}”", store, claim_id, on_change, on_error)
        self.reviewer_id = reviewer_id
        self.rating = rating
        self.confidence = confidence
        self.rationale = rationale
        self.before: Verdict | None = None
        self.after: Verdict | None = None
        self._first = True

    def apply(self) -> None:
        """Save the verdict the first time; later redos restore exactly what was saved."""
        current = self.store.verdict_for(self.claim_id, self.reviewer_id)
        if self._first:
            self.before = _copy_verdict(current)
            if _same(current, self.store.rating_scale().find(self.rating), self):
                self.setObsolete(True)
                return
            saved = self.store.save_verdict(
                self.claim_id,
                self.reviewer_id,
                self.rating,
                confidence=self.confidence,
                rationale=self.rationale,
            )
            self.after = _copy_verdict(saved)
            self._first = False
            return
        _put_verdict(self.store, current.id if current else None, self.after)

    def revert(self) -> None:
        """Put back the verdict as it was (or remove it if there was none)."""
        current = self.store.verdict_for(self.claim_id, self.reviewer_id)
        _put_verdict(self.store, current.id if current else None, self.before)


def _same(current: Verdict | None, rating: Rating | None, wanted: SaveVerdictCommand) -> bool:
    """True when saving would change nothing (so no undo step is made)."""
    return (
        current is not None
        and rating is not None
        and (current.rating, current.confidence, current.rationale)
        == (rating.label, wanted.confidence, wanted.rationale.strip())
    )


class ClearVerdictCommand(StoreCommand):
    """Withdraw one reviewer's verdict on a claim (sources included); undo brings it back."""

    def __init__(
        self,
        store: Store,
        claim_id: str,
        reviewer_id: str,
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        super().__init__("Clear verdict", store, claim_id, on_change, on_error)
        self.reviewer_id = reviewer_id
        self.removed: Verdict | None = None
        self.attachments: dict[str, bytes | None] = {}

    def apply(self) -> None:
        """Delete the verdict with its sources, keeping them for undo."""
        current = self.store.verdict_for(self.claim_id, self.reviewer_id)
        if current is None:
            return
        self.removed, self.attachments = self.store.delete_verdict(current.id)

    def revert(self) -> None:
        """Restore the verdict with its sources and attached files."""
        if self.removed is not None:
            self.store.restore_verdict(self.removed, self.attachments)


# -- sources -----------------------------------------------------------------------------------
class AddSourceCommand(StoreCommand):
    """Add a source (optionally with an attached file) to a verdict."""

    def __init__(
        self,
        store: Store,
        claim_id: str,
        verdict_id: str,
        fields: dict[str, Any],
        *,
        attachment: bytes | None = None,
        attachment_name: str | None = None,
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        label = fields.get("title") or fields.get("url") or attachment_name or "source"
        super().__init__(f"Add source “{label}”", store, claim_id, on_change, on_error)
        self.verdict_id = verdict_id
        self.fields = dict(fields)
        self.attachment = attachment
        self.attachment_name = attachment_name
        self.source: Source | None = None

    def apply(self) -> None:
        """Add the source the first time; later redos put the very same source back."""
        if self.source is None:
            before = {s.id for s in self.store.sources_for(self.verdict_id)}
            source = self.store.add_source(
                self.verdict_id,
                attachment=self.attachment,
                attachment_name=self.attachment_name,
                **self.fields,
            )
            if source.id in before:
                # The verdict already had this source: nothing was added, so there is nothing
                # to undo (undoing must not remove the source added earlier).
                self.setObsolete(True)
                return
            self.source = source
        else:
            self.store.restore_source(self.source, self.attachment)

    def revert(self) -> None:
        """Remove the source again."""
        if self.source is not None:
            self.source, self.attachment = self.store.remove_source(self.source.id)


class RemoveSourceCommand(StoreCommand):
    """Remove a source; undo puts it back with its attached file."""

    def __init__(
        self,
        store: Store,
        claim_id: str,
        source_id: str,
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        super().__init__("Remove source", store, claim_id, on_change, on_error)
        self.source_id = source_id
        self.source: Source | None = None
        self.attachment: bytes | None = None

    def apply(self) -> None:
        """Remove the source, keeping it and its bytes for undo."""
        self.source, self.attachment = self.store.remove_source(self.source_id)
        self.setText(f"Remove source “{self.source.title or self.source.url or 'source'}”")

    def revert(self) -> None:
        """Put the source back."""
        if self.source is not None:
            self.store.restore_source(self.source, self.attachment)


class EditSourceCommand(FieldEditCommand):
    """Change a source's descriptive fields (title, URL, dates, quote, note)."""

    def __init__(
        self,
        store: Store,
        claim_id: str,
        source_id: str,
        fields: dict[str, Any],
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        super().__init__("Edit source", store, claim_id, fields, on_change, on_error)
        self.source_id = source_id

    def read(self) -> Source:
        """The source as stored now."""
        return self.store.get_source(self.source_id)

    def write(self, values: dict[str, Any]) -> None:
        """Store the source's fields."""
        self.store.update_source(self.source_id, **values)


# -- claims ------------------------------------------------------------------------------------
class EditClaimCommand(FieldEditCommand):
    """Change a claim's wording, span (start/end), speaker or kind."""

    def __init__(
        self,
        store: Store,
        claim_id: str,
        changes: dict[str, Any],
        on_change: OnChange | None = None,
        *,
        reviewer_id: str | None = None,
        on_error: OnError | None = None,
        text: str | None = None,
    ) -> None:
        text = text or _claim_edit_text(changes)
        super().__init__(text, store, claim_id, changes, on_change, on_error)
        self.reviewer_id = reviewer_id

    def read(self) -> Claim:
        """The claim as stored now."""
        return self.store.get_claim(self.claim_id)

    def write(self, values: dict[str, Any]) -> None:
        """Store the claim's fields on behalf of the reviewer."""
        self.store.update_claim(self.claim_id, reviewer_id=self.reviewer_id, **values)


def _claim_edit_text(changes: dict[str, Any]) -> str:
    if "start" in changes or "end" in changes:
        return "Adjust claim span"
    if "claim" in changes:
        return "Edit claim wording"
    if "speaker" in changes:
        return "Change speaker"
    if "kind" in changes:
        return "Change claim kind"
    return "Edit claim"


class DismissClaimCommand(StoreCommand):
    """Dismiss a claim (it stays in the file); undo restores it."""

    def __init__(
        self,
        store: Store,
        claim_id: str,
        reviewer_id: str | None,
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        super().__init__("Dismiss claim", store, claim_id, on_change, on_error)
        self.reviewer_id = reviewer_id

    def apply(self) -> None:
        """Mark the claim dismissed."""
        self.store.dismiss_claim(self.claim_id, reviewer_id=self.reviewer_id)

    def revert(self) -> None:
        """Reopen the claim."""
        self.store.restore_claim(self.claim_id, reviewer_id=self.reviewer_id)


class RestoreClaimCommand(DismissClaimCommand):
    """Reopen a dismissed claim; undo dismisses it again."""

    def __init__(
        self,
        store: Store,
        claim_id: str,
        reviewer_id: str | None,
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        super().__init__(store, claim_id, reviewer_id, on_change, on_error)
        self.setText("Restore claim")

    def apply(self) -> None:
        """Reopen the claim."""
        super().revert()

    def revert(self) -> None:
        """Dismiss it again."""
        super().apply()


class DeleteClaimCommand(StoreCommand):
    """Delete a claim with every verdict and source on it; undo puts all of it back."""

    def __init__(
        self,
        store: Store,
        claim_id: str,
        reviewer_id: str | None,
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        super().__init__("Delete claim", store, claim_id, on_change, on_error)
        self.reviewer_id = reviewer_id
        self.removed: ReviewedClaim | None = None
        self.attachments: dict[str, bytes | None] = {}

    def apply(self) -> None:
        """Delete the claim, keeping it, its verdicts and attached files for undo."""
        self.removed, self.attachments = self.store.delete_claim(
            self.claim_id, reviewer_id=self.reviewer_id
        )

    def revert(self) -> None:
        """Restore the claim with its verdicts, sources and attached files."""
        if self.removed is not None:
            self.store.restore_claim_deleted(
                self.removed, self.attachments, reviewer_id=self.reviewer_id
            )
