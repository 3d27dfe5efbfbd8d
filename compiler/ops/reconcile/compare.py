"""Compare one table of the expected target (a DuckDB database) with the live target.

Three levels, each only where the one before found a difference: row counts and the
hash-only pass (per segment: rows and a sum of row hashes, computed inside each engine);
then (key, row hash) pairs of the differing segments, brought from the live engine as CSV
(PostgreSQL: COPY) into the expected DuckDB and joined there; then, for the differing
keys only, the canonical text of every compared column from both sides, which names the
changed columns.  Values never leave this module unless `show_values`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlglot import exp

from compiler.dialects import DUCKDB
from compiler.runtime.engines.base import Engine
from compiler.sqlgen.lower import table as table_ref
from compiler.sqlgen.row_hash import HASH, KEY, SINCE, HashedTable, RowHashSql, local_type

BATCH = 5_000  # keys per drill-down query
MASK = "***"
LIVE_ROWS = "__live_rows"


@dataclass
class RowDiff:
    """One differing row: its key (masked when a key column is phi) and, when changed, the columns that differ."""

    key: str
    columns: list[str] = field(default_factory=list)
    values: dict[str, dict[str, str]] | None = None  # column -> {"expected", "live"}: --show-values only

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"key": self.key}
        if self.columns:
            out["columns"] = self.columns
        if self.values is not None:
            out["values"] = self.values
        return out


@dataclass
class TableDiff:
    table: str
    key: list[str]
    expected_rows: int = 0
    live_rows: int = 0
    segments: int = 0  # segments whose hashes differ (of 256)
    missing: list[RowDiff] = field(default_factory=list)  # expected, not in the live target
    extra: list[RowDiff] = field(default_factory=list)  # in the live target, not expected
    changed: list[RowDiff] = field(default_factory=list)
    drift_extra: list[RowDiff] = field(default_factory=list)  # extra, changed since --since: expected drift
    drift_changed: list[RowDiff] = field(default_factory=list)

    @property
    def drifted(self) -> bool:
        """Unexplained differences (expected drift does not count)."""
        return bool(self.missing or self.extra or self.changed)

    def as_json(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "key": self.key,
            "expected_rows": self.expected_rows,
            "live_rows": self.live_rows,
            "differing_segments": self.segments,
            "status": "drift" if self.drifted else "no drift",
            "missing": [r.as_json() for r in self.missing],
            "extra": [r.as_json() for r in self.extra],
            "changed": [r.as_json() for r in self.changed],
            "expected_drift": {"extra": [r.as_json() for r in self.drift_extra], "changed": [r.as_json() for r in self.drift_changed]},
        }


def one(engine: Engine, sql: str) -> Any:
    return engine.query(sql)[0][0]


def segment_sums(engine: Engine, sql: RowHashSql) -> dict[str, tuple[int, int]]:
    return {str(s): (int(n), int(total or 0)) for s, n, total in engine.query(sql.segments_sql())}


def differing_segments(expected: Engine, live: Engine, e_sql: RowHashSql, l_sql: RowHashSql) -> list[str]:
    """The hash-only pass: the segments whose row count or hash sum differ, sorted."""
    a, b = segment_sums(expected, e_sql), segment_sums(live, l_sql)
    return sorted(s for s in set(a) | set(b) if a.get(s) != b.get(s))


def compare_table(
    expected: Engine,
    live: Engine,
    table: HashedTable,
    live_table: HashedTable,
    workdir: Path,
    since: str | None = None,
    show_values: bool = False,
) -> TableDiff:
    """The differences of one table; `expected` is the DuckDB engine holding the expected
    rows, and where the live pairs are joined."""
    e_sql, l_sql = RowHashSql(expected.dialect, table), RowHashSql(live.dialect, live_table)
    diff = TableDiff(table.name, [c.name for c in table.key])
    diff.expected_rows, diff.live_rows = int(one(expected, e_sql.count_sql())), int(one(live, l_sql.count_sql()))
    expected.execute(f"CREATE OR REPLACE TEMP TABLE __expected AS {e_sql.pairs_sql(None, None)}")
    drill, d_sql = bring_live(expected, live, l_sql, workdir, since)
    since_col = f'l."{SINCE}"' if live_table.since is not None and since is not None else "0"
    rows = expected.query(
        f'SELECT COALESCE(e."{KEY}", l."{KEY}"), e."{HASH}" IS NULL, l."{HASH}" IS NULL, COALESCE({since_col}, 0) '
        f'FROM __expected e FULL JOIN __live l ON e."{KEY}" = l."{KEY}" '
        f'WHERE e."{HASH}" IS DISTINCT FROM l."{HASH}" ORDER BY 1'
    )
    # the segments (first two hex digits of the key's md5) holding a difference
    diff.segments = len({hashlib.md5(str(r[0]).encode("utf-8")).hexdigest()[:2] for r in rows})
    changed = [k for k, extra, missing, _ in rows if not extra and not missing]
    columns = changed_columns(expected, drill, e_sql, d_sql, changed, show_values)
    for name in ("__expected", "__live", LIVE_ROWS):
        expected.execute(f"DROP TABLE IF EXISTS {name}")
    masked_key = any(c.phi for c in table.key)
    for k, extra, missing, after in rows:
        shown = MASK if masked_key and not show_values else k
        if missing:
            diff.missing.append(RowDiff(shown))
            continue
        if extra:
            (diff.drift_extra if after else diff.extra).append(RowDiff(shown))
            continue
        names, values = columns.get(k, ([], {}))
        row = RowDiff(shown, names, values if show_values else None)
        (diff.drift_changed if after else diff.changed).append(row)
    return diff


def read_csv(path: Path, types: dict[str, str]) -> str:
    """DuckDB's read_csv of an exported file: these columns, quoted "" an empty text (not NULL)."""
    spec = ", ".join(f"{exp.Literal.string(k).sql(DUCKDB.name)}: {exp.Literal.string(v).sql(DUCKDB.name)}" for k, v in types.items())
    where = exp.Literal.string(str(path)).sql(DUCKDB.name)
    return f"read_csv({where}, header = false, columns = {{{spec}}}, quote = '\"', escape = '\"', allow_quoted_nulls = false)"


def bring_live(expected: Engine, live: Engine, l_sql: RowHashSql, workdir: Path, since: str | None) -> tuple[Engine, RowHashSql]:
    """The live (key, hash[, since]) pairs as table __live of the expected DuckDB, and where
    (engine, statements) the live rows are read for the drill-down.  The record says what
    moves: "pairs" hashed in the live engine, or "rows" in its own text, hashed here."""
    path = workdir / "live.csv"
    forms = live.record.canonical
    table = l_sql.table
    with_since = table.since is not None and since is not None
    try:
        if forms.transfer == "rows":
            for st in forms.session:
                live.execute(st)
            live.export_csv(l_sql.native_sql(), path)
            wanted = list(table.columns) + ([table.since] if table.since else [])
            expected.execute(
                f"CREATE OR REPLACE TEMP TABLE {LIVE_ROWS} AS SELECT * FROM {read_csv(path, {c.name: local_type(c) for c in wanted})}"
            )
            local = RowHashSql(expected.dialect, table.read_back(table_ref(LIVE_ROWS)))
            expected.execute(f"CREATE OR REPLACE TEMP TABLE __live AS {local.pairs_sql(None, since)}")
            return expected, local
        live.export_csv(l_sql.pairs_sql(None, since), path)
        types = {KEY: "VARCHAR", HASH: "VARCHAR"} | ({SINCE: "INTEGER"} if with_since else {})
        expected.execute(f"CREATE OR REPLACE TEMP TABLE __live AS SELECT * FROM {read_csv(path, types)}")
        return live, l_sql
    finally:
        path.unlink(missing_ok=True)


def canonical_rows(engine: Engine, sql: RowHashSql, keys: Sequence[str]) -> dict[str, tuple[Any, ...]]:
    out: dict[str, tuple[Any, ...]] = {}
    for i in range(0, len(keys), BATCH):
        for row in engine.query(sql.rows_sql(keys[i : i + BATCH])):
            out[str(row[0])] = tuple(row[1:])
    return out


def changed_columns(
    expected: Engine, live: Engine, e_sql: RowHashSql, l_sql: RowHashSql, keys: Sequence[str], show_values: bool
) -> dict[str, tuple[list[str], dict[str, dict[str, str]]]]:
    """key -> (the compared columns whose canonical text differs, their values when shown)."""
    if not keys:
        return {}
    a, b = canonical_rows(expected, e_sql, keys), canonical_rows(live, l_sql, keys)
    names = [c.name for c in e_sql.table.columns]
    out: dict[str, tuple[list[str], dict[str, dict[str, str]]]] = {}
    for k in keys:
        ra, rb = a.get(k), b.get(k)
        if ra is None or rb is None:
            continue
        differ = [n for n, x, y in zip(names, ra, rb, strict=True) if str(x) != str(y)]
        values = {n: {"expected": str(ra[names.index(n)]), "live": str(rb[names.index(n)])} for n in differ} if show_values else {}
        out[k] = (differ, values)
    return out
