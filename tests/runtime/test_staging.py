"""Staging: encodings, malformed records, header mapping — executed on DuckDB."""

from __future__ import annotations

import duckdb
import pytest

from compiler.cli.main import main
from compiler.pipeline import load
from compiler.runtime.run import run
from compiler.runtime.staging import transcode

SPEC = """
migration "t" { dialect duckdb }
source legacy csv "data" {
  encoding "{encoding}"
  table people "people.csv" key id {
    id   text
    name text phi
  }
}
target new {
  table person key pid {
    pid  bigint not null
    code varchar(10) not null
    name varchar(40)
  }
}
map legacy.people -> new.person {
  pid  = crosswalk(id)
  code = trim(id)
  name = trim(name)
}
"""


def migrate(tmp_path, content: bytes, encoding: str):
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "people.csv").write_bytes(content)
    spec = tmp_path / "t.mig"
    spec.write_text(SPEC.replace("{encoding}", encoding))
    db = tmp_path / "t.duckdb"
    report = run(load(spec), None, f"duckdb:///{db}", commit_on_fail=True)
    con = duckdb.connect(str(db), read_only=True)
    names = dict(con.execute('SELECT "code", "name" FROM "new"."person"').fetchall())
    rejects = con.execute(
        'SELECT "record", "rule", "reason_code", "original_row", "source_file", "source_line", "byte_offset" '
        'FROM "chartshift"."rejects" ORDER BY "byte_offset"'
    ).fetchall()
    con.close()
    return report, names, rejects


def test_cp1252_is_transcoded(tmp_path):
    content = "id,name\r\n1,O\u2019Brien\r\n2,M\u00fcller \u20ac\r\n".encode("cp1252")
    report, names, rejects = migrate(tmp_path, content, "cp1252")
    assert names == {"1": "O\u2019Brien", "2": "M\u00fcller \u20ac"}
    assert rejects == []


def test_cp1252_undefined_byte_rejects_only_that_record(tmp_path):
    content = b"id,name\r\n1,ok\r\n2,bad\x81byte\r\n3,fine\r\n"
    report, names, rejects = migrate(tmp_path, content, "cp1252")
    assert names == {"1": "ok", "3": "fine"}
    assert rejects == [(3, "malformed", "invalid_encoding", "2,bad\ufffdbyte", "people.csv", 3, content.index(b"2,"))]
    assert report.sources[0].records == 3


def test_utf8_bom_and_latin1(tmp_path):
    report, names, _ = migrate(tmp_path, "\ufeffid,name\n1,Zo\u00eb\n".encode("utf-8"), "utf-8-sig")
    assert names == {"1": "Zo\u00eb"}
    report, names, _ = migrate(tmp_path, "id,name\n1,Garc\u00eda\n".encode("latin-1"), "latin-1")
    assert names == {"1": "Garc\u00eda"}


def test_ragged_and_unterminated_records_become_rejects(tmp_path):
    content = b'id,name\n1,a\n2,b,extra\n3\n4,"multi\nline"\n5,"never closed\n6,x\n'
    report, names, rejects = migrate(tmp_path, content, "utf-8")
    assert names == {"1": "a", "4": "multi\nline"}
    assert [(r[2], r[5], r[6], r[3]) for r in rejects] == [
        ("too_many_fields", 3, content.index(b"2,b"), "2,b,extra"),
        ("too_few_fields", 4, content.index(b"3\n"), "3"),
        ("unterminated_quote", 7, content.index(b"5,"), '5,"never closed\n6,x\n'),  # runs to the end of the file
    ]
    m = report.maps[0]
    assert (m.source_rows, m.loaded) == (2, 2)
    assert report.sources[0].malformed == 3


def test_missing_header_column_rejects_every_record(tmp_path):
    """A header lacking a declared column is not fatal: every record is a `missing_column`
    reject (the accounting shows them; the spec's thresholds decide the verdict)."""
    content = b"id,fullname\n1,a\n2,b\n"
    report, names, rejects = migrate(tmp_path, content, "utf-8")
    assert names == {}
    assert [(r[2], r[5], r[6]) for r in rejects] == [("missing_column", 2, 12), ("missing_column", 3, 16)]
    assert (report.sources[0].records, report.sources[0].malformed) == (2, 2)


def test_missing_file_exit_3(tmp_path, capsys):
    spec = tmp_path / "t.mig"
    spec.write_text(SPEC.replace("{encoding}", "utf-8"))
    code = main(["run", str(spec), "--target", f"duckdb:///{tmp_path / 'x.duckdb'}"])
    assert code == 3
    assert "people.csv: source file for legacy.people not found" in capsys.readouterr().err


def test_failed_run_leaves_previous_target(tmp_path):
    report, names, _ = migrate(tmp_path, b"id,name\n1,first\n", "utf-8")
    assert names == {"1": "first"}
    (tmp_path / "data" / "people.csv").unlink()  # the file is gone: the run stops (exit 3)
    with pytest.raises(Exception):
        run(load(tmp_path / "t.mig"), None, f"duckdb:///{tmp_path / 't.duckdb'}")
    con = duckdb.connect(str(tmp_path / "t.duckdb"), read_only=True)
    assert con.execute('SELECT "code", "name" FROM "new"."person"').fetchall() == [("1", "first")]
    con.close()


def test_transcode_streams_large_files(tmp_path):
    src = tmp_path / "big.csv"
    src.write_bytes(("x,\u00e9\u2019\r\n" * 400_000).encode("cp1252"))
    dst = tmp_path / "big.utf8"
    transcode(src, dst, "cp1252")
    assert dst.read_bytes() == ("x,\u00e9\u2019\r\n" * 400_000).encode("utf-8")


def test_normalized_file_streams_in_file_order(tmp_path, monkeypatch):
    """The server engines' clean CSV (streamed, small read buffers) has the rows, row
    numbers and malformed-line rejects of the DuckDB staging table, in file order."""
    import csv
    from pathlib import Path

    from compiler.runtime import staging
    from compiler.sqlgen.text import sql_text

    lines = ["id,name"]
    for i in range(1, 20001):
        if i % 4999 == 0:
            lines.append(f"{i},bad,extra")  # too many columns
        elif i % 7919 == 0:
            lines.append(f'{i},"two\nlines, {i}"')
        else:
            lines.append(f"{i},name {i} {'x' * (i % 37)}")
    path = tmp_path / "people.csv"
    path.write_text("\n".join(lines) + "\n")
    sf = staging.SourceFile("legacy.people", path, "utf-8", ",", '"', '"', True, ["id", "name"])

    con = duckdb.connect()
    con.execute("CREATE SCHEMA chartshift_stage")
    con.execute(sql_text(staging.duckdb_create_stage(staging.prepare(sf, tmp_path)), "duckdb"))
    expected = [tuple(str(v) for v in r) for r in con.execute('SELECT * FROM chartshift_stage.legacy__people ORDER BY "__row"').fetchall()]

    monkeypatch.setattr(staging, "MAX_LINE_SIZE", 1 << 12)
    monkeypatch.setattr(staging, "NORMALIZE_BUFFER", 1 << 13)  # many buffers
    nf = staging.normalize_with_duckdb(sf, tmp_path)
    with open(Path(nf.path), newline="") as fh:
        got = [tuple(r) for r in csv.reader(fh)]
    assert got == expected
    assert [r[0] for r in got] == [str(n) for n in range(1, len(got) + 1)]
    assert nf.prepared.staged == len(expected) == 20000 - 4
    bad = [i for i in range(1, 20001) if i % 4999 == 0]
    assert [(f.code, f.text) for f in nf.prepared.scan.bad_records] == [("too_many_fields", f"{i},bad,extra") for i in bad]
    # line of each: 1 (header) + the records before it + the quoted line breaks before it
    assert [f.line for f in nf.prepared.scan.bad_records] == [
        1 + i + sum(1 for j in range(1, i) if j % 7919 == 0 and j % 4999) for i in bad
    ]
