"""--select MAP...: the named maps, the maps they depend on, and only the checks and tests
that can hold on that part; --fail-fast for test."""

from __future__ import annotations

import pytest

from compiler.cli.main import main
from compiler.errors import UsageError
from compiler.ir.naming import dotted
from compiler.pipeline import load, select
from tests.conftest import DEMO_SPEC


@pytest.fixture(scope="module")
def demo():
    return load(DEMO_SPEC)


def test_a_map_brings_the_maps_it_depends_on(demo):
    part = select(demo, ["emr.encounter"])
    assert [dotted(m.target) for m in part.spec.maps] == ["emr.practitioner", "emr.patient", "emr.episode", "emr.encounter"]
    assert len(demo.spec.maps) > len(part.spec.maps)


def test_checks_and_tests_naming_a_left_out_table_go(demo):
    part = select(demo, ["emr.patient"])
    names = {c.name for c in part.spec.checks}
    assert "completeness emr.patient.birth_date" in names
    assert not any("charge_line" in n or "encounter" in n for n in names)
    assert {c.name for c in demo.spec.checks} - names  # some were dropped
    kept = {t.name for t in part.spec.tests}
    assert kept < {t.name for t in demo.spec.tests}


def test_no_selection_is_the_whole_spec(demo):
    assert select(demo, []) is demo


def test_an_unknown_map_is_a_usage_error(demo):
    with pytest.raises(UsageError, match=r"--select emr\.nothing: no map fills it \(maps: emr\.practitioner, emr\.patient"):
        select(demo, ["emr.nothing"])


def test_compile_select_writes_the_part_elsewhere_only(tmp_path, capsys):
    assert main(["compile", str(DEMO_SPEC), "--select", "emr.patient", "--dialect", "duckdb"]) == 2  # not over generated/
    assert "give another --out DIR" in capsys.readouterr().err
    assert main(["compile", str(DEMO_SPEC), "--select", "emr.patient", "--dialect", "duckdb", "--out", str(tmp_path)]) == 0
    files = sorted(p.name for p in (tmp_path / "demo_clinic" / "duckdb").glob("20_*.sql"))
    assert files == ["20_01_emr_patient.sql"]


def test_test_select_and_fail_fast(tmp_path, capsys):
    assert main(["test", str(DEMO_SPEC), "--select", "emr.patient"]) == 0
    out = capsys.readouterr()
    ran = [line for line in out.out.splitlines() if line.startswith(("PASS", "FAIL"))]
    assert 0 < len(ran) < 3 and out.err.strip().endswith(f"{len(ran)} passed, 0 failed")
    # a failing test first: --fail-fast runs nothing after it
    text = DEMO_SPEC.read_text(encoding="utf-8")
    first = text.index("\ntest ")
    broken = text[:first] + '\ntest "fails" {\n  expect check "completeness emr.patient.birth_date" warn\n}\n' + text[first:]
    spec = DEMO_SPEC.parent / "_h20_failfast.mig"
    spec.write_text(broken, encoding="utf-8")
    try:
        assert main(["test", str(spec), "--fail-fast"]) == 1
        out = capsys.readouterr()
        assert out.err.strip().endswith("0 passed, 1 failed")
        assert main(["test", str(spec)]) == 1
        assert not capsys.readouterr().err.strip().endswith("0 passed, 1 failed")
    finally:
        spec.unlink()
