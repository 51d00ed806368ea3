import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import copsreform as cr


def test_october_first_starts_the_next_fiscal_year() -> None:
    assert cr.FiscalYear.of(dt.date(2024, 10, 1)) == cr.FiscalYear(2025)


def test_september_thirtieth_ends_the_fiscal_year_named_for_its_calendar_year() -> None:
    assert cr.FiscalYear.of(dt.date(2024, 9, 30)) == cr.FiscalYear(2024)


def test_fy2010_runs_from_october_2009_to_september_2010() -> None:
    fy = cr.FiscalYear(2010)
    assert (fy.start, fy.end) == (dt.date(2009, 10, 1), dt.date(2010, 9, 30))


def test_a_datetime_counts_by_its_date() -> None:
    assert cr.FiscalYear.of(dt.datetime(2024, 12, 31, 23, 59)) == cr.FiscalYear(2025)
    assert dt.datetime(2024, 12, 31, 23, 59) in cr.FiscalYear(2025)


def test_fiscal_years_sort_and_hash_by_year() -> None:
    years = [cr.FiscalYear(2025), cr.FiscalYear(2019), cr.FiscalYear(2025)]
    assert sorted(set(years)) == [cr.FiscalYear(2019), cr.FiscalYear(2025)]


def test_adding_and_subtracting_whole_years() -> None:
    assert cr.FiscalYear(2024) + 1 == cr.FiscalYear(2025)
    assert cr.FiscalYear(2024) - 4 == cr.FiscalYear(2020)


def test_adding_a_non_int_is_not_supported() -> None:
    with pytest.raises(TypeError):
        cr.FiscalYear(2024) + 1.0  # type: ignore[operator]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (2024.0, "must be an int"),
        (True, "must be an int"),
        ("2024", "must be an int"),
        (1976, "must be between 1977 and 2199"),
        (2200, "must be between 1977 and 2199"),
    ],
)
def test_a_year_that_is_not_an_int_in_range_is_refused(value: object, reason: str) -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.FiscalYear(value)  # type: ignore[arg-type]
    assert excinfo.value.path == "FiscalYear.year"
    assert excinfo.value.reason == reason
    assert excinfo.value.value == value


@pytest.mark.parametrize("label", ["FY2025", "fy2025", " FY 2025 ", "2025"])
def test_labels_parse(label: str) -> None:
    assert cr.FiscalYear.parse(label) == cr.FiscalYear(2025)


@pytest.mark.parametrize("label", ["25", "FY25", "2025-26", "", "FY" + "9" * 40])
def test_bad_labels_are_refused_with_the_label(label: str) -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.FiscalYear.parse(label)
    assert str(excinfo.value) == f"'fiscal_year' must look like 'FY2025' or '2025' (got {label!r})"


def test_of_refuses_a_non_date() -> None:
    with pytest.raises(cr.ValidationError, match="'day' must be a date"):
        cr.FiscalYear.of("2024-10-01")  # type: ignore[arg-type]


@given(st.dates(dt.date(1977, 10, 1), dt.date(2198, 9, 30)))
def test_every_date_lies_in_exactly_the_fiscal_year_of_it(day: dt.date) -> None:
    fy = cr.FiscalYear.of(day)
    assert day in fy
    assert fy.start <= day <= fy.end
    assert day not in fy + 1
    assert day not in fy - 1


def test_str_and_repr() -> None:
    assert (str(cr.FiscalYear(2025)), repr(cr.FiscalYear(2025))) == ("FY2025", "FiscalYear(2025)")
