"""Commands for articles, claims, reviewers, verdicts and search."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import click

from workbench.model import ClaimState, ReviewedClaim, Reviewer

from . import main
from .common import db_option, fail, json_option, opened_store, print_json, shown
from .groups import DefaultGroup

if TYPE_CHECKING:
    from workbench.store import Store


@main.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--reviewer", help="Record this reviewer as the importer.")
@click.option("--no-extract", is_flag=True, help="Import the text without looking for claims.")
@json_option
@db_option
def import_command(
    files: tuple[str, ...], reviewer: str | None, no_extract: bool, as_json: bool, db: str | None
) -> None:
    """Import article files (.txt, .md, .html, .docx, .pdf) and find their claims."""
    from workbench.services.library import import_file

    results = []
    with opened_store(db) as store:
        for name in files:
            result = import_file(store, name, reviewer=reviewer, run_extraction=not no_extract)
            results.append(result)
            if not as_json:
                a = result.article
                if result.existing:
                    click.echo(f"{a.id[:8]}  already imported: {shown(a.title)}")
                else:
                    click.echo(f"{a.id[:8]}  {shown(a.title)}  ({len(result.claims)} claims)")
    if as_json:
        print_json(
            [
                {
                    "id": r.article.id,
                    "title": r.article.title,
                    "existing": r.existing,
                    "claims": len(r.claims),
                }
                for r in results
            ]
        )


@main.command("articles")
@json_option
@db_option
def articles_command(as_json: bool, db: str | None) -> None:
    """List the articles in the database, newest first."""
    with opened_store(db, read_only=True) as store:
        articles = store.list_articles()
    if as_json:
        print_json(articles)
        return
    if not articles:
        click.echo("No articles yet. Import one with `workbench import FILE`.")
    for a in articles:
        click.echo(
            f"{a['id'][:8]}  {a['title']}  ({a['reviewed']}/{a['open_claims']} claims reviewed)"
        )


@main.group("claims", cls=DefaultGroup, default="list")
def claims_group() -> None:
    """List an article's claims, or add, dismiss and restore claims."""


@claims_group.command("list")
@click.argument("article")
@click.option("--open-only", is_flag=True, help="Leave out dismissed claims.")
@json_option
@db_option
def claims_list(article: str, open_only: bool, as_json: bool, db: str | None) -> None:
    """List ARTICLE's claims in article order, with every reviewer's verdict."""
    with opened_store(db, read_only=True) as store:
        article_id = store.resolve_id("articles", article, "article")
        claims = store.claims_for(article_id, include_dismissed=not open_only)
    if as_json:
        print_json([rc.to_dict() for rc in claims])
        return
    if not claims:
        click.echo("This article has no claims yet.")
    for number, rc in enumerate(claims, 1):
        click.echo(_claim_line(number, rc))


def _claim_line(number: int, rc: ReviewedClaim) -> str:
    c = rc.claim
    speaker = f" [{c.speaker}]" if c.speaker else ""
    state = " (dismissed)" if c.state is ClaimState.DISMISSED else ""
    verdicts = "; ".join(f"{v.reviewer_name}: {v.rating}" for v in rc.verdicts) or "not reviewed"
    return f"{number:>3}. {c.id[:8]}{speaker}{state} {c.claim}\n       {c.kind.label}, score {c.score:.2f} — {verdicts}"


@claims_group.command("add")
@click.argument("article")
@click.argument("text")
@click.option("--reviewer", help="The reviewer who marks the claim.")
@json_option
@db_option
def claims_add(
    article: str, text: str, reviewer: str | None, as_json: bool, db: str | None
) -> None:
    """Mark TEXT (exactly as it appears in ARTICLE) as a claim."""
    from workbench.services.library import add_manual_claim

    with opened_store(db) as store:
        article_id = store.resolve_id("articles", article, "article")
        claim = add_manual_claim(store, article_id, text, reviewer=_reviewer(store, reviewer))
    if as_json:
        print_json(claim.to_dict())
    else:
        click.echo(f"{claim.id[:8]}  added at characters {claim.start}–{claim.end}: {claim.quote}")


@claims_group.command("dismiss")
@click.argument("claim")
@db_option
def claims_dismiss(claim: str, db: str | None) -> None:
    """Dismiss CLAIM (it stays in the file and can be restored)."""
    with opened_store(db) as store:
        c = store.dismiss_claim(store.resolve_id("claims", claim, "claim"))
    click.echo(f"{c.id[:8]}  dismissed")


@claims_group.command("restore")
@click.argument("claim")
@db_option
def claims_restore(claim: str, db: str | None) -> None:
    """Restore a dismissed CLAIM."""
    with opened_store(db) as store:
        c = store.restore_claim(store.resolve_id("claims", claim, "claim"))
    click.echo(f"{c.id[:8]}  restored")


def _reviewer(store: Store, name: str | None) -> Reviewer | None:
    if name is None:
        return None
    reviewer = store.find_reviewer(name)
    if reviewer is None:
        fail(f"There is no reviewer called “{name}”; add them with `workbench reviewers add`.")
    return reviewer


@main.group("reviewers", cls=DefaultGroup, default="list")
def reviewers_group() -> None:
    """List or add reviewers."""


@reviewers_group.command("list")
@json_option
@db_option
def reviewers_list(as_json: bool, db: str | None) -> None:
    """List the reviewers."""
    with opened_store(db, read_only=True) as store:
        reviewers = store.list_reviewers()
    if as_json:
        print_json([{"id": r.id, "name": r.name, "created_at": r.created_at} for r in reviewers])
        return
    if not reviewers:
        click.echo("No reviewers yet. Add one with `workbench reviewers add NAME`.")
    for r in reviewers:
        click.echo(f"{r.id[:8]}  {r.name}")


@reviewers_group.command("add")
@click.argument("name")
@json_option
@db_option
def reviewers_add(name: str, as_json: bool, db: str | None) -> None:
    """Add a reviewer called NAME."""
    from workbench.services.review import add_reviewer

    with opened_store(db) as store:
        reviewer = add_reviewer(store, name)
    if as_json:
        print_json({"id": reviewer.id, "name": reviewer.name})
    else:
        click.echo(f"{reviewer.id[:8]}  {reviewer.name}")


@main.command("verdict")
@click.argument("claim")
@click.option("--reviewer", required=True, help="Who gives the verdict.")
@click.option("--rating", required=True, help="A label of the database's rating scale.")
@click.option("--note", default="", help="The rationale.")
@click.option("--confidence", type=click.FloatRange(0, 1), help="From 0 (a guess) to 1 (certain).")
@click.option("--source", "sources", multiple=True, help="A source URL (repeat for several).")
@json_option
@db_option
def verdict_command(
    claim: str,
    reviewer: str,
    rating: str,
    note: str,
    confidence: float | None,
    sources: tuple[str, ...],
    as_json: bool,
    db: str | None,
) -> None:
    """Record REVIEWER's verdict on CLAIM (an earlier verdict of theirs is updated)."""
    from workbench.services.review import record_verdict

    with opened_store(db) as store:
        claim_id = store.resolve_id("claims", claim, "claim")
        verdict = record_verdict(
            store,
            claim_id,
            reviewer,
            rating,
            rationale=note,
            confidence=confidence,
            source_urls=sources,
        )
    if as_json:
        print_json(verdict.to_dict())
    else:
        click.echo(
            f"{verdict.claim_id[:8]}  {verdict.reviewer_name}: {verdict.rating} ({len(verdict.sources)} sources)"
        )


@main.command("search")
@click.argument("text")
@json_option
@db_option
def search_command(text: str, as_json: bool, db: str | None) -> None:
    """Find TEXT in articles, claims, rationales and sources."""
    with opened_store(db, read_only=True) as store:
        hits = store.search(text)
    if as_json:
        print_json([dataclasses.asdict(hit) for hit in hits])
        return
    if not hits:
        click.echo("Nothing found.")
    for hit in hits:
        click.echo(f"{hit.entity:<8} {hit.id[:8]}  {hit.title}: {hit.snippet}")
