"""Canonical row hashes: compare tables across engines without trusting driver types.

Each value is rendered one way whatever the engine returned: a typed NULL marker, integers
in decimal, decimals at a fixed scale, dates ISO, timestamps UTC at microseconds, booleans
as words, text as is (no case or whitespace folding).  Rows are joined with a field
separator, sorted, and hashed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, Protocol

from sqlglot import exp

from compiler.sqlgen.base import GenBase
from compiler.sqlgen.lower import col
from compiler.sqlgen.text import sql_text

NULL = "\\N"
FIELD = "\x1f"
ROW = "\x1e"
SCALE = Decimal("0.0001")


class Queries(Protocol):
    """What `table_digests` needs of an engine (compiler/runtime/engines/base.py `Engine`)."""

    def query(self, sql: str) -> list[tuple[Any, ...]]: ...


def canonical_value(v: object) -> str:
    if v is None:
        return NULL
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, (Decimal, float)):
        return str(Decimal(str(v)).quantize(SCALE))
    if isinstance(v, datetime):
        if v.tzinfo is not None:
            v = v.astimezone(UTC).replace(tzinfo=None)
        return v.isoformat(sep=" ", timespec="microseconds")
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, (bytes, bytearray)):
        return v.decode("utf-8")
    return str(v)


def canonical_rows(rows: Sequence[tuple[object, ...]]) -> list[str]:
    return sorted(FIELD.join(canonical_value(v) for v in r) for r in rows)


def digest(rows: Sequence[tuple[object, ...]]) -> str:
    h = hashlib.sha256()
    for line in canonical_rows(rows):
        h.update(line.encode("utf-8"))
        h.update(ROW.encode())
    return h.hexdigest()


def table_digests(engine: Queries, gen: GenBase) -> dict[str, tuple[int, str]]:
    """{"emr.patient": (rows, sha256)} for every target table, read from the published tables."""
    out = {}
    for tgt in gen.spec.targets:
        for t in tgt.tables:
            q = exp.select(*[col(c.name) for c in t.columns]).from_(gen.tbl(tgt.name, t.name))
            rows = engine.query(sql_text(q, gen.dialect))
            out[f"{tgt.name}.{t.name}"] = (len(rows), digest(rows))
    return out
