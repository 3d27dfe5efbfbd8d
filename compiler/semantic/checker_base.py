"""What the checker modules share: the state and the expression helpers of the `Checker`.

Each concern's checks are a mixin class (declarations, lookups, maps, validation, spec
tests) that the `Checker` (`check.py`) puts together; they read its attributes and call
its expression helpers.  `CheckerBase` declares those, so each mixin is typed on its own.
"""

from __future__ import annotations

from pathlib import Path

from compiler import ir
from compiler.diagnostics import Collector
from compiler.semantic.catalog import Catalog, MapScope
from compiler.semantic.scopes import Scope


class CheckerBase:
    """The attributes and methods of the `Checker` that its mixins use (set and defined there)."""

    spec: ir.Spec
    base_dir: Path
    cat: Catalog
    diags: Collector
    types: dict[int, str | None]  # id(expression) -> its type (see Checked)
    used_columns: set[tuple[str, str]]  # (qualified source table, column) read by an expression

    def expect_boolean(self, e: ir.Node, typ: str | None, what: str) -> None:
        """Report `e` unless its type `typ` is a condition (defined by the Checker)."""
        raise NotImplementedError

    def lookup_call_type(self, lk: ir.Lookup, e: ir.Call, arg_types: list[str | None]) -> str | None:
        """The type of a call of a lookup (defined in `lookups.LookupChecks`)."""
        raise NotImplementedError

    def type_of(self, e: ir.Node, scope: Scope, rule_context: bool = False) -> str | None:
        """The expression's type, or None after reporting an error inside it (defined by the Checker)."""
        raise NotImplementedError

    def check_agg_call(self, e: ir.AggCall, scope: Scope) -> str | None:
        """The type of an aggregate call, its misuse reported (defined in `groups.py`)."""
        raise NotImplementedError

    def enter_group_fields(self, m: ir.Map) -> None:
        """Aggregates are allowed from here in a `group by` map (defined in `groups.py`)."""
        raise NotImplementedError

    def leave_group_fields(self) -> None:
        """Aggregates are refused again (defined in `groups.py`)."""
        raise NotImplementedError

    def check_group(self, m: ir.Map, scope: MapScope) -> None:
        """The checks of a grouped map (defined in `groups.py`)."""
        raise NotImplementedError
