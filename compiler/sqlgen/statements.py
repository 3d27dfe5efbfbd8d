"""What generation produces: statements with their spec positions, grouped into scripts; shared names and types."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from sqlglot import exp

from compiler.diagnostics import Span
from compiler.ir.naming import NEW_SUFFIX as NEW_SUFFIX
from compiler.ir.naming import OLD_SUFFIX as OLD_SUFFIX
from compiler.ir.naming import RECONCILIATION as RECONCILIATION
from compiler.ir.naming import REJECTS as REJECTS

KEY_SEPARATOR = "|"
# chartshift.rejects' columns in table order (setup creates them; staging, the delta apply write them)
REJECT_COLUMNS = (
    "map",
    "source_table",
    "source_key",
    "slot",
    "record",
    "rule",
    "reason",
    "original_row",
    "reason_code",
    "source_file",
    "source_line",
    "byte_offset",
)


@dataclass(frozen=True)
class Upsert:
    """An INSERT ... SELECT that updates the rows whose key exists: rendered with the
    dialect's template (compiler/emit/templates/upsert/<template>.sql.j2)."""

    template: str
    key: list[str]
    update: list[str]  # the columns a conflicting row takes from the new one


@dataclass
class Statement:
    """One SQL statement with the spec position it comes from."""

    sql: exp.Expression
    comment: str
    span: Span | None = None
    query: str | None = None  # for result-returning statements: what the result is ("check:3")
    upsert: Upsert | None = None  # `sql` is the INSERT; the template adds the conflict clause


@dataclass
class Script:
    """One generated file."""

    name: str
    title: str
    statements: list[Statement] = field(default_factory=list)


@cache
def _built_type(sql: str, dialect: str | None) -> exp.DataType:
    return exp.DataType.build(sql, dialect=dialect)


def data_type(sql: str, dialect: str | None = None) -> exp.DataType:
    """exp.DataType.build(sql, dialect), parsed once per type (sqlglot parses the text at
    every call)."""
    return _built_type(sql, dialect).copy()


def where_line(span: Span | None) -> str:
    return f"{span.file}:{span.line}" if span else ""
