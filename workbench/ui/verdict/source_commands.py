"""Undoable edits of a verdict's sources: add, remove, edit; each acts through the desk."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.model import Source
from workbench.ui.common.undo import DeskCommand, OnChange, OnError

if TYPE_CHECKING:
    from workbench.services.desk import Desk
    from workbench.services.verdicts import RemovedSource


class AddSourceCommand(DeskCommand):
    """Add a source (optionally with an attached file) to a verdict."""

    action = "Add source"

    def __init__(
        self,
        desk: Desk,
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
        super().__init__(f"Add source “{label}”", desk, claim_id, on_change, on_error)
        self.verdict_id = verdict_id
        self.fields = dict(fields)
        self.attachment = attachment
        self.attachment_name = attachment_name
        #: The source added; None when the verdict already had it.
        self.source: Source | None = None
        self.removed: RemovedSource | None = None

    def apply(self) -> None:
        """Add the source the first time; later redos put the very same source back."""
        verdicts = self.desk.verdicts
        if self.removed is not None:
            verdicts.put_back_source(self.removed)
            return
        self.source = verdicts.add_source(
            self.verdict_id,
            self.fields,
            attachment=self.attachment,
            attachment_name=self.attachment_name,
        )
        if self.source is None:
            # Nothing was added, so there is nothing to undo (undoing must not remove the
            # source the verdict already had).
            self.setObsolete(True)

    def revert(self) -> None:
        """Remove the source again."""
        if self.source is not None:
            self.removed = self.desk.verdicts.remove_source(self.source.id)


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
