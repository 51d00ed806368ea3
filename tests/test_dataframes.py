"""The hand-off to pandas, polars and DuckDB: exact money, text identifiers, real dates."""

import datetime as dt
import os
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

import copsreform as cr

pa = pytest.importorskip("pyarrow", reason="the arrow extra is not installed")
pd = pytest.importorskip("pandas", reason="pandas is in the test extra, not installed here")
pl = pytest.importorskip("polars", reason="polars is in the test extra, not installed here")
duckdb = pytest.importorskip("duckdb", reason="duckdb is in the test extra, not installed here")

BUNDLED_TOTAL = Decimal("41450414.52")


@pytest.fixture(scope="module")
def bundled() -> list[cr.Grant]:
    grants, rejected = cr.split(cr.read_bundled_usaspending())
    assert rejected == []
    return grants


def test_pandas_keeps_money_exact_listings_as_text_and_dates_as_dates(
    bundled: list[cr.Grant],
) -> None:
    df = cr.to_pandas(bundled)
    assert df["federal_amount"].dtype == pd.ArrowDtype(pa.decimal128(15, 2))
    assert df["federal_amount"].sum() == BUNDLED_TOTAL
    assert df["assistance_listing"].dtype == pd.ArrowDtype(pa.string())
    assert "16.710" in set(df["assistance_listing"].dropna())
    assert df["start"].dtype == pd.ArrowDtype(pa.date32())
    assert isinstance(df["start"].iloc[0], dt.date)
    assert df["fiscal_year"].dtype == pd.ArrowDtype(pa.int16())
    assert isinstance(df["program"].dtype, pd.CategoricalDtype)
    assert list(df["program"].cat.categories) == [p.value for p in cr.GrantProgram]


def test_pandas_totals_by_program_are_exact(bundled: list[cr.Grant]) -> None:
    df = cr.to_pandas(bundled)
    totals = df.groupby("program", observed=True)["federal_amount"].sum()
    expected: dict[str, Decimal] = {}
    for grant in bundled:
        expected[grant.program.value] = (
            expected.get(grant.program.value, Decimal(0)) + grant.federal_amount
        )
    assert totals.to_dict() == expected


def test_a_pandas_frame_reads_back_into_the_same_objects(bundled: list[cr.Grant]) -> None:
    df = cr.to_pandas(bundled)
    assert list(cr.from_arrow(cr.Grant, df, strict=True)) == bundled


def test_polars_from_arrow_is_exact(bundled: list[cr.Grant]) -> None:
    frame = pl.from_arrow(cr.to_arrow(bundled))
    assert frame.schema["federal_amount"] == pl.Decimal(15, 2)
    assert frame.schema["start"] == pl.Date
    assert frame["federal_amount"].sum() == BUNDLED_TOTAL
    assert frame.filter(pl.col("assistance_listing") == "16.710").height > 0
    assert list(cr.from_arrow(cr.Grant, frame, strict=True)) == bundled


def test_duckdb_sums_a_parquet_file_exactly(tmp_path: Path, bundled: list[cr.Grant]) -> None:
    path = tmp_path / "grants.parquet"
    cr.write_parquet(bundled, path)
    con = duckdb.connect()
    rows = con.execute(
        "SELECT sum(federal_amount), typeof(sum(federal_amount)), count(*) FROM read_parquet(?)",
        [str(path)],
    ).fetchall()
    assert rows == [(BUNDLED_TOTAL, "DECIMAL(38,2)", 100)]
    listing = con.execute(
        "SELECT DISTINCT typeof(assistance_listing) FROM read_parquet(?)", [str(path)]
    ).fetchall()
    assert listing == [("VARCHAR",)]


def test_a_duckdb_result_reads_back_into_validated_objects(
    tmp_path: Path, bundled: list[cr.Grant]
) -> None:
    path = tmp_path / "grants.parquet"
    cr.write_parquet(bundled, path)
    query = "SELECT * FROM read_parquet(?) WHERE fiscal_year = 2020"
    result = duckdb.sql(query, params=[str(path)])
    read = list(cr.from_arrow(cr.Grant, result, strict=True))
    assert read == [g for g in bundled if g.fiscal_year == cr.FiscalYear(2020)]
    assert len(read) == 19


def test_csv_dtypes_read_the_csv_export_exactly(tmp_path: Path, bundled: list[cr.Grant]) -> None:
    path = tmp_path / "grants.csv"
    cr.write_csv(bundled, path)
    naive = pd.read_csv(path)
    assert naive["federal_amount"].dtype == "float64"  # what the issue saw: floats
    df = pd.read_csv(
        path, engine="pyarrow", dtype=cr.csv_dtypes(cr.Grant), keep_default_na=False, na_values=[""]
    )
    assert list(df.columns) == list(cr.export.GRANT_COLUMNS)
    assert df["federal_amount"].sum() == BUNDLED_TOTAL
    assert "16.710" in set(df["assistance_listing"].dropna())
    assert df["start"].dtype == pd.ArrowDtype(pa.date32())
    assert df["start"].tolist() == [g.start for g in bundled]
    assert df["match_waived"].dtype == pd.ArrowDtype(pa.bool_())
    assert df["description"].fillna("").tolist() == [g.description or "" for g in bundled]


@pytest.mark.parametrize(
    "cls", sorted(cr.export.CSV_CLASSES, key=lambda c: c.__name__), ids=lambda c: c.__name__
)
def test_csv_dtypes_cover_every_csv_column(cls: type[object]) -> None:
    dtypes = cr.csv_dtypes(cls)
    assert set(dtypes) == set(cr.export._HEADERS[cls])
    assert all(isinstance(d, pd.ArrowDtype) for d in dtypes.values())


def test_csv_dtypes_refuse_a_class_without_a_csv_form() -> None:
    with pytest.raises(TypeError, match="has no CSV form"):
        cr.csv_dtypes(cr.Provider)


def test_the_core_works_without_pyarrow_and_names_the_extra() -> None:
    script = textwrap.dedent(
        """
        import sys
        sys.modules["pyarrow"] = None  # as if the arrow extra were not installed
        import copsreform as cr
        agency = cr.Agency(name="Boston Police Department", state="MA",
                           jurisdiction=cr.Jurisdiction.LOCAL, agency_type=cr.AgencyType.CITY)
        assert cr.from_json(cr.Agency, cr.to_json(agency)) == agency
        try:
            cr.to_arrow([agency])
        except cr.MissingExtraError as error:
            assert isinstance(error, ImportError)
            print(error)
        """
    )
    env = {**os.environ, "PYTHONWARNINGS": "error"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        'to_arrow needs pyarrow, which is not installed: pip install "copsreform[arrow]"'
    )
