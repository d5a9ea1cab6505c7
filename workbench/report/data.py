"""One report data structure, built from the store, that every renderer reads."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from workbench import __version__
from workbench.model import Article, ClaimOrigin, ClaimState, RatingScale, now_iso, web_url_problem
from workbench.settings import REPORT_PAGE_SIZE, REPORT_SETTINGS

from .errors import ExportError
from .text import Segment, Span, appendix_paragraphs, context_around

if TYPE_CHECKING:
    from workbench.model import ReviewedClaim, Source, Verdict
    from workbench.store import Store

#: Bump when the JSON export changes shape.
SCHEMA_VERSION = 1

PAGE_SIZES = REPORT_PAGE_SIZE.choices

#: Per-database settings the report reads, option → stored key; CLI options and the dialog
#: override them.
SETTING_KEYS = {setting.name: setting.key for setting in REPORT_SETTINGS}

DISAGREE_LABEL = "Reviewers disagree"
UNREVIEWED_LABEL = "Not reviewed"


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """What goes into a report and how it is labelled."""

    reviewers: tuple[str, ...] = ()
    include_dismissed: bool = False
    organisation_name: str | None = None
    organisation_url: str | None = None
    base_url: str | None = None
    page_size: str = REPORT_PAGE_SIZE.default

    @classmethod
    def from_store(cls, store: Store, **overrides: Any) -> ReportOptions:
        """Options from the database's settings; ``overrides`` that are not None win."""
        values: dict[str, Any] = {}
        for name, key in SETTING_KEYS.items():
            stored = store.get_setting(key)
            if isinstance(stored, str) and stored.strip():
                values[name] = stored.strip()
        values.update({k: v for k, v in overrides.items() if v is not None})
        options = cls(**values)
        check_addresses(options)
        return replace(options, page_size=normalise_page_size(options.page_size))


#: Option → how the journalist knows it, and where they change it.
_ADDRESSES = {
    "organisation_url": (
        "organisation's web address",
        "in Preferences, with --organisation-url or with `workbench report-settings`",
    ),
    "base_url": ("report's web address", "with --base-url or with `workbench report-settings`"),
}


def check_addresses(options: ReportOptions) -> None:
    """Refuse an organisation or report address that is not http(s) before anything is rendered."""
    for name, (what, where) in _ADDRESSES.items():
        value = getattr(options, name)
        problem = web_url_problem(value.strip(), what) if value and value.strip() else None
        if problem:
            raise ExportError(f"{problem} Change it {where}.")


def normalise_page_size(value: str) -> str:
    """``a4``/``letter`` in any case → the canonical name; anything else is refused."""
    for name in PAGE_SIZES:
        if value.strip().casefold() == name.casefold():
            return name
    raise ExportError(f"“{value}” is not a page size the report knows; use A4 or Letter.")


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
    speaker: str | None
    kind: str
    kind_label: str
    dismissed: bool
    origin: str
    score: float
    pipeline_version: str | None
    verdicts: list[ReportVerdict]

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
    generated_at: str = field(default_factory=now_iso)
    program_version: str = __version__
    schema_version: int = SCHEMA_VERSION

    @property
    def claims_reviewed(self) -> int:
        """Claims in the report with at least one verdict."""
        return sum(1 for c in self.claims if c.verdicts)

    @property
    def claims_disputed(self) -> int:
        """Claims on which reviewers disagree."""
        return sum(1 for c in self.claims if c.disagreement)

    @property
    def chart_max(self) -> int:
        """The longest bar of the ratings chart (at least 1)."""
        return max([1, *(r.count for r in self.rating_counts)])

    @property
    def methods(self) -> str:
        """One line on how the report was made."""
        parts = [f"Factcheck Workbench {self.program_version}"]
        if self.pipelines:
            parts.append("claims found with the spaCy pipeline " + ", ".join(self.pipelines))
        if self.manual_claims:
            parts.append(f"{self.manual_claims} claim(s) marked by reviewers")
        parts.append(f"rating scale: {self.scale.title} ({', '.join(self.scale.labels)})")
        return "; ".join(parts) + "."

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
    included = [
        rc
        for rc in every
        if options.include_dismissed or rc.claim.state is not ClaimState.DISMISSED
    ]
    claims = [_claim(n, rc, article.text, scale, wanted) for n, rc in enumerate(included, 1)]
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
        rating_counts=_rating_counts(claims, scale),
        verdict_counts=dict(Counter(v.rating for c in claims for v in c.verdicts)),
        pipelines=pipelines,
        manual_claims=sum(1 for c in claims if c.origin == ClaimOrigin.MANUAL.value),
        appendix=appendix_paragraphs(article.text, spans),
    )


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
    verdicts = [
        _verdict(v, scale) for v in rc.verdicts if wanted is None or v.reviewer_id in wanted
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
        kind=c.kind.value,
        kind_label=c.kind.label,
        dismissed=c.state is ClaimState.DISMISSED,
        origin=c.origin.value,
        score=c.score,
        pipeline_version=c.pipeline_version,
        verdicts=verdicts,
    )


def _verdict(v: Verdict, scale: RatingScale) -> ReportVerdict:
    return ReportVerdict(
        reviewer=v.reviewer_name or "unnamed reviewer",
        rating=v.rating,
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


def _rating_counts(claims: list[ReportClaim], scale: RatingScale) -> list[RatingCount]:
    """Claims per agreed rating, in scale order, then disputed and unreviewed claims."""
    agreed = Counter(c.consensus.rating for c in claims if c.consensus)
    counts = [
        RatingCount(r.label, agreed[r.label], tone_for(scale, r.value)) for r in scale.ratings
    ]
    counts.append(RatingCount(DISAGREE_LABEL, sum(1 for c in claims if c.disagreement), "tx"))
    counts.append(RatingCount(UNREVIEWED_LABEL, sum(1 for c in claims if not c.verdicts), "tu"))
    return counts
