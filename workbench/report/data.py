"""One report data structure, built from the store, that every renderer reads."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbench import __version__
from workbench.model import Article, ClaimOrigin, ClaimState, RatingScale, now_iso

from .earlier import ReportEarlier, link_earlier
from .errors import ExportError
from .final import ReportFinal, report_dismissal, report_final
from .options import (  # re-exported: the report's options were first declared here
    PAGE_SIZES,
    SETTING_KEYS,
    ReportOptions,
    check_addresses,
    normalise_page_size,
)
from .text import Segment, Span, appendix_paragraphs, context_around, human_date

if TYPE_CHECKING:
    from workbench.model import Claim, ReviewedClaim, Source, Verdict
    from workbench.store import Store

    from .methods import MethodsSection

__all__ = [
    "PAGE_SIZES",
    "SETTING_KEYS",
    "Report",
    "ReportOptions",
    "build_report",
    "check_addresses",
    "normalise_page_size",
]

DISAGREE_LABEL = "Reviewers disagree"
UNREVIEWED_LABEL = "Not reviewed"

#: Bump when the JSON export changes shape.
SCHEMA_VERSION = 1


@dataclass(slots=True)
class ReportSource:
    """A numbered source of a verdict."""

    number: int
    title: str
    url: str | None
    publisher: str | None
    published: str | None
    accessed: str | None
    quote: str | None
    note: str | None
    attachment_name: str | None
    attachment_sha256: str | None
    attachment_size: int | None


@dataclass(slots=True)
class ReportVerdict:
    """One reviewer's verdict as printed."""

    reviewer: str
    rating: str
    rating_value: int | None
    tone: str
    confidence: float | None
    rationale: str
    created_at: str
    updated_at: str
    sources: list[ReportSource] = field(default_factory=list)

    @property
    def confidence_percent(self) -> str:
        """Confidence as ``80 %`` or an empty string."""
        return "" if self.confidence is None else f"{round(self.confidence * 100)} %"


@dataclass(slots=True)
class ReportClaim:
    """A claim in article order with its context and verdicts."""

    number: int
    id: str
    start: int
    end: int
    quote: str
    wording: str
    context_before: str
    context_after: str
    #: The claimant as the claim record names them; None when nobody is named.
    speaker: str | None
    #: "person" or "organisation" when the record says which.
    claimant_type: str | None
    #: When and where the claim was made (ISO date, free text), when the record says.
    said_on: str | None
    said_where: str | None
    kind: str
    kind_label: str
    dismissed: bool
    origin: str
    score: float
    pipeline_version: str | None
    verdicts: list[ReportVerdict]
    #: The editor's final verdict: printed and published as the claim's verdict when given.
    final: ReportFinal | None = None
    #: Who dismissed the claim and why (``Dismissed by Ana Lima: …``); None for an open claim.
    dismissal: str | None = None
    #: Earlier fact-checks from the library that reviewers linked as sources (see ``earlier``).
    earlier: list[ReportEarlier] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        """The HTML id of this claim (``claim-3``)."""
        return f"claim-{self.number}"

    @property
    def disagreement(self) -> bool:
        """True when the reviewers gave different ratings."""
        return len({v.rating for v in self.verdicts}) > 1

    @property
    def consensus(self) -> ReportVerdict | None:
        """A verdict standing for all, when every reviewer gave the same rating."""
        return self.verdicts[0] if self.verdicts and not self.disagreement else None

    @property
    def disputed(self) -> bool:
        """True when reviewers disagree and no editor has given a final verdict."""
        return self.disagreement and self.final is None

    @property
    def said_by(self) -> str:
        """Who made the claim, as a reader sees it; empty when nobody is named. Whether it is a
        person or an organisation goes to the data formats (and ClaimReview), not the prose."""
        return self.speaker or ""

    @property
    def said(self) -> str:
        """``12 March 2024, BBC Radio 4``: when and where the claim was made, as far as known."""
        return ", ".join(x for x in (human_date(self.said_on), self.said_where or "") if x)

    @property
    def reworded(self) -> bool:
        """True when the claim's wording differs from the exact quote."""
        return " ".join(self.wording.split()) != " ".join(self.quote.split())


@dataclass(frozen=True, slots=True)
class RatingCount:
    """A bar of the ratings chart."""

    label: str
    count: int
    tone: str


@dataclass(frozen=True, slots=True)
class ReviewerSummary:
    """Who reviewed, how many verdicts, and when."""

    name: str
    verdicts: int
    first: str
    last: str


@dataclass(slots=True)
class Report:
    """Everything a renderer needs; renderers never touch the store."""

    article: Article
    claims: list[ReportClaim]
    scale: RatingScale
    options: ReportOptions
    claims_found: int
    claims_dismissed: int
    reviewers: list[ReviewerSummary]
    rating_counts: list[RatingCount]
    verdict_counts: dict[str, int]
    pipelines: list[str]
    manual_claims: int
    appendix: list[list[Segment]]
    #: Open claims nobody rated, left out because the report lists reviewed claims only.
    claims_left_out: int = 0
    #: Verdicts still in progress (no rating yet): never printed, counted apart.
    drafts: int = 0
    #: The digest over the newest event of every chain of the history (``workbench audit
    #: verify --head`` checks a file against it later); empty when built without a store.
    history_digest: str = ""
    generated_at: str = field(default_factory=now_iso)
    program_version: str = __version__
    schema_version: int = SCHEMA_VERSION

    @property
    def claims_reviewed(self) -> int:
        """Claims in the report with at least one verdict."""
        return sum(1 for c in self.claims if c.verdicts or c.final)

    @property
    def claims_disputed(self) -> int:
        """Claims on which reviewers disagree."""
        return sum(1 for c in self.claims if c.disputed)

    @property
    def claims_settled(self) -> int:
        """Claims with an editor's final verdict."""
        return sum(1 for c in self.claims if c.final)

    @property
    def chart_max(self) -> int:
        """The longest bar of the ratings chart (at least 1)."""
        return max([1, *(r.count for r in self.rating_counts)])

    @property
    def summary_paragraphs(self) -> list[str]:
        """The editor's written summary, one item per paragraph (empty when none was written)."""
        return [p.strip() for p in self.article.summary.split("\n") if p.strip()]

    @property
    def counts_line(self) -> str:
        """One sentence of counts, standing in for a summary nobody wrote."""
        line = f"{self.claims_reviewed} of the {self.claims_found} claims found were reviewed"
        if self.claims_dismissed:
            line += f", {self.claims_dismissed} dismissed"
        if self.claims_disputed:
            line += f"; reviewers disagree on {self.claims_disputed}"
        if self.claims_settled:
            verb = "carries" if self.claims_settled == 1 else "carry"
            line += f"; {self.claims_settled} {verb} an editor's final verdict"
        return line + "."

    @property
    def no_claims_line(self) -> str:
        """What the claims section says when it lists none."""
        if self.claims_left_out:
            return "No claim in this article has been reviewed yet."
        return "This article has no claims in the report."

    @property
    def methods_section(self) -> MethodsSection:
        """How the report was made: the scale, who reviewed, how claims were found."""
        from .methods import methods_section

        return methods_section(self)

    @property
    def methods(self) -> str:
        """The methods section as plain text (Markdown and JSON)."""
        return self.methods_section.text

    @property
    def title(self) -> str:
        """The document title."""
        return f"Fact-check: {self.article.title or 'untitled article'}"


def tone_for(scale: RatingScale, value: int | None) -> str:
    """A colour family for a rating value: ``t5`` (best) … ``t1`` (worst), ``tn`` without a value."""
    if value is None:
        return "tn"
    span = max(1, scale.best - scale.worst)
    return f"t{1 + round(4 * (value - scale.worst) / span)}"


def build_report(store: Store, article_id: str, options: ReportOptions | None = None) -> Report:
    """Read an article, its claims, verdicts and sources into a :class:`Report`."""
    options = options or ReportOptions.from_store(store)
    article = store.get_article(article_id)
    scale = store.rating_scale()
    wanted = _reviewer_ids(store, options.reviewers)
    every = store.claims_for(article_id, include_dismissed=True)
    considered = [
        rc
        for rc in every
        if options.include_dismissed or rc.claim.state is not ClaimState.DISMISSED
    ]
    numbers = claim_numbers([rc.claim for rc in every])
    built = [_claim(numbers[rc.claim.id], rc, article.text, scale, wanted) for rc in considered]
    # Dismissed claims were asked for by name when they are here; open ones need a rating.
    claims = [c for c in built if c.verdicts or c.final or c.dismissed or options.all_claims]
    link_earlier(store, claims)
    spans = [Span(c.number, c.start, c.end) for c in claims]
    pipelines = sorted(
        {c.pipeline_version for c in claims if c.pipeline_version and c.origin == "auto"}
    )
    return Report(
        article=article,
        claims=claims,
        scale=scale,
        options=options,
        claims_found=len(every),
        claims_dismissed=sum(1 for rc in every if rc.claim.state is ClaimState.DISMISSED),
        reviewers=_reviewer_summaries(claims),
        rating_counts=_rating_counts(claims, scale, unreviewed=options.all_claims),
        verdict_counts=dict(Counter(v.rating for c in claims for v in c.verdicts)),
        pipelines=pipelines,
        manual_claims=sum(1 for c in claims if c.origin == ClaimOrigin.MANUAL.value),
        appendix=appendix_paragraphs(article.text, spans),
        claims_left_out=len(built) - len(claims),
        history_digest=store.history_digest(),
        drafts=sum(
            1
            for rc in every
            if rc.claim.state is not ClaimState.DISMISSED
            for v in rc.drafts
            if wanted is None or v.reviewer_id in wanted
        ),
    )


def claim_numbers(claims: list[Claim]) -> dict[str, int]:
    """Each claim's number in its article, as the desk shows it.

    Stored claims always carry their number; one that does not (built in memory, never saved)
    takes the next free number in article order, the way the store would number it.
    """
    top = max((c.number or 0 for c in claims), default=0)
    numbers: dict[str, int] = {}
    for claim in claims:
        if claim.number is None:
            top += 1
        numbers[claim.id] = claim.number if claim.number is not None else top
    return numbers


def _reviewer_ids(store: Store, names: tuple[str, ...]) -> set[str] | None:
    if not names:
        return None
    ids = set()
    for name in names:
        reviewer = store.find_reviewer(name)
        if reviewer is None:
            known = ", ".join(r.name for r in store.list_reviewers()) or "none yet"
            raise ExportError(f"There is no reviewer called “{name}” (reviewers: {known}).")
        ids.add(reviewer.id)
    return ids


def _claim(
    number: int, rc: ReviewedClaim, text: str, scale: RatingScale, wanted: set[str] | None
) -> ReportClaim:
    c = rc.claim
    before, after = context_around(text, c.start, c.end)
    # A draft (no rating yet) is work in progress, not a verdict: it is never printed.
    verdicts = [
        _verdict(v, v.rating, scale)
        for v in rc.verdicts
        if v.rating is not None and (wanted is None or v.reviewer_id in wanted)
    ]
    number_sources(verdicts)
    return ReportClaim(
        number=number,
        id=c.id,
        start=c.start,
        end=c.end,
        quote=c.quote,
        wording=c.claim,
        context_before=before,
        context_after=after,
        speaker=c.speaker,
        claimant_type=c.claimant_type.value if c.claimant_type else None,
        said_on=c.said_on,
        said_where=c.said_where,
        kind=c.kind.value,
        kind_label=c.kind.label,
        dismissed=c.state is ClaimState.DISMISSED,
        origin=c.origin.value,
        score=c.score,
        pipeline_version=c.pipeline_version,
        verdicts=verdicts,
        final=report_final(rc.final, tone_for(scale, rc.final.rating_value if rc.final else None)),
        dismissal=report_dismissal(rc),
    )


def _verdict(v: Verdict, rating: str, scale: RatingScale) -> ReportVerdict:
    return ReportVerdict(
        reviewer=v.reviewer_name or "unnamed reviewer",
        rating=rating,
        rating_value=v.rating_value,
        tone=tone_for(scale, v.rating_value),
        confidence=v.confidence,
        rationale=v.rationale,
        created_at=v.created_at,
        updated_at=v.updated_at,
        sources=[_source(0, s) for s in v.sources],
    )


def _source(number: int, s: Source) -> ReportSource:
    return ReportSource(
        number=number,
        title=s.title,
        url=s.url,
        publisher=s.publisher,
        published=s.published,
        accessed=s.accessed,
        quote=s.quote,
        note=s.note,
        attachment_name=s.attachment_name,
        attachment_sha256=s.attachment_sha256,
        attachment_size=s.attachment_size,
    )


def number_sources(verdicts: list[ReportVerdict]) -> None:
    """Number a claim's sources 1, 2, 3… across its verdicts."""
    number = 0
    for verdict in verdicts:
        for source in verdict.sources:
            number += 1
            source.number = number


def _reviewer_summaries(claims: list[ReportClaim]) -> list[ReviewerSummary]:
    found: dict[str, list[ReportVerdict]] = {}
    for claim in claims:
        for verdict in claim.verdicts:
            found.setdefault(verdict.reviewer, []).append(verdict)
    return [
        ReviewerSummary(
            name=name,
            verdicts=len(vs),
            first=min(v.created_at for v in vs),
            last=max(v.updated_at for v in vs),
        )
        for name, vs in sorted(found.items(), key=lambda item: item[0].casefold())
    ]


def _rating_counts(
    claims: list[ReportClaim], scale: RatingScale, *, unreviewed: bool
) -> list[RatingCount]:
    """Claims per agreed rating, in scale order, then disputed and (when listed) unreviewed."""
    agreed = Counter(
        c.final.rating if c.final else c.consensus.rating  # type: ignore[union-attr]
        for c in claims
        if c.final or c.consensus
    )
    counts = [
        RatingCount(r.label, agreed[r.label], tone_for(scale, r.value)) for r in scale.ratings
    ]
    counts.append(RatingCount(DISAGREE_LABEL, sum(1 for c in claims if c.disputed), "tx"))
    if unreviewed:
        unrated = sum(1 for c in claims if not c.verdicts and not c.dismissed)
        counts.append(RatingCount(UNREVIEWED_LABEL, unrated, "tu"))
    return counts
