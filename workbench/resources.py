"""Access to the files in ``resources/`` whether running from a checkout or an installed wheel."""

from __future__ import annotations

import sys
from pathlib import Path


def _data_dir(name: str) -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        bundled = Path(frozen) / "workbench" / name
        if bundled.is_dir():
            return bundled
    # An installed wheel keeps them inside the package.
    packaged = Path(__file__).resolve().parent / name
    if packaged.is_dir():
        return packaged
    # An editable install or a source checkout: the top-level folder next to the package.
    return Path(__file__).resolve().parent.parent / name


def resource_dir() -> Path:
    """The folder that holds the program's resources."""
    return _data_dir("resources")


def seeds_dir() -> Path:
    """The folder with the sample article(s) imported into a new database."""
    return _data_dir("seeds")


def resource_path(*parts: str) -> Path:
    """The path of one resource file, e.g. ``resource_path("scales", "standard.json")``."""
    return resource_dir().joinpath(*parts)
