"""Final verdicts: an editor's settling rating on a claim, one per claim, and who dismissed a claim.

A final verdict is what the report and ClaimReview publish for its claim; the reviewers'
verdicts stay as they are, listed under it. Each write is one transaction with its event row
(entity ``final_verdict``; ``before`` and ``after`` name the claim).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from workbench.model import FinalVerdict, ReviewedClaim, now_iso

from .errors import InvalidInputError
from .review import ReviewStore

#: A note longer than this is refused: the report prints it in full under the verdict.
MAX_NOTE_CHARS = 20_000

_COLUMNS = (
    "id",
    "claim_id",
    "rating",
    "rating_value",
    "note",
    "editor_id",
    "created_at",
    "updated_at",
)
_SELECT = """
    SELECT f.*, r.name AS editor_name FROM final_verdicts f
    LEFT JOIN reviewers r ON r.id = f.editor_id
"""


class FinalVerdictStore(ReviewStore):
    """Final verdict operations of :class:`~workbench.store.Store`.

    :meth:`claims_for` here also gives each claim its final verdict and the name of whoever
    dismissed it, so that the desk, the report and the command line all see them.
    """

    def set_final_verdict(
        self, claim_id: str, rating: str, *, editor_id: str, note: str = ""
    ) -> FinalVerdict:
        """Give (or replace) a claim's final verdict, recorded as ``editor_id``'s.

        The rating must be on the database's scale; a bad rating, an unknown claim or editor
        raises and changes nothing. Giving the same verdict again changes nothing.
        """
        self.get_claim(claim_id)
        editor = self.get_reviewer(editor_id)
        found = self.rating_scale().find(rating or "")
        if found is None:
            labels = ", ".join(self.rating_scale().labels)
            raise InvalidInputError(
                f"“{rating}” is not on this database's rating scale ({labels}); nothing was changed."
            )
        note = (note or "").strip()
        if len(note) > MAX_NOTE_CHARS:
            raise InvalidInputError(
                f"The note has {len(note):,} characters; keep it under {MAX_NOTE_CHARS:,}. "
                "Nothing was changed."
            )
        existing = self.final_verdict_for(claim_id)
        if existing is not None and (existing.rating, existing.note, existing.editor_id) == (
            found.label,
            note,
            editor.id,
        ):
            return existing
        final = FinalVerdict(
            claim_id=claim_id,
            rating=found.label,
            rating_value=found.value,
            note=note,
            editor_id=editor.id,
            editor_name=editor.name,
        )
        if existing is not None:
            final.id, final.created_at = existing.id, existing.created_at
        final.updated_at = now_iso()
        with self.write() as db:
            db.table("final_verdicts").upsert(_row(final), pk="id")
            self.log(
                "update" if existing else "add",
                "final_verdict",
                final.id,
                before=_summary(existing),
                after=_summary(final),
                reviewer_id=editor.id,
            )
        return final

    def clear_final_verdict(
        self, claim_id: str, *, reviewer_id: str | None = None
    ) -> FinalVerdict | None:
        """Remove a claim's final verdict; returns it (for undo), None when there was none."""
        existing = self.final_verdict_for(claim_id)
        if existing is None:
            return None
        with self.write() as db:
            db.table("final_verdicts").delete(existing.id)
            self.log(
                "delete",
                "final_verdict",
                existing.id,
                before=_summary(existing),
                reviewer_id=reviewer_id,
            )
        return existing

    def put_final_verdict(
        self, claim_id: str, final: FinalVerdict | None, *, reviewer_id: str | None = None
    ) -> None:
        """Make a claim's final verdict exactly ``final`` (None: none), as undo and redo need."""
        existing = self.final_verdict_for(claim_id)
        if final is not None and final.claim_id != claim_id:
            raise InvalidInputError("That final verdict belongs to another claim.")
        if existing == final:
            return
        with self.write() as db:
            if existing is not None:
                db.table("final_verdicts").delete(existing.id)
            if final is not None:
                db.table("final_verdicts").insert(_row(final))
            action = "delete" if final is None else "restore"
            self.log(
                action,
                "final_verdict",
                (final or existing).id,  # type: ignore[union-attr]
                before=_summary(existing),
                after=_summary(final),
                reviewer_id=reviewer_id,
            )

    def final_verdict_for(self, claim_id: str) -> FinalVerdict | None:
        """A claim's final verdict, if it has one."""
        found = self.query(_SELECT + " WHERE f.claim_id = ?", [claim_id])
        return _final(found[0]) if found else None

    def final_verdicts_for(self, article_id: str) -> list[FinalVerdict]:
        """The final verdicts on an article's claims, in article order."""
        self.get_article(article_id)
        return [
            _final(r)
            for r in self.query(
                _SELECT + " JOIN claims c ON c.id = f.claim_id WHERE c.article_id = ?"
                " ORDER BY c.start, c.[end]",
                [article_id],
            )
        ]

    def settled_claim_ids(self) -> set[str]:
        """The ids of every claim that has a final verdict."""
        return {r["claim_id"] for r in self.query("SELECT claim_id FROM final_verdicts")}

    def reviewer_names(self) -> dict[str, str]:
        """Every reviewer's name by id."""
        return {r["id"]: r["name"] for r in self.query("SELECT id, name FROM reviewers")}

    def claims_for(self, article_id: str, *, include_dismissed: bool = True) -> list[ReviewedClaim]:
        """An article's claims with every verdict, each with its final verdict and dismisser."""
        claims = super().claims_for(article_id, include_dismissed=include_dismissed)
        finals = {f.claim_id: f for f in self.final_verdicts_for(article_id)}
        names = self.reviewer_names() if any(rc.claim.dismissed_by for rc in claims) else {}
        return [
            replace(
                rc,
                final=finals.get(rc.claim.id),
                dismissed_by_name=names.get(rc.claim.dismissed_by or ""),
            )
            for rc in claims
        ]


def _row(final: FinalVerdict) -> dict[str, Any]:
    return {name: getattr(final, name) for name in _COLUMNS}


def _final(row: dict[str, Any]) -> FinalVerdict:
    return FinalVerdict(**{name: row[name] for name in _COLUMNS}, editor_name=row["editor_name"])


def _summary(final: FinalVerdict | None) -> dict[str, Any] | None:
    if final is None:
        return None
    return {
        "claim_id": final.claim_id,
        "rating": final.rating,
        "rating_value": final.rating_value,
        "note": final.note,
        "editor_id": final.editor_id,
        "editor": final.editor_name,
    }
