"""``workbench merge OTHER`` and ``workbench bundle ARTICLE… -o FILE``: combining two laptops' work."""

from __future__ import annotations

from pathlib import Path

import click

from .common import (
    db_option,
    json_option,
    opened_store,
    other_passphrase,
    print_json,
    progress_line,
    read_passphrase_file,
    shown,
    stop_on_ctrl_c,
    warn,
)
from .root import main


@main.command("merge")
@click.argument("other", type=click.Path(dir_okay=False))
@click.option(
    "--other-passphrase-file",
    "other_passphrase_file",
    type=click.Path(dir_okay=False),
    help="The passphrase of OTHER, when it is encrypted with another passphrase than this file.",
)
@json_option
@db_option
def merge_command(
    other: str, other_passphrase_file: str | None, as_json: bool, db: str | None
) -> None:
    """Merge a colleague's work into this database: OTHER is their workbench file or a
    review bundle (.zip) made with `workbench bundle`.

    The same article imported on both laptops becomes one, with everyone's verdicts. Where
    both files changed the same thing, the newer version stands, the other stays in the
    history, and both are listed. OTHER is only read; this file is backed up first. Merging
    the same file again changes nothing.
    """
    from workbench.services.merge import merge_file
    from workbench.store import is_encrypted

    path = Path(other)
    passphrase = None
    if other_passphrase_file:
        passphrase = read_passphrase_file(other_passphrase_file)
    elif path.is_file() and is_encrypted(path):
        # The colleague's file has a passphrase of its own: never the one this command
        # remembers for this database.
        passphrase = other_passphrase(path.name)
    with (
        opened_store(db) as store,
        progress_line() as line,
        stop_on_ctrl_c("Stopped: the merge was not finished, nothing was changed."),
    ):
        result = merge_file(store, path, passphrase=passphrase, progress=line)
    if as_json:
        print_json(result.to_dict())
        return
    for text in result.lines():
        click.echo(shown(text))


@main.command("bundle")
@click.argument("articles", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="The bundle to write (a new .zip file).",
)
@db_option
def bundle_command(articles: tuple[str, ...], output: str, db: str | None) -> None:
    """Write ARTICLES (ids or the start of ids) with their claims, verdicts, sources,
    attached files, reviewers and history into one zip file, for a colleague to merge.

    The zip holds a small workbench database and a list of its contents with SHA-256
    digests; a bundle changed on the way is refused when merged. Earlier changes to other
    articles travel without their content (only their place in the history), so that the
    history still verifies and nothing of the other articles is sent.
    """
    from workbench.services.bundle import write_bundle

    with opened_store(db, read_only=True) as store:
        ids = [store.resolve_id("articles", ref, "article") for ref in articles]
        info = write_bundle(store, ids, output)
        encrypted = store.encrypted
    for text in info.lines():
        click.echo(shown(text))
    if encrypted:
        warn(
            "This database is encrypted but the bundle is not: send it only by a channel "
            "you trust, or put it in an encrypted archive."
        )
