"""The fact-check library: ``workbench library``, ``library import`` and ``match``."""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Literal

import click

from .common import (
    INTERRUPTED,
    db_option,
    fail,
    json_option,
    opened_store,
    print_json,
    progress_line,
    shown,
    warn,
)
from .groups import DefaultGroup
from .root import main

if TYPE_CHECKING:
    from workbench.services.factchecks import Encoder, LibraryImport, Match

#: The fields of a match printed by ``match --json``, in this order (``title``, the fact-check's
#: headline or null, comes after the documented ones).
MATCH_FIELDS = ("url", "claim", "rating", "publisher", "date", "score", "title")


@main.group("library", cls=DefaultGroup, default="counts")
def library_group() -> None:
    """The library of earlier fact-checks: counts, or import files into it."""


@library_group.command("counts")
@json_option
@db_option
def counts_command(as_json: bool, db: str | None) -> None:
    """How many fact-checks the library holds: imported, and the team's own verdicts."""
    from workbench.services.factchecks import library_counts

    with opened_store(db, existing=True) as store:
        counts = library_counts(store)
    if as_json:
        print_json(counts)
        return
    click.echo(f"imported  {counts['import']:>9,}")
    click.echo(f"team      {counts['team']:>9,}")
    click.echo(f"in all    {sum(counts.values()):>9,}")


@library_group.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@json_option
@db_option
def import_command(files: tuple[str, ...], as_json: bool, db: str | None) -> None:
    """Import fact-checks: ClaimReview JSON-LD, DataFeed, saved pages, CSV, workbench exports.

    Ctrl+C stops after the batch being saved; what was saved before stays.
    """
    from workbench.services.factchecks import fill_vectors, import_files

    with opened_store(db) as store, progress_line() as bar, _ctrl_c_flag() as stop:
        progress = (
            (lambda what, done, total: bar(f"Importing {what}", done, total)) if bar else None
        )
        result = import_files(store, files, progress=progress, cancelled=lambda: bool(stop))
        # Nothing read (every file refused): nothing is written either.
        nothing = all(f.error for f in result.files)
        encoder = None if result.cancelled or nothing else _encoder()
        if encoder is not None:
            # Matched by meaning from now on, in the window too (which only reads the library).
            fill_vectors(
                store,
                encoder,
                progress=(lambda _what, done, total: bar("Reading their meaning", done, total))
                if bar
                else None,
                cancelled=lambda: bool(stop),
            )
    if as_json:
        print_json(_import_json(result))
    else:
        _print_import(result)
    if result.cancelled:
        fail(
            f"Stopped; {result.total('added'):,} fact-checks added before it are saved.",
            INTERRUPTED,
        )
    if any(f.error for f in result.files):
        sys.exit(1)


@contextmanager
def _ctrl_c_flag() -> Iterator[list[bool]]:
    """A list that becomes non-empty on the first Ctrl+C (the import stops between batches);
    a second Ctrl+C stops at once (the batch being saved is then left out whole).
    """
    pressed: list[bool] = []

    def handler(signum: int, frame: Any) -> None:
        if pressed:
            raise KeyboardInterrupt
        pressed.append(True)

    try:
        previous = signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread (tests running the command in a thread)
        yield pressed
        return
    try:
        yield pressed
    finally:
        signal.signal(signal.SIGINT, previous)


def _import_json(result: LibraryImport) -> dict[str, Any]:
    return {
        "cancelled": result.cancelled,
        "files": [
            {
                "file": f.name,
                "added": f.added,
                "updated": f.updated,
                "unchanged": f.unchanged,
                "bad": f.bad_items,
                "bad_reasons": dict(f.bad),
                "error": f.error,
            }
            for f in result.files
        ],
    }


def _print_import(result: LibraryImport) -> None:
    for f in result.files:
        if f.error:
            warn(f.error)
            continue
        line = (
            f"{shown(f.name)}: {f.added:,} added, {f.updated:,} updated, {f.unchanged:,} unchanged"
        )
        if f.bad_items:
            line += f", {f.bad_items:,} not imported"
        click.echo(line)
        for reason, count in f.bad.most_common():
            click.echo(f"  {count:,} not imported: {shown(reason)}")


@main.command("match")
@click.argument("text", required=False)
@click.option(
    "-k",
    "k",
    type=click.IntRange(min=1, max=100),
    default=5,
    show_default=True,
    help="How many matches.",
)
@click.option(
    "--stdin",
    "from_stdin",
    is_flag=True,
    help="Match each line of standard input; one JSON line per input line.",
)
@click.option(
    "--no-rerank",
    "no_rerank",
    is_flag=True,
    help="Order by words and meaning alone, without the re-ranker: quicker, a little less exact.",
)
@json_option
@db_option
def match_command(
    text: str | None, k: int, from_stdin: bool, no_rerank: bool, as_json: bool, db: str | None
) -> None:
    """The earlier fact-checks in the library that best match TEXT, best first."""
    from workbench.services.factchecks import match_many

    if from_stdin == bool(text):
        fail("Give a text to match, or --stdin to match each line of standard input.")
    with opened_store(db, existing=True) as store:
        encoder = _encoder()
        reranker: Literal["shipped"] | None = None if no_rerank else "shipped"
        if from_stdin:
            lines = [line.rstrip("\n") for line in sys.stdin]
            queries = [line for line in lines if line.strip()]
            for query, found in zip(
                queries, match_many(store, queries, k, encoder, reranker=reranker), strict=True
            ):
                click.echo(
                    json.dumps({"query": query, "matches": _json(found)}, ensure_ascii=False)
                )
            return
        assert text is not None
        [found] = match_many(store, [text], k, encoder, reranker=reranker)
    if as_json:
        print_json({"query": text, "matches": _json(found)})
        return
    if not found:
        click.echo("No earlier fact-check matches.")
    for m in found:
        where = " · ".join(shown(x) for x in (m.publisher, m.date) if x)
        click.echo(f"{m.score:.2f}  {shown(m.rating or 'no rating'):<14} {shown(m.claim)}")
        if m.title:
            click.echo(f"      “{shown(m.title)}”")
        if where or m.url:
            click.echo(f"      {where}  {shown(m.url or '')}".rstrip())


def _json(found: list[Match]) -> list[dict[str, Any]]:
    return [{name: getattr(m, name) for name in MATCH_FIELDS} for m in found]


def _encoder() -> Encoder | None:
    """The sentence encoder when it is installed with its model, else None (words only)."""
    from workbench.claims.errors import ClaimsError

    try:
        from workbench.claims.matching import load_encoder  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    try:
        encoder: Encoder | None = load_encoder()
    except (ClaimsError, OSError, RuntimeError, ValueError):  # the model is missing or damaged
        return None
    return encoder
