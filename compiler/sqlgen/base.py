"""What the parts of the generator use of `SqlGen`, declared once, below it.

`SqlGen` (compiler/sqlgen/scripts.py) sets these attributes and defines these methods.  Its
mixins (`SetupScripts`, `PublishScripts`) derive from `GenBase`, and the modules it calls
(map statements, checks, row digests) take a `GenBase`, so that each is checked on its own
without importing `scripts` (which imports them).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from sqlglot import exp

from compiler import ir
from compiler.diagnostics import Span
from compiler.plan.phases import PhaseInput
from compiler.semantic.catalog import Catalog
from compiler.semantic.checked import Checked
from compiler.sqlgen.dialect_sql import DialectTraits
from compiler.sqlgen.lower import ExprLowering, Resolver, TypeOf
from compiler.sqlgen.refs import JoinedRefs
from compiler.sqlgen.statements import Statement


class GenBase:
    """The state and helpers of `SqlGen` (declarations: `SqlGen` defines them)."""

    checked: Checked
    spec: ir.Spec
    cat: Catalog
    dialect: str
    traits: DialectTraits
    maps: list[ir.Map]
    shadow: bool  # every published table is built as a shadow table (SqlGen.__init__)
    phase: PhaseInput | None  # a phased run: the phases whose rows the maps read (sqlgen/phases.py)

    def st(self, sql: exp.Expression, comment: str, span: Span | None = None, query: str | None = None) -> Statement:
        raise NotImplementedError

    def key_text(self, parts: Sequence[exp.Expression]) -> exp.Expression:
        raise NotImplementedError

    def tbl(self, schema: str | None, name: str, alias: str | None = None, building: bool = False) -> exp.Table:
        raise NotImplementedError

    def work(self, name: str, alias: str | None = None) -> exp.Table:
        raise NotImplementedError

    def create_work(self, name: str, query: exp.Expression) -> exp.Create:
        raise NotImplementedError

    def lowering(self, resolve: Resolver, type_of: TypeOf | None = None, refs: JoinedRefs | None = None) -> ExprLowering:
        raise NotImplementedError

    def target_sql_type(self, c: ir.Column) -> exp.DataType:
        raise NotImplementedError

    def create_table(
        self,
        tbl: exp.Table,
        cols: Sequence[tuple[str, str | exp.DataType, bool]],
        primary_key: Sequence[str] = (),
        uniques: Sequence[Sequence[str]] = (),
        if_not_exists: bool = False,
        keys: Collection[str] = ("legacy_key", "source_key", "key"),
    ) -> exp.Create:
        raise NotImplementedError

    def state_setup(self) -> list[Statement]:
        raise NotImplementedError

    # phased runs (defined in sqlgen/phases.py)
    def phase_setup(self) -> list[Statement]:
        raise NotImplementedError

    def phase_published(self) -> list[tuple[str, str]]:
        raise NotImplementedError

    def phase_apply(self) -> list[Statement]:
        raise NotImplementedError

    def phase_selected(self, m: ir.Map, resolve: Resolver) -> exp.Expression | None:
        raise NotImplementedError

    def phase_rules(self, m: ir.Map, field: Callable[[str], exp.Expression], low: ExprLowering) -> list[tuple[exp.Expression, str, str]]:
        raise NotImplementedError
