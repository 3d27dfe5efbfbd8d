"""Parsing and building: the grammar, the IR built from small specs, syntax diagnostics."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from compiler import ir
from compiler.diagnostics import SpecError, render
from compiler.syntax.build import build, unquote_string
from compiler.syntax.parse import MAX_NESTING, parse, parser

ROOT = Path(__file__).resolve().parents[2]
FILE = "t.mig"


def spec_of(text: str) -> ir.Spec:
    text = textwrap.dedent(text)
    return build(parse(text, FILE), FILE)


def errors_of(text: str) -> str:
    """Every diagnostic (parse or build) rendered as the CLI prints it."""
    text = textwrap.dedent(text)
    with pytest.raises(SpecError) as info:
        build(parse(text, FILE), FILE)
    return "\n".join(render(d, text) for d in info.value.diagnostics)


def shape(e) -> str:
    """An expression as a compact S-expression (no spans), for precedence tests."""
    if isinstance(e, ir.Literal):
        if e.type == "text":
            return json.dumps(e.value)
        return "null" if e.value is None else str(e.value).lower()
    if isinstance(e, ir.Name):
        return ".".join(e.parts)
    if isinstance(e, ir.Call):
        return f"{'.'.join(e.func)}({', '.join(shape(a) for a in e.args)})"
    if isinstance(e, ir.Unary):
        return f"({e.op} {shape(e.operand)})"
    if isinstance(e, ir.Binary):
        return f"({e.op} {shape(e.left)} {shape(e.right)})"
    if isinstance(e, ir.IsNull):
        return f"({'is not null' if e.negated else 'is null'} {shape(e.operand)})"
    if isinstance(e, ir.InList):
        return f"({'not in' if e.negated else 'in'} {shape(e.operand)} [{', '.join(shape(i) for i in e.items)}])"
    if isinstance(e, ir.Between):
        return f"({'not between' if e.negated else 'between'} {shape(e.operand)} {shape(e.low)} {shape(e.high)})"
    if isinstance(e, ir.Like):
        return f"({'not like' if e.negated else 'like'} {shape(e.operand)} {shape(e.pattern)})"
    if isinstance(e, ir.Case):
        whens = " ".join(f"(when {shape(w.condition)} {shape(w.result)})" for w in e.whens)
        operand = f" {shape(e.operand)}" if e.operand is not None else ""
        default = f" (else {shape(e.default)})" if e.default is not None else ""
        return f"(case{operand} {whens}{default})"
    if isinstance(e, ir.Tuple):
        return f"<{', '.join(shape(i) for i in e.items)}>"
    raise AssertionError(e)


def expr(text: str) -> str:
    """Parse `text` as the value of an assignment and return its shape."""
    spec = spec_of(f"map s.t -> u.v {{\n  x = {text}\n}}\n")
    return shape(spec.maps[0].assigns[0].expr)


def span(node) -> tuple[int, int, int, int]:
    s = node.span
    return s.line, s.column, s.end_line, s.end_column


# ------------------------------------------------------------------ the grammar


def test_grammar_loads_in_strict_mode():
    """strict=True makes Lark refuse regex collisions and shift/reduce conflicts."""
    p = parser(strict=True)
    assert p.options.parser == "lalr"
    assert p.parse("") is not None


def test_empty_and_comment_only_files_give_an_empty_spec():
    assert spec_of("") == ir.Spec(file=FILE)
    assert spec_of("# nothing here\n   \n# at all") == ir.Spec(file=FILE)


def test_demo_spec_parses_and_builds():
    text = (ROOT / "specs" / "demo_clinic.mig").read_text(encoding="utf-8")
    built = build(parse(text, "demo.mig"), "demo.mig")
    assert [m.target.parts[-1] for m in built.maps] == [
        "practitioner",
        "patient",
        "coverage",
        "episode",
        "diagnosis",
        "authorization",
        "encounter",
        "charge_line",
        "clinical_note",
    ]
    assert len(built.checks) == 17
    json.loads(built.model_dump_json())  # the IR is JSON-serialisable


# ------------------------------------------------------------------ declarations


def test_migration_block_and_settings():
    spec = spec_of("""
        migration "sunrise-pt" {   # a comment after the brace
          description "Sunrise PT: TheraOffice export"
          dialect postgres
        }
    """)
    mig = spec.migration
    assert mig.name == "sunrise-pt"
    assert [(s.name, s.value.type, s.value.value) for s in mig.settings] == [
        ("description", "text", "Sunrise PT: TheraOffice export"),
        ("dialect", "text", "postgres"),  # a bare word is a text value
    ]
    assert span(mig) == (2, 1, 5, 2)
    assert span(mig.settings[1].value) == (4, 11, 4, 19)


def test_source_tables_columns_and_settings():
    spec = spec_of("""
        source legacy csv "data/sunrise" {
          encoding "cp1252"
          table patients "PATIENTS.csv" key pat_no {
            encoding "utf-8-sig"
            header false
            pat_no text
            dob    date phi
          }
          table visits "VISITS.csv" key (visit_id, line) {
            visit_id integer
            line     integer
            pat_no   text references patients.pat_no
          }
        }
    """)
    src = spec.sources[0]
    assert (src.name, src.format, src.path) == ("legacy", "csv", "data/sunrise")
    assert [(s.name, s.value.value) for s in src.settings] == [("encoding", "cp1252")]
    patients, visits = src.tables
    assert (patients.name, patients.file, patients.key) == ("patients", "PATIENTS.csv", ["pat_no"])
    assert [(s.name, s.value.type, s.value.value) for s in patients.settings] == [
        ("encoding", "text", "utf-8-sig"),
        ("header", "boolean", False),
    ]
    assert [(c.name, c.type.name, c.phi) for c in patients.columns] == [("pat_no", "text", False), ("dob", "date", True)]
    assert visits.key == ["visit_id", "line"]
    assert visits.columns[2].references.parts == ["patients", "pat_no"]
    assert span(visits.columns[2]) == (13, 5, 13, 45)  # end column is exclusive


def test_target_columns_and_constraints():
    spec = spec_of("""
        target emr {
          table patient key id {
            id     bigint       not null
            mrn    varchar(20)  not null unique
            sex    varchar(7)   not null in ("male", "female", "unknown")
            amount decimal(10, 2) null
            units  integer      check (units between 1 and 8)
            payer  bigint       references emr.payer.id phi
          }
        }
    """)
    t = spec.targets[0].tables[0]
    cols = {c.name: c for c in t.columns}
    assert t.key == ["id"]
    assert cols["id"].not_null and not cols["id"].unique
    assert cols["mrn"].type.name == "varchar" and cols["mrn"].type.args == [20] and cols["mrn"].unique
    assert [a.value for a in cols["sex"].allowed] == ["male", "female", "unknown"]
    assert cols["amount"].type.args == [10, 2] and not cols["amount"].not_null
    assert shape(cols["units"].check) == "(between units 1 8)"
    assert cols["payer"].references.parts == ["emr", "payer", "id"] and cols["payer"].phi
    assert span(cols["mrn"].type) == (5, 12, 5, 23)


def test_type_names_are_case_insensitive():
    spec = spec_of("target t { table x { a VARCHAR(3)  b BigInt } }")
    assert [c.type.name for c in spec.targets[0].tables[0].columns] == ["varchar", "bigint"]


def test_inline_lookup():
    spec = spec_of("""
        lookup sex_code {
          "M", "MALE"   -> "male"
          'F', 'FEMALE' -> "female"
          1             -> "one"
          null          -> "none"
          else          -> "unknown"
        }
    """)
    lk = spec.lookups[0]
    assert lk.name == "sex_code" and lk.file is None
    assert [[k.value for k in e.keys] for e in lk.entries] == [["M", "MALE"], ["F", "FEMALE"], [1], [None]]
    assert [e.value.value for e in lk.entries] == ["male", "female", "one", "none"]
    assert lk.default.value == "unknown"
    assert span(lk.entries[0]) == (3, 3, 3, 26)


def test_lookup_from_file():
    spec = spec_of("""
        lookup visit_status from "lookups/visit_status.csv" {
          key   "legacy"
          value "status"
          else  "unknown"
        }
        lookup plain from "x.csv" { key "a"  value "b" }
    """)
    lk, plain = spec.lookups
    assert (lk.file, lk.key_column, lk.value_column, lk.default.value) == ("lookups/visit_status.csv", "legacy", "status", "unknown")
    assert lk.entries == []
    assert plain.default is None


def test_each_clause():
    spec = spec_of("""
        map legacy.visits -> emr.charge
          each (cpt, units) in [(cpt1, u1), (cpt2, u2)] when cpt is not null
        {
          id = crosswalk(visit_id, each_index)
        }
        map legacy.cases -> emr.diagnosis each dx in [dx1, dx2, dx3] { id = crosswalk(case_no, each_index) }
    """)
    each = spec.maps[0].each
    assert each.names == ["cpt", "units"]
    assert [shape(i) for i in each.items] == ["<cpt1, u1>", "<cpt2, u2>"]
    assert shape(each.when) == "(is not null cpt)"
    assert span(each) == (3, 3, 3, 69)
    single = spec.maps[1].each
    assert single.names == ["dx"] and [shape(i) for i in single.items] == ["dx1", "dx2", "dx3"]
    assert single.when is None
    assert shape(spec.maps[0].assigns[0].expr) == "crosswalk(visit_id, each_index)"


def test_map_members_joins_where_rejects_dedup():
    spec = spec_of("""
        map legacy.policies -> emr.coverage {
          join legacy.payers as p on p.payer_id = payer_id
          join legacy.cases on cases.case_no = case_no
          where status <> "D"
          where not deleted
          id         = crosswalk(policy_id)
          patient_id = emr.patient.crosswalk(pat_no)
          reject "coverage for unknown patient" when patient_id is null
          reject 'it''s "bad"' when priority > 3
          dedup on (upper(trim(policies.member_id)), payer_id) keep last by eff_date desc, policy_id asc, x
        }
    """)
    m = spec.maps[0]
    assert m.source.parts == ["legacy", "policies"] and m.target.parts == ["emr", "coverage"]
    assert [(j.table.parts, j.alias, shape(j.on)) for j in m.joins] == [
        (["legacy", "payers"], "p", "(= p.payer_id payer_id)"),
        (["legacy", "cases"], "cases", "(= cases.case_no case_no)"),  # alias defaults to the table name
    ]
    assert [shape(w) for w in m.where] == ['(<> status "D")', "(not deleted)"]
    assert [(a.field, shape(a.expr)) for a in m.assigns] == [
        ("id", "crosswalk(policy_id)"),
        ("patient_id", "emr.patient.crosswalk(pat_no)"),
    ]
    assert [(r.reason, shape(r.when)) for r in m.rejects] == [
        ("coverage for unknown patient", "(is null patient_id)"),
        ('it\'s "bad"', "(> priority 3)"),
    ]
    d = m.dedup
    assert [shape(k) for k in d.keys] == ["upper(trim(policies.member_id))", "payer_id"]
    assert d.keep == "last"
    assert [(shape(o.expr), o.descending) for o in d.order] == [("eff_date", True), ("policy_id", False), ("x", False)]
    assert span(m.assigns[1]) == (8, 3, 8, 45)
    assert span(m.assigns[1].expr) == (8, 16, 8, 45)
    assert span(m.rejects[0].when) == (9, 46, 9, 64)


def test_validate_checks_and_thresholds():
    spec = spec_of("""
        validate {
          completeness emr.patient.birth_date  fail below 99%  warn below 99.9%
          unique       emr.patient.mrn
          valid        emr.charge.cpt matches "^([0-9]{5}|[A-Z][0-9]{4})$"
          valid        emr.charge.modifier in ("GP", "KX")
          valid        emr.charge.units between 1 and 8   warn above 10
          references   emr.charge.patient_id
          consistent   emr.authorization (end_date >= start_date)  fail below 99%
          reconcile    sum(emr.charge.units) = sum(legacy.visits: units1 + units2 where units1 > 0)
          reconcile    count(emr.encounter) <= count(legacy.visits where status <> "X")  warn above 5%
          reject_rate  legacy.patients  fail above 1%  warn above 0.2%
        }
    """)
    c = spec.checks
    assert [x.kind for x in c] == [
        "completeness",
        "unique",
        "valid",
        "valid",
        "valid",
        "references",
        "consistent",
        "reconcile",
        "reconcile",
        "reject_rate",
    ]
    assert [(t.level, t.direction, t.value, t.percent) for t in c[0].thresholds] == [
        ("fail", "below", "99", True),
        ("warn", "below", "99.9", True),
    ]
    assert c[1].thresholds == []
    assert (c[2].rule, c[2].pattern) == ("matches", "^([0-9]{5}|[A-Z][0-9]{4})$")
    assert (c[3].rule, [v.value for v in c[3].values]) == ("in", ["GP", "KX"])
    assert (c[4].rule, [v.value for v in c[4].values]) == ("between", [1, 8])
    assert [(t.level, t.direction, t.value, t.percent) for t in c[4].thresholds] == [("warn", "above", "10", False)]
    assert shape(c[6].condition) == "(>= end_date start_date)"
    left, right = c[7].left, c[7].right
    assert (left.func, left.table.parts, left.expr, left.where) == ("sum", ["emr", "charge", "units"], None, None)
    assert (right.func, right.table.parts, shape(right.expr), shape(right.where)) == (
        "sum",
        ["legacy", "visits"],
        "(+ units1 units2)",
        "(> units1 0)",
    )
    assert c[7].compare == "="
    assert (c[8].compare, shape(c[8].right.where)) == ("<=", '(<> status "X")')
    assert span(c[9]) == (12, 3, 12, 63)
    assert span(c[9].thresholds[1]) == (12, 48, 12, 63)


def test_spec_test_blocks():
    spec = spec_of("""
        test "dates and sex codes" {
          given legacy.patients {
            pat_no | fname | dob          | n
            "001"  | "ann" | "03/04/1980" | -2
            "002"  | null  | null         | 1.5
          }
          expect emr.patient {
            mrn   | birth_date | active
            "001" | 1980-03-04 | true
          }
          expect rejects legacy.patients -> emr.patient {
            reason          | count
            "missing name"  | 1
          }
          expect check "unique emr.patient.mrn" pass
          expect check "completeness emr.patient.birth_date" not_applicable
        }
    """)
    t = spec.tests[0]
    assert t.name == "dates and sex codes"
    given = t.given[0]
    assert (given.table.parts, given.columns) == (["legacy", "patients"], ["pat_no", "fname", "dob", "n"])
    assert [[(c.type, c.value) for c in row] for row in given.rows] == [
        [("text", "001"), ("text", "ann"), ("text", "03/04/1980"), ("integer", -2)],
        [("text", "002"), ("null", None), ("null", None), ("decimal", "1.5")],
    ]
    assert [[(c.type, c.value) for c in row] for row in t.expect[0].rows] == [[("text", "001"), ("date", "1980-03-04"), ("boolean", True)]]
    rj = t.rejects[0]
    assert (rj.source.parts, rj.target.parts, rj.counts) == (["legacy", "patients"], ["emr", "patient"], [("missing name", 1)])
    assert [(c.name, c.status) for c in t.checks] == [
        ("unique emr.patient.mrn", "pass"),
        ("completeness emr.patient.birth_date", "not applicable"),
    ]


# ------------------------------------------------------------------ expressions


@pytest.mark.parametrize(
    "text, want",
    [
        ("a or b and c", "(or a (and b c))"),
        ("a and b or c", "(or (and a b) c)"),
        ("not a and b", "(and (not a) b)"),
        ("not a or not b", "(or (not a) (not b))"),
        ("not not a", "(not (not a))"),
        ("not a = b", "(not (= a b))"),
        ("a = 1 and b = 2 or c", "(or (and (= a 1) (= b 2)) c)"),
        ("x between 1 and 2 and y", "(and (between x 1 2) y)"),
        ("x not between a + 1 and b * 2 or z", "(or (not between x (+ a 1) (* b 2)) z)"),
        ("not x between 1 and 2", "(not (between x 1 2))"),
        ("a + b * c - d", "(- (+ a (* b c)) d)"),
        ("(a + b) * c", "(* (+ a b) c)"),
        ("a / b % c", "(% (/ a b) c)"),
        ("-a * b", "(* (neg a) b)"),
        ("- -a", "(neg (neg a))"),
        ('a || "-" || b', '(|| (|| a "-") b)'),
        ("a || b + c", "(+ (|| a b) c)"),  # `||` binds like `+` (left to right)
        ("a < b", "(< a b)"),
        ("a != b", "(<> a b)"),  # `!=` is normalised to `<>`
        ("a >= b + 1", "(>= a (+ b 1))"),
        ("x is null or y is not null", "(or (is null x) (is not null y))"),
        ('x in ("a", "b") and y not in (1)', '(and (in x ["a", "b"]) (not in y [1]))'),
        ('name like "A%" and name not like "%z"', '(and (like name "A%") (not like name "%z"))'),
        ("f(g(x), 1.50, -2)", "f(g(x), 1.50, (neg 2))"),
        ("f()", "f()"),
        ("emr.patient.crosswalk(a, b)", "emr.patient.crosswalk(a, b)"),
        ("p.payer_name", "p.payer_name"),
        ("`odd name` + `select`", "(+ odd name select)"),
        ("true and not false or null", "(or (and true (not false)) null)"),
    ],
)
def test_precedence(text, want):
    assert expr(text) == want


def test_case_expressions():
    assert expr('case when a > 1 then "big" when a = 1 then "one" else "small" end') == (
        '(case (when (> a 1) "big") (when (= a 1) "one") (else "small"))'
    )
    assert expr('case upper(s) when "I" then "inactive" else "active" end') == ('(case upper(s) (when "I" "inactive") (else "active"))')
    assert expr("case when a then 1 end") == "(case (when a 1))"
    assert expr("case x when 1 then case when y then 2 end end") == "(case x (when 1 (case (when y 2))))"


def test_literals():
    spec = spec_of(r"""
        map s.t -> u.v {
          a = "tab\there \"quoted\" back\\slash \q"
          b = 'single ''quoted'' \n'
          c = 42
          d = 3.140
          e = true
          f = null
          g = ""
        }
    """)
    lits = [a.expr for a in spec.maps[0].assigns]
    assert [(x.type, x.value) for x in lits] == [
        ("text", 'tab\there "quoted" back\\slash \\q'),  # unknown escapes stay as written
        ("text", "single 'quoted' \\n"),  # no escapes in '...'
        ("integer", 42),
        ("decimal", "3.140"),  # kept as text: exact
        ("boolean", True),
        ("null", None),
        ("text", ""),
    ]


def test_unquote_string():
    assert unquote_string(r'"a\nb"') == "a\nb"
    assert unquote_string(r'"\r\t\\\""') == '\r\t\\"'
    assert unquote_string("'a''b'") == "a'b"


def test_keywords_can_be_names_in_backticks():
    spec = spec_of("target t { table x { `null` text  `map` text } }\nmap s.t -> t.x { `null` = `case` }")
    assert [c.name for c in spec.targets[0].tables[0].columns] == ["null", "map"]
    assert spec.maps[0].assigns[0].field == "null"
    assert spec.maps[0].assigns[0].expr.parts == ["case"]


def test_group_by_and_ordered_aggregates():
    spec = spec_of(
        'map s.t -> u.v {\n  group by (trim(a), b)\n  x = string_agg(c, ", " order  by d desc, e)\n  y = first(c by d)\n  z = count()\n}\n'
    )
    m = spec.maps[0]
    assert m.group is not None and not m.group.distinct and len(m.group.keys) == 2
    x, y, z = (a.expr for a in m.assigns)
    assert isinstance(x, ir.AggCall) and x.func == "string_agg" and len(x.args) == 2
    assert [o.descending for o in x.order] == [True, False]
    assert isinstance(y, ir.AggCall) and y.func == "first" and len(y.order) == 1
    assert isinstance(z, ir.AggCall) and z.args == [] and z.order == []
    assert spec_of("map s.t -> u.v { distinct by (a) }").maps[0].group.distinct


def test_order_stays_a_name_after_an_expression():
    """`order by` is one token: a field or column named `order` still parses where an
    expression ends (a separate `order` keyword would be lexed there, LALR merging states)."""
    spec = spec_of("map s.t -> u.v {\n  a = upper(b)\n  order = concat(order, by)\n}\n")
    assert [a.field for a in spec.maps[0].assigns] == ["a", "order"]


def test_expression_spans():
    spec = spec_of('map s.t -> u.v {\n  x = upper(trim(a)) || "!"\n}\n')
    e = spec.maps[0].assigns[0].expr
    assert span(e) == (2, 7, 2, 28)
    assert span(e.left) == (2, 7, 2, 21)
    assert span(e.left.args[0]) == (2, 13, 2, 20)
    assert span(e.right) == (2, 25, 2, 28)


def test_multiline_span():
    spec = spec_of('map s.t -> u.v {\n  reject "r"\n    when a is null\n      or b\n}\n')
    assert span(spec.maps[0].rejects[0]) == (2, 3, 4, 11)


# ------------------------------------------------------------------ syntax errors
# (their messages: the fixtures in tests/syntax/fixtures, run by tests/semantic/test_fixtures.py)


def test_integer_too_large():
    # a 20-digit integer: tests/syntax/fixtures/integer_too_large.mig; 5,000 digits (past
    # Python's limit for converting text to int) are too many for a fixture to show
    assert errors_of("target t { table x { a varchar(" + "9" * 5000 + ") } }").splitlines()[0] == (
        "t.mig:1:32: error: type argument `99999999999999999...` is too large (at most 2147483647)"
    )


def test_nesting_limit():
    ok = " + ".join(["1"] * (MAX_NESTING - 10))
    spec_of(f"map a.b -> c.d {{ x = {ok} }}")
    deep = " + ".join(["1"] * 3000)
    assert errors_of(f"map a.b -> c.d {{\n  x = {deep}\n}}").splitlines()[0] == (
        "t.mig:2:7: error: expression nested too deeply (more than 100 levels)"
    )
    calls = "f(" * 200 + "1" + ")" * 200
    assert "nested too deeply" in errors_of(f"map a.b -> c.d {{ x = {calls} }}")
