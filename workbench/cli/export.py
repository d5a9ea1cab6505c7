"""``workbench export``: write the fact-check report of an article."""

from __future__ import annotations

import click

from workbench.report.formats import FORMATS, spoken_list
from workbench.settings import REPORT_ALL_CLAIMS, REPORT_PAGE_SIZE

from .common import db_option, handle_errors, json_option, opened_store, print_json, shown
from .root import main

DEFAULT_FORMAT = "pdf"


def _split_formats(
    _ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]
) -> list[str]:
    names = [part.strip().lower() for item in value for part in item.split(",") if part.strip()]
    for name in names:
        # Read when the command runs: every format declared in the registry is accepted.
        if name not in FORMATS:
            raise click.BadParameter(f"“{name}” is not a format; choose from {', '.join(FORMATS)}.")
    return names or [DEFAULT_FORMAT]


@main.command("export")
@click.argument("article")
@click.option(
    "--format",
    "-f",
    "formats",
    multiple=True,
    callback=_split_formats,
    help=f"{spoken_list(FORMATS)}; repeat or separate with commas (default: {DEFAULT_FORMAT}).",
)
@click.option(
    "--out",
    "-o",
    type=click.Path(),
    help="With one format: the file to write (or a folder for it). With several: a folder, "
    "created if needed, that receives one file per format. Default: the current folder.",
)
@click.option(
    "--reviewer", "reviewers", multiple=True, help="Only this reviewer's verdicts (repeatable)."
)
@click.option("--include-dismissed", is_flag=True, help="Also list claims that were dismissed.")
@click.option(
    "--all-claims/--reviewed-only",
    default=None,
    help="Also list the claims nobody reviewed, in every format (default: only claims someone "
    "rated, unless the setting report_all_claims says otherwise).",
)
@click.option(
    "--page-size",
    type=click.Choice(["A4", "Letter"], case_sensitive=False),
    help="PDF page size (default: the setting report_page_size, else A4).",
)
@click.option(
    "--organisation", help="The publishing organisation (default: the setting organisation_name)."
)
@click.option("--organisation-url", help="Its web address (default: the setting organisation_url).")
@click.option(
    "--base-url",
    help="Where the report will be published, for ClaimReview (default: the setting report_base_url).",
)
@json_option
@db_option
def export_command(
    article: str,
    formats: list[str],
    out: str | None,
    reviewers: tuple[str, ...],
    include_dismissed: bool,
    all_claims: bool | None,
    page_size: str | None,
    organisation: str | None,
    organisation_url: str | None,
    base_url: str | None,
    as_json: bool,
    db: str | None,
) -> None:
    """Write ARTICLE's fact-check report (CSV files start with a byte-order mark for spreadsheets)."""
    from workbench.report import ReportOptions, build_report
    from workbench.report.export import export_report

    with opened_store(db, read_only=True) as store:
        article_id = store.resolve_id("articles", article, "article")
        options = ReportOptions.from_store(
            store,
            reviewers=tuple(reviewers) or None,
            include_dismissed=include_dismissed,
            all_claims=all_claims,
            page_size=page_size,
            organisation_name=organisation,
            organisation_url=organisation_url,
            base_url=base_url,
        )
        report = build_report(store, article_id, options)
    with handle_errors():
        result = export_report(report, formats, out)
    if as_json:
        print_json({"files": [str(p) for p in result.paths], "notes": result.notes})
        return
    for path in result.paths:
        click.echo(f"wrote {shown(path)}")
    for note in result.notes:
        click.echo(f"note: {shown(note)}", err=True)


@main.command("report-settings")
@click.option("--organisation", help="The publishing organisation's name.")
@click.option("--organisation-url", help="The organisation's web address.")
@click.option("--base-url", help="Where reports are published (used by ClaimReview).")
@click.option("--page-size", type=click.Choice(REPORT_PAGE_SIZE.choices, case_sensitive=False))
@click.option(
    "--all-claims/--reviewed-only",
    default=None,
    help="Whether reports list the claims nobody reviewed (by default they do not).",
)
@json_option
@db_option
def report_settings_command(
    organisation: str | None,
    organisation_url: str | None,
    base_url: str | None,
    page_size: str | None,
    all_claims: bool | None,
    as_json: bool,
    db: str | None,
) -> None:
    """Show the report settings of this database, or change those given."""
    from workbench.report.data import SETTING_KEYS, normalise_page_size
    from workbench.services.review import save_settings

    changes = {
        "organisation_name": organisation,
        "organisation_url": organisation_url,
        "base_url": base_url,
        "page_size": normalise_page_size(page_size) if page_size else None,
    }
    wanted: dict[str, object] = {
        SETTING_KEYS[name]: value.strip() for name, value in changes.items() if value is not None
    }
    if all_claims is not None:
        wanted[REPORT_ALL_CLAIMS.key] = all_claims
    with opened_store(db, read_only=not wanted) as store:
        save_settings(store, wanted)
        current = {key: store.get_setting(key) for key in SETTING_KEYS.values()}
        current[REPORT_ALL_CLAIMS.key] = REPORT_ALL_CLAIMS.read(store.get_setting)
    if as_json:
        print_json(current)
        return
    for key, value in current.items():
        click.echo(f"{key:<18} {value if value is not None else '(not set)'}")
