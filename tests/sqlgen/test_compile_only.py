"""Compile-only dialects: output parses back without Command nodes; a function without an
implementation for the dialect is a compile error naming both."""

from __future__ import annotations

import sqlglot
from sqlglot import exp

from compiler.cli.main import main

PLAIN = """
source legacy csv "data" {
  table people "p.csv" key id { id text  name text  nick text }
}
target new {
  table person key pid { pid bigint not null  name varchar(40)  nick varchar(40) }
}
map legacy.people -> new.person {
  pid  = crosswalk(id)
  name = coalesce(name, nick)
  nick = case when nick is null then "none" else nick end
  reject "no name" when name is null and nick is null
}
validate {
  completeness new.person.name warn below 90%
}
"""


def compile_to(tmp_path, text, dialect):
    spec = tmp_path / "plain.mig"
    spec.write_text(text)
    out = tmp_path / "gen"
    code = main(["compile", str(spec), "--dialect", dialect, "--out", str(out)])
    return code, out / "plain" / dialect


def test_other_dialects_parse_back_without_commands(tmp_path):
    for dialect in ("snowflake", "spark", "bigquery", "sqlite", "trino", "redshift"):
        code, folder = compile_to(tmp_path, PLAIN, dialect)
        assert code == 0, dialect
        files = sorted(folder.glob("*.sql"))
        assert [f.name for f in files][:2] == ["00_setup.sql", "10_typed_views.sql"]
        for f in files:
            text = f.read_text()
            expected = text.count(";\n")
            statements = [s for s in sqlglot.parse(text, read=dialect) if s is not None]
            assert len(statements) == expected, (dialect, f.name)
            for s in statements:
                assert not list(s.find_all(exp.Command)), (dialect, f.name, s.sql(dialect)[:80])


def test_missing_implementation_is_a_compile_error(tmp_path, capsys):
    code, _ = compile_to(tmp_path, PLAIN.replace("name = coalesce(name, nick)", "name = title(name)"), "snowflake")
    assert code == 2
    assert "function `title` has no implementation for dialect snowflake" in capsys.readouterr().err


def test_dialect_without_booleans_is_refused(tmp_path, capsys):
    code, _ = compile_to(tmp_path, PLAIN, "tsql")
    assert code == 2
    assert "dialect tsql has no boolean values" in capsys.readouterr().err


def test_unknown_dialect(tmp_path, capsys):
    code, _ = compile_to(tmp_path, PLAIN, "cobol")
    assert code == 2
    assert "unknown dialect `cobol`" in capsys.readouterr().err
