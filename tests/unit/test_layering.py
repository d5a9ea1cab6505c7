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


def _store_errors() -> set[str]:
    """The exception classes of workbench.store.errors: all that ui/ may name from the store."""
    import workbench.store.errors as errors

    return {
        name
        for name, value in vars(errors).items()
        if isinstance(value, type)
        and issubclass(value, BaseException)
        and value.__module__ == errors.__name__
    }


def _imported_module(file: Path, node: ast.ImportFrom) -> str:
    """The absolute module of ``from … import``, relative imports resolved against ``file``."""
    if not node.level:
        return node.module or ""
    package = file.relative_to(PACKAGE.parent).with_suffix("").parts[: -node.level]
    return ".".join([*package, *([node.module] if node.module else [])])


def test_ui_takes_nothing_from_the_store_but_its_errors() -> None:
    """Widgets reach the database through the services; they may only catch the store's errors.

    Allowed: ``from workbench.store import X`` or ``from workbench.store.errors import X`` where
    every X is an exception class defined in ``workbench/store/errors.py``. Anything else that
    names the store (``import workbench.store``, ``Store``, a store submodule, a constant) is
    refused, at module level, in a function or under ``TYPE_CHECKING`` alike.
    """
    allowed = _store_errors()
    offenders = []
    for file in _python_files("ui"):
        where = file.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                offenders += [
                    f"{where}:{node.lineno}: import {a.name}"
                    for a in node.names
                    if a.name == "workbench.store" or a.name.startswith("workbench.store.")
                ]
            elif isinstance(node, ast.ImportFrom):
                module = _imported_module(file, node)
                names = [a.name for a in node.names]
                if module == "workbench":
                    names = ["store"] if "store" in names else []
                elif module not in ("workbench.store", "workbench.store.errors"):
                    if module.startswith("workbench.store."):
                        offenders.append(f"{where}:{node.lineno}: from {module} import …")
                    continue
                offenders += [
                    f"{where}:{node.lineno}: from {module} import {name}"
                    for name in names
                    if name not in allowed
                ]
    assert offenders == []


def test_ui_and_the_app_never_reach_the_store_object() -> None:
    """Backing up, restoring, closing and finding articles go through the desk or the services."""
    offenders = [
        f"{file.relative_to(PACKAGE).as_posix()}:{node.lineno}"
        for file in [*_python_files("ui"), *_python_files("app.py")]
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr == "store"
    ]
    assert offenders == []
