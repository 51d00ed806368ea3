"""Honest signatures at run time: constructor annotations and Grant.fiscal_year as a field."""

import inspect
import pickle

import attrs
import pytest

import copsreform as cr
from format_examples import EXAMPLES

GRANT = EXAMPLES["grant-chp-fy2024"]
assert isinstance(GRANT, cr.Grant)

MODEL_CLASSES = [
    obj for name in cr.__all__ if inspect.isclass(obj := getattr(cr, name)) and attrs.has(obj)
]


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
def test_no_constructor_parameter_is_typed_object(cls: type) -> None:
    loose = [
        name
        for name, parameter in inspect.signature(cls).parameters.items()
        if parameter.annotation in (object, "object", inspect.Parameter.empty)
    ]
    # Problem.value is any value a user gave, by definition.
    assert loose == (["value"] if cls is cr.Problem else [])


def test_money_parameters_say_decimal_or_int() -> None:
    parameters = inspect.signature(cr.Grant).parameters
    for name in ("federal_amount", "local_match"):
        assert str(parameters[name].annotation) in ("Decimal | int", "decimal.Decimal | int")


def test_fiscal_year_is_a_public_field() -> None:
    assert "fiscal_year" in attrs.fields_dict(cr.Grant)
    assert "fiscal_year" in cr.Grant.__match_args__
    assert "_fiscal_year" not in repr(GRANT)
    assert "fiscal_year=FiscalYear(2024)" in repr(GRANT)
    assert attrs.asdict(GRANT, recurse=False)["fiscal_year"] == cr.FiscalYear(2024)


def test_asdict_and_evolve_round_trip() -> None:
    assert cr.Grant(**attrs.asdict(GRANT, recurse=False)) == GRANT
    assert attrs.evolve(GRANT) == GRANT
    moved = attrs.evolve(GRANT, positions=3)
    assert (moved.positions, moved.fiscal_year) == (3, GRANT.fiscal_year)
    assert pickle.loads(pickle.dumps(GRANT)) == GRANT  # noqa: S301 - our own bytes


def test_fiscal_year_can_be_matched_by_position_and_keyword() -> None:
    match GRANT:
        case cr.Grant(fiscal_year=cr.FiscalYear(year=year)):
            assert year == 2024
        case _:  # pragma: no cover - the case above must match
            pytest.fail("Grant did not match on fiscal_year")


def test_fiscal_year_none_still_means_derive_it() -> None:
    rebuilt = attrs.evolve(GRANT, fiscal_year=None)
    assert rebuilt.fiscal_year == cr.FiscalYear(2024)


def test_a_fiscal_year_that_disagrees_is_still_refused() -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        attrs.evolve(GRANT, fiscal_year=cr.FiscalYear(2023))
    assert excinfo.value.path == "Grant.fiscal_year"


def test_the_wire_still_reads_null_as_derive_it() -> None:
    data = cr.to_dict(GRANT)
    assert data["fiscal_year"] == 2024
    assert cr.from_dict(cr.Grant, {**data, "fiscal_year": None}) == GRANT
