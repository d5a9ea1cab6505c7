"""``workbench blind-review [on|off]``: whether reviewers see one another's ratings at once."""

from __future__ import annotations

import click

from workbench.settings import BLIND_REVIEW

from .common import db_option, json_option, opened_store, print_json
from .root import main


@main.command("blind-review")
@click.argument("state", required=False, type=click.Choice(["on", "off"], case_sensitive=False))
@json_option
@db_option
def blind_review_command(state: str | None, as_json: bool, db: str | None) -> None:
    """Say whether blind review is on in this database, or turn it on or off.

    While it is on, each reviewer sees the others' ratings of a claim in the review desk only
    after saving their own rating (a draft does not count). It holds for everyone who opens
    the file. Reports, exports and these commands are not affected.
    """
    from workbench.services.review import save_settings

    with opened_store(db, read_only=state is None) as store:
        if state is not None:
            wanted = state.lower() == "on"
            if wanted != BLIND_REVIEW.read(store.get_setting):
                save_settings(store, {BLIND_REVIEW.key: wanted})
        on = bool(BLIND_REVIEW.read(store.get_setting))
    if as_json:
        print_json({BLIND_REVIEW.key: on})
        return
    if on:
        click.echo(
            "Blind review is on: each reviewer sees the others' ratings of a claim once they saved their own."
        )
    else:
        click.echo("Blind review is off: reviewers see one another's ratings at once.")
