import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import copsreform as cr
from copsreform import testing
from copsreform.serialization import MAX_DEPTH, MAX_LINE_CHARS
from format_examples import EXAMPLES, KIND_OF

FORMAT_DIR = Path(__file__).parent / "data" / "format" / "v1"

every_object = st.one_of(
    testing.agencies(),
    testing.organizations(),
    testing.providers(),
    testing.engagements(),
    testing.grants(),
)


@given(every_object)
def test_every_class_round_trips_through_a_dict(obj: Any) -> None:
    assert cr.from_dict(type(obj), cr.to_dict(obj)) == obj


@given(every_object)
def test_every_class_round_trips_through_json_and_json_is_deterministic(obj: Any) -> None:
    text = cr.to_json(obj)
    again = cr.from_json(type(obj), text)
    assert again == obj
    assert cr.to_json(again) == text


@given(testing.grants())
def test_money_never_travels_as_a_number(grant: cr.Grant) -> None:
    data = cr.to_dict(grant)
    assert isinstance(data["federal_amount"], str)
    assert data["federal_amount"] == f"{grant.federal_amount:.2f}"


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_version_1_documents_keep_loading(name: str) -> None:
    """Documents written by format 1 (kept as files) load into the same objects."""
    text = (FORMAT_DIR / f"{name}.json").read_text(encoding="utf-8")
    assert cr.from_json(KIND_OF[name], text) == EXAMPLES[name]


def _without_added_keys(written: Any, kept: Any) -> Any:
    """``written`` without the keys ``kept`` lacks, each of which must hold its default.

    Adding an optional key with a default keeps the format at version 1
    (docs/reference/format.rst): such a key is written, empty, beside the kept ones.
    """
    if isinstance(written, dict) and isinstance(kept, dict):
        added = {k: v for k, v in written.items() if k not in kept}
        assert all(v in (None, [], False) for v in added.values()), added
        return {k: _without_added_keys(v, kept[k]) for k, v in written.items() if k in kept}
    if isinstance(written, list) and isinstance(kept, list) and len(written) == len(kept):
        return [_without_added_keys(w, k) for w, k in zip(written, kept, strict=True)]
    return written


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_this_release_still_writes_version_1_documents(name: str) -> None:
    written = json.loads(cr.to_json(EXAMPLES[name]))
    kept = json.loads((FORMAT_DIR / f"{name}.json").read_text(encoding="utf-8"))
    assert _without_added_keys(written, kept) == kept


def test_the_wire_shape_of_a_grant(chp_grant: cr.Grant) -> None:
    data = cr.to_dict(chp_grant)
    assert list(data) == [
        "award_number",
        "program",
        "recipient",
        "federal_amount",
        "start",
        "end",
        "local_match",
        "match_waived",
        "positions",
        "fiscal_year",
        "solicitation",
        "assistance_listing",
        "description",
        "format_version",
    ]
    assert (data["award_number"], data["program"], data["fiscal_year"]) == (
        "15JCOPS24GG03715UHPX",
        "chp",
        2024,
    )
    assert (data["start"], data["federal_amount"], data["local_match"]) == (
        "2024-10-01",
        "1250000.00",
        "0.00",
    )
    assert data["recipient"]["type"] == "agency"
    assert data["format_version"] == 1


def test_sets_are_written_as_sorted_lists(bpd: cr.Agency) -> None:
    e = cr.Engagement(
        agency=bpd,
        program=cr.CRIProgram.CRITICAL_RESPONSE,
        categories={cr.TACategory.DATA_ANALYSIS, cr.TACategory.AFTER_ACTION_REVIEW},
    )
    assert cr.to_dict(e)["categories"] == ["after_action_review", "data_analysis"]


def test_many_nested_problems_are_all_reported_with_paths(boston_review: cr.Engagement) -> None:
    """cattrs alone reports attrs-validator failures as one unlocated error; we report them all."""
    oa = cr.Engagement(
        agency=boston_review.agency,
        program=cr.CRIProgram.ORGANIZATIONAL_ASSESSMENT,
        recommendations=tuple(cr.Recommendation(f"R{i}") for i in range(3)),
    )
    data = cr.to_dict(oa)
    data["agency"]["ori"] = "MA01301"
    data["agency"]["state"] = "XX"
    data["agency"]["population"] = 1.9
    data["recommendations"][2]["status"] = "finished"
    data["recommendations"][0]["text"] = 7
    data["requested_on"] = "2024-13-01"
    data["colour"] = "blue"
    del data["program"]
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.from_dict(cr.Engagement, data)
    found = {(p.path, p.reason, repr(p.value)) for p in excinfo.value.problems}
    assert found == {
        ("$.colour", "is not a known field", "'blue'"),
        ("$.program", "is required", "MISSING"),
        ("$.agency.state", "must be a USPS code of a state, DC or a U.S. territory", "'XX'"),
        ("$.agency.ori", "is a 7-character COPS ORI; give the FBI's 9-character ORI", "'MA01301'"),
        ("$.agency.population", "must be an int", "1.9"),
        ("$.requested_on", "must be a real calendar date", "'2024-13-01'"),
        ("$.recommendations[0].text", "must be a string", "7"),
        (
            "$.recommendations[2].status",
            "must be one of 'complete', 'partially_complete', 'in_progress', 'not_started'",
            "'finished'",
        ),
    }
    assert str(excinfo.value).startswith("8 problems:\n")


def test_cross_field_problems_of_a_nested_object_are_located(chp_grant: cr.Grant) -> None:
    data = cr.to_dict(chp_grant)
    data["recipient"]["agency_type"] = "tribal"
    data["end"] = "2024-01-01"
    data["fiscal_year"] = 2023
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.from_dict(cr.Grant, data)
    assert [str(p) for p in excinfo.value.problems] == [
        "'$.recipient.jurisdiction' must be 'tribal' for an agency of FBI type 'Tribal' (got 'local')",
    ]
    data["recipient"]["agency_type"] = "city"
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.from_dict(cr.Grant, data)
    assert [str(p) for p in excinfo.value.problems] == [
        "'$.fiscal_year' must agree with the award number, which encodes FY2024 (got 'FY2023')",
        "'$.end' must not be before start (2024-10-01) (got '2024-01-01')",
    ]


def test_an_illegal_history_in_a_document_keeps_its_error_type(
    boston_review: cr.Engagement,
) -> None:
    data = cr.to_dict(boston_review)
    data["history"] = [{"status": "completed", "on": "2024-09-01", "note": None}]
    with pytest.raises(cr.IllegalTransitionError) as excinfo:
        cr.from_dict(cr.Engagement, data)
    assert excinfo.value.path == "$.history[0]"


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("positions", 1.9, "must be an int"),
        ("positions", True, "must be an int"),
        ("positions", "10", "must be an int"),
        ("description", 123, "must be a string"),
        (
            "federal_amount",
            1250000.0,
            "must be a decimal string such as '1250000.00', not a number",
        ),
        ("federal_amount", 1250000, "must be a decimal string such as '1250000.00', not a number"),
        (
            "federal_amount",
            "1e6",
            "must be a decimal string such as '1250000.00' (at most 2 decimals)",
        ),
        (
            "federal_amount",
            "12.345",
            "must be a decimal string such as '1250000.00' (at most 2 decimals)",
        ),
        (
            "federal_amount",
            "NaN",
            "must be a decimal string such as '1250000.00' (at most 2 decimals)",
        ),
        ("match_waived", 0, "must be true or false"),
        ("start", "2024-10-1", "must be a date written YYYY-MM-DD"),
        ("start", "20241001", "must be a date written YYYY-MM-DD"),
        (
            "program",
            "CHP",
            "must be one of 'chp', 'cpd', 'cpd_microgrants', 'trgp', 'lemhwa', 'svpp', 'camp', 'ahtf', 'pass', 'safer_outcomes', 'technology', 'cri', 'fast', 'ahead', 'uhp', 'cops_in_schools', 'unknown'",
        ),
        (
            "award_number",
            "15JCOPS-24-GG-03715-UHPX",
            "must be written in canonical form '15JCOPS24GG03715UHPX'",
        ),
        ("fiscal_year", "FY2024", "must be a fiscal year as an int such as 2025"),
    ],
)
def test_input_is_strict_no_silent_coercion(
    chp_grant: cr.Grant, field: str, value: object, reason: str
) -> None:
    data = cr.to_dict(chp_grant)
    data[field] = value
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.from_dict(cr.Grant, data)
    assert [(p.path, p.reason) for p in excinfo.value.problems] == [(f"$.{field}", reason)]
    assert excinfo.value.value == value


def test_a_recipient_needs_its_type_tag(chp_grant: cr.Grant) -> None:
    data = cr.to_dict(chp_grant)
    del data["recipient"]["type"]
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.from_dict(cr.Grant, data)
    assert str(excinfo.value) == "'$.recipient.type' is required: 'agency' or 'organization'"
    data["recipient"]["type"] = "city"
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.from_dict(cr.Grant, data)
    assert (
        str(excinfo.value) == "'$.recipient.type' must be 'agency' or 'organization' (got 'city')"
    )


def test_a_non_object_document_is_refused_at_the_root() -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.from_dict(cr.Grant, [1, 2])
    assert str(excinfo.value) == "'$' must be an object (got [1, 2])"


def test_a_newer_format_version_is_refused_clearly(chp_grant: cr.Grant) -> None:
    data = cr.to_dict(chp_grant) | {"format_version": 2}
    with pytest.raises(cr.ValidationError, match="is newer than this copsreform reads"):
        cr.from_dict(cr.Grant, data)


def test_documents_without_a_version_are_read_as_version_1(chp_grant: cr.Grant) -> None:
    data = cr.to_dict(chp_grant)
    del data["format_version"]
    assert cr.from_dict(cr.Grant, data) == chp_grant


def test_bad_json_text_reports_line_and_column() -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.from_json(cr.Grant, '{\n  "award_number": "2020UMWX0499",\n  "program": }')
    assert excinfo.value.reason == "is not valid JSON: Expecting value at line 3 column 14"


def test_json_bytes_with_a_bom_are_read(chp_grant: cr.Grant) -> None:
    assert cr.from_json(cr.Grant, b"\xef\xbb\xbf" + cr.to_json(chp_grant).encode()) == chp_grant


def test_bytes_that_are_not_utf8_are_refused() -> None:
    with pytest.raises(cr.ValidationError, match="is not UTF-8 text"):
        cr.from_json(cr.Grant, b'{"name": "\xe9"}')


def test_deep_nesting_is_refused_before_parsing() -> None:
    with pytest.raises(cr.LimitExceededError, match=f"nested deeper than {MAX_DEPTH} levels"):
        cr.from_json(cr.Grant, "[" * 100_000 + "]" * 100_000)


def test_brackets_inside_strings_do_not_count_as_nesting(chp_grant: cr.Grant) -> None:
    grant = cr.from_dict(cr.Grant, cr.to_dict(chp_grant) | {"description": "[{" * 200 + '\\"'})
    assert cr.from_json(cr.Grant, cr.to_json(grant)) == grant


def test_to_dict_refuses_what_is_not_a_model_object() -> None:
    with pytest.raises(TypeError, match="needs a copsreform model object"):
        cr.to_dict({"a": 1})


def test_jsonl_streams_good_lines_and_reports_bad_ones_by_line(
    tmp_path: Path, chp_grant: cr.Grant
) -> None:
    good = cr.to_json(chp_grant)
    path = tmp_path / "grants.jsonl"
    path.write_text(
        "\n".join([good, '{"award_number": 1}', "", "not json", good]) + "\n", encoding="utf-8"
    )
    outcomes = list(cr.read_jsonl(cr.Grant, path))
    grants, rejected = cr.split(outcomes)
    assert grants == [chp_grant, chp_grant]
    assert [(r.unit, r.position) for r in rejected] == [("line", 2), ("line", 4)]
    assert "'$.award_number' must be a string (got 1)" in str(rejected[0])
    assert "is not valid JSON" in str(rejected[1])


def test_jsonl_strict_mode_raises_on_the_first_bad_line(chp_grant: cr.Grant) -> None:
    lines = [cr.to_json(chp_grant), '{"award_number": 1}']
    with pytest.raises(cr.ValidationError) as excinfo:
        list(cr.read_jsonl(cr.Grant, lines, strict=True))
    assert excinfo.value.path.startswith("line 2: $.award_number")


def test_jsonl_round_trip_through_a_file(
    tmp_path: Path, chp_grant: cr.Grant, boston_review: cr.Engagement
) -> None:
    path = tmp_path / "out.jsonl"
    assert cr.write_jsonl([chp_grant, chp_grant], path) == 2
    assert list(cr.read_jsonl(cr.Grant, path)) == [chp_grant, chp_grant]
    assert path.read_bytes().count(b"\n") == 2


def test_jsonl_rejects_an_overlong_line_without_holding_it(chp_grant: cr.Grant) -> None:
    stream = io.StringIO("x" * (3 * MAX_LINE_CHARS) + "\n" + cr.to_json(chp_grant) + "\n")
    outcomes = list(cr.read_jsonl(cr.Grant, stream))
    assert isinstance(outcomes[0], cr.Rejected)
    # The whole line's length, though only MAX_LINE_CHARS + 1 characters were kept.
    assert outcomes[0].problems[0].reason == (
        f"is too long: {3 * MAX_LINE_CHARS:,} characters, more than the "
        f"{MAX_LINE_CHARS:,} a line may hold"
    )
    assert outcomes[1] == chp_grant


def test_jsonl_ignores_a_bom_and_crlf(chp_grant: cr.Grant) -> None:
    stream = io.StringIO("\ufeff" + cr.to_json(chp_grant) + "\r\n" + cr.to_json(chp_grant) + "\r\n")
    assert list(cr.read_jsonl(cr.Grant, stream)) == [chp_grant, chp_grant]


@given(every_object)
def test_the_direct_writers_give_exactly_the_generic_encoding(obj: Any) -> None:
    """to_json writes straight from the object; it must match encoding to_dict's output."""
    generic = json.dumps(cr.to_dict(obj), ensure_ascii=False, separators=(",", ":"))
    assert cr.to_json(obj) == generic


@given(testing.agencies(), st.sampled_from(list(cr.CRIProgram)))
def test_decisions_encode_exactly_like_the_generic_encoding(
    agency: cr.Agency, program: cr.CRIProgram
) -> None:
    decision = cr.check_eligibility(agency, program, fiscal_year=cr.FiscalYear(2024))
    generic = json.dumps(cr.to_dict(decision), ensure_ascii=False, separators=(",", ":"))
    assert cr.to_json(decision) == generic
    assert cr.from_json(cr.Decision, cr.to_json(decision)) == decision


def test_text_that_json_must_escape_is_escaped_the_same_way(chp_grant: cr.Grant) -> None:
    tricky = 'quote " backslash \\ newline \n tab \t control \x01 accent é emoji 😀 \u2028'
    grant = cr.from_dict(cr.Grant, cr.to_dict(chp_grant) | {"description": tricky})
    assert cr.to_json(grant) == json.dumps(
        cr.to_dict(grant), ensure_ascii=False, separators=(",", ":")
    )
    assert cr.from_json(cr.Grant, cr.to_json(grant)).description == tricky.strip()


def test_to_json_refuses_what_to_dict_refuses() -> None:
    with pytest.raises(TypeError, match="needs a copsreform model object"):
        cr.to_json(cr.FiscalYear(2025))


def test_a_bad_member_of_a_set_is_located_by_its_index(boston_review: cr.Engagement) -> None:
    data = cr.to_dict(boston_review) | {"categories": ["data_analysis", "triage", 7]}
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.from_dict(cr.Engagement, data)
    assert [(p.path, p.value) for p in excinfo.value.problems] == [
        ("$.categories[1]", "triage"),
        ("$.categories[2]", 7),
    ]
