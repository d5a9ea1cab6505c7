"""The verdict editor's status line says when the verdict last changed."""

from __future__ import annotations

from workbench.model import Source, Verdict
from workbench.ui.verdict.editor_text import status_text


def test_a_source_added_after_the_rating_is_the_last_change_shown() -> None:
    verdict = Verdict("c1", "r1", "True", updated_at="2026-12-01T02:52:10+00:00")
    assert status_text(verdict, editing=False) == "✓ Saved · 02:52 UTC"
    verdict.sources.append(Source(verdict.id, "ONS", created_at="2026-12-01T02:56:40+00:00"))
    assert status_text(verdict, editing=False) == "✓ Saved · 02:56 UTC"
    draft = Verdict("c1", "r1", None, updated_at="2026-12-01T02:50:00+00:00")
    draft.sources.append(Source(draft.id, "ONS", created_at="2026-12-01T03:01:00+00:00"))
    assert status_text(draft, editing=False).startswith("Draft saved · 03:01 UTC")
