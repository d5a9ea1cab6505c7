"""``workbench claims edit``: correct a claim's record from the command line."""

from __future__ import annotations

from typing import Any

import click

from workbench.model import ClaimKind

from .articles import claims_group
from .common import db_option, fail, json_option, opened_store, print_json


@claims_group.command("edit")
@click.argument("claim")
@click.option("--claim", "wording", metavar="TEXT", help="The claim's wording.")
@click.option("--claimant", metavar="NAME", help='Who made the claim ("" clears it and its type).')
@click.option(
    "--claimant-type",
    type=click.Choice(["person", "organisation", "organization"], case_sensitive=False),
    help="Whether the claimant is a person or an organisation.",
)
@click.option("--said-on", metavar="DATE", help='When it was said: 2024-03-12, "12 March 2024".')
@click.option("--said-where", metavar="TEXT", help='Where it was said ("" clears it).')
@click.option(
    "--kind",
    type=click.Choice([kind.value for kind in ClaimKind], case_sensitive=False),
    help="The kind of claim.",
)
@click.option("--reviewer", help="Record this reviewer as the one who made the correction.")
@json_option
@db_option
def claims_edit(
    claim: str,
    wording: str | None,
    claimant: str | None,
    claimant_type: str | None,
    said_on: str | None,
    said_where: str | None,
    kind: str | None,
    reviewer: str | None,
    as_json: bool,
    db: str | None,
) -> None:
    """Correct CLAIM's record (an id or the start of one); the finder's reading is kept.

    Only the fields given change; every field is checked first, so on an error nothing is.
    """
    from workbench.services.claim_record import edit_claim

    given: dict[str, Any] = {
        "claim": wording,
        "speaker": claimant,
        "claimant_type": claimant_type,
        "said_on": said_on,
        "said_where": said_where,
        "kind": kind,
    }
    changes = {key: value for key, value in given.items() if value is not None}
    if not changes:
        fail(
            "Say what to change: --claim, --claimant, --claimant-type, --said-on, "
            "--said-where or --kind."
        )
    with opened_store(db) as store:
        claim_id = store.resolve_id("claims", claim, "claim")
        reviewer_id = None
        if reviewer is not None:
            found = store.find_reviewer(reviewer)
            if found is None:
                fail(
                    f"There is no reviewer called “{reviewer}”; add them with "
                    "`workbench reviewers add`."
                )
            reviewer_id = found.id
        before = store.get_claim(claim_id)
        after = edit_claim(store, claim_id, reviewer_id=reviewer_id, **changes)
    if as_json:
        print_json(after.to_dict())
        return
    if after == before:
        click.echo(f"{claim_id[:8]}  nothing changed")
        return
    claimant_text = after.speaker or "no claimant"
    if after.claimant_type is not None:
        claimant_text += f" ({after.claimant_type.value})"
    when = ", ".join(part for part in (after.said_on, after.said_where) if part)
    click.echo(
        f"{claim_id[:8]}  {after.claim}\n          {claimant_text}; {after.kind.label}"
        + (f"; said {when}" if when else "")
    )
