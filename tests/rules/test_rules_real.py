"""Real cases from public sources, the typed errors, and the computed dates."""

import datetime as dt
from decimal import Decimal

import pytest

import copsreform as cr
from copsreform.rules import (
    Eligibility,
    Outcome,
    RuleBook,
    RuleStage,
    check_award,
    check_eligibility,
    chp_retention_end,
    closeout_due,
    eligibility_matrix,
)

FY2024 = cr.FiscalYear(2024)


@pytest.fixture
def spokane_valley_award() -> cr.Grant:
    """FY2024 CHP award to Spokane Valley, 15JCOPS-24-GG-03715-UHPX, $1,250,000 (award letter).

    Assumptions, since the letter as summarised gives neither: 10 positions (the brief
    infers them from $1,250,000 = 10 x $125,000) and a local cash match of $416,667, the
    smallest whole-dollar match that keeps the federal share at or under 75%
    ($1,250,000 / 0.75 = $1,666,666.67 total cost; $416,666.67 match, rounded up). The
    agency is taken to have primary law enforcement authority (a city police department
    that COPS funded); check_award does not need it.
    """
    recipient = cr.Agency(
        name="Spokane Valley Police Department",
        state="WA",
        uei="NSU3DBMM7JN9",
        jurisdiction=cr.Jurisdiction.LOCAL,
        agency_type=cr.AgencyType.CITY,
        primary_law_enforcement_authority=True,
    )
    return cr.Grant(
        award_number="15JCOPS-24-GG-03715-UHPX",
        program=cr.GrantProgram.CHP,
        recipient=recipient,
        federal_amount=Decimal("1250000"),
        local_match=Decimal("416667"),
        positions=10,
        start=dt.date(2024, 10, 1),
        end=dt.date(2029, 9, 30),
        assistance_listing="16.710",
    )


@pytest.fixture
def dallas_award() -> cr.Grant:
    """FY2025 CHP award to Dallas, 15JCOPS-25-GG-01001-MUMU (City of Dallas council item).

    $6,250,000 for 50 officers, 1 October 2025 to 30 September 2030, local cash match
    $12,261,650, Assistance Listing 16.068; all as the council item gives them.
    """
    recipient = cr.Agency(
        name="Dallas Police Department",
        state="TX",
        jurisdiction=cr.Jurisdiction.LOCAL,
        agency_type=cr.AgencyType.CITY,
    )
    return cr.Grant(
        award_number="15JCOPS-25-GG-01001-MUMU",
        program=cr.GrantProgram.CHP,
        recipient=recipient,
        federal_amount=Decimal("6250000"),
        local_match=Decimal("12261650"),
        positions=50,
        start=dt.date(2025, 10, 1),
        end=dt.date(2030, 9, 30),
        assistance_listing="16.068",
    )


@pytest.fixture
def park_police() -> cr.Agency:
    """U S Park Police, a federal agency in the FBI's agency list (ORI MDPPD0000)."""
    return cr.Agency(
        name="U S Park Police",
        state="MD",
        ori="MDPPD0000",
        jurisdiction=cr.Jurisdiction.FEDERAL,
        agency_type=cr.AgencyType.FEDERAL,
    )


def test_spokane_valley_fy2024_chp_award_follows_the_rules(spokane_valley_award: cr.Grant) -> None:
    decision = check_award(spokane_valley_award)
    assert decision.status == Eligibility.ELIGIBLE, decision.explain()
    assert cr.FiscalYear(2024) == decision.fiscal_year
    assert decision.award_number == "15JCOPS24GG03715UHPX"


def test_spokane_valley_award_dates(spokane_valley_award: cr.Grant) -> None:
    """36 months of funding from 1 Oct 2024, 12 months of retention, reports 120 days after."""
    decision = check_award(spokane_valley_award)
    assert (dt.date(2027, 9, 30), dt.date(2028, 9, 30), dt.date(2030, 1, 28)) == (
        decision.funding_end,
        decision.retention_end,
        decision.closeout_due,
    )
    assert decision.retention_end == chp_retention_end(spokane_valley_award)
    assert decision.closeout_due == closeout_due(spokane_valley_award)


def test_spokane_valley_is_exactly_at_the_per_position_cap(spokane_valley_award: cr.Grant) -> None:
    reason = next(
        r for r in check_award(spokane_valley_award).reasons if r.rule == "chp.per_position"
    )
    assert reason.outcome == Outcome.PASSED
    assert "$125,000.00 per position" in reason.message


def test_dallas_fy2025_chp_award_follows_the_rules(dallas_award: cr.Grant) -> None:
    decision = check_award(dallas_award)
    assert decision.status == Eligibility.ELIGIBLE, decision.explain()
    assert [r.rule for r in decision.reasons if r.outcome is not Outcome.PASSED] == []


def test_dallas_award_dates_follow_the_2024_uniform_guidance(dallas_award: cr.Grant) -> None:
    decision = check_award(dallas_award)
    assert (dt.date(2029, 9, 30), dt.date(2031, 1, 28)) == (
        decision.retention_end,
        decision.closeout_due,
    )
    assert any("2 CFR 200.344(b) (2024 revision)" in note for note in decision.notes)


def test_dallas_lists_the_fy2025_1373_condition(dallas_award: cr.Grant) -> None:
    assert "chp.usc_1373" in [c.id for c in check_award(dallas_award).conditions]


def test_boston_is_eligible_for_critical_response_in_fy2024(bpd: cr.Agency) -> None:
    decision = check_eligibility(bpd, cr.CRIProgram.CRITICAL_RESPONSE, fiscal_year=FY2024)
    assert decision.eligible
    assert decision.subject == "Boston Police Department (MA0130100)"
    assert decision.program == cr.CRIProgram.CRITICAL_RESPONSE


@pytest.mark.parametrize("program", list(cr.CRIProgram))
def test_a_federal_agency_is_ineligible_for_every_cri_program(
    park_police: cr.Agency, program: cr.CRIProgram
) -> None:
    # Each program in a year it ran: today's in FY2024, the 2011-2017 ones in FY2016.
    year = FY2024 if program.active_years[1] is None else cr.FiscalYear(2016)
    decision = check_eligibility(park_police, program, fiscal_year=year)
    assert decision.status == Eligibility.INELIGIBLE
    assert [f"{program.value}.applicant"] == [r.rule for r in decision.failed()]
    assert "federal agencies are not eligible" in decision.failed()[0].message


def test_a_federal_agency_is_ineligible_for_every_program_with_rules(
    park_police: cr.Agency,
) -> None:
    book = RuleBook.default()
    # COPS in Schools: whether it ran after 2005 is unknown, so it is left out.
    programs = [p for p in book.programs() if p is not cr.GrantProgram.COPS_IN_SCHOOLS]
    matrix = eligibility_matrix([park_police], programs, fiscal_year=FY2024)
    assert [Eligibility.INELIGIBLE] * len(programs) == [matrix.status(0, p) for p in programs]


def test_unknown_primary_authority_leaves_chp_undetermined_and_names_it(bpd: cr.Agency) -> None:
    decision = check_eligibility(bpd, cr.GrantProgram.CHP, fiscal_year=FY2024)
    assert decision.status == Eligibility.UNDETERMINED
    assert decision.missing == ("primary_law_enforcement_authority",)
    assert "Missing inputs: primary_law_enforcement_authority" in decision.explain()


def test_explain_lists_every_rule_with_its_sources(spokane_valley_award: cr.Grant) -> None:
    text = check_award(spokane_valley_award).explain()
    for rule in ("chp.applicant", "chp.federal_share", "chp.local_match", "chp.per_position"):
        assert f"[passed] {rule}:" in text
    assert "Sources:\n" in text
    assert "<https://cops.usdoj.gov/chp>" in text


def test_a_year_with_no_rules_raises_naming_program_and_year(bpd: cr.Agency) -> None:
    # CAMP's rules start in FY2019 (34 U.S.C. 10381(k)); earlier years are not recorded.
    with pytest.raises(cr.RuleNotInForceError) as info:
        check_eligibility(bpd, cr.GrantProgram.CAMP, fiscal_year=cr.FiscalYear(2012))
    assert str(info.value) == "rule 'camp.applicant' has no version in force for FY2012"
    assert (info.value.rule, info.value.when) == ("camp.applicant", "FY2012")


def test_a_year_after_the_last_version_raises(bpd: cr.Agency) -> None:
    with pytest.raises(cr.RuleNotInForceError, match=r"'svpp\.applicant'.*FY2026"):
        check_eligibility(bpd, cr.GrantProgram.SVPP, fiscal_year=cr.FiscalYear(2026))


def test_critical_response_before_the_2022_reestablishment_names_its_predecessor(
    bpd: cr.Agency,
) -> None:
    # COPS node/380: solicitations "to reestablish" Critical Response in 2022.
    decision = check_eligibility(
        bpd, cr.CRIProgram.CRITICAL_RESPONSE, fiscal_year=cr.FiscalYear(2021)
    )
    assert decision.status == Eligibility.INELIGIBLE
    (reason,) = decision.reasons
    assert reason.rule == "critical_response.offered"
    assert reason.message.startswith("program not running in FY2021: ")
    assert "critical_response_ta" in reason.message
    assert "CRI-2022" in [s.id for s in reason.sources]


def test_a_program_without_rules_raises_naming_it(bpd: cr.Agency) -> None:
    with pytest.raises(cr.RuleNotInForceError) as info:
        check_eligibility(bpd, cr.GrantProgram.PASS, fiscal_year=FY2024)
    # The program by its title, not a wildcard rule id that reads like a pattern.
    assert str(info.value) == (f"no rules of {cr.GrantProgram.PASS.title} are in force for FY2024")
    assert "*" not in str(info.value)
    assert info.value.rule == "pass.*"


def test_an_award_in_a_year_without_rules_raises(spokane_valley_award: cr.Grant) -> None:
    grant = cr.Grant(
        award_number="2012UMWX0001",
        program=cr.GrantProgram.CAMP,
        recipient=spokane_valley_award.recipient,
        federal_amount=Decimal("125000"),
        start=dt.date(2012, 9, 1),
        end=dt.date(2015, 8, 31),
    )
    with pytest.raises(cr.RuleNotInForceError, match=r"'camp\.applicant'.*FY2012"):
        check_award(grant)


def test_closeout_due_before_the_uniform_guidance_raises() -> None:
    grant = cr.Grant(
        award_number="2013UMWX0001",
        program=cr.GrantProgram.TRGP,
        recipient=cr.Organization(name="Example Tribe", kind=cr.OrganizationKind.TRIBAL_GOVERNMENT),
        federal_amount=Decimal("125000"),
        start=dt.date(2013, 10, 1),
        end=dt.date(2016, 9, 30),
    )
    with pytest.raises(cr.RuleNotInForceError, match=r"'ug\.closeout'.*FY2013"):
        closeout_due(grant)
    decision = check_award(grant)
    assert decision.closeout_due is None
    assert any("No closeout rule is recorded for FY2013" in note for note in decision.notes)


def test_closeout_is_90_days_under_the_2014_guidance() -> None:
    grant = cr.Grant(
        award_number="2020UMWX0068",
        program=cr.GrantProgram.CHP,
        recipient=cr.Organization(name="CITY OF EVERETT", state="WA"),
        federal_amount=Decimal("125000"),
        start=dt.date(2020, 10, 1),
        end=dt.date(2023, 9, 30),
    )
    assert dt.date(2023, 12, 29) == closeout_due(grant)


def test_retention_end_needs_a_chp_award(dallas_award: cr.Grant) -> None:
    svpp = cr.Grant(
        award_number="15JCOPS-25-GG-01291-SSIX",
        program=cr.GrantProgram.SVPP,
        recipient=cr.Organization(name="Example School District"),
        federal_amount=Decimal("500000"),
        start=dt.date(2025, 10, 1),
        end=dt.date(2028, 9, 30),
    )
    with pytest.raises(cr.ValidationError, match="must be a COPS Hiring Program Grant"):
        chp_retention_end(svpp)
    assert check_award(svpp).retention_end is None


def test_wrong_argument_types_raise_validation_errors(bpd: cr.Agency) -> None:
    wrong: list[tuple[object, object, object, str]] = [
        (
            "BPD",
            cr.CRIProgram.CRI_TAC,
            FY2024,
            "'applicant' must be an Agency or an Organization (got 'BPD')",
        ),
        (
            bpd,
            "cri_tac",
            FY2024,
            "'program' must be a CRIProgram or a GrantProgram (got 'cri_tac')",
        ),
        (bpd, cr.CRIProgram.CRI_TAC, 2024, "'fiscal_year' must be a FiscalYear (got 2024)"),
    ]
    for applicant, program, year, message in wrong:
        with pytest.raises(cr.ValidationError) as info:
            check_eligibility(applicant, program, fiscal_year=year)  # type: ignore[arg-type]
        assert message == str(info.value)
    with pytest.raises(cr.ValidationError, match=r"^'grant' must be a Grant \(got 'award'\)$"):
        check_award("award")  # type: ignore[arg-type]


def test_in_force_agrees_with_the_check(bpd: cr.Agency) -> None:
    book = RuleBook.default()
    assert book.in_force(cr.GrantProgram.CHP, cr.FiscalYear(2009), RuleStage.ELIGIBILITY)
    assert book.in_force(cr.GrantProgram.CHP, cr.FiscalYear(2010), RuleStage.ELIGIBILITY)
    assert book.in_force(cr.GrantProgram.CHP, cr.FiscalYear(1995), RuleStage.AWARD)
    assert not book.in_force(cr.GrantProgram.CAMP, cr.FiscalYear(2018), RuleStage.ELIGIBILITY)
    assert not book.in_force(cr.GrantProgram.PASS, FY2024, RuleStage.ELIGIBILITY)
