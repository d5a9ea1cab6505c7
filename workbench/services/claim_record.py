"""The claim record a reviewer corrects: wording, claimant, when and where it was said, kind.

One way in for the window, its undo and the command line: :func:`edit_claim` checks every
field before anything is written (nothing changes on an error), keeps the claim finder's own
reading the first time a found claim is corrected, and the store logs before and after.
"""

from __future__ import annotations

from typing import Any

from workbench.dates import DateProblem, parse_when
from workbench.model import Claim, ClaimantType, ClaimKind, ClaimOrigin
from workbench.store import InvalidInputError, Store

#: The fields of the record, in the order the dialog and the command line show them.
RECORD_FIELDS = ("claim", "speaker", "claimant_type", "said_on", "said_where", "kind")
#: What the finder's reading (``Claim.guess``) keeps.
GUESS_FIELDS = ("claim", "speaker", "claimant_type", "kind")
#: The longest "where" a reviewer may give (a place, an event, a programme).
MAX_WHERE = 300


def record_of(claim: Claim) -> dict[str, Any]:
    """The record's current values, ``guess`` included (what undo puts back)."""
    values = {name: getattr(claim, name) for name in RECORD_FIELDS}
    values["guess"] = dict(claim.guess) if claim.guess else None
    return values


def finder_reading(claim: Claim) -> dict[str, Any]:
    """The claim as the finder read it, in plain JSON types."""
    return {
        "claim": claim.claim,
        "speaker": claim.speaker,
        "claimant_type": claim.claimant_type.value if claim.claimant_type else None,
        "kind": claim.kind.value,
    }


def parse_said_on(text: str | None) -> str | None:
    """A date typed as text (``2024-03-12``, ``12 March 2024``, ``March 2024``, ``2024``) as ISO:
    when a claim was made is often known only to the month or the year."""
    try:
        return parse_when(text, partial=True)
    except DateProblem as exc:
        raise InvalidInputError(f"{exc} Nothing was changed.") from None


def parse_claimant_type(value: str | ClaimantType | None) -> ClaimantType | None:
    """``person`` or ``organisation`` (``organization`` too); empty for not known."""
    if value is None or isinstance(value, ClaimantType):
        return value
    folded = value.strip().lower().replace("organization", "organisation")
    if not folded:
        return None
    try:
        return ClaimantType(folded)
    except ValueError:
        raise InvalidInputError(
            f"“{value}” is not a kind of claimant; say person or organisation. Nothing was changed."
        ) from None


def parse_kind(value: str | ClaimKind) -> ClaimKind:
    """A claim kind by its value (``quantity``) or its label (``Quantity``)."""
    if isinstance(value, ClaimKind):
        return value
    folded = value.strip().lower()
    for kind in ClaimKind:
        if folded in (kind.value, kind.label.lower(), kind.value.replace("_", " ")):
            return kind
    known = ", ".join(kind.value for kind in ClaimKind)
    raise InvalidInputError(
        f"“{value}” is not a kind of claim; choose one of {known}. Nothing was changed."
    )


def checked_changes(claim: Claim, changes: dict[str, Any]) -> dict[str, Any]:
    """``changes`` made into stored values, those that differ from ``claim`` only.

    Raises :class:`InvalidInputError` on the first field that cannot be saved. An empty
    claimant clears both the name and its type.
    """
    unknown = set(changes) - set(RECORD_FIELDS)
    if unknown:
        raise InvalidInputError(f"A claim record has no field {', '.join(sorted(unknown))}.")
    clean: dict[str, Any] = {}
    if "claim" in changes:
        wording = " ".join(str(changes["claim"] or "").split())
        if not wording:
            raise InvalidInputError("A claim's wording cannot be empty; nothing was changed.")
        clean["claim"] = wording
    if "speaker" in changes:
        speaker = " ".join(str(changes["speaker"] or "").split()) or None
        clean["speaker"] = speaker
        if speaker != claim.speaker and "claimant_type" not in changes:
            # Another claimant: whether a person or an organisation is not known until said.
            clean["claimant_type"] = None
    if "claimant_type" in changes:
        clean["claimant_type"] = parse_claimant_type(changes["claimant_type"])
        if clean["claimant_type"] is not None and not clean.get("speaker", claim.speaker):
            raise InvalidInputError(
                "Give the claimant's name as well as whether a person or an organisation made "
                "the claim. Nothing was changed."
            )
    if "said_on" in changes:
        clean["said_on"] = parse_said_on(changes["said_on"])
    if "said_where" in changes:
        where = " ".join(str(changes["said_where"] or "").split()) or None
        if where is not None and len(where) > MAX_WHERE:
            raise InvalidInputError(
                f"Where the claim was made is limited to {MAX_WHERE} characters; "
                "nothing was changed."
            )
        clean["said_where"] = where
    if "kind" in changes:
        clean["kind"] = parse_kind(changes["kind"])
    return {k: v for k, v in clean.items() if getattr(claim, k) != v}


def edit_claim(
    store: Store, claim_id: str, *, reviewer_id: str | None = None, **changes: Any
) -> Claim:
    """Correct a claim's record; the first correction of a found claim keeps the finder's reading.

    Changing nothing writes nothing (no event in the history).
    """
    claim = store.get_claim(claim_id)
    clean = checked_changes(claim, changes)
    if not clean:
        return claim
    if claim.origin is ClaimOrigin.AUTO and claim.guess is None:
        clean["guess"] = finder_reading(claim)
    return store.update_claim(claim_id, reviewer_id=reviewer_id, **clean)


def put_record(
    store: Store, claim_id: str, record: dict[str, Any], *, reviewer_id: str | None = None
) -> Claim:
    """Put back a record exactly as :func:`record_of` took it (undo and redo)."""
    claim = store.get_claim(claim_id)
    changed = {k: v for k, v in record.items() if getattr(claim, k) != v}
    if not changed:
        return claim
    return store.update_claim(claim_id, reviewer_id=reviewer_id, **changed)


def differs_from_guess(claim: Claim) -> bool:
    """Whether the record now says something other than the finder's reading."""
    return bool(claim.guess) and finder_reading(claim) != claim.guess


def describe_guess(guess: dict[str, Any]) -> str:
    """The finder's reading in one line: “wording” — speaker (person), kind."""
    speaker = guess.get("speaker") or "no claimant"
    kind_value = guess.get("kind")
    try:
        kind = ClaimKind(kind_value).label if kind_value else ""
    except ValueError:
        kind = str(kind_value)
    typed = f" ({guess['claimant_type']})" if guess.get("claimant_type") else ""
    return f"“{guess.get('claim', '')}” — {speaker}{typed}, {kind}".rstrip(", ")
