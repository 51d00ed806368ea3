import pickle

import pytest

import copsreform as cr
from copsreform.errors import MISSING, Problem


def test_one_problem_reads_as_the_template() -> None:
    err = cr.ValidationError([Problem("must be 9 characters", "MA01301", ("recipient", "ori"))])
    assert str(err) == "'$.recipient.ori' must be 9 characters (got 'MA01301')"


def test_several_problems_are_listed_one_per_line() -> None:
    err = cr.ValidationError(
        [Problem("is required", MISSING, ("end",)), Problem("must be an int", 1.9, ("positions",))]
    )
    assert str(err).splitlines() == [
        "2 problems:",
        "  - '$.end' is required",
        "  - '$.positions' must be an int (got 1.9)",
    ]


def test_an_error_without_problems_cannot_be_made() -> None:
    with pytest.raises(ValueError, match="at least one problem"):
        cr.ValidationError([])


def test_long_values_are_shortened_in_the_message_but_kept_on_the_problem() -> None:
    value = "X" * 10_000
    err = cr.ValidationError.single("is too long", value, ("name",))
    assert len(str(err)) < 150
    assert err.value == value


def test_positions_render_in_brackets() -> None:
    assert Problem("x", 1, ("recommendations", 2, "status")).path == "$.recommendations[2].status"


def test_relocation_keeps_the_subclass_and_every_problem() -> None:
    err = cr.IllegalTransitionError.single(
        "cannot go", "completed", ("history", 0), root="Engagement"
    )
    moved = err.under("$", ("engagements", 3))
    assert type(moved) is cr.IllegalTransitionError
    assert moved.path == "$.engagements[3].history[0]"


def test_validation_errors_are_value_errors_and_copsreform_errors() -> None:
    assert issubclass(cr.ValidationError, ValueError)
    assert issubclass(cr.ValidationError, cr.CopsReformError)


def test_validation_errors_survive_pickling() -> None:
    err = cr.IllegalTransitionError.single("cannot go", "x", ("history", 1), root="Engagement")
    back = pickle.loads(pickle.dumps(err))  # noqa: S301 - round trip of our own object
    assert (type(back), back.problems) == (cr.IllegalTransitionError, err.problems)


def test_provider_not_found_names_the_query() -> None:
    err = cr.ProviderNotFoundError("Acme", ())
    assert (str(err), err.query) == ("no TA provider is named 'Acme'", "Acme")
    assert isinstance(err, LookupError)
