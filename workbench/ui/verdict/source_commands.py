"""Undoable edits of a verdict's sources: add, remove, edit; each acts through the desk."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from workbench.model import Judgement, Source, Verdict
from workbench.ui.common.undo import DeskCommand, OnChange, OnError

if TYPE_CHECKING:
    from workbench.services.desk import Desk
    from workbench.services.verdicts import RemovedSource


class AddSourceCommand(DeskCommand):
    """Add a source (optionally with an attached file) to a reviewer's verdict.

    Research may come before the rating: when the reviewer has no verdict on the claim yet, a
    draft holding ``draft`` (their rationale and confidence so far) is made for the source,
    and undo removes that draft again with the source.
    """

    action = "Add source"

    def __init__(
        self,
        desk: Desk,
        claim_id: str,
        reviewer_id: str,
        fields: dict[str, Any],
        *,
        draft: Judgement | None = None,
        attachment: bytes | None = None,
        attachment_name: str | None = None,
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        label = fields.get("title") or fields.get("url") or attachment_name or "source"
        super().__init__(f"Add source “{label}”", desk, claim_id, on_change, on_error)
        self.reviewer_id = reviewer_id
        self.fields = dict(fields)
        self.draft = draft or Judgement(None)
        self.attachment = attachment
        self.attachment_name = attachment_name
        #: The source added; None when the verdict already had it.
        self.source: Source | None = None
        #: The draft made to hold the source (None when a verdict was there already).
        self.made_draft: Verdict | None = None
        self.removed: RemovedSource | None = None

    def apply(self) -> None:
        """Add the source the first time; later redos put the very same source back."""
        assert self.claim_id is not None
        verdicts = self.desk.verdicts
        if self.removed is not None:
            if self.made_draft is not None:
                verdicts.put_verdict(self.claim_id, self.reviewer_id, self.made_draft)
            verdicts.put_back_source(self.removed)
            return
        existed = verdicts.verdict(self.claim_id, self.reviewer_id) is not None
        verdict = verdicts.draft_for(self.claim_id, self.reviewer_id, self.draft)
        if not existed:
            self.made_draft = dataclasses.replace(verdict, sources=[])
        self.source = verdicts.add_source(
            verdict.id,
            self.fields,
            attachment=self.attachment,
            attachment_name=self.attachment_name,
        )
        if self.source is None:
            # Nothing was added, so there is nothing to undo (undoing must not remove the
            # source the verdict already had).
            self.setObsolete(True)

    def revert(self) -> None:
        """Remove the source again, and the draft made for it."""
        assert self.claim_id is not None
        if self.source is not None:
            self.removed = self.desk.verdicts.remove_source(self.source.id)
        if self.made_draft is not None:
            self.desk.verdicts.put_verdict(self.claim_id, self.reviewer_id, None)


class RemoveSourceCommand(DeskCommand):
    """Remove a source; undo puts it back with its attached file."""

    action = "Remove source"

    def __init__(
        self,
        desk: Desk,
        claim_id: str,
        source_id: str,
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        super().__init__("Remove source", desk, claim_id, on_change, on_error)
        self.source_id = source_id
        self.removed: RemovedSource | None = None

    def apply(self) -> None:
        """Remove the source, keeping it and its file for undo."""
        self.removed = self.desk.verdicts.remove_source(self.source_id)
        source = self.removed.source
        self.setText(f"Remove source “{source.title or source.url or 'source'}”")

    def revert(self) -> None:
        """Put the source back."""
        if self.removed is not None:
            self.desk.verdicts.put_back_source(self.removed)


class EditSourceCommand(DeskCommand):
    """Change a source's descriptive fields (title, URL, dates, quote, note)."""

    action = "Edit source"

    def __init__(
        self,
        desk: Desk,
        claim_id: str,
        source_id: str,
        fields: dict[str, Any],
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        super().__init__("Edit source", desk, claim_id, on_change, on_error)
        self.source_id = source_id
        self.fields = dict(fields)
        self.before: dict[str, Any] | None = None

    def apply(self) -> None:
        """Write the new fields, remembering the old ones."""
        verdicts = self.desk.verdicts
        if self.before is None:
            old = verdicts.source(self.source_id)
            self.before = {k: getattr(old, k) for k in self.fields}
        verdicts.edit_source(self.source_id, **self.fields)

    def revert(self) -> None:
        """Write the old fields back."""
        if self.before is not None:
            self.desk.verdicts.edit_source(self.source_id, **self.before)
