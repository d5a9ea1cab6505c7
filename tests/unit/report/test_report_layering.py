"""The report layer draws with QtGui only, and only its PDF renderer touches Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

REPORT = Path(__file__).resolve().parents[3] / "workbench" / "report"


def _imports(file: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
    return found


def test_only_qtcore_and_qtgui_are_used() -> None:
    qt = {m for f in REPORT.rglob("*.py") for m in _imports(f) if m.startswith("PySide6")}
    assert qt <= {"PySide6.QtCore", "PySide6.QtGui"}


def test_text_formats_export_without_loading_qt() -> None:
    code = (
        "import sys, workbench.report.export, workbench.report.html, workbench.report.tabular,"
        " workbench.report.markdown, workbench.report.claimreview;"
        " print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
