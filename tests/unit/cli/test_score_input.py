"""``workbench score`` on input that is not clean text: bad UTF-8, a line of a million characters."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.cli.extract import MAX_SCORE_CHARS, read_lines

BAD_UTF8 = b"Crime fell by 12 percent in \xff\xfe2016.\n"
HUGE = b"Taxes rose by 5 percent. " + b"a" * 1_200_000 + b"\n"


def test_lines_are_decoded_one_by_one_with_bad_bytes_replaced(capsys) -> None:
    texts = read_lines(io.BytesIO(b"ok line\r\n" + BAD_UTF8 + b"last"))
    assert texts == ["ok line", "Crime fell by 12 percent in \ufffd\ufffd2016.", "last"]


@pytest.mark.slow
def test_score_survives_bad_utf8_and_a_huge_line() -> None:
    data = b"Unemployment fell to 4 percent in 2019.\n" + BAD_UTF8 + HUGE + b"Thanks!\n"
    result = CliRunner().invoke(main, ["score"], input=data)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    # Still one JSON line per input line, in order.
    assert len(rows) == 4
    assert rows[1]["text"] == "Crime fell by 12 percent in \ufffd\ufffd2016."
    assert len(rows[2]["text"]) == len(HUGE) - 1
    assert all(0.0 <= row["score"] <= 1.0 for row in rows)
    warnings = result.stderr.splitlines()
    assert warnings == [
        "workbench: line 2 is not valid UTF-8; its unreadable bytes were replaced with “�”.",
        f"workbench: line 3 has {len(HUGE) - 1:,} characters; only its first "
        f"{MAX_SCORE_CHARS:,} were scored.",
    ]
