"""Every developer tool imports on a machine with only the test extra (no torch, no sklearn)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import workbench.devtools as devtools

MODULES = sorted(m.name for m in pkgutil.iter_modules(devtools.__path__))


@pytest.mark.parametrize("name", MODULES)
def test_the_tool_imports(name: str) -> None:
    importlib.import_module(f"workbench.devtools.{name}")
