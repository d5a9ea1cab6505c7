"""Saving a source's attached file to a folder the journalist chose."""

from __future__ import annotations

from pathlib import Path

from workbench.store import InvalidInputError, Store
from workbench.store.attachments import safe_attachment_name


def export_attachment(store: Store, source_id: str, folder: str | Path) -> Path:
    """Write the attachment into ``folder`` under its (safe) name; never overwrites a file."""
    source = store.get_source(source_id)
    data = store.get_attachment(source_id)
    if data is None:
        raise InvalidInputError("This source has no attached file.")
    folder = Path(folder).resolve()
    name = safe_attachment_name(source.attachment_name)
    stem, dot, ext = name.rpartition(".")
    stem, ext = (stem, dot + ext) if dot and stem else (name, "")
    target = folder / name
    n = 2
    while True:
        # The name is checked again here: the file must land directly inside the folder.
        if target.resolve().parent != folder:
            raise InvalidInputError(f"“{name}” cannot be saved in that folder.")
        try:
            with open(target, "xb") as handle:  # "x": fail rather than replace an existing file
                handle.write(data)
            return target
        except FileExistsError:
            target = folder / f"{stem} ({n}){ext}"
            n += 1
