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
    report with --head to check that the history still holds everything recorded until then
    (work done since is counted, not refused).
    """
    from workbench.services.audit import verify_history
    from workbench.store.chain import changes_since

    with opened_store(db, read_only=True) as store:
        report = verify_history(store)
        since = changes_since(store.chained_events(), expected_head) if expected_head else None
    problems = list(report.problems)
    if expected_head and since is None:
        problems.append(
            "The history never had the digest given: changes recorded before it was printed "
            "were altered or removed (or the digest belongs to another file)."
        )
    if as_json:
        print_json(
            {
                "ok": not problems,
                "events": report.events,
                "devices": report.devices,
                "head": report.head_digest,
                "withheld": report.withheld,
                "changes_since_head": since,
                "problems": problems,
            }
        )
    else:
        for problem in problems:
            click.echo(shown(problem))
        many = "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
        verdict = "intact" if not problems else f"NOT intact ({many})"
        devices = "one device" if report.devices == 1 else f"{report.devices} devices"
        click.echo(f"History {verdict}: {report.events} events from {devices}.")
        if report.withheld:
            click.echo(
                f"{report.withheld} of them came in a review bundle without their content "
                "(changes to articles not in the bundle): linked, but not checkable here."
            )
        if since is not None:
            later = "no change" if since == 0 else f"{since} change{'s' * (since != 1)}"
            click.echo(f"The digest given is in this history; {later} recorded since.")
        click.echo(f"History digest: {report.head_digest}")
    if problems:
        raise SystemExit(1)
