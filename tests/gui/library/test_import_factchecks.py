"""File ▸ Import fact-checks…: the library grows in the background and the desk follows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.gui.claims.test_checked_counts import cell
from tests.gui.verdict.test_checked_before import LIBRARY_CSV, _words_only, select  # noqa: F401
from workbench.ui.verdict import checked_before
from workbench.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_importing_fact_checks_fills_the_panel_and_the_table(
    qtbot, make_window: Callable[..., MainWindow], tmp_path: Path, messages
) -> None:
    window = make_window()
    window.factchecks.encoder = None  # vectors are not what this test is about
    panel = window.editor.checked_before
    select(window, "The council spent")
    qtbot.waitUntil(lambda: panel.hint.text() == checked_before.EMPTY_LIBRARY, timeout=5000)
    assert window.actions_.import_factchecks.text() == "Import fact-&checks…"

    csv = tmp_path / "checks.csv"
    csv.write_text(
        LIBRARY_CSV + ",False,https://checks.example/empty,Pub,2024-01-01\n", encoding="utf-8"
    )
    with qtbot.waitSignal(window.factchecks.library_changed, timeout=10000):
        window.factchecks.import_paths([str(csv)])

    message = window.statusBar().currentMessage()
    assert message.startswith("Imported 2 new fact-checks") and "could not be read" in message
    # Which row was left out and why stays on screen until read, not only in the status bar.
    [(title, text)] = messages
    assert title == "Not everything could be imported"
    assert text.startswith("“checks.csv”: 1 not imported:") and "claim" in text
    assert window.desk.store.factcheck_counts()["import"] == 2
    qtbot.waitUntil(lambda: [m.publisher for m in panel.matches] == ["Full Check"], timeout=5000)
    qtbot.waitUntil(lambda: cell(window, "The council spent") == "1", timeout=5000)

    # The same file again adds nothing.
    with qtbot.waitSignal(window.factchecks.library_changed, timeout=10000):
        window.factchecks.import_paths([str(csv)])
    assert "Imported 0 new fact-checks, 2 already in the library" in (
        window.statusBar().currentMessage()
    )
