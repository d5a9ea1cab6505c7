"""File ▸ Export… from the real window with ClaimReview ticked, with and without the address."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.model import Judgement
from workbench.ui.export.export_dialog import ExportChoice

pytestmark = pytest.mark.gui

ADDRESS = "https://factcheck.example.org/2024/council-roads"


def _rate_first_claim(window) -> None:
    desk = window.desk
    claim = desk.claims(window.article.id)[0].claim
    desk.store.save_verdict(
        claim.id, desk.reviewer_id, Judgement(desk.scale().labels[0], rationale="Budget.")
    )


def _export(qtbot, window, monkeypatch, out: Path, seen: dict | None = None) -> None:
    from workbench.ui.window import hooks

    def answer(parent, reviewers, folder, base_url="", **_):
        if seen is not None:
            seen["base_url"] = base_url
        return ExportChoice(("pdf", "html", "claimreview"), (), False, out)

    monkeypatch.setattr(hooks, "ask_export", answer)
    window.actions_.export.trigger()
    assert window.export.task is not None
    qtbot.waitUntil(lambda: not window.export.task.is_running(), timeout=20_000)
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() != "Exporting the report…", timeout=5_000
    )


def test_claimreview_without_an_address_does_not_stop_pdf_and_html(
    qtbot, make_window, monkeypatch, messages, tmp_path: Path
) -> None:
    window = make_window()
    window.restore_last_article()
    _rate_first_claim(window)
    out = tmp_path / "out"
    out.mkdir()
    _export(qtbot, window, monkeypatch, out)

    suffixes = sorted("".join(p.suffixes) for p in out.iterdir())
    assert suffixes == [".html", ".pdf"]
    title, message = messages[-1]
    assert title == "Report partly exported"
    assert ".pdf" in message and ".html" in message
    assert "ClaimReview was not written" in message
    assert "web address where the report will be published" in message
    assert "Preferences" in message
    assert "--base-url" not in message
    status = window.statusBar().currentMessage()
    assert status != "Exporting the report…"
    assert "ClaimReview" in status


def test_the_address_set_in_preferences_gives_all_three_files(
    qtbot, make_window, monkeypatch, messages, tmp_path: Path
) -> None:
    from workbench.ui.window import hooks

    window = make_window()
    window.restore_last_article()
    _rate_first_claim(window)
    monkeypatch.setattr(
        hooks, "ask_preferences", lambda parent, values: {**values, "base_url": ADDRESS}
    )
    window.actions_.preferences.trigger()
    assert window.desk.setting("report_base_url") == ADDRESS

    out = tmp_path / "out"
    out.mkdir()
    seen: dict = {}
    _export(qtbot, window, monkeypatch, out, seen)

    # The dialog is opened on the address in force.
    assert seen["base_url"] == ADDRESS
    files = {"".join(p.suffixes): p for p in out.iterdir()}
    assert sorted(files) == [".claimreview.jsonld", ".html", ".pdf"]
    reviews = json.loads(files[".claimreview.jsonld"].read_text(encoding="utf-8"))
    assert reviews and all(r["url"].startswith(ADDRESS) for r in reviews)
    assert not any(title == "Export did not work" for title, _ in messages)
    assert window.statusBar().currentMessage().startswith("Saved 3 report file(s)")


def test_the_address_typed_in_the_export_dialog_is_kept(
    qtbot, make_window, monkeypatch, tmp_path: Path
) -> None:
    from workbench.ui.window import hooks

    window = make_window()
    window.restore_last_article()
    _rate_first_claim(window)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(
        hooks,
        "ask_export",
        lambda parent, reviewers, folder, base_url="", **_: ExportChoice(
            ("claimreview",), (), False, out, base_url=ADDRESS
        ),
    )
    window.actions_.export.trigger()
    qtbot.waitUntil(lambda: not window.export.task.is_running(), timeout=20_000)
    qtbot.waitUntil(lambda: any(out.iterdir()), timeout=5_000)
    assert window.desk.setting("report_base_url") == ADDRESS
    (path,) = out.iterdir()
    assert json.loads(path.read_text(encoding="utf-8"))[0]["url"].startswith(ADDRESS)


def test_claims_nobody_reviewed_are_left_out_unless_ticked(
    qtbot, make_window, monkeypatch, tmp_path: Path
) -> None:
    from workbench.ui.window import hooks

    window = make_window()
    window.restore_last_article()
    _rate_first_claim(window)
    found = len(window.desk.claims(window.article.id))
    asked: dict = {}

    def export(all_claims: bool, out: Path) -> list:
        def answer(parent, reviewers, folder, base_url="", *, all_claims=False):
            asked["all_claims"] = all_claims
            return ExportChoice(("json",), (), False, out, all_claims=wanted)

        wanted = all_claims
        out.mkdir()
        monkeypatch.setattr(hooks, "ask_export", answer)
        window.actions_.export.trigger()
        qtbot.waitUntil(lambda: not window.export.task.is_running(), timeout=20_000)
        qtbot.waitUntil(lambda: any(out.iterdir()), timeout=5_000)
        (path,) = out.iterdir()
        return json.loads(path.read_text(encoding="utf-8"))["claims"]

    assert len(export(False, tmp_path / "reviewed")) == 1
    assert asked["all_claims"] is False
    assert len(export(True, tmp_path / "all")) == found > 1
    # The tick is kept for the next export.
    assert window.desk.setting("report_all_claims") is True
    export(True, tmp_path / "again")
    assert asked["all_claims"] is True
