"""Fuzzing the identifier modules: is_valid never raises, validate raises only our error."""

from typing import Any

import pytest
from hardening_support import json_values
from hypothesis import given
from hypothesis import strategies as st

import copsreform as cr
from copsreform.identifiers import assistance_listing, award_number, ori, solicitation, uei

MODULES = [ori, uei, award_number, solicitation, assistance_listing]
#: Characters the identifier patterns use, so that near-misses are common.
NEAR = st.text(
    alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz -._:O\u017f\ufb01\uff10", max_size=40
)


@pytest.mark.parametrize("module", MODULES, ids=[m.__name__.rsplit(".", 1)[1] for m in MODULES])
@given(value=json_values(4) | NEAR | st.text(max_size=300))
def test_is_valid_never_raises_and_agrees_with_validate(module: Any, value: Any) -> None:
    valid = module.is_valid(value)
    assert isinstance(valid, bool)
    if not valid:
        with pytest.raises(cr.ValidationError):
            module.validate(value)
        return
    canonical = module.validate(value)
    assert canonical == module.validate(canonical)  # the canonical form is stable
    assert module.is_valid(module.format(canonical))
