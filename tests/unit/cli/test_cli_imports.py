"""The command modules import the root group, never the package that imports them."""

from __future__ import annotations

import ast
from pathlib import Path

CLI = Path(__file__).resolve().parents[3] / "workbench" / "cli"


def test_no_command_module_imports_the_cli_package() -> None:
    offenders = []
    for file in sorted(CLI.glob("*.py")):
        if file.name == "__init__.py":
            continue
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom):
                continue
            if (node.level == 1 and node.module is None) or node.module == "workbench.cli":
                offenders.append(file.name)
    assert offenders == []
