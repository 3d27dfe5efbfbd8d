"""Names of checks and of spec tests are unique in a spec: two of one name are a `check`
error at the second, naming the line of the first (messages asserted word for word)."""

from __future__ import annotations

from collections import Counter

import pytest

from compiler.diagnostics import SpecError, render
from compiler.ir.naming import check_name
from compiler.pipeline import load
from tests.conftest import DEMO_SPEC

SPEC = """\
source legacy csv "data" {
  table patients "P.csv" key pat_no { pat_no text  mrn text  dob date }
  table visits "V.csv" key visit_id { visit_id integer  pat_no text  units integer  code text }
}
target emr {
  table patient key id { id bigint not null  mrn varchar(20)  birth_date date }
  table visit key id { id bigint not null  patient_id bigint references patient.id  units integer }
}
map legacy.patients -> emr.patient { id = crosswalk(pat_no)  mrn = trim(mrn)  birth_date = dob }
map legacy.visits -> emr.visit { id = crosswalk(visit_id)  patient_id = emr.patient.crosswalk(pat_no)  units = units }
"""

CHECKS = """\
validate {
  unique       emr.patient.mrn
  completeness emr.patient.birth_date  fail below 95%
  valid        emr.patient.mrn matches "^[0-9]+$"
  valid        emr.visit.units in (1, 2)
  references   emr.visit.patient_id
  consistent   emr.visit (units > 0)
  reconcile    count(emr.visit) = count(legacy.visits)
  reconcile    sum(emr.visit.units) = sum(legacy.visits: units)
  reject_rate  legacy.patients
  unique       emr.patient.mrn  warn above 0
  completeness emr.patient.birth_date  warn below 99%
  valid        emr.patient.mrn matches "^[A-Z]+$"
  valid        emr.visit.units between 1 and 2
  references   emr.visit.patient_id  fail above 1%
  consistent   emr.visit (units < 9)
  reconcile    count(emr.visit) = count(legacy.visits where code <> "X")
  reconcile    sum(emr.visit.units) = sum(legacy.visits: units * 2)
  reject_rate  legacy.patients  fail above 1%
}
"""


@pytest.fixture
def spec_dir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def diagnostics(text: str, name: str = "s.mig"):
    with open(name, "w", encoding="utf-8") as fh:
        fh.write(text)
    with pytest.raises(SpecError) as info:
        load(name)
    return info.value.diagnostics


def test_the_demo_spec_s_check_and_test_names_are_unique():
    spec = load(DEMO_SPEC).spec
    checks = Counter(check_name(c) for c in spec.checks)
    tests = Counter(t.name for t in spec.tests)
    assert len(checks) == len(spec.checks) > 0, [n for n, k in checks.items() if k > 1]
    assert len(tests) == len(spec.tests) > 0, [n for n, k in tests.items() if k > 1]


def test_two_checks_of_one_name_are_an_error_at_the_second(spec_dir):
    text = SPEC + CHECKS  # the first check at line 12
    why = "so the run report and `expect check` cannot tell the two apart"
    assert [d.header() for d in diagnostics(text)] == [
        "s.mig:21:3: error: duplicate check `unique emr.patient.mrn` (first declared at line 12): "
        f"a check's name is made of its kind and column, not its thresholds, {why}",
        "s.mig:22:3: error: duplicate check `completeness emr.patient.birth_date` (first declared at line 13): "
        f"a check's name is made of its kind and column, not its thresholds, {why}",
        "s.mig:23:3: error: duplicate check `valid emr.patient.mrn matches` (first declared at line 14): "
        f"a check's name is made of its kind, column and rule, not its pattern, values or thresholds, {why}",
        "s.mig:25:3: error: duplicate check `references emr.visit.patient_id` (first declared at line 16): "
        f"a check's name is made of its kind and column, not its thresholds, {why}",
        "s.mig:26:3: error: duplicate check `consistent emr.visit` (first declared at line 17): "
        f"a check's name is made of its kind and table, not its condition or thresholds, {why}",
        "s.mig:27:3: error: duplicate check `reconcile count(emr.visit) = count(legacy.visits)` "
        "(first declared at line 18): a check's name is made of the functions and tables of its aggregates, "
        f"not their expressions or filters nor its thresholds, {why}",
        "s.mig:28:3: error: duplicate check `reconcile sum(emr.visit.units) = sum(legacy.visits: …)` "
        "(first declared at line 19): a check's name is made of the functions and tables of its aggregates, "
        f"not their expressions or filters nor its thresholds, {why}",
        "s.mig:29:3: error: duplicate check `reject_rate legacy.patients` (first declared at line 20): "
        f"a check's name is made of its kind and table, not its thresholds, {why}",
    ]


def test_a_duplicate_check_is_shown_at_the_second_with_the_first_s_line(spec_dir):
    text = SPEC + "validate {\n  unique emr.patient.mrn\n  reject_rate legacy.visits\n  unique emr.patient.mrn  warn above 0\n}\n"
    assert "\n".join(render(d, text) for d in diagnostics(text)) == "\n".join(
        [
            "s.mig:14:3: error: duplicate check `unique emr.patient.mrn` (first declared at line 12): "
            "a check's name is made of its kind and column, not its thresholds, so the run report and `expect check` "
            "cannot tell the two apart",
            " 14 |   unique emr.patient.mrn  warn above 0",
            "    |   " + "^" * len("unique emr.patient.mrn  warn above 0"),
        ]
    )


def test_checks_whose_names_differ_are_no_duplicates(spec_dir):
    """Another rule, column, kind or aggregate function gives another name."""
    text = (
        SPEC
        + """\
validate {
  valid        emr.visit.units in (1, 2)
  valid        emr.visit.units between 1 and 2
  unique       emr.patient.mrn
  completeness emr.patient.mrn
  unique       emr.visit.units
  reconcile    count(emr.visit) = count(legacy.visits)
  reconcile    count(emr.visit) <= count(legacy.visits)
  reconcile    sum(emr.visit.units) = sum(legacy.visits.units)
  reconcile    sum(emr.visit.units) = sum(legacy.visits: units)
  reject_rate  legacy.visits
  reject_rate  emr.visit
}
"""
    )
    with open("s.mig", "w", encoding="utf-8") as fh:
        fh.write(text)
    assert len(load("s.mig").spec.checks) == 11


def test_two_tests_of_one_name_are_an_error_at_the_second(spec_dir):
    text = SPEC + 'test "patients" { }\ntest "visits" { }\ntest "patients" {\n}\n'
    assert [d.header() for d in diagnostics(text)] == [
        "s.mig:13:1: error: duplicate test `patients` (first declared at line 11)",
    ]
