"""The domain, ingest, claims and store layers never import Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "workbench"
QT_FREE = ["model.py", "ingest", "claims", "store", "services", "scales.py"]


def _python_files(name: str) -> list[Path]:
    path = PACKAGE / name
    return [path] if path.is_file() else sorted(path.rglob("*.py"))


@pytest.mark.parametrize("name", QT_FREE)
def test_layer_source_never_imports_qt(name: str) -> None:
    files = _python_files(name)
    if not files:
        pytest.skip(f"workbench/{name} does not exist yet")
    offenders = []
    for file in files:
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            modules = []
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module]
            offenders += [f"{file.name}: {m}" for m in modules if m.split(".")[0] == "PySide6"]
    assert offenders == []


def test_importing_the_core_layers_loads_no_qt() -> None:
    code = (
        "import sys, workbench.model, workbench.ingest, workbench.store, workbench.services.library;"
        "import importlib.util as u;"
        "u.find_spec('workbench.claims') and __import__('workbench.claims');"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
