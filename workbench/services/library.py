"""Bringing articles in: import a file or pasted text, extract claims, seed a new database."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from workbench.ingest import read_pasted, read_path
from workbench.model import (
    Article,
    Claim,
    ClaimantType,
    ClaimOrigin,
    Reviewer,
    web_url_problem,
)
from workbench.resources import seeds_dir
from workbench.services.found_claims import (
    LeftOut,
    check_max_claims,
    choose_claims,
    claims_kept_per_article,
    left_out,
    remember_left_out,
    save_choice,
)
from workbench.services.review import check_web_url
from workbench.settings import SEEDED
from workbench.store import ReadOnlyError, Store

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Claimant = tuple[str | None, ClaimantType | None]

log = logging.getLogger(__name__)

SEEDED_SETTING = SEEDED.key


@dataclass
class ImportResult:
    """The article that was imported (or found already in the file) and its claims."""

    article: Article
    claims: list[Claim] = field(default_factory=list)
    existing: bool = False
    #: Candidates found but not stored because of the per-article limit (None: all stored).
    left_out: LeftOut | None = None


@dataclass
class FindAgainResult:
    """Claims added by finding an article's claims again, and what is still left out."""

    added: list[Claim]
    #: Claims the article had before, kept as they were (with their verdicts).
    kept: int
    left_out: LeftOut | None = None


def extract(
    article: Article, *, progress: Progress | None = None, is_cancelled: Cancelled | None = None
) -> list[Claim]:
    """Run claim extraction on an article (spaCy is imported only when first needed)."""
    from workbench.claims import extract_claims

    return extract_claims(article, progress=progress, is_cancelled=is_cancelled)


def import_article(
    store: Store,
    article: Article,
    *,
    reviewer: str | None = None,
    run_extraction: bool = True,
    keep: int | None = None,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> ImportResult:
    """Save a read article with its best ``keep`` claims; the same file twice opens the first copy.

    ``keep`` defaults to the database's ``max_claims_per_article`` setting. The article, its
    claims and the count of those left out are saved in one transaction, after extraction: a
    stop or an error before then leaves the file as it was.
    """
    if article.source_sha256:
        existing = store.find_article_by_sha256(article.source_sha256)
        if existing is not None:
            claims = [rc.claim for rc in store.claims_for(existing.id)]
            return ImportResult(existing, claims, True, left_out(store, existing.id))
    limit = check_max_claims(keep) if keep is not None else claims_kept_per_article(store)
    article.imported_by = reviewer
    keep_web_url_only(article)
    claims = (
        extract(article, progress=progress, is_cancelled=is_cancelled) if run_extraction else []
    )
    for claim in claims:
        claim.created_by = reviewer
    choice = choose_claims(claims, limit)
    with store.write():
        store.add_article(article, choice.new)
        remember_left_out(store, article.id, choice.left_out)
    return ImportResult(article, choice.new, left_out=choice.left_out)


def find_claims_again(
    store: Store,
    article_id: str,
    *,
    keep: int | None = None,
    reviewer: str | None = None,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> FindAgainResult:
    """Find an article's claims again and store the best ``keep`` that are not stored yet.

    Claims already stored stay as they are, with their verdicts, sources and states; a
    candidate at the place of one of them is not added again. ``keep`` defaults to the
    database's ``max_claims_per_article`` setting: raise it to store candidates left out before.
    """
    article = store.get_article(article_id)
    limit = check_max_claims(keep) if keep is not None else claims_kept_per_article(store)
    if store.read_only:
        # Said before extraction, which can take minutes, rather than after it.
        raise ReadOnlyError(
            f"“{store.display_name}” is open read-only ({store.read_only_reason}); "
            "claims cannot be found again."
        )
    claims = extract(article, progress=progress, is_cancelled=is_cancelled)
    for claim in claims:
        claim.created_by = reviewer
    stored = [rc.claim for rc in store.claims_for(article_id)]
    choice = choose_claims(claims, limit, stored)
    added = save_choice(store, article_id, choice)
    return FindAgainResult(added, len(stored), choice.left_out)


def import_file(store: Store, path: str | Path, **options: object) -> ImportResult:
    """Read a file (any supported format) and import it; see :func:`import_article`."""
    return import_article(store, read_path(path), **options)  # type: ignore[arg-type]


def import_pasted(
    store: Store,
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: str | None = None,
    **options: object,
) -> ImportResult:
    """Import pasted text with optional metadata; see :func:`import_article`."""
    if url and url.strip():
        url = check_web_url(url, "article's web address")
    article = read_pasted(text, title=title, outlet=outlet, url=url, published=published)
    return import_article(store, article, **options)  # type: ignore[arg-type]


def keep_web_url_only(article: Article) -> Article:
    """Forget an article address read from a file that is not http(s), such as ``javascript:``."""
    # The address comes from the file's own metadata, so the journalist cannot correct it: the
    # article is kept and the address, which reports would publish as a link, is not.
    if article.url is not None:
        url = article.url.strip()
        article.url = None if web_url_problem(url) else url
    return article


def seed_if_new(store: Store, **options: object) -> list[ImportResult]:
    """Import the sample article(s) the first time a database is opened.

    A file with any history (an article imported, even if deleted since) is not new and is only
    read here: opening it, or taking a screenshot of it, writes nothing.
    """
    if store.read_only or store.get_setting(SEEDED_SETTING, False):
        return []
    if store.ever_held_articles() or store.list_articles():
        return []
    results = [import_file(store, p, **options) for p in sorted(seeds_dir().glob("*.txt"))]
    store.set_setting(SEEDED_SETTING, True)
    return results


def mark_claim(
    store: Store,
    article_id: str,
    start: int,
    end: int,
    *,
    reviewer: Reviewer | None = None,
    find_claimant: bool = True,
    pipeline: str | None = None,
) -> Claim:
    """Save the article's text between two offsets as a claim marked by ``reviewer``.

    Its claimant is found as claim finding would find it (``find_claimant``), with the
    language model called ``pipeline`` (the default one when None).
    """
    article = store.get_article(article_id)
    text = article.text
    speaker, claimant_type = (
        claimant_of(article, start, end, pipeline=pipeline) if find_claimant else (None, None)
    )
    claim = Claim(
        article_id=article_id,
        start=start,
        end=end,
        quote=text[start:end],
        speaker=speaker,
        claimant_type=claimant_type,
        origin=ClaimOrigin.MANUAL,
        score=1.0,
        reasons=["marked by a reviewer"],
        created_by=reviewer.name if reviewer else None,
    )
    reviewer_id = reviewer.id if reviewer else None
    return store.add_claims(article_id, [claim], reviewer_id=reviewer_id)[0]


def add_manual_claim(
    store: Store, article_id: str, quote: str, *, reviewer: Reviewer | None = None
) -> Claim:
    """Mark exact text of the article as a claim; it must occur exactly once."""
    start, end = store.find_span(article_id, quote)
    return mark_claim(store, article_id, start, end, reviewer=reviewer)


def claimant_of(article: Article, start: int, end: int, *, pipeline: str | None = None) -> Claimant:
    """Who makes the claim at ``start``–``end``; (None, None) when that cannot be found.

    A claim marked by hand is kept whatever happens here: without a language model, or when
    it fails, the claim simply has no claimant yet.
    """
    try:
        from workbench.claims import ClaimsError, load_pipeline
        from workbench.claims.claimant_lookup import claimant_of_span
    except ImportError:
        return None, None
    try:
        return claimant_of_span(article, start, end, nlp=load_pipeline(pipeline))
    except (ClaimsError, ValueError, RuntimeError, KeyError) as exc:
        log.warning("Could not find who makes the claim marked by hand: %s", exc)
        return None, None


def claimant_choices(
    store: Store, article_id: str, *, pipeline: str | None = None
) -> list[tuple[str, ClaimantType | None]]:
    """The people and organisations to pick a claimant from: the article's, then those given.

    The article's names come from the language model when it is installed; claimants already
    given to the article's claims follow, so a name typed once can be picked again.
    """
    article = store.get_article(article_id)
    choices: dict[str, ClaimantType | None] = {}
    try:
        from workbench.claims import ClaimsError, load_pipeline
        from workbench.claims.claimant_lookup import article_claimants

        try:
            choices.update(article_claimants(article, nlp=load_pipeline(pipeline)))
        except (ClaimsError, ValueError, RuntimeError, KeyError) as exc:
            log.warning("Could not list the article's people and organisations: %s", exc)
    except ImportError:
        pass
    folded = {name.casefold() for name in choices}
    for reviewed in store.claims_for(article_id):
        claim = reviewed.claim
        if claim.speaker and claim.speaker.casefold() not in folded:
            folded.add(claim.speaker.casefold())
            choices[claim.speaker] = claim.claimant_type
    return list(choices.items())
