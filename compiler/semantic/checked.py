"""The one result of checking a spec: the spec, its catalog and the value type of every expression.

Generation reads types from here instead of inferring them again, so a name and a call
mean the same thing in diagnostics and in the generated SQL.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from compiler import ir
from compiler.diagnostics import Diagnostic
from compiler.semantic.catalog import Catalog
from compiler.semantic.coverage import TableCoverage


@dataclass(frozen=True)
class Checked:
    """A spec that passed every semantic check.

    `types` maps `id(node)` to the value type the checker inferred for that expression
    node, in the scope where it appears: every expression of the maps (joins, `each`
    items and `when`, `where`, assignments, reject rules, dedup keys and orders), of the
    target `check` constraints and of the validation rules and aggregates, sub-expressions
    included.  (The parenthesised lists of `each` items and `in` are not values and have
    no type.)  Keyed by identity because IR nodes are mutable pydantic models, not
    hashable, and equal sub-expressions in different scopes may differ in type; the spec
    is held here, so no keyed node is freed and no id reused while this object lives.
    Ask only about nodes of this very spec: a copied node has another id, and no type.
    """

    spec: ir.Spec
    catalog: Catalog
    types: Mapping[int, str | None]
    warnings: tuple[Diagnostic, ...] = ()  # what the checker warned about (the CLI prints them)
    coverage: tuple[TableCoverage, ...] = ()  # column coverage per source table (semantic/coverage.py)

    @classmethod
    def of(
        cls,
        spec: ir.Spec,
        catalog: Catalog,
        types: dict[int, str | None],
        warnings: Sequence[Diagnostic] = (),
        coverage: Sequence[TableCoverage] = (),
    ) -> Checked:
        return cls(spec, catalog, MappingProxyType(dict(types)), tuple(warnings), tuple(coverage))

    def type_of(self, e: ir.Node) -> str | None:
        """The checked value type of expression `e` of this spec (None if it has none)."""
        return self.types.get(id(e))
