"""Validation verdicts: a check query's numbers against the check's thresholds.

Every check measures a violating count and a denominator (the SQL is compiler.sqlgen.checks).
Thresholds:
  `fail above X%` / `warn above X%`  -> crossed when violations/denominator*100 > X
  `fail above N`  / `warn above N`   -> crossed when violations > N
  `fail below X%` / `warn below X%`  -> crossed when the passing share (100 - percent) < X
Exactly at a threshold is not crossed.  With no threshold, any violation fails
(`fail above 0`).  A denominator of zero gives `not applicable`.  Comparisons use exact
fractions, so 3 bad rows in 1.86 million are never rounded to 0 %.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, cast

from compiler import ir

PASS, WARN, FAIL, NA = "pass", "warn", "fail", "not applicable"


@dataclass
class CheckResult:
    """The measured numbers and verdict of one check."""

    name: str
    kind: str
    line: int
    status: str
    count: int | float  # a row count; a reconcile gap can be a fraction
    denominator: int | float
    percent: float | None
    threshold: dict[str, str]
    left: float | None = None
    right: float | None = None


def threshold_dict(c: ir.Check) -> dict[str, str]:
    out: dict[str, str] = {}
    for th in c.thresholds:
        out[th.level] = f"{th.direction} {th.value}{'%' if th.percent else ''}"
    if not c.thresholds:
        out["fail"] = "above 0"
    return out


DEFAULT_THRESHOLD: tuple[Literal["fail"], Literal["above"], str, bool] = ("fail", "above", "0", False)


def crossed(th: ir.Threshold, count: Fraction, denominator: Fraction) -> bool:
    value = Fraction(Decimal(th.value))
    if th.direction == "above":
        measured = count * 100 / denominator if th.percent else count
        return measured > value
    return 100 - count * 100 / denominator < value


def verdict(c: ir.Check, count: int | Fraction, denominator: int | Fraction) -> str:
    """pass / warn / fail / not applicable for `count` violations out of `denominator`."""
    count, denominator = Fraction(count), Fraction(denominator)
    if denominator == 0:
        if isinstance(c, ir.ReconcileCheck):  # 0 = 0 balances; anything against 0 does not
            return PASS if count == 0 else FAIL
        return NA
    level, direction, value, percent = DEFAULT_THRESHOLD
    thresholds = c.thresholds or [ir.Threshold(span=c.span, level=level, direction=direction, value=value, percent=percent)]
    status = PASS
    for th in thresholds:
        if crossed(th, count, denominator):
            if th.level == "fail":
                return FAIL
            status = WARN
    return status


RECONCILE_GAP: dict[str, Callable[[Fraction, Fraction], Fraction | int]] = {
    "=": lambda l, r: abs(l - r),
    "<=": lambda l, r: cast(Fraction | int, max(l - r, 0)),  # max() of mixed types is typed as a bare comparable
    ">=": lambda l, r: cast(Fraction | int, max(r - l, 0)),
}


def evaluate(c: ir.Check, row: tuple[Any, ...]) -> CheckResult:
    """Turn a check query's result row into a CheckResult."""
    if isinstance(c, ir.ReconcileCheck):
        left = Fraction(Decimal(str(row[0] or 0)))
        right = Fraction(Decimal(str(row[1] or 0)))
        gap = (
            RECONCILE_GAP[c.compare](left, right)
            if c.compare in RECONCILE_GAP
            else Fraction(0 if eval_compare(c.compare, left, right) else 1)
        )
        denominator: Fraction | int = abs(right)
        pct = float(gap * 100 / denominator) if denominator else None
        return CheckResult(
            c.name,
            c.kind,
            c.span.line,
            verdict(c, gap, denominator),
            as_number(gap),
            as_number(denominator),
            pct,
            threshold_dict(c),
            as_number(left),
            as_number(right),
        )
    count, denominator = int(row[0] or 0), int(row[1] or 0)
    pct = float(Fraction(count * 100, denominator)) if denominator else None
    return CheckResult(c.name, c.kind, c.span.line, verdict(c, count, denominator), count, denominator, pct, threshold_dict(c))


def eval_compare(op: str, left: Fraction, right: Fraction) -> bool:
    """The strict comparisons; `!=` is the grammar's other spelling of `<>`."""
    return {"<": left < right, ">": left > right, "<>": left != right, "!=": left != right}[op]


def as_number(x: Fraction | int) -> int | float:
    return int(x) if x.denominator == 1 else float(x)
