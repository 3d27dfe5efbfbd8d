"""A modified row that changes a dedup key (docs/LANGUAGE.md, Delta runs, step 2): the
survivor choice is re-evaluated as a full load of the new state would make it, the
survivor keeps its id, a merged row that becomes a survivor of its own is loaded with an
id of its own, and a row that now joins a group merges into that group's survivor."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlglot import exp

from compiler.pipeline import load
from compiler.plan.steps import table_names
from compiler.runtime.engines import open_engine
from compiler.runtime.run import run
from compiler.sqlgen.lower import col
from compiler.sqlgen.scripts import SqlGen
from compiler.sqlgen.text import sql_text

SPEC = """
migration "dedup-delta" { dialect duckdb }
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
  }
}
target emr {
  table patient key id {
    id   bigint not null
    mrn  varchar(10) not null
    name varchar(50)
  }
  table visit key id {
    id         bigint not null
    code       varchar(10) not null
    patient_id bigint not null
  }
}
map legacy.patients -> emr.patient {
  id   = crosswalk(pat_no)
  mrn  = pat_no
  name = name
  dedup on (upper(name)) keep first by pat_no
}
map legacy.visits -> emr.visit {
  id         = crosswalk(visit_id)
  code       = visit_id
  patient_id = emr.patient.crosswalk(pat_no)
  reject "unknown patient" when patient_id is null
}
"""

FILES = {
    # P1 and P2 are one person (P1 survives, P2 merges); P3 is someone else
    "full": {
        "PATIENTS.csv": "pat_no,name\nP1,Ann\nP2,ANN\nP3,Bea\n",
        "VISITS.csv": "visit_id,pat_no\nV1,P1\nV2,P2\nV3,P3\n",
    },
    # P1 changes its name: P2 is alone now and survives; P3 becomes "Ann" and merges into P2
    "delta_1": {
        "PATIENTS.csv": "pat_no,name,change_flag\nP1,Cy,2\nP3,ann,2\n",
        "extract.json": '{"id": "x-1", "sequence": 1}',
    },
    "final": {
        "PATIENTS.csv": "pat_no,name\nP1,Cy\nP2,ANN\nP3,ann\n",
        "VISITS.csv": "visit_id,pat_no\nV1,P1\nV2,P2\nV3,P3\n",
    },
}


@pytest.fixture
def folders(tmp_path: Path) -> Path:
    (tmp_path / "d.mig").write_text(SPEC, encoding="utf-8")
    for folder, files in FILES.items():
        (tmp_path / folder).mkdir()
        for name, text in files.items():
            (tmp_path / folder / name).write_text(text, encoding="utf-8")
    return tmp_path


def crosswalk(url: str, gen: SqlGen) -> dict[str, tuple[int | None, int | None, str]]:
    engine = open_engine(url)
    try:
        q = exp.select(col("legacy_key"), col("own_id"), col("target_id"), col("state")).from_(gen.tbl(*table_names("emr.patient").xwalk))
        return {str(k): (o, t, str(s)) for k, o, t, s in engine.query(sql_text(q, gen.dialect))}
    finally:
        engine.close()


def visits(url: str, gen: SqlGen) -> dict[str, int]:
    engine = open_engine(url)
    try:
        q = exp.select(col("code"), col("patient_id")).from_(gen.tbl("emr", "visit"))
        return {str(c): int(p) for c, p in engine.query(sql_text(q, gen.dialect))}
    finally:
        engine.close()


@pytest.mark.parametrize("dialect", ["duckdb", "postgres"])
def test_a_changed_dedup_key_reevaluates_the_survivor(dialect, folders, fresh_url):
    compiled = load(folders / "d.mig")
    gen = SqlGen(compiled.checked, dialect)
    url, fresh = fresh_url(dialect), fresh_url(dialect)
    assert run(compiled, folders / "full", url).committed
    before = crosswalk(url, gen)
    assert before["P2"][2] == "merged" and before["P2"][1] == before["P1"][0]

    report = run(compiled, folders / "delta_1", url, delta=True)
    assert report.committed and report.delta is not None
    after = crosswalk(url, gen)
    assert after["P1"][:2] == before["P1"][:2] and after["P1"][2] == "loaded"  # the survivor keeps its id
    assert after["P2"][2] == "loaded" and after["P2"][1] not in (before["P1"][0], before["P3"][0])  # alone now: its own id
    assert after["P3"][2] == "merged" and after["P3"][1] == after["P2"][1]  # joins P2's group, P2 comes first
    patients = next(m for m in report.delta.maps if m.map == "legacy.patients -> emr.patient")
    assert (patients.delta_rows, patients.updated, patients.merged) == (2, 1, 1) and patients.balanced
    assert report.delta.changes["emr.patient"] == {"inserted": 1, "updated": 1, "removed": 1}
    # each visit follows its patient's survivor, as a fresh load of final/ has it
    ids = {k: v[1] for k, v in after.items()}
    assert visits(url, gen) == {"V1": ids["P1"], "V2": ids["P2"], "V3": ids["P2"]}
    assert run(compiled, folders / "final", fresh).committed
    fresh_ids = {k: v[1] for k, v in crosswalk(fresh, gen).items()}
    by_key = {c: k for k, c in ids.items() if after[k][2] == "loaded"}
    fresh_by_key = {c: k for k, c in fresh_ids.items() if crosswalk(fresh, gen)[k][2] == "loaded"}
    assert {v: by_key[p] for v, p in visits(url, gen).items()} == {v: fresh_by_key[p] for v, p in visits(fresh, gen).items()}
