"""Round trips, rules and the audit log of the store."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.ingest import read_path
from workbench.model import Article, Block, BlockKind, Claim, ClaimState, Judgement
from workbench.store import InvalidInputError, NotFoundError, ReadOnlyError, open_store, schema


def _article(text: str = "Prices rose 5% in May. The mayor said so.") -> Article:
    return Article(text=text, title="Prices", blocks=[Block(BlockKind.BODY, 0, len(text))])


def _claim(article: Article, quote: str) -> Claim:
    start = article.text.index(quote)
    return Claim(article_id=article.id, start=start, end=start + len(quote), quote=quote, score=0.8)


@pytest.fixture(params=["memory", "file"])
def store(request: pytest.FixtureRequest, tmp_path: Path):
    s = open_store(None if request.param == "memory" else tmp_path / "t.sqlite3")
    yield s
    s.close()


def test_article_and_claims_round_trip(store, seed_article_path: Path) -> None:
    article = read_path(seed_article_path)
    claim = _claim(article, "met with Russian President Vladimir Putin")
    claim.reasons = ["names a person (Vladimir Putin)"]
    store.add_article(article, [claim])

    again = store.get_article(article.id)
    assert again.text == article.text
    assert again.blocks == article.blocks
    assert again.source_sha256 == article.source_sha256
    [reviewed] = store.claims_for(article.id)
    assert reviewed.claim.quote == again.text[reviewed.claim.start : reviewed.claim.end]
    assert reviewed.claim.reasons == ["names a person (Vladimir Putin)"]


def test_claims_are_numbered_in_article_order_and_a_later_claim_takes_the_next_number(
    store,
) -> None:
    text = "Prices rose 5% in May. The mayor said so. Rents fell 2% in June. Jobs grew."
    article = _article(text)
    later, first = (
        _claim(article, "Rents fell 2% in June."),
        _claim(article, "Prices rose 5% in May."),
    )
    store.add_article(article, [later, first])  # handed over out of order
    assert [(c.claim.quote, c.claim.number) for c in store.claims_for(article.id)] == [
        ("Prices rose 5% in May.", 1),
        ("Rents fell 2% in June.", 2),
    ]
    # A claim marked later, earlier in the text, takes the next free number; none is renumbered,
    # and a deleted claim's number is not given again to the next one.
    [mayor] = store.add_claims(article.id, [_claim(article, "The mayor said so.")])
    assert mayor.number == 3
    store.delete_claim(mayor.id)
    [jobs] = store.add_claims(article.id, [_claim(article, "Jobs grew.")])
    assert jobs.number == 4
    assert {c.claim.number for c in store.claims_for(article.id)} == {1, 2, 4}


def test_file_store_keeps_data_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "keep.sqlite3"
    with open_store(path) as s:
        article = s.add_article(_article())
        reviewer = s.add_reviewer("Ana")
        [claim] = s.add_claims(article.id, [_claim(article, "Prices rose 5% in May.")])
        s.save_verdict(
            claim.id,
            reviewer.id,
            Judgement("mostly true", rationale="Statistics office, May release"),
        )
    with open_store(path) as s:
        [reviewed] = s.claims_for(article.id)
        assert reviewed.verdicts[0].rating == "Mostly true"
        assert reviewed.verdicts[0].rating_value == 4
        assert reviewed.verdicts[0].reviewer_name == "Ana"


def test_new_file_gets_pragmas_and_schema(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    with open_store(path) as s:
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert s.db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert {"articles", "claims", "reviewers", "verdicts", "sources", "events"} <= set(
            s.db.table_names()
        )
    # Opening again applies nothing twice.
    with open_store(path) as s:
        assert [m["name"] for m in s.db["_sqlite_migrations"].rows] == schema.migration_names()


def test_the_schema_check_reads_what_sqlite_utils_records(tmp_path: Path) -> None:
    from sqlite_utils import Migrations

    with open_store(tmp_path / "t.sqlite3") as s:
        recorded = [m.name for m in schema.build_migrations().applied(s.db)]
        assert schema.applied_migrations(s.conn) == recorded == schema.migration_names()
    assert Migrations.migrations_table == schema.MIGRATIONS_TABLE


def test_reading_a_file_needs_no_sqlite_utils_and_writing_loads_it_without_numpy(
    tmp_path: Path,
) -> None:
    # sqlite-utils takes about as long to import as Qt takes to show a window, and numpy (which it
    # would import) longer still: reading what the window shows at launch must need neither, and
    # writing must still work once the writing side is loaded.
    path = tmp_path / "t.sqlite3"
    with open_store(path) as s:
        article = s.add_article(_article())
        [claim] = s.add_claims(article.id, [_claim(article, "Prices rose 5% in May.")])
        s.save_verdict(claim.id, s.add_reviewer("Ana").id, Judgement("True"))
    code = f"""
import sys
from workbench.model import Judgement
from workbench.store import open_store
with open_store({str(path)!r}) as s:
    [row] = s.list_articles()
    [reviewed] = s.claims_for(row["id"])
    ana = s.find_reviewer("ana")
    assert [v.rating for v in reviewed.verdicts] == ["True"], reviewed
    assert s.get_setting("rating_scale") and s.verdict_for(reviewed.claim.id, ana.id)
    print("sqlite_utils" in sys.modules, end=" ")
    s.prepare_writes(without_numpy=True)
    print("sqlite_utils" in sys.modules, "numpy" in sys.modules, end=" ")
    s.save_verdict(reviewed.claim.id, ana.id, Judgement("False"))
    import numpy  # the hiding is over: whoever needs numpy later still gets it
    print(numpy.zeros(1).size)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "True", "False", "1"]
    with open_store(path) as s:
        [reviewed] = s.claims_for(s.list_articles()[0]["id"])
        assert [v.rating for v in reviewed.verdicts] == ["False"]


def test_one_verdict_per_reviewer_is_updated_in_place(store) -> None:
    article = store.add_article(_article())
    [claim] = store.add_claims(article.id, [_claim(article, "Prices rose 5% in May.")])
    ana = store.add_reviewer("Ana")
    first = store.save_verdict(claim.id, ana.id, Judgement("True"))
    second = store.save_verdict(claim.id, ana.id, Judgement("False", rationale="Wrong month"))
    assert first.id == second.id
    [reviewed] = store.claims_for(article.id)
    assert [(v.rating, v.rationale) for v in reviewed.verdicts] == [("False", "Wrong month")]
    with pytest.raises(sqlite3.IntegrityError):
        store.db["verdicts"].insert({**store.db["verdicts"].get(first.id), "id": "another"})


def test_a_verdict_holds_the_judgement_it_was_given_as_stored(store) -> None:
    article = store.add_article(_article())
    [claim] = store.add_claims(article.id, [_claim(article, "Prices rose 5% in May.")])
    ana = store.add_reviewer("Ana")
    given = Judgement("mostly TRUE", confidence=0.6, rationale="  ONS, May release \n")
    verdict = store.save_verdict(claim.id, ana.id, given)
    stored = Judgement("Mostly true", confidence=0.6, rationale="ONS, May release")
    assert verdict.judgement == stored == given.tidied().with_rating("Mostly true")
    assert store.verdict_for(claim.id, ana.id).judgement == stored
    [event] = store.events_for("verdict", verdict.id)
    assert json.loads(event["after"]) == {"claim_id": claim.id, **stored.to_dict()}
    with pytest.raises(InvalidInputError, match="Confidence must be between 0 and 1"):
        store.save_verdict(claim.id, ana.id, Judgement("True", confidence=1.5))
    assert store.verdict_for(claim.id, ana.id).judgement == stored


def test_foreign_keys_are_enforced(store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store.db["claims"].insert(
            {
                "id": "x",
                "article_id": "missing",
                "start": 0,
                "end": 1,
                "quote": "a",
                "claim": "a",
                "kind": "other_factual",
                "origin": "auto",
                "state": "open",
                "created_at": "now",
            }
        )
    with pytest.raises(NotFoundError):
        store.save_verdict("missing-claim", "missing-reviewer", Judgement("True"))


def test_deleting_an_article_removes_its_claims_verdicts_and_sources(store) -> None:
    article = store.add_article(_article())
    [claim] = store.add_claims(article.id, [_claim(article, "Prices rose 5% in May.")])
    verdict = store.save_verdict(claim.id, store.add_reviewer("Ana").id, Judgement("True"))
    store.add_source(verdict.id, url="https://example.org/cpi")
    store.delete_article(article.id)
    for table in ("claims", "verdicts", "sources"):
        assert store.db[table].count == 0


def test_rating_must_be_on_the_scale_and_nothing_is_written(store) -> None:
    article = store.add_article(_article())
    [claim] = store.add_claims(article.id, [_claim(article, "Prices rose 5% in May.")])
    ana = store.add_reviewer("Ana")
    events_before = store.db["events"].count
    with pytest.raises(InvalidInputError, match="not on this database's rating scale"):
        store.save_verdict(claim.id, ana.id, Judgement("Pants on fire"))
    assert store.db["verdicts"].count == 0
    assert store.db["events"].count == events_before


def test_unproven_has_no_numeric_value(store) -> None:
    article = store.add_article(_article())
    [claim] = store.add_claims(article.id, [_claim(article, "Prices rose 5% in May.")])
    verdict = store.save_verdict(claim.id, store.add_reviewer("Ana").id, Judgement("unproven"))
    assert (verdict.rating, verdict.rating_value) == ("Unproven", None)


def test_short_scale_chosen_for_a_new_database(tmp_path: Path) -> None:
    with open_store(tmp_path / "short.sqlite3", scale="short") as s:
        assert s.rating_scale().labels == ["Correct", "Misleading", "Incorrect", "Unproven"]
    with pytest.raises(ValueError, match="no rating scale called"):
        open_store(tmp_path / "other.sqlite3", scale="nonsense")
    assert (
        not (tmp_path / "other.sqlite3").exists()
        or open_store(tmp_path / "other.sqlite3").close() is None
    )


def test_claim_span_must_match_quote(store) -> None:
    article = store.add_article(_article())
    bad = Claim(article_id=article.id, start=0, end=6, quote="Wages")
    with pytest.raises(InvalidInputError, match="not anchored"):
        store.add_claims(article.id, [bad])
    assert store.db["claims"].count == 0


def test_dismiss_restore_and_span_adjustment(store) -> None:
    article = store.add_article(_article())
    [claim] = store.add_claims(article.id, [_claim(article, "Prices rose 5% in May.")])
    assert store.dismiss_claim(claim.id).state is ClaimState.DISMISSED
    assert store.claims_for(article.id, include_dismissed=False) == []
    assert store.undismiss_claim(claim.id).state is ClaimState.OPEN
    moved = store.update_claim(claim.id, start=0, end=len("Prices rose 5%"))
    assert moved.quote == "Prices rose 5%"
    with pytest.raises(InvalidInputError):
        store.update_claim(claim.id, start=5, end=500)


def test_delete_claim_and_undo_restores_verdicts_and_attachments(store) -> None:
    article = store.add_article(_article())
    [claim] = store.add_claims(article.id, [_claim(article, "Prices rose 5% in May.")])
    verdict = store.save_verdict(claim.id, store.add_reviewer("Ana").id, Judgement("True"))
    source = store.add_source(
        verdict.id, title="CPI table", attachment=b"a,b\n1,2\n", attachment_name="../../cpi.csv"
    )
    assert source.attachment_name == "cpi.csv"
    reviewed, attachments = store.delete_claim(claim.id)
    assert store.claims_for(article.id) == []
    store.undelete_claim(reviewed, attachments)
    [back] = store.claims_for(article.id)
    assert back.verdicts[0].sources[0].title == "CPI table"
    assert store.get_attachment(source.id) == b"a,b\n1,2\n"


def test_sources_add_update_remove_and_put_back(store) -> None:
    article = store.add_article(_article())
    [claim] = store.add_claims(article.id, [_claim(article, "Prices rose 5% in May.")])
    verdict = store.save_verdict(claim.id, store.add_reviewer("Ana").id, Judgement("True"))
    source = store.add_source(
        verdict.id, title="Release", url="https://stats.example/cpi", quote="up 5.0%"
    )
    store.update_source(source.id, publisher="Statistics office")
    assert store.get_source(source.id).publisher == "Statistics office"
    removed, data = store.remove_source(source.id)
    assert store.sources_for(verdict.id) == []
    store.undelete_source(removed, data)
    assert [s.publisher for s in store.sources_for(verdict.id)] == ["Statistics office"]
    with pytest.raises(InvalidInputError):
        store.add_source(verdict.id, note="no title, no url")


def test_search_finds_a_claim_by_a_word_of_its_rationale(store) -> None:
    article = store.add_article(_article())
    [claim] = store.add_claims(article.id, [_claim(article, "Prices rose 5% in May.")])
    store.save_verdict(
        claim.id,
        store.add_reviewer("Ana").id,
        Judgement("True", rationale="Matches the consumer price index"),
    )
    hits = store.search("consumer")
    assert [(h.entity, h.article_id) for h in hits] == [("verdict", article.id)]
    assert "consumer" in hits[0].snippet
    # Substrings and punctuation are searched literally, never parsed as query syntax.
    assert {h.entity for h in store.search("ices May.")} == {"article", "claim"}
    assert store.search('"OR" NOT ( *') == []
    assert store.search("zz") == []


def test_every_write_leaves_an_event(store) -> None:
    article = store.add_article(_article())
    [claim] = store.add_claims(article.id, [_claim(article, "Prices rose 5% in May.")])
    ana = store.add_reviewer("Ana")
    verdict = store.save_verdict(claim.id, ana.id, Judgement("True"))
    store.save_verdict(claim.id, ana.id, Judgement("False"))
    source = store.add_source(verdict.id, url="https://example.org")
    store.dismiss_claim(claim.id)
    assert [e["action"] for e in store.events_for("claim", claim.id)] == ["add", "update"]
    assert [e["action"] for e in store.events_for("verdict", verdict.id)] == ["add", "update"]
    assert [e["action"] for e in store.events_for("source", source.id)] == ["add"]
    assert store.events_for("article", article.id)[0]["action"] == "import"
    with pytest.raises(sqlite3.DatabaseError, match="audit log"):
        store.db.execute("DELETE FROM events")


def test_second_writer_gets_a_clear_error_and_read_only_works(tmp_path: Path) -> None:
    from workbench.store import DatabaseInUseError

    path = tmp_path / "shared.sqlite3"
    first = open_store(path)
    first.add_article(_article())
    try:
        with pytest.raises(DatabaseInUseError, match="already open elsewhere"):
            open_store(path)
        reader = open_store(path, read_only=True)
        assert len(reader.list_articles()) == 1
        with pytest.raises(ReadOnlyError):
            reader.add_reviewer("Bob")
        reader.close()
    finally:
        first.close()
    open_store(path).close()  # the lock is released on close


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    from workbench.store import DatabaseDamagedError

    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"these are my notes, not a database" * 10)
    before = path.read_bytes()
    with pytest.raises(DatabaseDamagedError, match="left untouched"):
        open_store(path)
    assert path.read_bytes() == before


def test_unique_id_prefixes_resolve(store) -> None:
    article = store.add_article(_article())
    assert store.resolve_id("articles", article.id[:8], "article") == article.id
    with pytest.raises(NotFoundError):
        store.resolve_id("articles", "ffffffff", "article")


def test_editing_an_articles_details_leaves_its_search_index_alone(store) -> None:
    article = store.add_article(_article("Prices rose 5% in May. " * 200))
    pages = store.db.execute("SELECT count(*) FROM articles_fts_data").fetchone()[0]
    for n in range(5):
        store.update_article(article.id, outlet=f"Gazette {n}", summary=f"Checked {n} times.")
    assert store.db.execute("SELECT count(*) FROM articles_fts_data").fetchone()[0] == pages
    store.update_article(article.id, title="Prices in May")
    assert [h.id for h in store.search("Prices in May")] == [article.id]
