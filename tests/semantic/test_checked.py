"""The checked spec: one result of checking, carrying every expression's type, that
generation consumes without checking again."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from compiler import ir
from compiler.ir.walk import walk
from compiler.pipeline import load, render_all
from compiler.semantic import check as check_module
from compiler.semantic import inference
from compiler.semantic.catalog import Catalog
from compiler.semantic.checked import Checked

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "generated" / "demo_clinic"
DIALECTS = ("duckdb", "postgres", "mysql")
VALUES = (ir.Literal, ir.Name, ir.Call, ir.Unary, ir.Binary, ir.IsNull, ir.InList, ir.Between, ir.Like, ir.Case)


def expression_roots(spec: ir.Spec) -> list:
    """Every expression the spec evaluates: in maps, target check constraints and checks."""
    out: list = []
    for m in spec.maps:
        out += [j.on for j in m.joins]
        if m.each is not None:
            out += m.each.items + ([m.each.when] if m.each.when is not None else [])
        out += m.where + [a.expr for a in m.assigns] + [r.when for r in m.rejects]
        if m.dedup is not None:
            out += m.dedup.keys + [o.expr for o in m.dedup.order]
    out += [c.check for t in spec.targets for tt in t.tables for c in tt.columns if c.check is not None]
    for c in spec.checks:
        if isinstance(c, ir.ConsistentCheck):
            out.append(c.condition)
        if isinstance(c, ir.ReconcileCheck):
            for agg in (c.left, c.right):
                out += [x for x in (agg.expr, agg.where) if x is not None]
    return out


@pytest.fixture(scope="module")
def demo():
    """The demo spec loaded as `chartshift compile` loads it, from the repository root
    (headers name the spec by the path given, lookup files are read relative to it)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        yield load("specs/demo_clinic.mig")


def test_check_returns_one_frozen_checked_object(demo):
    checked = demo.checked
    assert isinstance(checked, Checked)
    assert checked.spec is demo.spec and isinstance(checked.catalog, Catalog) and checked.catalog is demo.catalog
    with pytest.raises(dataclasses.FrozenInstanceError):
        checked.types = {}
    with pytest.raises(TypeError):
        checked.types[0] = "text"


def test_every_expression_of_the_demo_spec_has_a_type(demo):
    nodes = [n for n in walk(expression_roots(demo.spec)) if isinstance(n, VALUES)]
    assert len(nodes) > 200  # the roots above reach the whole spec
    untyped = [f"{type(n).__name__} at line {n.span.line}" for n in nodes if demo.checked.type_of(n) is None]
    assert untyped == []


def test_types_are_the_checkers(demo):
    spec = demo.spec
    visits = next(m for m in spec.maps if any(a.field == "line_no" for a in m.assigns))
    line_no = next(a for a in visits.assigns if a.field == "line_no")
    assert demo.checked.type_of(line_no.expr) == "integer"  # each_index
    crosswalk_id = next(a for a in visits.assigns if isinstance(a.expr, ir.Call) and a.expr.func == ["crosswalk"])
    assert demo.checked.type_of(crosswalk_id.expr) == "integer"
    assert all(demo.checked.type_of(w) == "boolean" for m in spec.maps for w in m.where)
    assert demo.checked.type_of(ir.Name(parts=["x"], span=line_no.span)) is None  # not a node of this spec


def test_generation_from_the_checked_spec_matches_the_committed_sql(demo):
    for dialect in DIALECTS:
        files = render_all(demo, dialect)
        committed = {p.name: p.read_text(encoding="utf-8") for p in (GENERATED / dialect).glob("*.sql")}
        assert files == committed, dialect


def test_generation_checks_nothing_again(demo, monkeypatch):
    """Generation reads the types from the Checked object: no Checker, no type inference."""

    def refuse(*args, **kwargs):
        raise AssertionError("generation must not check the spec again")

    monkeypatch.setattr(check_module.Checker, "__init__", refuse)
    monkeypatch.setattr(inference.TypeInference, "__init__", refuse)
    for dialect in DIALECTS:
        assert render_all(demo, dialect)
