"""The library table: idempotent upserts, counts, listing, safe word matching, vectors."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.ingest.factchecks import record_key
from workbench.store import open_store
from workbench.store.factchecks import FACTCHECK_FIELDS, word_query


@pytest.fixture
def store():
    s = open_store(None)
    yield s
    s.close()


def row(claim: str, url: str, date: str = "2024-01-01", **extra: object) -> dict[str, object]:
    values = {f: None for f in FACTCHECK_FIELDS}
    values.update(claim=claim, url=url, review_date=date, published=date[:10], **extra)
    values["key"] = record_key(url, claim)
    return values


def test_the_same_fact_check_is_stored_once_and_updated_only_when_newer(store) -> None:
    first = row("The moon is cheese", "https://a.org/1", rating="False")
    assert store.upsert_factchecks([first]) == {"added": 1, "updated": 0, "unchanged": 0}
    assert store.upsert_factchecks([first]) == {"added": 0, "updated": 0, "unchanged": 1}
    older = row("The moon is cheese", "https://a.org/1", "2023-01-01", rating="True")
    assert store.upsert_factchecks([older])["unchanged"] == 1
    newer = row("The moon is cheese", "https://a.org/1", "2024-06-01", rating="Mostly false")
    assert store.upsert_factchecks([newer])["updated"] == 1
    page, total = store.list_factchecks()
    assert total == 1 and page[0]["rating"] == "Mostly false"


def test_counts_per_origin(store) -> None:
    store.upsert_factchecks([row(f"Claim {n} here", f"https://a.org/{n}") for n in range(3)])
    assert store.factcheck_counts() == {"import": 3, "team": 0}


def test_list_filters_by_words_publisher_rating_and_pages(store) -> None:
    store.upsert_factchecks(
        [
            row("Vaccines cause autism", "https://a.org/1", publisher="Snopes", rating="False"),
            row(
                "Vaccinated people shed spikes", "https://a.org/2", publisher="AFP", rating="False"
            ),
            row("Taxes rose in May", "https://a.org/3", publisher="Snopes", rating="True"),
        ]
    )
    assert store.list_factchecks(text="vaccine")[1] == 2  # any word form
    assert store.list_factchecks(publisher="snopes", rating="false")[1] == 1
    page, total = store.list_factchecks(limit=2, offset=2)
    assert (len(page), total) == (1, 3)


@pytest.mark.parametrize(
    "hostile", ['"NEAR(', "*", "claim:moon", 'moon" OR "', "AND OR NOT", "-", "^moon"]
)
def test_hostile_text_matches_safely(store, hostile: str) -> None:
    store.upsert_factchecks([row("The moon is made of cheese", "https://a.org/1")])
    store.lexical_matches(hostile, 5)  # no FTS syntax error
    assert [i for i, _ in store.lexical_matches(hostile + " moon", 5)]


def test_word_query_quotes_words_and_drops_stop_words() -> None:
    assert word_query('The "moon" is NEAR(cheese*') == '"moon" OR "near" OR "cheese"'
    assert word_query("the and of") is None


def test_lexical_matches_best_first(store) -> None:
    store.upsert_factchecks(
        [row("Moon landing was faked", "https://a.org/1"), row("Moon is cheese", "https://a.org/2")]
    )
    found = store.lexical_matches("was the moon landing faked", 5)
    assert found[0][0] == store.list_factchecks(text="landing")[0][0]["id"]
    assert found[0][1] > found[1][1] > 0


def test_vectors_round_trip_as_one_float16_matrix(store) -> None:
    store.upsert_factchecks([row(f"Claim {n}", f"https://a.org/{n}") for n in range(3)])
    todo = store.factchecks_without_vectors("m")
    vectors = np.arange(12, dtype="<f2").reshape(3, 4)
    store.set_factcheck_vectors(
        [(fid, vectors[n].tobytes()) for n, (fid, _, _) in enumerate(todo)], "m"
    )
    ids, matrix = store.factcheck_vectors("m")
    assert ids == [fid for fid, _, _ in todo] and matrix.dtype == np.float16
    assert (matrix == vectors).all()
    assert store.factchecks_without_vectors("m") == []
    assert len(store.factchecks_without_vectors("other")) == 3


def test_a_query_matching_only_the_headline_finds_the_fact_check(store) -> None:
    store.upsert_factchecks(
        [
            row(
                "122 detainees released under Obama re-engaged in terrorism",
                "https://a.org/1",
                title="Did Guantanamo Prisoners Return to the Battlefield?",
            ),
            row("Taxes rose in May", "https://a.org/2"),
        ]
    )
    [(fid, _)] = store.lexical_matches("guantanamo battlefield", 5)
    [shown] = store.get_factchecks([fid])
    assert shown["title"] == "Did Guantanamo Prisoners Return to the Battlefield?"
    assert store.list_factchecks(text="battlefield terrorism")[1] == 1  # a word in each
    assert store.factchecks_without_vectors("m")[0][1:] == (
        "Did Guantanamo Prisoners Return to the Battlefield?",
        "122 detainees released under Obama re-engaged in terrorism",
    )


def _index_changes(store) -> int:
    return store.conn.execute("SELECT count(*) FROM factchecks_words_data").fetchone()[0]


def test_a_newer_copy_with_a_new_headline_reindexes_and_drops_the_vector(store) -> None:
    first = row("The moon is cheese", "https://a.org/1", title="Astronomers Weigh the Moon")
    store.upsert_factchecks([first])
    [(fid, _, _)] = store.factchecks_without_vectors("m")
    store.set_factcheck_vectors([(fid, b"\0\0")], "m")
    same_words = {**first, "review_date": "2024-02-01", "rating": "False"}
    before = _index_changes(store)
    assert store.upsert_factchecks([same_words])["updated"] == 1
    assert _index_changes(store) == before  # the same words: the index is not rewritten
    assert store.factchecks_without_vectors("m") == []  # and the vector is kept
    renamed = {**first, "review_date": "2024-03-01", "title": "Lunar Dairy?"}
    assert store.upsert_factchecks([renamed])["updated"] == 1
    assert [i for i, _ in store.lexical_matches("lunar dairy", 5)] == [fid]
    assert store.lexical_matches("astronomers weigh", 5) == []  # the old headline is gone
    assert [i for i, _ in store.lexical_matches("cheese", 5)] == [fid]
    assert [i for i, _, _ in store.factchecks_without_vectors("m")] == [fid]


def test_a_settled_claims_team_row_carries_the_final_verdict(tmp_path) -> None:
    from workbench.model import Claim, Judgement
    from workbench.services.library import import_pasted

    text = "Crime fell by 12 percent last year, the mayor said."
    quote = "Crime fell by 12 percent last year"
    with open_store(tmp_path / "team.sqlite3") as store:
        article = import_pasted(store, text, title="Crime", run_extraction=False).article
        claim = Claim(article_id=article.id, start=0, end=len(quote), quote=quote, score=0.9)
        store.add_claims(article.id, [claim])
        ana, ben, cy = (store.add_reviewer(n).id for n in ("Ana Lima", "Ben Okoro", "Cy Park"))
        store.save_verdict(claim.id, ana, Judgement("True"))
        store.save_verdict(claim.id, ben, Judgement("False"))  # the newest rating
        store.set_final_verdict(claim.id, "True", editor_id=cy, note="Police figures")
        store.sync_team_factchecks()
        [row] = store.query("SELECT rating, publisher FROM factchecks WHERE origin = 'team'")
        assert (row["rating"], row["publisher"]) == ("True", "Cy Park")


def test_words_in_most_of_the_library_are_left_out_only_when_asked(store) -> None:
    """Beside the encoder, "said" (in nearly every fact-check) adds cost, not meaning."""
    rows = [row(f"Mayor said budget item {n} grew", f"https://a.org/{n}") for n in range(1000)]
    rows.append(row("Senator said tariffs doubled prices", "https://a.org/tariffs"))
    store.upsert_factchecks(rows)
    plain = store.lexical_matches("mayor said the tariffs doubled prices", 100)
    assert len(plain) == 100  # "mayor" and "said" find every item (the best 100 kept)
    cut = store.lexical_matches("mayor said the tariffs doubled prices", 100, common=0.5)
    assert [fid for fid, _ in cut] == [plain[0][0]]  # only the rare words are looked for
    assert not store.conn.in_transaction
    # The counts follow the library: once "senator" is in most items, it is left out too.
    query = "senator tariffs doubled prices"
    assert len(store.lexical_matches(query, 2000, common=0.5)) == 1
    store.upsert_factchecks(
        [row(f"Senator item {n} voted", f"https://b.org/{n}") for n in range(1100)]
    )
    assert len(store.lexical_matches(query, 2000)) == 1101
    assert len(store.lexical_matches(query, 2000, common=0.5)) == 1


def test_a_small_library_keeps_every_word(store) -> None:
    """In a team's own few dozen fact-checks any word is "common": none is left out."""
    rows = [row(f"Budget item {n} grew", f"https://a.org/{n}") for n in range(40)]
    rows.append(row("The governor said zebra owners pay double taxes", "https://a.org/zebra"))
    store.upsert_factchecks(rows)
    query = "governor claimed zebra owners pay double taxes"
    assert store.lexical_matches(query, 5, common=0.02) == store.lexical_matches(query, 5)
    assert store.lexical_matches(query, 5, common=0.02)
