"""The Markdown report shows hostile text literally."""

from __future__ import annotations

from workbench.report.markdown import md_escape, md_line, render_markdown


def test_markdown_has_every_claim_verdict_and_source(report) -> None:
    md = render_markdown(report)
    assert md.startswith("# Fact-check: Kerry and Putin meet in Moscow")
    assert "### 1. TRUE" in md and "### 2. REVIEWERS DISAGREE" in md and "### 3. UNPROVEN" in md
    assert "<https://www.state.gov/readout-kerry-putin>" in md
    assert "**\\[1\\]**" in md  # claim marker in the appendix
    assert (
        "Kerry **\\[1\\]** *met with Russian President Vladimir Putin on Tuesday*, officials" in md
    )


def test_markup_in_text_is_escaped(report) -> None:
    md = render_markdown(report)
    assert "<script>" not in md
    assert "\\<script\\>" in md
    assert md_escape("a *b* [c](http://x) & <i>") == "a \\*b\\* \\[c\\](http://x) \\& \\<i\\>"
    assert md_line("# not a heading") == "\\# not a heading"
    assert md_line("1. not a list") == "\\1. not a list"
