"""The history's hash chain: any event changed or removed outside the program is found."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.model import Article, Claim, Judgement
from workbench.services.audit import history_digest, verify_history
from workbench.store import open_store
from workbench.store.schema import EVENTS_NO_UPDATE

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _reviewed(path: Path) -> Path:
    text = "The mayor said crime fell by 12 percent last year. Others disagree."
    with open_store(path) as store:
        ana = store.add_reviewer("Ana")
        article = Article(title="Crime", text=text)
        claim = Claim(article_id=article.id, start=0, end=50, quote=text[:50])
        store.add_article(article, [claim])
        store.save_verdict(claim.id, ana.id, Judgement("False", 0.8, "Police data."))
        store.save_verdict(claim.id, ana.id, Judgement("Mostly false", 0.6, "Revised."))
        store.dismiss_claim(claim.id, reviewer_id=ana.id, reason="Opinion")
    return path


def _tamper(path: Path, sql: str) -> None:
    """What someone with plain sqlite3 could do: lift the guard, edit, put the guard back."""
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;"
        + sql
        + ";"
        + EVENTS_NO_UPDATE
        + """;
        CREATE TRIGGER events_no_delete BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
        """
    )
    conn.close()


def _verify(path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["audit", "verify", "--db", str(path), *args])
    return result.exit_code, result.output


def test_an_untouched_history_verifies(tmp_path: Path) -> None:
    path = _reviewed(tmp_path / "r.sqlite3")
    code, output = _verify(path)
    assert code == 0, output
    assert "History intact" in output
    with open_store(path, read_only=True) as store:
        report = verify_history(store)
        assert report.ok and report.events >= 5 and report.devices == 1
        assert f"History digest: {history_digest(store)}" in output


def test_a_changed_rating_in_an_event_is_found(tmp_path: Path) -> None:
    path = _reviewed(tmp_path / "r.sqlite3")
    _tamper(
        path, "UPDATE events SET after = replace(after, 'False', 'True') WHERE entity = 'verdict'"
    )
    code, output = _verify(path)
    assert code == 1
    assert "was changed after it was written" in output
    assert "NOT intact" in output


def test_a_removed_event_is_found(tmp_path: Path) -> None:
    path = _reviewed(tmp_path / "r.sqlite3")
    _tamper(path, "DELETE FROM events WHERE seq = 3")
    code, output = _verify(path)
    assert code == 1
    assert "missing" in output


def test_a_changed_time_is_found_even_with_a_recomputed_own_digest(tmp_path: Path) -> None:
    """Rewriting one event and its own digest breaks the link from the next event."""
    path = _reviewed(tmp_path / "r.sqlite3")
    conn = sqlite3.connect(path)
    row = conn.execute(
        "SELECT uid, device, seq, at, reviewer_id, action, entity, entity_id, before, after, prev"
        " FROM events WHERE seq = 2"
    ).fetchone()
    conn.close()
    from workbench.store.chain import CHAINED_FIELDS, event_digest

    event = dict(zip(CHAINED_FIELDS, row, strict=True))
    event["at"] = "2020-01-01T00:00:00+00:00"
    _tamper(
        path,
        f"UPDATE events SET at = '{event['at']}', hash = '{event_digest(event)}' WHERE seq = 2",
    )
    code, output = _verify(path)
    assert code == 1
    assert "does not follow the event before it" in output


def test_removing_the_newest_events_is_found_against_a_printed_digest(tmp_path: Path) -> None:
    path = _reviewed(tmp_path / "r.sqlite3")
    code, output = _verify(path, "--json")
    head = json.loads(output)["head"]
    assert _verify(path, "--head", head)[0] == 0
    _tamper(path, "DELETE FROM events WHERE id = (SELECT max(id) FROM events)")
    assert _verify(path)[0] == 0  # a shorter chain still links up…
    code, output = _verify(path, "--head", head)
    assert code == 1  # …but not to the digest printed before
    assert "never had the digest given" in output


def test_a_file_from_before_the_chain_verifies_after_upgrading(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "schema-0003.sqlite3", old)
    with open_store(old) as store:
        store.add_reviewer("Bea")
        report = verify_history(store)
    assert report.ok, report.problems
    assert report.events >= 3


def test_a_file_copied_by_hand_forks_its_chain_without_failing(tmp_path: Path) -> None:
    """Both copies extend the same chain from the same event: a fork, not tampering."""
    path = _reviewed(tmp_path / "r.sqlite3")
    twin = tmp_path / "twin.sqlite3"
    shutil.copy(path, twin)
    for n, each in enumerate([path, twin]):
        with open_store(each) as store:
            store.add_reviewer(f"Reviewer {n}")
    conn = sqlite3.connect(path)
    conn.execute("ATTACH ? AS twin", [str(twin)])
    conn.execute("DROP TRIGGER IF EXISTS main.events_no_update")
    newest = conn.execute("SELECT * FROM twin.events ORDER BY id DESC LIMIT 1").fetchone()
    conn.execute(f"INSERT INTO events VALUES (NULL{', ?' * (len(newest) - 1)})", newest[1:])
    conn.commit()
    conn.close()
    with open_store(path, read_only=True) as store:
        report = verify_history(store)
        assert history_digest(store) == report.head_digest
    assert report.ok, report.problems
    assert report.devices == 1


def test_the_report_prints_the_digest_that_verify_checks(tmp_path: Path) -> None:
    from workbench.report.data import build_report

    path = _reviewed(tmp_path / "r.sqlite3")
    with open_store(path) as store:
        article_id = store.list_articles()[0]["id"]
        store.undismiss_claim(store.claims_for(article_id)[0].claim.id)
        methods = build_report(store, article_id).methods
    digest = methods.split("History digest (SHA-256) when the report was made: ")[1][:64]
    assert _verify(path, "--head", digest)[0] == 0
    with open_store(path) as store:
        store.add_reviewer("Someone later")
    # Work done since the report is counted, not refused…
    code, output = _verify(path, "--head", digest)
    assert code == 0, output
    assert "1 change recorded since" in output
    # …but taking away a change made before it is found.
    _tamper(path, "DELETE FROM events WHERE id = (SELECT max(id) - 1 FROM events)")
    code, output = _verify(path, "--head", digest)
    assert code == 1
    assert "never had the digest given" in output


def test_an_event_carried_without_content_keeps_the_chain_verifiable(tmp_path: Path) -> None:
    """A review bundle carries changes to other articles without their content."""
    from workbench.store.chain import verify_events, withheld

    path = _reviewed(tmp_path / "r.sqlite3")
    with open_store(path, read_only=True) as store:
        events = list(store.chained_events())
    events[1] = withheld(events[1])
    report = verify_events(events)
    assert report.ok, report.problems
    assert report.withheld == 1
    # An event changed and then dressed up as withheld, content kept, is found.
    dressed = [*events]
    dressed[1] = {**withheld(events[1]), "after": '{"rating": "True"}'}
    assert "holds content it should not" in " ".join(verify_events(dressed).problems)
    # Withholding hides content; it cannot move an event or change its digest.
    moved = [*events]
    moved[1] = {**moved[1], "hash": "0" * 64}
    assert not verify_events(moved).ok


def test_only_a_withheld_event_can_be_filled_in_and_only_in_its_place(tmp_path: Path) -> None:
    from workbench.store.chain import withheld

    path = _reviewed(tmp_path / "r.sqlite3")
    conn = sqlite3.connect(path)
    row = conn.execute("SELECT * FROM events WHERE seq = 2").fetchone()
    names = [d[0] for d in conn.execute("SELECT * FROM events LIMIT 0").description]
    full = dict(zip(names, row, strict=True))
    with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
        conn.execute("UPDATE events SET after = '{}' WHERE seq = 2")
    conn.close()
    # Store it as a bundle would carry it, then fill it in again: allowed, and it verifies.
    _tamper(path, "DELETE FROM events WHERE seq = 2")
    conn = sqlite3.connect(path)
    cut = withheld(full)
    conn.execute(
        f"INSERT INTO events ({', '.join(cut)}) VALUES ({', '.join('?' * len(cut))})",
        list(cut.values()),
    )
    conn.commit()
    with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
        conn.execute("UPDATE events SET hash = ? WHERE seq = 2", ["f" * 64])
    conn.execute(
        "UPDATE events SET action = ?, entity = ?, entity_id = ?, before = ?, after = ?,"
        " reviewer_id = ? WHERE seq = 2",
        [full[k] for k in ("action", "entity", "entity_id", "before", "after", "reviewer_id")],
    )
    conn.commit()
    conn.close()
    code, output = _verify(tmp_path / "r.sqlite3")
    assert code == 0, output


def test_workbench_check_reports_a_changed_event(tmp_path: Path) -> None:
    path = _reviewed(tmp_path / "r.sqlite3")
    assert CliRunner().invoke(main, ["check", "--db", str(path)]).exit_code == 0
    _tamper(path, "UPDATE events SET at = '2020-01-01T00:00:00+00:00' WHERE seq = 2")
    result = CliRunner().invoke(main, ["check", "--db", str(path)])
    assert result.exit_code == 1
    assert "History: The event" in result.output
    assert "was changed after it was written" in result.output


def test_two_copies_of_an_older_file_upgrade_to_the_same_chain(tmp_path: Path) -> None:
    """A colleague's older file is upgraded at each merge: its history must not come twice."""
    from workbench.services.merge import merge_file

    mine = tmp_path / "mine.sqlite3"
    for name in ("a.sqlite3", "b.sqlite3"):
        shutil.copy(FIXTURES / "schema-0003.sqlite3", tmp_path / name)
    with open_store(tmp_path / "a.sqlite3") as a, open_store(tmp_path / "b.sqlite3") as b:
        assert a.device_id == b.device_id
        assert [e["uid"] for e in a.chained_events()] == [e["uid"] for e in b.chained_events()]
    shutil.copy(FIXTURES / "schema-0003.sqlite3", tmp_path / "old.sqlite3")
    with open_store(mine) as store:
        merge_file(store, tmp_path / "old.sqlite3", backup=False)
        first = verify_history(store)
        again = merge_file(store, tmp_path / "old.sqlite3", backup=False)
        assert verify_history(store).events == first.events
    assert not again.changed
