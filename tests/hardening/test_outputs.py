"""No data lost: outputs appear whole or not at all, inputs are never overwritten, every
record is counted, and decompression and file sizes are bounded.
"""

import csv
import gzip
import io
import json
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hardening_support import DATA

import copsreform as cr
from copsreform import _io, cli, export, serialization
from copsreform.sources import cde, usaspending
from copsreform.sources.usaspending import _classify

API_PAGE = DATA / "usaspending" / "spending_by_award_16710_WA_page1.json"
CDE_CSV = DATA / "cde" / "real_agencies.csv"
CDE_2018 = Path(cr.__file__).parent / "data" / "cde" / "agencies-by-state-2018.json.gz"


def run(*args: object) -> Result:
    return CliRunner().invoke(cli.main, [str(a) for a in args])


def leftovers(folder: Path) -> list[str]:
    """Temporary files an interrupted write would leave behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.fixture
def agencies_csv(tmp_path: Path) -> Path:
    path = tmp_path / "agencies.csv"
    path.write_bytes(CDE_CSV.read_bytes())
    return path


# Inputs are never overwritten -----------------------------------------------------------


@pytest.mark.parametrize(
    "outputs",
    [["-o", "{in}"], ["--errors", "{in}"], ["-o", "{dir}/./agencies.csv"], ["-o", "{link}"]],
    ids=["output", "errors", "same-file-other-spelling", "symlink"],
)
def test_an_output_that_is_the_input_is_refused_before_anything_is_written(
    agencies_csv: Path, outputs: list[str]
) -> None:
    link = agencies_csv.parent / "link.csv"
    link.symlink_to(agencies_csv)
    before = agencies_csv.read_bytes()
    args = [
        a.format(**{"in": agencies_csv, "dir": agencies_csv.parent, "link": link}) for a in outputs
    ]
    result = run("import", "cde", agencies_csv, *args)
    assert result.exit_code == 2
    assert "is also an input" in result.stderr
    assert before == agencies_csv.read_bytes()
    assert sorted(p.name for p in agencies_csv.parent.iterdir()) == ["agencies.csv", "link.csv"]


def test_the_same_file_for_output_and_errors_is_refused(agencies_csv: Path) -> None:
    out = agencies_csv.parent / "out.jsonl"
    result = run("import", "cde", agencies_csv, "-o", out, "--errors", out)
    assert result.exit_code == 2
    assert "named as two outputs" in result.stderr
    assert not out.exists()


# Outputs appear whole or not at all -----------------------------------------------------


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_a_failure_mid_import_leaves_the_old_output_and_no_temporary_file(
    tmp_path: Path, suffix: str
) -> None:
    rows = CDE_CSV.read_bytes().splitlines(keepends=True)
    broken = tmp_path / "broken.csv"
    # 5,000 good rows, then a byte that is not UTF-8: the import fails after writing.
    broken.write_bytes(rows[0] + b"".join(rows[1:35]) * 150 + b"\xff\n")
    output = tmp_path / f"out{suffix}"
    errors = tmp_path / "errors.jsonl"
    output.write_text("previous\n")
    result = run("import", "cde", broken, "-o", output, "--errors", errors)
    assert result.exit_code == 1
    assert result.stderr.startswith("copsreform: ")
    assert "is not UTF-8 text" in result.stderr
    assert output.read_text() == "previous\n"
    assert not errors.exists()
    assert leftovers(tmp_path) == []


def test_an_interrupt_while_writing_leaves_the_old_output_and_no_temporary_file(
    tmp_path: Path,
) -> None:
    output = tmp_path / "out.jsonl"
    output.write_text("previous\n")

    def write_then_interrupt() -> None:
        with cli.atomic_output(output) as stream:
            stream.write("half a reco")
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_then_interrupt()
    assert output.read_text() == "previous\n"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("name", "write"),
    [
        ("agencies.csv", lambda objects, path: export.write_csv(objects, path, cls=cr.Agency)),
        ("agencies.jsonl", cr.write_jsonl),
    ],
    ids=["export.write_csv", "write_jsonl"],
)
def test_library_writers_to_a_path_are_atomic_too(tmp_path: Path, name: str, write: Any) -> None:
    output = tmp_path / name
    output.write_text("previous\n")

    def agencies_then_failure() -> Iterator[Any]:
        yield from (o for o in cde.read_cde(CDE_CSV) if isinstance(o, cr.Agency))
        raise cr.SourceFormatError("cut short", "test")

    with pytest.raises(cr.SourceFormatError):
        write(agencies_then_failure(), output)
    assert output.read_text() == "previous\n"
    assert leftovers(tmp_path) == []


def test_library_writers_give_new_files_the_usual_permissions(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    os.umask(mask)
    agencies = [o for o in cde.read_cde(CDE_CSV) if isinstance(o, cr.Agency)]
    export.write_csv(agencies, tmp_path / "a.csv")
    cr.write_jsonl(agencies, tmp_path / "a.jsonl")
    for name in ("a.csv", "a.jsonl"):
        assert 0o666 & ~mask == stat.S_IMODE((tmp_path / name).stat().st_mode)


def test_a_new_output_gets_the_usual_permissions_and_a_replaced_one_keeps_its_own(
    agencies_csv: Path,
) -> None:
    new = agencies_csv.parent / "new.jsonl"
    kept = agencies_csv.parent / "kept.jsonl"
    kept.write_text("")
    kept.chmod(0o640)
    mask = os.umask(0o022)
    os.umask(mask)
    for output in (new, kept):
        assert run("import", "cde", agencies_csv, "-o", output).exit_code == 1
    assert 0o666 & ~mask == stat.S_IMODE(new.stat().st_mode)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


# Every record is counted -----------------------------------------------------------------


IMPORTS = [
    ("usaspending", API_PAGE, ["--listing", "16.710", "--state", "WA"], ".jsonl"),
    ("usaspending", API_PAGE, [], ".csv"),
    (
        "usaspending",
        DATA / "usaspending" / "Assistance_PrimeTransactions_constructed.csv",
        [],
        ".csv",
    ),
    ("cde", CDE_CSV, [], ".jsonl"),
    ("cde", CDE_CSV, [], ".csv"),
    ("cde", DATA / "cde" / "byStateAbbr_WA_constructed.json", [], ".csv"),
    ("cde", CDE_2018, [], ".jsonl"),
]


@pytest.mark.parametrize(
    ("source", "path", "extra", "suffix"),
    IMPORTS,
    ids=[f"{s}-{p.name}-{x}" for s, p, _, x in IMPORTS],
)
def test_an_import_writes_every_imported_record_and_every_rejection(
    tmp_path: Path, source: str, path: Path, extra: list[str], suffix: str
) -> None:
    output = tmp_path / f"out{suffix}"
    errors = tmp_path / "errors.jsonl"
    result = run(
        "import", source, path, "-o", output, "--errors", errors, "--report", "json", *extra
    )
    assert result.exit_code in (0, 1)
    counts = json.loads(result.stderr.splitlines()[-1])
    assert counts["read"] == counts["imported"] + counts["rejected"]
    cls = cr.Grant if source == "usaspending" else cr.Agency
    written = list(export.read_csv(cls, output) if suffix == ".csv" else cr.read_jsonl(cls, output))
    assert counts["imported"] == len(written)
    assert all(isinstance(o, cls) for o in written)  # what was written reads back
    assert counts["rejected"] == len(errors.read_text(encoding="utf-8").splitlines())
    assert (result.exit_code == 1) == (counts["rejected"] > 0)


# Encodings ----------------------------------------------------------------------------------


def test_a_latin1_importer_file_is_refused_naming_the_exact_byte(tmp_path: Path) -> None:
    rows = CDE_CSV.read_bytes().splitlines(keepends=True)
    good = rows[0] + b"".join(rows[1:35]) * 100
    data = good + b"WA0000000,NA,NA,NA,WA,Washington,MONTR\xc9AL Police,City,TRUE,NA\n"
    position = data.index(b"\xc9")
    assert position > 64 * 1024  # past the first decoding chunk
    for name, payload, where in [
        ("plain.csv", data, ""),
        ("bom.csv", b"\xef\xbb\xbf" + data, ""),
        ("zipped.csv.gz", gzip.compress(data), " of the decompressed data"),
    ]:
        file = tmp_path / name
        file.write_bytes(payload)
        with pytest.raises(cr.SourceFormatError) as caught:
            list(cde.read_cde(file))
        offset = position + (3 if name == "bom.csv" else 0)
        assert f"byte 0xc9 at byte {offset:,}{where}" in str(caught.value)


def test_a_latin1_json_lines_file_keeps_its_good_lines(tmp_path: Path) -> None:
    file = tmp_path / "orgs.jsonl"
    good = json.dumps({"name": "CITY OF FEDERAL WAY"}) + "\r\n"
    file.write_bytes((good * 3000).encode() + '{"name": "CAFÉ"}\n'.encode("latin-1") + b"\n")
    outcomes = list(cr.read_jsonl(cr.Organization, file))
    assert len(outcomes) == 3001
    assert "line 3001: '$' is not UTF-8 text (byte 0xc9 at byte offset 13 of the line)" in str(
        outcomes[-1]
    )


def test_a_stream_that_fails_to_decode_gives_our_error_with_the_line() -> None:
    stream = io.TextIOWrapper(io.BytesIO(b'{"name": "A"}\n{"name": "\xc9"}\n'), encoding="utf-8")
    with pytest.raises(cr.SourceFormatError, match="is not UTF-8 text after line "):
        list(cr.read_jsonl(cr.Organization, stream))


# Bounded size: files and decompression bombs ----------------------------------------------


def test_a_gzip_bomb_is_refused_after_max_json_bytes_quickly(tmp_path: Path) -> None:
    assert _io.MAX_JSON_BYTES == 32 * 1024 * 1024
    bomb = tmp_path / "bomb.json.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as stream:
        stream.write(b'{"WA": {"WA0000000": "')
        for _ in range(40):
            stream.write(b" " * (1024 * 1024))
    assert bomb.stat().st_size < 100_000
    started = time.perf_counter()
    with pytest.raises(cr.LimitExceededError) as caught:
        list(cde.read_cde(bomb, format="frontend_2018"))
    assert time.perf_counter() - started < 5
    assert "is larger than the limit of 33,554,432 decompressed bytes" in str(caught.value)


@pytest.mark.parametrize("compressed", [False, True], ids=["plain", "gzip"])
def test_a_file_of_exactly_max_bytes_is_read_and_one_byte_more_is_refused(
    compressed: bool,
) -> None:
    text = CDE_CSV.read_bytes()
    limit = len(text) + 100
    at_limit = text + b"\n" * 100
    for payload, fits in [(at_limit, True), (at_limit + b"\n", False)]:
        data = gzip.compress(payload) if compressed else payload
        if fits:
            assert len(list(cde.read_cde(io.BytesIO(data), max_bytes=limit))) == 39
        else:
            with pytest.raises(cr.LimitExceededError, match="is larger than the limit"):
                list(cde.read_cde(io.BytesIO(data), max_bytes=limit))


def test_a_csv_field_of_131072_characters_is_read_and_one_more_is_refused() -> None:
    # Python's csv module caps a field at csv.field_size_limit(), 131,072 by default.
    assert csv.field_size_limit() == 131_072
    header = CDE_CSV.read_bytes().splitlines(keepends=True)[0]
    for size, fits in [(131_072, True), (131_073, False), (10 * 1024 * 1024, False)]:
        data = header + b'WA0000000,"' + b"x" * size + b'",NA\n'
        if fits:
            [outcome] = cde.read_cde(io.BytesIO(data))
            assert isinstance(outcome, cr.Rejected)  # read, then refused as a record
        else:
            with pytest.raises(cr.SourceFormatError, match="field larger than field limit"):
                list(cde.read_cde(io.BytesIO(data)))


def test_the_default_csv_cap_is_4_gib() -> None:
    assert _io.MAX_CSV_BYTES == 4 * 1024**3


def test_a_truncated_gzip_is_refused_clearly() -> None:
    data = gzip.compress(CDE_2018.read_bytes()[:1000] * 50)[:-30]
    with pytest.raises(cr.SourceFormatError):
        list(cde.read_cde(io.BytesIO(data)))


def test_usaspending_json_deeper_than_python_can_parse_is_refused_clearly() -> None:
    with pytest.raises(cr.SourceFormatError):
        list(usaspending.read_usaspending(io.BytesIO(b'{"results": ' + b"[" * 100_000)))


def test_long_descriptions_are_not_kept_in_the_classification_cache() -> None:
    path = DATA / "usaspending" / "Assistance_PrimeAwardSummaries_constructed.csv"
    header, row = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))[:2]
    column = header.index("prime_award_base_transaction_description")
    rows = []
    for number in range(50):
        long_row = list(row)
        long_row[column] = f"HIRING {number} " + "x" * 10_000
        rows.append(long_row)
    out = io.StringIO()
    csv.writer(out).writerows([header, *rows])
    _classify._named_in_text.cache_clear()
    assert len(list(usaspending.read_usaspending(io.StringIO(out.getvalue())))) == 50
    assert _classify._named_in_text.cache_info().currsize == 0


def test_a_json_file_is_read_up_to_4_bytes_a_character_and_no_further(tmp_path: Path) -> None:
    cap = 4 * serialization.MAX_DOCUMENT_CHARS  # 64 MiB: the longest document in UTF-8
    at_cap = tmp_path / "at-cap.json"
    at_cap.write_bytes(b" " * cap)
    past_cap = tmp_path / "past-cap.json"
    past_cap.write_bytes(b" " * (cap + 1))
    result = run("validate", "grant", at_cap)
    assert result.exit_code == 1
    assert "more than the 16,777,216 a document may hold" in result.stderr  # read, then refused
    result = run("validate", "grant", past_cap)
    assert result.exit_code == 1
    assert "is larger than a JSON document may be (67,108,864 bytes)" in result.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_json_file_that_never_ends_is_refused_quickly(tmp_path: Path) -> None:
    endless = tmp_path / "endless.json"
    endless.symlink_to("/dev/zero")
    started = time.perf_counter()
    result = run("validate", "grant", endless)
    assert time.perf_counter() - started < 5
    assert result.exit_code == 1
    assert "is larger than a JSON document may be" in result.stderr
