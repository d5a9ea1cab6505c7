"""The command line on encrypted files: init --encrypt, passphrase files, encrypt/decrypt/rekey."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from workbench.cli import common, main
from workbench.store import is_encrypted, open_store

SECRET = "tr0ub4dor & 3"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    secret, other = tmp_path / "pass.txt", tmp_path / "other.txt"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    other.write_text("another passphrase\n", encoding="utf-8")
    return {"db": tmp_path / "r.sqlite3", "pass": secret, "other": other}


def _run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env, input=stdin, catch_exceptions=False)


def test_init_encrypt_then_every_command_needs_the_passphrase(
    files: dict[str, Path], seed_article_path: Path
) -> None:
    db, secret = str(files["db"]), str(files["pass"])
    made = _run("--db", db, "--passphrase-file", secret, "init", "--encrypt")
    assert made.exit_code == 0, made.output
    assert is_encrypted(files["db"])
    assert SECRET not in made.output

    imported = _run(
        "--db", db, "--passphrase-file", secret, "import", "--no-extract", str(seed_article_path)
    )
    assert imported.exit_code == 0, imported.output
    listed = _run("--db", db, "articles", env={"WORKBENCH_PASSPHRASE_FILE": secret})
    assert listed.exit_code == 0 and "Kerry" in listed.output

    # No passphrase and no terminal to ask on: one clear line, nothing changed.
    before = files["db"].read_bytes()
    refused = _run("--db", db, "articles")
    assert refused.exit_code == 1
    assert "encrypted" in refused.output and "--passphrase-file" in refused.output
    wrong = _run("--db", db, "--passphrase-file", str(files["other"]), "articles")
    assert wrong.exit_code == 1 and "does not unlock" in wrong.output
    assert "another passphrase" not in wrong.output
    assert files["db"].read_bytes() == before

    checked = _run("--db", db, "--passphrase-file", secret, "check")
    assert checked.exit_code == 0 and "no problems found" in checked.output
    backed = _run("--db", db, "--passphrase-file", secret, "backup")
    assert backed.exit_code == 0, backed.output
    restored = _run("--db", db, "--passphrase-file", secret, "restore", "latest", "--yes")
    assert restored.exit_code == 0, restored.output


def test_init_refuses_an_existing_file(files: dict[str, Path]) -> None:
    open_store(files["db"]).close()
    result = _run(
        "--db", str(files["db"]), "--passphrase-file", str(files["pass"]), "init", "--encrypt"
    )
    assert result.exit_code == 1 and "workbench encrypt" in result.output
    assert not is_encrypted(files["db"])


def test_encrypt_rekey_decrypt_from_the_command_line(files: dict[str, Path]) -> None:
    db, secret, other = str(files["db"]), str(files["pass"]), str(files["other"])
    with open_store(files["db"]) as store:
        store.add_reviewer("Ana")

    enc = _run("--db", db, "--passphrase-file", secret, "encrypt", "--remove-plaintext")
    assert enc.exit_code == 0, enc.output
    assert "Removed 1 plaintext file" in enc.output and "disk" in enc.output
    assert is_encrypted(files["db"])
    assert [f.name for f in files["db"].parent.glob("*.plaintext-*")] == []

    rekeyed = _run("--db", db, "--passphrase-file", secret, "rekey", "--new-passphrase-file", other)
    assert rekeyed.exit_code == 0, rekeyed.output
    assert _run("--db", db, "--passphrase-file", secret, "reviewers").exit_code == 1
    dec = _run("--db", db, "--passphrase-file", other, "decrypt", "--yes")
    assert dec.exit_code == 0, dec.output
    assert not is_encrypted(files["db"])
    assert "Ana" in _run("--db", db, "reviewers").output


def test_encrypt_keeps_the_plaintext_when_not_asked_to_remove_it(files: dict[str, Path]) -> None:
    open_store(files["db"]).close()
    result = _run("--db", str(files["db"]), "--passphrase-file", str(files["pass"]), "encrypt")
    assert result.exit_code == 0, result.output
    assert "They were kept" in result.output
    assert len(list(files["db"].parent.glob("*.plaintext-*"))) == 1


def test_on_a_terminal_the_passphrase_is_asked_and_never_shown(
    files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(common, "stdin_is_terminal", lambda: True)
    db = str(files["db"])
    made = _run("--db", db, "init", "--encrypt", stdin=f"{SECRET}\n{SECRET}\n")
    assert made.exit_code == 0, made.output
    assert SECRET not in made.output
    # A mistyped passphrase is asked again; the second try opens the file.
    listed = _run("--db", db, "reviewers", stdin=f"wrong\n{SECRET}\n")
    assert listed.exit_code == 0, listed.output
    assert "does not unlock" in listed.output and SECRET not in listed.output


def test_the_window_gets_the_key_from_the_passphrase_file(
    files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import workbench.app

    open_store(files["db"], passphrase=SECRET).close()
    given: list[object] = []

    def run_app(db_path: str | None, passphrase: object = None) -> int:
        given.append(passphrase)
        return 0

    monkeypatch.setattr(workbench.app, "run_app", run_app)
    result = _run("--db", str(files["db"]), "--passphrase-file", str(files["pass"]))
    assert result.exit_code == 0, result.output
    [key] = given
    assert SECRET not in repr(key)
    with open_store(files["db"], passphrase=key) as store:  # type: ignore[arg-type]
        assert store.encrypted


def test_decrypt_not_confirmed_says_the_file_stays_encrypted(files: dict[str, Path]) -> None:
    db, secret = str(files["db"]), str(files["pass"])
    assert _run("--db", db, "--passphrase-file", secret, "init", "--encrypt").exit_code == 0
    # Answered no, and run from a script with nobody to answer: one clear line each time.
    for stdin in ("n\n", None):
        result = _run("--db", db, "--passphrase-file", secret, "decrypt", stdin=stdin)
        assert result.exit_code == 1, result.output
        assert "Aborted!" not in result.output
        assert "still encrypted" in result.output and "--yes" in result.output
        assert is_encrypted(files["db"])


def test_without_a_terminal_a_new_passphrase_is_asked_for_in_words_that_fit(
    files: dict[str, Path],
) -> None:
    db = str(files["db"])
    made = _run("--db", db, "init", "--encrypt")
    assert made.exit_code == 1
    # The file does not exist yet: it is not "encrypted", it needs a passphrase to be.
    assert "is encrypted" not in made.output
    assert "--passphrase-file" in made.output and "Nothing was changed" in made.output
    assert not files["db"].exists()
    open_store(files["db"]).close()
    encrypting = _run("--db", db, "encrypt")
    assert encrypting.exit_code == 1 and "is encrypted" not in encrypting.output
    assert not is_encrypted(files["db"])
