"""Rule cases from readable data files: applicant or grant, program, year, expected outcome.

The cases live in ``tests/rules/cases/*.json`` (see the README there). Each runs as its
own test named by the case; a failure prints the decision's explanation.
"""

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import copsreform as cr
from copsreform.rules import (
    Decision,
    Outcome,
    RuleBook,
    RuleKind,
    VersionStatus,
    check_award,
    check_eligibility,
)
from copsreform.rules.book import program_of

CASES = Path(__file__).parent / "cases"


def _load(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((CASES / name).read_text(encoding="utf-8"))
    return cases


ELIGIBILITY = _load("eligibility.json")
AWARDS = _load("awards.json")


def build_applicant(spec: dict[str, Any]) -> cr.Agency | cr.Organization:
    if "agency" in spec:
        fields = {"name": "Example Police Department", "state": "OH", **spec["agency"]}
        fields["jurisdiction"] = cr.Jurisdiction(fields["jurisdiction"])
        fields["agency_type"] = cr.AgencyType(fields["agency_type"])
        return cr.Agency(**fields)
    fields = {"name": "Example Organisation", **spec["organization"]}
    fields["kind"] = cr.OrganizationKind(fields.get("kind", "unknown"))
    return cr.Organization(**fields)


def build_grant(case: dict[str, Any], index: int) -> cr.Grant:
    spec = dict(case["grant"])
    year = case.get("fiscal_year")
    if "award_number" not in spec:
        spec["award_number"] = (
            f"15JCOPS-{year % 100:02d}-GG-{index:05d}-TEST"
            if year >= 2021
            else f"{year}TSWX{index:04d}"
        )
    recipient = spec.pop("recipient", {"agency": {"jurisdiction": "local", "agency_type": "city"}})
    return cr.Grant(
        award_number=spec.pop("award_number"),
        program=cr.GrantProgram(spec.pop("program")),
        recipient=build_applicant(recipient),
        federal_amount=Decimal(spec.pop("federal_amount")),
        local_match=Decimal(spec.pop("local_match", "0.00")),
        start=dt.date.fromisoformat(spec.pop("start")),
        end=dt.date.fromisoformat(spec.pop("end")),
        **spec,
    )


def _rules_with(decision: Decision, outcome: Outcome) -> list[str]:
    return [r.rule for r in decision.reasons if r.outcome is outcome]


def _check(case: dict[str, Any], decision: Decision) -> None:
    explanation = decision.explain()
    assert case["expected"] == decision.status.value, explanation
    assert case["failing"] == _rules_with(decision, Outcome.FAILED), explanation
    assert case["unknown"] == _rules_with(decision, Outcome.UNKNOWN), explanation
    if "missing" in case:
        assert tuple(case["missing"]) == decision.missing, explanation
    for field in ("retention_end", "closeout_due"):
        if field in case:
            assert dt.date.fromisoformat(case[field]) == getattr(decision, field), explanation


@pytest.mark.parametrize("case", ELIGIBILITY, ids=[c["name"] for c in ELIGIBILITY])
def test_eligibility_case(case: dict[str, Any]) -> None:
    print(case["name"])
    decision = check_eligibility(
        build_applicant(case["applicant"]),
        program_of(case["program"]),
        fiscal_year=cr.FiscalYear(case["fiscal_year"]),
    )
    _check(case, decision)


@pytest.mark.parametrize("index_case", list(enumerate(AWARDS)), ids=[c["name"] for c in AWARDS])
def test_award_case(index_case: tuple[int, dict[str, Any]]) -> None:
    index, case = index_case
    print(case["name"])
    grant = build_grant(case, index + 1)
    if "fiscal_year" in case:
        assert cr.FiscalYear(case["fiscal_year"]) == grant.fiscal_year
    _check(case, check_award(grant))


def _outcomes_seen() -> dict[str, set[Outcome]]:
    seen: dict[str, set[Outcome]] = {}
    decisions = [
        check_eligibility(
            build_applicant(c["applicant"]),
            program_of(c["program"]),
            fiscal_year=cr.FiscalYear(c["fiscal_year"]),
        )
        for c in ELIGIBILITY
    ] + [check_award(build_grant(c, i + 1)) for i, c in enumerate(AWARDS)]
    for decision in decisions:
        for reason in decision.reasons:
            seen.setdefault(reason.rule, set()).add(reason.outcome)
    return seen


def _can_fail(rule: Any) -> bool:
    """Rules that can fail: some version is in force and its check can say no.

    A period of performance never fails (a longer period may be an approved extension),
    and versions that are not applicable or unknown only pass or answer unknown.
    """
    return rule.kind not in (RuleKind.PERIOD, RuleKind.OFFERED) and any(
        v.status is VersionStatus.IN_FORCE for v in rule.versions
    )


def test_every_rule_that_can_fail_has_a_passing_and_a_failing_case() -> None:
    seen = _outcomes_seen()
    book = RuleBook.default()
    checked = [r for r in book.rules if r.kind not in (RuleKind.RETENTION, RuleKind.CLOSEOUT)]
    lacking = {
        r.id: sorted(o.value for o in seen.get(r.id, set()))
        for r in checked
        if _can_fail(r) and not {Outcome.PASSED, Outcome.FAILED} <= seen.get(r.id, set())
    }
    assert lacking == {}


def test_every_program_running_rule_has_a_case_for_a_year_it_did_not_run() -> None:
    # An "offered" rule is listed only when the program did not run or may not have:
    # each one with a not-running year must have a failing case.
    seen = _outcomes_seen()
    book = RuleBook.default()
    offered = [
        r.id
        for r in book.rules
        if r.kind is RuleKind.OFFERED
        and any(v.status is VersionStatus.NOT_OFFERED for v in r.versions)
    ]
    assert len(offered) == 10
    assert [r for r in offered if Outcome.FAILED not in seen.get(r, set())] == []


def test_every_rule_that_cannot_fail_has_a_case() -> None:
    seen = _outcomes_seen()
    book = RuleBook.default()
    checked = [r for r in book.rules if r.kind not in (RuleKind.RETENTION, RuleKind.CLOSEOUT)]
    assert [r.id for r in checked if r.id not in seen] == []
