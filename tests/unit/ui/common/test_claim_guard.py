"""Changing the selected claim: a clear word in the status bar when it cannot be done now."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from workbench.ui.common.views import claim_to_change


@dataclass
class Window:
    """The little of the window the guard reads: the selection, the desk, the status bar."""

    selected: Any = None
    read_only: bool = False
    reviewer: Any = None
    name_given: str | None = None
    messages: list[str] = field(default_factory=list)
    asked: int = 0

    @property
    def desk(self) -> SimpleNamespace:
        return SimpleNamespace(read_only=self.read_only, reviewer=self.reviewer)

    def current_claim(self) -> Any:
        return self.selected

    def show_status(self, message: str, msecs: int = 0) -> None:
        self.messages.append(message)

    def ensure_reviewer(self, name: str | None = None) -> bool:
        self.asked += 1
        if self.name_given:
            self.reviewer = SimpleNamespace(name=self.name_given)
        return self.name_given is not None


def test_nothing_selected_says_so() -> None:
    window = Window()
    assert claim_to_change(window) is None  # type: ignore[arg-type]
    assert window.messages == ["Select a claim first."]


def test_a_read_only_file_says_so_and_asks_nobody() -> None:
    window = Window(selected="claim", read_only=True)
    assert claim_to_change(window) is None  # type: ignore[arg-type]
    assert "read-only" in window.messages[0] and window.asked == 0


def test_the_reviewer_is_asked_for_once_and_a_refusal_changes_nothing() -> None:
    refused = Window(selected="claim")
    assert claim_to_change(refused) is None  # type: ignore[arg-type]
    assert refused.asked == 1
    named = Window(selected="claim", name_given="Ana")
    assert claim_to_change(named) == "claim"  # type: ignore[arg-type]
    assert claim_to_change(named) == "claim"  # type: ignore[arg-type]
    assert named.asked == 1 and named.messages == []


def test_a_record_correction_asks_no_name() -> None:
    window = Window(selected="claim")
    assert claim_to_change(window, by_reviewer=False) == "claim"  # type: ignore[arg-type]
    assert window.asked == 0
