"""Every public error survives pickling: equal type, message and attributes."""

import inspect
import pickle

import pytest

import copsreform as cr
from copsreform import errors

TWO_PROBLEMS = [
    errors.Problem("is required", errors.MISSING, ("end",)),
    errors.Problem("must be a USPS code", "XX", ("recipient", "state")),
]

#: One or more instances of every public error class, built as the library builds them.
SAMPLES: list[BaseException] = [
    cr.CopsReformError("something went wrong"),
    cr.ValidationError(TWO_PROBLEMS),
    cr.ValidationError.single("must be 9 characters", "MA01301", ("ori",), root="Agency"),
    cr.ArgumentTypeError.single("must be JSON text (str or bytes)", 12, root="text"),
    cr.IllegalTransitionError.single("cannot go from 'closed' to 'active'", "active"),
    cr.LimitExceededError.single("is longer than 10 characters", "11 characters"),
    cr.NotFoundError("nothing here"),
    cr.ProviderNotFoundError("Natonal Policing Institute", ("National Policing Institute",)),
    cr.ProviderNotFoundError("Nobody"),
    cr.RuleNotInForceError("chp.max_federal_per_position", "FY1990"),
    cr.SourceFormatError("no header row", source="awards.csv"),
    cr.SourceFormatError("no header row"),
    cr.MissingExtraError("to_arrow", "pyarrow", "arrow"),
    cr.MissingExtraError("to_pandas", "pandas"),
]


def state(error: BaseException) -> dict[str, object]:
    """What a user can read from an error: message, args and every attribute."""
    found: dict[str, object] = {"type": type(error), "str": str(error), "args": error.args}
    found.update(vars(error))
    if isinstance(error, cr.ValidationError):
        found["problems"] = [(p.reason, p.value, p.location, p.root) for p in error.problems]
        found["path"], found["value"], found["reason"] = error.path, error.value, error.reason
    return found


def public_error_classes() -> set[type[BaseException]]:
    return {
        obj
        for name in cr.__all__
        if inspect.isclass(obj := getattr(cr, name)) and issubclass(obj, BaseException)
    } | {
        obj
        for name in errors.__all__
        if inspect.isclass(obj := getattr(errors, name)) and issubclass(obj, BaseException)
    }


def test_the_samples_cover_every_public_error_class() -> None:
    assert public_error_classes() == {type(sample) for sample in SAMPLES}


@pytest.mark.parametrize("error", SAMPLES, ids=lambda e: f"{type(e).__name__}:{e}")
@pytest.mark.parametrize("protocol", [0, 2, pickle.HIGHEST_PROTOCOL])
def test_an_error_pickles_to_an_equal_message_and_equal_attributes(
    error: BaseException, protocol: int
) -> None:
    copy = pickle.loads(pickle.dumps(error, protocol=protocol))  # noqa: S301 - our own bytes
    assert state(copy) == state(error)


def test_a_provider_error_does_not_double_its_message() -> None:
    error = cr.ProviderNotFoundError("Jensen Hughs", ("Jensen Hughes",))
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert str(copy) == "no TA provider is named 'Jensen Hughs'; did you mean 'Jensen Hughes'?"
    assert (copy.query, copy.suggestions) == ("Jensen Hughs", ("Jensen Hughes",))


def test_errors_raised_by_the_library_pickle_too() -> None:
    raised: list[BaseException] = []
    for attempt in (
        lambda: cr.find_provider("Jensen Hughs"),
        lambda: cr.from_json(cr.Organization, '{"name": ""}'),
        lambda: cr.from_json(cr.Organization, 12),
        lambda: cr.Agency(
            name="", state="XX", jurisdiction=cr.Jurisdiction.LOCAL, agency_type=cr.AgencyType.CITY
        ),
    ):
        with pytest.raises(cr.CopsReformError) as excinfo:
            attempt()
        raised.append(excinfo.value)
    for error in raised:
        assert state(pickle.loads(pickle.dumps(error))) == state(error)  # noqa: S301


@pytest.mark.parametrize(
    "attempt",
    [
        lambda: cr.from_json(cr.Organization, 12),
        lambda: list(cr.read_jsonl(cr.Organization, 12)),  # type: ignore[arg-type]
        lambda: cr.write_jsonl([], 12),  # type: ignore[arg-type]
        lambda: list(cr.read_usaspending(12)),  # type: ignore[arg-type]
        lambda: list(cr.read_cde(12)),  # type: ignore[arg-type]
        lambda: cr.FiscalYear.of("2024-10-01"),  # type: ignore[arg-type]
        lambda: cr.check_eligibility(
            "BPD",  # type: ignore[arg-type]
            cr.GrantProgram.CHP,
            fiscal_year=cr.FiscalYear(2024),
        ),
        lambda: cr.to_dict(12),
        lambda: cr.json_schema(dict),
    ],
)
def test_an_argument_of_the_wrong_type_is_a_type_error(attempt: object) -> None:
    assert callable(attempt)
    with pytest.raises(TypeError) as excinfo:
        attempt()
    # Python's own complaint about a call (a missing argument) would be a bare TypeError.
    assert "argument" not in str(excinfo.value)
