"""Properties every identifier module has, checked for all five with generated input."""

from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copsreform.errors import ValidationError
from copsreform.identifiers import assistance_listing, award_number, ori, solicitation, uei

_MODULES = (ori, uei, award_number, solicitation, assistance_listing)

_YEAR = r"(199[4-9]|20[0-9][0-9])"

# Strings of the right shape in any case and with the separators each module allows.
_VALID = {
    ori: st.from_regex(r"[A-Za-z]{2}[A-Za-z0-9]{7}", fullmatch=True),
    uei: st.from_regex(
        r"[1-9A-HJ-NP-Za-hj-np-z][0-9A-HJ-NP-Za-hj-np-z]{11}", fullmatch=True
    ).filter(uei.is_valid),
    award_number: st.one_of(
        st.from_regex(r"15JCOPS-?[0-9]{2}-?G[GK]-?[0-9]{5}-?[A-Z]{4}", fullmatch=True),
        st.from_regex(_YEAR + r"-?[A-Za-z]{2}-?WX-?[A-Z0-9]{4}", fullmatch=True),
    ),
    solicitation: st.one_of(
        st.from_regex(r"[Oo]-?COPS-?[0-9]{4}-?[0-9]{5,6}", fullmatch=True),
        st.from_regex(r"[A-Za-z0-9]{1,12}(-[A-Za-z0-9]{1,12}){0,4}-" + _YEAR, fullmatch=True),
    ),
    assistance_listing: st.from_regex(r" ?[0-9]{2}\.[0-9]{3} ?", fullmatch=True),
}

# Characters that matter to the rules: digits, I and O, the letters of WX, GG and GK,
# the separators, a non-ASCII letter and a symbol.
_EDIT_CHARACTERS = "0123456789AIOGKWXZaio -.\u017f*"


@st.composite
def _near(draw: st.DrawFn, valid: st.SearchStrategy[str]) -> str:
    """Draw a valid-shaped string, then insert, replace or delete one character (or not)."""
    text = draw(valid)
    position = draw(st.integers(0, len(text)))
    character = draw(st.sampled_from(_EDIT_CHARACTERS))
    edit = draw(st.sampled_from(("keep", "insert", "replace", "delete")))
    if edit == "insert":
        return text[:position] + character + text[position:]
    if edit == "replace":
        return text[:position] + character + text[position + 1 :]
    if edit == "delete":
        return text[:position] + text[position + 1 :]
    return text


_NEAR_VALID = {module: _near(valid) for module, valid in _VALID.items()}

_ANY_OBJECT = st.one_of(
    st.text(),
    st.integers(),
    st.none(),
    st.binary(),
    st.floats(),
    st.lists(st.text(max_size=3), max_size=3),
)


def _validates(module: ModuleType, value: object) -> bool:
    try:
        module.validate(value)
    except ValidationError:
        return False
    return True


_by_module = pytest.mark.parametrize("module", _MODULES, ids=lambda m: m.__name__.rsplit(".")[-1])


@_by_module
@given(data=st.data())
def test_is_valid_agrees_with_validate_on_arbitrary_text(
    module: ModuleType, data: st.DataObject
) -> None:
    text = data.draw(st.text())
    assert module.is_valid(text) == _validates(module, text)


@_by_module
@given(data=st.data())
def test_is_valid_agrees_with_validate_on_near_valid_text(
    module: ModuleType, data: st.DataObject
) -> None:
    text = data.draw(_NEAR_VALID[module])
    assert module.is_valid(text) == _validates(module, text)


@_by_module
@given(data=st.data())
def test_validate_accepts_every_well_shaped_value_and_format_round_trips(
    module: ModuleType, data: st.DataObject
) -> None:
    number = data.draw(_VALID[module])
    canonical = module.validate(number)
    assert canonical == module.validate(module.format(number))
    assert canonical == module.validate(canonical)


@_by_module
@given(data=st.data())
def test_compact_is_idempotent(module: ModuleType, data: st.DataObject) -> None:
    text = data.draw(st.one_of(st.text(), _NEAR_VALID[module]))
    once = module.compact(text)
    assert once == module.compact(once)


@_by_module
@given(data=st.data())
def test_is_valid_never_raises_for_any_object(module: ModuleType, data: st.DataObject) -> None:
    value = data.draw(_ANY_OBJECT)
    assert isinstance(module.is_valid(value), bool)
