"""The review desk's use-cases: what the window asks of the lower layers, with no Qt and no SQL."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.model import (
    Article,
    Claim,
    ClaimantType,
    ClaimState,
    RatingScale,
    ReviewedClaim,
    Reviewer,
)
from workbench.services.database import open_database
from workbench.settings import PENDING_EXTRACTION, SEEDED, SPACY_PIPELINE
from workbench.store import InvalidInputError, Store

if TYPE_CHECKING:
    from workbench.report import Report
    from workbench.services.backup import AutoBackup
    from workbench.services.blind import BlindReview
    from workbench.services.final_verdicts import FinalVerdicts
    from workbench.services.history import History
    from workbench.services.verdicts import Verdicts
    from workbench.store.cipher import CipherKey

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

#: Articles saved before their claims were found (extraction cancelled or still to run).
PENDING_SETTING = PENDING_EXTRACTION.key
PIPELINE_SETTING = SPACY_PIPELINE.key
#: Set by ``services.library.seed_if_new`` once the sample article was offered.
SEEDED_SETTING = SEEDED.key


class DeskError(Exception):
    """A desk action could not be done; the message is meant for the journalist."""


@dataclass(frozen=True, slots=True)
class DeletedClaim:
    """What :meth:`Desk.delete_claim` removed, so that undo can put it back."""

    reviewed: ReviewedClaim
    attachments: dict[str, bytes | None]


class Extractor:
    """Finds claims with the spaCy pipeline, loading it once; safe to call from a worker thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._nlp: Any = None
        self._name: str | None = None

    @property
    def loaded(self) -> bool:
        """True once the language model is in memory."""
        return self._nlp is not None

    def load(self, name: str | None = None) -> Any:
        """Load the pipeline called ``name`` (the default one when None), once."""
        with self._lock:
            if self._nlp is None or name != self._name:
                try:
                    from workbench.claims import load_pipeline
                except ImportError as exc:
                    raise DeskError(
                        "Claim finding is not available in this installation, so claims can only be marked by hand."
                    ) from exc
                self._nlp = load_pipeline(name)
                self._name = name
            return self._nlp

    def extract(
        self,
        article: Article,
        *,
        pipeline: str | None = None,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> list[Claim]:
        """The article's check-worthy claims; raises ``claims.ExtractionCancelled`` when stopped."""
        nlp = self.load(pipeline)
        # Loaded with the pipeline; the claims layer's own cancel is the only one there is.
        from workbench.claims import ExtractionCancelled, extract_claims

        if is_cancelled is not None and is_cancelled():
            raise ExtractionCancelled()
        claims = extract_claims(article, nlp=nlp, progress=progress, is_cancelled=is_cancelled)
        if is_cancelled is not None and is_cancelled():
            raise ExtractionCancelled()
        return claims


def read_article_file(path: str | Path) -> Article:
    """Read an article file (no database involved, so a worker thread may call it)."""
    # The readers load only when first needed: the window shows sooner.
    from workbench.ingest import read_path

    return read_path(path)


class Desk:
    """One open database as the review desk sees it: the current reviewer and their work."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.reviewer: Reviewer | None = None
        self._scale: RatingScale | None = None

    # -- database --------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None) -> Desk:
        """The desk on a database file; one that cannot be written opens read-only."""
        return cls(open_database(path))

    def close(self) -> None:
        """Close the database (before restoring a backup over it, or on quitting)."""
        self.store.close()

    def back_up(self) -> Path:
        """A checked copy of the database in its backup folder."""
        from workbench.services.backup import backup_now

        return backup_now(self.store)

    def plan_backup_on_open(self) -> AutoBackup | None:
        """The automatic backup of the database just opened (None: nothing to back up)."""
        from workbench.services.backup import plan_backup_on_open

        return plan_backup_on_open(self.store)

    def prepare_writes(self) -> None:
        """Load what the first edit needs now; only while no worker thread is running."""
        self.store.prepare_writes(without_numpy=True)

    @property
    def display_name(self) -> str:
        """The database file name shown to people."""
        return self.store.display_name

    @property
    def path(self) -> Path | None:
        """The database file, None for an in-memory one."""
        return self.store.path

    @property
    def read_only(self) -> bool:
        """True when nothing may be changed."""
        return self.store.read_only

    # -- an encrypted file -------------------------------------------------------------------
    @property
    def encrypted(self) -> bool:
        """True when the file is encrypted: it opens only with its passphrase."""
        return self.store.encrypted

    @property
    def key(self) -> CipherKey | None:
        """An encrypted file's key (in memory only), to open it or its backups again."""
        return self.store.cipher_key

    def passphrase_matches(self, passphrase: str) -> bool:
        """True when ``passphrase`` is the one the encrypted file was opened with."""
        key = self.store.cipher_key
        return key is not None and key.matches(passphrase)

    def lock(self) -> None:
        """Close the file and forget its key: only the passphrase opens it again."""
        self.store.close()
        self.store.cipher_key = None

    def scale(self) -> RatingScale:
        """The database's rating scale."""
        if self._scale is None:
            self._scale = self.store.rating_scale()
        return self._scale

    def setting(self, key: str, default: Any = None) -> Any:
        """A per-database setting."""
        return self.store.get_setting(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        """Change a per-database setting, checked against its declaration in workbench.settings."""
        from workbench.services.review import check_setting

        self.store.set_setting(key, check_setting(key, value))

    # -- reviewers -------------------------------------------------------------------------
    def reviewers(self) -> list[Reviewer]:
        """Everyone who has reviewed in this database, by name."""
        return self.store.list_reviewers()

    def use_reviewer(self, name: str) -> Reviewer:
        """Work as the reviewer called ``name`` (added when new)."""
        from workbench.services.review import check_reviewer_name

        self.reviewer = self.store.ensure_reviewer(check_reviewer_name(name))
        return self.reviewer

    @property
    def reviewer_id(self) -> str | None:
        """The current reviewer's id."""
        return self.reviewer.id if self.reviewer else None

    # -- articles --------------------------------------------------------------------------
    def articles(self, query: str = "") -> list[dict[str, Any]]:
        """Articles newest first; with a query, those whose title, outlet, text or claims match it."""
        rows = self.store.list_articles()
        query = query.strip()
        if not query:
            return rows
        folded = query.casefold()
        hit_ids = {hit.article_id for hit in self.store.search(query)}
        return [
            row
            for row in rows
            if row["id"] in hit_ids
            or folded in (row["title"] or "").casefold()
            or folded in (row["outlet"] or "").casefold()
        ]

    def article_id(self, ref: str) -> str:
        """The full id of the article whose id is, or starts with, ``ref``."""
        return self.store.resolve_id("articles", ref, "article")

    def article(self, article_id: str) -> Article:
        """One article."""
        return self.store.get_article(article_id)

    def edit_article(self, article_id: str, **fields: Any) -> Article:
        """Correct an article's details or summary, recorded as the current reviewer's edit."""
        from workbench.services.articles import edit_article

        return edit_article(self.store, article_id, reviewer_id=self.reviewer_id, **fields)

    def put_article_details(self, article_id: str, values: dict[str, Any]) -> Article:
        """Put an article's details back as they were stored (undo and redo)."""
        from workbench.services.articles import put_article_details

        return put_article_details(self.store, article_id, values, reviewer_id=self.reviewer_id)

    def claims(self, article_id: str) -> list[ReviewedClaim]:
        """An article's claims in article order, with every verdict the reviewer may see
        (blind review hides the others' until they rated: :mod:`workbench.services.blind`)."""
        return self.blind_review().shown_all(self.store.claims_for(article_id))

    def blind_review(self) -> BlindReview:
        """Whether, and for the current reviewer, the others' ratings are hidden."""
        from workbench.services.blind import BlindReview

        return BlindReview.of(self.store, self.reviewer)

    def claim_history(self, claim_id: str) -> History:
        """Every recorded change to a claim, its verdicts and sources, oldest first."""
        from workbench.services.history import claim_history

        return claim_history(self.store, claim_id)

    def article_history(self, article_id: str) -> History:
        """Every recorded change to an article and its claims, oldest first."""
        from workbench.services.history import article_history

        return article_history(self.store, article_id)

    def last_event(self) -> tuple[int, str] | None:
        """The newest change recorded: it differs after every saved edit."""
        return self.store.last_event()

    def seed(self) -> list[Article]:
        """Import the sample article into a new database; its claims are found later, off the GUI thread."""
        if self.read_only or self.store.get_setting(SEEDED_SETTING, False):
            # Checked here first: the readers behind seeding load only for a new database.
            return []
        from workbench.services.library import seed_if_new

        articles = [r.article for r in seed_if_new(self.store, run_extraction=False)]
        for article in articles:
            self.mark_pending(article.id)
        return articles

    def existing_copy(self, article: Article) -> Article | None:
        """The article already imported from the same file, if any."""
        if not article.source_sha256:
            return None
        return self.store.find_article_by_sha256(article.source_sha256)

    def pasted_article(self, text: str, **metadata: str | None) -> Article:
        """Make an article from pasted text and its title, outlet, URL and date."""
        from workbench.ingest import read_pasted
        from workbench.services.review import check_web_url

        url = metadata.get("url")
        if url and url.strip():
            metadata["url"] = check_web_url(url, "article's web address")
        return read_pasted(text, **metadata)

    def save_article(self, article: Article) -> Article:
        """Save a read article before its claims are found."""
        from workbench.services.library import keep_web_url_only

        article.imported_by = self.reviewer.name if self.reviewer else None
        self.store.add_article(keep_web_url_only(article))
        self.mark_pending(article.id)
        return article

    def save_found_claims(self, article_id: str, claims: list[Claim]) -> list[Claim]:
        """Save the best of the claims extraction found for an article; returns those added.

        Only the ``max_claims_per_article`` highest-scoring are kept, and the article remembers
        how many more there were (:meth:`left_out`). Claims already stored, with their verdicts,
        stay as they are; a claim found again at their place is not added twice.
        """
        from workbench.services.found_claims import (
            choose_claims,
            claims_kept_per_article,
            save_choice,
        )

        for claim in claims:
            claim.created_by = self.reviewer.name if self.reviewer else None
        stored = [rc.claim for rc in self.store.claims_for(article_id)]
        choice = choose_claims(claims, claims_kept_per_article(self.store), stored)
        # One transaction: the claims, the count left out and the end of "pending" go together.
        with self.store.write():
            save_choice(self.store, article_id, choice)
            self.mark_pending(article_id, pending=False)
        return choice.new

    def left_out(self, article_id: str) -> str | None:
        """What the last claim finding in an article did not keep, in words (None: nothing)."""
        from workbench.services.found_claims import left_out

        found = left_out(self.store, article_id)
        return found.message() if found else None

    def pending(self) -> list[str]:
        """Ids of articles whose claims have not been found yet."""
        return list(self.store.get_setting(PENDING_SETTING, []))

    def mark_pending(self, article_id: str, *, pending: bool = True) -> None:
        """Remember (or forget) that an article still needs claim finding."""
        if self.read_only:
            return
        ids = [i for i in self.pending() if i != article_id]
        if pending:
            ids.append(article_id)
        self.store.set_setting(PENDING_SETTING, ids)

    def pipeline_name(self) -> str | None:
        """The spaCy pipeline chosen in the preferences, None for the default."""
        return self.store.get_setting(PIPELINE_SETTING) or None

    # -- claims ----------------------------------------------------------------------------
    def add_claim(self, article_id: str, start: int, end: int) -> Claim:
        """Mark the article's text between two offsets as a claim."""
        text = self.article(article_id).text
        start, end = _trim(text, start, end)
        if start >= end:
            raise InvalidInputError("Select some words of the article to mark them as a claim.")
        from workbench.services.library import mark_claim

        return mark_claim(
            self.store,
            article_id,
            start,
            end,
            reviewer=self.reviewer,
            pipeline=self.pipeline_name(),
        )

    def claim(self, claim_id: str) -> Claim:
        """One claim."""
        return self.store.get_claim(claim_id)

    def set_wording(self, claim_id: str, wording: str) -> Claim:
        """Reword a claim (its quote, the article's exact words, stays)."""
        return self.edit_claim(claim_id, claim=wording)

    def edit_claim(self, claim_id: str, **changes: Any) -> Claim:
        """Correct a claim's record: wording, claimant, when and where said, kind."""
        from workbench.services.claim_record import edit_claim

        return edit_claim(self.store, claim_id, reviewer_id=self.reviewer_id, **changes)

    def put_claim_record(self, claim_id: str, record: dict[str, Any]) -> Claim:
        """Put back a claim record as it was taken (undo and redo of a correction)."""
        from workbench.services.claim_record import put_record

        return put_record(self.store, claim_id, record, reviewer_id=self.reviewer_id)

    def claimant_choices(self, article_id: str) -> list[tuple[str, ClaimantType | None]]:
        """The people and organisations a claimant can be picked from."""
        from workbench.services.library import claimant_choices

        return claimant_choices(self.store, article_id, pipeline=self.pipeline_name())

    def set_span(self, claim_id: str, start: int, end: int) -> Claim:
        """Move a claim to other text of its article (its quote follows)."""
        claim = self.store.get_claim(claim_id)
        text = self.article(claim.article_id).text
        start, end = _trim(text, start, end)
        if start >= end:
            raise InvalidInputError("Select the words the claim should cover.")
        return self.store.update_claim(claim_id, start=start, end=end, reviewer_id=self.reviewer_id)

    def set_state(self, claim_id: str, state: ClaimState) -> Claim:
        """Dismiss or undismiss a claim."""
        if state is ClaimState.DISMISSED:
            return self.store.dismiss_claim(claim_id, reviewer_id=self.reviewer_id)
        return self.store.undismiss_claim(claim_id, reviewer_id=self.reviewer_id)

    def delete_claim(self, claim_id: str) -> DeletedClaim:
        """Delete a claim with its verdicts; the result puts it back."""
        reviewed, attachments = self.store.delete_claim(claim_id, reviewer_id=self.reviewer_id)
        return DeletedClaim(reviewed, attachments)

    def undelete_claim(self, deleted: DeletedClaim) -> None:
        """Put back a deleted claim with its verdicts and sources."""
        self.store.undelete_claim(
            deleted.reviewed, deleted.attachments, reviewer_id=self.reviewer_id
        )

    # -- verdicts --------------------------------------------------------------------------
    @cached_property
    def verdicts(self) -> Verdicts:
        """The verdicts and their sources, as the verdict editor reads and changes them."""
        from workbench.services.verdicts import Verdicts

        return Verdicts(self.store)

    @cached_property
    def final_verdicts(self) -> FinalVerdicts:
        """Editors' final verdicts, the queue of claims needing one, and reasoned dismissals."""
        from workbench.services.final_verdicts import FinalVerdicts

        return FinalVerdicts(self.store)

    # -- reports ---------------------------------------------------------------------------
    def report(
        self,
        article_id: str,
        *,
        reviewers: tuple[str, ...] | None = None,
        include_dismissed: bool = False,
        all_claims: bool | None = None,
    ) -> Report:
        """An article's report as read now: the database's report settings, then these choices."""
        # The report package loads with the first export, not at start.
        from workbench.report import ReportOptions, build_report

        options = ReportOptions.from_store(
            self.store,
            reviewers=reviewers,
            include_dismissed=include_dismissed,
            all_claims=all_claims,
        )
        return build_report(self.store, article_id, options)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so that it neither starts nor ends with white space."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
