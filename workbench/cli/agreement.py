"""``workbench agreement [ARTICLE]``: how far the reviewers agree on their ratings."""

from __future__ import annotations

import click

from .common import db_option, json_option, opened_store, print_json, shown
from .root import main

#: The figures explained under the text output, in the order they are printed.
EXPLAINED_KEYS = (
    "percent_agreement",
    "cohen_kappa",
    "krippendorff_alpha_ordinal",
    "krippendorff_alpha_nominal",
    "unproven_ratings",
)


@main.command("agreement")
@click.argument("article", required=False)
@json_option
@db_option
def agreement_command(article: str | None, as_json: bool, db: str | None) -> None:
    """How far reviewers agree on ARTICLE's claims (an id or the start of one), or on every
    article in the database when no ARTICLE is given.

    Only claims rated by two or more reviewers are compared; verdicts still in progress never
    count. Prints percentage agreement, Cohen's kappa (two reviewers) and Krippendorff's alpha.
    """
    from workbench.services.agreement import (
        EXPLAINED,
        NAMES,
        article_agreement,
        database_agreement,
    )

    with opened_store(db, read_only=True) as store:
        if article is None:
            found = database_agreement(store)
        else:
            found = article_agreement(store, store.resolve_id("articles", article, "article"))
    if as_json:
        print_json(found.to_dict())
        return
    for line in found.lines():
        click.echo(shown(line))
    if found.agreement.claims_compared:
        click.echo("")
        click.echo("What the figures mean:")
        for key in EXPLAINED_KEYS:
            click.echo(f"  {NAMES[key]}: {EXPLAINED[key]}")
