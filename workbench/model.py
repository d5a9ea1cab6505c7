"""Domain model: plain dataclasses and enums, no I/O, no Qt, no SQLite, no spaCy."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

#: Check-worthiness score (a calibrated probability) from which a sentence counts as a claim: the
#: claim finder's threshold, ``workbench score``'s ``claim`` field and the desk's default
#: sensitivity. Chosen on the pooled dev sets when the model is trained (see its model card);
#: a test checks that it equals the shipped model's own threshold.
CLAIM_THRESHOLD = 0.15


#: The longest reviewer name accepted: names are printed in every report and table.
MAX_NAME_CHARS = 100

#: Unicode controls that reorder the text around them (U+202E makes "exe.txt" read "txt.exe").
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def web_url_problem(url: str, what: str = "web address") -> str | None:
    """Why ``url`` cannot be published as an http(s) web address, or None when it can."""
    from urllib.parse import urlsplit  # loaded on first use, like new_id's uuid

    shown = url if len(url) <= 80 else url[:77] + "…"
    shown = "".join(ch if ch.isprintable() else "\ufffd" for ch in shown)
    if any(ch.isspace() or not ch.isprintable() or ch in BIDI_CONTROLS for ch in url):
        return (
            f"The {what} “{shown}” is not a web address: it contains spaces, line breaks or "
            "invisible characters. Paste the address alone, such as https://example.org/page."
        )
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    # javascript:, data: and the like would run or embed code where the report is published.
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return (
            f"The {what} “{shown}” is not a web address; give a full address that starts with "
            "https:// or http://, such as https://example.org/page."
        )
    return None


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a reviewer's name, or None when it can."""
    import unicodedata

    name = " ".join(name.split())
    if not name:
        return "A reviewer needs a name."
    if len(name) > MAX_NAME_CHARS:
        return (
            f"A reviewer's name can have at most {MAX_NAME_CHARS} characters "
            f"(this one has {len(name)}); use a shorter form of the name."
        )
    # Format characters such as the zero-width non-joiner belong to Persian or Hindi names.
    if any(unicodedata.category(ch) == "Cc" or ch in BIDI_CONTROLS for ch in name):
        return "A reviewer's name cannot contain invisible or text-direction characters."
    return None


def new_id() -> str:
    """Return a fresh UUID string (ids are UUIDs so that files from two laptops can merge)."""
    import uuid  # loaded on first use: reading a database makes no new ids

    return str(uuid.uuid4())


def now_iso() -> str:
    """Return the current UTC time as an ISO 8601 string with seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class BlockKind(StrEnum):
    """What part of an article a block of text is."""

    HEADLINE = "headline"
    STANDFIRST = "standfirst"
    CAPTION = "caption"
    CREDIT = "credit"
    BYLINE = "byline"
    BODY = "body"
    FOOTER = "footer"

    @property
    def can_hold_claims(self) -> bool:
        """Credits, bylines and boilerplate never hold claims."""
        return self not in (BlockKind.CREDIT, BlockKind.BYLINE, BlockKind.FOOTER)


@dataclass(frozen=True, slots=True)
class Block:
    """A character range ``[start, end)`` of ``Article.text`` with its role."""

    kind: BlockKind
    start: int
    end: int

    def to_dict(self) -> dict[str, object]:
        """Plain dict for JSON."""
        return {"kind": self.kind.value, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Block:
        """Inverse of :meth:`to_dict`."""
        return cls(BlockKind(str(data["kind"])), int(data["start"]), int(data["end"]))  # type: ignore[call-overload]


@dataclass(slots=True)
class Article:
    """An imported article: the exact text the user sees, its metadata and its blocks."""

    text: str
    title: str = ""
    blocks: list[Block] = field(default_factory=list)
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    language: str = "en"
    source_name: str | None = None
    source_sha256: str | None = None
    imported_at: str = field(default_factory=now_iso)
    imported_by: str | None = None
    #: The editor's written summary of the fact-check, printed at the top of the report.
    summary: str = ""
    id: str = field(default_factory=new_id)

    def block_at(self, offset: int) -> Block | None:
        """The block that contains character ``offset``, if any."""
        for block in self.blocks:
            if block.start <= offset < block.end:
                return block
        return None

    def metadata(self) -> dict[str, object]:
        """Title, outlet, author, date, url and language as a dict (for JSON output)."""
        return {
            "title": self.title,
            "outlet": self.outlet,
            "author": self.author,
            "published": self.published,
            "url": self.url,
            "language": self.language,
        }


class ClaimKind(StrEnum):
    """Claim types after Full Fact's annotation scheme."""

    QUANTITY = "quantity"
    CAUSATION = "causation"
    PREDICTION = "prediction"
    LAW = "law"
    PERSONAL = "personal_experience"
    OTHER = "other_factual"
    NOT_A_CLAIM = "not_a_claim"

    @property
    def label(self) -> str:
        """Human-readable name."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    ClaimKind.QUANTITY: "Quantity",
    ClaimKind.CAUSATION: "Cause / correlation",
    ClaimKind.PREDICTION: "Prediction",
    ClaimKind.LAW: "Law / rule",
    ClaimKind.PERSONAL: "Personal experience",
    ClaimKind.OTHER: "Other factual",
    ClaimKind.NOT_A_CLAIM: "Not a claim",
}


class ClaimOrigin(StrEnum):
    """Whether the program found the claim or a reviewer marked it."""

    AUTO = "auto"
    MANUAL = "manual"


class ClaimantType(StrEnum):
    """Whether a claim was made by a person or by an organisation (schema.org's Person or
    Organization in ClaimReview)."""

    PERSON = "person"
    ORGANISATION = "organisation"


class ClaimState(StrEnum):
    """A dismissed claim stays in the file and can be undismissed."""

    OPEN = "open"
    DISMISSED = "dismissed"


@dataclass(slots=True)
class Claim:
    """A check-worthy statement anchored at ``Article.text[start:end] == quote``."""

    article_id: str
    start: int
    end: int
    quote: str
    claim: str = ""
    speaker: str | None = None
    kind: ClaimKind = ClaimKind.OTHER
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    origin: ClaimOrigin = ClaimOrigin.AUTO
    state: ClaimState = ClaimState.OPEN
    created_at: str = field(default_factory=now_iso)
    created_by: str | None = None
    pipeline_version: str | None = None
    #: The claim's number in its article, shown in the desk, the report and the exports: given
    #: in article order on import, the next free one for a claim added later, never reused.
    number: int | None = None
    #: Who made the claim is ``speaker``; this says whether a person or an organisation.
    claimant_type: ClaimantType | None = None
    #: When and where the claim was made (an ISO date and free text), when known.
    said_on: str | None = None
    said_where: str | None = None
    #: The claim finder's own reading (claim, speaker, claimant_type, kind) kept for
    #: comparison once a reviewer has corrected the record; None for a claim marked by hand.
    guess: dict[str, Any] | None = None
    #: Who dismissed the claim (a reviewer's id) and why, while it is dismissed.
    dismissed_by: str | None = None
    dismissed_reason: str | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if not self.claim:
            self.claim = self.quote

    def to_dict(self) -> dict[str, object]:
        """The fields a tool needs, as plain JSON types."""
        return {
            "id": self.id,
            "article_id": self.article_id,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "claim": self.claim,
            "speaker": self.speaker,
            "kind": self.kind.value,
            "score": round(self.score, 4),
            "reasons": list(self.reasons),
            "origin": self.origin.value,
            "state": self.state.value,
            "created_at": self.created_at,
            "created_by": self.created_by,
            "pipeline_version": self.pipeline_version,
            "number": self.number,
            "claimant_type": self.claimant_type.value if self.claimant_type else None,
            "said_on": self.said_on,
            "said_where": self.said_where,
            "guess": dict(self.guess) if self.guess else None,
            **(
                {"dismissed_by": self.dismissed_by, "dismissed_reason": self.dismissed_reason}
                if self.state is ClaimState.DISMISSED
                else {}
            ),
        }


@dataclass(slots=True)
class Reviewer:
    """A person who records verdicts."""

    name: str
    created_at: str = field(default_factory=now_iso)
    id: str = field(default_factory=new_id)


@dataclass(frozen=True, slots=True)
class Rating:
    """One label of a rating scale; ``value`` is None for labels such as "Unproven"."""

    label: str
    value: int | None
    description: str = ""


@dataclass(frozen=True, slots=True)
class RatingScale:
    """An ordered list of ratings, best first."""

    name: str
    title: str
    ratings: tuple[Rating, ...]

    @property
    def best(self) -> int:
        """The highest numeric value on the scale."""
        return max(r.value for r in self.ratings if r.value is not None)

    @property
    def worst(self) -> int:
        """The lowest numeric value on the scale."""
        return min(r.value for r in self.ratings if r.value is not None)

    @property
    def labels(self) -> list[str]:
        """Labels in scale order."""
        return [r.label for r in self.ratings]

    def find(self, label: str) -> Rating | None:
        """The rating whose label matches ``label`` (case and spacing ignored)."""
        wanted = " ".join(label.split()).casefold()
        for rating in self.ratings:
            if rating.label.casefold() == wanted:
                return rating
        return None


@dataclass(slots=True)
class Source:
    """Evidence behind a verdict: a document, page or person, with an optional attached file."""

    verdict_id: str
    title: str = ""
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    accessed: str | None = None
    quote: str | None = None
    note: str | None = None
    attachment_name: str | None = None
    attachment_sha256: str | None = None
    attachment_size: int | None = None
    created_at: str = field(default_factory=now_iso)
    id: str = field(default_factory=new_id)

    def to_dict(self) -> dict[str, object]:
        """Plain dict for JSON (attachment bytes are not included)."""
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "publisher": self.publisher,
            "published": self.published,
            "accessed": self.accessed,
            "quote": self.quote,
            "note": self.note,
            "attachment_name": self.attachment_name,
            "attachment_sha256": self.attachment_sha256,
            "attachment_size": self.attachment_size,
        }


@dataclass(frozen=True, slots=True)
class Judgement:
    """What a reviewer decides about a claim: a rating, how sure they are (0..1) and why.

    The part of a verdict that the reviewer writes, passed whole from the editor or the command
    line to the store, so that a new verdict field is declared here (and in :class:`Verdict`)
    rather than added to every signature on the way.
    """

    #: None while the reviewer has not chosen a rating yet: the verdict is a draft.
    rating: str | None
    confidence: float | None = None
    rationale: str = ""

    def problem(self) -> str | None:
        """Why this judgement cannot be stored (the scale aside), or None when it can."""
        if self.confidence is not None and not 0 <= self.confidence <= 1:
            return "Confidence must be between 0 and 1."
        return None

    def tidied(self) -> Judgement:
        """This judgement as stored: the rationale without surrounding spaces."""
        return replace(self, rationale=self.rationale.strip())

    def with_rating(self, rating: str) -> Judgement:
        """The same judgement with another rating (the number keys keep the rest)."""
        return replace(self, rating=rating)

    def to_dict(self) -> dict[str, Any]:
        """Each field by name, as :class:`Verdict` and the store's columns call them."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(slots=True)
class Verdict:
    """One reviewer's rating of one claim, with rationale, confidence (0..1) and sources.

    The fields of :class:`Judgement` are repeated here by name (see :attr:`judgement`).
    """

    claim_id: str
    reviewer_id: str
    #: None for a draft: rationale, confidence or sources saved before a rating was chosen.
    rating: str | None
    rating_value: int | None = None
    confidence: float | None = None
    rationale: str = ""
    reviewer_name: str | None = None
    sources: list[Source] = field(default_factory=list)
    created_at: str = field(default_factory=now_iso)
    updated_at: str = field(default_factory=now_iso)
    id: str = field(default_factory=new_id)

    @property
    def is_draft(self) -> bool:
        """True while no rating has been chosen ("in progress" in the desk and the report)."""
        return self.rating is None

    @property
    def last_change(self) -> str:
        """When the verdict or its sources last changed: a source added later counts."""
        return max([self.updated_at, *(s.created_at for s in self.sources)])

    @property
    def judgement(self) -> Judgement:
        """The rating, confidence and rationale as one value."""
        return Judgement(**{f.name: getattr(self, f.name) for f in fields(Judgement)})

    def to_dict(self) -> dict[str, object]:
        """Plain dict for JSON."""
        return {
            "id": self.id,
            "claim_id": self.claim_id,
            "reviewer_id": self.reviewer_id,
            "reviewer": self.reviewer_name,
            "rating": self.rating,
            "draft": self.is_draft,
            "rating_value": self.rating_value,
            "confidence": self.confidence,
            "rationale": self.rationale,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "sources": [s.to_dict() for s in self.sources],
        }


@dataclass(slots=True)
class FinalVerdict:
    """An editor's final verdict on a claim: the rating the report publishes, with a note.

    Any reviewer may act as editor; who did is recorded (``editor_id``), not enforced.
    """

    claim_id: str
    rating: str
    rating_value: int | None = None
    note: str = ""
    editor_id: str | None = None
    editor_name: str | None = None
    created_at: str = field(default_factory=now_iso)
    updated_at: str = field(default_factory=now_iso)
    id: str = field(default_factory=new_id)

    def to_dict(self) -> dict[str, object]:
        """Plain dict for JSON."""
        return {
            "id": self.id,
            "claim_id": self.claim_id,
            "rating": self.rating,
            "rating_value": self.rating_value,
            "note": self.note,
            "editor_id": self.editor_id,
            "editor": self.editor_name,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


@dataclass(slots=True)
class ReviewedClaim:
    """A claim together with every reviewer's verdict on it."""

    claim: Claim
    verdicts: list[Verdict] = field(default_factory=list)
    #: The editor's final verdict, when one was given (it settles a disagreement).
    final: FinalVerdict | None = None
    #: The name of the reviewer who dismissed the claim, while it is dismissed (when known).
    dismissed_by_name: str | None = None

    def verdict_by(self, reviewer_id: str) -> Verdict | None:
        """This reviewer's verdict, if any."""
        return next((v for v in self.verdicts if v.reviewer_id == reviewer_id), None)

    @property
    def rated(self) -> list[Verdict]:
        """The verdicts that carry a rating (drafts left out)."""
        return [v for v in self.verdicts if not v.is_draft]

    @property
    def drafts(self) -> list[Verdict]:
        """The verdicts still in progress (no rating yet)."""
        return [v for v in self.verdicts if v.is_draft]

    @property
    def disagreement(self) -> bool:
        """True when reviewers gave different ratings (drafts do not count)."""
        return len({v.rating for v in self.rated}) > 1

    @property
    def needs_final(self) -> bool:
        """True for an open claim whose reviewers disagree and that has no final verdict yet."""
        return self.claim.state is ClaimState.OPEN and self.disagreement and self.final is None

    def to_dict(self) -> dict[str, object]:
        """The claim's fields plus its verdicts."""
        data = self.claim.to_dict()
        data["verdicts"] = [v.to_dict() for v in self.verdicts]
        data["disagreement"] = self.disagreement
        data["final_verdict"] = self.final.to_dict() if self.final else None
        return data
