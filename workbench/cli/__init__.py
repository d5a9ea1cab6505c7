"""The ``workbench`` command: no arguments opens the window; subcommands run headless."""

from __future__ import annotations

# Importing a command module adds its commands to ``main``; the modules import ``main`` from
# ``.root``, not from here, so that nothing imports this package back while it loads.
from . import (  # noqa: F401
    agreement,
    articles,
    audit,
    blind,
    claims_edit,
    encryption,
    export,
    extract,
    final,
    history,
    library,
    maintenance,
    merge,
)
from .root import main

__all__ = ["main"]
