"""Which phases a run covers, and the table that records the phases a target has run.

A phased run (`run --phase NAME`) builds the target from the rows of every phase run so
far plus this one (docs/LANGUAGE.md "Phases"): `PhaseInput.ran` lists them, `current`
names the one being run (None: a `--delta` run on a phased target, which keeps to the
phases already run).  A full run without `--phase` records `ALL`: every row, no filter.
"""

from __future__ import annotations

from dataclasses import dataclass

from compiler import ir
from compiler.ir.naming import CHARTSHIFT_SCHEMA
from compiler.semantic.phases import phase_maps

PHASES = (CHARTSHIFT_SCHEMA, "phases")
PHASE_COLUMNS = (
    ("phase", "VARCHAR(200)", True),
    ("ordinal", "BIGINT", True),
    ("files_sha256", "VARCHAR(64)", True),
    ("run_at", "VARCHAR(40)", True),
)
ALL = "*"  # the phases table row of a full run: every row of every map

__all__ = ["ALL", "PHASES", "PHASE_COLUMNS", "PhaseInput", "PhaseRecord", "phase_maps"]


@dataclass(frozen=True)
class PhaseRecord:
    """One row of chartshift.phases."""

    phase: str
    ordinal: int
    files_sha256: str
    run_at: str


@dataclass(frozen=True)
class PhaseInput:
    """The phases a run's maps select rows for: `ran` (run before, and `current`)."""

    ran: tuple[str, ...]
    current: str | None = None
    record: PhaseRecord | None = None  # the row to record (None: a replay or a delta run)

    @property
    def everything(self) -> bool:
        return ALL in self.ran

    def covered(self, spec: ir.Spec) -> list[ir.Phase]:
        names = set(self.ran) | ({self.current} if self.current else set())
        return [p for p in spec.phases if p.name in names]

    def pending(self, spec: ir.Spec) -> list[ir.Phase]:
        names = set(self.ran) | ({self.current} if self.current else set())
        return [p for p in spec.phases if p.name not in names]
