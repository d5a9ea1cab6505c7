"""The review desk: Qt widgets, models and dialogs, one folder per feature.

``window/`` composes the others; ``common/`` is shared by all and imports none of them. A
controller (``*_controller.py``) is handed the window as a narrow view (a Protocol) and is
tested without it. A dialog (``*_dialog.py``) is imported only when first needed; the ones the
window opens are asked through ``window/hooks.py``, one place to replace in tests.
"""

from __future__ import annotations

import os
import sys

import PySide6.QtCore  # noqa: F401  (loads PySide6's import hook, which the table below feeds)

#: Folders whose modules may use Qt; every other layer of the program never imports it.
QT_FOLDERS = frozenset({"ui", "report", "cli", "devtools"})


def our_modules() -> dict[str, int]:
    """Every module of the program with the mark PySide6 gives it on import.

    PySide6 marks each module imported after it: 0 when it may use Qt, -1 when it never does
    (only such modules are left out of its "feature" switching, which this program never uses).
    To decide, it reads the module's whole source at import, ~90 files before the window shows.
    The layers tell it the answer instead: ``app`` and the Qt folders 0, the rest -1.
    """
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    marks: dict[str, int] = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith((".", "__"))]
        parts = os.path.relpath(folder, root).split(os.sep) if folder != root else []
        package = ".".join(("workbench", *parts))
        mark = 0 if parts and parts[0] in QT_FOLDERS else -1
        for name in files:
            if name.endswith(".py"):
                stem = name[:-3]
                module = package if stem == "__init__" else f"{package}.{stem}"
                marks[module] = 0 if module == "workbench.app" else mark
    return marks


def _tell_pyside() -> None:
    table = getattr(sys.modules.get("shibokensupport.feature"), "pyside_feature_dict", None)
    if isinstance(table, dict):  # PySide6's own table; left alone if a release renames it
        for module, mark in our_modules().items():
            table.setdefault(module, mark)
        # Python's own library never uses Qt either.
        stdlib = sys.stdlib_module_names
        for module in [*stdlib, *(m for m in sys.modules if m.partition(".")[0] in stdlib)]:
            table.setdefault(module, -1)


_tell_pyside()
