"""Every documented size limit: accepted at the limit, refused just past it, quickly.

The figures are in docs/reliability.rst; each test here names the limit it covers.
"""

import io
import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import pytest
from hardening_support import FORMAT_DOCUMENTS

import copsreform as cr
from copsreform import _fields, batch, serialization
from copsreform.errors import _MAX_SHOWN
from copsreform.fiscal import MAX_YEAR, MIN_YEAR
from copsreform.identifiers import assistance_listing, award_number, ori, solicitation, uei
from copsreform.identifiers._common import MAX_INPUT_LENGTH

#: The most any refusal of a hostile input may take (seconds). Generous for slow CI
#: machines; each refusal here takes well under 50 ms on a laptop.
QUICK = 1.0

ORGANIZATION = {"name": "CITY OF FEDERAL WAY", "state": "WA"}
FEDERAL_WAY = cr.Organization(name="CITY OF FEDERAL WAY", state="WA")
GRANT = next(d for k, d in FORMAT_DOCUMENTS if k == "grant")
PROVIDER = next(d for k, d in FORMAT_DOCUMENTS if k == "provider")


@contextmanager
def quickly(limit: float = QUICK) -> Iterator[None]:
    started = time.perf_counter()
    yield
    elapsed = time.perf_counter() - started
    assert elapsed < limit, f"took {elapsed:.3f}s"


def refused(call: Callable[[], object], error: type[Exception] = cr.ValidationError) -> str:
    """Run ``call`` quickly, expecting ``error``; return its message."""
    with quickly(), pytest.raises(error) as caught:
        call()
    return str(caught.value)


# Names and texts ----------------------------------------------------------------------


def test_a_name_of_max_name_characters_is_accepted() -> None:
    name = "N" * _fields.MAX_NAME
    assert name == cr.from_dict(cr.Organization, {**ORGANIZATION, "name": name}).name


def test_a_name_one_past_max_name_is_refused() -> None:
    message = refused(lambda: cr.from_dict(cr.Organization, {**ORGANIZATION, "name": "N" * 301}))
    assert message.startswith("'$.name' must be at most 300 characters (got 'NNN")


def test_a_description_of_max_text_characters_is_accepted() -> None:
    text = "d" * _fields.MAX_TEXT
    assert text == cr.from_dict(cr.Grant, {**GRANT, "description": text}).description


def test_a_description_one_past_max_text_is_refused() -> None:
    message = refused(lambda: cr.from_dict(cr.Grant, {**GRANT, "description": "d" * 20_001}))
    assert "'$.description' must be at most 20000 characters" in message


def test_a_provider_alias_of_max_text_is_accepted_and_one_more_is_refused() -> None:
    alias = "a" * _fields.MAX_TEXT
    assert (alias,) == cr.from_dict(cr.Provider, {**PROVIDER, "aliases": [alias]}).aliases
    message = refused(lambda: cr.from_dict(cr.Provider, {**PROVIDER, "aliases": [alias + "a"]}))
    assert "'$.aliases' must hold strings of at most 20000 characters" in message


def test_a_huge_value_is_shown_shortened_in_the_message() -> None:
    message = refused(
        lambda: cr.from_dict(cr.Organization, {**ORGANIZATION, "name": "N" * 10_000_000})
    )
    assert len(message) < 200
    assert _MAX_SHOWN == 80


# Money ------------------------------------------------------------------------------


def test_the_largest_amount_below_max_money_is_accepted() -> None:
    grant = cr.from_dict(cr.Grant, {**GRANT, "federal_amount": "9999999999999.99"})
    assert Decimal("9999999999999.99") == grant.federal_amount
    assert Decimal("1e13") == _fields.MAX_MONEY


@pytest.mark.parametrize(
    "text",
    [
        "10000000000000.00",  # ten trillion: one past the limit
        "1e999999999",
        "-1E+999999999",
        "9" * 10_000,
        "0." + "0" * 10_000 + "1",
        "1.001",
        "NaN",
        "Infinity",
        "\uff11\uff12",  # full-width digits, which Decimal() itself would accept
    ],
    ids=["1e13", "huge-exponent", "huge-negative-exponent", "10k-digits", "10k-decimals",
         "sub-cent", "nan", "infinity", "full-width"],
)  # fmt: skip
def test_hostile_money_text_is_refused_quickly(text: str) -> None:
    message = refused(lambda: cr.from_dict(cr.Grant, {**GRANT, "federal_amount": text}))
    assert "'$.federal_amount' must be a decimal string such as '1250000.00'" in message


@pytest.mark.parametrize(
    "amount",
    [
        Decimal("1e13"),
        Decimal("1e999999999"),
        Decimal("-9e999999999"),
        Decimal("9" * 10_000),
        Decimal("1e-999999999"),
        Decimal("NaN"),
        Decimal("-Infinity"),
        10**13,
    ],
    ids=["1e13", "huge-exponent", "huge-negative", "10k-digits", "tiny", "nan", "-inf", "int-1e13"],
)
def test_hostile_decimals_given_to_a_constructor_are_refused_quickly(amount: object) -> None:
    grant = cr.from_dict(cr.Grant, GRANT)
    with quickly(), pytest.raises(cr.ValidationError) as caught:
        cr.Grant(
            award_number=grant.award_number,
            program=grant.program,
            recipient=grant.recipient,
            federal_amount=amount,
            start=grant.start,
            end=grant.end,
        )
    assert caught.value.path == "Grant.federal_amount"


# Counts and years -------------------------------------------------------------------


def test_a_count_of_max_count_is_accepted_and_one_more_is_refused() -> None:
    agency = next(d for k, d in FORMAT_DOCUMENTS if k == "agency")
    assert cr.from_dict(cr.Agency, {**agency, "population": 10**9}).population == _fields.MAX_COUNT
    message = refused(lambda: cr.from_dict(cr.Agency, {**agency, "population": 10**9 + 1}))
    assert message == "'$.population' must be at most 1,000,000,000 (got 1000000001)"


def test_fiscal_years_are_accepted_from_min_year_to_max_year_only() -> None:
    assert (MIN_YEAR, MAX_YEAR) == (1977, 2199)
    assert cr.FiscalYear(MIN_YEAR).year == 1977
    assert cr.FiscalYear(MAX_YEAR).year == 2199
    for year in (MIN_YEAR - 1, MAX_YEAR + 1, 10**100):
        refused(lambda y=year: cr.FiscalYear(y))  # type: ignore[misc]


def test_a_fiscal_year_label_longer_than_31_characters_is_refused_unread() -> None:
    assert cr.FiscalYear.parse(" " * 25 + "FY2025").year == 2025
    refused(lambda: cr.FiscalYear.parse(" " * 26 + "FY2025"))
    refused(lambda: cr.FiscalYear.parse("FY" + " " * 10_000_000 + "2025"))


# JSON documents ----------------------------------------------------------------------


def _padded(document: dict[str, Any], length: int) -> str:
    text = json.dumps(document)
    return text + " " * (length - len(text))


def test_a_json_document_of_max_document_chars_is_read() -> None:
    text = _padded(ORGANIZATION, serialization.MAX_DOCUMENT_CHARS)
    assert len(text) == 16 * 1024 * 1024
    with quickly():
        assert cr.from_json(cr.Organization, text).state == "WA"


def test_a_json_document_one_past_max_document_chars_is_refused_unparsed() -> None:
    text = _padded(ORGANIZATION, serialization.MAX_DOCUMENT_CHARS + 1)
    message = refused(lambda: cr.from_json(cr.Organization, text), cr.LimitExceededError)
    assert message == (
        "'$' is too long: 16,777,217 characters, more than the 16,777,216 a document may hold"
    )


def _nested(depth: int) -> str:
    return '{"name": ' + "[" * (depth - 1) + "]" * (depth - 1) + "}"


def test_json_nested_max_depth_deep_is_parsed() -> None:
    assert serialization.MAX_DEPTH == 64
    with pytest.raises(cr.ValidationError) as caught:
        cr.from_json(cr.Organization, _nested(64))
    assert not isinstance(caught.value, cr.LimitExceededError)
    assert "'$.name' must be a string" in str(caught.value)


def test_json_nested_one_past_max_depth_is_refused_before_parsing() -> None:
    message = refused(lambda: cr.from_json(cr.Organization, _nested(65)), cr.LimitExceededError)
    assert message.startswith("'$' is nested deeper than 64 levels")


def test_json_nested_a_million_deep_is_refused_quickly() -> None:
    refused(lambda: cr.from_json(cr.Organization, "[" * 1_000_000), cr.LimitExceededError)
    refused(lambda: cr.from_json(cr.Organization, '{"a":' * 500_000), cr.LimitExceededError)


def test_brackets_inside_strings_and_escapes_do_not_count_as_depth() -> None:
    name = '\\"' + "[" * 100 + "{" * 100
    organization = cr.from_json(cr.Organization, json.dumps({"name": name}))
    assert json.loads(json.dumps(name)) == organization.name


def test_a_json_int_of_4300_digits_is_parsed_and_one_more_digit_is_refused() -> None:
    # Python's own limit on int text (sys.int_info.default_max_str_digits) bounds the
    # quadratic cost of converting long digit strings.
    at_limit = '{"name": "X", "population": ' + "9" * 4300 + "}"
    message = refused(lambda: cr.from_json(cr.Agency, at_limit))
    assert "'$.population' must be at most 1,000,000,000" in message
    past = '{"name": "X", "population": ' + "9" * 4301 + "}"
    message = refused(lambda: cr.from_json(cr.Agency, past), cr.LimitExceededError)
    assert message.startswith("'$' cannot be read: Exceeds the limit (4300 digits)")


def test_a_json_float_with_a_huge_exponent_is_refused_as_not_an_int() -> None:
    message = refused(lambda: cr.from_json(cr.Agency, '{"population": 1e999999999}'))
    assert "'$.population' must be an int (got inf)" in message


# JSON Lines ----------------------------------------------------------------------------


def _line(length: int) -> str:
    return _padded(ORGANIZATION, length)


def test_a_json_lines_line_of_max_line_chars_is_read_from_a_stream_and_a_list() -> None:
    assert serialization.MAX_LINE_CHARS == 1024 * 1024
    line = _line(serialization.MAX_LINE_CHARS)
    stream = io.StringIO(line + "\n" + line + "\r\n")
    outcomes = list(cr.read_jsonl(cr.Organization, stream)) + list(
        cr.read_jsonl(cr.Organization, [line, line + "\n"])
    )
    assert outcomes == [FEDERAL_WAY] * 4


def test_a_json_lines_line_one_past_max_line_chars_is_rejected_and_the_next_is_read() -> None:
    line = _line(serialization.MAX_LINE_CHARS + 1)
    good = json.dumps(ORGANIZATION)
    with quickly():
        outcomes = list(cr.read_jsonl(cr.Organization, io.StringIO(f"{line}\n{good}\n")))
    assert isinstance(outcomes[0], cr.Rejected)
    assert (
        str(outcomes[0])
        == "line 1: '$' is too long: 1,048,577 characters, more than the 1,048,576 a line may hold"
    )
    assert outcomes[1] == FEDERAL_WAY


def test_an_endless_json_lines_line_is_rejected_without_holding_it(tmp_path: Any) -> None:
    path = tmp_path / "endless.jsonl"
    path.write_text("x" * (5 * serialization.MAX_LINE_CHARS) + "\n" + json.dumps(ORGANIZATION))
    with quickly(2 * QUICK):
        outcomes = list(cr.read_jsonl(cr.Organization, path))
    assert [cr.Rejected, cr.Organization] == [type(o) for o in outcomes]
    assert outcomes[0].position == 1  # type: ignore[union-attr]


# Identifiers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("module", "valid"),
    [
        (ori, "MA0130100"),
        (uei, "NSU3DBMM7JN9"),
        (award_number, "15JCOPS24GG03715UHPX"),
        (solicitation, "O-COPS-2024-172067"),
        (assistance_listing, "16.710"),
    ],
    ids=["ori", "uei", "award_number", "solicitation", "assistance_listing"],
)
def test_identifier_input_of_max_input_length_is_examined_and_one_more_is_refused(
    module: Any, valid: str
) -> None:
    assert MAX_INPUT_LENGTH == 200
    padded = valid + " " * (MAX_INPUT_LENGTH - len(valid))
    assert module.compact(valid) == module.compact(module.validate(padded))
    message = refused(lambda: module.validate(padded + " "))
    assert "is too long (at most 200 characters)" in message
    refused(lambda: module.validate(valid * 1_000_000))


# Rejected records ------------------------------------------------------------------------


def _lists(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth - 1):
        value = [value]
    return value


def test_a_rejected_record_is_described_64_levels_deep_and_no_deeper() -> None:
    assert batch.MAX_RAW_DEPTH == 64
    at_limit = cr.Rejected(1, "index", (cr.Problem("x"),), raw=_lists(64))
    assert json.dumps(_lists(64)) == json.dumps(at_limit.as_dict()["raw"])
    past = cr.Rejected(1, "index", (cr.Problem("x"),), raw=_lists(65))
    text = json.dumps(past.as_dict()["raw"])
    assert '"<nested deeper than 64 levels>"' in text
    deep = cr.Rejected(1, "index", (cr.Problem("x"),), raw=_lists(100_000))
    with quickly():
        json.dumps(deep.as_dict())
