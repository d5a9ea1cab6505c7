"""Importing articles and seeding a new database."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.services.library import add_manual_claim, import_file, import_pasted, seed_if_new
from workbench.store import InvalidInputError


def test_first_open_imports_the_sample_article_once(memory_store) -> None:
    [result] = seed_if_new(memory_store, run_extraction=False)
    assert result.article.title.startswith("U.S. Secretary of State John Kerry")
    assert seed_if_new(memory_store, run_extraction=False) == []
    assert len(memory_store.list_articles()) == 1


def test_seeding_never_touches_a_database_that_already_has_work(memory_store) -> None:
    import_pasted(
        memory_store, "The council spent £2m on roads.", title="Roads", run_extraction=False
    )
    assert seed_if_new(memory_store, run_extraction=False) == []
    assert [a["title"] for a in memory_store.list_articles()] == ["Roads"]


def test_same_file_twice_opens_the_existing_article(memory_store, seed_article_path: Path) -> None:
    first = import_file(memory_store, seed_article_path, run_extraction=False)
    second = import_file(memory_store, seed_article_path, run_extraction=False)
    assert second.existing and second.article.id == first.article.id
    assert len(memory_store.list_articles()) == 1


def test_pasted_article_keeps_its_metadata(memory_store) -> None:
    result = import_pasted(
        memory_store,
        "Unemployment fell to 3.5 percent in 2019.",
        title="Jobs",
        outlet="Gazette",
        url="https://gazette.example/jobs",
        published="2020-01-10",
        run_extraction=False,
    )
    article = memory_store.get_article(result.article.id)
    assert (article.title, article.outlet, article.url, article.published) == (
        "Jobs",
        "Gazette",
        "https://gazette.example/jobs",
        "2020-01-10",
    )


def test_manual_claim_needs_unique_exact_text(memory_store, seed_article_path: Path) -> None:
    article = import_file(memory_store, seed_article_path, run_extraction=False).article
    claim = add_manual_claim(memory_store, article.id, "more than four years")
    assert article.text[claim.start : claim.end] == "more than four years"
    with pytest.raises(InvalidInputError, match="more than once"):
        add_manual_claim(memory_store, article.id, "Kerry")


def test_manual_claim_records_the_reviewer_by_name(memory_store, seed_article_path: Path) -> None:
    article = import_file(memory_store, seed_article_path, run_extraction=False).article
    reviewer = memory_store.add_reviewer("Ana Lima")
    claim = add_manual_claim(memory_store, article.id, "more than four years", reviewer=reviewer)
    assert memory_store.get_claim(claim.id).created_by == "Ana Lima"


def test_a_database_whose_articles_were_all_deleted_is_not_seeded_again(memory_store) -> None:
    roads = import_pasted(
        memory_store, "The council spent £2m on roads.", title="Roads", run_extraction=False
    )
    memory_store.delete_article(roads.article.id)
    assert seed_if_new(memory_store, run_extraction=False) == []
    assert memory_store.list_articles() == []
    assert memory_store.get_setting("seeded") is None  # opening it wrote nothing
