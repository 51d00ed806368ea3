"""A fixture shared by the identifier tests: checking how a value is refused."""

from collections.abc import Callable

import pytest

from copsreform.errors import ValidationError

Validator = Callable[[object], object]
AssertRefused = Callable[[Validator, object, str, str, str], None]


@pytest.fixture
def assert_refused() -> AssertRefused:
    """Return a check that ``validator(value)`` raises a ValidationError as described.

    The check compares the exact message, the exact type (not a subclass), the path, the
    reason, and that the error holds the very object given, not a cleaned-up copy.
    """

    def check(validator: Validator, value: object, path: str, reason: str, message: str) -> None:
        with pytest.raises(ValidationError) as excinfo:
            validator(value)
        error = excinfo.value
        assert ValidationError is type(error)
        assert message == str(error)
        assert (path, reason) == (error.path, error.reason)
        assert value is error.value

    return check
