"""Commands that keep the database safe: backup, restore, backups, check."""

from __future__ import annotations

import click

from workbench.settings import BACKUP_KEEP

from .common import (
    backups_passphrase,
    db_option,
    db_passphrase,
    fail,
    handle_errors,
    json_option,
    opened_store,
    print_json,
    progress_line,
    resolve_db,
    stop_on_ctrl_c,
)
from .root import main


@main.command("backup")
@click.option("--out", type=click.Path(), help="Write the backup here (a file or a folder).")
@json_option
@db_option
def backup_command(out: str | None, as_json: bool, db: str | None) -> None:
    """Write a checked copy of the database (default: its backups folder)."""
    from workbench.services.backup import backup_now

    # A copy only reads the file: it works while the window has it open, and on a read-only file.
    with opened_store(db, read_only=True) as store:
        path = backup_now(store, out)
    if as_json:
        print_json({"backup": str(path)})
    else:
        click.echo(f"Backed up to {path}")


@main.command("backups")
@click.option(
    "--keep",
    type=click.IntRange(min=BACKUP_KEEP.minimum),
    help=f"Keep this many automatic backups (up to {BACKUP_KEEP.maximum}; "
    f"{BACKUP_KEEP.default} unless changed).",
)
@json_option
@db_option
def backups_command(keep: int | None, as_json: bool, db: str | None) -> None:
    """List the database's backups, newest first."""
    from workbench.services.backup import list_backups
    from workbench.services.review import save_settings

    path = resolve_db(db)
    if keep is not None:
        with opened_store(db) as store:
            save_settings(store, {BACKUP_KEEP.key: keep})
    backups = list_backups(path)
    if as_json:
        print_json(
            [
                {
                    "path": str(b.path),
                    "created": b.created.isoformat(),
                    "kind": b.kind,
                    "bytes": b.size,
                }
                for b in backups
            ]
        )
        return
    if not backups:
        click.echo(f"No backups of {path.name} yet. Make one with `workbench backup`.")
    for number, b in enumerate(backups, 1):
        click.echo(f"{number:>3}. {b.label}  {b.size // 1024} KB  {b.path.name}")


@main.command("restore")
@click.argument("backup")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@db_option
def restore_command(backup: str, yes: bool, db: str | None) -> None:
    """Replace the database with BACKUP (a file, a number from `workbench backups`, or "latest").

    The current file is kept as a backup first, so the restore can be undone.
    """
    from pathlib import Path

    from workbench.services.backup import latest_good_backup, list_backups, restore_backup
    from workbench.store.backup import inspect_backup

    path = resolve_db(db)
    passphrase = backups_passphrase(path)
    if backup == "latest":
        found = latest_good_backup(path, passphrase=passphrase)
        if found is None:
            fail(f"No backup of {path.name} passes its checks.")
        source = found.path
    elif backup.isdigit() and not Path(backup).exists():
        backups = list_backups(path)
        if not 1 <= int(backup) <= len(backups):
            fail(f"There is no backup number {backup}; see `workbench backups`.")
        source = backups[int(backup) - 1].path
    else:
        source = Path(backup)
    with handle_errors():
        info = inspect_backup(source, key=passphrase)
    counts = ", ".join(
        f"{n} {t if n != 1 else t.removesuffix('s')}" for t, n in info.counts.items()
    )
    if not yes:
        click.confirm(
            f"Replace {path.name} with {source.name} ({counts})? The current file is kept as a backup.",
            abort=True,
        )
    with handle_errors():
        saved = restore_backup(path, source, passphrase=passphrase)
    click.echo(f"Restored {source.name} ({counts}).")
    if saved is not None:
        click.echo(f"The replaced file was kept as {saved}; restore it to undo.")


@main.command("check")
@json_option
@db_option
def check_command(as_json: bool, db: str | None) -> None:
    """Check the database: integrity, links, search indexes, claim spans. Exit 1 on any problem."""
    from workbench.services.backup import latest_good_backup
    from workbench.services.database import check_database

    path = resolve_db(db)
    # check opens the file read-only: stopping it at any point leaves the file as it was.
    with (
        stop_on_ctrl_c("Stopped; nothing was changed."),
        progress_line() as progress,
        handle_errors(),
    ):
        report = check_database(path, progress, passphrase=db_passphrase(path))
    if as_json:
        print_json(
            {
                "path": str(path),
                "ok": report.ok,
                "problems": report.problems,
                "counts": report.counts,
            }
        )
    else:
        for table, n in report.counts.items():
            click.echo(f"{table:<9} {n}")
        if report.ok:
            click.echo(f"{path.name}: no problems found.")
        else:
            click.echo(f"{path.name}: {len(report.problems)} problem(s):", err=True)
            for problem in report.problems:
                click.echo(f"  - {problem}", err=True)
            good = latest_good_backup(path, passphrase=db_passphrase(path))
            if good is not None:
                click.echo(
                    f"The backup of {good.label} passes every check: "
                    "`workbench restore latest` puts it back.",
                    err=True,
                )
    if not report.ok:
        raise SystemExit(1)
