"""What every engine adapter provides to the runner."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlglot import exp

from compiler.dialects import Dialect
from compiler.errors import EnvironmentProblem
from compiler.runtime.staging import Prepared, SourceFile

if TYPE_CHECKING:
    from compiler.sqlgen.dialect_sql import DialectTraits

QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|\([^()]*\)=\([^()]*\)")


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def redact(message: str) -> str:
    """Database messages can quote row values ("Duplicate key \"mrn: P001\" ..."): blank
    every quoted part so that no PHI reaches the terminal or a log."""
    return QUOTED.sub(lambda m: m.group(0)[0] + "…" + m.group(0)[-1] if m.group(0)[0] in "'\"" else "(…)=(…)", message)


class EngineError(EnvironmentProblem):
    """Database unreachable, statement failed, ...: exit code 3.  Messages carry no row data."""


class TargetBusy(EngineError):
    """Another run (or program) holds the target's lock (compiler/runtime/lock.py waits, then
    raises this): exit code 3."""


@dataclass
class StageResult:
    """What staging one source file found."""

    qualified: str
    file: str
    staged: int
    malformed: int
    prepared: Prepared | None = field(default=None, repr=False, compare=False)  # to locate staged rows again

    @property
    def records(self) -> int:
        return self.staged + self.malformed

    def malformed_by_code(self) -> dict[str, int]:
        """Reason code -> malformed records (parse-level rejects)."""
        if self.prepared is None:
            return {}
        return dict(sorted(Counter(f.code for f in self.prepared.scan.bad_records).items()))


class Engine(Protocol):
    record: Dialect  # the dialect record of compiler/dialects/
    dialect: str  # record.name
    display_url: str

    def begin(self) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def close(self) -> None: ...
    def execute(self, sql: str) -> None: ...
    def query(self, sql: str) -> list[tuple[Any, ...]]: ...
    def insert_rows(self, tbl: exp.Table, columns: list[str], rows: list[tuple[Any, ...]]) -> None: ...
    def export_csv(self, sql: str, path: Path) -> None: ...
    def stage(self, sf: SourceFile, workdir: Path, stage_tbl: exp.Table, rejects_tbl: exp.Table, traits: DialectTraits) -> StageResult: ...


class EngineClass(Protocol):
    """An adapter class, as `engine_class()` returns it: `.open(url)` connects."""

    record: Dialect
    dialect: str

    def open(self, url: str) -> Engine: ...
