"""Verdicts from (violations, denominator) and thresholds, including the exact boundary."""

from __future__ import annotations

import pytest

from compiler import ir
from compiler.runtime.report import show_percent
from compiler.runtime.validate import FAIL, NA, PASS, WARN, evaluate, verdict

SPAN = ir.Span(file="t", line=1, column=1, end_line=1, end_column=2)


def th(level, direction, value, percent=True):
    return ir.Threshold(span=SPAN, level=level, direction=direction, value=value, percent=percent)


def check(*thresholds):
    return ir.CompletenessCheck(span=SPAN, subject=ir.Name(span=SPAN, parts=["a", "b", "c"]), thresholds=list(thresholds))


@pytest.mark.parametrize(
    "thresholds, count, denominator, expected",
    [
        ((), 0, 10, PASS),  # default: fail above 0
        ((), 1, 1_860_000, FAIL),  # one bad row in 1.86 M still fails
        ((), 0, 0, NA),  # nothing to check
        ((th("fail", "below", "99"),), 1, 100, PASS),  # exactly 99 % passing: not below
        ((th("fail", "below", "99"),), 2, 100, FAIL),
        ((th("fail", "above", "1"),), 1, 100, PASS),  # exactly 1 %: not above
        ((th("fail", "above", "1"),), 101, 10_000, FAIL),
        ((th("fail", "above", "10", False),), 10, 1000, PASS),  # count threshold, at the boundary
        ((th("fail", "above", "10", False),), 11, 1000, FAIL),
        ((th("fail", "below", "95"), th("warn", "below", "99")), 2, 100, WARN),
        ((th("fail", "below", "95"), th("warn", "below", "99")), 6, 100, FAIL),
        ((th("warn", "above", "0.2"), th("fail", "above", "1")), 3, 1000, WARN),
        ((th("warn", "above", "0.2"),), 900, 1000, WARN),  # only a warn threshold never fails
        ((th("fail", "above", "0.00001"),), 3, 1_860_000, FAIL),
    ],
)
def test_verdicts(thresholds, count, denominator, expected):
    assert verdict(check(*thresholds), count, denominator) == expected


def test_evaluate_reports_exact_percent():
    r = evaluate(check(), (3, 1_860_000))
    assert (r.count, r.denominator, r.status) == (3, 1_860_000, FAIL)
    assert r.percent == pytest.approx(3 * 100 / 1_860_000)
    assert show_percent(r.percent) == "0.00016%"


def test_reconcile_verdicts():
    rec = ir.ReconcileCheck(
        span=SPAN,
        compare="=",
        thresholds=[th("warn", "above", "5")],
        left=ir.Aggregate(span=SPAN, func="count", table=ir.Name(span=SPAN, parts=["a", "b"])),
        right=ir.Aggregate(span=SPAN, func="count", table=ir.Name(span=SPAN, parts=["c", "d"])),
    )
    assert evaluate(rec, (100, 100)).status == PASS
    assert evaluate(rec, (96, 100)).status == PASS  # 4 % off, warn only above 5 %
    assert evaluate(rec, (90, 100)).status == WARN
    assert evaluate(rec, (0, 0)).status == PASS


@pytest.mark.parametrize("p, text", [(None, "-"), (0.0, "0%"), (12.345, "12.35%"), (0.5, "0.50%"), (0.000161, "0.00016%")])
def test_percent_display_never_rounds_to_zero(p, text):
    assert show_percent(p) == text


@pytest.mark.parametrize("op", ["<>", "!=", "<", ">"])
def test_every_strict_comparison_the_grammar_accepts_evaluates(op):
    """`!=` once passed `check` and then crashed the run (KeyError): every spelling in the
    grammar's COMPARE has a verdict."""
    rec = ir.ReconcileCheck(
        span=SPAN,
        compare=op,
        thresholds=[],
        left=ir.Aggregate(span=SPAN, func="count", table=ir.Name(span=SPAN, parts=["a", "b"])),
        right=ir.Aggregate(span=SPAN, func="count", table=ir.Name(span=SPAN, parts=["c", "d"])),
    )
    holds = {"<>": (1, 2), "!=": (1, 2), "<": (1, 2), ">": (2, 1)}[op]
    fails = {"<>": (3, 3), "!=": (3, 3), "<": (2, 1), ">": (1, 2)}[op]
    assert evaluate(rec, holds).status == PASS
    assert evaluate(rec, fails).status == FAIL


def test_the_grammar_and_the_evaluator_agree_on_comparisons():
    import re

    from compiler.runtime.validate import RECONCILE_GAP
    from compiler.syntax.parse import grammar_text

    line = next(ln for ln in grammar_text().splitlines() if ln.startswith("COMPARE:"))
    spellings = set(re.findall(r'"([^"]+)"', line))
    strict = {"<>", "!=", "<", ">"}
    assert spellings == set(RECONCILE_GAP) | strict


@pytest.mark.parametrize(
    "thresholds, count, denominator, text",
    [
        ((th("fail", "below", "95"),), 25, 1000, "97.50% passing"),  # stated on the passing share
        ((th("fail", "above", "1"),), 25, 1000, "2.50% violating"),
        ((th("warn", "below", "99.9999"),), 3, 1_860_000, "99.9998% passing"),  # never rounded up to 100
        ((th("fail", "below", "95"),), 0, 0, "-"),
    ],
)
def test_the_summary_shows_the_share_the_threshold_is_stated_on(thresholds, count, denominator, text):
    from compiler.runtime.report import stated_share

    assert stated_share(evaluate(check(*thresholds), (count, denominator))) == text
