"""Where the files of an export go, and that a failed export writes nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from workbench.report import ExportError
from workbench.report.export import export_report, plan_paths


def test_one_format_to_a_file_or_into_a_folder(tmp_path: Path) -> None:
    assert plan_paths(["md"], tmp_path / "x.md", "s") == {"md": tmp_path / "x.md"}
    assert plan_paths(["md"], tmp_path, "s") == {"md": tmp_path / "s.md"}
    assert plan_paths(["md"], f"{tmp_path}/new/", "s") == {"md": tmp_path / "new" / "s.md"}
    assert (tmp_path / "new").is_dir()


def test_several_formats_into_a_new_folder(tmp_path: Path) -> None:
    paths = plan_paths(["pdf", "claimreview"], tmp_path / "out", "s")
    assert paths == {
        "pdf": tmp_path / "out" / "s.pdf",
        "claimreview": tmp_path / "out" / "s.claimreview.jsonld",
    }
    with pytest.raises(ExportError, match="looks like a file name"):
        plan_paths(["pdf", "html"], tmp_path / "r.jsonld", "s")
    with pytest.raises(ExportError, match="does not exist"):
        plan_paths(["pdf", "html"], tmp_path / "a" / "b", "s")


def test_unknown_or_no_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="not an export format"):
        plan_paths(["docx"], tmp_path, "s")
    with pytest.raises(ExportError, match="at least one format"):
        plan_paths([], tmp_path, "s")


def test_a_failing_format_means_no_file_at_all(report, tmp_path: Path, monkeypatch) -> None:
    import workbench.report.tabular as tabular

    def broken(_report) -> str:
        raise ExportError("CSV broke")

    monkeypatch.setattr(tabular, "render_csv", broken)
    with pytest.raises(ExportError, match="CSV broke"):
        export_report(report, ["html", "md", "csv"], tmp_path)
    assert list(tmp_path.glob("factcheck-*")) == []


def test_keep_going_writes_the_formats_that_work(report, tmp_path: Path, monkeypatch) -> None:
    import workbench.report.tabular as tabular

    def broken(_report) -> str:
        raise RuntimeError("CSV broke")

    monkeypatch.setattr(tabular, "render_csv", broken)
    report.options = replace(report.options, base_url=None)
    out = tmp_path / "out"
    result = export_report(report, ["md", "csv", "claimreview"], out, keep_going=True)
    assert [p.suffix for p in result.paths] == [".md"]
    assert set(result.failed) == {"CSV", "ClaimReview"}
    assert "CSV broke" in result.failed["CSV"]
    assert "web address where the report will be published" in result.failed["ClaimReview"]
    assert "--base-url" not in result.failed["ClaimReview"]
    assert [p.name for p in out.iterdir()] == [result.paths[0].name]
