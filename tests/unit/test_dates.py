"""Dates as people type them, read the same way by every dialog and command."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.dates import DateProblem, parse_date, parse_when


@pytest.mark.parametrize(
    "text",
    ["2015-12-04", "4 Dec 2015", "December 4, 2015", "04/12/2015", "4.12.2015", "2015/12/04"],
)
def test_dates_in_the_usual_ways_of_writing_them(text: str) -> None:
    assert parse_date(text) == date(2015, 12, 4)


@pytest.mark.parametrize("text", ["Dec 2015", "yesterday", "31/02/2015", "4012015", "4"])
def test_partial_or_impossible_dates_are_refused_with_a_reason(text: str) -> None:
    with pytest.raises(DateProblem, match=text.replace(".", r"\.")):
        parse_date(text)


def test_an_empty_date_is_not_known() -> None:
    assert parse_date("  ") is None


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("24th Jul 2015", "2015-07-24"),
        ("2015-07-24T10:00:00Z", "2015-07-24T10:00:00Z"),
        ("", None),
    ],
)
def test_a_whole_date_is_stored_as_iso_and_a_date_time_as_given(typed, stored) -> None:
    assert parse_when(typed) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("March 2024", "2024-03"), ("Mar 2024", "2024-03"), ("2024-3", "2024-03"), ("2024", "2024")],
)
def test_a_month_or_a_year_alone_only_where_a_partial_date_is_allowed(typed, stored) -> None:
    assert parse_when(typed, partial=True) == stored
    with pytest.raises(DateProblem):
        parse_when(typed)


def test_a_compact_date_is_year_month_day() -> None:
    assert parse_when("20240312") == "2024-03-12"


def test_numbers_are_read_day_first_and_an_impossible_month_is_refused_not_swapped() -> None:
    assert parse_when("12/11/2015") == "2015-11-12"
    with pytest.raises(DateProblem, match="read day first"):
        parse_when("12/13/2015")


def test_month_names_do_not_depend_on_the_computers_language() -> None:
    assert parse_when("Sept 2024", partial=True) == "2024-09"
    assert parse_when("sep 2024", partial=True) == "2024-09"
