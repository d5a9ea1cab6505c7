"""The root ``workbench`` command group; the command modules add their commands to it."""

from __future__ import annotations

import click

from workbench import __version__

from .common import db_option, passphrase_file_option


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="workbench")
@db_option
@passphrase_file_option
@click.option(
    "--screenshot",
    type=click.Path(dir_okay=False),
    help="Render the review desk offscreen to this PNG file and exit.",
)
@click.option("--article", help="With --screenshot: the article to show (an id or id prefix).")
@click.pass_context
def main(
    ctx: click.Context,
    db: str | None,
    passphrase_file: str | None,
    screenshot: str | None,
    article: str | None,
) -> None:
    """Factcheck Workbench: check the claims in a news article, offline.

    Run without a command to open the review desk.
    """
    if ctx.invoked_subcommand is None:
        if screenshot:
            from .screenshot import take_screenshot

            take_screenshot(screenshot, db=db, article=article)
            return
        from workbench.app import run_app

        from .common import window_passphrase

        ctx.exit(run_app(db_path=db, passphrase=window_passphrase(db)))  # type: ignore[arg-type]
