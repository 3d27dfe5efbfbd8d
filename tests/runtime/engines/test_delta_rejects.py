"""A delta row that its map rejects carries its place in the extract's file (source_file,
source_line, byte_offset, original_row), as a full run's rejects carry theirs in the export
(docs/LANGUAGE.md, Reason codes); a row rejected before and left by the extract keeps
the place that the run which read it found."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlglot import exp

from compiler.pipeline import load
from compiler.runtime.engines import open_engine
from compiler.runtime.run import run
from compiler.sqlgen.lower import col
from compiler.sqlgen.scripts import SqlGen
from compiler.sqlgen.statements import REJECTS
from compiler.sqlgen.text import sql_text

SPEC = """
migration "delta-rejects" { dialect duckdb }
source legacy csv "data" {
  table patients "PATIENTS.csv" key pat_no {
    pat_no text
    name   text
    delta flag change_flag (new = 1, modified = 2, removed = 3)
  }
  table visits "VISITS.csv" key visit_id {
    visit_id text
    pat_no   text references patients.pat_no
    delta flag change_flag (new = 1, modified = 2, removed = 3)
    delta timestamp changed_at
  }
}
target emr {
  table patient key id {
    id   bigint not null
    mrn  varchar(10) not null
  }
  table visit key id {
    id         bigint not null
    code       varchar(10) not null
    patient_id bigint not null
  }
}
map legacy.patients -> emr.patient {
  id  = crosswalk(pat_no)
  mrn = pat_no
}
map legacy.visits -> emr.visit {
  id         = crosswalk(visit_id)
  code       = visit_id
  patient_id = emr.patient.crosswalk(pat_no)
  reject "unknown patient" when patient_id is null
}
"""

DELTA_VISITS = (
    "visit_id,pat_no,change_flag,changed_at\n"
    "V8,P1,1,2026-02-01\n"
    "V9,PX,1,2026-02-02\n"  # rejected: its line and offset are asked for below
    "V7,P1,2,2026-02-01\n"
    "V7,PY,2,2026-02-03\n"  # V7's latest change (by timestamp): rejected too
)
FILES = {
    "full": {
        "PATIENTS.csv": "pat_no,name\nP1,Ann\n",
        "VISITS.csv": "visit_id,pat_no\nV1,P1\nV7,P1\nV5,PZ\n",  # V5: rejected by the full run, not in the extract
    },
    "delta_1": {"VISITS.csv": DELTA_VISITS, "extract.json": '{"id": "x-1", "sequence": 1}'},
}


@pytest.fixture
def folders(tmp_path: Path) -> Path:
    (tmp_path / "d.mig").write_text(SPEC, encoding="utf-8")
    for folder, files in FILES.items():
        (tmp_path / folder).mkdir()
        for name, text in files.items():
            (tmp_path / folder / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "mysql"])
def test_a_rejected_delta_row_is_located_in_the_extract(dialect, folders, fresh_url):
    compiled = load(folders / "d.mig")
    gen = SqlGen(compiled.checked, dialect)
    url = fresh_url(dialect)
    assert run(compiled, folders / "full", url).committed
    report = run(compiled, folders / "delta_1", url, delta=True)
    assert report.committed
    engine = open_engine(url)
    try:
        q = (
            exp.select(*[col(c) for c in ("source_key", "reason_code", "source_file", "source_line", "byte_offset", "original_row")])
            .from_(gen.tbl(*REJECTS))
            .order_by(col("source_key"))
        )
        rows = [tuple(r) for r in engine.query(sql_text(q, dialect))]
    finally:
        engine.close()
    lines = DELTA_VISITS.splitlines(keepends=True)
    offset = {i + 1: sum(len(x) for x in lines[:i]) for i in range(len(lines))}
    full_offset = len("visit_id,pat_no\nV1,P1\nV7,P1\n")
    assert [r[:5] for r in rows] == [
        ("V5", "reject", "VISITS.csv", 4, full_offset),  # its place in the full export, kept
        ("V7", "reject", "VISITS.csv", 5, offset[5]),
        ("V9", "reject", "VISITS.csv", 3, offset[3]),
    ]
    assert [str(r[5]).rstrip("\r\n") for r in rows] == ["V5,PZ", "V7,PY,2,2026-02-03", "V9,PX,1,2026-02-02"]
