"""The window says which found claims were not kept, and finding again adds them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from workbench.model import Article, Claim, Judgement
from workbench.services.desk import Extractor
from workbench.services.found_claims import MAX_CLAIMS_SETTING
from workbench.services.library import import_pasted
from workbench.store import open_store

pytestmark = pytest.mark.gui

SENTENCES = [f"Bus fares rose {n} percent in {2000 + n}." for n in range(8)]


class StubExtractor(Extractor):
    """Finds one claim per sentence, scored 0.9, 0.8 … without loading spaCy."""

    @property
    def loaded(self) -> bool:
        return True

    def extract(
        self,
        article: Article,
        *,
        pipeline: str | None = None,
        progress: Callable[[int, int], None] | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> list[Claim]:
        found = []
        for n, quote in enumerate(SENTENCES):
            start = article.text.index(quote)
            score = round(0.9 - n / 10, 2)
            found.append(Claim(article.id, start, start + len(quote), quote, score=score))
        return found


@pytest.fixture
def long_article(db_path: Path) -> str:
    """An article of eight claims in a database that keeps three per article."""
    with open_store(db_path) as store:
        store.set_setting(MAX_CLAIMS_SETTING, 3)
        result = import_pasted(store, "\n\n".join(SENTENCES), title="Fares", run_extraction=False)
    return result.article.id


def test_the_claims_pane_says_what_was_not_kept_and_finding_again_adds_it(
    make_window, qtbot, long_article: str
) -> None:
    window = make_window(extractor=StubExtractor())
    assert window.open_article(long_article)
    note = window.claims_pane.left_out_label
    assert note.isHidden()

    with qtbot.waitSignal(window.imports.extraction_finished, timeout=10_000):
        window.actions_.find_claims.trigger()
    assert len(window.claims) == 3
    assert not note.isHidden()
    assert note.text().startswith("5 more candidates scoring 0.60 or less were not kept")
    assert "raise “Claims kept per article” in Preferences" in note.text()
    assert "Review ▸ Find claims in this article" in note.text()

    rated = next(iter(window.claims))
    window.desk.verdicts.save_verdict(
        rated, window.desk.reviewer_id, Judgement(window.desk.scale().labels[0])
    )
    window.preferences.apply({"claims_kept": 10})
    with qtbot.waitSignal(window.imports.extraction_finished, timeout=10_000):
        window.actions_.find_claims.trigger()
    assert len(window.claims) == 8
    assert note.isHidden()
    assert window.claims[rated].verdicts[0].reviewer_name == "Ana Lima"
    assert window.statusBar().currentMessage() == "Found 5 new claims."
