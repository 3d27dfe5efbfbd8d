"""The expected target, re-derived from the source in a scratch DuckDB, and the tables
reconcile compares, as each engine names them.

The expected target is what `chartshift run` would load from the same source now: the run
itself, against a DuckDB file in a private scratch folder (runtime/scratch.py), published
even when a check fails (rejected rows are not loaded, as in the real run).  With
`--backup`, the source files come from the encrypted backup, restored into that folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from compiler import ir
from compiler.dialects import DUCKDB
from compiler.ops.secure.keys import Key
from compiler.pipeline import Compiled
from compiler.runtime.run import run
from compiler.runtime.scratch import private_folder
from compiler.semantic.declarations import setting_value
from compiler.sqlgen.row_hash import HashedTable
from compiler.sqlgen.scripts import SqlGen

CHANGED_AT = "changed_at"  # the migration setting naming the live system's last-change column


def changed_at(spec: ir.Spec) -> str | None:
    """`migration { changed_at updated_at }`: the column, if the spec names one."""
    value = setting_value(spec.migration.settings, CHANGED_AT) if spec.migration else None
    return None if value is None else str(value)


def hashed_tables(compiled: Compiled, dialect: str) -> list[HashedTable]:
    """Every target table, in spec order, as `dialect` names it: its key (all compared
    columns without one) and its compared columns (every column but `changed_at`)."""
    gen = SqlGen(compiled.checked, dialect)
    since = changed_at(compiled.spec)
    out = []
    for tgt in compiled.spec.targets:
        for t in tgt.tables:
            columns = tuple(c for c in t.columns if c.name != since)
            by_name = {c.name: c for c in t.columns}
            key = tuple(by_name[k] for k in t.key) if t.key else columns
            stamp = by_name.get(since) if since is not None else None
            out.append(HashedTable(f"{tgt.name}.{t.name}", gen.tbl(tgt.name, t.name), key, columns, stamp))
    return out


@contextmanager
def expected_target(compiled: Compiled, source_dir: Path | None, backup: Path | None = None, key: Key | None = None) -> Iterator[str]:
    """The URL of a scratch DuckDB holding the expected target (removed afterwards)."""
    with private_folder("reconcile") as work:
        if backup is not None:
            from compiler.ops.secure.backup import restore_backup

            assert key is not None  # the CLI requires --key-file with --backup
            source_dir = work / "source"
            restore_backup(backup, key, source_dir)
        url = DUCKDB.url(f"/{work / 'expected.duckdb'}")
        run(compiled, source_dir, url, commit_on_fail=True)
        yield url
