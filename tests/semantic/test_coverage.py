"""Column coverage (semantic/coverage.py): what counts as used, `--strict`, the demo specs.

The warnings and errors themselves are pinned by the fixtures
`coverage_unmapped_columns.mig` and `coverage_ignore_errors.mig`."""

from __future__ import annotations

from pathlib import Path

from compiler.cli.main import main
from compiler.pipeline import load

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "semantic" / "fixtures" / "coverage_unmapped_columns.mig"


def by_table(path: Path) -> dict[str, object]:
    return {c.table: c for c in load(path).checked.coverage}


def test_used_ignored_and_unmapped_columns_per_table():
    cov = by_table(FIXTURE)
    patients, visits = cov["legacy.patients"], cov["legacy.visits"]
    # pat_no: the key and read by the fields; fname: read (its `ignore` is wrong and warned about)
    assert (patients.used, patients.ignored, patients.unmapped) == (("pat_no", "fname"), ("fax",), ("notes", "chart"))
    assert patients.percent == 60.0
    # visits: no map reads it as its source, but `exists` reads pat_no; visit_id is its key
    assert (visits.used, visits.ignored, visits.unmapped) == (("visit_id", "pat_no"), (), ("room",))


def test_strict_makes_an_unmapped_column_an_error(capsys):
    assert main(["check", str(FIXTURE)]) == 0
    assert "warning: column `notes` of legacy.patients is never used by a map" in capsys.readouterr().err
    assert main(["check", "--strict", str(FIXTURE)]) == 2
    err = capsys.readouterr().err
    assert "error: column `notes` of legacy.patients is never used by a map" in err
    assert err.rstrip().endswith("4 errors")


def test_the_demo_specs_cover_every_column(capsys):
    for spec in ("demo_clinic.mig", "two_systems.mig"):
        cov = load(ROOT / "specs" / spec).checked.coverage
        assert cov and all(c.unmapped == () for c in cov), spec
        assert main(["check", "--strict", str(ROOT / "specs" / spec)]) == 0
