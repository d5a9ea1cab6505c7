"""Reviewers, verdicts and sources."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from workbench.model import Judgement, ReviewedClaim, Reviewer, Source, Verdict, now_iso

from . import rows
from .attachments import safe_attachment_name
from .core import CoreStore
from .errors import InvalidInputError, NotFoundError

#: Attachments larger than this are refused: keep a link to big documents instead.
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024

SOURCE_FIELDS = ("title", "url", "publisher", "published", "accessed", "quote", "note")


class ReviewStore(CoreStore):
    """Reviewer, verdict and source operations of :class:`~workbench.store.Store`."""

    # -- reviewers -------------------------------------------------------------------------
    def add_reviewer(self, name: str) -> Reviewer:
        """Add a reviewer; names are unique, ignoring case."""
        name = " ".join(name.split())
        if not name:
            raise InvalidInputError("A reviewer needs a name.")
        if self.find_reviewer(name) is not None:
            raise InvalidInputError(f"There is already a reviewer called “{name}”.")
        reviewer = Reviewer(name=name)
        with self.write() as db:
            db.table("reviewers").insert(
                {"id": reviewer.id, "name": reviewer.name, "created_at": reviewer.created_at}
            )
            self.log("add", "reviewer", reviewer.id, after={"name": name}, reviewer_id=reviewer.id)
        return reviewer

    def find_reviewer(self, name: str) -> Reviewer | None:
        """The reviewer with this name (case ignored), if any."""
        name = " ".join(name.split())
        found = self.query("SELECT * FROM reviewers WHERE name = ? COLLATE NOCASE LIMIT 1", [name])
        return rows.row_to_reviewer(found[0]) if found else None

    def get_reviewer(self, reviewer_id: str) -> Reviewer:
        """One reviewer by id."""
        return rows.row_to_reviewer(self._one("reviewers", reviewer_id, "reviewer"))

    def ensure_reviewer(self, name: str) -> Reviewer:
        """The reviewer with this name, added if new."""
        return self.find_reviewer(name) or self.add_reviewer(name)

    def list_reviewers(self) -> list[Reviewer]:
        """All reviewers, by name."""
        return [
            rows.row_to_reviewer(r)
            for r in self.query("SELECT * FROM reviewers ORDER BY name COLLATE NOCASE")
        ]

    # -- verdicts --------------------------------------------------------------------------
    def save_verdict(self, claim_id: str, reviewer_id: str, judgement: Judgement) -> Verdict:
        """Record this reviewer's verdict on a claim, updating their earlier one in place.

        A judgement without a rating is stored as a draft (no rating, no rating value), so a
        rationale or sources written before the rating survive a quit; giving a rating later
        turns the same row into a verdict.
        """
        self.get_claim(claim_id)
        reviewer = self.get_reviewer(reviewer_id)
        rating, rating_value = None, None
        if judgement.rating is not None:
            found = self.rating_scale().find(judgement.rating)
            if found is None:
                labels = ", ".join(self.rating_scale().labels)
                raise InvalidInputError(
                    f"“{judgement.rating}” is not on this database's rating scale ({labels})."
                )
            rating, rating_value = found.label, found.value
        problem = judgement.problem()
        if problem:
            raise InvalidInputError(problem)
        existing = self.verdict_for(claim_id, reviewer_id)
        verdict = Verdict(
            claim_id=claim_id,
            reviewer_id=reviewer_id,
            rating_value=rating_value,
            reviewer_name=reviewer.name,
            **judgement.tidied().to_dict() | {"rating": rating},
        )
        if existing is not None:
            verdict.id = existing.id
            verdict.created_at = existing.created_at
            verdict.sources = existing.sources
        verdict.updated_at = now_iso()
        with self.write() as db:
            db.table("verdicts").upsert(rows.verdict_to_row(verdict), pk="id")
            self.log(
                "update" if existing else "add",
                "verdict",
                verdict.id,
                before=_verdict_summary(existing),
                after=_verdict_summary(verdict),
                reviewer_id=reviewer_id,
            )
        return verdict

    def verdict_for(self, claim_id: str, reviewer_id: str) -> Verdict | None:
        """This reviewer's verdict on this claim, with its sources."""
        found = self.query(
            "SELECT * FROM verdicts WHERE claim_id = ? AND reviewer_id = ?", [claim_id, reviewer_id]
        )
        if not found:
            return None
        verdict = rows.row_to_verdict(found[0], self.get_reviewer(reviewer_id).name)
        verdict.sources = self.sources_for(verdict.id)
        return verdict

    def get_verdict(self, verdict_id: str) -> Verdict:
        """One verdict by id, with its sources."""
        row = self._one("verdicts", verdict_id, "verdict")
        verdict = rows.row_to_verdict(row, self.get_reviewer(row["reviewer_id"]).name)
        verdict.sources = self.sources_for(verdict_id)
        return verdict

    def delete_verdict(self, verdict_id: str) -> tuple[Verdict, dict[str, bytes | None]]:
        """Remove a verdict with its sources; returns it and the attachments (for undo)."""
        verdict = self.get_verdict(verdict_id)
        attachments = {s.id: self.get_attachment(s.id) for s in verdict.sources}
        with self.write() as db:
            db.table("verdicts").delete(verdict_id)
            self.log(
                "delete",
                "verdict",
                verdict_id,
                before=_verdict_summary(verdict),
                reviewer_id=verdict.reviewer_id,
            )
        return verdict, attachments

    def undelete_verdict(
        self, verdict: Verdict, attachments: dict[str, bytes | None] | None = None
    ) -> Verdict:
        """Put back a verdict removed by :meth:`delete_verdict`, with its sources."""
        with self.write():
            self._insert_verdict(verdict, attachments or {})
            self.log(
                "restore",
                "verdict",
                verdict.id,
                after=_verdict_summary(verdict),
                reviewer_id=verdict.reviewer_id,
            )
        return verdict

    def _insert_verdict(self, verdict: Verdict, attachments: dict[str, bytes | None]) -> None:
        self.db.table("verdicts").insert(rows.verdict_to_row(verdict))
        for source in verdict.sources:
            row = rows.source_to_row(source)
            row["attachment"] = attachments.get(source.id)
            self.db.table("sources").insert(row)

    def delete_claim(
        self, claim_id: str, *, reviewer_id: str | None = None
    ) -> tuple[ReviewedClaim, dict[str, bytes | None]]:
        """Delete a claim with its verdicts and sources; returns them for undo."""
        claim = self.get_claim(claim_id)
        reviewed = next(rc for rc in self.claims_for(claim.article_id) if rc.claim.id == claim_id)
        attachments = {
            s.id: self.get_attachment(s.id) for v in reviewed.verdicts for s in v.sources
        }
        with self.write() as db:
            db.table("claims").delete(claim_id)
            self.log("delete", "claim", claim_id, before=claim.to_dict(), reviewer_id=reviewer_id)
        return reviewed, attachments

    def undelete_claim(
        self,
        reviewed: ReviewedClaim,
        attachments: dict[str, bytes | None] | None = None,
        *,
        reviewer_id: str | None = None,
    ) -> None:
        """Put back a claim removed by :meth:`delete_claim`, with its verdicts and sources."""
        with self.write() as db:
            db.table("claims").insert(rows.claim_to_row(reviewed.claim))
            for verdict in reviewed.verdicts:
                self._insert_verdict(verdict, attachments or {})
            self.log(
                "restore",
                "claim",
                reviewed.claim.id,
                after=reviewed.claim.to_dict(),
                reviewer_id=reviewer_id,
            )

    # -- sources ---------------------------------------------------------------------------
    def add_source(
        self,
        verdict_id: str,
        *,
        attachment: bytes | None = None,
        attachment_name: str | None = None,
        **fields: Any,
    ) -> Source:
        """Add a source to a verdict; an attached file's bytes and SHA-256 are kept.

        When the verdict already has a source at the same address (surrounding spaces aside),
        that source is returned and nothing is stored, unless the new one brings its own quoted
        passage, note or attached file: a second passage of one report is a source of its own.
        """
        verdict = self.get_verdict(verdict_id)
        source = Source(verdict_id=verdict_id, **_source_fields(fields))
        if not (source.title or source.url or attachment is not None):
            raise InvalidInputError("A source needs at least a title, a URL or an attached file.")
        source = _with_attachment(source, attachment, attachment_name)
        same = _same_source(verdict.sources, source)
        if same is not None:
            return same
        row = rows.source_to_row(source)
        row["attachment"] = attachment
        with self.write() as db:
            db.table("sources").insert(row)
            self.log(
                "add", "source", source.id, after=source.to_dict(), reviewer_id=verdict.reviewer_id
            )
        return source

    def repeated_source(
        self, verdict_id: str, *, attachment: bytes | None = None, **fields: Any
    ) -> Source | None:
        """The verdict's source that a new one with these fields would only repeat (see
        :meth:`add_source`); None when it would be added."""
        source = Source(verdict_id=verdict_id, **_source_fields(fields))
        source = _with_attachment(source, attachment, "attachment")
        return _same_source(self.get_verdict(verdict_id).sources, source)

    def get_source(self, source_id: str) -> Source:
        """One source by id (without attachment bytes)."""
        return rows.row_to_source(self._one("sources", source_id, "source"))

    def update_source(self, source_id: str, **fields: Any) -> Source:
        """Change a source's descriptive fields."""
        before = self.get_source(source_id)
        after = Source(
            **{
                **before.to_dict(),
                "verdict_id": before.verdict_id,
                "created_at": before.created_at,
                **_source_fields(fields),
            }
        )
        if not (after.title or after.url or after.attachment_name):
            raise InvalidInputError("A source needs at least a title, a URL or an attached file.")
        with self.write() as db:
            db.table("sources").update(source_id, {k: getattr(after, k) for k in SOURCE_FIELDS})
            self.log("update", "source", source_id, before=before.to_dict(), after=after.to_dict())
        return after

    def remove_source(self, source_id: str) -> tuple[Source, bytes | None]:
        """Remove a source; returns it and its attachment bytes so it can be put back."""
        source = self.get_source(source_id)
        data = self.get_attachment(source_id)
        with self.write() as db:
            db.table("sources").delete(source_id)
            self.log("delete", "source", source_id, before=source.to_dict())
        return source, data

    def undelete_source(self, source: Source, attachment: bytes | None = None) -> Source:
        """Put back a source removed by :meth:`remove_source`."""
        self.get_verdict(source.verdict_id)
        row = rows.source_to_row(source)
        row["attachment"] = attachment
        with self.write() as db:
            db.table("sources").insert(row)
            self.log("restore", "source", source.id, after=source.to_dict())
        return source

    def get_attachment(self, source_id: str) -> bytes | None:
        """The attached file's bytes, if the source has one."""
        found = self.query("SELECT attachment FROM sources WHERE id = ?", [source_id])
        if not found:
            raise NotFoundError(f"There is no source with id {source_id}.")
        return found[0]["attachment"]

    def sources_for(self, verdict_id: str) -> list[Source]:
        """A verdict's sources in the order they were added."""
        cols = ", ".join(f"[{c}]" for c in rows.SOURCE_COLUMNS)
        query = f"SELECT {cols} FROM sources WHERE verdict_id = ? ORDER BY created_at, rowid"
        return [rows.row_to_source(r) for r in self.query(query, [verdict_id])]

    # -- reading claims with their verdicts --------------------------------------------------
    def claims_for(self, article_id: str, *, include_dismissed: bool = True) -> list[ReviewedClaim]:
        """An article's claims in article order, each with every reviewer's verdict and sources."""
        self.get_article(article_id)
        where = "article_id = ?" + ("" if include_dismissed else " AND state = 'open'")
        claims = [
            rows.row_to_claim(r)
            for r in self.query(
                f"SELECT * FROM claims WHERE {where} ORDER BY start, [end]", [article_id]
            )
        ]
        verdicts: dict[str, list[Verdict]] = defaultdict(list)
        by_id: dict[str, Verdict] = {}
        for row in self.query(
            """
            SELECT v.*, r.name AS reviewer_name FROM verdicts v
            JOIN claims c ON c.id = v.claim_id JOIN reviewers r ON r.id = v.reviewer_id
            WHERE c.article_id = ? ORDER BY r.name COLLATE NOCASE
            """,
            [article_id],
        ):
            verdict = rows.row_to_verdict(row, row["reviewer_name"])
            verdicts[verdict.claim_id].append(verdict)
            by_id[verdict.id] = verdict
        cols = ", ".join(f"s.[{c}]" for c in rows.SOURCE_COLUMNS)
        for row in self.query(
            f"""
            SELECT {cols} FROM sources s JOIN verdicts v ON v.id = s.verdict_id
            JOIN claims c ON c.id = v.claim_id WHERE c.article_id = ?
            ORDER BY s.created_at, s.rowid
            """,
            [article_id],
        ):
            by_id[row["verdict_id"]].sources.append(rows.row_to_source(row))
        return [ReviewedClaim(c, verdicts.get(c.id, [])) for c in claims]

    def events_for(self, entity: str, entity_id: str) -> list[dict[str, Any]]:
        """The audit log of one entity, oldest first."""
        return self.query(
            "SELECT * FROM events WHERE entity = ? AND entity_id = ? ORDER BY id",
            [entity, entity_id],
        )

    # -- agreement between reviewers ---------------------------------------------------------
    def claim_ratings(self, article_id: str | None = None) -> dict[str, dict[str, str | None]]:
        """Each open claim's ratings by reviewer id (None: a draft), for one article or all.

        Claims set aside (dismissed) and claims nobody has a verdict on are left out.
        """
        where = "c.state = 'open'"
        params: list[str] = []
        if article_id is not None:
            self.get_article(article_id)
            where += " AND c.article_id = ?"
            params.append(article_id)
        found: dict[str, dict[str, str | None]] = defaultdict(dict)
        for row in self.query(
            f"""
            SELECT v.claim_id, v.reviewer_id, v.rating FROM verdicts v
            JOIN claims c ON c.id = v.claim_id WHERE {where}
            ORDER BY c.article_id, c.start, c.[end], v.claim_id, v.reviewer_id
            """,
            params,
        ):
            found[row["claim_id"]][row["reviewer_id"]] = row["rating"]
        return dict(found)


def _source_fields(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(SOURCE_FIELDS)
    if unknown:
        raise InvalidInputError(f"A source has no field {', '.join(sorted(unknown))}.")
    return {
        k: (v.strip() if isinstance(v, str) else v) or (None if k != "title" else "")
        for k, v in fields.items()
    }


def _same_source(sources: list[Source], new: Source) -> Source | None:
    """The source among ``sources`` that ``new`` repeats: same address, nothing of its own."""
    if not new.url:
        return None
    for old in sources:
        if (
            (old.url or "").strip() == new.url
            and new.quote in (None, old.quote)
            and new.note in (None, old.note)
            and new.attachment_sha256 in (None, old.attachment_sha256)
        ):
            return old
    return None


def _with_attachment(source: Source, data: bytes | None, name: str | None) -> Source:
    if data is None:
        return source
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise InvalidInputError(
            f"The attached file is {len(data) // (1024 * 1024)} MB; attach files up to {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB, and link to larger ones."
        )
    # Only a plain base name is kept, so an attachment can never be written outside its folder.
    source.attachment_name = safe_attachment_name(name)
    import hashlib  # only attachments need it: not loaded at start-up

    source.attachment_sha256 = hashlib.sha256(data).hexdigest()
    source.attachment_size = len(data)
    return source


def _verdict_summary(verdict: Verdict | None) -> dict[str, Any] | None:
    if verdict is None:
        return None
    return {"claim_id": verdict.claim_id, **verdict.judgement.to_dict()}
