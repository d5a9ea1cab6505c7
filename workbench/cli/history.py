"""``workbench history CLAIM|ARTICLE``: what was changed, by whom and when."""

from __future__ import annotations

import click

from .common import db_option, json_option, opened_store, print_json, shown
from .root import main


@main.command("history")
@click.argument("ref")
@json_option
@db_option
def history_command(ref: str, as_json: bool, db: str | None) -> None:
    """The recorded changes to a claim or an article (an id or the start of one), oldest first.

    A claim's history holds its verdicts and sources; an article's, the changes to each claim.
    """
    from workbench.services.history import history_for

    with opened_store(db, read_only=True) as store:
        history = history_for(store, ref)
    if as_json:
        print_json(history.to_dict())
        return
    click.echo(shown(history.title))
    if not history.lines:
        click.echo("Nothing recorded yet.")
    for line in history.lines:
        click.echo(shown(line.text()))
