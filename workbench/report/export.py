"""Export a report to one or several formats: choose file names, render, then write atomically."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .data import Report
from .errors import ExportError
from .formats import FORMATS, Format, base_url_problem, get_format, require_base_url
from .text import slugify
from .writer import write_atomic


@dataclass(slots=True)
class ExportResult:
    """The files written and anything the journalist should know about them."""

    paths: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: Formats that could not be written (their title → why), with ``keep_going``.
    failed: dict[str, str] = field(default_factory=dict)


def default_stem(report: Report) -> str:
    """``factcheck-<article-title>``, safe as a file name."""
    return "factcheck-" + slugify(report.article.title, fallback="article")


def plan_paths(formats: Sequence[str], out: str | Path | None, stem: str) -> dict[str, Path]:
    """Where each format goes.

    One format: ``out`` is the file (or, when it is an existing folder, the folder for it).
    Several formats: ``out`` is a folder (created if missing), one file per format inside.
    No ``out``: the current folder.
    """
    names = _check_formats(formats)
    target = Path(out) if out is not None else Path.cwd()
    folder_given = out is None or target.is_dir() or str(out).endswith(("/", "\\"))
    if len(names) == 1 and not folder_given:
        return {names[0]: target}
    if not target.is_dir():
        trailing_slash = str(out).endswith(("/", "\\"))
        if not trailing_slash and target.suffix.lower() in {
            "." + f.suffix.rsplit(".", 1)[-1] for f in FORMATS.values()
        }:
            raise ExportError(
                f"Several formats go into a folder; “{target.name}” looks like a file name. "
                "Give a folder with --out."
            )
        if not target.parent.is_dir():
            raise ExportError(f"The folder “{target.parent}” does not exist; choose another place.")
        try:
            target.mkdir()
        except OSError as exc:
            raise ExportError(
                f"Could not create the folder “{target}” ({exc.strerror or exc})."
            ) from exc
    return {name: target / f"{stem}{FORMATS[name].suffix}" for name in names}


def _check_formats(formats: Sequence[str]) -> list[str]:
    names = list(dict.fromkeys(f.strip().lower() for f in formats if f.strip()))
    if not names:
        raise ExportError("Choose at least one format to export.")
    unknown = [n for n in names if n not in FORMATS]
    if unknown:
        raise ExportError(
            f"“{unknown[0]}” is not an export format; choose from {', '.join(FORMATS)}."
        )
    return names


def renderer(name: str) -> Callable[[Report], bytes | str]:
    """The function that renders one format (Qt is imported only for PDF)."""
    return get_format(name).renderer()


def export_report(
    report: Report,
    formats: Sequence[str],
    out: str | Path | None = None,
    *,
    keep_going: bool = False,
) -> ExportResult:
    """Render every format first, then write each file atomically; nothing is written on error.

    With ``keep_going`` a format that cannot be rendered or written is listed in
    :attr:`ExportResult.failed` and the others are still written.
    """
    names = _check_formats(formats)
    result = ExportResult()
    chosen = [FORMATS[name] for name in names]
    if keep_going:
        return _export_each(report, chosen, out, result)
    # Refuse a missing web address before anything is rendered.
    for fmt in chosen:
        if fmt.needs_base_url:
            require_base_url(report, fmt.title)
    for fmt in chosen:
        result.notes += fmt.notes(report)
    paths = plan_paths(names, out, default_stem(report))
    rendered = {name: renderer(name)(report) for name in names}
    for name in names:
        result.paths.append(write_atomic(paths[name], rendered[name]))
    return result


def _export_each(
    report: Report, chosen: list[Format], out: str | Path | None, result: ExportResult
) -> ExportResult:
    """Each format on its own: one that fails is recorded in ``result.failed``."""
    paths = plan_paths([f.name for f in chosen], out, default_stem(report))
    for fmt in chosen:
        try:
            problem = base_url_problem(report) if fmt.needs_base_url else None
            if problem:
                raise ExportError(problem)
            content = fmt.renderer()(report)
            notes = fmt.notes(report)
            result.paths.append(write_atomic(paths[fmt.name], content))
        except ExportError as exc:
            result.failed[fmt.title] = str(exc)
        except OSError as exc:
            result.failed[fmt.title] = f"The file could not be written ({exc.strerror or exc})."
        except Exception as exc:  # a renderer bug must not take the other formats with it
            result.failed[fmt.title] = f"It could not be made ({type(exc).__name__}: {exc})."
        else:
            result.notes += notes
    return result
