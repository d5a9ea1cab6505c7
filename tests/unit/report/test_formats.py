"""The export formats are declared once, and a declared format is enough to export it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from workbench.report import ExportError
from workbench.report.export import export_report, plan_paths, renderer
from workbench.report.formats import FORMATS, Format, spoken_list

#: A format the app does not have, declared the way a real one is.
PLAIN = Format(
    "txt", "Plain text", "Plain text — to paste", ".txt", "Text", "markdown:render_markdown"
)


@pytest.mark.parametrize("fmt", FORMATS.values(), ids=list(FORMATS))
def test_each_format_is_declared_completely(fmt: Format) -> None:
    assert FORMATS[fmt.name] is fmt and fmt.name == fmt.name.lower()
    assert fmt.suffix.startswith(".") and fmt.label and fmt.title and fmt.description
    assert callable(fmt.renderer())


def test_names_suffixes_and_labels_are_distinct() -> None:
    for field in ("suffix", "label", "title"):
        values = [getattr(f, field) for f in FORMATS.values()]
        assert len(set(values)) == len(values), field


def test_a_format_added_to_the_registry_is_exported(report, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(FORMATS, "txt", PLAIN)
    assert plan_paths(["txt"], tmp_path, "s") == {"txt": tmp_path / "s.txt"}
    result = export_report(report, ["md", "txt"], tmp_path)
    assert [p.suffix for p in result.paths] == [".md", ".txt"]
    assert result.paths[1].read_text("utf-8") == result.paths[0].read_text("utf-8")


def test_a_format_that_links_to_the_report_needs_its_address(
    report, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setitem(FORMATS, "txt", replace(PLAIN, needs_base_url=True))
    unpublished = replace(report, options=replace(report.options, base_url=None))
    with pytest.raises(ExportError, match="Plain text needs the web address"):
        export_report(unpublished, ["md", "txt"], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_claimreview_notes_come_from_its_declaration(report, tmp_path: Path) -> None:
    result = export_report(report, ["claimreview"], tmp_path)
    assert result.notes == FORMATS["claimreview"].notes(report)
    assert "on which reviewers disagree" in result.notes[0]


def test_an_undeclared_name_has_no_renderer() -> None:
    with pytest.raises(ExportError, match="not an export format"):
        renderer("docx")


def test_spoken_list() -> None:
    assert spoken_list(["pdf"]) == "pdf"
    assert spoken_list(["pdf", "html", "md"]) == "pdf, html or md"
