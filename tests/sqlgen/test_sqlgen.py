"""The map SQL's semantics, run on DuckDB: filtering before the duplicate-key rule, ids in
export order kept across runs, each term of the accounting identity counted where it
ends up, crosswalk and lookup references joined."""

from __future__ import annotations

import json
import re
import textwrap

import duckdb
import pytest

from compiler.cli.main import main
from compiler.pipeline import load
from compiler.sqlgen.scripts import generate

SPEC = textwrap.dedent("""
    migration "semantics" { }
    source s csv "d" {
      table a "a.csv" key k { k text  v text  flag text }
      table b "b.csv" key id { id text  c1 text  c2 text }
    }
    target t {
      table x key id { id bigint not null  k text  v text unique  kind text }
      table y key id { id bigint not null  x_id bigint  line integer  c text }
    }
    lookup kinds from "kinds.csv" { key "code" value "name" else "other" }
    map s.a -> t.x {
      where coalesce(flag, "") <> "skip"
      id = crosswalk(k)
      k = k
      v = v
      kind = kinds(v)
    }
    map s.b -> t.y each c in [c1, c2] when nullif(trim(c), "") is not null {
      id = crosswalk(id, each_index)
      x_id = t.x.crosswalk(id)
      line = each_index
      c = trim(c)
    }
""")


@pytest.fixture
def project(tmp_path):
    (tmp_path / "t.mig").write_text(SPEC)
    (tmp_path / "kinds.csv").write_text("code,name\nb,bee\nc,sea\n")
    (tmp_path / "d").mkdir()
    return tmp_path


def run(project, a_rows: str, b_rows: str, capsys) -> dict:
    (project / "d" / "a.csv").write_text("k,v,flag\n" + a_rows)
    (project / "d" / "b.csv").write_text("id,c1,c2\n" + b_rows)
    report = project / "report.json"
    code = main(
        ["run", str(project / "t.mig"), "--target", f"duckdb:///{project / 't.duckdb'}", "--report", str(report), "--commit-on-fail"]
    )
    assert code in (0, 1), capsys.readouterr().err
    return {m["target"]: m for m in json.loads(report.read_text())["maps"]}


def rows(project, sql: str) -> list[tuple]:
    with duckdb.connect() as con:  # t.duckdb as a catalog `t` would clash with the schema `t`
        con.execute(f"ATTACH '{project / 't.duckdb'}' AS db (READ_ONLY)")
        con.execute("USE db")
        return con.execute(sql).fetchall()


def test_filtered_rows_are_counted_at_the_source_and_never_make_a_duplicate(project, capsys):
    maps = run(project, "10,a,skip\n10,b,\n9,c,\n2,d,\n9,e,\n", "10,p,\n9, ,q\n7,r,s\n", capsys)
    x, y = maps["t.x"], maps["t.y"]
    assert (x["source_rows"], x["loaded"], x["rejected"], x["filtered"], x["merged"], x["balanced"]) == (5, 3, 1, 1, 0, True)
    assert x["rejected_by_reason"] == {"duplicate legacy key (an earlier row has the same key)": 1}
    assert (y["source_rows"], y["loaded"], y["rejected"], y["filtered"], y["merged"], y["balanced"]) == (6, 4, 0, 2, 0, True)
    # ids in export order, not in key order ("10" < "2" < "9" byte-wise)
    assert rows(project, "select id, k, v, kind from t.x order by id") == [
        (1, "10", "b", "bee"),
        (2, "9", "c", "sea"),
        (3, "2", "d", "other"),
    ]
    assert rows(project, "select id, x_id, line, c from t.y order by id") == [
        (1, 1, 1, "p"),
        (2, 2, 2, "q"),
        (3, None, 1, "r"),
        (4, None, 2, "s"),
    ]
    # the work tables are gone once their map has run
    assert rows(project, "select count(*) from duckdb_tables() where table_name like 'cs_work%'") == [(0,)]


def test_a_second_run_keeps_ids_and_marks_missing_keys_inactive(project, capsys):
    run(project, "10,b,\n9,c,\n2,d,\n", "10,p,\n", capsys)
    maps = run(project, "2,d2,\n11,f,\n10,b,skip\n", "2,p,\n10,q,\n", capsys)
    assert all(m["balanced"] for m in maps.values())
    assert rows(project, "select legacy_key, own_id, target_id, state from chartshift.xwalk__t__x order by own_id") == [
        ("10", 1, None, "inactive"),
        ("9", 2, None, "inactive"),
        ("2", 3, 3, "loaded"),
        ("11", 4, 4, "loaded"),
    ]
    assert rows(project, "select id, k, v from t.x order by id") == [(3, "2", "d2"), (4, "11", "f")]
    # a line keeps its id; its reference to a key now inactive resolves to nothing
    assert rows(project, "select id, x_id, c from t.y order by id") == [(1, None, "q"), (2, 3, "p")]


def test_references_are_joins_not_correlated_subqueries(project):
    compiled = load(project / "t.mig")
    for dialect in ("duckdb", "postgres", "mysql"):
        scripts = {s.name: s for s in generate(compiled.checked, dialect)}
        work = scripts["20_02_t_y"].statements[1].sql.sql(dialect=dialect)
        assert "LEFT JOIN" in work and "xwalk__t__x" in work, dialect
        fields = scripts["20_01_t_x"].statements[1].sql.sql(dialect=dialect)
        assert "lookup__kinds" in fields.split("cs_rules")[0], dialect
        fields_layer = re.split(r"\bcs_rules\W* AS \(", re.split(r"\bcs_fields\W* AS \(", work)[1])[0]
        assert fields_layer.count("SELECT") == 1, dialect  # no subquery per reference


def test_keys_and_unique_columns_hold_after_the_run(project, capsys):
    run(project, "10,b,\n9,c,\n", "10,p,\n", capsys)
    assert rows(
        project, "select constraint_column_names from duckdb_constraints() where table_name = 'x' and constraint_type = 'PRIMARY KEY'"
    ) == [(["id"],)]
    assert rows(
        project, "select constraint_column_names from duckdb_constraints() where table_name = 'x' and constraint_type = 'UNIQUE'"
    ) == [(["v"],)]
    # a unique column violated: the run fails (exit 3) at the spec line of the column,
    # without showing the duplicated value, and the previous target stays.  (DuckDB alone
    # would only notice at COMMIT, naming no table: 85_constraints checks first.)
    (project / "d" / "a.csv").write_text("k,v,flag\n1,dupval,\n2,dupval,\n")
    code = main(["run", str(project / "t.mig"), "--target", f"duckdb:///{project / 't.duckdb'}"])
    err = capsys.readouterr().err
    assert code == 3
    line = next(i for i, text in enumerate(SPEC.splitlines(), start=1) if "v text unique" in text)
    assert f"t.mig:{line}: 85_constraints.sql: no two rows share t.x.v: statement failed" in err
    assert "unique t.x.v: two or more loaded rows have the same value" in err
    assert "dupval" not in err
    assert rows(project, "select k, v from t.x order by id") == [("10", "b"), ("9", "c")]
    # the guard only reads: a clean run passes it, and crosswalk-filled keys get none
    compiled = load(project / "t.mig")
    guards = [
        st.comment
        for sc in generate(compiled.checked, "duckdb")
        if sc.name == "85_constraints"
        for st in sc.statements
        if st.comment.startswith("no two rows")
    ]
    assert guards == ["no two rows share t.x.v"]
