"""Commands for articles, claims, reviewers, verdicts and search."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from workbench.model import ClaimState, Judgement, ReviewedClaim, Reviewer
from workbench.settings import MAX_CLAIMS

from .common import (
    ProgressLine,
    db_option,
    fail,
    json_option,
    opened_store,
    print_json,
    progress_line,
    shown,
    stop_on_ctrl_c,
)
from .groups import DefaultGroup
from .root import main

if TYPE_CHECKING:
    from workbench.services.found_claims import LeftOut
    from workbench.services.library import ImportResult
    from workbench.store import Store


def keep_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--keep N``: how many found claims to store per article."""
    return click.option(
        "--keep",
        type=click.IntRange(min=1),
        help="Store at most N claims, the highest-scoring (default: the database's "
        f"{MAX_CLAIMS.key} setting, {MAX_CLAIMS.default} unless changed).",
    )(func)


@main.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--reviewer", help="Record this reviewer as the importer.")
@click.option("--no-extract", is_flag=True, help="Import the text without looking for claims.")
@keep_option
@json_option
@db_option
def import_command(
    files: tuple[str, ...],
    reviewer: str | None,
    no_extract: bool,
    keep: int | None,
    as_json: bool,
    db: str | None,
) -> None:
    """Import article files (.txt, .md, .html, .docx, .pdf) and find their claims."""
    from workbench.services.library import import_file

    results: list[ImportResult] = []
    current: list[str] = []

    def what_was_saved() -> str:
        # Each article is saved with its claims in one transaction, after its claims are found.
        name = f"“{Path(current[-1]).name}”" if current else "the file"
        saved = len(results)
        before = ""
        if saved == 1:
            before = "; the file imported before it is saved"
        elif saved > 1:
            before = f"; the {saved} files imported before it are saved"
        return f"Stopped; nothing of {name} was saved{before}."

    with stop_on_ctrl_c(what_was_saved), progress_line() as bar, opened_store(db) as store:
        for name in files:
            current.append(name)
            result = import_file(
                store,
                name,
                reviewer=reviewer,
                run_extraction=not no_extract,
                keep=keep,
                progress=_progress_for(bar, f"Finding claims in {Path(name).name}"),
            )
            results.append(result)
            if bar is not None:
                bar.clear()
            if not as_json:
                _print_imported(result)
    if as_json:
        print_json(
            [
                {
                    "id": r.article.id,
                    "title": r.article.title,
                    "existing": r.existing,
                    "claims": len(r.claims),
                    "left_out": r.left_out.to_dict() if r.left_out else None,
                }
                for r in results
            ]
        )


def _progress_for(bar: ProgressLine | None, what: str) -> Callable[[int, int], None] | None:
    """A services progress callback (steps done, steps in all) drawing on ``bar``."""
    if bar is None:
        return None
    return lambda done, total: bar(what, done, total)


def _print_imported(result: ImportResult) -> None:
    a = result.article
    if result.existing:
        click.echo(f"{a.id[:8]}  already imported: {shown(a.title)}")
    else:
        click.echo(f"{a.id[:8]}  {shown(a.title)}  ({len(result.claims)} claims)")
    if result.left_out is not None:
        click.echo(f"          {_left_out_line(a.id, result.left_out)}")


def _left_out_line(article_id: str, left: LeftOut) -> str:
    """What was not kept, and the command that stores it."""
    return (
        f"{left.summary()}; `workbench claims find-again {article_id[:8]} "
        f"--keep {left.limit + left.count}` stores them."
    )


@main.group("articles", cls=DefaultGroup, default="list")
def articles_group() -> None:
    """List the articles, or correct an article's details and summary."""


@articles_group.command("list")
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


@articles_group.command("edit")
@click.argument("article")
@click.option("--title", help="The headline.")
@click.option("--outlet", help='The outlet that published it ("" clears it).')
@click.option("--author", help='Who wrote it ("" clears it).')
@click.option("--published", metavar="DATE", help="24 July 2015, 24/07/2015 or 2015-07-24.")
@click.option("--url", metavar="URL", help='The article\'s web address ("" clears it).')
@click.option("--language", metavar="CODE", help="A language code such as en or pt-BR.")
@click.option("--summary", metavar="TEXT", help="The summary printed at the top of the report.")
@click.option(
    "--summary-file",
    type=click.Path(exists=True, dir_okay=False),
    help="Read the summary from a UTF-8 text file.",
)
@click.option("--reviewer", help="Record the edit as this reviewer's.")
@json_option
@db_option
def articles_edit(
    article: str,
    summary_file: str | None,
    reviewer: str | None,
    as_json: bool,
    db: str | None,
    **fields: str | None,
) -> None:
    """Correct an article's details or write its summary; nothing changes on bad input."""
    from workbench.services.articles import details_of, edit_article

    changes = {key: value for key, value in fields.items() if value is not None}
    if summary_file is not None:
        if "summary" in changes:
            fail("Give the summary as --summary or --summary-file, not both.")
        try:
            changes["summary"] = unwrapped(Path(summary_file).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"Could not read “{Path(summary_file).name}” as UTF-8 text ({exc}).")
    if not changes:
        fail("Nothing to change: give --title, --outlet, --author, --published, --url, "
             "--language or --summary.")  # fmt: skip
    with opened_store(db) as store:
        who = _reviewer(store, reviewer)
        article_id = store.resolve_id("articles", article, "article")
        before = details_of(store.get_article(article_id))
        after = details_of(
            edit_article(store, article_id, reviewer_id=who.id if who else None, **changes)
        )
    changed = [key for key in after if after[key] != before[key]]
    if as_json:
        print_json({"id": article_id, "changed": changed, "details": after})
        return
    if not changed:
        click.echo(f"{article_id[:8]}: nothing changed.")
        return
    for key in changed:
        value = after[key]
        shown_value = f"{len(value.split())} words" if key == "summary" and value else value
        click.echo(f"{article_id[:8]}  {key}: {shown(shown_value or '(none)')}")


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
    from workbench.services.found_claims import left_out

    with opened_store(db, read_only=True) as store:
        article_id = store.resolve_id("articles", article, "article")
        claims = store.claims_for(article_id, include_dismissed=not open_only)
        left = left_out(store, article_id)
    if as_json:
        print_json([rc.to_dict() for rc in claims])
        return
    if not claims:
        click.echo("This article has no claims yet.")
    for rc in claims:
        click.echo(_claim_line(rc))
    if left is not None:
        click.echo(_left_out_line(article_id, left))


def _claim_line(rc: ReviewedClaim) -> str:
    """One claim under its number (the desk's and the report's), with every verdict."""
    c = rc.claim
    speaker = f" [{c.speaker}]" if c.speaker else ""
    state = " (dismissed)" if c.state is ClaimState.DISMISSED else ""
    verdicts = (
        "; ".join(f"{v.reviewer_name}: {v.rating or 'in progress'}" for v in rc.verdicts)
        or "not reviewed"
    )
    if rc.final is not None:
        verdicts += f"; final verdict: {rc.final.rating} ({rc.final.editor_name or 'an editor'})"
    return f"{c.number or 0:>3}. {c.id[:8]}{speaker}{state} {c.claim}\n       {c.kind.label}, score {c.score:.2f} — {verdicts}"


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


@claims_group.command("find-again")
@click.argument("article")
@keep_option
@click.option("--reviewer", help="Record this reviewer as the one who found the new claims.")
@json_option
@db_option
def claims_find_again(
    article: str, keep: int | None, reviewer: str | None, as_json: bool, db: str | None
) -> None:
    """Find ARTICLE's claims again and store the best that are not stored yet.

    Claims already stored keep their verdicts, sources and state. Give a larger --keep than
    before to store candidates that were left out.
    """
    from workbench.services.library import find_claims_again

    with (
        stop_on_ctrl_c("Stopped; nothing was changed."),
        progress_line() as bar,
        opened_store(db) as store,
    ):
        article_id = store.resolve_id("articles", article, "article")
        result = find_claims_again(
            store,
            article_id,
            keep=keep,
            reviewer=reviewer,
            progress=_progress_for(bar, "Finding claims"),
        )
    if as_json:
        print_json(
            {
                "id": article_id,
                "added": [c.to_dict() for c in result.added],
                "kept": result.kept,
                "left_out": result.left_out.to_dict() if result.left_out else None,
            }
        )
        return
    click.echo(
        f"{article_id[:8]}  {len(result.added)} claims added; "
        f"the {result.kept} stored before are kept as they were."
    )
    if result.left_out is not None:
        click.echo(_left_out_line(article_id, result.left_out))


@claims_group.command("dismiss")
@click.argument("claim")
@click.option("--reason", metavar="TEXT", help='Why, e.g. "An opinion, not a checkable fact".')
@click.option("--reviewer", help="Record this reviewer as the one who dismissed it.")
@db_option
def claims_dismiss(claim: str, reason: str | None, reviewer: str | None, db: str | None) -> None:
    """Dismiss CLAIM (it stays in the file and can be restored), saying who and why."""
    from workbench.services.final_verdicts import check_reason

    with opened_store(db) as store:
        reason = check_reason(reason) if reason is not None else None
        found = _reviewer(store, reviewer)
        c = store.dismiss_claim(
            store.resolve_id("claims", claim, "claim"),
            reviewer_id=found.id if found else None,
            reason=reason,
        )
    click.echo(f"{c.id[:8]}  dismissed" + (f": {shown(reason)}" if reason else ""))


@claims_group.command("restore")
@click.argument("claim")
@db_option
def claims_undismiss(claim: str, db: str | None) -> None:
    """Restore a dismissed CLAIM."""
    with opened_store(db) as store:
        c = store.undismiss_claim(store.resolve_id("claims", claim, "claim"))
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
            Judgement(rating, confidence=confidence, rationale=note),
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
    """Find TEXT in articles, claims, rationales, sources and the fact-check library."""
    with opened_store(db, read_only=True) as store:
        hits = store.search(text)
    if as_json:
        print_json([dataclasses.asdict(hit) for hit in hits])
        return
    if not hits:
        click.echo("Nothing found.")
    for hit in hits:
        click.echo(f"{hit.entity:<10} {hit.id[:8]}  {hit.title}: {hit.snippet}")


def unwrapped(text: str) -> str:
    """A text file's paragraphs (separated by blank lines) with each one's line breaks taken
    out: a summary wrapped at 80 columns in an editor is one line per paragraph, as in the
    window's summary editor."""
    paragraphs = re.split(r"\n\s*\n", text)
    return "\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
