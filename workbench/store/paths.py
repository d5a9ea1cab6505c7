"""Where the default database lives."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "FactcheckWorkbench"
DB_FILE = "workbench.sqlite3"


def default_db_path() -> Path:
    """``$WORKBENCH_DB`` if set, else ``workbench.sqlite3`` in the platform's user data folder."""
    env = os.environ.get("WORKBENCH_DB")
    if env:
        return Path(env).expanduser()
    import platformdirs  # only here: a database given by path never needs it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILE
