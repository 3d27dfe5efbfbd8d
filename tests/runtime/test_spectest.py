"""`chartshift test`: spec test blocks pass, fail with a readable diff, write JUnit XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from compiler.cli.main import main
from tests.conftest import DEMO_SPEC


def test_demo_spec_tests_pass(tmp_path, capsys):
    junit = tmp_path / "junit.xml"
    assert main(["test", str(DEMO_SPEC), "--junit", str(junit)]) == 0
    suite = ET.parse(junit).getroot().find("testsuite")
    assert int(suite.get("tests")) >= 3 and suite.get("failures") == "0"
    assert "passed, 0 failed" in capsys.readouterr().err


def test_failing_expectations_show_a_diff(tmp_path, capsys):
    broken = (
        DEMO_SPEC.read_text()
        .replace('"invalid ICD-10 code"           | 1', '"invalid ICD-10 code"           | 2')
        .replace('1          | 1   | "M54.50"', '1          | 1   | "M54.5"')
    )
    spec = tmp_path / "demo_clinic.mig"
    spec.write_text(broken)
    (tmp_path / "lookups").mkdir()
    (tmp_path / "lookups" / "visit_status.csv").write_bytes((DEMO_SPEC.parent / "lookups" / "visit_status.csv").read_bytes())
    junit = tmp_path / "junit.xml"
    assert main(["test", str(spec), "--junit", str(junit)]) == 1
    out = capsys.readouterr().out
    flat = " ".join(out.split())  # the terminal may wrap long lines
    assert "rows of emr.diagnosis differ (expected 2, got 2)" in out
    assert "expected but missing:" in out and "M54.5 " in out
    assert "present but not expected:" in out and "M54.50" in out
    assert (
        "rejects of legacy.cases -> emr.diagnosis: expected {'diagnosis for unknown episode': 1, 'invalid ICD-10 code': 2}, "
        "got {'diagnosis for unknown episode': 1, 'invalid ICD-10 code': 1}"
    ) in flat
    failures = ET.parse(junit).getroot().findall(".//failure")
    assert len(failures) == 1


def test_row_width_mismatch_is_a_positioned_error(tmp_path, capsys):
    spec = tmp_path / "t.mig"
    spec.write_text(
        'source s csv "d" { table a "a.csv" key k { k text  v text } }\n'
        "target t { table b key id { id bigint not null  v text } }\n"
        "map s.a -> t.b { id = crosswalk(k)  v = v }\n"
        'test "x" {\n  given s.a {\n    k | v\n    "1"\n  }\n}\n'
    )
    assert main(["check", str(spec)]) == 2
    assert f"{spec}:7:5: error: row has 1 value(s) but the header names 2 column(s)" in capsys.readouterr().err


def test_a_duckdb_target_file_is_never_written(tmp_path, capsys):
    target = tmp_path / "real.duckdb"
    assert main(["test", str(DEMO_SPEC), "--target", f"duckdb:///{target}"]) == 0
    assert not target.exists()


def test_demo_spec_tests_cover_every_rule():
    """Issue 4: the demo spec's `test` blocks cover every rule it uses: each map's rows are
    expected somewhere, each `reject` rule fires (count > 0) in some test, each `where`
    filter and `dedup` meets a row it acts on, and each validation check has a verdict
    asserted."""
    from compiler.ir.naming import check_name
    from compiler.pipeline import load
    from compiler.semantic.catalog import dotted

    spec = load(DEMO_SPEC).spec
    expected_rows = {dotted(e.table) for t in spec.tests for e in t.expect}
    assert {dotted(m.target) for m in spec.maps} <= expected_rows
    declared = {(dotted(m.source), dotted(m.target), r.reason) for m in spec.maps for r in m.rejects}
    fired = {(dotted(rj.source), dotted(rj.target), reason) for t in spec.tests for rj in t.rejects for reason, n in rj.counts if n}
    assert declared - fired == set()
    assert {check_name(c) for c in spec.checks} == {ec.name for t in spec.tests for ec in t.checks}
    # the filter and the dedup: given rows the tests expect to be gone
    given_patients = [len(g.rows) for t in spec.tests for g in t.given if dotted(g.table) == "legacy.patients"]
    expected_patients = [len(e.rows) for t in spec.tests for e in t.expect if dotted(e.table) == "emr.patient"]
    assert any(g > e for g, e in zip(given_patients, expected_patients))


def test_every_check_of_an_expected_name_is_asserted(tmp_path, monkeypatch):
    """`check` refuses two checks of one name; were there two anyway (the spec altered after
    checking), `expect check` asserts both rather than whichever came last."""
    from compiler import ir
    from compiler.pipeline import load
    from compiler.runtime.spectest import run_tests

    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.mig").write_text(
        'source s csv "d" { table a "a.csv" key k { k text  m text } }\n'
        "target t { table b key id { id bigint not null  m text } }\n"
        "map s.a -> t.b { id = crosswalk(k)  m = m }\n"
        "validate {\n  unique t.b.m\n}\n"
        'test "x" {\n  given s.a {\n    k   | m\n    "1" | "a"\n    "2" | "a"\n  }\n'
        '  expect check "unique t.b.m" pass\n}\n'
    )
    compiled = load("t.mig")
    (first,) = compiled.spec.checks
    threshold = ir.Threshold(span=first.span, level="warn", direction="above", value="100", percent=True)
    compiled.spec.checks.append(first.model_copy(update={"thresholds": [threshold]}))  # passes: never above 100 %
    (result,) = run_tests(compiled)
    assert result.failures == ["check `unique t.b.m` (line 5): expected pass, got fail (2 of 2)"]
