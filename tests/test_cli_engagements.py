"""``copsreform engagements``: the shipped dataset on the command line."""

import io
import json

from click.testing import CliRunner

import copsreform as cr
from copsreform.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["engagements", *args])
    return result.exit_code, result.stdout, result.stderr


def test_text_lists_the_matching_engagements_with_a_count() -> None:
    code, out, _ = run("--state", "ca")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == [
        "year",
        "state",
        "agency",
        "program",
        "provider",
        "findings",
        "recs",
    ]
    assert sum("San Francisco Police Department" in line for line in lines) == 1
    assert (
        lines[-1] == f"{len(cr.engagements(state='CA'))} engagements; sources: --format json or csv"
    )


def test_json_is_one_engagement_per_line_with_its_sources() -> None:
    code, out, _ = run("--year", "2016", "--format", "json")
    assert code == 0
    loaded = [cr.from_json(cr.Engagement, line) for line in out.splitlines()]
    assert tuple(loaded) == cr.engagements(year=2016)
    assert all(json.loads(line)["sources"] for line in out.splitlines())


def test_csv_reads_back_into_the_same_engagements() -> None:
    code, out, _ = run("--program", "critical_response_ta", "--format", "csv")
    assert code == 0
    back = tuple(cr.read_csv(cr.Engagement, io.StringIO(out)))
    assert back == cr.engagements(program=cr.CRIProgram.CRITICAL_RESPONSE_TA)


def test_the_provider_filter_takes_a_former_name() -> None:
    code, out, _ = run("--provider", "Police Foundation", "--format", "json")
    assert code == 0
    names = {json.loads(line)["provider"]["name"] for line in out.splitlines()}
    assert names == {"National Policing Institute"}


def test_no_match_says_so() -> None:
    assert run("--year", "1999") == (0, "no engagement matches\n", "")


def test_a_bad_state_is_a_usage_error_naming_the_filter() -> None:
    code, _, err = run("--state", "XX")
    assert code == 2
    assert "'engagements.state' must be a U.S. state or territory code (got 'XX')" in err


def test_an_unknown_program_is_refused_by_click() -> None:
    code, _, err = run("--program", "reform")
    assert code == 2
    assert "'reform' is not one of" in err
