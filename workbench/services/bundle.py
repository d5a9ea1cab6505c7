"""Review bundles: a few articles with everything hanging from them, in one zip file.

A bundle holds ``workbench.sqlite3`` (a small workbench database: the articles, their claims,
the verdicts with their sources and attached files, final verdicts, the reviewers who appear
and the history of all of these; earlier changes to anything else are carried without their
content, so that the history verifies and nothing else is sent) and ``manifest.json`` (the bundle's format and version, and
the SHA-256 and size of every member). It travels by e-mail or on a USB stick; merging it
(``workbench merge FILE.zip``) checks every digest first and refuses a bundle that does not
match, changing nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbench import __version__
from workbench.model import now_iso
from workbench.store import Store, StoreError
from workbench.store.bundle_db import bundle_database

BUNDLE_FORMAT = "factcheck-workbench-bundle"
BUNDLE_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "workbench.sqlite3"
#: A bundle's database larger than this is refused (a bundle is a few articles' work).
MAX_DATABASE_BYTES = 2 * 1024**3
#: A contents list larger than this is refused unread (it lists one member).
MAX_MANIFEST_BYTES = 1024**2


class BundleError(StoreError):
    """A file that is not a sound review bundle; nothing was changed."""


@dataclass
class BundleInfo:
    """What :func:`write_bundle` wrote."""

    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    titles: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """What the bundle holds, in words."""
        c = self.counts
        held = ", ".join(
            f"{c.get(table, 0)} {one if c.get(table, 0) == 1 else many}"
            for table, one, many in (
                ("articles", "article", "articles"),
                ("claims", "claim", "claims"),
                ("verdicts", "verdict", "verdicts"),
                ("sources", "source", "sources"),
                ("reviewers", "reviewer", "reviewers"),
            )
        )
        out = [
            f"Wrote the review bundle “{self.path.name}”: {held}.",
            "Your colleague merges it with File ▸ Merge a colleague's work… "
            "or `workbench merge FILE`.",
        ]
        others = c.get("other_events", 0)
        if others:
            out.append(
                f"So that its history can be verified, the bundle carries {others} earlier "
                f"{'change' if others == 1 else 'changes'} to other articles of this file "
                "without their content: no title, claim, verdict or source of another article "
                "is in it."
            )
        return out


def is_bundle(path: str | Path) -> bool:
    """True when ``path`` is a zip file (a bundle or meant as one)."""
    try:
        return zipfile.is_zipfile(path)
    except OSError:
        return False


def write_bundle(store: Store, article_ids: Sequence[str], out: str | Path) -> BundleInfo:
    """Write a bundle of ``article_ids`` (full ids) to ``out`` (a new .zip file)."""
    out = Path(out)
    if not article_ids:
        raise BundleError("Name at least one article to put in the bundle; nothing was written.")
    if out.exists():
        raise BundleError(f"“{out.name}” already exists; choose another name. Nothing was written.")
    titles = [store.get_article(a).title for a in article_ids]
    # Built in memory, never in a temporary file: the open file may be encrypted, and only
    # the zip the user asked for may hold its content in plain form.
    counts, data = bundle_database(store, list(dict.fromkeys(article_ids)))
    manifest = {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "created_at": now_iso(),
        "program": f"Factcheck Workbench {__version__}",
        "articles": [{"id": a, "title": t} for a, t in zip(article_ids, titles, strict=True)],
        "members": {DATABASE: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}},
    }
    partial = out.with_name(out.name + ".partial")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
            zf.writestr(DATABASE, data)
        os.replace(partial, out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BundleError(f"Could not write “{out.name}”: {exc.strerror or exc}.") from exc
    return BundleInfo(out, counts, titles)


def open_bundle(path: str | Path, into: Path) -> Path:
    """Check the bundle at ``path`` and unpack its database into the folder ``into``.

    Raises :class:`BundleError` for a file that is not a bundle, a newer bundle format, or a
    member whose digest or size does not match the manifest.
    """
    path = Path(path)
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            members = _manifest(zf, name)["members"]
            expected = members.get(DATABASE) if isinstance(members, dict) else None
            if not isinstance(expected, dict) or DATABASE not in zf.namelist():
                raise BundleError(f"“{name}” holds no workbench database; nothing was changed.")
            info = zf.getinfo(DATABASE)
            if info.file_size > MAX_DATABASE_BYTES or info.file_size != expected.get("size"):
                raise _mismatch(name)
            dest = into / DATABASE
            digest = hashlib.sha256()
            with zf.open(info) as member, open(dest, "wb") as handle:
                while chunk := member.read(1 << 20):
                    digest.update(chunk)
                    handle.write(chunk)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        KeyError,
        NotImplementedError,
        zlib.error,
    ) as exc:
        raise BundleError(
            f"“{name}” is damaged: it cannot be read as a review bundle. Nothing was changed."
        ) from exc
    except RuntimeError as exc:
        # zipfile's word for a member locked with a password (caught after its subclass above)
        raise BundleError(
            f"“{name}” is locked with a password; a review bundle never is. Ask for it "
            "again as written by `workbench bundle`. Nothing was changed."
        ) from exc
    except OSError as exc:
        raise BundleError(
            f"Could not read “{name}”: {exc.strerror or exc}. Nothing was changed."
        ) from exc
    if digest.hexdigest() != expected.get("sha256"):
        dest.unlink(missing_ok=True)
        raise _mismatch(name)
    return dest


def _mismatch(name: str) -> BundleError:
    return BundleError(
        f"“{name}” does not match its own list of contents (it was changed or damaged on the "
        "way). Ask for it again; nothing was changed."
    )


def _manifest(zf: zipfile.ZipFile, name: str) -> dict[str, object]:
    try:
        if zf.getinfo(MANIFEST).file_size > MAX_MANIFEST_BYTES:
            raise BundleError(
                f"The contents list of “{name}” is far too large to be a review bundle's; "
                "it may be damaged. Nothing was changed."
            )
        with zf.open(MANIFEST) as member:
            raw = member.read(MAX_MANIFEST_BYTES + 1)
        if len(raw) > MAX_MANIFEST_BYTES:
            raise BundleError(f"The contents list of “{name}” is damaged; nothing was changed.")
        manifest = json.loads(raw.decode("utf-8"))
    except KeyError:
        raise BundleError(
            f"“{name}” is a zip file but not a review bundle (it has no {MANIFEST}). "
            "Nothing was changed."
        ) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise BundleError(
            f"The contents list of “{name}” is damaged; nothing was changed."
        ) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
        raise BundleError(
            f"“{name}” is not a Factcheck Workbench review bundle; nothing was changed."
        )
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > BUNDLE_VERSION:
        raise BundleError(
            f"“{name}” was written by a newer version of Factcheck Workbench; update the "
            "program to merge it. Nothing was changed."
        )
    if not isinstance(manifest.get("members"), dict):
        raise BundleError(f"The contents list of “{name}” is damaged; nothing was changed.")
    return manifest
