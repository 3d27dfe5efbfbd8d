"""The documentation model: lineage resolved as the checker resolves names (through `each`
variables, joins and field references), lookups with their entries, rules, checks and
steps, source columns no map reads."""

from __future__ import annotations

import pytest

from compiler.dialects import RUNNABLE_NAMES
from compiler.ops.docs.model import build_model, span_text
from compiler.pipeline import load, render_steps
from tests.conftest import DEMO_SPEC

TINY = """migration "tiny" { dialect duckdb }
source legacy csv "data" {
  table people "PEOPLE.csv" key pid {
    pid  text
    name text phi
    born text phi
    shoe text
    hat  text
    ignore hat "the new system has no place for it"
  }
}
target app {
  table person key id {
    id     bigint not null
    label  varchar(100)
    shout  varchar(100)
    birth  date
    extra  varchar(10)
  }
}
map legacy.people -> app.person {
  id    = crosswalk(pid)
  label = upper(trim(name))
  shout = label || "!"
  birth = parse_date(born,
                     "%Y-%m-%d")
  reject "no name" when label is null
}
"""


@pytest.fixture(scope="module")
def demo():
    c = load(DEMO_SPEC)
    return build_model(c, {d: render_steps(c, d) for d in RUNNABLE_NAMES})


@pytest.fixture()
def tiny(tmp_path):
    (tmp_path / "tiny.mig").write_text(TINY, encoding="utf-8")
    c = load(tmp_path / "tiny.mig")
    return build_model(c, {d: render_steps(c, d) for d in RUNNABLE_NAMES[:1]})


def fields(model, table):
    t = next(t for t in model.tables if t.name == table)
    return {f.name: f for f in t.maps[0].fields}


def test_lineage_follows_each_variables_joins_and_crosswalks(demo):
    dx = fields(demo, "emr.diagnosis")
    assert dx["icd10_code"].sources == [f"legacy.cases.dx{i}" for i in range(1, 5)]
    assert dx["icd10_code"].expr == "icd10(dx)"
    cov = fields(demo, "emr.coverage")
    assert cov["payer_name"].sources == ["legacy.payers.payer_name"]
    assert cov["patient_id"].crosswalk_of == ["emr.patient"] and cov["patient_id"].sources == ["legacy.policies.pat_no"]
    lines = fields(demo, "emr.charge_line")
    assert lines["units"].sources == ["legacy.visits.units1", "legacy.visits.units2", "legacy.visits.units3"]
    assert ("legacy.patients.dob", "emr.patient.birth_date") in demo.edges
    assert demo.edges == sorted(set(demo.edges))


def test_lookups_with_entries_and_users(demo):
    lk = {x.name: x for x in demo.lookups}
    assert lk["sex_code"].entries == [('"M", "MALE"', '"male"'), ('"F", "FEMALE"', '"female"')]
    assert lk["sex_code"].default == '"unknown"' and lk["sex_code"].used_by == ["emr.patient.sex"]
    assert ('"NO SHOW"', '"no-show"') in lk["visit_status"].entries  # read from lookups/visit_status.csv
    assert fields(demo, "emr.patient")["sex"].lookups == ["sex_code"]


def test_rules_checks_and_steps_of_a_map(demo):
    patient = next(t for t in demo.tables if t.name == "emr.patient")
    kinds = [r.kind for r in patient.maps[0].rules]
    assert kinds == ["where", "reject", "reject", "dedup"]
    assert {c.name for c in patient.checks} == {
        "completeness emr.patient.birth_date",
        "completeness emr.patient.phone",
        "unique emr.patient.mrn",
    }
    steps = {(s.dialect, s.file) for s in patient.maps[0].steps}
    assert {(d, "20_02_emr_patient.sql") for d in RUNNABLE_NAMES} <= steps
    first, last = patient.maps[0].line, max(r.line for r in patient.maps[0].rules)
    assert all(first <= s.line <= last for s in patient.maps[0].steps)  # the map's own lines
    encounter = next(t for t in demo.tables if t.name == "emr.encounter")
    assert "reconcile count(emr.encounter) = count(legacy.visits)" in {c.name for c in encounter.checks}


def test_field_references_unmapped_columns_and_multiline_expressions(tiny):
    f = fields(tiny, "app.person")
    assert f["shout"].sources == ["legacy.people.name"] and f["shout"].reads_fields == ["label"]
    assert f["birth"].expr == 'parse_date(born, "%Y-%m-%d")'
    assert f["extra"].expr == "" and f["extra"].sources == []
    assert tiny.unmapped == ["legacy.people.shoe"]  # the checker's coverage: read by no map, not ignored
    assert tiny.ignored == [("legacy.people.hat", "the new system has no place for it", 9)]
    assert [r.text for r in tiny.tables[0].maps[0].rules] == ['reject "no name" when label is null']


def test_span_text_out_of_range_is_empty():
    from compiler.diagnostics import Span

    assert span_text("a\nb", Span(file="x", line=5, column=1, end_line=5, end_column=2)) == ""
