"""Semantic checks that a fixture cannot express: the IR a valid spec gives, checks that
need a patched function registry, specs that pass, and the CLI over several files.

The checker's messages are asserted word for word, as `chartshift check` prints them, by
the `.mig` fixtures in tests/semantic/fixtures (run by tests/semantic/test_fixtures.py)."""

from __future__ import annotations

import pytest

from compiler.cli.main import main
from compiler.diagnostics import SpecError
from compiler.functions import REGISTRY, Function
from compiler.ir import types as T
from compiler.pipeline import load

BASE = """\
source legacy csv "data" {
  table patients "P.csv" key pat_no {
    pat_no text
    fname  text phi
    lname  text phi
    dob    date
    gender text
    status text
  }
  table visits "V.csv" key visit_id {
    visit_id integer
    pat_no   text references patients.pat_no
    units    integer
    amount   decimal
    code     text
  }
}

target emr {
  table patient key id {
    id         bigint      not null
    mrn        varchar(20) not null unique
    first_name varchar(50)
    birth_date date
    sex        varchar(7)
  }
  table visit key id {
    id         bigint  not null
    patient_id bigint  references patient.id
    units      integer check (units between 1 and 8)
    code       char(5)
  }
}

lookup sex_code {
  "M" -> "male"
  "F" -> "female"
  else -> "unknown"
}
"""

PATIENT_MAP = """
map legacy.patients -> emr.patient {
  where status <> "D"
  id         = crosswalk(pat_no)
  mrn        = trim(pat_no)
  first_name = upper(trim(fname))
  birth_date = dob
  sex        = sex_code(upper(gender))
  reject "no name" when first_name is null
  dedup on (upper(patients.lname), birth_date) keep first by pat_no
}
"""
VISIT_MAP = """
map legacy.visits -> emr.visit {
  id         = crosswalk(visit_id)
  patient_id = emr.patient.crosswalk(pat_no)
  units      = units
  code       = upper(trim(code))
  reject "visit for unknown patient" when patient_id is null
}
"""


@pytest.fixture
def spec_dir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def diagnostics(text: str, name: str = "s.mig"):
    """Load `text` as spec file `name` (in the current directory); the diagnostics raised."""
    with open(name, "w", encoding="utf-8") as fh:
        fh.write(text)
    with pytest.raises(SpecError) as info:
        load(name)
    return info.value.diagnostics


def headers(text: str) -> list[str]:
    return [d.header() for d in diagnostics(text)]


def ln(text: str, snippet: str, nth: int = 1) -> int:
    """The line number of the `nth` line of `text` containing `snippet`."""
    found = [i for i, line in enumerate(text.split("\n"), start=1) if snippet in line]
    return found[nth - 1]


def test_base_with_maps_is_valid(spec_dir):
    with open("ok.mig", "w", encoding="utf-8") as fh:
        fh.write(BASE + PATIENT_MAP + VISIT_MAP)
    compiled = load("ok.mig")
    assert sorted(compiled.catalog.maps_by_target) == ["emr.patient", "emr.visit"]


# ------------------------------------------------------------------ names


def test_string_literal_parameters_and_literal_checks(spec_dir, monkeypatch):
    """Functions may require string-literal arguments and check them at compile time."""

    def check(literals):
        return [f"unknown directive in `{v}`" for v in literals.values() if "%Q" in v]

    fake = Function(
        "fmt_test",
        (T.TEXT, T.TEXT),
        T.TEXT,
        "test only",
        {},
        variadic=T.TEXT,
        literal_params=(1,),
        literal_variadic=True,
        check_literals=check,
    )
    monkeypatch.setitem(REGISTRY, "fmt_test", fake)
    text = BASE + PATIENT_MAP.replace("upper(trim(fname))", 'fmt_test(fname, lname, "%Y", "%Q")')
    assert headers(text) == [
        f"s.mig:{ln(text, 'fmt_test')}:16: error: unknown directive in `%Q`",
        f"s.mig:{ln(text, 'fmt_test')}:32: error: argument 2 of `fmt_test` must be a string literal",
    ]


# ------------------------------------------------------------------ types


def test_any_value_may_be_assigned_to_a_text_column(spec_dir):
    text = BASE + PATIENT_MAP.replace("mrn        = trim(pat_no)", "mrn        = dob")
    with open("t.mig", "w", encoding="utf-8") as fh:
        fh.write(text)
    load("t.mig")


# ------------------------------------------------------------------ the command line


def test_check_of_several_files_stops_at_the_first_bad_one(spec_dir, capsys):
    with open("good.mig", "w", encoding="utf-8") as fh:
        fh.write(BASE + PATIENT_MAP)
    with open("bad.mig", "w", encoding="utf-8") as fh:
        fh.write("map x.y -> z.w { }\n")
    assert main(["check", "good.mig", "bad.mig"]) == 2
    err = capsys.readouterr().err
    # (good.mig's warnings, its unmapped columns, come before its `ok`)
    assert err.splitlines()[-5:] == [
        "good.mig: ok",
        "bad.mig:1:5: error: unknown source table `x.y`",
        " 1 | map x.y -> z.w { }",
        "   |     ^^^",
        "1 error",
    ]


def test_missing_spec_file_is_a_runtime_error(spec_dir, capsys):
    assert main(["check", "nowhere.mig"]) == 3
    assert "nowhere.mig: cannot read spec" in capsys.readouterr().err
