"""Replay on the three engines: a run rejects records (a rule, a wrong field count, a
reference to a rejected row), `rejects export` writes them back as the source has them,
they are fixed, `rejects apply` splices them in, and the next run loads each once, with
the ids of the rows loaded before unchanged."""

from __future__ import annotations

import json

import pytest
from sqlglot import exp

from compiler.cli.main import main
from compiler.pipeline import load
from compiler.runtime.engines import open_engine
from compiler.runtime.run import run
from compiler.sqlgen.lower import col
from compiler.sqlgen.scripts import SqlGen
from compiler.sqlgen.text import sql_text
from tests.runtime.engines.small.harness import SPEC

BOM = b"\xef\xbb\xbf"
PATIENTS = [
    b"pat_no,name,dob",
    b"P0001,Ann A,1950-01-02",
    b"P0002,,1960-03-04",  # missing name
    b'P0003,"Bob ""B""",1970-05-06',
    b"P0004,Cy C,1980-07-08,EXTRA",  # four fields: malformed
    b'P0005,"Dee\r\nD",1990-09-10',
    b"P0006,,2000-01-01",  # missing name
]
VISITS = [b"visit_id,pat_no,units", b"V1,P0001,1", b"V2,P0002,2", b"V3,P9999,1", b"V4,P0004,3", b"V5,P0005,2"]
FIXES = {b"P0002,,": b"P0002,Fixed Two,", b"P0006,,": b"P0006,Fixed Six,", b",EXTRA": b"", b"V3,P9999,": b"V3,P0001,"}


def write_source(folder):
    folder.mkdir()
    (folder / "patients.csv").write_bytes(BOM + b"\r\n".join(PATIENTS) + b"\r\n")  # BOM, CRLF
    (folder / "visits.csv").write_bytes(b"\n".join(VISITS))  # LF, no last line break
    return folder


def patient_ids(url):
    engine = open_engine(url)
    gen = SqlGen(load(SPEC).checked, engine.dialect)
    try:
        return dict(engine.query(sql_text(exp.select(col("mrn"), col("id")).from_(gen.tbl("emr", "patient")), gen.dialect)))
    finally:
        engine.close()


def counts(report):
    return {m.target: (m.source_rows, m.loaded, m.rejected) for m in report.maps}, sum(s.malformed for s in report.sources)


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "mysql"])
def test_export_fix_apply_and_load_once(dialect, fresh_url, tmp_path, capsys):
    source = write_source(tmp_path / "source")
    url = fresh_url(dialect)
    first = run(load(SPEC), source, url)
    assert counts(first) == ({"emr.patient": (5, 3, 2), "emr.visit": (5, 2, 3)}, 1)
    ids = patient_ids(url)

    out = tmp_path / "rejected"
    assert main(["rejects", "export", str(SPEC), "--target", url, "--out", str(out), "--source", str(source)]) == 0
    assert (out.stat().st_mode & 0o777, (out / "patients.csv").stat().st_mode & 0o777) == (0o700, 0o600)
    # in the source's own layout: BOM, header, CRLF, quotes; the records as they were, in file order
    assert (out / "patients.csv").read_bytes() == BOM + b"\r\n".join([PATIENTS[i] for i in (0, 2, 4, 6)]) + b"\r\n"
    # a file without a last line break: every record ends with the file's terminator
    assert (out / "visits.csv").read_bytes() == b"\n".join([VISITS[i] for i in (0, 2, 3, 4)]) + b"\n"
    manifest = json.loads((out / "replay.json").read_text())
    assert [(f["file"], [r["line"] for r in f["records"]]) for f in manifest["files"]] == [
        ("patients.csv", [3, 5, 8]),
        ("visits.csv", [3, 4, 5]),
    ]
    assert "Fixed" not in json.dumps(manifest) and "P0002" not in json.dumps(manifest)  # positions and hashes only

    for name in ("patients.csv", "visits.csv"):  # the engineer's fixes
        data = (out / name).read_bytes()
        for old, new in FIXES.items():
            data = data.replace(old, new)
        (out / name).write_bytes(data)
    fixed = tmp_path / "fixed"
    capsys.readouterr()
    assert main(["rejects", "apply", str(SPEC), "--fixes", str(out), "--out", str(fixed), "--source", str(source)]) == 0
    assert "3 records of legacy.patients replaced" in capsys.readouterr().err

    second = run(load(SPEC), fixed, url)
    # each replayed record counted once and loaded once; nothing else changed
    assert counts(second) == ({"emr.patient": (6, 6, 0), "emr.visit": (5, 5, 0)}, 0)
    after = patient_ids(url)
    assert len(after) == 6 and all(after[k] == v for k, v in ids.items())


def test_apply_refuses_a_changed_source_or_a_lost_record(fresh_url, tmp_path, capsys):
    source = write_source(tmp_path / "source")
    url = fresh_url("duckdb")
    run(load(SPEC), source, url)
    out = tmp_path / "rejected"
    assert main(["rejects", "export", str(SPEC), "--target", url, "--out", str(out), "--source", str(source)]) == 0
    assert main(["rejects", "export", str(SPEC), "--target", url, "--out", str(out), "--source", str(source)]) == 2  # not empty

    data = (out / "visits.csv").read_bytes()
    (out / "visits.csv").write_bytes(data.replace(b"V3,P9999,1\n", b""))
    assert main(["rejects", "apply", str(SPEC), "--fixes", str(out), "--out", str(tmp_path / "a"), "--source", str(source)]) == 2
    assert "2 records, the export wrote 3" in capsys.readouterr().err
    (out / "visits.csv").write_bytes(data)

    original = (source / "patients.csv").read_bytes()
    (source / "patients.csv").write_bytes(original.replace(b"P0006,,2000", b"P0006,,2001"))
    assert main(["rejects", "apply", str(SPEC), "--fixes", str(out), "--out", str(tmp_path / "b"), "--source", str(source)]) == 3
    assert "changed since the export" in capsys.readouterr().err
