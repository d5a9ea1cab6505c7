"""Encrypted workbench files: ``init``, ``encrypt``, ``decrypt``, ``rekey``.

Every passphrase comes through :mod:`.common` (``--passphrase-file``, given before the command,
``$WORKBENCH_PASSPHRASE_FILE``, or asked on a terminal); none is ever printed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import (
    ask_new_passphrase,
    db_option,
    fail,
    handle_errors,
    passphrase_for,
    progress_line,
    read_passphrase_file,
    resolve_db,
    shown,
    stdin_is_terminal,
    stop_on_ctrl_c,
)
from .root import main

if TYPE_CHECKING:
    from workbench.services.encryption import ConversionResult

_INTERRUPTED = "Stopped; the database was left as it was."


@main.command("init")
@click.option("--encrypt", is_flag=True, help="Create the file encrypted (asks for a passphrase).")
@db_option
def init_command(encrypt: bool, db: str | None) -> None:
    """Create a new, empty database (the --db file)."""
    from workbench.store import open_store

    path = resolve_db(db)
    if path.exists() and path.stat().st_size > 0:
        hint = " Use `workbench encrypt` to encrypt it." if encrypt else ""
        fail(f"“{shown(path)}” already exists; nothing was changed.{hint}")
    passphrase = passphrase_for("New passphrase", confirm=True) if encrypt else None
    with handle_errors():
        open_store(path, passphrase=passphrase).close()
    kind = "an encrypted" if encrypt else "a new"
    click.echo(f"Created {kind} database: {shown(path)}")
    if encrypt:
        click.echo("Keep the passphrase safe: without it nothing in the file can be read.")


@main.command("encrypt")
@click.option(
    "--remove-plaintext", is_flag=True, help="Remove the plaintext copies without asking."
)
@click.option("--keep-plaintext", is_flag=True, help="Keep the plaintext copies without asking.")
@db_option
def encrypt_command(remove_plaintext: bool, keep_plaintext: bool, db: str | None) -> None:
    """Encrypt the database with a passphrase (into a new file, checked, then swapped in)."""
    from workbench.services.encryption import encrypt_file

    path = _existing(db)
    passphrase = passphrase_for("New passphrase", confirm=True)
    with stop_on_ctrl_c(_INTERRUPTED), progress_line() as bar, handle_errors():
        result = encrypt_file(path, passphrase, bar)
    click.echo(f"Encrypted {shown(path.name)}.")
    _offer_removal(result, remove_plaintext, keep_plaintext)


@main.command("decrypt")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@db_option
def decrypt_command(yes: bool, db: str | None) -> None:
    """Store the database unencrypted again (its backups stay encrypted)."""
    from workbench.services.encryption import decrypt_file
    from workbench.store import is_encrypted

    path = _existing(db)
    if not is_encrypted(path):
        fail(f"“{shown(path.name)}” is not encrypted; nothing was changed.")
    if not yes:
        try:
            agreed = click.confirm(
                f"Store {shown(path.name)} without encryption? "
                "Anyone with the file can then read it.",
                err=True,
            )
        except click.Abort:  # no answer (end of input, Ctrl+C)
            agreed = False
        if not agreed:
            fail(
                f"{shown(path.name)} is still encrypted; nothing was changed. "
                "(Give --yes to decrypt without being asked.)"
            )
    passphrase = passphrase_for(f"Passphrase for {shown(path.name)}")
    with stop_on_ctrl_c(_INTERRUPTED), progress_line() as bar, handle_errors():
        result = decrypt_file(path, passphrase, bar)
    click.echo(f"Decrypted {shown(path.name)}: it is stored without encryption now.")
    if result.old_key_backups:
        click.echo(
            f"Its {len(result.old_key_backups)} encrypted backup(s) still need the passphrase."
        )


@main.command("rekey")
@click.option(
    "--new-passphrase-file",
    type=click.Path(dir_okay=False, exists=True),
    help="Read the new passphrase from this file (else it is asked for twice).",
)
@db_option
def rekey_command(new_passphrase_file: str | None, db: str | None) -> None:
    """Change the passphrase of an encrypted database."""
    from workbench.services.encryption import rekey
    from workbench.store import is_encrypted

    path = _existing(db)
    if not is_encrypted(path):
        fail(f"“{shown(path.name)}” is not encrypted; `workbench encrypt` encrypts it.")
    old = passphrase_for(f"Current passphrase for {shown(path.name)}")
    if new_passphrase_file:
        new = read_passphrase_file(new_passphrase_file)
    elif stdin_is_terminal():
        new = ask_new_passphrase("New passphrase")
    else:
        fail("Give the new passphrase with --new-passphrase-file PATH. Nothing was changed.")
    if new == old:
        fail("The new passphrase is the same as the old one; nothing was changed.")
    with stop_on_ctrl_c(_INTERRUPTED), progress_line() as bar, handle_errors():
        result = rekey(path, old, new, bar)
    click.echo(f"Changed the passphrase of {shown(path.name)}.")
    if result.old_key_backups:
        click.echo(
            f"Its {len(result.old_key_backups)} earlier backup(s) still open with the old "
            "passphrase only (remove them if it was exposed)."
        )


def _existing(db: str | None) -> Path:
    path = resolve_db(db)
    if not path.is_file():
        fail(f"“{shown(path)}” does not exist; nothing was changed.")
    return path


def _offer_removal(result: ConversionResult, remove: bool, keep: bool) -> list[Path]:
    """Say which plaintext files are left; remove them if the user agrees."""
    from workbench.services.encryption import remove_plaintext

    if not result.plaintext:
        return []
    click.echo("These files still hold the data unencrypted:")
    for path in result.plaintext:
        click.echo(f"  {shown(path)}")
    click.echo(result.warning)
    if keep:
        agreed = False
    elif remove:
        agreed = True
    elif stdin_is_terminal():
        agreed = click.confirm("Remove them now?", default=False)
    else:
        agreed = False
    if not agreed:
        click.echo("They were kept; remove them yourself when you no longer need them.")
        return []
    with handle_errors():
        removed = remove_plaintext(result.plaintext)
    click.echo(f"Removed {len(removed)} plaintext file(s).")
    return removed
