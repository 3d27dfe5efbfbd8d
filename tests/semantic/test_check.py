"""Semantic checks: every message asserted word for word, as `chartshift check` prints it."""

from __future__ import annotations

import textwrap

import pytest

from compiler.ir import types as T
from compiler.cli.main import main
from compiler.diagnostics import SpecError, render
from compiler.functions import REGISTRY, Function
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


def rendered(text: str) -> str:
    return "\n".join(render(d, text) for d in diagnostics(text))


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


def test_unknown_source_table(spec_dir):
    text = BASE + PATIENT_MAP + "map legacy.patient -> emr.visit { id = crosswalk(x) }\n"
    assert rendered(text) == (
        f"s.mig:{ln(text, 'legacy.patient -> emr.visit')}:5: error: unknown source table `legacy.patient` (did you mean `legacy.patients`?)\n"
        f" {ln(text, 'legacy.patient -> emr.visit')} | map legacy.patient -> emr.visit {{ id = crosswalk(x) }}\n"
        f"    |     ^^^^^^^^^^^^^^"
    )


def test_unknown_target_table(spec_dir):
    text = BASE + PATIENT_MAP + "map legacy.visits -> emr.visits { id = crosswalk(visit_id) }\n"
    assert headers(text) == [
        f"s.mig:{ln(text, 'emr.visits')}:22: error: unknown target table `emr.visits` (did you mean `emr.visit`?)",
    ]


def test_unknown_column_did_you_mean(spec_dir):
    text = BASE + PATIENT_MAP.replace("mrn        = trim(pat_no)", "mrn        = trim(pat_non)")
    assert rendered(text) == (
        f"s.mig:{ln(text, 'pat_non')}:21: error: unknown column `pat_non` in legacy.patients (did you mean `pat_no`?)\n"
        f" {ln(text, 'pat_non')} |   mrn        = trim(pat_non)\n"
        f"    |                     ^^^^^^^"
    )


def test_unknown_column_of_a_join_alias_and_of_an_unknown_alias(spec_dir):
    text = BASE + PATIENT_MAP + textwrap.dedent("""
        map legacy.visits -> emr.visit {
          join legacy.patients as p on p.pat_no = pat_no
          id    = crosswalk(visit_id)
          code  = p.fnam
          units = q.units
        }
    """)
    assert headers(text) == [
        f"s.mig:{ln(text, 'p.fnam')}:11: error: unknown column `fnam` in legacy.patients (did you mean `fname`?)",
        f"s.mig:{ln(text, 'q.units')}:11: error: unknown table `q` in this map",
    ]


def test_unknown_lookup_or_function_did_you_mean(spec_dir):
    text = BASE + PATIENT_MAP.replace("sex_code(upper(gender))", "sex_cod(upperr(gender))")
    assert rendered(text) == (
        f"s.mig:{ln(text, 'sex_cod(')}:16: error: unknown function or lookup `sex_cod` (did you mean `sex_code`?)\n"
        f" {ln(text, 'sex_cod(')} |   sex        = sex_cod(upperr(gender))\n"
        f"    |                ^^^^^^^^^^^^^^^^^^^^^^^\n"
        f"s.mig:{ln(text, 'sex_cod(')}:24: error: unknown function or lookup `upperr` (did you mean `upper`?)\n"
        f" {ln(text, 'sex_cod(')} |   sex        = sex_cod(upperr(gender))\n"
        f"    |                        ^^^^^^^^^^^^^^"
    )


def test_wrong_argument_count(spec_dir):
    text = BASE + PATIENT_MAP.replace("sex_code(upper(gender))", "sex_code(upper(gender, fname), gender)")
    assert headers(text) == [
        f"s.mig:{ln(text, 'gender, fname')}:16: error: lookup `sex_code` takes 1 argument, got 2",
        f"s.mig:{ln(text, 'gender, fname')}:25: error: `upper` takes 1 argument, got 2",
    ]


def test_wrong_argument_type(spec_dir):
    text = BASE + PATIENT_MAP + VISIT_MAP.replace("upper(trim(code))", "upper(units)")
    assert rendered(text) == (
        f"s.mig:{ln(text, 'upper(units)')}:22: error: argument 1 of `upper` must be text, not integer\n"
        f" {ln(text, 'upper(units)')} |   code       = upper(units)\n"
        f"    |                      ^^^^^"
    )


def test_lookup_of_a_value_of_the_wrong_type(spec_dir):
    text = BASE + PATIENT_MAP.replace("sex_code(upper(gender))", "sex_code(dob)")
    assert headers(text) == [f"s.mig:{ln(text, 'sex_code(dob)')}:25: error: lookup `sex_code` has text keys; cannot look up a date value"]


def test_string_literal_parameters_and_literal_checks(spec_dir, monkeypatch):
    """Functions may require string-literal arguments and check them at compile time."""
    def check(literals):
        return [f"unknown directive in `{v}`" for v in literals.values() if "%Q" in v]

    fake = Function("fmt_test", (T.TEXT, T.TEXT), T.TEXT, "test only", {}, variadic=T.TEXT,
                    literal_params=(1,), literal_variadic=True, check_literals=check)
    monkeypatch.setitem(REGISTRY, "fmt_test", fake)
    text = BASE + PATIENT_MAP.replace("upper(trim(fname))", 'fmt_test(fname, lname, "%Y", "%Q")')
    assert headers(text) == [
        f"s.mig:{ln(text, 'fmt_test')}:16: error: unknown directive in `%Q`",
        f"s.mig:{ln(text, 'fmt_test')}:32: error: argument 2 of `fmt_test` must be a string literal",
    ]


def test_what_a_lowering_refuses_is_a_check_error(spec_dir):
    """`round` needs a constant number of places: refused by `check`, not later by `compile`."""
    text = BASE + PATIENT_MAP + VISIT_MAP.replace("upper(trim(code))", "concat(round(amount, units))")
    line = ln(text, "concat(round")
    assert [h.split(": error: ")[0] for h in headers(text)] == [f"s.mig:{line}:23"]
    assert headers(text)[0].startswith(f"s.mig:{line}:23: error: round(): ")


# ------------------------------------------------------------------ types


def test_assignment_type_mismatch(spec_dir):
    text = BASE + PATIENT_MAP.replace("birth_date = dob", "birth_date = fname")
    assert rendered(text) == (
        f"s.mig:{ln(text, 'birth_date = fname')}:16: error: cannot assign a text value to column `birth_date` of type date\n"
        f" {ln(text, 'birth_date = fname')} |   birth_date = fname\n"
        f"    |                ^^^^^"
    )


def test_any_value_may_be_assigned_to_a_text_column(spec_dir):
    text = BASE + PATIENT_MAP.replace("mrn        = trim(pat_no)", "mrn        = dob")
    with open("t.mig", "w", encoding="utf-8") as fh:
        fh.write(text)
    load("t.mig")


def test_non_boolean_where_reject_and_each_when(spec_dir):
    text = BASE + PATIENT_MAP.replace('where status <> "D"', "where trim(status)").replace(
        "reject \"no name\" when first_name is null", "reject \"no name\" when first_name")
    assert headers(text) == [
        f"s.mig:{ln(text, 'where trim')}:9: error: `where` must be a condition (boolean), not text",
        f"s.mig:{ln(text, 'no name')}:25: error: a reject rule must be a condition (boolean), not text",
    ]


def test_operator_type_errors(spec_dir):
    text = BASE + PATIENT_MAP + textwrap.dedent("""
        map legacy.visits -> emr.visit {
          where not code and units
          id    = crosswalk(visit_id)
          units = units + code
          code  = code || units
          reject "x" when code = units
          reject "y" when units like "1%"
        }
    """)
    assert headers(text) == [
        f"s.mig:{ln(text, 'where not code')}:13: error: the operand of `not` must be a condition (boolean), not text",
        f"s.mig:{ln(text, 'where not code')}:22: error: an operand of `and` must be a condition (boolean), not integer",
        f"s.mig:{ln(text, 'units + code')}:19: error: arithmetic `+` needs numbers, not text",
        f"s.mig:{ln(text, 'code || units')}:19: error: `||` joins text, not integer (use concat() to convert)",
        f"s.mig:{ln(text, 'code = units')}:19: error: cannot compare text with integer",
        f"s.mig:{ln(text, 'units like')}:19: error: `like` needs text, not integer",
    ]


def test_case_branches_must_agree(spec_dir):
    text = BASE + PATIENT_MAP.replace("mrn        = trim(pat_no)", 'mrn        = case when dob is null then 1 else "x" end')
    assert headers(text) == [f"s.mig:{ln(text, 'case when dob')}:50: error: case branches mix integer and text"]


# ------------------------------------------------------------------ targets, references, maps


def test_not_null_column_never_assigned(spec_dir):
    text = BASE + PATIENT_MAP.replace("  mrn        = trim(pat_no)\n", "")
    assert rendered(text) == (
        f"s.mig:{ln(text, 'map legacy.patients')}:24: error: not-null column `mrn` of emr.patient is never assigned\n"
        f" {ln(text, 'map legacy.patients')} | map legacy.patients -> emr.patient {{\n"
        f"    |                        ^^^^^^^^^^^"
    )


def test_key_column_never_assigned(spec_dir):
    text = BASE.replace("table visit key id {", "table visit key (id, code) {") + PATIENT_MAP
    text += VISIT_MAP.replace("  code       = upper(trim(code))\n", "")
    assert headers(text) == [
        f"s.mig:{ln(text, 'map legacy.visits')}:22: error: key column `code` of emr.visit is never assigned",
    ]


def test_reference_into_a_table_no_map_fills(spec_dir):
    text = BASE + VISIT_MAP.replace("emr.patient.crosswalk(pat_no)", "null")
    assert rendered(text) == (
        f"s.mig:{ln(text, 'patient_id bigint')}:35: error: column `patient_id` references emr.patient, "
        "but no map fills emr.patient\n"
        f" {ln(text, 'patient_id bigint')} |     patient_id bigint  references patient.id\n"
        "    |                                   ^^^^^^^^^^"
    )


def test_crosswalk_of_a_table_no_map_fills(spec_dir):
    text = BASE + VISIT_MAP
    assert headers(text) == [
        f"s.mig:{ln(text, 'patient_id bigint')}:35: error: column `patient_id` references emr.patient, "
        "but no map fills emr.patient",
        f"s.mig:{ln(text, 'emr.patient.crosswalk')}:16: error: no map fills emr.patient, so it has no crosswalk",
    ]


def test_unknown_reference_targets(spec_dir):
    text = BASE.replace("references patients.pat_no", "references patients.pat_num").replace(
        "references patient.id", "references patients.id") + PATIENT_MAP
    assert headers(text) == [
        "s.mig:12:30: error: unknown column `pat_num` in legacy.patients (did you mean `pat_no`?)",
        f"s.mig:{ln(text, 'patient_id bigint')}:35: error: unknown table `emr.patients` (did you mean `emr.patient`?)",
    ]


def test_crosswalk_rules(spec_dir):
    text = BASE + PATIENT_MAP.replace("mrn        = trim(pat_no)", "mrn        = crosswalk(pat_no)").replace(
        "birth_date = dob", "birth_date = dob\n  reject \"r\" when crosswalk(fname) is null")
    assert headers(text) == [
        f"s.mig:{ln(text, 'mrn        = crosswalk')}:16: error: `crosswalk(...)` gives an integer id; column `mrn` is varchar",
        f"s.mig:{ln(text, 'mrn        = crosswalk')}:16: error: a map assigns at most one `crosswalk(...)` id",
        f"s.mig:{ln(text, 'crosswalk(fname)')}:19: error: `crosswalk(...)` is only allowed as the whole value of the map's id column",
    ]


def test_foreign_crosswalk_takes_the_same_number_of_keys(spec_dir):
    text = BASE + PATIENT_MAP + VISIT_MAP.replace("crosswalk(pat_no)", "crosswalk(pat_no, visit_id)")
    assert headers(text) == [
        f"s.mig:{ln(text, 'crosswalk(pat_no, visit_id)')}:16: error: emr.patient.crosswalk takes 1 key like its map, got 2",
    ]


def test_cycle_between_maps(spec_dir):
    text = BASE + textwrap.dedent("""
        map legacy.patients -> emr.patient {
          id  = crosswalk(pat_no)
          mrn = trim(pat_no)
          sex = case when emr.visit.crosswalk(pat_no) is null then "x" end
        }
        map legacy.visits -> emr.visit {
          id         = crosswalk(visit_id)
          patient_id = emr.patient.crosswalk(pat_no)
        }
    """)
    assert rendered(text) == (
        f"s.mig:{ln(text, 'map legacy.patients')}:1: error: maps depend on each other in a cycle: emr.patient -> emr.visit -> emr.patient\n"
        f" {ln(text, 'map legacy.patients')} | map legacy.patients -> emr.patient {{\n"
        f"    | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"
    )


def test_map_using_its_own_crosswalk(spec_dir):
    text = BASE + PATIENT_MAP.replace("first_name = upper(trim(fname))", "first_name = upper(trim(fname))\n"
                                      "  reject \"self\" when emr.patient.crosswalk(pat_no) is null")
    assert headers(text)[-1] == f"s.mig:{ln(text, 'map legacy.patients')}:1: error: the map filling emr.patient cannot use its own crosswalk"


def test_each_rules(spec_dir):
    text = BASE + PATIENT_MAP + textwrap.dedent("""
        map legacy.visits -> emr.visit
          each (a, b) in [(units, code), (amount), (code, units)] when a
        {
          id    = crosswalk(visit_id, each_index)
          units = each_index
        }
    """)
    assert headers(text) == [
        f"s.mig:{ln(text, 'each (a, b)')}:3: error: each variable `a` takes values of different types",
        f"s.mig:{ln(text, 'each (a, b)')}:3: error: each variable `b` takes values of different types",
        f"s.mig:{ln(text, 'each (a, b)')}:35: error: each item has 1 value, expected 2",
    ]


def test_each_index_only_after_expansion(spec_dir):
    text = BASE + PATIENT_MAP + textwrap.dedent("""
        map legacy.visits -> emr.visit
          each u in [units, each_index]
        {
          join legacy.patients as p on p.pat_no = pat_no and each_index = 1
          id    = crosswalk(visit_id, each_index)
          units = u + each_index
        }
    """)
    assert headers(text) == [
        f"s.mig:{ln(text, 'each u in')}:21: error: `each_index` cannot be used in an `each` item",
        f"s.mig:{ln(text, 'join legacy.patients as p')}:54: error: `each_index` cannot be used in a join condition",
    ]


def test_join_alias_used_twice(spec_dir):
    text = BASE + PATIENT_MAP + textwrap.dedent("""
        map legacy.visits -> emr.visit {
          join legacy.patients on patients.pat_no = pat_no
          join legacy.nope as visits on visits.x = pat_no
          id = crosswalk(visit_id)
        }
    """)
    assert headers(text) == [
        f"s.mig:{ln(text, 'legacy.nope')}:3: error: alias `visits` is already used in this map; name the join with `as`",
    ]


def test_rules_cannot_read_the_crosswalk_id(spec_dir):
    text = BASE + PATIENT_MAP.replace("keep first by pat_no", "keep first by id").replace(
        "when first_name is null", "when id is null")
    assert headers(text) == [
        f"s.mig:{ln(text, 'when id is null')}:25: error: the crosswalk id `id` is numbered after the rules run "
        "and cannot be used in them",
        f"s.mig:{ln(text, 'keep first by id')}:62: error: the crosswalk id `id` is numbered after the rules run "
        "and cannot be used in them",
    ]


def test_check_constraint_reads_only_computed_fields(spec_dir):
    text = BASE.replace("units      integer check (units between 1 and 8)",
                        "units      integer check (units between 1 and 8 and code is not null)") + PATIENT_MAP
    text += VISIT_MAP.replace("  code       = upper(trim(code))\n", "")
    assert headers(text) == [
        f"s.mig:{ln(text, 'units      = units')}:3: error: the check on `units` reads `code`, "
        "which this map does not compute",
    ]


def test_dedup_keep(spec_dir):
    text = BASE + PATIENT_MAP.replace("keep first by", "keep best by")
    assert headers(text) == [f"s.mig:{ln(text, 'keep best')}:3: error: `keep` takes first or last, not `best`"]
    text = BASE + PATIENT_MAP.replace("keep first by pat_no", 'keep first by 1, "x" desc, pat_no')
    assert headers(text) == [
        f"s.mig:{ln(text, 'keep first by 1')}:62: error: a constant decides nothing in `keep ... by`; order by a column or field",
        f"s.mig:{ln(text, 'keep first by 1')}:65: error: a constant decides nothing in `keep ... by`; order by a column or field",
    ]


def test_rule_names_see_fields_and_raw_columns(spec_dir):
    """In reject and dedup rules a field name means the computed field; `table.column` the raw column."""
    text = BASE + PATIENT_MAP.replace('reject "no name" when first_name is null',
                                      'reject "no name" when first_name is null and patients.fname is not null\n'
                                      '  reject "x" when birth_date > dob and patients.first_name is null')
    assert headers(text) == [
        f"s.mig:{ln(text, 'patients.first_name')}:40: error: unknown column `first_name` in legacy.patients (did you mean `fname`?)",
    ]


# ------------------------------------------------------------------ declarations


def test_duplicate_declarations(spec_dir):
    text = BASE + textwrap.dedent("""
        target emr2 {
          table t key id { id bigint  id integer }
          table t { x text }
        }
        lookup sex_code { "x" -> "y" }
    """) + PATIENT_MAP + PATIENT_MAP.replace("dedup", "# dedup")
    assert headers(text) == [
        f"s.mig:{ln(text, 'id bigint  id integer')}:31: error: duplicate column `id` (first declared at line {ln(text, 'id bigint  id integer')})",
        f"s.mig:{ln(text, 'table t {')}:3: error: duplicate table `t` (first declared at line {ln(text, 'table t key')})",
        f"s.mig:{ln(text, 'lookup sex_code', 2)}:1: error: duplicate lookup `sex_code` (first declared at line {ln(text, 'lookup sex_code')})",
        f"s.mig:{ln(text, 'map legacy.patients', 2)}:1: error: duplicate map for target `emr.patient` (first declared at line {ln(text, 'map legacy.patients')})",
    ]


def test_duplicate_source_column_and_schema(spec_dir):
    text = BASE.replace("    dob    date\n", "    dob    date\n    fname  text\n") + PATIENT_MAP + VISIT_MAP
    text += "target legacy { table x { a text } }\n"
    assert headers(text) == [
        "s.mig:7:5: error: duplicate column `fname` (first declared at line 4)",
        f"s.mig:{ln(text, 'target legacy')}:1: error: duplicate schema `legacy` (first declared at line 1)",
    ]


def test_names_differing_only_in_case(spec_dir):
    text = BASE.replace("    dob    date\n", "    dob    date\n    DOB    text\n") + PATIENT_MAP + VISIT_MAP
    assert headers(text) == [
        "s.mig:7:5: error: column `DOB` differs from `dob` (line 6) only in case; databases ignore the case of names",
    ]


def test_column_types_and_constraints(spec_dir):
    text = textwrap.dedent("""
        source s csv "d" {
          table a "A.csv" key nope {
            x textt
            y varchar(3)
            z integer not null
          }
        }
        target t {
          table b {
            p decimal(5)
            q decimal(4, 6)
            r integer(3)
            s varchar(0)
            u varchar(2) in ("a", 1)
            v integer check (v)
            w decimal(39, 2)
          }
        }
    """)
    assert headers(text) == [
        "s.mig:3:3: error: key column `nope` is not a column of s.a",
        "s.mig:4:7: error: unknown source column type `textt` (did you mean `text`?)",
        "s.mig:5:7: error: source column types take no length or precision",
        "s.mig:6:5: error: source column `z` may only carry `phi` and `references`; "
        "put constraints on target columns or write reject rules",
        "s.mig:11:7: error: type `decimal` takes a precision and a scale, as in decimal(10, 2)",
        "s.mig:12:7: error: decimal scale cannot exceed its precision",
        "s.mig:13:7: error: type `integer` takes no arguments",
        "s.mig:14:7: error: the length of `varchar` must be at least 1",
        "s.mig:15:27: error: value of type integer cannot be in column `u` of type varchar",
        "s.mig:16:22: error: a check constraint must be a condition (boolean), not integer",
        "s.mig:17:7: error: decimal precision must be 1 to 38",
    ]


def test_settings(spec_dir):
    text = textwrap.dedent("""
        migration "m" {
          dialect oracle
          descripton "x"
        }
        source s xml "d" {
          encoding "ebcdic"
          delimiter ";;"
          header "yes"
          table a "A.csv" { encoding "utf-8"  encoding "latin-1"  x text }
        }
    """)
    assert headers(text) == [
        "s.mig:3:11: error: unknown dialect `oracle`; runnable dialects are duckdb, postgres, mysql",
        "s.mig:4:3: error: unknown setting `descripton` in migration (did you mean `description`?)",
        "s.mig:6:1: error: unknown source format `xml`; supported: csv",
        "s.mig:7:12: error: unsupported encoding `ebcdic`; use one of utf-8, utf-8-sig, latin-1, cp1252, utf-16",
        "s.mig:8:13: error: setting `delimiter` must be a single character",
        "s.mig:9:10: error: setting `header` takes a boolean value, not text",
        "s.mig:10:39: error: setting `encoding` given twice in table s.a",
    ]


def test_lookup_rules(spec_dir):
    text = textwrap.dedent("""
        lookup a {
          "x", "y" -> "1"
          "y"      -> "2"
          1, true  -> "3"
        }
        lookup b { "x" -> 1  "y" -> "z" }
        lookup c { else -> "q" }
        lookup d from "missing.csv" { key "k"  value "v" }
        lookup e from "codes.csv" { key "code"  value "nam" }
        lookup f from "codes.csv" { key "code" }
        lookup upper { "a" -> "b" }
        lookup g { null -> "none" }
    """)
    with open("codes.csv", "w", encoding="utf-8") as fh:
        fh.write("code,name\nA,alpha\n")
    assert headers(text) == [
        "s.mig:2:1: error: lookup `a` mixes key types boolean, integer, text",
        "s.mig:4:3: error: lookup key \"y\" appears twice in `a`",
        "s.mig:7:1: error: lookup `b` mixes value types integer, text",
        "s.mig:8:1: error: lookup `c` has no entries",
        "s.mig:9:1: error: cannot read lookup file `missing.csv`: no such file",
        "s.mig:10:1: error: lookup file `codes.csv` has no column `nam` (did you mean `name`?)",
        "s.mig:11:1: error: lookup `f` from a file needs `key \"column\"` and `value \"column\"`",
        "s.mig:12:1: error: lookup `upper` hides the function of the same name",
        "s.mig:13:12: error: a `null` lookup key never matches (NULL equals nothing); use `else`",
    ]


def test_lookup_file_contents(spec_dir):
    """The whole file is read at check time: a key mapped twice or a short row is an error."""
    with open("codes.csv", "w", encoding="utf-8", newline="") as fh:
        fh.write('code,name\nA,alpha\n\nA,alpha\nB,beta\n"A",other\nC\n')
    assert headers('lookup e from "codes.csv" { key "code"  value "name" }\n') == [
        's.mig:1:1: error: lookup file `codes.csv` line 6 maps "A" again, to a different value (first at line 2)',
        "s.mig:1:1: error: lookup file `codes.csv` line 7 has fewer columns than its header",
    ]


def test_lookup_file_path_with_a_nul_byte(spec_dir):
    assert headers('lookup d from "a\x00b.csv" { key "k"  value "v" }\n') == [
        "s.mig:1:1: error: cannot read lookup file `a\\x00b.csv`: ValueError",
    ]


# ------------------------------------------------------------------ validation


def test_thresholds(spec_dir):
    text = BASE + PATIENT_MAP + textwrap.dedent("""
        validate {
          completeness emr.patient.birth_date fail below 101%  warn below 99.5%
          unique       emr.patient.mrn  warn above 100.01%
          reject_rate  legacy.patients  fail above 2.5
          reject_rate  emr.patient      fail below 3
          completeness emr.patient.sex  warn below 90%  warn below 80%
        }
    """)
    assert rendered(text).splitlines()[:3] + headers(text)[1:] == [
        f"s.mig:{ln(text, '101%')}:39: error: threshold 101% is outside 0-100%",
        f" {ln(text, '101%')} |   completeness emr.patient.birth_date fail below 101%  warn below 99.5%",
        "    |                                       ^^^^^^^^^^^^^^^",
        f"s.mig:{ln(text, '100.01%')}:33: error: threshold 100.01% is outside 0-100%",
        f"s.mig:{ln(text, 'above 2.5')}:33: error: a count threshold must be a whole number of rows",
        f"s.mig:{ln(text, 'below 3')}:33: error: `below` thresholds are percentages of passing rows (add `%`)",
        f"s.mig:{ln(text, 'below 80%')}:3: error: more than one `warn` threshold",
    ]


def test_validation_subjects(spec_dir):
    text = BASE + PATIENT_MAP + VISIT_MAP + textwrap.dedent("""
        validate {
          completeness emr.patient.birth_dat
          unique       emr.patients.mrn
          valid        emr.patient.birth_date matches "^[0-9]+$"
          valid        emr.visit.units in ("1", 2)
          valid        emr.patient.mrn matches "(unclosed"
          references   emr.patient.mrn
          references   legacy.visits.pat_no
          consistent   emr.visit (units)
          consistent   legacy.visits (units > 0)
          reconcile    sum(emr.visit.code) = count(legacy.visits)
          reconcile    avg(emr.visit.units) = sum(legacy.visits: units where code)
          reject_rate  legacy.visit
          unique       emr.patient
        }
    """)
    assert headers(text) == [
        f"s.mig:{ln(text, 'completeness emr.patient.birth_dat')}:16: error: unknown column `birth_dat` in emr.patient (did you mean `birth_date`?)",
        f"s.mig:{ln(text, 'emr.patients.mrn')}:16: error: unknown table `emr.patients` (did you mean `emr.patient`?)",
        f"s.mig:{ln(text, 'birth_date matches')}:16: error: `matches` needs a text column; `birth_date` is date",
        f"s.mig:{ln(text, 'units in')}:36: error: cannot compare integer column `units` with text",
        f"s.mig:{ln(text, '(unclosed')}:3: error: invalid regular expression: unbalanced '(' at position 10 "
        "in regular expression '(unclosed'",
        f"s.mig:{ln(text, 'references   emr.patient.mrn')}:16: error: column `mrn` declares no `references`",
        f"s.mig:{ln(text, 'references   legacy.visits')}:16: error: `references` checks target columns; legacy.visits is a source table",
        f"s.mig:{ln(text, '(units)')}:27: error: a consistency rule must be a condition (boolean), not integer",
        f"s.mig:{ln(text, 'consistent   legacy')}:16: error: `consistent` checks target tables; legacy.visits is a source table",
        f"s.mig:{ln(text, 'sum(emr.visit.code)')}:20: error: `sum` needs a number, not text",
        f"s.mig:{ln(text, 'avg(')}:16: error: unknown aggregate `avg`",
        f"s.mig:{ln(text, 'avg(')}:70: error: an aggregate filter must be a condition (boolean), not text",
        f"s.mig:{ln(text, 'reject_rate  legacy.visit')}:16: error: unknown table `legacy.visit` (did you mean `legacy.visits`?)",
        f"s.mig:{ln(text, 'unique       emr.patient', 2)}:16: error: name a column as `schema.table.column`",
    ]


def test_valid_matches_takes_the_portable_regex_subset(spec_dir):
    """Python's `re` accepts look-aheads; the engines do not all do: refused at check time."""
    text = BASE + PATIENT_MAP + 'validate {\n  valid emr.patient.mrn matches "^A(?=B)"\n}\n'
    assert headers(text) == [
        f"s.mig:{ln(text, '(?=B)')}:3: error: invalid regular expression: only (?: ) groups are portable "
        "(no flags, look-arounds or named groups) at position 3 in regular expression '^A(?=B)'",
    ]


# ------------------------------------------------------------------ spec tests


def test_spec_tests_name_real_tables_columns_maps_and_checks(spec_dir):
    text = BASE + PATIENT_MAP + VISIT_MAP + textwrap.dedent("""
        validate {
          unique emr.patient.mrn
        }
        test "patients" {
          given legacy.patient { pat_no  "1" }
          given legacy.patients {
            pat_no | fnam | pat_no
            "1"    | "a"  | "2"
          }
          expect emr.patient {
            mrn | birth_date | id
            1   | "x"        | 1
          }
          expect rejects legacy.patients -> emr.visit { reason | count }
          expect check "unique emr.patient.mr" pass
        }
        test "patients" { }
    """)
    cells = ln(text, '1   | "x"')
    dup, first = ln(text, 'test "patients" { }'), ln(text, 'test "patients" {')
    assert headers(text) == [
        f"s.mig:{ln(text, 'given legacy.patient ')}:9: error: unknown source table `legacy.patient` "
        "(did you mean `legacy.patients`?)",
        f"s.mig:{ln(text, 'given legacy.patients')}:3: error: column `pat_no` named twice",
        f"s.mig:{ln(text, 'given legacy.patients')}:3: error: unknown column `fnam` in legacy.patients "
        "(did you mean `fname`?)",
        f"s.mig:{cells}:5: error: value of type integer cannot be in column `mrn` of type text",
        f"s.mig:{cells}:11: error: value of type text cannot be in column `birth_date` of type date",
        f"s.mig:{ln(text, 'expect rejects')}:3: error: no map `legacy.patients -> emr.visit` "
        "(did you mean `legacy.visits -> emr.visit`?)",
        f"s.mig:{ln(text, 'expect check')}:3: error: no check named `unique emr.patient.mr` "
        "(did you mean `unique emr.patient.mrn`?)",
        f"s.mig:{dup}:1: error: duplicate test `patients` (first declared at line {first})",
    ]


# ------------------------------------------------------------------ all errors in one run


def test_one_run_reports_every_error(spec_dir, capsys):
    text = BASE + textwrap.dedent("""
        map legacy.patients -> emr.patient {
          where trim(status)
          id         = crosswalk(pat_no)
          first_name = upper(fnam)
          birth_date = gender
          sex        = sex_cod(gender)
        }
        map legacy.visit -> emr.visit { id = crosswalk(visit_id) }
        validate {
          reject_rate legacy.patients fail above 120%
        }
    """)
    with open("many.mig", "w", encoding="utf-8") as fh:
        fh.write(text)
    assert main(["check", "many.mig"]) == 2
    err = capsys.readouterr().err
    expected = [
        f"many.mig:{ln(text, 'map legacy.patients')}:24: error: not-null column `mrn` of emr.patient is never assigned",
        f"many.mig:{ln(text, 'where trim')}:9: error: `where` must be a condition (boolean), not text",
        f"many.mig:{ln(text, 'upper(fnam)')}:22: error: unknown column `fnam` in legacy.patients (did you mean `fname`?)",
        f"many.mig:{ln(text, 'birth_date = gender')}:16: error: cannot assign a text value to column `birth_date` of type date",
        f"many.mig:{ln(text, 'sex_cod(')}:16: error: unknown function or lookup `sex_cod` (did you mean `sex_code`?)",
        f"many.mig:{ln(text, 'map legacy.visit ')}:5: error: unknown source table `legacy.visit` (did you mean `legacy.visits`?)",
        f"many.mig:{ln(text, '120%')}:31: error: threshold 120% is outside 0-100%",
    ]
    assert [l for l in err.splitlines() if ": error: " in l] == expected
    assert err.splitlines()[-1] == "7 errors"
    # each header is followed by its source line and a caret line
    lines = err.splitlines()
    i = lines.index(expected[2])
    assert lines[i + 1:i + 3] == [
        f" {ln(text, 'upper(fnam)')} |   first_name = upper(fnam)",
        "    |                      ^^^^",
    ]


def test_check_of_several_files_stops_at_the_first_bad_one(spec_dir, capsys):
    with open("good.mig", "w", encoding="utf-8") as fh:
        fh.write(BASE + PATIENT_MAP)
    with open("bad.mig", "w", encoding="utf-8") as fh:
        fh.write("map x.y -> z.w { }\n")
    assert main(["check", "good.mig", "bad.mig"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "good.mig: ok",
        "bad.mig:1:5: error: unknown source table `x.y`",
        " 1 | map x.y -> z.w { }",
        "   |     ^^^",
        "1 error",
    ]


def test_missing_spec_file_is_a_runtime_error(spec_dir, capsys):
    assert main(["check", "nowhere.mig"]) == 3
    assert "nowhere.mig: cannot read spec" in capsys.readouterr().err
