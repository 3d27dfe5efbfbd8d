"""The record scanner (compiler/runtime/records.py): its fast path (whole blocks by regex)
and its slow path (record by record) must agree on every input; good records keep their
values; every bad record and every located good record has the right line, offset, text."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compiler.runtime import records
from compiler.runtime.records import Format, locate, scan

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def good_bytes(path: Path, result: records.Scan, data: bytes) -> bytes:
    """The good records as the engine would read them (the clean file, or the original after its header)."""
    if result.clean is not None:
        return result.clean.read_bytes()
    with open(path, "rb") as fh:
        _, start, _ = records.read_header(fh, Format())
    return data[start:]


def run_both(tmp_path: Path, data: bytes, block: int, monkeypatch) -> tuple[records.Scan, records.Scan, bytes, bytes]:
    monkeypatch.setattr(records, "BLOCK", block)
    path = tmp_path / "f.csv"
    path.write_bytes(data)
    outs = []
    for fast in (True, False):
        work = tmp_path / ("fast" if fast else "slow")
        work.mkdir(exist_ok=True)
        r = scan(path, Format(), None, work, fast=fast)
        outs.append((r, good_bytes(path, r, data)))
    (fast_r, fast_b), (slow_r, slow_b) = outs
    return fast_r, slow_r, fast_b, slow_b


# CSV-ish bytes: the characters that matter to the grammar, and a few that are not valid UTF-8.
PIECES = st.sampled_from([b"a", b"bc", b",", b'"', b'""', b"\n", b"\r\n", b"\r", b"\x00", b"\xff", "é".encode(), b" ", b"\n\n"])


@SETTINGS
@given(
    body=st.lists(PIECES, max_size=60),
    head=st.sampled_from([b"id,name\n", b"id,name\r\n", b"id,name\r", b"x\n"]),
    block=st.sampled_from([8, 32, 4096]),
)
def test_fast_and_slow_paths_agree(tmp_path_factory, monkeypatch, body, head, block):
    tmp = tmp_path_factory.mktemp("agree")
    fast, slow, fast_bytes, slow_bytes = run_both(tmp, head + b"".join(body), block, monkeypatch)
    assert fast.staged == slow.staged
    assert fast.bad_records == slow.bad_records
    assert fast_bytes.replace(b"\r\n", b"\n") == slow_bytes.replace(b"\r\n", b"\n")


def quoted(field: str) -> str:
    """A field as a CSV writer should write it (csv.writer leaves a lone CR unquoted)."""
    return '"' + field.replace('"', '""') + '"' if any(c in field for c in ',"\r\n') else field


FIELD = st.text(alphabet=st.sampled_from(list('ab ,"\n\ré€😀')), max_size=8)


@SETTINGS
@given(
    rows=st.lists(st.tuples(FIELD.filter(lambda s: s != ""), FIELD), min_size=1, max_size=40),
    eol=st.sampled_from(["\n", "\r\n"]),
    block=st.sampled_from([16, 64, 1 << 20]),
)
def test_well_formed_files_keep_every_value_and_position(tmp_path_factory, monkeypatch, rows, eol, block):
    """Well-formed CSV (quotes where needed): every record good, values unchanged, and
    `locate` finds each record's line, offset and text."""
    monkeypatch.setattr(records, "BLOCK", block)
    tmp = tmp_path_factory.mktemp("good")
    text, starts = "id,name" + eol, []
    for row in rows:
        starts.append(len(text.encode()))
        text += ",".join(quoted(f) for f in row) + eol
    data = text.encode()
    path = tmp / "f.csv"
    path.write_bytes(data)
    r = scan(path, Format(), None, tmp)
    assert r.bad_records == []
    assert r.staged == len(rows)
    got = list(csv.reader(io.StringIO(good_bytes(path, r, data).decode(), newline="")))
    assert [tuple(g) for g in got] == [tuple(x) for x in rows]
    found = locate(path, Format(), 2, r, list(range(1, len(rows) + 1)))
    for n, start in enumerate(starts, start=1):
        line, offset, text = found[n]
        assert offset == start
        assert line == 1 + data[:start].count(b"\n")
        assert text.encode() == data[start : (starts + [len(data)])[n]].removesuffix(eol.encode())


@pytest.mark.parametrize(
    "data,want",
    [
        (b"id,name\n1,a\n2,b\x00\n3,c\n", [(3, b"2,", "nul_byte", "2,b\ufffd")]),
        (b"id,name\n1,Al\rice\n2,b\n", [(2, b"1,", "bare_cr", "1,Al\rice")]),
        (b"id,name\r1,Al\rice\r", [(3, b"ice", "too_few_fields", "ice")]),  # CR-only file: a CR ends a line
        (b"id,name\n1\n2,b,c\n", [(2, b"1\n", "too_few_fields", "1"), (3, b"2,", "too_many_fields", "2,b,c")]),
        (b'id,name\n1,"a\nb\n', [(2, b"1,", "unterminated_quote", '1,"a\nb\n')]),
        (b'id,name\n1,"a"b\n2,c\n', [(2, b"1,", "bad_quote", '1,"a"b')]),
        (b"id,name\n1,\xff\n", [(2, b"1,", "invalid_encoding", "1,\ufffd")]),
        (b'id,name\n1,"x\ny"\n2,\xff\n', [(4, b"2,", "invalid_encoding", "2,\ufffd")]),
    ],
)
def test_bad_records_positions_codes_and_text(tmp_path, data, want):
    path = tmp_path / "f.csv"
    path.write_bytes(data)
    got = [(b.line, b.offset, b.code, b.text) for b in scan(path, Format(), None, tmp_path).bad_records]
    assert got == [(line, data.index(start), code, text) for line, start, code, text in want]


def test_header_problem_rejects_every_record(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes(b"id,name\n1,a\n\n2,b\n")
    r = scan(path, Format(), None, tmp_path, header_fault="missing_column")
    assert [(b.line, b.code) for b in r.bad_records] == [(2, "missing_column"), (4, "missing_column")]
    assert r.staged == 0


def test_cp1252_is_transcoded_and_undefined_bytes_are_bad(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes("id,name\r\n1,O’Brien\r\n".encode("cp1252") + b"2,x\x81\r\n")
    r = scan(path, Format(encoding="cp1252"), None, tmp_path)
    assert r.staged == 1 and [b.code for b in r.bad_records] == ["invalid_encoding"]
    assert r.clean is not None and r.clean.read_bytes() == "1,O’Brien\r\n".encode()
