"""The rejects with their records' positions where tables cannot be updated (Spark's
Parquet): a new table from a left join with the positions found, swapped for the old one
(compiler/runtime/run.py `locate_map_rejects` updates in place elsewhere)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlglot import exp

from compiler.sqlgen.dialect_sql import DialectTraits
from compiler.sqlgen.lower import col, drop_table, lit

LOCATED = "__cs_located"


def rewritten_rejects(
    traits: DialectTraits, rejects: exp.Table, positions: exp.Table, mine: exp.Condition, file: str, columns: Sequence[str]
) -> list[exp.Expression]:
    """Where tables cannot be updated (Spark's Parquet): the rejects with the positions set,
    as a new table (a left join, REJECT_COLUMNS in order), swapped for the old one."""
    located = rejects.copy()
    located.set("this", exp.to_identifier(rejects.name + LOCATED, quoted=True))

    def of_r(e: exp.Condition) -> Any:
        return e.transform(lambda n: col(n.name, "r") if isinstance(n, exp.Column) else n)

    on = exp.and_(of_r(mine), col("record", "p").eq(col("record", "r")))
    values: list[Any] = []
    for c in columns:  # as the UPDATE would set them: the file, the position found (or NULL)
        value: exp.Expression = col(c, "r")
        if c == "source_file":
            value = exp.Case().when(of_r(mine), lit(file)).else_(value)
        elif c in ("source_line", "byte_offset", "original_row"):
            value = exp.Case().when(of_r(mine), col(c, "p")).else_(value)
        values.append(exp.alias_(value, c, quoted=True))
    query = exp.select(*values).from_(rejects.copy().as_("r")).join(positions.copy().as_("p"), on=on, join_type="left")
    rename = traits.rename_tables
    assert rename is not None  # no updates: a rename-publishing engine
    return [
        drop_table(located.copy()),
        exp.Create(this=located.copy(), kind="TABLE", expression=query),
        drop_table(rejects.copy()),
        *rename([(located.copy(), rejects.copy())]),
    ]
