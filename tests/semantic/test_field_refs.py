"""Field references: the dependency levels the generator builds its field layers from."""

from __future__ import annotations

from compiler.pipeline import load
from compiler.semantic.field_refs import field_levels
from tests.conftest import ROOT

SPEC = ROOT / "tests" / "conformance" / "specs" / "field_refs.mig"


def test_levels_follow_references_not_the_written_order():
    compiled = load(SPEC)
    visit = next(m for m in compiled.spec.maps if m.target.parts[-1] == "visit")
    levels = field_levels(compiled.checked.catalog, visit)
    assert levels == {"unit_count": 1, "kind_label": 1, "patient_ref": 1, "double_units": 2, "patient_id": 2, "label": 3}
    patient = next(m for m in compiled.spec.maps if m.target.parts[-1] == "patient")
    # `name` and `status` read the source column `name`, which hides the field
    assert set(field_levels(compiled.checked.catalog, patient).values()) == {1}
