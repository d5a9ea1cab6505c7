"""The reader fuzzer's small run: every reader, generated inputs, no uncaught error."""

from __future__ import annotations

import subprocess

import pytest

from workbench.devtools.fuzz_readers import Tally, _report, main, run, run_isolated


def test_small_fuzz_run_has_no_uncaught_errors() -> None:
    tallies = run(inputs=40, seed=16, kinds=[".txt", ".md", ".html", ".docx", ".pdf", "pasted"])
    assert {kind: t.inputs for kind, t in tallies.items()} == dict.fromkeys(tallies, 40)
    assert [error for t in tallies.values() for error in t.uncaught] == []
    # The mutations reach the readers' parsing, not only their first refusal.
    assert all(t.articles for t in tallies.values())


def test_report_names_the_figures(capsys) -> None:
    assert main(["--inputs", "3", "--readers", ".txt,pasted"]) == 0
    out = capsys.readouterr().out
    assert "peak memory" in out and "slowest" in out and "uncaught" in out


def test_each_reader_runs_in_a_process_of_its_own() -> None:
    tallies = run_isolated(inputs=5, seed=16, kinds=[".txt", ".md"])
    assert {kind: t.inputs for kind, t in tallies.items()} == {".txt": 5, ".md": 5}
    # The peak is the child's own, not this test process's (which has read nothing yet).
    assert all(0 < t.peak_mb < 200 for t in tallies.values())
    assert all(t.growth_input for t in tallies.values())


def test_a_reader_process_that_dies_is_an_uncaught_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def killed(command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(command, -9, stdout="", stderr="Killed")

    monkeypatch.setattr(subprocess, "run", killed)
    (tally,) = run_isolated(inputs=5, seed=16, kinds=[".pdf"]).values()
    assert tally.uncaught == ["the .pdf process ended with code -9: Killed"]


def test_report_names_the_library_errors_behind_generic_refusals(capsys) -> None:
    tally = Tally(inputs=10, refused=3, generic=3, peak_mb=50.0, slowest=0.1)
    tally.generic_causes.update({"pypdf.errors.LimitReachedError": 2, "builtins.KeyError": 1})
    _report({".pdf": tally}, seconds=1.0)
    out = capsys.readouterr().out
    assert (
        "generic refusals of .pdf came from: pypdf.errors.LimitReachedError ×2, "
        "builtins.KeyError ×1"
    ) in out
