"""Generated SQL: golden files, determinism, quoting; and executing it on DuckDB."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from compiler.pipeline import load, render_all
from compiler.runtime.run import run
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
MINI = GOLDEN / "mini.mig"


CONFORMANCE = sorted((ROOT / "tests" / "conformance" / "specs").glob("*.mig"))
# (spec, dialects, golden folder): the mini spec on DuckDB, and each construct's
# conformance spec on every dialect, so a reviewer sees each construct's SQL per engine.
GOLDEN_CASES = [(MINI, "duckdb", GOLDEN / "mini" / "duckdb")] + [
    (spec, dialect, GOLDEN / "conformance" / spec.stem / dialect)
    for spec in CONFORMANCE
    for dialect in ("duckdb", "postgres", "mysql", "spark")
]


@pytest.mark.parametrize(("spec", "dialect", "folder"), GOLDEN_CASES, ids=[f"{s.stem}-{d}" for s, d, _ in GOLDEN_CASES])
def test_golden_sql_matches(monkeypatch, spec, dialect, folder):
    monkeypatch.chdir(ROOT)  # the spec path is part of the header, so compile it by its repo path
    files = render_all(load(spec.relative_to(ROOT)), dialect)
    if os.environ.get("UPDATE_GOLDEN"):
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.sql"):
            old.unlink()
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8", newline="\n")
    expected = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.sql")}
    assert sorted(files) == sorted(expected), f"golden files missing for {spec.name} on {dialect} (UPDATE_GOLDEN=1 writes them)"
    for name, text in files.items():
        assert text == expected[name], f"{name} differs from the golden file (UPDATE_GOLDEN=1 to accept)"


def test_output_is_deterministic():
    a = render_all(load(MINI), "duckdb")
    b = render_all(load(MINI), "duckdb")
    assert a == b


def test_rendering_copies_trees_that_share_a_node():
    """render_all lets sqlglot render its fresh trees in place, unless a node is held
    in two places (a rewrite of it would show in both)."""
    from sqlglot import exp

    from compiler.emit.render import exclusive
    from compiler.sqlgen.scripts import Script, Statement

    shared = exp.column("a")
    one, two = exp.select(exp.column("b")), exp.select(exp.column("c"))
    assert exclusive([Script("s", "t", [Statement(one, ""), Statement(two, "")])])
    one.set("where", shared)
    two.set("where", shared)
    assert not exclusive([Script("s", "t", [Statement(one, ""), Statement(two, "")])])
    assert not exclusive([Script("s", "t", [Statement(exp.Tuple(expressions=[shared, shared]), "")])])
    compiled = load(MINI)
    from compiler.pipeline import scripts_for

    assert exclusive(scripts_for(compiled, "duckdb"))  # the generator shares no nodes


def test_every_statement_names_its_spec_line():
    files = render_all(load(MINI), "duckdb")
    text = files["20_01_emr_patient.sql"]
    assert "mini.mig:52:" in text  # the map's line
    assert "sha256" in files["00_setup.sql"].splitlines()[1]


def test_identifiers_are_quoted_and_literals_escaped(tmp_path):
    spec = MINI.read_text().replace('reject "visit for unknown patient"', 'reject "it\'s a \\"quoted\\" reason; DROP TABLE x"')
    p = tmp_path / "q.mig"
    p.write_text(spec)
    files = render_all(load(p), "duckdb")
    text = files["20_02_emr_charge.sql"]
    assert "'it''s a \"quoted\" reason; DROP TABLE x'" in text
    assert '"emr"."charge"' in text


def write_mini_data(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "PATIENTS.csv").write_text(
        "pat_no,fname,lname,dob,gender,status\n"
        "P1,ann,LEE,03/04/1980,f,A\n"
        "P2,bob,smith,1975-02-30,M,A\n"  # impossible date -> rejected
        "P3,Ann ,lee,1980-03-04,F,A\n"  # duplicate of P1 -> merged
        "P4,zoë,müller,,x,A\n"  # no dob: loaded, sex unknown
        "P5,del,eted,01/01/1990,M,D\n"  # deleted -> filtered
    )
    (folder / "VISITS.csv").write_text(
        "visit_id,pat_no,clinic,cpt1,units1,cpt2,units2\n"
        "10,P1,N,97110,2,97140,1\n"
        "11,P3,S,97530,1,,\n"  # patient merged -> follows P1
        "12,P9,N,97110,1,,\n"  # unknown patient -> rejected
        "13,P4,X,g0283,9,,\n"  # units 9 breaks the check constraint
    )
    (folder / "CLINICS.csv").write_text("code,name\nN,North\nS,South\n")


def test_executing_the_mini_spec(tmp_path):
    write_mini_data(tmp_path / "data")
    db = tmp_path / "mini.duckdb"
    report = run(load(MINI), tmp_path / "data", f"duckdb:///{db}", commit_on_fail=True)
    counts = {m.target: (m.source_rows, m.loaded, m.rejected, m.filtered, m.merged) for m in report.maps}
    assert counts == {"emr.patient": (5, 2, 1, 1, 1), "emr.charge": (8, 3, 2, 3, 0)}
    con = duckdb.connect(str(db), read_only=True)
    patients = con.execute(
        'SELECT "id", "mrn", "first_name", "last_name", CAST("birth_date" AS VARCHAR), "sex" FROM "emr"."patient" ORDER BY 1'
    ).fetchall()
    charges = con.execute('SELECT "patient_id", "clinic_name", "cpt", "units" FROM "emr"."charge" ORDER BY "id"').fetchall()
    reasons = con.execute('SELECT "source_key", "rule", "reason" FROM "chartshift"."rejects" ORDER BY 1, 2').fetchall()
    con.close()
    assert patients == [(1, "P1", "Ann", "Lee", "1980-03-04", "female"), (2, "P4", "Zoë", "Müller", None, "unknown")]
    assert charges == [(1, "North", "97110", 2), (1, "North", "97140", 1), (1, "South", "97530", 1)]
    assert reasons == [
        ("12", "reject:73", "visit for unknown patient"),
        ("13", "check:emr.charge.units", "units fails its check constraint"),
        ("P2", "reject:60", "unparseable date of birth"),
    ]
