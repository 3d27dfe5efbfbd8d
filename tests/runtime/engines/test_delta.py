"""Delta runs on every engine (issue 15): a full load plus two hand-written extracts equals
a fresh full load of the final export (rows without surrogate ids, and rows with ids
replaced by their legacy keys); surviving crosswalk ids never change; a replay changes
nothing (canonical table hashes); extracts apply in order, each recorded; a delta that
fails while applying leaves the target as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlglot import exp

from compiler.pipeline import load
from compiler.plan.steps import table_names
from compiler.runtime.delta import DeltaRefused
from compiler.runtime.engines import open_engine
from compiler.runtime.engines.base import EngineError
from compiler.runtime.run import run
from compiler.sqlgen.canonical import canonical_rows, table_digests
from compiler.sqlgen.delta import EXTRACTS
from compiler.sqlgen.lower import col
from compiler.sqlgen.scripts import SqlGen
from compiler.sqlgen.text import sql_text

ENGINES = ["duckdb", "postgres", "mysql"]

SPEC = """
migration "delta" { dialect duckdb }
source legacy csv "data" {
  table patients "PATIENTS.csv" key pat_no {
    pat_no text
    name   text
    sex    text
    delta flag change_flag (new = 1, modified = 2, removed = 3)
    delta timestamp changed_at
  }
  table visits "VISITS.csv" key visit_id {
    visit_id text
    pat_no   text references patients.pat_no
    dos      text
    delta flag change_flag (new = 1, modified = 2, removed = 3)
  }
  table providers "PROVIDERS.csv" key prov_id {
    prov_id text
    name    text
  }
}
target emr {
  table patient key id {
    id   bigint not null
    mrn  varchar(10) not null unique
    name varchar(50)
    sex  varchar(1)
  }
  table visit key id {
    id         bigint not null
    code       varchar(10) not null
    patient_id bigint not null
    dos        varchar(10)
  }
  table practitioner key id {
    id   bigint not null
    code varchar(10) not null
    name varchar(50)
  }
}
map legacy.patients -> emr.patient {
  id   = crosswalk(pat_no)
  mrn  = pat_no
  name = name
  sex  = sex
  on removed delete children cascade
}
map legacy.visits -> emr.visit {
  id         = crosswalk(visit_id)
  code       = visit_id
  patient_id = emr.patient.crosswalk(pat_no)
  dos        = dos
  reject "unknown patient" when patient_id is null
}
map legacy.providers -> emr.practitioner {
  id   = crosswalk(prov_id)
  code = prov_id
  name = name
}
"""

FILES: dict[str, dict[str, str]] = {
    "full": {
        "PATIENTS.csv": "pat_no,name,sex\nP1,Ann,F\nP2,Bob,M\nP3,Cy,M\nP4,Dee,F\n",
        "VISITS.csv": "visit_id,pat_no,dos\nV1,P1,2026-01-01\nV2,P2,2026-01-02\nV3,P3,2026-01-03\nV4,P3,2026-01-04\nV5,P4,2026-01-05\n",
        "PROVIDERS.csv": "prov_id,name\nD1,Smith\nD2,Jones\n",
    },
    # P5 new, P2 modified, P3 removed (its visits V3, V4 follow: children cascade); V1 modified
    "delta_1": {
        "PATIENTS.csv": "pat_no,name,sex,change_flag,changed_at\nP5,Eve,F,1,2026-02-01\nP2,Bobby,M,2,2026-02-01\nP3,,,3,2026-02-01\n",
        "VISITS.csv": "visit_id,pat_no,dos,change_flag\nV6,P5,2026-02-01,1\nV1,P1,2026-01-11,2\n",
        "extract.json": '{"id": "x-1", "sequence": 1, "timestamp": "2026-02-01T00:00:00Z"}',
    },
    # P2 modified a second time; P6 new, then modified later in the same extract (the later
    # change wins, though it comes first in the file); V5 removed; providers replaced whole
    "delta_2": {
        "PATIENTS.csv": (
            "pat_no,name,sex,change_flag,changed_at\nP6,Fay2,F,2,2026-03-02\nP2,Robert,M,2,2026-03-01\nP6,Fay,F,1,2026-03-01\n"
        ),
        "VISITS.csv": "visit_id,pat_no,dos,change_flag\nV7,P6,2026-03-01,1\nV5,P4,2026-01-05,3\n",
        "PROVIDERS.csv": "prov_id,name\nD1,Smith\nD3,Brown\n",
        "extract.json": '{"id": "x-2", "sequence": 2, "timestamp": "2026-03-02T00:00:00Z"}',
    },
    "final": {
        "PATIENTS.csv": "pat_no,name,sex\nP1,Ann,F\nP2,Robert,M\nP4,Dee,F\nP5,Eve,F\nP6,Fay2,F\n",
        "VISITS.csv": "visit_id,pat_no,dos\nV1,P1,2026-01-11\nV2,P2,2026-01-02\nV6,P5,2026-02-01\nV7,P6,2026-03-01\n",
        "PROVIDERS.csv": "prov_id,name\nD1,Smith\nD3,Brown\n",
    },
}

# surrogate id columns and the crosswalk their values come from
SURROGATES = {
    "emr.patient": {"id": "emr.patient"},
    "emr.visit": {"id": "emr.visit", "patient_id": "emr.patient"},
    "emr.practitioner": {"id": "emr.practitioner"},
}


@pytest.fixture
def folders(tmp_path: Path) -> Path:
    (tmp_path / "d.mig").write_text(SPEC, encoding="utf-8")
    for folder, files in FILES.items():
        (tmp_path / folder).mkdir()
        for name, text in files.items():
            (tmp_path / folder / name).write_text(text, encoding="utf-8")
    return tmp_path


def targets(dialect: str, fresh_url: Any, folder: Path, n: int) -> list[str]:
    """n empty targets (fresh_url gives one DuckDB file per test)."""
    if dialect == "duckdb":
        return [f"duckdb:///{folder / f'target{i}.duckdb'}" for i in range(n)]
    return [fresh_url(dialect) for _ in range(n)]


def rows_of(url: str, gen: SqlGen, table: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    schema, name = table.split(".")
    cols = [c.name for c in gen.cat.target_tables[table].columns]
    engine = open_engine(url)
    try:
        return cols, engine.query(sql_text(exp.select(*[col(c) for c in cols]).from_(gen.tbl(schema, name)), gen.dialect))
    finally:
        engine.close()


def crosswalk(url: str, gen: SqlGen, target: str) -> dict[str, int]:
    """legacy key -> id of every key the crosswalk has given an id."""
    engine = open_engine(url)
    try:
        q = exp.select(col("legacy_key"), col("own_id")).from_(gen.tbl(*table_names(target).xwalk))
        return {str(k): int(i) for k, i in engine.query(sql_text(q, gen.dialect))}
    finally:
        engine.close()


def without_ids(url: str, gen: SqlGen) -> dict[str, list[str]]:
    out = {}
    for table, ids in SURROGATES.items():
        cols, rows = rows_of(url, gen, table)
        keep = [i for i, c in enumerate(cols) if c not in ids]
        out[table] = canonical_rows([tuple(r[i] for i in keep) for r in rows])
    return out


def with_legacy_keys(url: str, gen: SqlGen) -> dict[str, list[str]]:
    keys = {t: {i: k for k, i in crosswalk(url, gen, t).items()} for t in SURROGATES}
    out = {}
    for table, ids in SURROGATES.items():
        cols, rows = rows_of(url, gen, table)
        out[table] = canonical_rows([tuple(keys[ids[c]][int(v)] if c in ids else v for c, v in zip(cols, r, strict=True)) for r in rows])
    return out


def digests(url: str, gen: SqlGen) -> dict[str, tuple[int, str]]:
    engine = open_engine(url)
    try:
        return table_digests(engine, gen)
    finally:
        engine.close()


@pytest.mark.parametrize("dialect", ENGINES)
def test_full_plus_deltas_equals_a_full_load_of_the_final_export(dialect, folders, fresh_url):
    compiled = load(folders / "d.mig")
    gen = SqlGen(compiled.checked, dialect)
    url, fresh = targets(dialect, fresh_url, folders, 2)
    assert run(compiled, folders / "full", url).committed
    ids_full = crosswalk(url, gen, "emr.patient")

    first = run(compiled, folders / "delta_1", url, delta=True)
    assert first.committed and first.delta is not None and first.delta.status == "applied"
    patients = next(m for m in first.delta.maps if m.map == "legacy.patients -> emr.patient")
    assert (patients.delta_rows, patients.inserted, patients.updated, patients.deleted) == (3, 1, 1, 1)
    visits = next(m for m in first.delta.maps if m.map == "legacy.visits -> emr.visit")
    assert (visits.delta_rows, visits.inserted, visits.updated) == (2, 1, 1)
    assert all(m.balanced for m in first.delta.maps)
    assert first.delta.changes["emr.visit"] == {"inserted": 1, "updated": 1, "removed": 2}  # V3, V4 by cascade

    second = run(compiled, folders / "delta_2", url, delta=True)
    assert second.committed and second.delta is not None
    assert second.delta.changes["emr.practitioner"] == {"inserted": 1, "updated": 0, "removed": 1}
    ids_after = crosswalk(url, gen, "emr.patient")
    survivors = set(ids_full) & {"P1", "P2", "P4"}
    assert survivors and all(ids_after[k] == ids_full[k] for k in survivors)

    assert run(compiled, folders / "final", fresh).committed
    assert without_ids(url, gen) == without_ids(fresh, gen)
    assert with_legacy_keys(url, gen) == with_legacy_keys(fresh, gen)
    assert crosswalk(url, gen, "emr.patient") != crosswalk(fresh, gen, "emr.patient")  # the ids differ, the rows agree


@pytest.mark.parametrize("dialect", ENGINES)
def test_a_replay_changes_nothing_and_extracts_apply_in_order(dialect, folders, fresh_url):
    compiled = load(folders / "d.mig")
    gen = SqlGen(compiled.checked, dialect)
    (url,) = targets(dialect, fresh_url, folders, 1)
    run(compiled, folders / "full", url)
    with pytest.raises(DeltaRefused, match="sequence 2, the target expects 1"):
        run(compiled, folders / "delta_2", url, delta=True)
    run(compiled, folders / "delta_1", url, delta=True)
    before = digests(url, gen)
    replay = run(compiled, folders / "delta_1", url, delta=True)
    assert replay.committed and replay.delta is not None
    assert replay.delta.status == "already applied" and replay.delta.total_changes == 0
    assert digests(url, gen) == before
    engine = open_engine(url)
    try:
        q = (
            exp.select(col("extract_id"), col("kind"), col("sequence"))
            .from_(gen.tbl(*EXTRACTS))
            .order_by(col("applied_at"), col("sequence"))
        )
        assert [tuple(r) for r in engine.query(sql_text(q, gen.dialect))] == [("full", "full", 0), ("x-1", "delta", 1)]
    finally:
        engine.close()
    (folders / "delta_1" / "VISITS.csv").write_text("visit_id,pat_no,dos,change_flag\nV6,P5,2026-02-09,1\n", encoding="utf-8")
    with pytest.raises(DeltaRefused, match="applied before with other files"):
        run(compiled, folders / "delta_1", url, delta=True)
    forced = run(compiled, folders / "delta_1", url, delta=True, force=True)
    assert forced.delta is not None and forced.delta.status == "forced" and forced.delta.changes["emr.visit"]["updated"] == 1


class FailingUpsert:
    """An open engine that fails at the first upsert of the apply, after the removals ran."""

    def __init__(self, engine: Any):
        self.engine = engine

    def __getattr__(self, name: str) -> Any:
        return getattr(self.engine, name)

    def execute(self, sql: str) -> None:
        if "ON CONFLICT" in sql or "ON DUPLICATE KEY" in sql:
            raise EngineError("injected failure")
        self.engine.execute(sql)


@pytest.mark.parametrize("dialect", ENGINES)
def test_a_delta_failing_while_applied_leaves_the_target_as_it_was(dialect, folders, fresh_url):
    compiled = load(folders / "d.mig")
    gen = SqlGen(compiled.checked, dialect)
    (url,) = targets(dialect, fresh_url, folders, 1)
    run(compiled, folders / "full", url)
    before = digests(url, gen)
    engine = open_engine(url)
    try:
        with pytest.raises(EngineError, match="injected"):
            run(compiled, folders / "delta_1", url, delta=True, engine=FailingUpsert(engine))
    finally:
        engine.close()
    assert digests(url, gen) == before
    again = run(compiled, folders / "delta_1", url, delta=True)  # not recorded: applies now
    assert again.delta is not None and again.delta.status == "applied"


def test_on_removed_set_marks_the_row(folders, fresh_url):
    spec = SPEC.replace("on removed delete children cascade", 'on removed set name = "(removed)"')
    (folders / "d.mig").write_text(spec, encoding="utf-8")
    compiled = load(folders / "d.mig")
    gen = SqlGen(compiled.checked, "duckdb")
    (url,) = targets("duckdb", fresh_url, folders, 1)
    run(compiled, folders / "full", url)
    report = run(compiled, folders / "delta_1", url, delta=True)
    assert report.delta is not None and report.delta.changes["emr.patient"]["removed"] == 1
    cols, rows = rows_of(url, gen, "emr.patient")
    by_mrn = {r[cols.index("mrn")]: r for r in rows}
    assert by_mrn["P3"][cols.index("name")] == "(removed)" and by_mrn["P2"][cols.index("name")] == "Bobby"
    again = run(compiled, folders / "delta_1", url, delta=True)
    assert again.delta is not None and again.delta.total_changes == 0


def test_an_unflagged_table_with_flagged_rows_is_refused(folders, fresh_url):
    """Flagged rows in an unflagged table's file would be taken for the whole table."""
    compiled = load(folders / "d.mig")
    (url,) = targets("duckdb", fresh_url, folders, 1)
    run(compiled, folders / "full", url)
    (folders / "delta_1" / "PROVIDERS.csv").write_text("prov_id,name,change_flag\nD9,New,1\n", encoding="utf-8")
    with pytest.raises(DeltaRefused, match="legacy.providers declares no `delta flag`"):
        run(compiled, folders / "delta_1", url, delta=True)


def test_a_delta_needs_a_full_load_first(folders, fresh_url):
    compiled = load(folders / "d.mig")
    (url,) = targets("duckdb", fresh_url, folders, 1)
    with pytest.raises(DeltaRefused, match="no full load"):
        run(compiled, folders / "delta_1", url, delta=True)
