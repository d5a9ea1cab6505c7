"""Values that reports publish are checked where they enter: addresses, reviewer names, sources."""

from __future__ import annotations

import pytest

from workbench.model import Article, Judgement
from workbench.services.desk import Desk
from workbench.services.library import import_article, import_pasted
from workbench.services.review import (
    add_reviewer,
    check_url,
    check_web_url,
    record_verdict,
    save_settings,
)
from workbench.store import InvalidInputError

HOSTILE_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "https://example.org/a b",
    "https://example.org/a\nhttps://evil.example",
    "https://example.org/\u202eexe.txt",
    "https:///no-host",
    "example.org/page",
]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_only_plain_http_addresses_pass(url: str) -> None:
    with pytest.raises(InvalidInputError, match="not a web address"):
        check_web_url(url)
    with pytest.raises(InvalidInputError, match="not a web address"):
        check_url(url)


def test_good_addresses_pass_and_a_doi_becomes_its_web_address() -> None:
    assert check_web_url(" https://example.org/x?y=1&z=2 ") == "https://example.org/x?y=1&z=2"
    assert check_url("doi:10.1000/182") == "https://doi.org/10.1000/182"


def test_organisation_and_report_addresses_are_checked_before_they_are_stored(
    memory_store,
) -> None:
    for key in ("organisation_url", "report_base_url"):
        with pytest.raises(InvalidInputError, match="not a web address"):
            save_settings(memory_store, {key: "javascript:alert(1)"})
        assert memory_store.get_setting(key) is None
    save_settings(memory_store, {"organisation_url": " https://check.example.org "})
    assert memory_store.get_setting("organisation_url") == "https://check.example.org"


def test_the_window_goes_through_the_same_check(memory_store) -> None:
    desk = Desk(memory_store)
    with pytest.raises(InvalidInputError, match="organisation's web address"):
        desk.set_setting("organisation_url", "javascript:alert(1)")
    assert memory_store.get_setting("organisation_url") is None
    desk.set_setting("organisation_name", "javascript: is just a name here")


def test_reviewer_names_have_a_length_limit(memory_store) -> None:
    with pytest.raises(InvalidInputError, match="at most 100 characters"):
        add_reviewer(memory_store, "A" * 101)
    with pytest.raises(InvalidInputError, match="at most 100 characters"):
        Desk(memory_store).use_reviewer("B" * 5000)
    with pytest.raises(InvalidInputError, match="text-direction"):
        add_reviewer(memory_store, "Eve \u202egpj.exe")
    assert memory_store.list_reviewers() == []
    assert add_reviewer(memory_store, "  Ana   Ruiz ").name == "Ana Ruiz"
    # A zero-width non-joiner is part of many Persian names.
    assert add_reviewer(memory_store, "Mehr\u200cnaz").name == "Mehr\u200cnaz"


def _claim(store, claim_at):
    article = Article(text="Unemployment fell to 3.5 percent in 2019.", title="Jobs")
    claim = claim_at(article.id, article.text, "Unemployment fell to 3.5 percent")
    store.add_article(article, [claim])
    add_reviewer(store, "Ana")
    return claim


def test_the_same_source_given_again_is_stored_once(memory_store, claim_at) -> None:
    claim = _claim(memory_store, claim_at)
    url = "https://stats.example.gov/labour"
    for _ in range(3):
        verdict = record_verdict(
            memory_store, claim.id, "Ana", Judgement("True"), source_urls=[url]
        )
    verdict = record_verdict(
        memory_store, claim.id, "Ana", Judgement("True"), source_urls=[url, url + "/2"]
    )
    assert [s.url for s in verdict.sources] == [url, url + "/2"]


def test_a_source_with_a_line_break_saves_nothing(memory_store, claim_at) -> None:
    claim = _claim(memory_store, claim_at)
    with pytest.raises(InvalidInputError, match="line breaks"):
        record_verdict(
            memory_store,
            claim.id,
            "Ana",
            Judgement("True"),
            source_urls=["https://ok.example.org", "https://a.example.org/x\ny"],
        )
    assert memory_store.claims_for(claim.article_id)[0].verdicts == []


def test_pasted_text_with_a_javascript_address_is_refused(memory_store) -> None:
    with pytest.raises(InvalidInputError, match="article's web address"):
        import_pasted(memory_store, "Prices rose.", url="javascript:alert(1)", run_extraction=False)
    with pytest.raises(InvalidInputError, match="article's web address"):
        Desk(memory_store).pasted_article("Prices rose.", url="javascript:alert(1)")
    assert memory_store.list_articles() == []


def test_an_address_read_from_a_file_is_kept_only_when_it_is_a_web_address(memory_store) -> None:
    hostile = Article(text="Prices rose.", title="A", url="javascript:alert(1)")
    result = import_article(memory_store, hostile, run_extraction=False)
    assert memory_store.get_article(result.article.id).url is None
    saved = Desk(memory_store).save_article(Article(text="Rents rose.", title="B", url="data:x"))
    assert memory_store.get_article(saved.id).url is None
    good = Article(text="Wages rose.", title="C", url="https://news.example.com/wages")
    result = import_article(memory_store, good, run_extraction=False)
    assert memory_store.get_article(result.article.id).url == "https://news.example.com/wages"
