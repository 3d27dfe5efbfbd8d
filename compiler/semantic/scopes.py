"""Name resolution inside a validation rule or a target check constraint: one table's columns."""

from __future__ import annotations

from typing import Protocol

from compiler import ir
from compiler.diagnostics import did_you_mean
from compiler.ir import types as T
from compiler.semantic.catalog import Catalog, FieldRef, Ref


class Scope(Protocol):
    """Where names are resolved while typing an expression: a `MapScope` or a `TableScope`."""

    def resolve(self, name: ir.Name, rule_context: bool) -> Ref | str:
        """The reference a name denotes, or an error message."""
        ...


class TableScope:
    """Names inside a validation rule or check constraint: the columns of one table."""

    def __init__(self, catalog: Catalog, table: str):
        self.catalog = catalog
        self.table = table

    def resolve(self, name: ir.Name, rule_context: bool) -> FieldRef | str:
        cols = self.catalog.table_columns(self.table) or {}
        col = name.parts[-1]
        if len(name.parts) > 1 and ".".join(name.parts[:-1]) not in (self.table, self.table.split(".")[-1]):
            return f"only columns of {self.table} can be used here"
        if col not in cols:
            return f"unknown column `{col}` in {self.table}{did_you_mean(col, cols)}"
        typ = self.catalog.column_type(self.table, col) or T.ANY
        return FieldRef(col, typ)
