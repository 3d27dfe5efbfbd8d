"""Semantic analysis: names, types, references, thresholds, map dependencies.

Collects every diagnostic instead of stopping at the first.  The output is the same IR
(unchanged), its catalog and the type of every expression, as one `Checked`; `check()`
raises SpecError when any error was found.
Each concern is checked in its own module (declarations, lookups, maps, unions, validation,
spec tests; expression types in `inference`); the Checker puts them together.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from compiler import ir
from compiler.diagnostics import Collector, Diagnostic, sorted_diagnostics
from compiler.ir import types as T
from compiler.semantic.access import AccessChecks
from compiler.semantic.catalog import Catalog
from compiler.semantic.checked import Checked
from compiler.semantic.coverage import CoverageChecks, coverage
from compiler.semantic.declarations import DeclarationChecks
from compiler.semantic.deltas import DeltaChecks
from compiler.semantic.groups import GroupChecks
from compiler.semantic.identifiers import IdentifierChecks
from compiler.semantic.inference import TypeInference
from compiler.semantic.lookups import LookupChecks
from compiler.semantic.maps import MapChecks
from compiler.semantic.phases import PhaseChecks
from compiler.semantic.scopes import Scope
from compiler.semantic.sequencing import SequencingChecks
from compiler.semantic.spec_tests import SpecTestChecks
from compiler.semantic.union import UnionChecks
from compiler.semantic.validation import ValidationChecks


class Checker(
    DeclarationChecks,
    DeltaChecks,
    LookupChecks,
    MapChecks,
    SequencingChecks,
    UnionChecks,
    GroupChecks,
    ValidationChecks,
    SpecTestChecks,
    IdentifierChecks,
    CoverageChecks,
    AccessChecks,
    PhaseChecks,
):
    """Walks the IR once and records diagnostics in `self.diags`."""

    def __init__(self, spec: ir.Spec, base_dir: Path, dialects: Sequence[str] = ()):
        self.spec = spec
        self.dialects = tuple(dialects)  # `--dialect`s: identifier rules are errors for them
        self.base_dir = base_dir
        self.cat = Catalog.of(spec)
        self.diags = Collector()
        self.types: dict[int, str | None] = {}  # id(expression) -> its type (see Checked)
        self.used_columns: set[tuple[str, str]] = set()  # source columns read (semantic/coverage.py)

    def run(self) -> None:
        self.check_migration()
        self.check_duplicates()
        for src in self.spec.sources:
            self.check_source(src)
            for t in src.tables:
                self.check_delta_table(src, t)
                self.check_ignores(src, t)
        for tgt in self.spec.targets:
            self.check_target(tgt)
        for lk in self.spec.lookups:
            self.check_lookup(lk)
        for m in self.spec.maps:
            self.check_map(m)
            self.check_on_removed(m)
            self.check_sequencing(m)
        self.check_unions()
        self.check_cycles()
        for c in self.spec.checks:
            self.check_check(c)
        self.check_tests()
        self.check_phases()
        self.check_identifiers()
        self.check_coverage()
        self.check_access()

    # ------------------------------------------------------------ expressions
    def expect_boolean(self, e: ir.Node, typ: str | None, what: str) -> None:
        if typ is not None and typ not in (T.BOOLEAN, T.NULL, T.ANY):
            self.diags.error(f"{what} must be a condition (boolean), not {typ}", e.span)

    def type_of(self, e: ir.Node, scope: Scope, rule_context: bool = False) -> str | None:
        """The expression's type, or None after reporting an error inside it."""
        return TypeInference(self, scope, rule_context).infer(e)


def check(spec: ir.Spec, base_dir: Path | str = ".", dialects: Sequence[str] = ()) -> Checked:
    """Run every semantic check; raise SpecError listing all errors (and the warnings).
    Returns the checked spec with its catalog, expression types and warnings.  `dialects`:
    the dialects the spec is checked for besides its own `dialect` setting (identifier
    rules are errors for them, warnings otherwise)."""
    ck = Checker(spec, Path(base_dir), dialects)
    ck.run()
    ck.diags.raise_if_errors()
    warnings = sorted_diagnostics(d for d in ck.diags.diagnostics if d.severity == "warning")
    return Checked.of(spec, ck.cat, ck.types, warnings, coverage(spec, ck.used_columns))


def warnings_of(spec: ir.Spec, base_dir: Path | str = ".", dialects: Sequence[str] = ()) -> list[Diagnostic]:
    ck = Checker(spec, Path(base_dir), dialects)
    ck.run()
    return [d for d in ck.diags.diagnostics if d.severity == "warning"]
