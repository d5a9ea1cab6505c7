"""Helpers for the merge tests: files with the same article, and a file's content to compare."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workbench.model import Article, Claim, Judgement
from workbench.services.merge_plan import digest
from workbench.store import Store, open_store

TEXT = (
    "The mayor said crime fell by 20 percent last year. "
    "Critics said the police changed how they count burglaries. "
    "The council will vote on the budget in March."
)
FIRST = "The mayor said crime fell by 20 percent last year."
SECOND = "Critics said the police changed how they count burglaries."


def span(quote: str) -> tuple[int, int]:
    start = TEXT.index(quote)
    return start, start + len(quote)


def new_claim(quote: str) -> Claim:
    start, end = span(quote)
    return Claim(article_id="", start=start, end=end, quote=quote, claim=quote)


def reviewed_file(
    path: Path, reviewer: str, rating: str, *, passphrase: str | None = None
) -> Store:
    """A file where ``reviewer`` imported the article on their own laptop and rated its first
    claim (encrypted with ``passphrase`` when given)."""
    store = open_store(path, passphrase=passphrase)
    article = store.add_article(
        Article(text=TEXT, title="Crime figures"), [new_claim(FIRST), new_claim(SECOND)]
    )
    who = store.add_reviewer(reviewer)
    first = next(rc.claim for rc in store.claims_for(article.id) if rc.claim.quote == FIRST)
    store.save_verdict(first.id, who.id, Judgement(rating=rating, rationale=f"{reviewer} checked"))
    return store


_SKIP = {"merged_ids": ("merged_at",), "factchecks": ("id", "added_at", "updated_at")}


def content(store: Store) -> dict[str, Any]:
    """A file's content: its tables without local integer ids, plus the set of event uids."""
    found: dict[str, Any] = {}
    for table in (
        "reviewers",
        "articles",
        "claims",
        "verdicts",
        "sources",
        "final_verdicts",
        "settings",
        "claim_numbers",
        "merged_ids",
        "factchecks",
    ):
        # The library's team rows are derived from the verdicts when the library is next read.
        where = " WHERE origin = 'import'" if table == "factchecks" else ""
        rows = store.query(f"SELECT * FROM [{table}]{where}")
        kept = [{k: v for k, v in r.items() if k not in _SKIP.get(table, ())} for r in rows]
        found[table] = sorted(digest(r) for r in kept)
    found["events"] = sorted(r["uid"] for r in store.query("SELECT uid FROM events"))
    return found


def domain(store: Store) -> dict[str, Any]:
    """:func:`content` without the events (what a merge in the other direction must equal)."""
    return {k: v for k, v in content(store).items() if k != "events"}


def ratings(store: Store) -> list[tuple[str, str, str | None]]:
    """(claim quote, reviewer name, rating) of every verdict."""
    return sorted(
        (r["quote"], r["name"], r["rating"])
        for r in store.query(
            "SELECT c.quote, r.name, v.rating FROM verdicts v JOIN claims c ON c.id = v.claim_id"
            " JOIN reviewers r ON r.id = v.reviewer_id"
        )
    )


class Clock:
    """A clock for the store that moves one second on every reading (edits never tie)."""

    def __init__(self) -> None:
        self.seconds = 0

    def __call__(self) -> str:
        self.seconds += 1
        hours, rest = divmod(self.seconds, 3600)
        return (
            f"2030-01-{1 + hours // 24:02d}T{hours % 24:02d}:{rest // 60:02d}:{rest % 60:02d}+00:00"
        )


def use_clock(monkeypatch: Any) -> Clock:
    """Make every time the store records come from one :class:`Clock`."""
    clock = Clock()
    import workbench.store.core as core
    import workbench.store.final as final
    import workbench.store.review as review

    for module in (core, review, final):
        monkeypatch.setattr(module, "now_iso", clock)
    import workbench.model as model

    monkeypatch.setattr(model, "now_iso", clock)
    return clock
