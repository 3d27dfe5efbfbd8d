"""Indexed copies of joined tables (compiler/sqlgen/join_copies.py): which columns an index
serves, and that only a dialect whose record asks for copies gets them, made before the
work table and dropped after the accounting."""

from __future__ import annotations

import textwrap

import pytest
import sqlglot

from compiler.dialects import RUNNABLE
from compiler.pipeline import load, render_all
from compiler.sqlgen.join_copies import equality_columns

SPEC = textwrap.dedent("""
    migration "copies" { }
    source s csv "d" {
      table a "a.csv" key k { k text  code text  plan text  n integer }
      table c "c.csv" key (code, plan) { code text  plan text  name text }
      table r "r.csv" { code text  line integer  label text }
    }
    target t {
      table x key id { id bigint not null  name text  label text }
    }
    map s.a -> t.x {
      join s.c as c on c.code = upper(trim(code)) and c.plan = plan
      join many s.r as r on r.line = n + 0 or r.code = code
      id = crosswalk(k, coalesce(r.line, 0))
      name = c.name
      label = r.label
    }
""")


def on(sql: str) -> sqlglot.exp.Expression:
    return sqlglot.parse_one(f"SELECT 1 FROM x JOIN y ON {sql}").find(sqlglot.exp.Join).args["on"]


@pytest.mark.parametrize(
    ("sql", "columns"),
    [
        ("(c.code) = (UPPER(TRIM(a.code))) AND c.plan = a.plan", ["code", "plan"]),
        ("a.plan = c.plan AND (c.n > 1)", ["plan"]),  # either side; a non-equality term is left to the filter
        ("c.code = c.plan", []),  # both sides read the joined table: no probe value
        ("c.code = a.code OR c.plan = a.plan", []),  # an OR: no single index serves it
        ("UPPER(c.code) = a.code", []),  # an expression of the column: an index of the column does not serve it
        ("c.code = a.code AND c.code = a.other", ["code"]),
    ],
)
def test_the_columns_an_index_serves(sql, columns):
    assert equality_columns(on(sql), "c") == columns


@pytest.fixture
def files(tmp_path, monkeypatch):
    (tmp_path / "t.mig").write_text(SPEC)
    monkeypatch.chdir(tmp_path)
    compiled = load(tmp_path / "t.mig")
    return {d.name: "\n".join(render_all(compiled, d.name).values()) for d in RUNNABLE}


def test_only_a_record_that_asks_gets_copies(files):
    for d in RUNNABLE:
        made = "chartshift__cs_j1__t__x" in files[d.name] or "cs_j1__t__x" in files[d.name]
        assert made == bool(d.capabilities.indexed_join_copies), d.name


def test_mariadb_joins_the_indexed_copy_and_drops_it_after_the_accounting(files):
    sql = files["mysql"]
    create = sql.index("CREATE TABLE `chartshift__cs_j1__t__x` AS")
    index = sql.index("CREATE INDEX `cs_on` ON `chartshift__cs_j1__t__x`(`code`(255), `plan`(255))")
    work = sql.index("CREATE TABLE `chartshift__cs_work__t__x` AS")
    accounting = sql.index("INSERT INTO `chartshift__reconciliation__cs_new`")
    drop = sql.rindex("DROP TABLE IF EXISTS `chartshift__cs_j1__t__x`")
    assert create < index < work < accounting < drop
    assert "LEFT JOIN `chartshift__cs_j1__t__x` AS `c`" in sql and "LEFT JOIN `s__c` AS `c`" not in sql
    # the `join many` is compared by an OR: nothing to index, it reads the view
    assert "cs_j2__t__x" not in sql and "LEFT JOIN `s__r` AS `r`" in sql
