"""Every reader opens files through one layer (copsreform._io): gzip, caps, BOM, lines."""

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

import copsreform as cr
from copsreform import _io, serialization
from format_examples import EXAMPLES

GRANTS = [EXAMPLES["grant-chp-fy2024"], EXAMPLES["grant-deobligation"]]
LINES = "".join(cr.to_json(g) + "\n" for g in GRANTS)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "copsreform", *args], capture_output=True, text=True, check=False
    )


def test_read_jsonl_reads_a_gzip_file_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "grants.jsonl"  # no .gz: gzip is recognised by its magic bytes
    path.write_bytes(gzip.compress(LINES.encode("utf-8")))
    assert list(cr.read_jsonl(cr.Grant, path)) == GRANTS


def test_read_jsonl_reads_crlf_and_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "grants.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + LINES.replace("\n", "\r\n").encode("utf-8"))
    assert list(cr.read_jsonl(cr.Grant, path)) == GRANTS


def test_a_bad_byte_rejects_only_its_line_in_a_gzip_file(tmp_path: Path) -> None:
    path = tmp_path / "grants.jsonl.gz"
    bad = (
        cr.to_json(GRANTS[0]).replace("Spokane", "Sp\udcc9kane").encode("utf-8", "surrogateescape")
    )
    path.write_bytes(gzip.compress(bad + b"\n" + cr.to_json(GRANTS[1]).encode() + b"\n"))
    first, second = cr.read_jsonl(cr.Grant, path)
    assert isinstance(first, cr.Rejected)
    assert "is not UTF-8 text (byte 0xc9" in str(first)
    assert second == GRANTS[1]


def test_an_endless_line_is_rejected_without_being_held_whole(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text("x" * (serialization.MAX_LINE_CHARS * 3) + "\n" + LINES, encoding="utf-8")
    outcomes = list(cr.read_jsonl(cr.Grant, path))
    assert isinstance(outcomes[0], cr.Rejected)
    # The whole line's length, though only the limit and one character were kept.
    assert (
        f"is too long: {serialization.MAX_LINE_CHARS * 3:,} characters, more than the "
        "1,048,576 a line may hold"
    ) in str(outcomes[0])
    assert outcomes[1:] == GRANTS


def test_the_cli_reads_gzip_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "grants.jsonl"
    path.write_bytes(gzip.compress(LINES.encode("utf-8")))
    done = cli("validate", "grant", str(path))
    assert (done.returncode, done.stdout.strip()) == (0, f"{path}: 2 records, 0 with problems")


@pytest.mark.parametrize("name", ["grants.jsonl.gz", "grants.JSONL.GZ"])
def test_the_cli_reads_a_gz_suffixed_file_by_its_inner_suffix(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(LINES.encode("utf-8")))
    done = cli("validate", "grant", str(path))
    assert (done.returncode, done.stdout.strip()) == (0, f"{path}: 2 records, 0 with problems")


def test_the_cli_reads_a_gzip_json_document(tmp_path: Path) -> None:
    path = tmp_path / "grants.json"
    body = "[" + ",".join(cr.to_json(g) for g in GRANTS) + "]"
    path.write_bytes(gzip.compress(body.encode("utf-8")))
    done = cli("validate", "grant", str(path))
    assert (done.returncode, done.stdout.strip()) == (0, f"{path}: 2 records, 0 with problems")


def test_the_cli_names_the_bad_byte_of_a_json_document(tmp_path: Path) -> None:
    path = tmp_path / "grants.json"
    path.write_bytes(b'[{"name": "CITY OF COLFAX\xc9"}]')
    done = cli("validate", "organization", str(path))
    assert done.returncode == 1
    assert "is not UTF-8 text" in done.stderr
    assert "byte 0xc9 at byte 25" in done.stderr


def test_streamed_formats_share_one_limit() -> None:
    assert _io.MAX_CSV_BYTES == _io.MAX_STREAM_BYTES == 4 * 1024**3


@pytest.mark.parametrize("size", [0, 1, 5, 200])
def test_opened_readline_gives_the_same_lines_as_iterating(size: int) -> None:
    import io

    text = "".join(f"{'y' * (i % 7)}{i}\n" for i in range(size)) + "tail"
    with _io.open_source(io.BytesIO(text.encode()), 10**6) as opened:
        via_readline = list(iter(lambda: opened.readline(3), ""))
    assert "".join(via_readline) == text
