"""The programs as they really ran: every year answers, sources are official, audit fixes.

Each fact test names the public source it rests on (the id in the rule book's register
and the document), so a failure points at what to re-read.
"""

import datetime as dt
from decimal import Decimal

import attrs
import pytest

import copsreform as cr
from copsreform.rules import (
    Confidence,
    Eligibility,
    Outcome,
    RuleBook,
    RuleKind,
    Source,
    VersionStatus,
    check_award,
    check_eligibility,
    is_official_url,
)

BOOK = RuleBook.default()
FY = cr.FiscalYear

CITY = cr.Agency(
    name="Example Police Department",
    state="NC",
    jurisdiction=cr.Jurisdiction.LOCAL,
    agency_type=cr.AgencyType.CITY,
    primary_law_enforcement_authority=True,
    sworn_officers=400,
    population=200_000,
)


def _chp_award(year: int) -> cr.Grant:
    return cr.Grant(
        award_number=f"{year}UMWX0001"
        if year < 2021
        else f"15JCOPS-{year % 100:02d}-GG-00001-UHPX",
        program=cr.GrantProgram.CHP,
        recipient=CITY,
        federal_amount=Decimal("375000.00"),
        local_match=Decimal("125000.00"),
        positions=3,
        start=dt.date(year, 9, 1),
        end=dt.date(year + 3, 8, 31),
    )


# Every year answers ---------------------------------------------------------------------


@pytest.mark.parametrize("year", range(1995, 2027))
def test_the_chp_answers_eligibility_and_awards_for_every_year_from_1995(year: int) -> None:
    decision = check_eligibility(CITY, cr.GrantProgram.CHP, fiscal_year=FY(year))
    award = check_award(_chp_award(year))
    assert award.fiscal_year == FY(year)
    for d in (decision, award):
        assert d.reasons
        assert all(r.sources for r in d.reasons)
    if year < 2009:
        # COPS history (HIST): hiring grants of FY1995-FY2008 were UHP, FAST, AHEAD...
        assert decision.status is Eligibility.INELIGIBLE
        assert award.status is Eligibility.UNDETERMINED
        assert "Universal Hiring Program" in decision.reasons[0].message
    elif year <= 2025:
        assert [r.rule for r in decision.reasons] == ["chp.applicant", "chp.primary_le_authority"]
        assert decision.status is Eligibility.ELIGIBLE
    else:
        assert decision.status is Eligibility.UNDETERMINED


@pytest.mark.parametrize("program", list(cr.CRIProgram))
@pytest.mark.parametrize("year", range(2011, 2027))
def test_every_cri_program_answers_for_every_year_since_2011(
    program: cr.CRIProgram, year: int
) -> None:
    decision = check_eligibility(CITY, program, fiscal_year=FY(year))
    assert all(r.sources for r in decision.reasons)
    first, last = program.active_years
    # The fiscal year of a calendar year's start may be the next one (CRI-TAC's award
    # of December 2017 is FY2018), so only years well inside or outside are asserted.
    if first < year - 1 and (last is None or year <= last):
        # Running, or (CRI-TA's first years) not known to be running: never refused.
        assert decision.status is not Eligibility.INELIGIBLE, decision.explain()
    elif (last is not None and year > last + 1) or year < first:
        assert decision.status is Eligibility.INELIGIBLE, decision.explain()
        assert decision.reasons[0].message.startswith(f"program not running in FY{year}: ")


def test_a_program_not_running_names_the_program_of_those_years() -> None:
    # DOJ release 17-1010 (CR-END): the 2017 changes; CRI-TAC and OA took over.
    text = check_eligibility(CITY, cr.CRIProgram.COLLABORATIVE_REFORM, fiscal_year=FY(2020))
    assert "cri_tac" in text.reasons[0].message
    assert "organizational_assessment" in text.reasons[0].message
    # COPS node/380 (CRI-2022): Organizational Assessment was "reestablished" in 2022.
    oa = check_eligibility(CITY, cr.CRIProgram.ORGANIZATIONAL_ASSESSMENT, fiscal_year=FY(2015))
    assert "collaborative_reform" in oa.reasons[0].message
    assert oa.conditions == ()


# Official sources -----------------------------------------------------------------------


def test_every_verified_version_cites_an_official_source() -> None:
    lacking = [
        f"{item.id} {v.label}"
        for item in (*BOOK.rules, *BOOK.conditions)
        for v in item.versions
        if v.confidence is Confidence.VERIFIED and not any(s.official for s in BOOK.sources_of(v))
    ]
    assert lacking == []


def test_officialness_follows_the_url() -> None:
    assert is_official_url("https://cops.usdoj.gov/node/380")
    assert is_official_url("https://www.justice.gov/opa/pr/x")
    assert is_official_url("https://uscode.house.gov/view.xhtml?req=x")
    assert is_official_url("https://obamawhitehouse.archives.gov/recovery/roadmap/x")
    assert is_official_url(
        "https://webarchive.library.unt.edu/eot2008/20090507182321/http://www.cops.usdoj.gov/x"
    )
    assert is_official_url(
        "https://cybercemetery.unt.edu/archive/oilspill/20130225104653/http:/www.cops.usdoj.gov/x"
    )
    assert not is_official_url("https://web.archive.org/web/2020/https://grantsbay.com/x")
    assert not is_official_url("https://www.scribd.com/document/1")
    assert not is_official_url("https://github.com/codexstanford/x")
    assert not is_official_url("https://evil.gov.example.com/x")
    assert Source("X", "t", ("https://cops.usdoj.gov/chp", "https://x.org")).official
    assert not Source("X", "t", ("https://x.org",)).official


def test_decisions_carry_structured_sources_in_json() -> None:
    decision = check_eligibility(CITY, cr.GrantProgram.CHP, fiscal_year=FY(2014))
    data = cr.to_dict(decision)
    assert data["reasons"][1]["rule"] == "chp.primary_le_authority"
    first = data["reasons"][1]["sources"][0]
    assert first == {
        "id": "CHP2014",
        "title": BOOK.source("CHP2014").title,
        "urls": list(BOOK.source("CHP2014").urls),
        "official": True,
    }
    assert cr.from_dict(cr.Decision, data) == decision
    text = decision.explain()
    assert "CHP2014 (official): COPS Office Community Policing Dispatch, June 2014" in text


def test_reason_refuses_sources_that_are_not_records() -> None:
    with pytest.raises(cr.ValidationError, match=r"'Reason.sources' must be a non-empty tuple"):
        cr.Reason("x.y", Outcome.PASSED, "ok", ("S1: a <https://x.org>",), "FY2024")  # type: ignore[arg-type]


# Contradicted and partly supported facts of the audit --------------------------------


def test_the_2009_round_had_no_request_cap() -> None:
    # IACP CHRP page (CHRP-IACP), relaying COPS: "There is no cap on the number of
    # positions an agency may request".
    version = BOOK.rule("chp.request_cap").version_for(FY(2009))
    assert version.status is VersionStatus.NOT_APPLICABLE
    assert "CHRP-IACP" in version.sources


def test_lemhwa_is_open_to_tribes_from_fy2021() -> None:
    # COPS LEMHWA page, FY2021 copy (G30): "Federally Recognized Indian tribes and their
    # public agencies".
    tribe = cr.Organization(name="Example Tribe", kind=cr.OrganizationKind.TRIBAL_GOVERNMENT)
    for year in (2021, 2024):
        assert check_eligibility(tribe, cr.GrantProgram.LEMHWA, fiscal_year=FY(year)).eligible


@pytest.mark.parametrize(
    "program", [cr.CRIProgram.CRITICAL_RESPONSE, cr.CRIProgram.ORGANIZATIONAL_ASSESSMENT]
)
def test_campus_agencies_are_undetermined_where_cops_sources_conflict(
    program: cr.CRIProgram,
) -> None:
    # COPS node/380 (CRI-2022) and the May 2022 Dispatch (S9) include campus agencies;
    # the program page (S4) and the Boston release (S1) do not.
    campus = cr.Agency(
        name="Example University Police Department",
        state="VA",
        jurisdiction=cr.Jurisdiction.STATE,
        agency_type=cr.AgencyType.UNIVERSITY_OR_COLLEGE,
    )
    decision = check_eligibility(campus, program, fiscal_year=FY(2024))
    assert decision.status is Eligibility.UNDETERMINED
    assert "sources conflict" in decision.reasons[0].message
    assert "CRI-2022" in [s.id for s in decision.reasons[0].sources]


def test_critical_response_and_oa_start_in_fy2022_as_reestablished_programs() -> None:
    # COPS node/380 (CRI-2022): solicitations "to reestablish" both programs.
    for program in (cr.CRIProgram.CRITICAL_RESPONSE, cr.CRIProgram.ORGANIZATIONAL_ASSESSMENT):
        assert not check_eligibility(CITY, program, fiscal_year=FY(2021)).eligible
        assert check_eligibility(CITY, program, fiscal_year=FY(2022)).eligible
        note = BOOK.offered(program, FY(2015)).note  # type: ignore[union-attr]
        assert note is not None
        assert "reestablished" in note


def test_eo_13929_certification_is_listed_for_fy2021_and_fy2022() -> None:
    # DOJ release on certification standards and COPS Dispatch, January 2021 (EO13929):
    # certification by 31 January 2021 for FY2021 funds; tribal agencies not subject.
    for year in (2021, 2022):
        decision = check_eligibility(CITY, cr.GrantProgram.CHP, fiscal_year=FY(year))
        assert "chp.eo_13929" in [c.id for c in decision.conditions]
    assert "tribal" in BOOK.condition("chp.eo_13929").text
    assert [v.label for v in BOOK.condition("chp.eo_13929").versions] == ["FY2021", "FY2022"]


def test_trgp_match_cites_the_statute_only_from_fy2011() -> None:
    # 34 U.S.C. 10381(j) applies "for fiscal year 2011 and any fiscal year thereafter".
    rule = BOOK.rule("trgp.local_match")
    assert "G34" not in rule.version_for(FY(2010)).sources
    assert "G34" in rule.version_for(FY(2011)).sources


def test_chp_periods_before_fy2022_are_36_months() -> None:
    # FY2014 Dispatch: "a 36-month grant period"; FY2016 page: "Each grant is three years
    # (36 months)"; FY2022 five years is stated only by copies (inferred).
    rule = BOOK.rule("chp.period")
    for year in (2010, 2014, 2016, 2020):
        assert rule.version_for(FY(year)).params.months == 36  # type: ignore[union-attr]
    assert rule.version_for(FY(2021)).status is VersionStatus.UNKNOWN
    assert rule.version_for(FY(2023)).confidence is Confidence.INFERRED


def test_chp_request_cap_years_follow_the_sources() -> None:
    # FY2012 Dispatch (CHP2012): "5 percent of their sworn force up to 25 officers again".
    # FY2014-FY2016 pages: 15 or 25 by population, no small-force clause stated.
    # FY2017 summary and FY2019 guide copies (inferred): a force of 20 or fewer may ask 1.
    rule = BOOK.rule("chp.request_cap")
    assert rule.version_for(FY(2011)).params.cap_below_threshold == 25  # type: ignore[union-attr]
    assert rule.version_for(FY(2013)).status is VersionStatus.UNKNOWN
    fy2015 = rule.version_for(FY(2015))
    assert (fy2015.confidence, fy2015.params.small_force_cap) == (Confidence.VERIFIED, 0)  # type: ignore[union-attr]
    fy2018 = rule.version_for(FY(2018))
    assert (fy2018.confidence, fy2018.params.small_force_cap) == (Confidence.INFERRED, 1)  # type: ignore[union-attr]


# The COPS Hiring Program, FY2010 to FY2014 (audit section 6.1) ------------------------


@pytest.mark.parametrize(
    ("year", "share", "match", "per_position", "source"),
    [
        (2010, "1.00", None, None, "CHP2010"),  # COPS award methodology, P.L. 111-117
        (2011, "1.00", None, None, "CHP2011"),  # COPS release 2011-09-28
        (2012, "0.75", "0.25", "125000.00", "CHP2012"),  # FY2012 CHP page (UNT copy)
        (2013, "0.75", "0.25", "125000.00", "CHP2013-MML"),  # relayed announcement
        (2014, "0.75", "0.25", "125000.00", "CHP2014"),  # June 2014 Dispatch
    ],
)
def test_chp_terms_fy2010_to_fy2014(
    year: int, share: str, match: str | None, per_position: str | None, source: str
) -> None:
    share_v = BOOK.rule("chp.federal_share").version_for(FY(year))
    assert Decimal(share) == share_v.params.max_share  # type: ignore[union-attr]
    assert source in share_v.sources
    match_v = BOOK.rule("chp.local_match").version_for(FY(year))
    cap_v = BOOK.rule("chp.per_position").version_for(FY(year))
    if match is None:
        assert match_v.status is VersionStatus.NOT_APPLICABLE
        assert cap_v.status is VersionStatus.NOT_APPLICABLE
    else:
        assert Decimal(match) == match_v.params.min_rate  # type: ignore[union-attr]
        assert Decimal(per_position) == cap_v.params.amount  # type: ignore[union-attr,arg-type]
    expected = Confidence.INFERRED if year == 2013 else Confidence.VERIFIED
    assert expected is share_v.confidence


def test_a_fy2011_award_paid_in_full_passes_share_and_match() -> None:
    grant = attrs.evolve(
        _chp_award(2011), federal_amount=Decimal("1200000.00"), local_match=Decimal(0), positions=5
    )
    decision = check_award(grant)
    outcomes = {r.rule: r.outcome for r in decision.reasons}
    assert outcomes["chp.federal_share"] is Outcome.PASSED
    assert outcomes["chp.local_match"] is Outcome.PASSED
    assert outcomes["chp.request_cap"] is Outcome.PASSED  # 5 of 400 sworn: at most 20


def test_every_program_running_rule_is_checked_first() -> None:
    for program in BOOK.programs():
        kinds = [r.kind for r in BOOK.rules_of(program)]
        if RuleKind.OFFERED in kinds:
            assert kinds[0] is RuleKind.OFFERED, program
