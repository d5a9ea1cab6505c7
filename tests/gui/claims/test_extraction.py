"""The real claim finder, driven from the window: the window answers while it runs."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def test_sample_article_is_imported_and_its_claims_highlighted(
    make_window, qtbot, seed_article_path, extractor
) -> None:
    window = make_window(extractor=extractor)
    window.claims_pane.set_threshold(0.0)
    imports = window.imports
    with qtbot.waitSignal(imports.extraction_finished, timeout=120_000):
        imports.import_files([str(seed_article_path)])
        # While spaCy loads on the worker, the window already shows the article.
        qtbot.waitSignal(window.article_opened, timeout=5000)
    text = window.article.text
    claims = [rc.claim for rc in window.claims.values()]
    assert len(claims) >= 5
    assert all(text[c.start : c.end] == c.quote for c in claims)
    expected = sorted((utf16(text, c.start), utf16(text, c.end)) for c in claims)
    assert sorted(window.article_pane.text.highlighted_ranges()) == expected
    assert window.claims_pane.proxy.rowCount() == len(claims)


def test_claim_finding_can_be_cancelled(make_window, qtbot, seed_article_path, extractor) -> None:
    window = make_window(extractor=extractor)
    imports = window.imports

    def cancel_when_finding_starts(job) -> None:
        # Pressed as the job starts, so it is stopped however fast the pipeline is.
        if job.status.startswith("Finding claims"):
            imports.panel.cancel.click()

    imports.runner.started.connect(cancel_when_finding_starts)
    with qtbot.waitSignal(imports.extraction_cancelled, timeout=120_000):
        imports.import_files([str(seed_article_path)])
    assert window.article.title.startswith("U.S. Secretary of State")
    assert window.claims == {}
    assert window.article.id not in window.desk.pending()
    assert not imports.panel.isVisible()
