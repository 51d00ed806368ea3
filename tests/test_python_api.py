"""Constructors report every field problem; to_dict's modes; nested parts read alone."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

import copsreform as cr
from format_examples import EXAMPLES, KIND_OF

GRANT = EXAMPLES["grant-chp-fy2024"]
assert isinstance(GRANT, cr.Grant)


def test_an_agency_reports_every_field_problem_at_once() -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.Agency(
            name="",
            state="XX",
            ori="MA01301",
            jurisdiction=cr.Jurisdiction.LOCAL,
            agency_type=cr.AgencyType.CITY,
        )
    assert [p.path for p in excinfo.value.problems] == ["Agency.name", "Agency.state", "Agency.ori"]


def test_a_grant_reports_every_field_problem_at_once() -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.Grant(
            award_number="nope",
            program="chp",  # type: ignore[arg-type]
            recipient=GRANT.recipient,
            federal_amount=1.5,  # type: ignore[arg-type]
            start=dt.date(2024, 10, 1),
            end="2029-09-30",  # type: ignore[arg-type]
            positions=-1,
        )
    assert [p.path for p in excinfo.value.problems] == [
        "Grant.award_number",
        "Grant.program",
        "Grant.federal_amount",
        "Grant.end",
        "Grant.positions",
    ]


def test_constructor_and_from_dict_report_the_same_field_problems() -> None:
    data = {**cr.to_dict(GRANT), "federal_amount": "1.555", "positions": -1}
    with pytest.raises(cr.ValidationError) as from_wire:
        cr.from_dict(cr.Grant, data)
    with pytest.raises(cr.ValidationError) as from_python:
        cr.Grant(
            award_number=GRANT.award_number,
            program=GRANT.program,
            recipient=GRANT.recipient,
            federal_amount=Decimal("1.555"),
            start=GRANT.start,
            end=GRANT.end,
            positions=-1,
        )
    wire = [p.location for p in from_wire.value.problems]
    assert wire == [p.location for p in from_python.value.problems]
    assert wire == [("federal_amount",), ("positions",)]


def test_a_single_problem_keeps_its_error_and_message() -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.Organization(name="")
    assert str(excinfo.value) == "'Organization.name' must not be empty (got '')"


def test_cross_field_problems_are_still_reported_when_every_field_is_valid() -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.Agency(
            name="Boston Police Department",
            state="MA",
            ori="NY0130100",
            jurisdiction=cr.Jurisdiction.LOCAL,
            agency_type=cr.AgencyType.CITY,
        )
    assert excinfo.value.path == "Agency.ori"
    assert "NCIC code of state 'MA'" in excinfo.value.reason


def test_the_constructor_signature_is_kept_for_help_and_tools() -> None:
    import inspect

    assert list(inspect.signature(cr.Organization).parameters) == ["name", "state", "uei", "kind"]


def test_python_mode_gives_python_values() -> None:
    data = cr.to_dict(GRANT, mode="python")
    assert data["federal_amount"] == Decimal("1250000.00")
    assert isinstance(data["federal_amount"], Decimal)
    assert data["start"] == dt.date(2024, 10, 1)
    assert data["program"] is cr.GrantProgram.CHP
    assert data["fiscal_year"] == cr.FiscalYear(2024)
    assert data["recipient"]["type"] == "agency"
    assert data["recipient"]["jurisdiction"] is cr.Jurisdiction.LOCAL


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_both_modes_give_the_same_keys_in_the_same_order(name: str) -> None:
    def keys(value: Any) -> Any:
        if isinstance(value, dict):
            return [(k, keys(v)) for k, v in value.items()]
        if isinstance(value, list):
            return [keys(v) for v in value]
        return None

    obj = EXAMPLES[name]
    assert keys(cr.to_dict(obj, mode="python")) == keys(cr.to_dict(obj))


def test_python_mode_sorts_sets_by_value_like_the_json_mode() -> None:
    provider = cr.Provider(
        name="Example Institute",
        programs=frozenset(
            {cr.CRIProgram.ORGANIZATIONAL_ASSESSMENT, cr.CRIProgram.CRITICAL_RESPONSE}
        ),
    )
    assert [m.value for m in cr.to_dict(provider, mode="python")["programs"]] == cr.to_dict(
        provider
    )["programs"]


def test_an_unknown_mode_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="'mode' must be 'json' or 'python'"):
        cr.to_dict(GRANT, mode="yaml")  # type: ignore[arg-type]


def test_a_grant_recipient_cut_out_of_to_dict_reads_on_its_own() -> None:
    recipient = cr.to_dict(GRANT)["recipient"]
    assert recipient["type"] == "agency"
    assert cr.from_dict(cr.Agency, recipient) == GRANT.recipient
    organization = cr.to_dict(EXAMPLES["grant-deobligation"])["recipient"]
    assert cr.from_dict(cr.Organization, organization) == EXAMPLES["grant-deobligation"].recipient  # type: ignore[attr-defined]


def test_a_recipient_tag_of_another_class_is_refused_at_its_path() -> None:
    recipient = cr.to_dict(GRANT)["recipient"]
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.from_dict(cr.Agency, {**recipient, "type": "organization"})
    assert [(p.path, p.reason) for p in excinfo.value.problems] == [
        ("$.type", "must be 'agency' (or left out)")
    ]


def test_a_non_recipient_class_still_refuses_a_type_key() -> None:
    data = {**cr.to_dict(EXAMPLES["provider"]), "type": "agency"}
    with pytest.raises(cr.ValidationError, match=r"'\$.type' is not a known field"):
        cr.from_dict(cr.Provider, data)


@pytest.mark.parametrize("cls", [dict, list, int, str, cr.FiscalYear, "Grant", None])
def test_from_dict_refuses_a_class_that_is_not_a_model_class(cls: Any) -> None:
    with pytest.raises(cr.ArgumentTypeError) as excinfo:
        cr.from_dict(cls, {})
    assert excinfo.value.path == "cls"
    assert isinstance(excinfo.value, TypeError)


def test_from_json_and_read_jsonl_refuse_it_too() -> None:
    with pytest.raises(TypeError, match="must be a copsreform model class"):
        cr.from_json(dict, "{}")
    with pytest.raises(TypeError, match="must be a copsreform model class"):
        list(cr.read_jsonl(dict, ["{}"], strict=True))


def test_every_example_kind_round_trips_through_both_paths() -> None:
    for name, obj in EXAMPLES.items():
        assert cr.from_dict(KIND_OF[name], cr.to_dict(obj)) == obj
