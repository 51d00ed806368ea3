"""PublicSource: a public document with its address, official or a copy."""

import datetime as dt

import pytest

import copsreform as cr


def test_a_source_keeps_its_fields_and_tells_its_domain() -> None:
    s = cr.PublicSource(
        title="  COPS Office   release  ",
        url="https://cops.usdoj.gov/Default.asp?Item=2815",
        publisher="COPS Office",
        date=dt.date(2015, 9, 3),
        official=True,
    )
    assert (s.title, s.domain, s.official) == ("COPS Office release", "cops.usdoj.gov", True)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("cops.usdoj.gov/page", "must be an http:// or https:// address without spaces"),
        ("https://cops.usdoj.gov/a page", "must be an http:// or https:// address without spaces"),
        ("https:///path", "must be an http:// or https:// address without spaces"),
        ("https://x.org/" + "a" * 2000, "must be at most 2000 characters"),
    ],
)
def test_a_bad_url_is_refused_with_its_reason(url: str, reason: str) -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.PublicSource(title="A report", url=url)
    assert str(excinfo.value).startswith(f"'PublicSource.url' {reason}")


def test_official_must_be_a_real_bool() -> None:
    with pytest.raises(cr.ValidationError, match=r"'PublicSource\.official' must be true or false"):
        cr.PublicSource(title="A report", url="https://example.org/", official=1)  # type: ignore[arg-type]


def test_a_source_round_trips_through_json() -> None:
    s = cr.PublicSource(
        title="A report", url="http://example.org/r?a=1#x", date=dt.date(2016, 1, 18)
    )
    assert cr.from_json(cr.PublicSource, cr.to_json(s)) == s
