"""``workbench final`` and ``workbench queue``: settle a disagreement with an editor's final verdict."""

from __future__ import annotations

import click

from .common import db_option, fail, json_option, opened_store, print_json, shown
from .root import main


@main.command("final")
@click.argument("claim")
@click.argument("rating", required=False)
@click.option("--note", default="", metavar="TEXT", help="Why this is the final verdict.")
@click.option("--as", "editor", metavar="NAME", help="The reviewer acting as editor.")
@click.option("--clear", is_flag=True, help="Remove the claim's final verdict.")
@json_option
@db_option
def final_command(
    claim: str,
    rating: str | None,
    note: str,
    editor: str | None,
    clear: bool,
    as_json: bool,
    db: str | None,
) -> None:
    """Give CLAIM (an id or the start of one) a final verdict: RATING, from the database's scale.

    The report and ClaimReview publish it as the claim's verdict, with the reviewers'
    verdicts listed under it. `--clear` removes it. Any reviewer may act as editor.
    """
    from workbench.services.final_verdicts import find_editor

    if clear and rating is not None:
        fail("Give either a RATING or --clear, not both. Nothing was changed.")
    if not clear and rating is None:
        fail("Give the final RATING (or --clear to remove the final verdict). Nothing was changed.")
    if not clear and not editor:
        fail("Say who gives the final verdict with --as NAME (a reviewer). Nothing was changed.")
    with opened_store(db) as store:
        claim_id = store.resolve_id("claims", claim, "claim")
        editor_id = find_editor(store, editor) if editor else None
        if clear:
            removed = store.clear_final_verdict(claim_id, reviewer_id=editor_id)
            if as_json:
                print_json(
                    {"claim_id": claim_id, "removed": removed.to_dict() if removed else None}
                )
            elif removed is None:
                click.echo(f"{claim_id[:8]}  had no final verdict; nothing changed")
            else:
                click.echo(
                    f"{claim_id[:8]}  final verdict removed (it was {shown(removed.rating)})"
                )
            return
        assert rating is not None and editor_id is not None
        final = store.set_final_verdict(claim_id, rating, editor_id=editor_id, note=note)
    if as_json:
        print_json(final.to_dict())
        return
    from workbench.services.final_verdicts import final_line

    click.echo(f"{claim_id[:8]}  {shown(final_line(final))}")
    if final.note:
        click.echo(f"          {shown(final.note)}")


@main.command("queue")
@click.argument("article", required=False)
@json_option
@db_option
def queue_command(article: str | None, as_json: bool, db: str | None) -> None:
    """The claims waiting for a final verdict: reviewers disagree and no editor has settled it.

    Only ARTICLE's claims (an id or the start of one) when given, else every article's.
    Verdicts still in progress never count; dismissed claims are left out.
    """
    from workbench.services.final_verdicts import disagreement_queue

    with opened_store(db, read_only=True) as store:
        article_id = store.resolve_id("articles", article, "article") if article else None
        items = disagreement_queue(store, article_id)
    if as_json:
        print_json([item.to_dict() for item in items])
        return
    if not items:
        click.echo("No claim needs a final verdict.")
        return
    many = len(items) != 1
    click.echo(
        f"{len(items)} claim{'s' if many else ''} need{'' if many else 's'} a final verdict:"
    )
    article_shown = None
    for item in items:
        if article_id is None and item.article_id != article_shown:
            article_shown = item.article_id
            click.echo(f"\n{shown(item.article_title)}  ({item.article_id[:8]})")
        click.echo(f"{item.number or 0:>3}. {item.claim_id[:8]} {shown(item.claim)}")
        click.echo(f"       {shown(item.line())}")
    click.echo("\nSettle one with: workbench final CLAIM RATING --as NAME [--note TEXT]")
