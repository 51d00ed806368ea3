import datetime as dt
import io
import json
from collections import Counter
from decimal import Decimal
from itertools import islice

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from source_files import API_PAGE, AWARD_CSV, GOOD, TRANSACTION_CSV, gzipped

import copsreform as cr
from copsreform.batch import Rejected, Tally, counted, split
from copsreform.sources import usaspending
from copsreform.sources.usaspending import _classify, classify_program, read_usaspending

P = cr.GrantProgram

# The program every short description of the real page stands for.
BY_LABEL = {
    "CHP": P.CHP,
    "SVPP": P.SVPP,
    "CPD": P.CPD,
    "TRGP-HIRE": P.TRGP,
    "TRGP-E/T": P.TRGP,
    "TRIBAL GRANT RESOURCES PROGRAM - HIRING": P.TRGP,
    "TRIBAL RESOURCES GRANT PROGRAM - EQUIPMENT/TRAINING": P.TRGP,
}
# The program of every long narrative of the real page, by award, and the words that say so.
BY_NARRATIVE = {
    "15JCOPS25GG01080PPSE": P.UNKNOWN,  # a public-perception project; names no program
    "15JCOPS25GG01043PPSE": P.UNKNOWN,  # a recruitment project; names no program
    "15JCOPS25GG00800DETX": P.UNKNOWN,  # crisis training; names no program
    "15JCOPS25GG00673INDI": P.TRGP,  # "TRIBAL RESOURCES GRANT EQUIPMENT/TRAINING PROGRAM"
    "15JCOPS25GG00671INDI": P.TRGP,
    "15JCOPS25GG00670INDI": P.TRGP,
    "15JCOPS25GG00641MUMU": P.TRGP,
    "15JCOPS25GG00640INDI": P.TRGP,
    "15JCOPS25GG00629INDI": P.TRGP,  # "TRIBAL RESOURCES GRANT HIRING PROGRAM (TRGP-HIRE)"
    "15JCOPS24GG05380DETU": P.SAFER_OUTCOMES,  # "FY24 SAFER OUTCOMES"
    "15JCOPS24GG05375DETU": P.SAFER_OUTCOMES,  # also mentions "ACTIVE SHOOTER SITUATIONS"
    "15JCOPS24GG03715UHPX": P.CHP,  # "THE COPS HIRING PROGRAM (CHP)"
    "15JCOPS24GG03676UHPX": P.CHP,
    "15JCOPS24GG03641UHPX": P.CHP,
    "15JCOPS24GG03624UHPX": P.CHP,
    "15JCOPS24GG03619UHPX": P.CHP,
    "15JCOPS24GG03588SSIX": P.SVPP,  # "SCHOOL VIOLENCE PREVENTION PROGRAM (SVPP)"
    "15JCOPS24GG03543UHPX": P.CHP,
    "15JCOPS24GG02330TECP": P.TECHNOLOGY,  # "TECHNOLOGY AND EQUIPMENT PROGRAM (TEP)"
}


def raw_results() -> list[dict[str, object]]:
    return json.loads(API_PAGE.read_text(encoding="utf-8"))["results"]


def read_page(**kwargs: object) -> list[cr.Grant | Rejected]:
    return list(read_usaspending(API_PAGE, **kwargs))  # type: ignore[arg-type]


def one(text: str, **kwargs: object) -> cr.Grant | Rejected:
    [outcome] = read_usaspending(io.StringIO(text), **kwargs)  # type: ignore[arg-type]
    return outcome


def page(*records: dict[str, object]) -> str:
    return json.dumps({"results": list(records)})


# The real page -------------------------------------------------------------------------


def test_every_record_of_the_real_page_is_accounted_for() -> None:
    tally = Tally()
    outcomes = list(counted(read_usaspending(API_PAGE), tally))
    summary = tally.summary()
    assert (
        len(outcomes),
        summary.read,
        summary.imported + summary.rejected,
        summary.rejected,
    ) == (100, 100, 100, 0)


def test_every_real_award_is_classified_as_its_description_says() -> None:
    grants, _ = split(read_page())
    for raw, grant in zip(raw_results(), grants, strict=True):
        description = raw["Description"]
        expected = BY_LABEL.get(description) or BY_NARRATIVE[raw["Award ID"]]
        assert (raw["Award ID"], expected) == (grant.award_number, grant.program)


def test_the_real_page_has_the_expected_mix_of_programs() -> None:
    grants, _ = split(read_page())
    expected = {P.CHP: 36, P.TRGP: 53, P.SVPP: 4, P.CPD: 1, P.SAFER_OUTCOMES: 2}
    expected |= {P.TECHNOLOGY: 1, P.UNKNOWN: 3}
    assert expected == Counter(g.program for g in grants)


def test_real_amounts_are_exact_decimals_including_deobligations() -> None:
    grants, _ = split(read_page())
    amounts = {g.award_number: g.federal_amount for g in grants}
    for raw in raw_results():
        assert Decimal(repr(raw["Award Amount"])) == amounts[raw["Award ID"]]
    assert Decimal("-7016.88") == amounts["2016HEWX0056"]
    assert Decimal("-30851.29") == amounts["2015UMWX0174"]
    assert Decimal("0.00") == amounts["2016HEWX0047"]
    assert all(type(a) is Decimal for a in amounts.values())


def test_the_request_filters_supply_listing_and_state() -> None:
    grants, _ = split(read_page(assistance_listing="16.710", recipient_state="wa"))
    assert {("16.710", "WA")} == {(g.assistance_listing, g.recipient.state) for g in grants}


def test_without_the_filters_listing_and_state_stay_unknown() -> None:
    grants, _ = split(read_page())
    assert {(None, None)} == {(g.assistance_listing, g.recipient.state) for g in grants}


def test_a_real_record_keeps_its_recipient_dates_and_description() -> None:
    grant = next(
        g
        for g in read_page()
        if isinstance(g, cr.Grant) and g.award_number == "15JCOPS24GG05380DETU"
    )
    assert cr.Organization(name="COUNTY OF SPOKANE") == grant.recipient
    assert (dt.date(2024, 10, 1), dt.date(2026, 9, 30)) == (grant.start, grant.end)
    assert grant.description is not None
    assert "\n\nPROJECT TASKS" in grant.description
    assert cr.FiscalYear(2024) == grant.fiscal_year


def test_the_page_reads_the_same_from_a_path_a_stream_text_and_gzip() -> None:
    data = API_PAGE.read_bytes()
    expected = read_page()
    assert expected == list(read_usaspending(str(API_PAGE)))
    assert expected == list(read_usaspending(io.BytesIO(data)))
    assert expected == list(read_usaspending(io.StringIO(data.decode("utf-8"))))
    assert expected == list(read_usaspending(gzipped(data)))


# Bad records ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "path", "reason"),
    [
        ({"Award Amount": "750,000"}, "$.Award Amount", "must be an amount such as 1250000.00"),
        ({"Award Amount": True}, "$.Award Amount", "must be a JSON number or decimal text"),
        ({"Award Amount": 12.345}, "$.Award Amount", "must be in whole cents"),
        ({"Award Amount": None}, "$.Award Amount", "is required"),
        ({"Start Date": "07/01/2020"}, "$.Start Date", "must be a date written YYYY-MM-DD"),
        ({"Start Date": "2020-02-30"}, "$.Start Date", "must be a real date"),
        ({"End Date": "2019-06-30"}, "$.End Date", "must not be before start (2020-07-01)"),
        ({"Award ID": "2020UMWX049"}, "$.Award ID", "must have the form YYYY-PP-WX-NNNN"),
        ({"Award ID": None}, "$.Award ID", "is required"),
        ({"Recipient Name": 17}, "$.Recipient Name", "must be a string"),
        ({"Recipient Name": "   "}, "$.Recipient Name", "is required"),
        ({"Recipient UEI": "ABC"}, "$.Recipient UEI", "must be 12 characters"),
        ({"Description": ["CHP"]}, "$.Description", "must be a string"),
        (
            {"CFDA Number": "16.738"},
            "$.CFDA Number",
            "must be a COPS Assistance Listing (16.710, 16.068-16.073)",
        ),
    ],
)
def test_a_bad_value_is_rejected_at_its_source_field(
    change: dict[str, object], path: str, reason: str
) -> None:
    outcome = one(page({**GOOD, **change}))
    assert isinstance(outcome, Rejected)
    assert [(path, reason)] == [(p.path, p.reason) for p in outcome.problems]


def test_every_problem_of_a_record_is_reported_at_once() -> None:
    outcome = one(page({"Award ID": "2020UMWX0499", "Award Amount": "x", "End Date": "soon"}))
    assert isinstance(outcome, Rejected)
    assert [p.path for p in outcome.problems] == [
        "$.Recipient Name",
        "$.Award Amount",
        "$.Start Date",
        "$.End Date",
    ]


def test_a_record_that_is_not_an_object_is_rejected_with_its_index() -> None:
    outcomes = list(read_usaspending(io.StringIO(page(GOOD, ["not", "an", "object"]))))
    rejected = outcomes[1]
    assert isinstance(rejected, Rejected)
    assert (
        rejected.position,
        rejected.unit,
        rejected.problems[0].path,
        rejected.problems[0].reason,
    ) == (1, "index", "$", "must be a JSON object")


def test_a_rejection_keeps_the_raw_record() -> None:
    bad = {**GOOD, "Award ID": "NOPE"}
    outcome = one(page(bad))
    assert isinstance(outcome, Rejected)
    assert outcome.raw["Award ID"] == "NOPE"
    assert outcome.as_dict()["raw"]["Award ID"] == "NOPE"


def test_a_listing_in_the_record_that_contradicts_the_filter_is_rejected() -> None:
    outcome = one(page({**GOOD, "CFDA Number": "16.068"}), assistance_listing="16.710")
    assert isinstance(outcome, Rejected)
    assert (
        outcome.problems[0].reason
        == "disagrees with assistance_listing='16.710' given by the caller"
    )


def test_strict_mode_raises_the_first_bad_record_with_its_position() -> None:
    text = page(GOOD, {**GOOD, "Award Amount": "x"}, {**GOOD, "Award ID": "bad"})
    read: list[object] = []
    with pytest.raises(cr.ValidationError) as excinfo:
        read.extend(read_usaspending(io.StringIO(text), strict=True))
    assert (
        str(excinfo.value)
        == "'index 1: $.Award Amount' must be an amount such as 1250000.00 (got 'x')"
    )
    assert [g.award_number for g in read] == ["2020UMWX0499"]  # type: ignore[attr-defined]


def test_strict_mode_yields_only_grants_from_a_good_file() -> None:
    grants = list(read_usaspending(API_PAGE, strict=True))
    assert len(grants) == 100
    assert all(isinstance(g, cr.Grant) for g in grants)


# Bad files -----------------------------------------------------------------------------


def test_a_truncated_page_gives_a_source_format_error_and_nothing_else() -> None:
    data = API_PAGE.read_bytes()
    read: list[object] = []
    with pytest.raises(cr.SourceFormatError) as excinfo:
        read.extend(read_usaspending(io.BytesIO(data[: len(data) // 2])))
    assert read == []
    assert "is not well-formed JSON" in str(excinfo.value)
    assert "the document ends too soon (truncated?)" in str(excinfo.value)


def test_a_broken_page_names_the_line_and_column() -> None:
    with pytest.raises(cr.SourceFormatError) as excinfo:
        list(read_usaspending(io.StringIO('{"results": [\n  {"Award ID": 1,}\n]}')))
    assert (
        str(excinfo.value)
        == "<stream>: is not well-formed JSON: Expecting property name enclosed in double quotes: "
        "line 2 column 18"
    )


def test_json_of_another_shape_gives_a_source_format_error() -> None:
    with pytest.raises(cr.SourceFormatError) as excinfo:
        list(read_usaspending(io.StringIO('{"KING": [{"ori": "WASPD0000"}]}')))
    assert (
        str(excinfo.value)
        == "<stream>: is not a spending_by_award response: expected a JSON object with a "
        "'results' list"
    )


def test_a_json_array_is_not_a_page() -> None:
    with pytest.raises(cr.SourceFormatError, match="is a JSON array"):
        list(read_usaspending(io.StringIO("[]")))


def test_an_empty_file_gives_a_source_format_error() -> None:
    with pytest.raises(cr.SourceFormatError, match="is empty"):
        list(read_usaspending(io.BytesIO(b"")))


def test_a_page_larger_than_the_limit_is_refused() -> None:
    with pytest.raises(cr.LimitExceededError, match="is larger than the limit of 1,000"):
        list(read_usaspending(API_PAGE, max_bytes=1000))


def test_a_gzip_bomb_is_stopped_at_the_limit() -> None:
    bomb = gzipped(b'{"results": [' + b" " * 50_000_000 + b"]}")
    with pytest.raises(cr.LimitExceededError) as excinfo:
        list(read_usaspending(bomb, max_bytes=1_000_000))
    assert "is larger than the limit of 1,000,000 decompressed bytes" in str(excinfo.value)


def test_a_corrupt_gzip_file_gives_a_source_format_error() -> None:
    data = gzipped(API_PAGE.read_bytes()).getvalue()
    with pytest.raises(cr.SourceFormatError, match="is not a readable gzip file"):
        list(read_usaspending(io.BytesIO(data[: len(data) // 2])))


def test_bytes_that_are_not_utf8_give_a_source_format_error() -> None:
    with pytest.raises(cr.SourceFormatError, match="is not UTF-8 text"):
        list(read_usaspending(io.BytesIO(b'{"results": ["\xff"]}')))


def test_bad_arguments_are_refused_before_reading() -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        read_usaspending(API_PAGE, assistance_listing="16.738")
    assert (
        str(excinfo.value)
        == "'assistance_listing' must be a COPS Assistance Listing (16.710, 16.068-16.073) (got '16.738')"
    )
    with pytest.raises(cr.ValidationError, match="'recipient_state' must be a USPS code"):
        read_usaspending(API_PAGE, recipient_state="XX")
    with pytest.raises(cr.ValidationError, match="'format' must be one of 'api', 'award_csv'"):
        read_usaspending(API_PAGE, format="xml")  # type: ignore[arg-type]


# Download CSVs -------------------------------------------------------------------------

CSV_EXPECTED = [
    ("2020UMWX0499", P.CHP, Decimal("750000.00"), "16.710", "WA"),
    ("2015UMWX0174", P.CHP, Decimal("-30851.29"), "16.710", "WA"),
    ("2016HEWX0047", P.TRGP, Decimal("0.00"), "16.710", "WA"),
    ("2015CKWX0025", P.CPD, Decimal("0.00"), "16.710", "WA"),
    ("15JCOPS24GG03715UHPX", P.CHP, Decimal("1250000.00"), "16.710", "WA"),
    ("15JCOPS24GG05380DETU", P.SAFER_OUTCOMES, Decimal("349108.00"), "16.710", "WA"),
    ("15JCOPS25GG01043PPSE", P.UNKNOWN, Decimal("175000.00"), "16.710", "WA"),
    ("15JCOPS25GG01291SSIX", P.SVPP, Decimal("500000.00"), "16.071", "CA"),
]


@pytest.mark.parametrize("path", [AWARD_CSV, TRANSACTION_CSV])
def test_the_download_csvs_import_every_row(path: object) -> None:
    grants = list(read_usaspending(path))  # type: ignore[arg-type]
    assert [
        (g.award_number, g.program, g.federal_amount, g.assistance_listing, g.recipient.state)
        for g in grants
        if isinstance(g, cr.Grant)
    ] == CSV_EXPECTED


def test_the_award_csv_keeps_the_uei_and_the_multi_line_description() -> None:
    grants = {g.award_number: g for g in read_usaspending(AWARD_CSV) if isinstance(g, cr.Grant)}
    assert grants["15JCOPS24GG03715UHPX"].recipient.uei == "NSU3DBMM7JN9"
    description = grants["15JCOPS24GG05380DETU"].description
    assert description is not None
    assert description.count("\n\n") + 1 == 3


def test_the_shapes_are_detected() -> None:
    assert [usaspending.detect_format(p) for p in (API_PAGE, AWARD_CSV, TRANSACTION_CSV)] == [
        "api",
        "award_csv",
        "transaction_csv",
    ]


def test_detecting_a_stream_leaves_it_where_it_was() -> None:
    stream = io.BytesIO(AWARD_CSV.read_bytes())
    assert usaspending.detect_format(stream) == "award_csv"
    assert stream.tell() == 0
    assert len(list(read_usaspending(stream))) == 8


def test_a_gzipped_csv_is_read_and_detected() -> None:
    assert len(list(read_usaspending(gzipped(TRANSACTION_CSV.read_bytes())))) == 8
    assert usaspending.detect_format(gzipped(TRANSACTION_CSV.read_bytes())) == "transaction_csv"


HEADER = (
    "award_id_fain,recipient_name,recipient_state_code,total_obligated_amount,"
    "period_of_performance_start_date,period_of_performance_current_end_date,"
    "cfda_numbers_and_titles,prime_award_base_transaction_description,business_types_code\n"
)
ROW = '2020UMWX0499,CITY OF FEDERAL WAY,WA,750000.00,2020-07-01,2023-06-30,"16.710: T",CHP,C\n'


def test_csv_columns_are_found_by_name_in_any_order() -> None:
    names = HEADER.strip().split(",")
    values = next(iter(__import__("csv").reader([ROW])))
    order = list(reversed(range(len(names))))
    text = ",".join(names[i] for i in order) + "\n" + ",".join(f'"{values[i]}"' for i in order)
    grant = one(text)
    assert isinstance(grant, cr.Grant)
    assert (
        grant.award_number,
        grant.recipient.kind,
    ) == ("2020UMWX0499", cr.OrganizationKind.LOCAL_GOVERNMENT)


@pytest.mark.parametrize(
    ("listings", "expected"),
    [
        ("16.710: PUBLIC SAFETY PARTNERSHIP AND COMMUNITY POLICING GRANTS", ("16.710", P.CHP)),
        ("16.710: A; 16.071: SCHOOL VIOLENCE PREVENTION PROGRAM", ("16.071", P.SVPP)),
        ("16.071: SCHOOL VIOLENCE PREVENTION PROGRAM; 16.738: JAG", ("16.071", P.SVPP)),
    ],
)
def test_the_cops_listing_is_picked_from_the_listings_cell(
    listings: str, expected: tuple[str, cr.GrantProgram]
) -> None:
    grant = one(HEADER + ROW.replace('"16.710: T"', f'"{listings}"'))
    assert isinstance(grant, cr.Grant)
    assert expected == (grant.assistance_listing, grant.program)


@pytest.mark.parametrize(
    ("listings", "reason"),
    [
        (
            "16.738: EDWARD BYRNE MEMORIAL JAG",
            "names no COPS Assistance Listing (16.710, 16.068-16.073)",
        ),
        ("COPS GRANTS", "must list Assistance Listings as 'NN.NNN: title'"),
        ("16.068: CHP; 16.071: SVPP", "names more than one program's own COPS listing"),
    ],
)
def test_a_listings_cell_without_one_cops_listing_is_rejected(listings: str, reason: str) -> None:
    outcome = one(HEADER + ROW.replace('"16.710: T"', f'"{listings}"'))
    assert isinstance(outcome, Rejected)
    assert [("$.cfda_numbers_and_titles", reason)] == [(p.path, p.reason) for p in outcome.problems]


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("A", cr.OrganizationKind.STATE_GOVERNMENT),
        ("B", cr.OrganizationKind.LOCAL_GOVERNMENT),
        ("I", cr.OrganizationKind.TRIBAL_GOVERNMENT),
        ("M", cr.OrganizationKind.NONPROFIT),
        ("G", cr.OrganizationKind.UNKNOWN),
        ("", cr.OrganizationKind.UNKNOWN),
        ("AC", cr.OrganizationKind.UNKNOWN),
    ],
)
def test_the_recipient_kind_comes_from_the_business_type_code(
    code: str, kind: cr.OrganizationKind
) -> None:
    grant = one(HEADER + ROW.replace(",CHP,C\n", f",CHP,{code}\n"))
    assert isinstance(grant, cr.Grant)
    assert kind == grant.recipient.kind


def test_a_row_with_the_wrong_number_of_fields_is_rejected() -> None:
    outcomes = list(read_usaspending(io.StringIO(HEADER + ROW + "2020UMWX0499,CITY\n" + ROW)))
    assert [cr.Grant, Rejected, cr.Grant] == [type(o) for o in outcomes]
    rejected = outcomes[1]
    assert isinstance(rejected, Rejected)
    assert str(rejected) == "row 2: '$' must have 9 fields like the header, not 2"


def test_blank_lines_are_not_records() -> None:
    assert len(list(read_usaspending(io.StringIO(HEADER + ROW + "\n\n" + ROW)))) == 2


def test_a_csv_without_the_required_columns_gives_a_source_format_error() -> None:
    with pytest.raises(cr.SourceFormatError) as excinfo:
        list(usaspending.read_award_csv(io.StringIO("award_id_fain,amount\nX,1\n")))
    assert (
        str(excinfo.value) == "<stream>: has no column 'recipient_name', 'total_obligated_amount', "
        "'period_of_performance_start_date', 'period_of_performance_current_end_date' in its "
        "header (line 1); the header starts 'award_id_fain', 'amount'"
    )


def test_a_csv_that_is_not_a_download_is_not_detected() -> None:
    with pytest.raises(cr.SourceFormatError, match="is neither a spending_by_award"):
        list(read_usaspending(io.StringIO("ori,agency_name\nWASPD0000,Seattle\n")))


def test_a_column_named_twice_gives_a_source_format_error() -> None:
    with pytest.raises(cr.SourceFormatError, match="names column 'recipient_name' twice"):
        list(read_usaspending(io.StringIO(HEADER.strip() + ",recipient_name\n")))


def test_strict_mode_names_the_row() -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        list(read_usaspending(io.StringIO(HEADER + ROW.replace("750000.00", "lots")), strict=True))
    assert (
        str(excinfo.value)
        == "'row 1: $.total_obligated_amount' must be an amount such as 1250000.00 (got 'lots')"
    )


def test_a_transaction_is_classified_from_the_base_description_first() -> None:
    header = "award_id_fain,recipient_name,federal_action_obligation,period_of_performance_start_date,period_of_performance_current_end_date,transaction_description,prime_award_base_transaction_description\n"
    row = "2016HEWX0056,PORT GAMBLE S'KLALLAM TRIBE,-7016.88,2016-09-01,2019-08-31,CLOSEOUT ADJUSTMENT FOR CHP FUNDS,TRGP-E/T\n"
    grant = one(header + row)
    assert isinstance(grant, cr.Grant)
    assert (grant.program, grant.description) == (P.TRGP, "CLOSEOUT ADJUSTMENT FOR CHP FUNDS")


def test_an_endless_csv_is_streamed() -> None:
    class Endless(io.TextIOBase):
        def __init__(self) -> None:
            self.lines = 0

        def readable(self) -> bool:
            return True

        def read(self, size: int | None = -1) -> str:
            if not size:
                return ""
            return "".join(self.readline() for _ in range(max(1, size // len(ROW))))

        def readline(self, size: int | None = -1) -> str:
            self.lines += 1
            return HEADER if self.lines == 1 else ROW

    stream = Endless()
    first = list(islice(read_usaspending(stream, format="award_csv"), 3))
    assert len(first) == 3
    assert stream.lines < 2000


# Program classification ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("description", "listing", "award_number", "expected"),
    [
        ("CHP", None, None, P.CHP),
        ("  chp ", None, None, P.CHP),
        ("SVPP", None, None, P.SVPP),
        ("TRGP-E/T", None, None, P.TRGP),
        ("TRGP-HIRE", None, None, P.TRGP),
        ("TRIBAL RESOURCES GRANT PROGRAM", None, None, P.TRGP),
        ("CPD", None, None, P.CPD),
        ("CPD MICROGRANTS", None, None, P.CPD_MICROGRANTS),
        ("COMMUNITY POLICING DEVELOPMENT MICROGRANTS PROGRAM", None, None, P.CPD_MICROGRANTS),
        ("THE COPS HIRING PROGRAM (CHP) PROVIDES FUNDING", None, None, P.CHP),
        ("WILL USE FY24 SAFER OUTCOMES FUNDING", None, None, P.SAFER_OUTCOMES),
        ("THE FY24 COPS OFFICE TECHNOLOGY AND EQUIPMENT PROGRAM (TEP)", None, None, P.TECHNOLOGY),
        ("LAW ENFORCEMENT MENTAL HEALTH AND WELLNESS ACT (LEMHWA)", None, None, P.LEMHWA),
        ("PREPARING FOR ACTIVE SHOOTER SITUATIONS (PASS)", None, None, P.PASS),
        ("COPS ANTI-HEROIN TASK FORCE", None, None, P.AHTF),
        ("COPS ANTI-METHAMPHETAMINE PROGRAM", None, None, P.CAMP),
        ("COLLABORATIVE REFORM INITIATIVE TECHNICAL ASSISTANCE CENTER", None, None, P.CRI),
    ],
)
def test_a_description_that_names_one_program_decides(
    description: str, listing: str | None, award_number: str | None, expected: cr.GrantProgram
) -> None:
    assert expected == classify_program(description, listing, award_number)


@pytest.mark.parametrize(
    "description",
    [
        "TRAINING ON ACTIVE SHOOTER SITUATIONS AND MENTAL HEALTH CRISES",
        "TO PROCURE BASIC EQUIPMENT, TECHNOLOGY AND TRAINING",
        "TO INCREASE THEIR COMMUNITY POLICING CAPACITY",
        "A CAMPUS SAFETY PROJECT",
        "GRANTS TO STATE, LOCAL, TRIBAL, TERRITORIAL AND OTHER ENTITIES",
        "THE COPS HIRING PROGRAM (CHP) AND THE SCHOOL VIOLENCE PREVENTION PROGRAM (SVPP)",
        "",
    ],
)
def test_a_description_that_names_no_program_or_two_does_not_decide(description: str) -> None:
    assert classify_program(description, "16.710", "15JCOPS24GG03715UHPX") == P.UNKNOWN


@pytest.mark.parametrize(
    ("listing", "expected"),
    [
        ("16.068", P.CHP),
        ("16.069", P.PASS),
        ("16.070", P.LEMHWA),
        ("16.071", P.SVPP),
        ("16.072", P.CAMP),
        ("16.073", P.AHTF),
    ],
)
def test_a_programs_own_listing_decides_before_the_description(
    listing: str, expected: cr.GrantProgram
) -> None:
    assert expected == classify_program("CHP", listing, "2020SVWX0065")


@pytest.mark.parametrize(
    ("award_number", "expected"),
    [
        ("2020UMWX0499", P.CHP),
        ("2016ULWX0047", P.CHP),
        ("2020SVWX0065", P.SVPP),
        ("2020HHWX0004", P.TRGP),
        ("2020HEWX0018", P.TRGP),
        ("2015CKWX0025", P.CPD),
        ("2015-CK-WX-K005", P.CPD),
        ("2012ABWX0001", P.UNKNOWN),
        ("15JCOPS24GG03715UHPX", P.UNKNOWN),
        ("15JCOPS25GG00641MUMU", P.UNKNOWN),
        ("not an award number", P.UNKNOWN),
    ],
)
def test_a_legacy_award_code_decides_last(award_number: str, expected: cr.GrantProgram) -> None:
    assert expected == classify_program(None, "16.710", award_number)


def test_a_malformed_listing_does_not_decide() -> None:
    assert classify_program("CHP", "16.71", None) == P.CHP


def test_the_substring_filter_never_changes_a_classification() -> None:
    """Running a pattern only from where a match could start gives the same answer as
    running every pattern over the whole text."""
    u = _classify

    def unfiltered(description: str) -> object:
        text = u._folded(description)
        return u._one({program for program, pattern in u._PATTERNS if pattern.search(text)})

    page = json.loads(API_PAGE.read_text(encoding="utf-8"))
    real = [row["Description"] for row in page["results"]]
    variants = [
        "TRIBAL RESOURCE GRANT",
        "TRIBAL GRANT RESOURCE",
        "MICROGRANT",
        "ANTIHEROIN TASK",
        "COPS HIRING PROGRAMS",
        "(TEP) TECHNOLOGY",
        "SAFER OUTCOMES",
    ]
    for description in real + variants:
        assert u._named_in_text.__wrapped__(description) == unfiltered(description), description

    words = st.sampled_from(
        [
            "TRIBAL",
            "RESOURCE",
            "RESOURCES",
            "GRANT",
            "GRANTS",
            "MICRO",
            "-",
            "COPS",
            "HIRING",
            "PROGRAM",
            "(",
            "CHP",
            "ANTI",
            "HEROIN",
            "x",
            # Acronyms where a label stands and where it does not ("CRI" in "CRIME").
            "(CHP)",
            "(CPD",
            "(TEP)",
            "(CRIME",
            "CRIME",
            "STEP",
            "CHPX",
            "SVPP",
            "(AHTF)",
            "ANTICIPATED",
            "ANTI-HEROIN",
            "MICROGRANTS",
        ]
    )

    @settings(max_examples=400)
    @given(st.lists(words, max_size=8).map(" ".join))
    def check(description: str) -> None:
        assert u._named_in_text.__wrapped__(description) == unfiltered(description)

    check()


def _old_classification(description: str) -> object:
    """The classification as it was: ``fold_spaces`` of the upper-cased text, then every
    program's pattern over the whole text."""
    from copsreform._fields import fold_spaces

    text = fold_spaces(description.upper())
    u = _classify
    return u._one({program for program, pattern in u._PATTERNS if pattern.search(text)})


_PROGRAM_WORDS = sorted(
    {
        word
        for names in (*_classify._NAMES.values(), *_classify._ACRONYMS.values())
        for name in names
        for word in name.replace("-?", " ").replace("?", "").split()
    }
    | {"(CHP)", "(TEP", "MICRO-GRANT", "ANTI-HEROIN", "CRIME", "x", "\u017f", "\xdf"}
)
# Every white space str.split folds (ASCII and not), a character upper() widens, and text.
_SPACES = st.sampled_from(
    [
        " ",
        "  ",
        "\n",
        "\r\n",
        "\t",
        "\x0b",
        "\x0c",
        "\x1c",
        "\x1f",
        "\xa0",
        "\u2028",
        "\u3000",
        "\x85",
        " \n ",
        "",
    ]
)


@settings(max_examples=600)
@given(
    st.lists(st.tuples(_SPACES, st.sampled_from(_PROGRAM_WORDS)), max_size=10),
    _SPACES,
)
def test_the_classifier_folds_white_space_as_fold_spaces_does(
    words: list[tuple[str, str]], end: str
) -> None:
    """The classifier's cheaper fold gives ``fold_spaces``'s text and the same program,
    whatever white space stands between, before and after the words."""
    from copsreform._fields import fold_spaces

    description = "".join(space + word.lower() for space, word in words) + end
    assert _classify._folded(description) == fold_spaces(description.upper())
    assert _classify._named_in_text.__wrapped__(description) == _old_classification(description)


def test_the_real_narratives_fold_as_before() -> None:
    from copsreform._fields import fold_spaces

    page = json.loads(API_PAGE.read_text(encoding="utf-8"))
    real = [row["Description"] for row in page["results"]]
    assert any("\n" in text for text in real)  # the page has narratives to fold
    for text in real:
        assert _classify._folded(text) == fold_spaces(text.upper())
        assert _classify._named_in_text.__wrapped__(text) == _old_classification(text)
