"""PySide6 is told, not left to read, which of the program's modules use Qt (start-up speed)."""

from __future__ import annotations

import sys
from pathlib import Path

import workbench.ui
from workbench.ui import QT_FOLDERS, our_modules

ROOT = Path(workbench.ui.__file__).resolve().parent.parent


def _source(module: str) -> str:
    path = ROOT.parent / Path(*module.split("."))
    file = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    return file.read_text(encoding="utf-8")


def test_every_module_is_marked_as_pyside_itself_would_mark_it() -> None:
    marks = our_modules()
    assert len(marks) == len(list(ROOT.rglob("*.py")))
    for module, mark in marks.items():
        source = _source(module)
        # PySide6 marks a module 0 when its source names PySide6, -1 otherwise. A Qt-free layer
        # must never name it (or PySide6 would watch it); a 0 given to a module of a Qt folder
        # that does not is the same to PySide6, as no module switches Qt "features".
        assert "__feature__" not in source, module
        if mark == -1:
            assert "PySide6" not in source, f"{module} uses Qt: move it or widen QT_FOLDERS"
        else:
            assert module == "workbench.app" or module.split(".")[1] in QT_FOLDERS


def test_pyside_holds_the_marks_once_the_desk_is_loaded() -> None:
    table = sys.modules["shibokensupport.feature"].pyside_feature_dict
    assert table["workbench.store.core"] == -1
    assert table["workbench.ui.window.main_window"] == 0
    assert table["textwrap"] == -1
