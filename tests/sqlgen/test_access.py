"""Grants per dialect record: a right the dialect cannot express is an error naming it,
unless the role chose `fallback view`; DuckDB has no roles."""

from __future__ import annotations

from dataclasses import replace

import pytest

from compiler.cli.main import main
from compiler.dialects import DUCKDB, POSTGRES
from compiler.pipeline import load
from compiler.sqlgen.access import AccessGen, RightNotExpressible

SPEC = """migration "m" {}
target emr {
  table patient key id {
    id   bigint not null
    ssn  char(9) phi
    city varchar(20)
  }
}
access {
  role clinician_readonly ROLE_BODY
}
"""
# a dialect with roles but no column grants (as many warehouses): PostgreSQL's record without them
NO_COLUMN_GRANTS = replace(POSTGRES, name="nocolumns", capabilities=replace(POSTGRES.capabilities, column_grants=False))


def compiled(tmp_path, body: str = ""):
    path = tmp_path / "s.mig"
    path.write_text(SPEC.replace("ROLE_BODY", body), encoding="utf-8")
    return load(path)


def test_a_column_right_without_column_grants_is_an_error_naming_it(tmp_path):
    c = compiled(tmp_path)
    with pytest.raises(RightNotExpressible) as info:
        AccessGen(c.spec, c.catalog, NO_COLUMN_GRANTS).statements()
    message = str(info.value)
    assert "s.mig:10" in message and "`read emr.patient` (without its phi columns) of role clinician_readonly" in message
    assert "fallback view" in message


def test_fallback_view_grants_a_view_without_the_phi_columns(tmp_path):
    c = compiled(tmp_path, "{ fallback view }")
    texts = [st.text for st in AccessGen(c.spec, c.catalog, NO_COLUMN_GRANTS).statements()]
    view = next(t for t in texts if t.startswith("CREATE OR REPLACE VIEW"))
    assert '"emr"."patient__no_phi"' in view and '"city"' in view and '"ssn"' not in view
    assert 'GRANT SELECT ON TABLE "emr"."patient__no_phi" TO "clinician_readonly"' in texts
    assert not any("SELECT(" in t for t in texts)  # no column grants


def test_column_grants_where_the_dialect_has_them(tmp_path):
    c = compiled(tmp_path, "{ fallback view }")
    texts = [st.text for st in AccessGen(c.spec, c.catalog, POSTGRES).statements()]
    assert 'GRANT SELECT("id", "city") ON TABLE "emr"."patient" TO "clinician_readonly"' in texts
    assert not any("VIEW" in t for t in texts)


def test_duckdb_has_no_roles(tmp_path, capsys):
    c = compiled(tmp_path)
    with pytest.raises(RightNotExpressible, match="no roles"):
        AccessGen(c.spec, c.catalog, DUCKDB).grants()
    code = main(["access", "check", str(tmp_path / "s.mig"), "--target", f"duckdb:///{tmp_path / 't.duckdb'}"])
    assert code == 2
    assert "has no roles: access to it is the file's mode (0600) and the OS's" in capsys.readouterr().err


def test_a_spec_without_access_block_is_refused_by_access_commands(tmp_path, capsys):
    path = tmp_path / "plain.mig"
    path.write_text('migration "m" {}\n', encoding="utf-8")
    assert main(["access", "apply", str(path), "--target", "postgresql://nobody@127.0.0.1:1/x"]) == 2
    assert "the spec has no `access` block" in capsys.readouterr().err
