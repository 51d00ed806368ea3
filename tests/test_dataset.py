"""The shipped dataset of public engagements: real, sourced, consistent with its eras."""

import io
import json
from importlib import resources
from pathlib import Path

import pytest

import copsreform as cr
from copsreform.sources.cde import read_bundled_2018

ENGAGEMENTS = cr.engagements()


@pytest.fixture(scope="module")
def fbi_agencies() -> dict[str, cr.Agency]:
    return {a.ori: a for a in read_bundled_2018() if isinstance(a, cr.Agency) and a.ori}


def _raw() -> list[dict[str, object]]:
    text = resources.files("copsreform").joinpath("data/engagements.json").read_text("utf-8")
    entries: list[dict[str, object]] = json.loads(text)["engagements"]
    return entries


def test_at_least_thirty_engagements_ship_boston_2024_among_them() -> None:
    assert len(ENGAGEMENTS) >= 30
    boston = cr.engagements(state="MA", year=2024)
    assert [(e.agency.ori, e.program, e.provider and e.provider.acronym) for e in boston] == [
        ("MA0130100", cr.CRIProgram.CRITICAL_RESPONSE, "NPI")
    ]


def test_every_engagement_has_a_source_url() -> None:
    for e in ENGAGEMENTS:
        assert e.sources, e.agency.name
        assert all(s.url.startswith(("http://", "https://")) for s in e.sources)


# The agencies' own sites, which count as official for what they say of themselves.
AGENCY_SITES = {"www.lvmpd.com", "www.insidempd.com", "sanfranciscopolice.org"}


def test_official_sources_are_on_government_or_agency_sites() -> None:
    official = [s for e in ENGAGEMENTS for s in e.sources if s.official]
    assert len(official) >= 30
    for s in official:
        assert s.domain.endswith(".gov") or s.domain in AGENCY_SITES, s.url
    copies = [s for e in ENGAGEMENTS for s in e.sources if "(copy" in s.title]
    assert copies
    assert not any(s.official for s in copies)


def test_every_agency_with_an_ori_is_in_the_fbi_2018_list(
    fbi_agencies: dict[str, cr.Agency],
) -> None:
    for e in ENGAGEMENTS:
        assert e.agency.ori is not None, e.agency.name
        fbi = fbi_agencies[e.agency.ori]
        assert (fbi.state, fbi.agency_type) == (e.agency.state, e.agency.agency_type)


def test_every_dated_engagement_has_a_program_open_in_its_year() -> None:
    for e in ENGAGEMENTS:
        if e.year is None:
            continue
        first, last = e.program.active_years
        assert first <= e.year <= (last if last is not None else e.year), e.agency.name


def test_an_engagement_without_a_date_says_why() -> None:
    undated = [e for e in ENGAGEMENTS if e.year is None]
    assert undated
    for e in undated:
        assert e.note is not None
        assert any(w in e.note for w in ("no date", "no day", "no days", "year is unknown"))


def test_every_named_provider_fits_the_role_programs_and_year() -> None:
    for e in ENGAGEMENTS:
        if e.provider is None:
            continue
        assert e.provider.role in (cr.ProviderRole.PROVIDER, cr.ProviderRole.LEAD)
        assert e.provider.delivers(e.program), e.agency.name
        if e.year is not None:
            assert e.provider.active_in(e.year), (e.agency.name, e.provider.name)


def test_the_legacy_eras_carry_their_providers() -> None:
    assert cr.engagements(state="NC")[0].provider == cr.find_provider("CNA")
    ferguson = cr.engagements(provider="IIR")
    assert [(e.agency.name, e.findings_count) for e in ferguson] == [
        ("St. Louis County Police Department", 48)
    ]


def test_fayetteville_is_in_north_carolina() -> None:
    fayetteville = [e for e in ENGAGEMENTS if "Fayetteville" in e.agency.name]
    assert [(e.agency.state, e.agency.ori) for e in fayetteville] == [("NC", "NC0260100")]
    assert (fayetteville[0].findings_count, fayetteville[0].recommendations_count) == (49, 76)


def test_counts_are_only_given_with_a_source_and_never_negative() -> None:
    counted = [e for e in ENGAGEMENTS if e.findings_count is not None]
    assert len(counted) >= 10
    for e in counted:
        assert e.findings_count is not None
        assert e.findings_count > 0


def test_audit_rows_and_new_finds_are_recorded() -> None:
    rows = [entry["audit_row"] for entry in _raw()]
    assert len(rows) == len(ENGAGEMENTS)
    assert sum(1 for r in rows if r is None) >= 5


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"state": "ca"}, {"CA"}),
        ({"program": "cri_tac"}, {"IA", "LA", "TN", "WA"}),
        ({"program": cr.CRIProgram.ORGANIZATIONAL_ASSESSMENT}, {"MI", "VA", "KS"}),
    ],
)
def test_filters_select_by_state_and_program(
    filters: dict[str, object], expected: set[str]
) -> None:
    found = cr.engagements(**filters)  # type: ignore[arg-type]
    assert found
    assert {e.agency.state for e in found} == expected


def test_the_year_filter_matches_the_first_known_date() -> None:
    found = cr.engagements(year=2016)
    assert found
    assert all(e.year == 2016 for e in found)
    assert len(found) == sum(1 for e in ENGAGEMENTS if e.year == 2016)


def test_filters_combine() -> None:
    found = cr.engagements(state="TN", program="cri_tac")
    assert [(e.agency.name, e.year) for e in found] == [
        ("Knoxville Police Department", 2018),
        ("Memphis Police Department", 2023),
    ]


def test_results_are_ordered_oldest_first_undated_last() -> None:
    years = [e.year for e in ENGAGEMENTS]
    dated = [y for y in years if y is not None]
    assert dated == sorted(dated)
    assert years[len(dated) :] == [None] * (len(years) - len(dated))


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"state": "ZZ"}, "'engagements.state' must be a U.S. state or territory code (got 'ZZ')"),
        ({"program": "reform"}, "'engagements.program' must be a CRI program"),
        ({"year": "2016"}, "'engagements.year' must be an int (got '2016')"),
    ],
)
def test_bad_filters_are_refused_by_name(filters: dict[str, object], message: str) -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.engagements(**filters)  # type: ignore[arg-type]
    assert str(excinfo.value).startswith(message)


def test_an_unknown_provider_filter_raises_a_lookup_error() -> None:
    with pytest.raises(cr.ProviderNotFoundError):
        cr.engagements(provider="Acme Consulting")


def test_the_dataset_round_trips_through_json_and_json_lines() -> None:
    for e in ENGAGEMENTS:
        assert cr.from_json(cr.Engagement, cr.to_json(e)) == e
    stream = io.StringIO()
    assert cr.write_jsonl(ENGAGEMENTS, stream) == len(ENGAGEMENTS)
    stream.seek(0)
    assert tuple(cr.read_jsonl(cr.Engagement, stream)) == ENGAGEMENTS


def test_the_dataset_round_trips_through_csv() -> None:
    stream = io.StringIO()
    cr.write_csv(ENGAGEMENTS, stream)
    stream.seek(0)
    assert tuple(cr.read_csv(cr.Engagement, stream)) == ENGAGEMENTS


def test_the_dataset_round_trips_through_parquet(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow", reason="Parquet needs the arrow extra")
    from copsreform import arrow

    path = tmp_path / "engagements.parquet"
    arrow.write_parquet(ENGAGEMENTS, path)
    assert tuple(arrow.read_parquet(cr.Engagement, path)) == ENGAGEMENTS
