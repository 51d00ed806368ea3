"""'copsreform link' and 'summary --by agency' end to end on the bundled real data; link rows."""

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

import copsreform as cr
from conftest import award, org
from copsreform.cli import main
from copsreform.linking import LINK_COLUMNS, agency_totals, link_rows, read_link_rows, write_links

DATA = Path(cr.__file__).parent / "data"
PAGE = DATA / "usaspending" / "spending_by_award_16710_WA_page1.json"
FBI = DATA / "cde" / "agencies-by-state-2018.json.gz"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def grants_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("link") / "grants.jsonl"
    code, _, _ = run("import", "usaspending", str(PAGE), "--listing", "16.710", "--state", "WA",
                     "-o", str(path))  # fmt: skip
    assert code == 0
    return path


@pytest.fixture(scope="module")
def links_csv(grants_file: Path) -> tuple[Path, str]:
    out = grants_file.with_name("links.csv")
    code, _, err = run("link", str(grants_file), str(FBI), "-o", str(out))
    # The FBI list's 5 bad records are reported, so the exit status is 1; the rest link.
    assert code == 1
    return out, err


def test_link_writes_one_row_per_link_and_one_per_unlinked_grant(
    links_csv: tuple[Path, str],
) -> None:
    path, err = links_csv
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert tuple(rows[0]) == LINK_COLUMNS
    assert len(rows) == 105  # 91 single links, 5 grants with 2 links each, 4 without
    assert {r["award_number"] for r in rows} == {
        g.award_number for g in cr.read_bundled_usaspending()
    }  # type: ignore[union-attr]
    first = rows[0]
    assert (first["award_number"], first["ori"], first["confidence"], first["rule"]) == (
        "2020UMWX0499", "WA0173600", "high", "city_police")  # fmt: skip
    assert "Federal Way Police Department" in first["evidence"]
    unlinked = [r for r in rows if r["status"] == "unlinked"]
    assert len(unlinked) == 4
    assert all(r["ori"] == "" and r["reason"] for r in unlinked)
    assert (
        "100 grants: 96 linked, 0 ambiguous, 4 not linked; links high 91, medium 10, low 0" in err
    )
    assert "(got 'C0034019E')" in err


def test_link_to_jsonl_on_standard_output(grants_file: Path) -> None:
    code, out, err = run("link", str(grants_file), str(FBI), "--report", "json")
    assert code == 1
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 105
    assert rows[0]["ori"] == "WA0173600"
    counts = json.loads(err.splitlines()[-1])
    assert counts["linked"] == 96
    assert counts["agencies_rejected"] == 5


def test_link_csv_on_standard_output(grants_file: Path) -> None:
    code, out, _ = run("link", str(grants_file), str(FBI), "--format", "csv")
    assert code == 1
    assert out.startswith(",".join(LINK_COLUMNS) + "\n2020UMWX0499,CITY OF FEDERAL WAY,WA,")


def test_link_says_when_the_grants_file_holds_no_grant() -> None:
    code, _, err = run("link", str(PAGE), str(FBI))
    assert code == 1
    assert err.splitlines()[-1] == (
        f"copsreform: {PAGE}: holds no grant to link (read 1, rejected 1); for a USAspending "
        "file, run 'copsreform import usaspending' first"
    )


def test_link_writes_no_parquet(grants_file: Path) -> None:
    code, _, err = run(
        "link", str(grants_file), str(FBI), "-o", str(grants_file.with_name("l.parquet"))
    )
    assert code == 2
    assert "links are written as CSV (.csv) or JSON Lines (.jsonl)" in err


def test_link_refuses_to_write_over_an_input(grants_file: Path) -> None:
    code, _, err = run("link", str(grants_file), str(FBI), "-o", str(grants_file))
    assert code == 2
    assert "is also an input" in err


def test_summary_by_agency(links_csv: tuple[Path, str]) -> None:
    path, _ = links_csv
    code, out, _ = run("summary", str(path), "--by", "agency")
    assert code == 0
    lines = [line.split() for line in out.splitlines()]
    assert ["WA0310300", "Everett", "Police", "Department", "2", "6,554,160.00"] in lines
    assert ["WA037100X", "Lummi", "Tribal", "3", "1,617,229.98"] in lines
    assert ["WADI05900", "Lummi", "Tribal", "3", "1,617,229.98"] in lines
    assert ["(not", "linked)", "4", "545,888.00"] in lines
    assert "100 awards, 41,450,414.52 in all" in out
    # The groups come after the agencies.
    assert out.index("(not linked)") > out.index("Marysville")


def test_summary_by_agency_json_and_jsonl(grants_file: Path) -> None:
    jsonl = grants_file.with_name("links.jsonl")
    run("link", str(grants_file), str(FBI), "-o", str(jsonl))
    code, out, _ = run("summary", str(jsonl), "--by", "agency", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["awards"] == 100
    assert data["federal_amount"] == "41450414.52"
    groups = {g["group"]: (g["grants"], g["federal_amount"]) for g in data["totals"]["agency"]}
    assert groups["WA0173600 Federal Way Police Department"] == (3, "1819379.08")


def test_summary_by_agency_alone(links_csv: tuple[Path, str]) -> None:
    code, _, err = run("summary", str(links_csv[0]), "--by", "agency", "--by", "program")
    assert code == 2
    assert "--by agency reads a links file; give it alone" in err


def test_summary_by_agency_of_a_grants_file_says_what_is_wrong(grants_file: Path) -> None:
    code, _, err = run("summary", str(grants_file), "--by", "agency")
    assert code == 1
    assert "is required, as text" in err


def test_summary_by_agency_reports_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "links.csv"
    path.write_text(
        "award_number,federal_amount,status,ori,agency_name,confidence\n"
        "A,10.00,linked,WA0173600,Federal Way Police Department,high\n"
        "B,ten,linked,WA0173600,Federal Way Police Department,high\n"
    )
    code, out, err = run("summary", str(path), "--by", "agency")
    assert code == 1
    assert "row 2: '$.federal_amount' must be an amount such as 1250.00 (got 'ten')" in err
    assert "read 2, imported 1, rejected 1" in out
    header_only = tmp_path / "other.csv"
    header_only.write_text("award_number,ori\n")
    code, _, err = run("summary", str(header_only), "--by", "agency")
    assert code == 1
    assert "the header lacks federal_amount, status, agency_name, confidence" in err


def test_link_rows_neutralise_formulas_and_read_back(tmp_path: Path) -> None:
    fw = cr.Agency(name="=Federal Way Police Department", state="WA", ori="WA0173600",
                   jurisdiction=cr.Jurisdiction.LOCAL, agency_type=cr.AgencyType.CITY)  # fmt: skip
    results = cr.link_recipients([award(org("CITY OF FEDERAL WAY"))], [fw])
    path = tmp_path / "links.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        assert write_links(results, stream, "csv") == 1
    assert "'=Federal Way" in path.read_text(encoding="utf-8")
    (row,) = list(read_link_rows(path))
    assert isinstance(row, dict)
    assert row == link_rows(results)[0]


def test_agency_totals_put_ambiguous_and_unlinked_awards_in_groups() -> None:
    rows = [
        {"award_number": "A", "federal_amount": "10.00", "status": "ambiguous", "ori": "X1",
         "agency_name": "One", "confidence": "low"},
        {"award_number": "A", "federal_amount": "10.00", "status": "ambiguous", "ori": "X2",
         "agency_name": "Two", "confidence": "low"},
        {"award_number": "B", "federal_amount": "5.00", "status": "unlinked", "ori": "",
         "agency_name": "", "confidence": ""},
        {"award_number": "C", "federal_amount": "1.00", "status": "linked", "ori": "X3",
         "agency_name": "Three", "confidence": "medium"},
    ]  # fmt: skip
    assert agency_totals(rows) == {
        "X3 Three": (1, Decimal("1.00")),
        "(ambiguous)": (1, Decimal("10.00")),
        "(not linked)": (1, Decimal("5.00")),
    }
    assert agency_totals(rows, confidences=("high",))["(not linked)"] == (2, Decimal("6.00"))


def test_read_link_rows_refuses_other_suffixes_and_reports_bad_lines(tmp_path: Path) -> None:
    with pytest.raises(cr.SourceFormatError, match=r"a links file must be \.csv or \.jsonl"):
        list(read_link_rows(tmp_path / "links.txt"))
    path = tmp_path / "links.jsonl"
    path.write_text('{"award_number": "A"}\n[1]\nnot json\n')
    outcomes = list(read_link_rows(path))
    assert [str(o).split(":")[0] for o in outcomes] == ["line 1", "line 2", "line 3"]
    assert "'$.federal_amount' is required, as text" in str(outcomes[0])


def test_write_links_jsonl_keeps_money_as_text() -> None:
    results = cr.link_recipients([award(org("CITY OF NOWHERE"))], [])
    out = io.StringIO()
    write_links(results, out, "jsonl")
    row = json.loads(out.getvalue())
    assert row["federal_amount"] == "125000.00"
    assert row["status"] == "unlinked"
