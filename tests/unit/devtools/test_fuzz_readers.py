"""The reader fuzzer's small run: every reader, generated inputs, no uncaught error."""

from __future__ import annotations

from workbench.devtools.fuzz_readers import main, run


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
