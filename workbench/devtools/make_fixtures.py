"""Build ``tests/fixtures/schema-NNNN.sqlite3``: a realistic database at one released schema.

``python -m workbench.devtools.make_fixtures 0001 tests/fixtures`` applies the migrations up to
and including ``0001_*`` and fills the tables with rows written for that schema (not through
today's Store, whose columns may have moved on). Run it once when a schema version is released
and commit the file; the migration tests upgrade every fixture to the current schema.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from workbench.resources import seeds_dir
from workbench.store.schema import build_migrations, chain_unchained_events, migration_names

AT = "2026-01-15T09:30:00+00:00"
QUOTES = [
    ("c1", "met with Russian President Vladimir Putin", "True", 6),
    ("c2", "Syria", "Mostly true", 5),
]


def _fill_0001(db: Database) -> None:
    seed = sorted(seeds_dir().glob("*.txt"))[0]
    text = seed.read_text(encoding="utf-8")
    db["articles"].insert(
        {
            "id": "a1",
            "title": text.splitlines()[0][:120],
            "outlet": "Reuters",
            "author": "Lesley Wroughton",
            "published": "2015-12-15",
            "url": "https://www.reuters.com/article/example",
            "language": "en",
            "text": text,
            "blocks": json.dumps([{"kind": "body", "start": 0, "end": len(text)}]),
            "source_name": seed.name,
            "source_sha256": hashlib.sha256(seed.read_bytes()).hexdigest(),
            "imported_at": AT,
            "imported_by": "r1",
        }
    )
    for rid, name in (("r1", "Ana Lima"), ("r2", "Bo Chen")):
        db["reviewers"].insert({"id": rid, "name": name, "created_at": AT})
    for cid, quote, rating, value in QUOTES:
        start = text.index(quote)
        db["claims"].insert(
            {
                "id": cid,
                "article_id": "a1",
                "start": start,
                "end": start + len(quote),
                "quote": quote,
                "claim": quote,
                "speaker": "Reuters",
                "kind": "other_factual",
                "score": 0.8,
                "reasons": json.dumps(["names a person"]),
                "origin": "manual",
                "state": "open",
                "created_at": AT,
                "created_by": "r1",
                "pipeline_version": None,
            }
        )
        for rid in ("r1", "r2"):
            db["verdicts"].insert(
                {
                    "id": f"v-{cid}-{rid}",
                    "claim_id": cid,
                    "reviewer_id": rid,
                    "rating": rating,
                    "rating_value": value,
                    "confidence": 0.9,
                    "rationale": f"State Department transcript confirms it ({rid})",
                    "created_at": AT,
                    "updated_at": AT,
                }
            )
    attachment = b"date,event\n2015-12-15,Kerry meets Putin in Moscow\n"
    db["sources"].insert(
        {
            "id": "s1",
            "verdict_id": "v-c1-r1",
            "title": "Press availability transcript",
            "url": "https://2009-2017.state.gov/secretary/remarks/2015/12/250664.htm",
            "publisher": "U.S. Department of State",
            "published": "2015-12-15",
            "accessed": "2026-01-15",
            "quote": "Secretary Kerry met with President Putin",
            "note": "Official transcript",
            "attachment_name": "timeline.csv",
            "attachment_sha256": hashlib.sha256(attachment).hexdigest(),
            "attachment_size": len(attachment),
            "attachment": attachment,
            "created_at": AT,
        }
    )
    db["settings"].insert({"key": "rating_scale", "value": json.dumps("standard")})
    for n, (entity, eid) in enumerate([("article", "a1"), ("verdict", "v-c1-r1")], 1):
        db["events"].insert(
            {
                "id": n,
                "at": AT,
                "reviewer_id": "r1",
                "action": "add",
                "entity": entity,
                "entity_id": eid,
                "before": None,
                "after": "{}",
            }
        )


def _fill_0002(db: Database) -> None:
    _fill_0001(db)
    for number, (cid, *_) in enumerate(QUOTES, 1):
        db["claims"].update(cid, {"number": number, "claimant_type": "organisation"})
    db["articles"].update("a1", {"summary": "Both claims checked against the transcript."})
    db["claim_numbers"].insert({"article_id": "a1", "last": len(QUOTES)})


def _fill_0003(db: Database) -> None:
    _fill_0002(db)
    vector = bytes(range(256)) * 3  # 384 float16 values, as the encoder stores them
    for n, (claim, title, rating, publisher) in enumerate(
        [
            ("Kerry met Putin in Moscow in December 2015", None, "True", "PolitiFact"),
            (
                "Syria's chemical weapons were all removed in 2014",
                "Were All of Syria's Chemical Weapons Removed?",
                "False",
                "Snopes",
            ),
        ],
        1,
    ):
        db["factchecks"].insert(
            {
                "id": f"f{n}",
                "claim": claim,
                "title": title,
                "rating": rating,
                "rating_value": 5.0 if rating == "True" else 1.0,
                "rating_best": 5.0,
                "rating_worst": 1.0,
                "publisher": publisher,
                "published": "2016-01-04",
                "url": f"https://example.org/fact-check/{n}",
                "language": "en",
                "origin": "import",
                "source_name": "feed.json",
                "key": f"{n:032x}",
                "added_at": AT,
                "updated_at": AT,
                "review_date": "2016-01-04",
                "vector": vector,
                "vector_model": "fixture",
            }
        )


def _fill_0004(db: Database) -> None:
    _fill_0003(db)
    device = db.execute("SELECT id FROM device").fetchone()[0]
    chain_unchained_events(db, device)
    db["claims"].update("c2", {"state": "dismissed", "dismissed_by": "r1"})
    db["claims"].update("c2", {"dismissed_reason": "An opinion, not a checkable fact."})
    db["final_verdicts"].insert(
        {
            "id": "fv1",
            "claim_id": "c1",
            "rating": "True",
            "rating_value": 5,
            "note": "Both reviewers agree; transcript confirms.",
            "editor_id": "r1",
            "created_at": AT,
            "updated_at": AT,
        }
    )
    db["merged_ids"].insert({"old_id": "a0", "new_id": "a1", "entity": "article", "merged_at": AT})


FILLERS = {"0001": _fill_0001, "0002": _fill_0002, "0003": _fill_0003, "0004": _fill_0004}


def build(version: str, folder: Path) -> Path:
    """Write ``schema-<version>.sqlite3`` into ``folder`` and return its path."""
    names = migration_names()
    later = [n for n in names if n.split("_")[0] > version]
    dest = folder / f"schema-{version}.sqlite3"
    dest.unlink(missing_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    db = Database(sqlite3.connect(dest))
    build_migrations().apply(db, stop_before=later[0] if later else None)
    with db.atomic():
        FILLERS[version](db)
    db.execute("VACUUM")
    db.close()
    return dest


def main(argv: list[str] | None = None) -> int:
    """Command line: a schema version and the fixtures folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version", choices=sorted(FILLERS))
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    print(build(args.version, args.folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
