"""The rule book: shipped data, loading and validation, and deriving changed books."""

import copy
import json
import subprocess
import sys
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import copsreform as cr
from copsreform.rules import (
    AmountParams,
    Confidence,
    Eligibility,
    RuleBook,
    RuleVersion,
    VersionStatus,
    check_eligibility,
    rule_parameters,
)

FY = cr.FiscalYear


def shipped() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("copsreform").joinpath("data/rules.json").read_text("utf-8")
    )
    return data


def test_the_shipped_book_has_a_provenance_header_with_urls() -> None:
    provenance = shipped()["provenance"]
    assert provenance["read"] == "2026"
    assert all(
        s["urls"] and s["urls"][0].startswith("http") for s in provenance["sources"].values()
    )


def test_every_source_in_the_register_is_cited() -> None:
    book = RuleBook.default()
    cited = {
        s for item in (*book.rules, *book.conditions) for v in item.versions for s in v.sources
    }
    assert set() == {s.id for s in book.sources} - cited


def test_every_inferred_version_says_how_it_was_inferred() -> None:
    lacking = [
        (rule.id, version.label)
        for rule in rule_parameters()
        for version in rule.versions
        if version.confidence is Confidence.INFERRED and not version.note
    ]
    assert lacking == []


def test_versions_are_sorted_and_never_overlap() -> None:
    for rule in rule_parameters():
        for earlier, later in zip(rule.versions, rule.versions[1:], strict=False):
            assert earlier.last is not None, rule.id
            assert earlier.last < later.first, rule.id


def test_rule_ids_start_with_their_program() -> None:
    for rule in rule_parameters():
        prefix = rule.program or "ug"
        assert rule.id.startswith(prefix + "."), rule.id


def test_nothing_is_read_at_import_time() -> None:
    code = (
        "import copsreform, copsreform.rules, copsreform.rules.book as b;"
        "print(b._default_book.cache_info().currsize)"
    )
    # A fixed command: this interpreter and a constant program text.
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


def test_the_default_book_is_loaded_once() -> None:
    assert RuleBook.default() is RuleBook.default()


def test_loading_reports_every_problem_with_its_path() -> None:
    data = shipped()
    broken = copy.deepcopy(data)
    rules = broken["rules"]
    ceiling = next(r for r in rules if r["id"] == "chp.award_ceiling")
    ceiling["versions"][2]["params"]["amount"] = 6250000
    camp = next(r for r in rules if r["id"] == "camp.min_award")
    camp["versions"][0]["sources"] = ["G34", "NOPE"]
    svpp = next(r for r in rules if r["id"] == "svpp.max_award")
    svpp["versions"][0]["last"] = 2019
    trgp = next(r for r in rules if r["id"] == "trgp.local_match")
    trgp["kind"] = "local_matchh"
    with pytest.raises(cr.ValidationError) as info:
        RuleBook.from_dict(broken, name="rules.json")
    paths = {p.path: p.reason for p in info.value.problems}
    i = rules.index
    assert {
        f"rules.json.rules[{i(ceiling)}].versions[2].params.amount": "must be a decimal written as a string",
        f"rules.json.rules[{i(camp)}].versions[0].sources": "must be a source in the register",
        f"rules.json.rules[{i(svpp)}].versions[0].last": "must not be before first (FY2021)",
        f"rules.json.rules[{i(trgp)}].kind": (
            "must be one of 'offered', 'applicant', 'primary_le_authority', 'federal_share', "
            "'local_match', 'per_position', 'max_award', 'min_award', 'period', 'request_cap', "
            "'retention', 'closeout'"
        ),
    } == paths


def test_a_source_missing_from_the_register_is_refused_with_its_path() -> None:
    broken = shipped()
    camp = next(r for r in broken["rules"] if r["id"] == "camp.min_award")
    camp["versions"][0]["sources"] = ["G34", "NOPE"]
    with pytest.raises(cr.ValidationError) as info:
        RuleBook.from_dict(broken, name="rules.json")
    index = broken["rules"].index(camp)
    assert [f"rules.json.rules[{index}].versions[0].sources"] == [
        p.path for p in info.value.problems
    ]
    assert info.value.value == "NOPE"


def test_overlapping_versions_are_refused() -> None:
    broken = shipped()
    rule = next(r for r in broken["rules"] if r["id"] == "chp.per_position")
    rule["versions"][1]["first"] = 2009
    with pytest.raises(cr.ValidationError, match=r"must not overlap \(FY2009 and FY2009-FY2011\)"):
        RuleBook.from_dict(broken)


def test_a_file_that_is_not_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "extra.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(cr.ValidationError, match=r"^'extra.json' must be JSON"):
        RuleBook.from_file(path)


def _version(first: int, last: int | None, amount: str) -> RuleVersion:
    return RuleVersion(
        first=FY(first),
        last=None if last is None else FY(last),
        status=VersionStatus.IN_FORCE,
        confidence=Confidence.VERIFIED,
        sources=("G34",),
        params=AmountParams(Decimal(amount)),
    )


def test_with_version_refuses_an_overlap_unless_superseding() -> None:
    book = RuleBook.default()
    with pytest.raises(cr.ValidationError, match="must not overlap"):
        book.with_version("camp.min_award", _version(2030, None, "2000000"))
    new = book.with_version("camp.min_award", _version(2030, None, "2000000"), supersede=True)
    assert [v.label for v in new.rule("camp.min_award").versions] == [
        "FY2019-FY2029",
        "FY2030 onward",
    ]
    assert [v.label for v in book.rule("camp.min_award").versions] == ["FY2019 onward"]


def test_superseding_inside_a_version_splits_it() -> None:
    book = RuleBook.default().with_version(
        "camp.min_award", _version(2024, 2024, "1500000"), supersede=True
    )
    versions = book.rule("camp.min_award").versions
    assert [v.label for v in versions] == ["FY2019-FY2023", "FY2024", "FY2025 onward"]
    assert Decimal("1500000.00") == versions[1].params.amount  # type: ignore[union-attr]


def test_with_version_needs_its_source_in_the_register() -> None:
    version = RuleVersion(
        FY(2030),
        None,
        VersionStatus.IN_FORCE,
        Confidence.VERIFIED,
        ("X2030",),
        AmountParams(Decimal("1")),
    )
    with pytest.raises(cr.ValidationError, match="must be a source in the register"):
        RuleBook.default().with_version("camp.min_award", version, supersede=True)


def test_with_version_of_an_unknown_rule_raises() -> None:
    with pytest.raises(cr.NotFoundError, match=r"no rule is named 'camp\.nope'"):
        RuleBook.default().with_version("camp.nope", _version(2030, None, "1"))


def _fy2026_rule(rule_id: str, title: str, params: dict[str, Any]) -> dict[str, Any]:
    """A CHP rule with one FY2026 version citing the example source X26."""
    version = {"first": 2026, "last": 2026, "status": "in_force", "confidence": "verified"}
    return {
        "id": f"chp.{rule_id}",
        "program": "chp",
        "kind": rule_id,
        "title": title,
        "description": "As in FY2025.",
        "versions": [{**version, "sources": ["X26"], "params": params}],
    }


EXTRA_FY2026 = {
    "provenance": {
        "read": "2026",
        "sources": {
            "X26": {
                "title": "FY2026 CHP solicitation (example)",
                "urls": ["https://example.org/chp-2026"],
            }
        },
    },
    "rules": [
        _fy2026_rule("offered", "Program running", {}),
        _fy2026_rule(
            "applicant",
            "Eligible applicants",
            {"eligible": ["local_le_agency", "state_le_agency"]},
        ),
        _fy2026_rule("primary_le_authority", "Primary law enforcement authority", {}),
    ],
    "conditions": [],
}


def test_a_user_extends_the_rules_to_a_new_fiscal_year_from_a_file(
    tmp_path: Path, bpd: cr.Agency
) -> None:
    path = tmp_path / "chp-2026.json"
    path.write_text(json.dumps(EXTRA_FY2026), encoding="utf-8")
    # The shipped book says whether CHP runs in FY2026 is unknown; the file supersedes it.
    book = RuleBook.default().with_file(path, supersede=True)
    decision = check_eligibility(bpd, cr.GrantProgram.CHP, fiscal_year=FY(2026), rules=book)
    assert [r.rule for r in decision.reasons] == ["chp.applicant", "chp.primary_le_authority"]
    assert decision.reasons[0].version == "FY2026, verified"
    (source,) = decision.reasons[0].sources
    assert (source.id, source.urls, source.official) == (
        "X26",
        ("https://example.org/chp-2026",),
        False,
    )
    assert (
        source.citation == "X26: FY2026 CHP solicitation (example) <https://example.org/chp-2026>"
    )
    assert [v.label for v in book.rule("chp.offered").versions][-2:] == ["FY2026", "FY2027 onward"]
    shipped_answer = check_eligibility(bpd, cr.GrantProgram.CHP, fiscal_year=FY(2026))
    assert shipped_answer.status is Eligibility.UNDETERMINED
    assert [r.rule for r in shipped_answer.reasons] == ["chp.offered"]


def test_rules_must_be_a_rule_book(bpd: cr.Agency) -> None:
    with pytest.raises(cr.ValidationError, match="'rules' must be a RuleBook or None"):
        check_eligibility(bpd, cr.CRIProgram.CRI_TAC, fiscal_year=FY(2024), rules={})  # type: ignore[arg-type]


def test_every_version_describes_its_value() -> None:
    for rule in rule_parameters():
        for version in rule.versions:
            assert version.describe(), (rule.id, version.label)
