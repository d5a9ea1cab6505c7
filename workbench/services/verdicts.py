"""Verdicts and their sources as a reviewer changes them one step at a time, each step undoable."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, replace
from typing import Any

from workbench.model import Judgement, ReviewedClaim, Source, Verdict
from workbench.store import Store
from workbench.store.review import MAX_ATTACHMENT_BYTES

__all__ = ["MAX_ATTACHMENT_BYTES", "DeletedVerdict", "RemovedSource", "Verdicts"]


@dataclass(frozen=True, slots=True)
class DeletedVerdict:
    """What :meth:`Verdicts.delete_verdict` removed, so that undo can put it back."""

    verdict: Verdict
    attachments: dict[str, bytes | None]


@dataclass(frozen=True, slots=True)
class RemovedSource:
    """What :meth:`Verdicts.remove_source` removed, so that undo can put it back."""

    source: Source
    attachment: bytes | None


class Verdicts:
    """One database's verdicts and sources, read and changed for the verdict editor."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reading -------------------------------------------------------------------------------
    def reviewed(self, claim_id: str) -> ReviewedClaim:
        """A claim with every reviewer's verdict as stored now, in reviewer order."""
        claim = self.store.get_claim(claim_id)
        verdicts = [
            v
            for r in self.store.list_reviewers()
            if (v := self.store.verdict_for(claim_id, r.id)) is not None
        ]
        return ReviewedClaim(claim, verdicts)

    def verdict(self, claim_id: str, reviewer_id: str) -> Verdict | None:
        """One reviewer's verdict on a claim, with its sources."""
        return self.store.verdict_for(claim_id, reviewer_id)

    def source(self, source_id: str) -> Source:
        """One source (without its attached file)."""
        return self.store.get_source(source_id)

    def attachment(self, source_id: str) -> bytes | None:
        """A source's attached file, None when it has none."""
        return self.store.get_attachment(source_id)

    # -- verdicts ------------------------------------------------------------------------------
    def unchanged(self, current: Verdict | None, judgement: Judgement) -> bool:
        """True when saving ``judgement`` would change nothing (a draft is compared as one)."""
        if current is None:
            return False
        if judgement.rating is None:
            return current.judgement == judgement.tidied()
        found = self.store.rating_scale().find(judgement.rating)
        return found is not None and current.judgement == judgement.tidied().with_rating(
            found.label
        )

    def save_verdict(self, claim_id: str, reviewer_id: str, judgement: Judgement) -> Verdict:
        """Give (or change) a reviewer's rating, confidence and rationale; sources stay.

        A judgement without a rating is kept as a draft; a rating given later turns the same
        row into a verdict, with the draft's rationale, confidence and sources.
        """
        return self.store.save_verdict(claim_id, reviewer_id, judgement)

    def draft_for(self, claim_id: str, reviewer_id: str, judgement: Judgement) -> Verdict:
        """The reviewer's verdict or draft on a claim, a draft holding ``judgement`` made if none.

        Research may come first: a source added before any rating needs a verdict row to hang
        on, and the draft keeps what the reviewer had written beside it.
        """
        current = self.store.verdict_for(claim_id, reviewer_id)
        if current is not None:
            return current
        return self.store.save_verdict(claim_id, reviewer_id, replace(judgement, rating=None))

    def put_verdict(self, claim_id: str, reviewer_id: str, target: Verdict | None) -> None:
        """Make the reviewer's stored verdict equal ``target`` (None: no verdict); sources stay."""
        with self.store.write():
            current = self.store.verdict_for(claim_id, reviewer_id)
            attachments: dict[str, bytes | None] = {}
            sources: list[Source] = []
            if current is not None:
                removed, attachments = self.store.delete_verdict(current.id)
                sources = removed.sources
            if target is not None:
                # Sources are not part of a verdict edit: whatever the verdict holds now stays.
                self.store.undelete_verdict(
                    dataclasses.replace(target, sources=sources), attachments
                )

    def delete_verdict(self, claim_id: str, reviewer_id: str) -> DeletedVerdict | None:
        """Withdraw a reviewer's verdict with its sources (None: there was none)."""
        current = self.store.verdict_for(claim_id, reviewer_id)
        if current is None:
            return None
        return DeletedVerdict(*self.store.delete_verdict(current.id))

    def undelete_verdict(self, deleted: DeletedVerdict) -> None:
        """Put back a withdrawn verdict with its sources and attached files."""
        self.store.undelete_verdict(deleted.verdict, deleted.attachments)

    # -- sources -------------------------------------------------------------------------------
    def add_source(
        self,
        verdict_id: str,
        fields: dict[str, Any],
        *,
        attachment: bytes | None = None,
        attachment_name: str | None = None,
    ) -> Source | None:
        """Add a source to a verdict; None when the verdict already had it (nothing added)."""
        before = {s.id for s in self.store.sources_for(verdict_id)}
        source = self.store.add_source(
            verdict_id, attachment=attachment, attachment_name=attachment_name, **fields
        )
        return None if source.id in before else source

    def repeated_source(
        self, verdict_id: str, fields: dict[str, Any], *, attachment: bytes | None = None
    ) -> Source | None:
        """The verdict's source that adding these fields would only repeat (nothing would be
        added); None when it would be added."""
        return self.store.repeated_source(verdict_id, attachment=attachment, **fields)

    def edit_source(self, source_id: str, **fields: Any) -> Source:
        """Change a source's descriptive fields (title, URL, dates, quote, note)."""
        return self.store.update_source(source_id, **fields)

    def remove_source(self, source_id: str) -> RemovedSource:
        """Remove a source, returning it with its attached file."""
        return RemovedSource(*self.store.remove_source(source_id))

    def put_back_source(self, removed: RemovedSource) -> None:
        """Put back a removed source with its attached file."""
        self.store.undelete_source(removed.source, removed.attachment)
