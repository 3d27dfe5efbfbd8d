"""Several maps into one target (a union) across runs, on every engine: the shared crosswalk
keeps each branch's ids, namespaced by source table; a key gone from one branch turns
inactive without touching the other branch; ids are never reused; the report has one
accounting line per branch and their sums per target."""

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
source sysA csv "a" {
  table patients "P.csv" key pat_no {
    pat_no text
    name   text
  }
}
source sysB csv "b" {
  table people "Q.csv" key person_id {
    person_id integer
    name      text
  }
}
source solo csv "s" {
  table things "T.csv" key code {
    code text
  }
}
target emr {
  table patient key id {
    id   bigint not null
    name text   not null
  }
  table thing key id {
    id bigint not null
  }
}
map sysA.patients -> emr.patient {
  id   = crosswalk(pat_no)
  name = name
}
map sysB.people -> emr.patient {
  id   = crosswalk(person_id)
  name = name
  reject "no name" when name is null
}
map solo.things -> emr.thing {
  id = crosswalk(code)
}
"""


def write_export(folder: Path, a: list[str], b: list[str]) -> None:
    for sub, name, header, rows in (("a", "P.csv", "pat_no,name", a), ("b", "Q.csv", "person_id,name", b), ("s", "T.csv", "code", ["x"])):
        (folder / sub).mkdir(parents=True, exist_ok=True)
        (folder / sub / name).write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")


def crosswalk(url: str, gen: SqlGen, target: str) -> dict[str, tuple[int | None, int | None, str]]:
    """legacy key -> (own id, target id, state); a merged key has no id of its own."""
    schema, name = table_names(target).xwalk
    q = exp.select(*[col(c) for c in ("legacy_key", "own_id", "target_id", "state")]).from_(gen.tbl(schema, name))
    engine = open_engine(url)
    try:
        rows = engine.query(sql_text(q, gen.dialect))
    finally:
        engine.close()
    return {str(k): (None if o is None else int(o), None if t is None else int(t), str(s)) for k, o, t, s in rows}


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "mysql"])
def test_union_ids_across_runs(tmp_path, fresh_url, dialect):
    spec = tmp_path / "union.mig"
    spec.write_text(SPEC, encoding="utf-8")
    compiled = load(spec)
    gen = SqlGen(compiled.checked, dialect)
    url = fresh_url(dialect)
    export = tmp_path  # the sources are the folders a, b, s beside the spec

    write_export(export, ["1,ann", "2,bob"], ["1,cy", "2,dee", "3,"])
    first = run(compiled, None, url)
    assert first.committed and first.status == "pass"
    xw = crosswalk(url, gen, "emr.patient")
    # the same key "1" in both systems: two keys, two ids, in branch order then export order
    assert {k: v[0] for k, v in xw.items()} == {
        "sysA.patients|1": 1,
        "sysA.patients|2": 2,
        "sysB.people|1": 3,
        "sysB.people|2": 4,
    }
    # a single-map target keeps its keys as they always were (no namespace)
    assert set(crosswalk(url, gen, "emr.thing")) == {"x"}
    lines = {m.map: (m.source_rows, m.loaded, m.rejected, m.filtered, m.merged) for m in first.maps}
    assert lines["sysA.patients -> emr.patient"] == (2, 2, 0, 0, 0)
    assert lines["sysB.people -> emr.patient"] == (3, 2, 1, 0, 0)
    target = next(t for t in first.to_dict()["targets"] if t["target"] == "emr.patient")
    assert target["maps"] == ["sysA.patients -> emr.patient", "sysB.people -> emr.patient"]
    assert (target["source_rows"], target["loaded"], target["rejected"], target["balanced"]) == (5, 4, 1, True)

    # sysA loses "1" and gains "3"; sysB gains 4: old ids stay, new ones follow the highest
    write_export(export, ["2,bob", "3,eve"], ["1,cy", "2,dee", "4,fay"])
    second = run(compiled, None, url)
    assert second.committed
    xw = crosswalk(url, gen, "emr.patient")
    assert xw["sysA.patients|1"] == (1, None, "inactive")
    assert xw["sysA.patients|2"][0] == 2 and xw["sysB.people|1"][0] == 3 and xw["sysB.people|2"][0] == 4
    assert {xw["sysA.patients|3"][0], xw["sysB.people|4"][0]} == {5, 6}
    assert all(v[0] is not None for v in xw.values())
    assert all(v[2] != "inactive" for k, v in xw.items() if k != "sysA.patients|1")

    # "1" comes back to sysA: its old id, never given to another key meanwhile
    write_export(export, ["1,ann", "2,bob", "3,eve"], ["1,cy", "2,dee", "4,fay"])
    third = run(compiled, None, url)
    assert third.committed
    xw = crosswalk(url, gen, "emr.patient")
    assert xw["sysA.patients|1"][0] == 1 and xw["sysA.patients|1"][2] != "inactive"
    ids = [v[0] for v in xw.values() if v[0] is not None]
    assert len(ids) == len(set(ids)) == 6


ACROSS = """
source sysA csv "a" {
  table patients "P.csv" key pat_no {
    pat_no text
    name   text
  }
}
source sysB csv "b" {
  table people "Q.csv" key person_id {
    person_id integer
    name      text
  }
}
source solo csv "s" {
  table things "T.csv" key code {
    code text
  }
}
target emr {
  table patient key id {
    id   bigint not null
    name text   not null
  }
}
map sysA.patients -> emr.patient {
  id   = crosswalk(pat_no)
  name = name
  dedup across on (upper(name)) keep first by pat_no
}
map sysB.people -> emr.patient {
  id   = crosswalk(person_id)
  name = name
  dedup across on (upper(name)) keep first by person_id
}
"""


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "mysql"])
def test_dedup_across_keys_across_runs(tmp_path, fresh_url, dialect):
    """A key merged into an earlier branch's row points at its id; when that row leaves the
    export, the key is loaded with an id of its own (and the old row's key turns inactive)."""
    spec = tmp_path / "across.mig"
    spec.write_text(ACROSS, encoding="utf-8")
    compiled = load(spec)
    gen = SqlGen(compiled.checked, dialect)
    url = fresh_url(dialect)

    write_export(tmp_path, ["1,ann", "2,bob"], ["1,ANN", "2,cy"])
    first = run(compiled, None, url)
    assert first.committed and first.status == "pass"
    xw = crosswalk(url, gen, "emr.patient")
    assert xw["sysB.people|1"][1:] == (1, "merged") and xw["sysA.patients|1"][:2] == (1, 1)
    lines = {m.map: (m.source_rows, m.loaded, m.merged) for m in first.maps}
    assert lines == {"sysA.patients -> emr.patient": (2, 2, 0), "sysB.people -> emr.patient": (2, 1, 1)}

    write_export(tmp_path, ["2,bob"], ["1,ANN", "2,cy"])
    second = run(compiled, None, url)
    assert second.committed
    xw = crosswalk(url, gen, "emr.patient")
    assert xw["sysA.patients|1"] == (1, None, "inactive")
    own, target, state = xw["sysB.people|1"]
    assert own == target and state != "inactive" and own not in (1, 2, xw["sysB.people|2"][0])
