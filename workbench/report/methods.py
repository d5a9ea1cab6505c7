"""The report's methods section: how the claims were found and reviewed, and the rating scale.

Each paragraph comes from one small function in :data:`PARAGRAPHS`, so that a later part of the
method (blind review, agreement between reviewers) is one more function in that list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.model import Rating

if TYPE_CHECKING:
    from .data import Report


@dataclass(frozen=True, slots=True)
class MethodsSection:
    """The methods as paragraphs, then the rating scale with what each rating means."""

    paragraphs: list[str]
    scale_title: str
    ratings: list[Rating]

    @property
    def text(self) -> str:
        """Everything as plain text, for Markdown and JSON."""
        scale = "; ".join(
            f"{r.label}: {r.description}" if r.description else r.label for r in self.ratings
        )
        return " ".join([*self.paragraphs, f"Rating scale ({self.scale_title}): {scale}."])


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def finding(report: Report) -> str | None:
    """Where the claims came from: the automatic claim finder, then people."""
    if report.pipelines:
        line = (
            "Claims were found in the article by the automatic claim finder of Factcheck "
            f"Workbench (language model {', '.join(report.pipelines)}, with a check-worthiness "
            "score) and reviewed by people."
        )
    elif report.manual_claims and report.manual_claims >= len(report.claims):
        return f"{_plural(report.manual_claims, 'claim was', 'claims were')} marked in the article by reviewers."
    else:
        line = "Claims were found in the article automatically and reviewed by people."
    if report.manual_claims:
        line += f" {_plural(report.manual_claims, 'claim was', 'claims were')} marked by hand."
    return line


def reviewing(report: Report) -> str | None:
    """How many people reviewed how many of the claims found, and what the report leaves out."""
    people = _plural(len(report.reviewers), "reviewer")
    line = f"{people} rated {report.claims_reviewed} of the {report.claims_found} claims found."
    if report.claims_left_out:
        left = _plural(report.claims_left_out, "other claim is", "other claims are")
        line += f" This report lists the claims its reviewers rated; {left} left out."
    if report.claims_dismissed:
        # The reasons differ (an opinion, a duplicate, cannot be checked…): each listed
        # dismissed claim says who set it aside and why.
        line += f" {_plural(report.claims_dismissed, 'claim was', 'claims were')} set aside"
        listed = any(c.dismissal for c in report.claims)
        line += "; each listed one says who dismissed it and why." if listed else "."
    return line


def blind_review(report: Report) -> str | None:
    """Whether reviewers saw one another's verdicts (the database's blind review setting)."""
    if report.options.blind_review:
        return (
            "Blind review is on in this file: a reviewer sees the others' ratings of a claim "
            "only after saving their own."
        )
    return "Blind review is off in this file: reviewers see one another's verdicts."


def agreement(report: Report) -> str | None:
    """How far the reviewers agree, when two or more of them rated the same claims.

    Over the claims in the report that were not dismissed (drafts never count); see
    :mod:`workbench.agreement` for the figures and for how "Unproven" is handled.
    """
    from workbench.agreement import ClaimRatings, measure

    found = measure(
        [
            ClaimRatings(c.id, {v.reviewer: v.rating for v in c.verdicts})
            for c in report.claims
            if not c.dismissed
        ],
        report.scale,
    )
    if not found.claims_compared or found.percent_agreement is None:
        return None
    line = (
        f"{_plural(found.claims_compared, 'claim was', 'claims were')} rated by two or more "
        f"reviewers, who gave the same rating {found.percent_agreement:.0f}% of the time"
    )
    figures = []
    if found.cohen_kappa is not None:
        figures.append(f"Cohen's kappa {found.cohen_kappa:.2f}")
    if found.krippendorff_alpha_ordinal is not None:
        figures.append(
            f"Krippendorff's alpha {found.krippendorff_alpha_ordinal:.2f} over the scale's "
            "order from false to true"
        )
    elif found.krippendorff_alpha_nominal is not None:
        figures.append(f"Krippendorff's alpha {found.krippendorff_alpha_nominal:.2f}")
    line += f" ({'; '.join(figures)})." if figures else "."
    if found.unproven_ratings and found.krippendorff_alpha_ordinal is not None:
        outside = " or ".join(r.label for r in report.scale.ratings if r.value is None)
        outside = outside or "unordered"
        unproven = _plural(found.unproven_ratings, f"{outside} rating")
        line += f" Alpha leaves out the {unproven}, as {outside} has no place on that order."
    return line


def settling(report: Report) -> str | None:
    """Which claims an editor settled, and by whom: the rating published for them."""
    settled = [c.final for c in report.claims if c.final is not None]
    if not settled:
        return None
    editors = sorted({f.editor for f in settled if f.editor})
    by = f" ({', '.join(editors)})" if editors else ""
    return (
        f"{_plural(len(settled), 'claim carries', 'claims carry')} an editor's final "
        f"verdict{by}: the rating published for "
        f"{'it' if len(settled) == 1 else 'them'}, the reviewers' verdicts listed beneath."
    )


def in_progress(report: Report) -> str | None:
    """Verdicts still being written are counted apart, never printed."""
    if not report.drafts:
        return None
    return (
        f"{_plural(report.drafts, 'verdict is', 'verdicts are')} still in progress "
        "and not counted here."
    )


def organisation(report: Report) -> str | None:
    """Who publishes the report."""
    o = report.options
    if not o.organisation_name:
        return None
    where = f" ({o.organisation_url})" if o.organisation_url else ""
    return f"Published by {o.organisation_name}{where}."


def made_with(report: Report) -> str | None:
    """The program and its version, so that a reader can tell how the numbers were produced."""
    return f"Made with Factcheck Workbench {report.program_version}."


def history(report: Report) -> str | None:
    """The history's digest, so that anyone holding the file can check it was not rewritten."""
    if not report.history_digest:
        return None
    return (
        f"History digest (SHA-256) when the report was made: {report.history_digest}. "
        "Given to “workbench audit verify --head”, it shows whether any recorded change "
        "was altered or removed since."
    )


#: The methods paragraphs in the order they are printed; a function returns None to say nothing.
PARAGRAPHS: list[Callable[[Report], str | None]] = [
    finding,
    reviewing,
    blind_review,
    agreement,
    settling,
    in_progress,
    organisation,
    made_with,
    history,
]


def methods_section(report: Report) -> MethodsSection:
    """The methods of ``report``: each paragraph that has something to say, then the scale."""
    paragraphs = [line for build in PARAGRAPHS if (line := build(report))]
    return MethodsSection(paragraphs, report.scale.title, list(report.scale.ratings))
