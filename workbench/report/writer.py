"""Atomic writes: a temporary file in the target folder, then ``os.replace``."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import ExportError


def write_atomic(path: str | Path, data: bytes | str | Callable[[], bytes | str]) -> Path:
    """Write ``data`` (or what the callable returns) to ``path``; nothing partial is ever left.

    A callable is rendered only once the folder is known to be writable, and if it fails the
    file already at ``path`` (if any) is kept as it was.
    """
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise ExportError(f"“{target}” is a folder; give a file name to export to.")
    if not folder.is_dir():
        raise ExportError(f"The folder “{folder}” does not exist; choose another place.")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ExportError(
            f"Cannot write to the folder “{folder}” ({exc.strerror or exc}); choose another place."
        ) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            content = data() if callable(data) else data
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates the file private; give it the permissions a normal save would.
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, target)
    except OSError as exc:
        _remove(tmp)
        raise ExportError(f"Could not write “{target.name}” ({exc.strerror or exc}).") from exc
    except BaseException:
        _remove(tmp)
        raise
    return target


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _read_umask() -> int:
    # os.umask can only be read by setting it; done once, at import, and put straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()
