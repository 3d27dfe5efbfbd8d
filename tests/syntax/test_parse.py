"""Parsing and building: the grammar, the IR built from small specs, syntax diagnostics."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from compiler import ir
from compiler.syntax.build import build, unquote_string
from compiler.diagnostics import SpecError, render
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
        "practitioner", "patient", "coverage", "episode", "diagnosis", "authorization", "encounter",
        "charge_line", "clinical_note",
    ]
    assert len(built.checks) == 17
    json.loads(built.model_dump_json())  # the IR is JSON-serialisable


# ------------------------------------------------------------------ declarations


def test_migration_block_and_settings():
    spec = spec_of('''
        migration "sunrise-pt" {   # a comment after the brace
          description "Sunrise PT: TheraOffice export"
          dialect postgres
        }
    ''')
    mig = spec.migration
    assert mig.name == "sunrise-pt"
    assert [(s.name, s.value.type, s.value.value) for s in mig.settings] == [
        ("description", "text", "Sunrise PT: TheraOffice export"),
        ("dialect", "text", "postgres"),  # a bare word is a text value
    ]
    assert span(mig) == (2, 1, 5, 2)
    assert span(mig.settings[1].value) == (4, 11, 4, 19)


def test_source_tables_columns_and_settings():
    spec = spec_of('''
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
    ''')
    src = spec.sources[0]
    assert (src.name, src.format, src.path) == ("legacy", "csv", "data/sunrise")
    assert [(s.name, s.value.value) for s in src.settings] == [("encoding", "cp1252")]
    patients, visits = src.tables
    assert (patients.name, patients.file, patients.key) == ("patients", "PATIENTS.csv", ["pat_no"])
    assert [(s.name, s.value.type, s.value.value) for s in patients.settings] == [
        ("encoding", "text", "utf-8-sig"), ("header", "boolean", False)]
    assert [(c.name, c.type.name, c.phi) for c in patients.columns] == [("pat_no", "text", False), ("dob", "date", True)]
    assert visits.key == ["visit_id", "line"]
    assert visits.columns[2].references.parts == ["patients", "pat_no"]
    assert span(visits.columns[2]) == (13, 5, 13, 45)  # end column is exclusive


def test_target_columns_and_constraints():
    spec = spec_of('''
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
    ''')
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
    spec = spec_of('''
        lookup sex_code {
          "M", "MALE"   -> "male"
          'F', 'FEMALE' -> "female"
          1             -> "one"
          null          -> "none"
          else          -> "unknown"
        }
    ''')
    lk = spec.lookups[0]
    assert lk.name == "sex_code" and lk.file is None
    assert [[k.value for k in e.keys] for e in lk.entries] == [["M", "MALE"], ["F", "FEMALE"], [1], [None]]
    assert [e.value.value for e in lk.entries] == ["male", "female", "one", "none"]
    assert lk.default.value == "unknown"
    assert span(lk.entries[0]) == (3, 3, 3, 26)


def test_lookup_from_file():
    spec = spec_of('''
        lookup visit_status from "lookups/visit_status.csv" {
          key   "legacy"
          value "status"
          else  "unknown"
        }
        lookup plain from "x.csv" { key "a"  value "b" }
    ''')
    lk, plain = spec.lookups
    assert (lk.file, lk.key_column, lk.value_column, lk.default.value) == (
        "lookups/visit_status.csv", "legacy", "status", "unknown")
    assert lk.entries == []
    assert plain.default is None


def test_each_clause():
    spec = spec_of('''
        map legacy.visits -> emr.charge
          each (cpt, units) in [(cpt1, u1), (cpt2, u2)] when cpt is not null
        {
          id = crosswalk(visit_id, each_index)
        }
        map legacy.cases -> emr.diagnosis each dx in [dx1, dx2, dx3] { id = crosswalk(case_no, each_index) }
    ''')
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
    spec = spec_of('''
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
    ''')
    m = spec.maps[0]
    assert m.source.parts == ["legacy", "policies"] and m.target.parts == ["emr", "coverage"]
    assert [(j.table.parts, j.alias, shape(j.on)) for j in m.joins] == [
        (["legacy", "payers"], "p", "(= p.payer_id payer_id)"),
        (["legacy", "cases"], "cases", "(= cases.case_no case_no)"),  # alias defaults to the table name
    ]
    assert [shape(w) for w in m.where] == ['(<> status "D")', "(not deleted)"]
    assert [(a.field, shape(a.expr)) for a in m.assigns] == [
        ("id", "crosswalk(policy_id)"), ("patient_id", "emr.patient.crosswalk(pat_no)")]
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
    spec = spec_of('''
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
    ''')
    c = spec.checks
    assert [x.kind for x in c] == ["completeness", "unique", "valid", "valid", "valid", "references",
                                   "consistent", "reconcile", "reconcile", "reject_rate"]
    assert [(t.level, t.direction, t.value, t.percent) for t in c[0].thresholds] == [
        ("fail", "below", "99", True), ("warn", "below", "99.9", True)]
    assert c[1].thresholds == []
    assert (c[2].rule, c[2].pattern) == ("matches", "^([0-9]{5}|[A-Z][0-9]{4})$")
    assert (c[3].rule, [v.value for v in c[3].values]) == ("in", ["GP", "KX"])
    assert (c[4].rule, [v.value for v in c[4].values]) == ("between", [1, 8])
    assert [(t.level, t.direction, t.value, t.percent) for t in c[4].thresholds] == [("warn", "above", "10", False)]
    assert shape(c[6].condition) == "(>= end_date start_date)"
    left, right = c[7].left, c[7].right
    assert (left.func, left.table.parts, left.expr, left.where) == ("sum", ["emr", "charge", "units"], None, None)
    assert (right.func, right.table.parts, shape(right.expr), shape(right.where)) == (
        "sum", ["legacy", "visits"], "(+ units1 units2)", "(> units1 0)")
    assert c[7].compare == "="
    assert (c[8].compare, shape(c[8].right.where)) == ("<=", '(<> status "X")')
    assert span(c[9]) == (12, 3, 12, 63)
    assert span(c[9].thresholds[1]) == (12, 48, 12, 63)


def test_spec_test_blocks():
    spec = spec_of('''
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
    ''')
    t = spec.tests[0]
    assert t.name == "dates and sex codes"
    given = t.given[0]
    assert (given.table.parts, given.columns) == (["legacy", "patients"], ["pat_no", "fname", "dob", "n"])
    assert [[(c.type, c.value) for c in row] for row in given.rows] == [
        [("text", "001"), ("text", "ann"), ("text", "03/04/1980"), ("integer", -2)],
        [("text", "002"), ("null", None), ("null", None), ("decimal", "1.5")],
    ]
    assert [[(c.type, c.value) for c in row] for row in t.expect[0].rows] == [
        [("text", "001"), ("date", "1980-03-04"), ("boolean", True)]]
    rj = t.rejects[0]
    assert (rj.source.parts, rj.target.parts, rj.counts) == (["legacy", "patients"], ["emr", "patient"], [("missing name", 1)])
    assert [(c.name, c.status) for c in t.checks] == [
        ("unique emr.patient.mrn", "pass"), ("completeness emr.patient.birth_date", "not applicable")]


def test_spec_test_block_errors():
    assert errors_of('''
        test "t" {
          given legacy.p { a | b
            1 | 2 | 3
          }
          expect emr.t { d  2024-02-30 }
          expect rejects legacy.p -> emr.t {
            reason | count
            "x"
            "y" | -1
          }
        }
    ''') == (
        "t.mig:4:5: error: row has 3 value(s) but the header names 2 column(s)\n"
        " 4 |     1 | 2 | 3\n"
        "   |     ^\n"
        "t.mig:6:21: error: `2024-02-30` is not a date\n"
        " 6 |   expect emr.t { d  2024-02-30 }\n"
        "   |                     ^^^^^^^^^^\n"
        "t.mig:9:5: error: each expected reject row is a reason (string) and a count (whole number)\n"
        ' 9 |     "x"\n'
        "   |     ^^^\n"
        "t.mig:10:5: error: each expected reject row is a reason (string) and a count (whole number)\n"
        ' 10 |     "y" | -1\n'
        "    |     ^^^"
    )


def test_a_broken_test_block_is_one_error():
    assert errors_of('''
        test "t" {
          given legacy.p { a | b

        map a.b -> c.d { x = 1 }
    ''').splitlines()[0] == "t.mig:5:1: error: missing `}` before `map`"


# ------------------------------------------------------------------ expressions


@pytest.mark.parametrize("text, want", [
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
    ('a || b + c', "(+ (|| a b) c)"),  # `||` binds like `+` (left to right)
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
])
def test_precedence(text, want):
    assert expr(text) == want


def test_case_expressions():
    assert expr('case when a > 1 then "big" when a = 1 then "one" else "small" end') == (
        '(case (when (> a 1) "big") (when (= a 1) "one") (else "small"))')
    assert expr('case upper(s) when "I" then "inactive" else "active" end') == (
        '(case upper(s) (when "I" "inactive") (else "active"))')
    assert expr("case when a then 1 end") == "(case (when a 1))"
    assert expr("case x when 1 then case when y then 2 end end") == "(case x (when 1 (case (when y 2))))"


def test_literals():
    spec = spec_of(r'''
        map s.t -> u.v {
          a = "tab\there \"quoted\" back\\slash \q"
          b = 'single ''quoted'' \n'
          c = 42
          d = 3.140
          e = true
          f = null
          g = ""
        }
    ''')
    lits = [a.expr for a in spec.maps[0].assigns]
    assert [(x.type, x.value) for x in lits] == [
        ("text", 'tab\there "quoted" back\\slash \\q'),  # unknown escapes stay as written
        ("text", "single 'quoted' \\n"),                   # no escapes in '...'
        ("integer", 42),
        ("decimal", "3.140"),                              # kept as text: exact
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


def test_missing_closing_brace_before_next_block():
    assert errors_of('''
        lookup sex_code {
          "M" -> "male"
          "F" -> "female"

        map legacy.patients -> emr.patient {
          sex = sex_code(gender)
        }
    ''') == (
        "t.mig:6:1: error: missing `}` before `map`\n"
        " 6 | map legacy.patients -> emr.patient {\n"
        "   | ^^^"
    )


def test_missing_closing_brace_of_a_map_is_one_error():
    # `validate` is read as the next field name of the open map: still one error, at the block
    assert errors_of('''
        map legacy.patients -> emr.patient {
          id = crosswalk(pat_no)

        validate {
          unique emr.patient.mrn
        }
        lookup l { "a" -> "b" }
    ''') == (
        "t.mig:5:1: error: missing `}` before `validate`\n"
        " 5 | validate {\n"
        "   | ^^^^^^^^"
    )


def test_missing_closing_brace_at_end_of_file():
    assert errors_of('''
        target emr {
          table patient key id {
            id bigint not null
          }

        # trailing comment
    ''') == (
        "t.mig:5:4: error: missing `}` at end of file\n"
        " 5 |   }\n"
        "   |    ^"
    )


def test_unterminated_string():
    assert errors_of('''
        lookup sex_code {
          "M" -> "male
          "F" -> "female"
        }
    ''') == (
        "t.mig:3:10: error: unterminated string\n"
        ' 3 |   "M" -> "male\n'
        "   |          ^"
    )


def test_unterminated_single_quoted_string_and_name():
    assert errors_of("map a.b -> c.d {\n  x = 'abc\n}\n").splitlines()[0] == "t.mig:2:7: error: unterminated string"
    assert errors_of("map a.b -> c.d {\n  `x = 1\n}\n").splitlines()[0] == "t.mig:2:3: error: unterminated quoted name"


def test_stray_character():
    assert errors_of('''
        map legacy.patients -> emr.patient {
          mrn = trim(pat_no) ? "x"
        }
    ''') == (
        "t.mig:3:22: error: unexpected character `?`\n"
        ' 3 |   mrn = trim(pat_no) ? "x"\n'
        "   |                      ^"
    )


def test_nul_and_control_characters_are_shown_escaped():
    text = "map a.b -> c.d {\n  x = 1 \x00 2\n}\n"
    assert errors_of(text) == (
        "t.mig:2:9: error: unexpected character `\\x00`\n"
        " 2 |   x = 1   2\n"
        "   |         ^"
    )


def test_two_broken_blocks_give_two_errors():
    assert errors_of('''
        lookup sex_code {
          "M" -> "male" ->
        }

        target emr {
          table patient key id {
            id bigint not null
          }
        }

        map legacy.patients -> emr.patient {
          id = crosswalk(pat_no
        }
    ''') == (
        "t.mig:3:17: error: unexpected `->`, expected one of `else`, `}`, a value\n"
        ' 3 |   "M" -> "male" ->\n'
        "   |                 ^^\n"
        "t.mig:14:1: error: unexpected `}`, expected one of `)`, `,`\n"
        " 14 | }\n"
        "    | ^"
    )


def test_errors_in_every_broken_block_up_to_the_limit():
    broken = "".join(f"map a.b -> c.t{i} {{ x = }}\n" for i in range(12))
    with pytest.raises(SpecError) as info:
        parse(broken, FILE)
    assert [d.span.line for d in info.value.diagnostics] == list(range(1, 11))  # at most 10


def test_expected_an_expression():
    assert errors_of("map legacy.patients -> emr.patient {\n  mrn =\n}\n") == (
        "t.mig:3:1: error: unexpected `}`, expected an expression\n"
        " 3 | }\n"
        "   | ^"
    )


def test_unexpected_token_lists_what_could_follow():
    assert errors_of('''
        source legacy csv "data" {
          table patients "P.csv" key pat_no {
            pat_no text,
          }
        }
    ''').splitlines()[0] == (
        "t.mig:4:16: error: unexpected `,`, expected one of `(`, `check`, `in`, `not`, `null`, `phi`, "
        "`references`, `unique`, ..."
    )


def test_garbage_before_the_first_block():
    assert errors_of("hello world\nlookup l { \"a\" -> \"b\" }\nmap a.b -> c.d { x = }\n") == (
        "t.mig:1:1: error: unexpected `hello`, expected one of `lookup`, `map`, `migration`, `source`, "
        "`target`, `test`, `validate`\n"
        " 1 | hello world\n"
        "   | ^^^^^\n"
        "t.mig:3:22: error: unexpected `}`, expected an expression\n"
        " 3 | map a.b -> c.d { x = }\n"
        "   |                      ^"
    )


def test_broken_block_header():
    assert errors_of("map legacy.patients => emr.patient {\n  id = 1\n}\n").splitlines()[0] == (
        "t.mig:1:21: error: unexpected `=`, expected `->`"
    )


def test_long_tokens_are_shortened():
    assert errors_of('map a.b -> c.d { x = 1 "' + "y" * 100 + '" }').splitlines()[0] == (
        't.mig:1:24: error: unexpected `"yyyyyyyyyyyyyyyyyyyyyyyyyy...`, expected one of `dedup`, `join`, `reject`, `where`, `}`, '
        "a name, an operator"
    )


def test_integer_too_large():
    assert errors_of("map legacy.patients -> emr.patient {\n  units = 99999999999999999999\n}\n") == (
        "t.mig:2:11: error: integer `99999999999999999999` is too large (at most 9223372036854775807)\n"
        " 2 |   units = 99999999999999999999\n"
        "   |           ^^^^^^^^^^^^^^^^^^^^"
    )
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


def test_duplicate_else_and_bad_lookup_options():
    assert errors_of('''
        lookup l {
          "a" -> "b"
          else -> "c"
          else -> "d"
        }
        lookup f from "l.csv" {
          key "k"
          valeu "v"
          value 3
        }
    ''') == (
        "t.mig:5:11: error: lookup `l` has more than one `else`\n"
        ' 5 |   else -> "d"\n'
        "   |           ^^^\n"
        "t.mig:9:3: error: unknown lookup option `valeu` (did you mean `value`?); use `key`, `value` and `else`\n"
        ' 9 |   valeu "v"\n'
        "   |   ^^^^^^^^^\n"
        "t.mig:10:9: error: lookup option `value` takes a column name in quotes\n"
        " 10 |   value 3\n"
        "    |         ^"
    )


def test_duplicate_migration_block():
    assert errors_of('migration "a" { }\nmigration "b" { }\n').splitlines()[0] == (
        "t.mig:2:1: error: duplicate `migration` block"
    )


def test_two_dedup_rules():
    assert errors_of("map a.b -> c.d {\n  dedup on (x) keep first by y\n  dedup on (z) keep first by y\n}\n").splitlines()[0] == (
        "t.mig:3:3: error: a map has at most one `dedup` rule"
    )


def test_form_feed_does_not_shift_the_shown_line():
    text = "# a\x0cb\nmap a.b -> c.d { x = }\n"
    assert errors_of(text) == (
        "t.mig:2:22: error: unexpected `}`, expected an expression\n"
        " 2 | map a.b -> c.d { x = }\n"
        "   |                      ^"
    )


def test_non_utf8_spec_is_a_positioned_error(tmp_path, capsys):
    from compiler.cli.main import main

    path = tmp_path / "latin.mig"
    path.write_bytes(b'migration "caf\xe9" {\n}\n')
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == f"{path}:1:15: error: spec files must be UTF-8 (undecodable byte)\n1 error\n"
