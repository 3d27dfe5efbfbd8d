"""A duplicate in a target's unique column fails the run on every engine with exit 3, a
message that names the spec line and the constraint or column, never the value, and the
previous target untouched."""

from __future__ import annotations

import textwrap

import pytest
from sqlglot import exp

from compiler.cli.main import main

SPEC = textwrap.dedent("""
    migration "constraints" { }
    source s csv "d" {
      table a "a.csv" key k { k text  v text }
    }
    target t {
      table x key id { id bigint not null  k text  v text unique }
    }
    map s.a -> t.x {
      id = crosswalk(k)
      k = k
      v = v
    }
""")
# what each engine names: DuckDB the spec's column (85_constraints checks first, at the
# column's line), PostgreSQL its constraint (x_v_key) and MariaDB its key (the column's
# name), at the map's load statement
NAMED = {
    "duckdb": ("v text unique", "unique t.x.v"),
    "postgres": ("map s.a -> t.x", "[constraint x_v_key, table t.x]"),
    "mysql": ("map s.a -> t.x", "[key v]"),
}


def line_of(text: str) -> int:
    return next(i for i, line in enumerate(SPEC.splitlines(), start=1) if text in line)


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "mysql"])
def test_a_duplicate_unique_value_names_its_constraint_not_its_value(dialect, fresh_url, tmp_path, capsys):
    from compiler.pipeline import load
    from compiler.runtime.engines import open_engine
    from compiler.sqlgen.lower import col
    from compiler.sqlgen.scripts import SqlGen
    from compiler.sqlgen.text import sql_text

    spec = tmp_path / "t.mig"
    spec.write_text(SPEC)
    (tmp_path / "d").mkdir()
    url = fresh_url(dialect)
    (tmp_path / "d" / "a.csv").write_text("k,v\n1,first\n2,second\n")
    assert main(["run", str(spec), "--target", url]) == 0
    capsys.readouterr()
    (tmp_path / "d" / "a.csv").write_text("k,v\n1,Doe-1970\n2,Doe-1970\n")
    assert main(["run", str(spec), "--target", url]) == 3
    err = capsys.readouterr().err
    where, named = NAMED[dialect]
    assert f"t.mig:{line_of(where)}:" in err, err
    assert named in err, err
    assert "Doe-1970" not in err and "Traceback" not in err
    compiled = load(spec)
    engine = open_engine(url)
    try:
        q = SqlGen(compiled.checked, dialect).tbl("t", "x")
        rows = engine.query(sql_text(exp.select(col("v")).from_(q).order_by(col("v")), dialect))
    finally:
        engine.close()
    assert rows == [("first",), ("second",)]  # the previous target stays
