"""DuckDB adapter: embedded, a file target; the whole run is one transaction."""

from __future__ import annotations

import os
import re
import secrets
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import parse_qs, urlsplit

import duckdb
from sqlglot import exp

from compiler.dialects import DUCKDB
from compiler.runtime.engines.base import EngineError, StageResult, TargetBusy, first_line, redact
from compiler.runtime.scratch import hold_private_umask, make_private, release_private_umask
from compiler.runtime.staging import REJECT_COLUMNS, SourceFile, duckdb_create_stage, prepare
from compiler.sqlgen.lower import table
from compiler.sqlgen.text import sql_text

if TYPE_CHECKING:
    from compiler.sqlgen.dialect_sql import DialectTraits

# Settings a target URL may give (`duckdb:///x.duckdb?memory_limit=4GB&threads=2`), with the
# defaults chartshift applies: a bounded buffer pool that spills to `<target>.tmp`, so that a
# large export runs in bounded memory instead of DuckDB's default 80 % of RAM.
URL_SETTINGS = {"memory_limit": "1GB", "threads": None, "temp_directory": None, "checkpoint_threshold": None}

# DuckDB lets one process write a database file: another one's ATTACH fails with
# `Could not set lock on file "...": Conflicting lock is held in <program> (PID n)`
_HOLDER = re.compile(r"\(PID ([0-9]+)\)")

# what the OS says when a write does not fit: a full disk, a full quota, RLIMIT_FSIZE
NO_SPACE = ("No space left on device", "Disk quota exceeded", "File too large")


def failure(what: str, exc: BaseException, redacted: bool = True) -> EngineError:
    """`what: <DuckDB's first line, quoted parts blanked>`; a write that found no space says
    so plainly (DuckDB's text for it names an internal step: replaying the WAL, a checkpoint)."""
    text = first_line(exc)
    for reason in NO_SPACE:
        if reason in text:
            return EngineError(
                f"{what}: out of space writing the target ({reason}: the disk is full or a file size limit was reached); "
                "the run was not published: free space and run again"
            )
    return EngineError(f"{what}: {redact(text) if redacted else text}")


TARGET_CATALOG = "chartshift_target"
INSERT_BATCH = 500


def settings_of(url: str) -> dict[str, str]:
    """The DuckDB settings of a target URL, defaults filled in; an unknown one is an error."""
    out = {k: v for k, v in URL_SETTINGS.items() if v is not None}
    for name, values in parse_qs(urlsplit(url).query, keep_blank_values=True).items():
        if name not in URL_SETTINGS:
            raise EngineError(f"{url.split('?')[0]}: unknown setting `{name}` (known: {', '.join(URL_SETTINGS)})")
        out[name] = values[-1]
    return out


def path_of(url: str) -> str:
    """duckdb:///rel.duckdb -> rel.duckdb; duckdb:////abs.duckdb -> /abs.duckdb; duckdb://:memory:"""
    parts = urlsplit(url)
    if parts.netloc == ":memory:" or parts.path in ("", "/:memory:"):
        return ":memory:"
    return parts.path[1:] if parts.path.startswith("/") else parts.path


def own_spill_folder(folder: Path) -> Path | None:
    """The default spill folder, private and empty; None when the name is taken by a file
    or a link (left alone: DuckDB then says what it cannot do)."""
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        return None
    if folder.is_dir():
        clear_folder(folder)
        return folder
    try:
        folder.mkdir(mode=0o700)
    except OSError:
        return None  # DuckDB creates it when it first spills, under the private umask
    return folder


def set_aside(folder: Path) -> Path | None:
    """Rename `folder` to a name of this process's own; the new name (None if it failed)."""
    aside = folder.with_name(f"{folder.name}.closing-{os.getpid()}-{secrets.token_hex(4)}")
    try:
        folder.rename(aside)
    except OSError:
        return None
    return aside


def clear_folder(folder: Path) -> None:
    """Empty `folder` and make it private (0700)."""
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
    folder.chmod(0o700)


class DuckDBEngine:
    record = DUCKDB
    dialect = DUCKDB.name

    def __init__(self, con: duckdb.DuckDBPyConnection, display_url: str):
        self.con = con
        self.display_url = display_url
        self.spill_dir: Path | None = None  # created by open(), removed by close()
        self.closed = False  # close() releases the private umask once

    @classmethod
    def open(cls, url: str) -> DuckDBEngine:
        path = path_of(url)
        if path != ":memory:":
            parent = Path(path).parent
            if not parent.exists():
                raise EngineError(f"{url}: folder {parent} does not exist")
        config: dict[str, str | bool | int | float | list[str]] = {
            "autoload_known_extensions": False,
            "autoinstall_known_extensions": False,
            **settings_of(url),
        }
        default_spill = path != ":memory:" and "temp_directory" not in config
        if path != ":memory:":
            config.setdefault("temp_directory", path + ".tmp")
        spill = None  # a folder this engine created for DuckDB to spill into: removed by close()
        given = Path(cast(str, config["temp_directory"])) if "temp_directory" in config and not default_spill else None
        if given is not None and not given.exists():
            try:
                given.mkdir(mode=0o700)  # what spills is row data (PHI): private, like the run's workdir
            except OSError as exc:
                raise EngineError(f"{url.split('?')[0]}: cannot create temp_directory {given}: {exc.strerror}") from None
            spill = given
        # The target holds PHI: it, its `.wal` and what spills are created 0600 (the umask
        # while the engine is open, restored by close()); one made before gets 0600 too.
        hold_private_umask()
        try:
            con = duckdb.connect(":memory:", config=config)
            if path != ":memory:":
                make_private(path, path + ".wal")
                # attached under a fixed name: a file called emr.duckdb would otherwise be a
                # catalog `emr` that DuckDB cannot tell from the target schema `emr`
                con.execute(f"ATTACH {exp.Literal.string(path).sql(DUCKDB.sqlglot)} AS {TARGET_CATALOG}")
                con.execute(f"USE {TARGET_CATALOG}")
                make_private(path, path + ".wal")
        except duckdb.Error as exc:
            release_private_umask()
            if spill is not None:  # made for this open only
                shutil.rmtree(spill, ignore_errors=True)
            if "Could not set lock on file" in str(exc):
                holder = _HOLDER.search(str(exc))
                by = f"process {holder.group(1)}" if holder else "another process"
                raise TargetBusy(f"{url}: the target file is in use by {by} (a DuckDB file has one writer at a time)") from None
            raise failure(f"{url}: cannot open", exc, redacted=False) from None  # names no row data
        except BaseException:
            release_private_umask()
            raise
        if default_spill:
            # `<target>.tmp`, made now that the attach holds the target's lock: no other
            # process spills there; one a killed run left (PHI) is emptied first
            spill = own_spill_folder(Path(path + ".tmp"))
        engine = cls(con, url)
        engine.spill_dir = spill
        return engine

    def begin(self) -> None:
        self.con.begin()

    def commit(self) -> None:
        try:
            self.con.commit()
        except duckdb.Error as exc:
            raise failure(f"{self.display_url}: commit failed", exc) from None

    def rollback(self) -> None:
        try:
            self.con.rollback()
        except duckdb.Error:
            pass

    def drop_connection(self) -> None:
        """Tests: an embedded database has no connection to lose; closing is the nearest."""
        self.con.close()

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            # out of the way while the target is still locked: the next run that opens it
            # makes its own spill folder, never one that this close is removing
            gone = set_aside(self.spill_dir) if self.spill_dir is not None else None
            self.con.close()
            if gone is not None:
                shutil.rmtree(gone, ignore_errors=True)
        finally:
            release_private_umask()

    def execute(self, sql: str) -> None:
        try:
            self.con.execute(sql)
        except duckdb.Error as exc:
            raise failure("statement failed", exc) from None

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        try:
            return self.con.execute(sql).fetchall()
        except duckdb.Error as exc:
            raise failure("query failed", exc) from None

    def export_csv(self, sql: str, path: Path) -> None:
        """The rows of a query as CSV in `path` (reconcile's pairs)."""
        target = exp.Literal.string(str(path)).sql(self.dialect)
        self.execute(f"COPY ({sql}) TO {target} (FORMAT csv, HEADER false)")

    def stage(
        self,
        sf: SourceFile,
        workdir: Path,
        stage_tbl: exp.Table | None = None,
        rejects_tbl: exp.Table | None = None,
        traits: DialectTraits | None = None,
    ) -> StageResult:
        p = prepare(sf, workdir)
        try:
            self.con.execute(sql_text(duckdb_create_stage(p), self.dialect))
        except duckdb.Error as exc:
            raise failure(f"{sf.path}: cannot stage {sf.qualified}", exc) from None
        rejects = rejects_tbl if rejects_tbl is not None else table("rejects", "chartshift")
        self.insert_rows(rejects, REJECT_COLUMNS, p.fault_rows())
        return StageResult(sf.qualified, sf.path.name, p.staged, len(p.scan.bad_records), p)

    def insert_rows(self, tbl: exp.Table, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
        """Insert rows given as Python values (row content: never in SQL text)."""
        if not rows:
            return
        cols = ", ".join(exp.to_identifier(c, quoted=True).sql(self.dialect) for c in columns)
        one = "(" + ", ".join("?" * len(columns)) + ")"
        into = f"INSERT INTO {tbl.sql(self.dialect, identify=True)} ({cols}) VALUES "
        try:
            # many rows per statement: DuckDB's executemany costs milliseconds per row
            for i in range(0, len(rows), INSERT_BATCH):
                batch = rows[i : i + INSERT_BATCH]
                self.con.execute(into + ", ".join([one] * len(batch)), [v for row in batch for v in row])
        except duckdb.Error as exc:
            raise EngineError(f"insert into {tbl.name} failed: {redact(first_line(exc))}") from None
