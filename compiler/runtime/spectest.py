"""Spec tests: `test` blocks run the migration on a handful of literal rows.

Each test writes its `given` rows as CSV files in the source's own encoding and dialect,
runs the whole migration (staging, maps, reconciliation, validation) on an in-memory
DuckDB (or `--target`), then compares: expected target rows (as a multiset, on the
columns the test names), expected rejects by reason (exactly), expected check verdicts.
Failures print an expected-vs-actual diff.  Fixture rows are spec text, not patient data.
"""

from __future__ import annotations

import csv
import io
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlglot import exp

from compiler import ir
from compiler.ir.naming import dotted
from compiler.pipeline import Compiled
from compiler.runtime.scratch import private_folder
from compiler.runtime.staging import source_files
from compiler.runtime.validate import CheckResult
from compiler.sqlgen.canonical import canonical_value
from compiler.sqlgen.lower import col
from compiler.sqlgen.scripts import SqlGen
from compiler.sqlgen.text import sql_text

PYTHON_ENCODING = {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "latin-1": "latin-1", "cp1252": "cp1252", "utf-16": "utf-16"}


@dataclass
class TestResult:
    """The outcome of one `test` block."""

    name: str
    line: int
    passed: bool
    seconds: float
    failures: list[str] = field(default_factory=list)


def cell_text(lit: ir.Literal) -> str:
    """How a given cell is written into the CSV file (NULL -> empty field)."""
    if lit.type == "null":
        return ""
    if lit.type == "boolean":
        return "true" if lit.value else "false"
    return str(lit.value)


def expected_value(lit: ir.Literal, actual: object) -> object:
    """The Python value a literal stands for, shaped like the actual value when comparable."""
    if lit.type == "null":
        return None
    if lit.type == "date":
        return date.fromisoformat(str(lit.value))
    if lit.type in ("integer", "decimal") and isinstance(actual, Decimal):
        return Decimal(str(lit.value))
    if lit.type == "decimal":
        return Decimal(str(lit.value))
    if lit.type == "boolean" and isinstance(actual, int) and not isinstance(actual, bool):
        return int(bool(lit.value))  # MariaDB's BOOLEAN is TINYINT(1): true reads back as 1
    return lit.value


def write_given(compiled: Compiled, test: ir.SpecTest, folder: Path) -> None:
    given = {dotted(r.table): r for r in test.given}
    for sf in source_files(compiled.spec, folder, compiled.path.parent):
        rows = given.get(sf.qualified)
        out = io.StringIO()
        w = csv.writer(out, delimiter=sf.delimiter, quotechar=sf.quote, lineterminator="\r\n")
        if sf.header:
            w.writerow(sf.columns)
        for row in rows.rows if rows else []:
            assert rows is not None  # the loop runs only over given rows
            values = dict(zip(rows.columns, row))
            w.writerow([cell_text(values[c]) if c in values else "" for c in sf.columns])
        sf.path.parent.mkdir(parents=True, exist_ok=True)
        sf.path.write_bytes(out.getvalue().encode(PYTHON_ENCODING.get(sf.encoding, "utf-8")))


def render_rows(columns: list[str], rows: list[tuple[Any, ...]]) -> list[str]:
    texts = [[canonical_value(v) for v in r] for r in rows]
    widths = [max([len(c)] + [len(t[i]) for t in texts]) for i, c in enumerate(columns)]
    line: Callable[[list[str]], str] = lambda cells: "  " + " | ".join(c.ljust(w) for c, w in zip(cells, widths))  # noqa: E731
    return [line(columns)] + [line(t) for t in texts]


def compare_rows(expect: ir.Rows, actual: list[tuple[Any, ...]]) -> list[str]:
    """Multiset comparison on canonical text; returns diff lines (empty when equal)."""
    sample = actual[0] if actual else None
    expected = [tuple(expected_value(lit, sample[i] if sample else None) for i, lit in enumerate(row)) for row in expect.rows]
    key: Callable[[tuple[Any, ...]], tuple[str, ...]] = lambda r: tuple(canonical_value(v) for v in r)  # noqa: E731
    want, got = Counter(map(key, expected)), Counter(map(key, actual))
    if want == got:
        return []
    missing = [r for r in expected if (want - got)[key(r)] > 0]
    extra = [r for r in actual if (got - want)[key(r)] > 0]
    lines = [f"rows of {dotted(expect.table)} differ (expected {len(expected)}, got {len(actual)})"]
    if missing:
        lines += ["  expected but missing:"] + render_rows(expect.columns, sorted(set(missing), key=key))
    if extra:
        lines += ["  present but not expected:"] + render_rows(expect.columns, sorted(set(extra), key=key))
    return lines


def run_test(compiled: Compiled, test: ir.SpecTest, target_url: str | None) -> TestResult:
    from compiler.runtime.engines import open_engine, scratch_target
    from compiler.runtime.run import run

    started = time.perf_counter()
    failures: list[str] = []
    with private_folder("test") as tmp, scratch_target(target_url) as url:
        folder = Path(tmp) / "source"
        write_given(compiled, test, folder)
        engine = open_engine(url)
        try:
            report = run(compiled, folder, url, commit_on_fail=True, engine=engine)
            gen = SqlGen(compiled.checked, engine.dialect)
            for expect in test.expect:
                schema, name = expect.table.parts[0], expect.table.parts[-1]
                q = exp.select(*[col(c) for c in expect.columns]).from_(gen.tbl(schema, name))
                failures += compare_rows(expect, engine.query(sql_text(q, engine.dialect)))
        finally:
            engine.close()
    by_map = {(m.source, m.target): m for m in report.maps}
    for rj in test.rejects:
        m = by_map[(dotted(rj.source), dotted(rj.target))]
        want = {r: n for r, n in sorted(rj.counts) if n}
        if want != m.rejected_by_reason:
            got = dict(sorted(m.rejected_by_reason.items()))
            failures.append(f"rejects of {m.map}: expected {want or 'none'}, got {got or 'none'}")
    by_name: dict[str, list[CheckResult]] = {}
    for c in report.checks:
        by_name.setdefault(c.name, []).append(c)
    for ec in test.checks:
        # `check` refuses two checks of one name; were there two, both would be asserted
        for result in by_name[ec.name]:
            if result.status != ec.status:
                where = f" (line {result.line})" if len(by_name[ec.name]) > 1 else ""
                failures.append(
                    f"check `{ec.name}`{where}: expected {ec.status}, got {result.status} ({result.count} of {result.denominator})"
                )
    for m in report.maps:
        if not m.balanced:
            failures.append(f"accounting identity broken for {m.map}")
    return TestResult(test.name, test.span.line, not failures, time.perf_counter() - started, failures)


def run_tests(compiled: Compiled, target_url: str | None = None, stop_on_failure: bool = False) -> list[TestResult]:
    """The spec's test blocks in order; `stop_on_failure` (`--fail-fast`): none after the first failure."""
    out = []
    for t in compiled.spec.tests:
        out.append(run_test(compiled, t, target_url))
        if stop_on_failure and not out[-1].passed:
            break
    return out


def junit_xml(results_by_spec: dict[str, list[TestResult]]) -> str:
    """One suite per spec, one case per test block (compiler/runtime/junit.py writes the XML)."""
    from compiler.runtime.junit import Case
    from compiler.runtime.junit import junit_xml as write

    return write(
        {
            spec: [Case(r.name, r.seconds, None if r.passed else (r.failures or ["failed"])) for r in rs]
            for spec, rs in results_by_spec.items()
        }
    )
