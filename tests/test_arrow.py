"""Arrow tables and Parquet files: generated schema, exact values, round trips, rejections."""

import datetime as dt
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import copsreform as cr
from copsreform import testing
from copsreform.schema import KINDS

pa = pytest.importorskip("pyarrow", reason="the arrow extra is not installed")
pc = pytest.importorskip("pyarrow.compute", reason="the arrow extra is not installed")

STRATEGIES: dict[type[Any], st.SearchStrategy[Any]] = {
    cr.Agency: testing.agencies(),
    cr.Organization: testing.organizations(),
    cr.Grant: testing.grants(),
    cr.Engagement: testing.engagements(),
    cr.Provider: testing.providers(),
}
BUNDLED_TOTAL = Decimal("41450414.52")


def test_every_document_kind_has_a_strategy_here() -> None:
    assert set(STRATEGIES) == set(KINDS.values())


@pytest.fixture(scope="module")
def bundled() -> list[cr.Grant]:
    grants, rejected = cr.split(cr.read_bundled_usaspending())
    assert rejected == []
    return grants


@pytest.mark.parametrize("cls", list(STRATEGIES), ids=lambda c: c.__name__)
@settings(max_examples=25)
@given(data=st.data())
def test_objects_round_trip_through_an_arrow_table(cls: type[Any], data: st.DataObject) -> None:
    objects = data.draw(st.lists(STRATEGIES[cls], max_size=4))
    table = cr.to_arrow(objects, cls=cls)
    assert table.schema.equals(cr.arrow_schema(cls), check_metadata=True)
    assert list(cr.from_arrow(cls, table, strict=True)) == objects


@pytest.mark.parametrize("cls", list(STRATEGIES), ids=lambda c: c.__name__)
@settings(max_examples=10)
@given(data=st.data())
def test_objects_round_trip_through_a_parquet_file(cls: type[Any], data: st.DataObject) -> None:
    objects = data.draw(st.lists(STRATEGIES[cls], min_size=1, max_size=4))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.parquet"
        assert cr.write_parquet(iter(objects), path) == len(objects)
        assert list(cr.read_parquet(cls, path, strict=True)) == objects


def test_bundled_awards_round_trip_through_parquet(tmp_path: Path, bundled: list[cr.Grant]) -> None:
    path = tmp_path / "grants.parquet"
    cr.write_parquet(bundled, path)
    assert list(cr.read_parquet(cr.Grant, path)) == bundled
    import pyarrow.parquet as pq

    assert pq.read_schema(path).equals(cr.arrow_schema(cr.Grant), check_metadata=True)


def test_money_dates_enums_and_identifiers_have_exact_types() -> None:
    schema = cr.arrow_schema(cr.Grant)
    assert schema.field("federal_amount").type == pa.decimal128(15, 2)
    assert schema.field("local_match").type == pa.decimal128(15, 2)
    assert schema.field("start").type == pa.date32()
    assert schema.field("program").type == pa.dictionary(pa.int32(), pa.string())
    assert schema.field("recipient_kind").type == pa.dictionary(pa.int32(), pa.string())
    assert schema.field("fiscal_year").type == pa.int16()
    for identifier in ("award_number", "assistance_listing", "solicitation", "recipient_ori"):
        assert schema.field(identifier).type == pa.string()
    assert not schema.field("federal_amount").nullable
    assert schema.field("positions").nullable


def test_nested_records_are_prefixed_columns_structs_and_lists() -> None:
    schema = cr.arrow_schema(cr.Engagement)
    assert "agency_ori" in schema.names
    assert pa.types.is_struct(schema.field("provider").type)
    assert schema.field("provider").nullable
    assert schema.field("categories").type == pa.list_(pa.dictionary(pa.int32(), pa.string()))
    history = schema.field("history").type
    assert pa.types.is_list(history)
    assert history.value_type.field("on").type == pa.date32()


def test_grant_columns_are_the_csv_export_columns() -> None:
    assert set(cr.arrow_schema(cr.Grant).names) == set(cr.export.GRANT_COLUMNS)
    assert cr.arrow_schema(cr.Agency).names == list(cr.export.AGENCY_COLUMNS)


def test_bundled_awards_keep_every_cent_and_every_listing(bundled: list[cr.Grant]) -> None:
    table = cr.to_arrow(bundled)
    assert table.num_rows == 100
    assert pc.sum(table["federal_amount"]).as_py() == BUNDLED_TOTAL
    assert sum(g.federal_amount for g in bundled) == BUNDLED_TOTAL
    listings = set(table["assistance_listing"].to_pylist())
    assert "16.710" in listings
    assert table["start"].type == pa.date32()
    assert table["start"][0].as_py() == bundled[0].start
    programs = table["program"].combine_chunks()
    assert programs.dictionary.to_pylist() == [p.value for p in cr.GrantProgram]


@pytest.mark.parametrize("cls", list(STRATEGIES), ids=lambda c: c.__name__)
def test_every_column_carries_its_description_and_the_format_version(cls: type[Any]) -> None:
    schema = cr.arrow_schema(cls)
    for field in schema:
        text = (field.metadata or {}).get(b"description", b"").decode()
        assert len(text) > 10, field.name
        assert ":class:" not in text
        assert "``" not in text
    assert schema.metadata[b"copsreform.class"] == cls.__name__.encode()
    assert (
        schema.metadata[b"copsreform.format_version"]
        == str(cr.serialization.FORMAT_VERSION).encode()
    )


def test_one_table_holds_one_class(bundled: list[cr.Grant], bpd: cr.Agency) -> None:
    with pytest.raises(TypeError, match="got a Agency among Grant objects"):
        cr.to_arrow([bundled[0], bpd])


def test_an_empty_table_needs_its_class() -> None:
    assert cr.to_arrow([], cls=cr.Agency).schema.names == list(cr.export.AGENCY_COLUMNS)
    with pytest.raises(TypeError, match="give cls="):
        cr.to_arrow([])


def test_a_rejected_record_in_the_stream_is_not_dropped(tmp_path: Path) -> None:
    outcomes = cr.read_bundled_2018()
    with pytest.raises(TypeError, match="got a Rejected among Agency objects"):
        cr.write_parquet(outcomes, tmp_path / "agencies.parquet")
    assert not list(tmp_path.iterdir())


# Reading back ---------------------------------------------------------------------------


def _replace(table: Any, name: str, values: list[Any], arrow_type: Any = None) -> Any:
    index = table.schema.get_field_index(name)
    column = pa.array(values, arrow_type or table.schema.field(name).type)
    return table.set_column(index, name, column)


def test_bad_rows_come_back_rejected_with_index_column_value_and_reason(
    bundled: list[cr.Grant],
) -> None:
    table = cr.to_arrow(bundled[:4])
    table = _replace(table, "recipient_ori", [None, "MA0130100", None, None])
    numbers = table["award_number"].to_pylist()
    table = _replace(table, "award_number", [*numbers[:2], "nope", numbers[3]])
    table = _replace(table, "end", [None, *table["end"].to_pylist()[1:]], pa.date32())
    outcomes = list(cr.from_arrow(cr.Grant, table))
    assert len(outcomes) == 4
    first, second, third = outcomes[0], outcomes[1], outcomes[2]
    assert isinstance(first, cr.Rejected)
    assert (first.position, first.unit) == (0, "index")
    assert [(p.path, p.reason) for p in first.problems] == [("$.end", "is required")]
    assert isinstance(second, cr.Rejected)
    assert [(p.path, p.value) for p in second.problems] == [("$.recipient_ori", "MA0130100")]
    assert "must be empty for an organization recipient" in second.problems[0].reason
    assert isinstance(third, cr.Rejected)
    assert third.problems[0].path == "$.award_number"
    assert third.problems[0].value == "nope"
    assert isinstance(outcomes[3], cr.Grant)


def test_strict_mode_raises_the_first_bad_row_with_its_index(bundled: list[cr.Grant]) -> None:
    table = cr.to_arrow(bundled[:3])
    table = _replace(table, "recipient_state", ["WA", "XX", "WA"])
    with pytest.raises(cr.ValidationError) as caught:
        list(cr.from_arrow(cr.Grant, table, strict=True))
    assert caught.value.problems[0].path == "index 1: $.recipient_state"


def test_amounts_of_another_scale_are_read_when_whole_cents(bundled: list[cr.Grant]) -> None:
    table = cr.to_arrow(bundled[:2])
    wide = pa.decimal128(38, 4)
    table = _replace(table, "federal_amount", [Decimal("12.5000"), Decimal("0.0050")], wide)
    good, bad = cr.from_arrow(cr.Grant, table)
    assert isinstance(good, cr.Grant)
    assert good.federal_amount == Decimal("12.50")
    assert str(good.federal_amount) == "12.50"
    assert isinstance(bad, cr.Rejected)
    assert [(p.path, p.reason, p.value) for p in bad.problems] == [
        ("$.federal_amount", "must be in whole cents", Decimal("0.0050"))
    ]


def test_a_float_money_column_is_refused_as_a_whole(bundled: list[cr.Grant]) -> None:
    table = cr.to_arrow(bundled[:2])
    table = _replace(table, "federal_amount", [1.5, 2.25], pa.float64())
    with pytest.raises(
        cr.SourceFormatError, match=r"column 'federal_amount' holds double.*a float cannot hold"
    ):
        cr.from_arrow(cr.Grant, table)


def test_unknown_and_missing_columns_are_refused(bundled: list[cr.Grant]) -> None:
    table = cr.to_arrow(bundled[:2])
    with pytest.raises(cr.SourceFormatError, match="column 'extra' is not a Grant column"):
        cr.from_arrow(cr.Grant, table.append_column("extra", pa.array([1, 2])))
    with pytest.raises(cr.SourceFormatError, match="column 'start' is required"):
        cr.from_arrow(cr.Grant, table.drop_columns(["start"]))


def test_optional_columns_may_be_left_out(bundled: list[cr.Grant]) -> None:
    table = cr.to_arrow(bundled[:3]).drop_columns(
        ["description", "solicitation", "recipient_county"]
    )
    read = list(cr.from_arrow(cr.Grant, table, strict=True))
    assert [g.description for g in read] == [None, None, None]
    assert [g.federal_amount for g in read] == [g.federal_amount for g in bundled[:3]]


def test_a_table_of_another_class_or_a_newer_format_is_refused(bundled: list[cr.Grant]) -> None:
    table = cr.to_arrow(bundled[:1])
    with pytest.raises(cr.SourceFormatError, match="holds Grant records, not Organization"):
        cr.from_arrow(cr.Organization, table)
    newer = table.replace_schema_metadata(
        {**table.schema.metadata, b"copsreform.format_version": b"99"}
    )
    with pytest.raises(cr.SourceFormatError, match="newer than this copsreform reads"):
        cr.from_arrow(cr.Grant, newer)


def test_tables_from_other_tools_with_wider_types_are_read(bundled: list[cr.Grant]) -> None:
    table = cr.to_arrow(bundled[:5]).replace_schema_metadata(None)
    cast = pa.schema(
        [
            pa.field(f.name, pa.large_string())
            if pa.types.is_dictionary(f.type) or pa.types.is_string(f.type)
            else pa.field(f.name, pa.int64())
            if pa.types.is_integer(f.type)
            else f
            for f in table.schema
        ]
    )
    assert list(cr.from_arrow(cr.Grant, table.cast(cast), strict=True)) == bundled[:5]


def test_engagement_problems_inside_structs_and_lists_name_their_path(
    boston_review: cr.Engagement,
) -> None:
    accepted = boston_review.transition(cr.EngagementStatus.ACCEPTED, on=dt.date(2024, 8, 8))
    table = cr.to_arrow([accepted])
    history = [[{"status": "completed", "on": dt.date(2024, 8, 9), "note": None}]]
    table = _replace(table, "history", history)
    (outcome,) = cr.from_arrow(cr.Engagement, table)
    assert isinstance(outcome, cr.Rejected)
    assert [p.path for p in outcome.problems] == ["$.history[0]"]
    assert "cannot go from 'requested' to 'completed'" in outcome.problems[0].reason


def test_a_file_that_is_not_parquet_is_a_source_format_error(tmp_path: Path) -> None:
    path = tmp_path / "grants.parquet"
    path.write_text("award_number\n2015UMWX0174\n")
    with pytest.raises(cr.SourceFormatError, match="is not a Parquet file"):
        cr.read_parquet(cr.Grant, path)


def test_parquet_is_written_whole_or_not_at_all(tmp_path: Path, bundled: list[cr.Grant]) -> None:
    path = tmp_path / "grants.parquet"
    cr.write_parquet(bundled[:2], path)
    before = path.read_bytes()

    def failing() -> Any:
        yield from bundled
        raise cr.SourceFormatError("truncated", "awards.json")

    with pytest.raises(cr.SourceFormatError):
        cr.write_parquet(failing(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["grants.parquet"]


def test_large_streams_are_written_in_batches(tmp_path: Path, bundled: list[cr.Grant]) -> None:
    import pyarrow.parquet as pq

    many = (bundled[i % 100] for i in range(cr.arrow.BATCH_ROWS + 10))
    path = tmp_path / "many.parquet"
    assert cr.write_parquet(many, path) == cr.arrow.BATCH_ROWS + 10
    assert pq.ParquetFile(path).metadata.num_row_groups == 2
    positions = [
        i for i, g in enumerate(cr.read_parquet(cr.Grant, path)) if not isinstance(g, cr.Grant)
    ]
    assert positions == []
