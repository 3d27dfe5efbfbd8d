"""One record per dialect: everything that differs between the databases chartshift
generates SQL for, as data (`Dialect`, in `record.py`).  This layer imports nothing of
chartshift above `ir`; the code that acts on a record lives where it acts (SQL
lowerings in `sqlgen/dialect_sql.py`, connections in `runtime/engines/`).

Adding a runnable dialect:

1. The record: `compiler/dialects/<name>.py` with a `Dialect(...)` (the sqlglot
   dialect, identifier rules, collation, staging, capabilities, target types, URL
   schemes, scratch-database statements), added to `RUNNABLE` below.  The list of
   runnable dialects, `compile`'s default dialects, `functions.DIALECTS` and the
   conformance suite's engines all come from `RUNNABLE`.
2. The function rows: an `Engine(...)` in `ENGINES` of `compiler/functions/sqlkit.py`
   and the per-dialect entries of the tables in `compiler/functions/` (regex.py,
   text.py, dates.py, numbers.py, sqlkit.py `_TYPE_SQL`), keyed by the record's name.
   `tests/functions/test_registry.py` fails while a function has no lowering for it.
3. The engine adapter: `compiler/runtime/engines/<name>.py` (a class with
   `record = <RECORD>`, `dialect = <RECORD>.name`, open/execute/query/stage/...), and
   its row in `ADAPTERS` of `compiler/runtime/engines/__init__.py`.
4. The conformance cases: a `<name>_runner` fixture in `tests/functions/conftest.py`;
   every row of `tests/functions/cases.py` then runs on it, with the same expected
   values.  Then `chartshift compile specs/*.mig` (the new `generated/` folder).

`tests/dialects/test_records.py` checks that these places agree with the records;
`tests/test_dialect_literals.py` that no other module spells a dialect's name.

Other sqlglot dialects compile only (`compile_only.py`), except those without boolean
values (`NO_BOOLEAN_VALUES`), which are refused.
"""

from __future__ import annotations

from compiler.dialects.compile_only import NO_BOOLEAN_VALUES, compile_only, refusal, sqlglot_dialects
from compiler.dialects.duckdb import DUCKDB
from compiler.dialects.mysql import MYSQL
from compiler.dialects.postgres import POSTGRES
from compiler.dialects.record import (
    COMMON_TARGET_TYPES,
    AccessSql,
    Capabilities,
    Collation,
    Dialect,
    IdentifierRules,
    RunLock,
    Staging,
)
from compiler.dialects.spark import SPARK

# the dialects chartshift runs on, in the order `compile` writes them
RUNNABLE: tuple[Dialect, ...] = (DUCKDB, POSTGRES, MYSQL, SPARK)
RUNNABLE_NAMES: tuple[str, ...] = tuple(d.name for d in RUNNABLE)
BY_NAME: dict[str, Dialect] = {d.name: d for d in RUNNABLE}
BY_URL_SCHEME: dict[str, Dialect] = {s: d for d in RUNNABLE for s in d.url_schemes}


def by_url_scheme(scheme: str) -> Dialect | None:
    """The runnable dialect of a target URL's scheme (any case), or None."""
    return BY_URL_SCHEME.get(scheme.lower())


__all__ = [
    "AccessSql",
    "BY_NAME",
    "BY_URL_SCHEME",
    "COMMON_TARGET_TYPES",
    "Capabilities",
    "Collation",
    "DUCKDB",
    "Dialect",
    "IdentifierRules",
    "MYSQL",
    "NO_BOOLEAN_VALUES",
    "POSTGRES",
    "RUNNABLE",
    "RUNNABLE_NAMES",
    "RunLock",
    "SPARK",
    "Staging",
    "by_url_scheme",
    "compile_only",
    "refusal",
    "sqlglot_dialects",
]
