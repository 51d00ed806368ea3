"""CSV exports: no cell runs as a formula in a spreadsheet, and reading back loses nothing."""

import csv
import io
import re
from typing import Any

import attrs
from click.testing import CliRunner
from hardening_support import FORMAT_DOCUMENTS
from hypothesis import given
from hypothesis import strategies as st

import copsreform as cr
from copsreform import export, testing
from copsreform.cli import main

#: What spreadsheet programs treat as the start of a formula or a command (OWASP's list,
#: plus a leading apostrophe, which the format escapes so that reading back is exact).
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
#: Cells allowed to start with "-": a negative amount, which a spreadsheet reads as a number.
NUMBER = re.compile(r"-[0-9]+(\.[0-9]{2})?")

hostile_text = st.builds(
    lambda prefix, rest: (prefix + rest).strip() or "x",
    st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", "''", "=-", "@@", ""]),
    st.sampled_from(
        ["1+1", 'HYPERLINK("http://x","y")', "cmd|' /C calc'!A0", "SUM(A1:A9)", "Iolani", ""]
    ),
)


def _hostile_name(draw: st.DrawFn) -> str:
    text = draw(hostile_text)
    return text if text[:1] in (*TRIGGERS, "'") else "=" + text


@st.composite
def hostile_agencies(draw: st.DrawFn) -> cr.Agency:
    agency = draw(testing.agencies())
    return attrs.evolve(agency, name=_hostile_name(draw), county=_hostile_name(draw))


@st.composite
def hostile_grants(draw: st.DrawFn) -> cr.Grant:
    grant = draw(testing.grants())
    recipient = attrs.evolve(grant.recipient, name=_hostile_name(draw))
    return attrs.evolve(grant, recipient=recipient, description=_hostile_name(draw))


def assert_no_formula(text: str) -> None:
    for row in list(csv.reader(io.StringIO(text, newline="")))[1:]:
        for cell in row:
            assert not cell.startswith(TRIGGERS) or NUMBER.fullmatch(cell), cell


@given(st.lists(hostile_agencies(), min_size=1, max_size=5))
def test_agencies_with_formula_names_are_neutralised_and_read_back_exactly(
    agencies: list[cr.Agency],
) -> None:
    out = io.StringIO(newline="")
    export.write_csv(agencies, out)
    assert_no_formula(out.getvalue())
    assert agencies == list(export.read_csv(cr.Agency, io.StringIO(out.getvalue(), newline="")))


@given(st.lists(hostile_grants(), min_size=1, max_size=5))
def test_grants_with_formula_texts_are_neutralised_and_read_back_exactly(
    grants: list[cr.Grant],
) -> None:
    out = io.StringIO(newline="")
    export.write_csv(grants, out)
    assert_no_formula(out.getvalue())
    assert grants == list(export.read_csv(cr.Grant, io.StringIO(out.getvalue(), newline="")))


@given(st.lists(testing.grants(), min_size=1, max_size=5))
def test_any_valid_grants_round_trip_through_csv(grants: list[cr.Grant]) -> None:
    out = io.StringIO(newline="")
    export.write_csv(grants, out)
    assert_no_formula(out.getvalue())
    assert grants == list(export.read_csv(cr.Grant, io.StringIO(out.getvalue(), newline="")))


@given(st.text(max_size=30))
def test_neutralise_then_restore_gives_back_any_text(text: str) -> None:
    cell = export.neutralise(text)
    assert not cell.startswith(TRIGGERS)
    assert text == export.restore(cell)


def test_a_formula_recipient_is_neutralised_in_a_file_that_the_cli_validates_back(
    tmp_path: Any,
) -> None:
    document = next(d for k, d in FORMAT_DOCUMENTS if k == "grant")
    grant = cr.from_dict(cr.Grant, document)
    evil = attrs.evolve(
        grant, recipient=attrs.evolve(grant.recipient, name='=HYPERLINK("http://x","y")')
    )
    csv_out = tmp_path / "grants.csv"
    export.write_csv([evil], csv_out)
    text = csv_out.read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text
    assert_no_formula(text)
    result = CliRunner().invoke(main, ["validate", "grant", str(csv_out)])
    assert result.exit_code == 0, result.output
