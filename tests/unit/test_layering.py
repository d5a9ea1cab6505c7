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


#: Outside ``workbench/store/``, not scanned for SQL: ``devtools/`` holds the developer's
#: measuring and fixture scripts, never run by the program itself. They poke a database
#: directly on purpose: fixtures are written for an old schema without today's Store, and the
#: benches checkpoint the log between timings and sample ids to time.
SQL_FREE_EXEMPT = ("store", "devtools")
#: Connection methods that run SQL.
_RUNS_SQL = {"execute", "executescript", "executemany"}
#: Names under which a SQLite or SQLCipher module may be reached.
_SQLITE_MODULES = {"sqlite3", "sqlcipher3", "dbapi2"}
#: The store's own ways of opening a raw connection (workbench.store.cipher).
_RAW_CONNECTS = {"sqlcipher", "keyed_connect"}


def _sqlite_exception(name: str) -> bool:
    import sqlite3

    value = getattr(sqlite3, name, None)
    return isinstance(value, type) and issubclass(value, BaseException)


def _sql_outside_store(where: str, source: str) -> list[str]:
    """What in ``source`` runs SQL or handles a connection itself (see the test below)."""
    tree = ast.parse(source)
    found: list[str] = []
    sqlite_names = set()  # what ``import sqlite3 [as x]`` bound
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                root = alias.name.split(".")[0]
                if root == "sqlite3":
                    sqlite_names.add(alias.asname or root)
                elif root in ("sqlcipher3", "sqlite_utils"):
                    found.append(f"{where}:{node.lineno}: import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            root = node.module.split(".")[0]
            if root in ("sqlcipher3", "sqlite_utils"):
                found.append(f"{where}:{node.lineno}: from {node.module} import …")
            elif root == "sqlite3":
                found += [
                    f"{where}:{node.lineno}: from sqlite3 import {a.name}"
                    for a in node.names
                    if not _sqlite_exception(a.name)
                ]
    named = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id in sqlite_names:
                if not _sqlite_exception(node.attr):
                    found.append(f"{where}:{node.lineno}: {node.value.id}.{node.attr}")
            elif node.attr == "conn":
                found.append(f"{where}:{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.Name) and node.id in sqlite_names and id(node) not in named:
            found.append(f"{where}:{node.lineno}: {node.id}")  # the module itself handed on
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in _RUNS_SQL or name in _RAW_CONNECTS:
                found.append(f"{where}:{node.lineno}: {ast.unparse(func)}(…)")
            elif name == "connect" and isinstance(func, ast.Attribute):
                target = func.value
                if isinstance(target, ast.Call):
                    target = target.func
                receiver = getattr(target, "id", getattr(target, "attr", ""))
                if receiver in _SQLITE_MODULES or receiver in _RAW_CONNECTS:
                    found.append(f"{where}:{node.lineno}: {ast.unparse(func)}(…)")
            elif name == "query" and node.args:
                first = node.args[0]
                if isinstance(first, ast.JoinedStr) or (
                    isinstance(first, ast.Constant) and isinstance(first.value, str)
                ):
                    found.append(f"{where}:{node.lineno}: {ast.unparse(func)}(<SQL>)")
    return sorted(set(found))


def test_the_finder_of_sql_sees_each_way_of_running_it() -> None:
    code = (
        "import sqlite3\n"
        "from sqlite_utils import Database\n"
        "from sqlite3 import connect, IntegrityError\n"
        "from workbench.store.cipher import keyed_connect, sqlcipher\n"
        "def f(store, db, key):\n"
        "    store.conn.execute('PRAGMA temp_store = MEMORY')\n"
        "    db.executescript('DELETE FROM claims')\n"
        "    sqlite3.connect(db).executemany('INSERT INTO t VALUES (?)', [])\n"
        "    sqlcipher().connect(db)\n"
        "    keyed_connect(db, key, None)\n"
        "    store.query('SELECT uid FROM events')\n"
        "    try:\n"
        "        pass\n"
        "    except (sqlite3.Error, IntegrityError):\n"
        "        pass\n"
        "    button.clicked.connect(f)\n"
    )
    found = {line.split(": ", 1)[1] for line in _sql_outside_store("x.py", code)}
    assert found == {
        "from sqlite_utils import …",
        "from sqlite3 import connect",
        "store.conn",
        "store.conn.execute(…)",
        "db.executescript(…)",
        "sqlite3.connect",
        "sqlite3.connect(db).executemany(…)",
        "sqlite3.connect(…)",
        "sqlcipher(…)",
        "sqlcipher().connect(…)",
        "keyed_connect(…)",
        "store.query(<SQL>)",
    }


def test_only_the_store_runs_sql() -> None:
    """No module outside ``workbench/store/`` runs SQL or holds a connection of its own.

    Refused: calling ``.execute``, ``.executescript`` or ``.executemany``; opening a connection
    (``sqlite3.connect``, ``sqlcipher().connect``, ``keyed_connect``); reaching a store's
    connection (``.conn``); handing SQL text to ``Store.query``; importing ``sqlcipher3`` or
    ``sqlite_utils``, or anything of ``sqlite3`` but its exception classes (which the services
    and the window may catch). The services ask the store for named operations instead.
    """
    offenders = []
    for file in sorted(PACKAGE.rglob("*.py")):
        where = file.relative_to(PACKAGE).as_posix()
        if where.split("/")[0] in SQL_FREE_EXEMPT:
            continue
        offenders += _sql_outside_store(where, file.read_text(encoding="utf-8"))
    assert offenders == []
