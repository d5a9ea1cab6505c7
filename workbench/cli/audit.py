"""``workbench audit verify``: is the history as the program wrote it?"""

from __future__ import annotations

import click

from .common import db_option, json_option, opened_store, print_json, shown
from .root import main


@main.group("audit")
def audit_group() -> None:
    """Check the history of changes (the audit log) for tampering."""


@audit_group.command("verify")
@click.option(
    "--head",
    "expected_head",
    metavar="DIGEST",
    help="The history digest printed in an earlier report: check that it still matches.",
)
@json_option
@db_option
def verify_command(expected_head: str | None, as_json: bool, db: str | None) -> None:
    """Recompute every event's digest and check every link of the chain.

    Exits with status 1 when an event was changed or removed outside the program. Removing the
    newest events leaves a shorter chain that still links up: give the digest printed in a
    report with --head to check that nothing after it was taken away.
    """
    from workbench.services.audit import verify_history

    with opened_store(db, read_only=True) as store:
        report = verify_history(store)
    problems = list(report.problems)
    if expected_head and expected_head.strip().lower() != report.head_digest:
        problems.append(
            "The history's digest is not the one given: the history changed since then"
            " (newer events are expected; if none were added, events were removed)."
        )
    if as_json:
        print_json(
            {
                "ok": not problems,
                "events": report.events,
                "devices": report.devices,
                "head": report.head_digest,
                "withheld": report.withheld,
                "problems": problems,
            }
        )
    else:
        for problem in problems:
            click.echo(shown(problem))
        verdict = "intact" if not problems else f"NOT intact ({len(problems)} problems)"
        devices = "one device" if report.devices == 1 else f"{report.devices} devices"
        click.echo(f"History {verdict}: {report.events} events from {devices}.")
        if report.withheld:
            click.echo(
                f"{report.withheld} of them came in a review bundle without their content "
                "(changes to articles not in the bundle): linked, but not checkable here."
            )
        click.echo(f"History digest: {report.head_digest}")
    if problems:
        raise SystemExit(1)
