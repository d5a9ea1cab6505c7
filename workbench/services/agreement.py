"""Agreement between reviewers for one article or for the whole database, read through the store.

The figures are computed by :mod:`workbench.agreement`; this module reads the ratings, names the
scope and puts the figures into words for the desk, the command line and the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.agreement import Agreement, ClaimRatings, measure

if TYPE_CHECKING:
    from workbench.services.desk import Desk
    from workbench.store import Store

#: One line on what each figure means, by its key, for the desk and the command line.
EXPLAINED = {
    "claims_compared": "Claims rated by two or more reviewers; only these are compared.",
    "percent_agreement": "How often two reviewers gave a claim the very same rating.",
    "cohen_kappa": (
        "Agreement of exactly two reviewers, corrected for agreement by chance "
        "(1 = complete, 0 = no better than chance)."
    ),
    "krippendorff_alpha_ordinal": (
        "Agreement of any number of reviewers, corrected for chance; a near miss on the scale "
        "(Mostly true against True) counts less than a far one. Unproven is left out."
    ),
    "krippendorff_alpha_nominal": (
        "The same over every rating, Unproven included; any two different ratings count as "
        "a full disagreement."
    ),
    "unproven_ratings": (
        "Unproven ratings among the claims compared: they have no place between true and false."
    ),
}

#: The figures' names as people read them.
NAMES = {
    "claims_compared": "Claims compared",
    "percent_agreement": "Agreement",
    "cohen_kappa": "Cohen's kappa",
    "krippendorff_alpha_ordinal": "Krippendorff's alpha (ordinal)",
    "krippendorff_alpha_nominal": "Krippendorff's alpha (all ratings)",
    "unproven_ratings": "Unproven ratings",
}


@dataclass(frozen=True, slots=True)
class AgreementReport:
    """The agreement figures of one scope: an article, or every article in the database."""

    #: "article" or "database".
    scope: str
    #: The article's title, or the database's name.
    title: str
    article_id: str | None
    scale: str
    agreement: Agreement

    def figure(self, key: str) -> str:
        """One figure as text: "75%", "0.62", or "—" when it cannot be computed."""
        value = getattr(self.agreement, key)
        if value is None:
            return "—"
        if key == "percent_agreement":
            return f"{value:.0f}%"
        if isinstance(value, float):
            return f"{value:.2f}"
        return str(value)

    @property
    def heading(self) -> str:
        """What was measured: "Article: …" or "All articles in …"."""
        if self.scope == "article":
            return f"Article: {self.title or 'untitled article'}"
        return f"All articles in {self.title}"

    @property
    def summary(self) -> str:
        """One sentence on how many claims were compared, by how many reviewers."""
        a = self.agreement
        if not a.claims_compared:
            line = "No claim has been rated by two or more reviewers yet"
            if a.claims_rated_once:
                line += (
                    f" ({_plural(a.claims_rated_once, 'claim has', 'claims have')} one rating only)"
                )
            return line + "."
        if a.claims_compared == 1:
            same = "they gave it the same rating" if a.claims_unanimous else "they differ on it"
        else:
            same = f"they all gave the same rating on {a.claims_unanimous} of them"
        line = (
            f"{_plural(a.claims_compared, 'claim was', 'claims were')} rated by two or more "
            f"reviewers ({_plural(a.reviewers, 'reviewer')} in all); {same}."
        )
        if a.claims_rated_once:
            line += (
                f" {_plural(a.claims_rated_once, 'other claim has', 'other claims have')} "
                "one rating only and "
                f"{'is' if a.claims_rated_once == 1 else 'are'} not compared."
            )
        return line

    def lines(self) -> list[str]:
        """The figures as plain text lines, with the reason for any that is missing."""
        a = self.agreement
        out = [self.heading, self.summary]
        if not a.claims_compared:
            return out
        for key in (
            "percent_agreement",
            "cohen_kappa",
            "krippendorff_alpha_ordinal",
            "krippendorff_alpha_nominal",
            "unproven_ratings",
        ):
            value = self.figure(key)
            note = a.notes.get(key)
            out.append(f"  {NAMES[key]}: {value}" + (f" ({note})" if note else ""))
        return out

    def to_dict(self) -> dict[str, Any]:
        """Stable keys for tools: the scope, then every figure (see :data:`workbench.agreement.KEYS`)."""
        return {
            "scope": self.scope,
            "article_id": self.article_id,
            "title": self.title,
            "scale": self.scale,
            **self.agreement.to_dict(),
        }


def _claims(store: Store, article_id: str | None) -> list[ClaimRatings]:
    return [ClaimRatings(c, r) for c, r in store.claim_ratings(article_id).items()]


def article_agreement(store: Store, article_id: str) -> AgreementReport:
    """The agreement on one article's open claims (a full id; NotFoundError when unknown)."""
    article = store.get_article(article_id)
    scale = store.rating_scale()
    return AgreementReport(
        "article", article.title, article.id, scale.name, measure(_claims(store, article.id), scale)
    )


def database_agreement(store: Store) -> AgreementReport:
    """The agreement on every open claim in the database."""
    scale = store.rating_scale()
    return AgreementReport(
        "database", store.display_name, None, scale.name, measure(_claims(store, None), scale)
    )


def desk_agreement(desk: Desk, article_id: str | None) -> list[AgreementReport]:
    """For the desk: the open article's figures (when one is open), then the whole database's."""
    found = [article_agreement(desk.store, article_id)] if article_id else []
    return [*found, database_agreement(desk.store)]


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"
