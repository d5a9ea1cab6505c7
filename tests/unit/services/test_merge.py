"""Merging a colleague's file: one article, both verdicts, whichever way round, and only once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workbench.model import Claim, Judgement
from workbench.services.agreement import article_agreement
from workbench.services.audit import verify_history
from workbench.services.backup import list_backups
from workbench.services.merge import merge_file
from workbench.store import StoreError, open_store

from .merge_helpers import (
    FIRST,
    SECOND,
    TEXT,
    content,
    domain,
    new_claim,
    ratings,
    reviewed_file,
    use_clock,
)


@pytest.fixture(autouse=True)
def _clock(monkeypatch):
    """Every recorded time one second after the one before: edits never tie."""
    use_clock(monkeypatch)


@pytest.fixture
def two_laptops(tmp_path: Path) -> tuple[Path, Path]:
    """Anna and Ben each imported the same article on their own laptop and rated a claim."""
    a, b = tmp_path / "anna" / "desk.sqlite3", tmp_path / "ben" / "desk.sqlite3"
    reviewed_file(a, "Anna", "True").close()
    reviewed_file(b, "Ben", "False").close()
    return a, b


def test_the_same_article_reviewed_on_two_laptops_merges_into_one_with_both_verdicts(two_laptops):
    a, b = two_laptops
    with open_store(a) as store:
        result = merge_file(store, b)
        assert result.changed
        articles = store.list_articles()
        assert len(articles) == 1
        assert ratings(store) == [(FIRST, "Anna", "True"), (FIRST, "Ben", "False")]
        assert [rc.claim.quote for rc in store.claims_for(articles[0]["id"])] == [FIRST, SECOND]
        agreement = article_agreement(store, articles[0]["id"]).agreement
        assert agreement.claims_compared == 1
        assert verify_history(store).ok


def test_merging_both_ways_gives_the_same_content(two_laptops, tmp_path):
    a, b = two_laptops
    a2, b2 = tmp_path / "a2.sqlite3", tmp_path / "b2.sqlite3"
    a2.write_bytes(a.read_bytes())
    b2.write_bytes(b.read_bytes())
    with open_store(a) as store:
        merge_file(store, b)
        into_a = domain(store)
    with open_store(b2) as store:
        merge_file(store, a2)
        into_b = domain(store)
    assert into_a == into_b


def test_a_second_merge_changes_nothing(two_laptops):
    a, b = two_laptops
    with open_store(a) as store:
        merge_file(store, b)
        before = content(store)
        backups = list_backups(a)
        again = merge_file(store, b)
        assert not again.changed
        assert "Nothing to merge" in again.lines()[0]
        assert content(store) == before
        assert list_backups(a) == backups


def test_merging_back_and_forth_settles_with_the_same_history(two_laptops):
    a, b = two_laptops
    with open_store(a) as store:
        merge_file(store, b)
    with open_store(b) as store:
        merge_file(store, a)
        settled = content(store)
    with open_store(a) as store:
        merge_file(store, b)
        assert content(store) == settled


def test_the_other_file_is_never_written(two_laptops):
    a, b = two_laptops
    before = b.read_bytes()
    with open_store(a) as store:
        merge_file(store, b)
    assert b.read_bytes() == before


def test_a_backup_is_made_before_merging(two_laptops):
    a, b = two_laptops
    with open_store(a) as store:
        result = merge_file(store, b)
    assert result.backup is not None and result.backup.exists()
    with open_store(result.backup, read_only=True) as old:
        assert ratings(old) == [(FIRST, "Anna", "True")]


def _copy(src: Path, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open_store(src) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    dest.write_bytes(src.read_bytes())
    return dest


def _fork(tmp_path: Path) -> tuple[Path, Path]:
    """A file merged into a fresh one: two copies that have met, each with its own device."""
    a = tmp_path / "a.sqlite3"
    reviewed_file(a, "Anna", "True").close()
    b = tmp_path / "b.sqlite3"
    with open_store(b) as store:
        merge_file(store, a)
    return a, b


def _first_verdict(store):
    return store.query("SELECT * FROM verdicts")[0]


def test_the_newer_edit_stands_and_a_conflict_is_listed_with_both_versions(tmp_path):
    a, b = _fork(tmp_path)
    with open_store(b) as store:
        v = _first_verdict(store)
        store.save_verdict(v["claim_id"], v["reviewer_id"], Judgement(rating="Half true"))
    with open_store(a) as store:
        v = _first_verdict(store)
        store.save_verdict(v["claim_id"], v["reviewer_id"], Judgement(rating="False"))
    with open_store(b) as store:
        result = merge_file(store, a)
        assert _first_verdict(store)["rating"] == "False"  # a's edit came last
        [conflict] = result.conflicts
        assert conflict.entity == "verdict" and conflict.kept == "there"
        assert (conflict.here["rating"], conflict.there["rating"]) == ("Half true", "False")
        assert any("Half true" in line and "False" in line for line in result.lines())
        merged = store.query("SELECT before FROM events WHERE action = 'merge'")
        assert merged and "Half true" in merged[0]["before"]
    with open_store(a) as store:
        result = merge_file(store, b)
        assert _first_verdict(store)["rating"] == "False"


def test_an_edit_made_on_one_side_only_is_no_conflict(tmp_path):
    a, b = _fork(tmp_path)
    with open_store(a) as store:
        v = _first_verdict(store)
        store.save_verdict(v["claim_id"], v["reviewer_id"], Judgement(rating="Mostly true"))
    with open_store(b) as store:
        result = merge_file(store, a)
        assert not result.conflicts
        assert result.updated == {"verdict": 1}
        assert _first_verdict(store)["rating"] == "Mostly true"


def test_a_deletion_on_one_side_stays_deleted(tmp_path):
    a, b = _fork(tmp_path)
    with open_store(a) as store:
        claim = store.query("SELECT id FROM claims WHERE quote = ?", [SECOND])[0]["id"]
        store.delete_claim(claim)
    with open_store(b) as store:
        result = merge_file(store, a)
        assert result.removed == {"claim": 1}
        assert [r["quote"] for r in store.query("SELECT quote FROM claims")] == [FIRST]
    with open_store(a) as store:
        merge_file(store, b)
        assert [r["quote"] for r in store.query("SELECT quote FROM claims")] == [FIRST]


def test_an_undone_deletion_comes_back(tmp_path):
    a, b = _fork(tmp_path)
    with open_store(a) as store:
        claim = store.query("SELECT id FROM claims WHERE quote = ?", [FIRST])[0]["id"]
        reviewed, attachments = store.delete_claim(claim)
    with open_store(b) as store:
        merge_file(store, a)
        assert ratings(store) == []
    with open_store(a) as store:
        store.undelete_claim(reviewed, attachments)
    with open_store(b) as store:
        merge_file(store, a)
        assert ratings(store) == [(FIRST, "Anna", "True")]


def test_claims_added_separately_keep_unique_numbers(tmp_path):
    a, b = _fork(tmp_path)
    third = "The council will vote on the budget in March."
    with open_store(a) as store:
        article = store.list_articles()[0]["id"]
        store.add_claims(article, [new_claim(third)])
    with open_store(b) as store:
        article = store.list_articles()[0]["id"]
        start = TEXT.index("crime fell")
        store.add_claims(
            article, [Claim(article_id="", start=start, end=start + 10, quote="crime fell")]
        )
        merge_file(store, a)
        numbers = [r["number"] for r in store.query("SELECT number FROM claims ORDER BY number")]
        assert numbers == [1, 2, 3, 4]
        assert store.query("SELECT last FROM claim_numbers")[0]["last"] == 4


def test_history_of_a_claim_found_under_two_ids_shows_both_laptops_work(two_laptops):
    a, b = two_laptops
    with open_store(a) as store:
        merge_file(store, b)
        claim = store.query("SELECT id FROM claims WHERE quote = ?", [FIRST])[0]["id"]
        who = {e["reviewer"] for e in store.claim_events(claim) if e["entity"] == "verdict"}
        assert who == {"Anna", "Ben"}


def test_final_verdicts_merge_by_claim(tmp_path):
    a, b = _fork(tmp_path)
    with open_store(a) as store:
        claim = store.query("SELECT id FROM claims WHERE quote = ?", [FIRST])[0]["id"]
        editor = store.query("SELECT id FROM reviewers")[0]["id"]
        store.set_final_verdict(claim, "Mostly true", editor_id=editor, note="Settled")
    with open_store(b) as store:
        merge_file(store, a)
        assert [(r["rating"], r["note"]) for r in store.query("SELECT * FROM final_verdicts")] == [
            ("Mostly true", "Settled")
        ]


def _unchanged_after_refusal(a: Path, other: Path, words: str) -> None:
    with open_store(a) as store:
        before = content(store)
        with pytest.raises(StoreError, match=words):
            merge_file(store, other)
        assert content(store) == before
    assert list_backups(a) == []


def test_a_foreign_or_damaged_file_is_refused_and_nothing_changes(two_laptops, tmp_path):
    a, _ = two_laptops
    foreign = tmp_path / "foreign.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    _unchanged_after_refusal(a, foreign, "not a Factcheck Workbench database")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    _unchanged_after_refusal(a, junk, "incomplete|damaged")
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    _unchanged_after_refusal(a, text, "not a Factcheck Workbench database")


def test_a_newer_file_is_refused(two_laptops):
    a, b = two_laptops
    conn = sqlite3.connect(b)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('workbench', '9999_future', '2030-01-01 00:00:00')"
    )
    conn.commit()
    conn.close()
    _unchanged_after_refusal(a, b, "newer version")


def test_the_open_file_itself_is_refused(two_laptops):
    a, _ = two_laptops
    with open_store(a) as store, pytest.raises(StoreError, match="open file itself"):
        merge_file(store, a)


def test_a_file_on_another_rating_scale_is_refused(two_laptops, tmp_path):
    a, _ = two_laptops
    other = tmp_path / "other.sqlite3"
    from workbench.scales import DEFAULT_SCALE, available_scales

    names = [s for s in available_scales() if s != DEFAULT_SCALE]
    open_store(other, scale=names[0]).close()
    _unchanged_after_refusal(a, other, "another scale")


def test_an_edit_elsewhere_does_not_bring_back_a_deleted_claim_in_any_order(tmp_path):
    a, b = _fork(tmp_path)
    c = tmp_path / "c.sqlite3"
    with open_store(c) as store:
        merge_file(store, a)
        claim = store.query("SELECT id FROM claims WHERE quote = ?", [SECOND])[0]["id"]
        reviewer = store.query("SELECT id FROM reviewers")[0]["id"]
        store.set_final_verdict(claim, "True", editor_id=reviewer)
    with open_store(a) as store:
        store.delete_claim(claim)
    with open_store(b) as store:
        store.dismiss_claim(claim, reason="Opinion")  # after the deletion, unaware of it
    with open_store(a) as store:
        merge_file(store, c)
        merge_file(store, b)
        settled = domain(store)
        assert [r["quote"] for r in store.query("SELECT quote FROM claims")] == [FIRST]
    for other in (b, c):
        with open_store(other) as store:
            merge_file(store, a)
            assert domain(store) == settled


def test_a_file_from_an_older_version_is_merged_from_an_upgraded_copy_and_left_alone(
    two_laptops, tmp_path
):
    a, _ = two_laptops
    fixture = Path(__file__).resolve().parents[2] / "fixtures" / "schema-0003.sqlite3"
    older = tmp_path / "older.sqlite3"
    older.write_bytes(fixture.read_bytes())
    before = older.read_bytes()
    with open_store(a) as store:
        result = merge_file(store, older)
        assert result.changed
        assert len(store.list_articles()) > 1
        assert verify_history(store).ok
    assert older.read_bytes() == before


def test_an_encrypted_file_needs_its_passphrase(two_laptops, tmp_path):
    pytest.importorskip("sqlcipher3")
    a, _ = two_laptops
    locked = tmp_path / "locked.sqlite3"
    with open_store(locked, passphrase="correct horse") as store:
        store.add_reviewer("Cy")
    _unchanged_after_refusal(a, locked, "encrypted|passphrase")
    with open_store(a) as store:
        assert merge_file(store, locked, passphrase="correct horse").added == {"reviewer": 1}


def _factcheck(key: str, rating: str, review_date: str) -> dict:
    return {
        "key": key,
        "claim": "Crime doubled in ten years",
        "rating": rating,
        "publisher": "Fact Desk",
        "review_date": review_date,
    }


def test_imported_fact_checks_merge_by_key_and_the_newer_review_stands(tmp_path):
    a, b = _fork(tmp_path)
    with open_store(a) as store:
        store.upsert_factchecks([_factcheck("k1", "False", "2024-01-01")])
        store.upsert_factchecks([_factcheck("k2", "True", "2024-01-01")])
    with open_store(b) as store:
        store.upsert_factchecks([_factcheck("k1", "Mostly false", "2024-06-01")])
        merge_file(store, a)
        found = store.query(
            "SELECT key, rating FROM factchecks WHERE origin = 'import' ORDER BY key"
        )
        assert [(r["key"], r["rating"]) for r in found] == [("k1", "Mostly false"), ("k2", "True")]
        imported = {
            r["id"] for r in store.query("SELECT id FROM factchecks WHERE origin = 'import'")
        }
        assert imported <= {fid for fid, _score in store.lexical_matches("crime doubled")}


def test_an_edit_made_after_meeting_stands_even_when_its_laptop_clock_is_behind(
    tmp_path, monkeypatch
):
    a, b = _fork(tmp_path)
    with open_store(a) as store:
        v = _first_verdict(store)
        store.save_verdict(v["claim_id"], v["reviewer_id"], Judgement(rating="Half true"))
    with open_store(b) as store:
        merge_file(store, a)
        use_clock(monkeypatch)  # Ben's laptop clock is behind: his edit reads as older
        v = _first_verdict(store)
        store.save_verdict(v["claim_id"], v["reviewer_id"], Judgement(rating="False"))
    with open_store(a) as store:
        result = merge_file(store, b)
        assert _first_verdict(store)["rating"] == "False"  # the only change since they met
        assert not result.conflicts
        settled = content(store)
    with open_store(b) as store:
        assert not merge_file(store, a).changed
        assert content(store) == settled


def test_an_undone_deletion_comes_back_even_when_the_clock_is_behind(tmp_path, monkeypatch):
    a, b = _fork(tmp_path)
    with open_store(a) as store:
        claim = store.query("SELECT id FROM claims WHERE quote = ?", [FIRST])[0]["id"]
        reviewed, attachments = store.delete_claim(claim)
    with open_store(b) as store:
        merge_file(store, a)
        assert ratings(store) == []
    with open_store(a) as store:
        use_clock(monkeypatch)  # the undo reads as older than the deletion
        store.undelete_claim(reviewed, attachments)
        assert ratings(store) == [(FIRST, "Anna", "True")]
    for path, other in ((a, b), (b, a)):
        with open_store(path) as store:
            merge_file(store, other)
            assert ratings(store) == [(FIRST, "Anna", "True")]


def test_work_kept_under_the_colleagues_ids_is_not_counted_as_updated(tmp_path):
    from dataclasses import replace

    from workbench.model import Article

    anna = tmp_path / "anna.sqlite3"
    reviewed_file(anna, "Anna", "True").close()
    ben = tmp_path / "ben.sqlite3"
    with open_store(ben) as store:  # the smallest ids: Anna's article and claims are renamed
        small = [f"00000000-0000-4000-8000-{n:012d}" for n in range(3)]
        article = store.add_article(
            Article(text=TEXT, title="Crime figures", id=small[0]),
            [
                replace(new_claim(FIRST), id=small[1]),
                replace(new_claim(SECOND), id=small[2]),
            ],
        )
        who = store.add_reviewer("Ben")
        store.save_verdict(small[1], who.id, Judgement(rating="False"))
        assert article.id == small[0]
    with open_store(anna) as store:
        result = merge_file(store, ben)
        assert store.list_articles()[0]["id"] == small[0]
    assert result.added == {"verdict": 1, "reviewer": 1}
    assert result.updated == {}
    assert "Updated" not in "\n".join(result.lines())


def test_the_same_article_imported_twice_is_not_counted_as_updated(two_laptops):
    a, b = two_laptops
    with open_store(a) as store:
        result = merge_file(store, b)
    assert result.added == {"verdict": 1, "reviewer": 1}
    assert result.updated == {}


def test_a_claim_deleted_under_an_id_it_lost_later_stays_deleted_everywhere(tmp_path):
    from dataclasses import replace

    from workbench.model import Article

    def laptop(name: str, claim_id: str) -> Path:
        path = tmp_path / f"{name}.sqlite3"
        with open_store(path) as store:
            store.add_article(
                Article(text=TEXT, title="Crime figures"), [replace(new_claim(FIRST), id=claim_id)]
            )
        return path

    anna = laptop("anna", f"30000000-0000-4000-8000-{0:012d}")
    ben = laptop("ben", f"10000000-0000-4000-8000-{0:012d}")
    cy = laptop("cy", f"20000000-0000-4000-8000-{0:012d}")
    with open_store(cy) as store:
        merge_file(store, anna)  # one claim, kept under Cy's id
        store.delete_claim(store.query("SELECT id FROM claims")[0]["id"])
    with open_store(anna) as store:
        merge_file(store, ben)  # kept under Ben's id, the smallest
        merge_file(store, cy)  # Cy deleted it
        assert store.query("SELECT id FROM claims") == []
        settled = domain(store)
    for path in (ben, cy):
        with open_store(path) as store:
            merge_file(store, anna)
            assert store.query("SELECT id FROM claims") == []
            assert domain(store) == settled
