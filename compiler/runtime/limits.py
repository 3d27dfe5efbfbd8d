"""Reject limits: `chartshift run --max-rejects LIMIT`, where a run over its limit is not
published (the target stays as it was).

    LIMIT   = [SUBJECT "="] (N | P "%")
    SUBJECT = a target table (its map's rejects)
            | a source table (the rejects of every map reading it, plus its malformed records)
            (no subject: every reject of the run, over every source record)

A count limit `N` is exceeded when more than N rows are rejected; a share `P%` when
100 x rejected / records > P (exactly at the limit is within it; a share of no records is
never exceeded).  The numbers are those of the `reject_rate` check: a `reject_rate`
threshold judges the data, a limit is the operator's condition for publishing it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Protocol

from compiler import ir
from compiler.errors import UsageError
from compiler.semantic.catalog import dotted


class MapCounts(Protocol):
    """What a limit reads of a map's accounting (compiler/runtime/report.py `MapCounts`)."""

    source: str
    target: str
    source_rows: int
    rejected: int


class Staged(Protocol):
    """What a limit reads of a staged file (compiler/runtime/engines/base.py `StageResult`)."""

    qualified: str
    malformed: int


OVERALL = "overall"
_LIMIT = re.compile(r"^(?:(?P<subject>[^=\s]+)=)?(?P<value>[0-9]+(?:\.[0-9]+)?)(?P<percent>%?)$")


@dataclass(frozen=True)
class RejectLimit:
    """One `--max-rejects` option."""

    text: str  # as given, for messages and the report
    subject: str | None  # None: the whole run
    value: Decimal
    percent: bool


@dataclass(frozen=True)
class LimitResult:
    """A limit against what the run rejected."""

    limit: str
    subject: str  # OVERALL or the table
    rejected: int
    records: int
    exceeded: bool

    def message(self) -> str:
        share = f" ({float(Fraction(self.rejected * 100, self.records)):.4g}%)" if self.records else ""
        return f"{self.subject}: {self.rejected:,} of {self.records:,} rows rejected{share}, over the limit --max-rejects {self.limit}"


def parse_limit(text: str) -> RejectLimit:
    """`100`, `2.5%`, `emr.patient=1%`, `legacy.visits=20` -> RejectLimit (UsageError otherwise)."""
    m = _LIMIT.match(text.strip())
    if m is None:
        raise UsageError(f"--max-rejects {text!r}: expected N, P% or TABLE=N / TABLE=P% (for example 100, 1%, emr.patient=0.5%)")
    try:
        value = Decimal(m.group("value"))
    except InvalidOperation:  # the pattern admits only decimals; kept for the type checker
        raise UsageError(f"--max-rejects {text!r}: not a number") from None
    percent = m.group("percent") == "%"
    if percent and value > 100:
        raise UsageError(f"--max-rejects {text!r}: a share is at most 100%")
    if not percent and value != value.to_integral_value():
        raise UsageError(f"--max-rejects {text!r}: a count is a whole number of rows (or give a share: {value}%)")
    return RejectLimit(text.strip(), m.group("subject"), value, percent)


def subjects(spec: ir.Spec) -> tuple[list[str], list[str]]:
    """(target tables filled by a map, source tables read by one), in spec order."""
    targets = list(dict.fromkeys(dotted(m.target) for m in spec.maps))
    sources = list(dict.fromkeys(dotted(m.source) for m in spec.maps))
    return targets, sources


def check_subjects(limits: Sequence[RejectLimit], spec: ir.Spec) -> None:
    """Before any work: every limit names a table a map fills or reads."""
    targets, sources = subjects(spec)
    for lim in limits:
        if lim.subject is not None and lim.subject not in targets and lim.subject not in sources:
            raise UsageError(
                f"--max-rejects {lim.text}: `{lim.subject}` is neither a target table a map fills "
                f"({', '.join(targets) or 'none'}) nor a source table a map reads ({', '.join(sources) or 'none'})"
            )


def measure(limits: Sequence[RejectLimit], maps: Sequence[MapCounts], sources: Sequence[Staged]) -> list[LimitResult]:
    """Each limit with the rejects and records it counts, and whether it is exceeded."""
    malformed = {s.qualified: s.malformed for s in sources}
    out = []
    for lim in limits:
        if lim.subject is None:
            rejected = sum(m.rejected for m in maps) + sum(malformed.values())
            records = sum(m.source_rows for m in maps) + sum(malformed.values())
        else:
            by_target = [m for m in maps if m.target == lim.subject]
            if by_target:
                rejected = sum(m.rejected for m in by_target)
                records = sum(m.source_rows for m in by_target)
            else:  # a source table (check_subjects knows it is one)
                reading = [m for m in maps if m.source == lim.subject]
                rejected = sum(m.rejected for m in reading) + malformed.get(lim.subject, 0)
                records = sum(m.source_rows for m in reading) + malformed.get(lim.subject, 0)
        out.append(LimitResult(lim.text, lim.subject or OVERALL, rejected, records, exceeded(lim, rejected, records)))
    return out


def exceeded(lim: RejectLimit, rejected: int, records: int) -> bool:
    if not lim.percent:
        return rejected > lim.value
    if records == 0:
        return False
    return Fraction(rejected * 100, records) > Fraction(lim.value)
