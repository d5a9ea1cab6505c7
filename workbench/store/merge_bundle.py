"""Copying some articles, with everything hanging from them, into a new workbench file.

The SQL side of a review bundle (see :mod:`workbench.services.bundle`): the articles, their
claims, the verdicts on them with their sources and attached files, final verdicts, the
reviewers who appear, the articles' own settings and claim numbers, the ids merged into them
and the history: every event about these, copied as they are, and the events before them in
each device's chain (a chain with holes could not be verified) carried without their content
(:func:`~workbench.store.chain.withheld`): their place and digest, never what they recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .chain import withheld
from .merge import table_columns

if TYPE_CHECKING:
    from .store import Store


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


def _select(store: Store, table: str, where: str, params: Sequence[Any]) -> list[list[Any]]:
    if not params:
        return []
    cols = table_columns(store.conn, table)
    sql = f"SELECT {', '.join(f'[{c}]' for c in cols)} FROM [{table}] WHERE {where}"
    return [list(r) for r in store.conn.execute(sql, list(params))]


def _ids(rows: list[list[Any]]) -> list[str]:
    return [r[0] for r in rows]


def copy_articles(source: Store, dest: Store, article_ids: Sequence[str]) -> dict[str, int]:
    """Copy ``article_ids`` and everything hanging from them from ``source`` into ``dest``.

    ``dest`` is a new, empty file with the same rating scale. Returns counts per table.
    """
    articles = _select(source, "articles", f"id IN ({_marks(article_ids)})", article_ids)
    aids = _ids(articles)
    claims = _select(source, "claims", f"article_id IN ({_marks(aids)})", aids)
    cids = _ids(claims)
    verdicts = _select(source, "verdicts", f"claim_id IN ({_marks(cids)})", cids)
    vids = _ids(verdicts)
    sources = _select(source, "sources", f"verdict_id IN ({_marks(vids)})", vids)
    finals = _select(source, "final_verdicts", f"claim_id IN ({_marks(cids)})", cids)
    fids = _ids(finals)
    people: set[str] = set()
    vcols = table_columns(source.conn, "verdicts")
    fcols = table_columns(source.conn, "final_verdicts")
    ccols = table_columns(source.conn, "claims")
    people.update(r[vcols.index("reviewer_id")] for r in verdicts)
    people.update(r[fcols.index("editor_id")] for r in finals if r[fcols.index("editor_id")])
    people.update(r[ccols.index("dismissed_by")] for r in claims if r[ccols.index("dismissed_by")])
    rids = sorted(people)
    reviewers = _select(source, "reviewers", f"id IN ({_marks(rids)})", rids)
    rids = _ids(reviewers)
    settings = [
        [k, v]
        for k, v in source.conn.execute("SELECT key, value FROM settings")
        if any(k.startswith(f"article:{a}:") for a in aids)
    ]
    numbers = _select(source, "claim_numbers", f"article_id IN ({_marks(aids)})", aids)
    uids = _event_uids(source, aids, rids)
    kept = {*aids, *cids, *vids, *_ids(sources), *fids, *rids}
    merged = [
        list(r)
        for r in source.conn.execute("SELECT old_id, new_id, entity, merged_at FROM merged_ids")
        if r[1] in kept
    ]
    conn = dest.conn
    with dest.write():
        for table, found in (
            ("reviewers", reviewers),
            ("articles", articles),
            ("claims", claims),
            ("verdicts", verdicts),
            ("sources", sources),
            ("final_verdicts", finals),
            ("claim_numbers", numbers),
        ):
            _insert(dest, table, found)
        conn.executemany("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", settings)
        conn.executemany(
            "INSERT INTO merged_ids (old_id, new_id, entity, merged_at) VALUES (?, ?, ?, ?)",
            merged,
        )
        ecols = [c for c in table_columns(source.conn, "events") if c != "id"]
        events = [
            list(r)
            for r in source.conn.execute(
                f"SELECT {', '.join(ecols)} FROM events WHERE uid IS NOT NULL ORDER BY id"
            )
        ]
        uid, device, seq = (ecols.index(c) for c in ("uid", "device", "seq"))
        # Each device's chain up to its newest event about these articles, so that the
        # history still verifies once merged (a chain with holes reads as tampered with).
        reach: dict[str, int] = {}
        for e in events:
            if e[uid] in uids:
                reach[e[device]] = max(reach.get(e[device], 0), e[seq])
        events = [e for e in events if e[seq] <= reach.get(e[device], 0)]
        entity = ecols.index("entity")
        # Changes to other articles carried only to keep the chains whole (said to the user).
        others = sum(1 for e in events if e[uid] not in uids and e[entity] in _WORK)
        events = [e if e[uid] in uids else _withheld(ecols, e) for e in events]
        conn.executemany(
            f"INSERT INTO events ({', '.join(ecols)}) VALUES ({_marks(ecols)})", events
        )
    return {
        "articles": len(articles),
        "claims": len(claims),
        "verdicts": len(verdicts),
        "sources": len(sources),
        "final_verdicts": len(finals),
        "reviewers": len(reviewers),
        "events": len(events),
        "other_events": others,
    }


#: The entities whose events tell of the team's work on articles.
_WORK = frozenset({"article", "claim", "verdict", "source", "final_verdict"})


def _insert(dest: Store, table: str, rows: list[list[Any]]) -> None:
    if not rows:
        return
    cols = table_columns(dest.conn, table)
    dest.conn.executemany(
        f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) VALUES ({_marks(cols)})",
        rows,
    )


def _withheld(cols: list[str], values: list[Any]) -> list[Any]:
    """An event row (``values`` in ``cols`` order) without its content."""
    kept = withheld(dict(zip(cols, values, strict=True)))
    return [kept.get(c) for c in cols]


def _event_uids(source: Store, article_ids: list[str], reviewer_ids: list[str]) -> set[str]:
    """The events about the articles (their claims, verdicts, sources, final verdicts and
    their own settings, past and present) and about the reviewers who appear."""
    uids: set[str] = set()
    for aid in article_ids:
        uids.update(
            r[0]
            for r in source.conn.execute(
                "SELECT uid FROM events WHERE entity = 'setting' AND substr(entity_id, 1, ?) = ?",
                [len(f"article:{aid}:"), f"article:{aid}:"],
            )
        )
        uids.update(e["uid"] for e in source.article_events(aid) if e.get("uid"))
        claims = [
            r[0] for r in source.conn.execute("SELECT id FROM claims WHERE article_id = ?", [aid])
        ]
        for cid in claims:
            uids.update(
                r[0]
                for r in source.conn.execute(
                    "SELECT uid FROM events WHERE entity = 'final_verdict' AND"
                    " json_extract(CASE WHEN json_valid(coalesce(after, before))"
                    " THEN coalesce(after, before) END, '$.claim_id') = ?",
                    [cid],
                )
            )
    if reviewer_ids:
        uids.update(
            r[0]
            for r in source.conn.execute(
                f"SELECT uid FROM events WHERE entity = 'reviewer' AND entity_id IN"
                f" ({_marks(reviewer_ids)})",
                reviewer_ids,
            )
        )
    return uids
