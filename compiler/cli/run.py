"""The commands that run a spec: `run` (migrate a target and report) and `test` (the
spec's test blocks).

    chartshift run SPEC [--source DIR] [--target URL] [--report FILE] [--html FILE] [--junit FILE] [--commit-on-fail]
                   [--show-phi] [--audit FILE] [--max-rejects [TABLE=]N|P%]... [--lock-wait SECONDS]
    chartshift test SPEC... [--target URL] [--junit FILE]

Exit codes: 0 ok, 1 a validation failed (a `fail` threshold, a broken accounting
identity) or a test failed, 2 bad spec, 3 runtime or environment error, 4 more rejects
than `--max-rejects` allows (the target was not published).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from compiler.cli.common import load_spec, out_console
from compiler.errors import EXIT_OK, EXIT_REJECT_LIMIT, EXIT_VALIDATION, UsageError

if TYPE_CHECKING:
    import argparse

    from compiler.cli.common import Subparsers


def add_run(sub: Subparsers) -> None:
    c = sub.add_parser("run", help="run a spec against a target and report")
    c.add_argument("spec")
    c.add_argument("--source", help="folder with the legacy export (default: the spec's source path)")
    c.add_argument("--target", help="duckdb:///FILE (default duckdb:///<spec>.duckdb)")
    c.add_argument("--report", help="write the JSON report here")
    c.add_argument("--html", metavar="FILE", help="write the HTML report here (no PHI, printable, offline)")
    c.add_argument("--commit-on-fail", action="store_true", help="keep the results of a failed run for inspection")
    c.add_argument("--delta", action="store_true", help="apply the extract in --source to the target a full run loaded")
    c.add_argument(
        "--force",
        action="store_true",
        help="with --delta: apply an out-of-order or changed extract anyway; with --phase: run a phase again on other files",
    )
    c.add_argument(
        "--phase", metavar="NAME", help="run one phase of the spec; earlier phases' rows and crosswalks stay (docs/PHASED_CUTOVER.md)"
    )
    c.add_argument("--show-phi", action="store_true", help="show phi values and raw lines in report samples (off by default)")
    c.add_argument("--audit", help="audit log (default $CHARTSHIFT_AUDIT_LOG or ./chartshift-audit.jsonl)")
    c.add_argument(
        "--max-rejects",
        action="append",
        default=[],
        metavar="[TABLE=]N|P%",
        help="do not publish if more rows are rejected: N rows or P%% of the records, overall or of one "
        "target table (its map) or source table; repeatable (exit 4 when exceeded)",
    )
    c.add_argument(
        "--lock-wait",
        type=float,
        default=None,
        metavar="SECONDS",
        help="wait this long for another run on the same target to finish, then refuse (default 60; 0: refuse at once)",
    )
    c.add_argument("--junit", metavar="FILE", help="write each check and each map's accounting as a JUnit test case (for CI dashboards)")
    c.set_defaults(func=cmd_run)


def add_test(sub: Subparsers) -> None:
    c = sub.add_parser("test", help="run the spec's test blocks (in-memory DuckDB unless --target)")
    c.add_argument("spec", nargs="+")
    c.add_argument("--target", help="run the tests on this target instead (postgresql://..., mysql://...)")
    c.add_argument("--junit", help="write JUnit XML here")
    c.add_argument("--fail-fast", action="store_true", help="stop at the first failing test")
    c.set_defaults(func=cmd_test)


def cmd_run(args: argparse.Namespace) -> int:
    from compiler.dialects import DUCKDB
    from compiler.ops.secure.audit import append_event, check_writable, event_anchor
    from compiler.runtime.engines import engine_class
    from compiler.runtime.limits import parse_limit
    from compiler.runtime.lock import DEFAULT_LOCK_WAIT, MAX_LOCK_WAIT
    from compiler.runtime.report import print_summary
    from compiler.runtime.run import run

    limits = [parse_limit(t) for t in args.max_rejects]  # usage errors before the spec is loaded
    lock_wait = DEFAULT_LOCK_WAIT if args.lock_wait is None else args.lock_wait
    if not 0 <= lock_wait <= MAX_LOCK_WAIT:
        raise UsageError(f"--lock-wait {args.lock_wait:g}: give 0 to {MAX_LOCK_WAIT:g} seconds")
    # the target's identifier rules are errors: a name it would refuse stops the run here
    compiled = load_spec(args.spec, [engine_class(args.target).dialect if args.target else DUCKDB.name], getattr(args, "select", None))
    check_writable(args.audit)  # fail before the work when it could not be audited
    try:
        report = run(
            compiled,
            Path(args.source) if args.source else None,
            args.target,
            commit_on_fail=args.commit_on_fail,
            show_phi=args.show_phi,
            limits=limits,
            lock_wait=lock_wait,
            on_lock_wait=lambda why: print(f"chartshift: {why}", file=sys.stderr, flush=True),
            delta=args.delta,
            force=args.force,
            phase=args.phase,
        )
    except Exception as exc:
        append_event("run", spec=compiled, verdict="error", path=args.audit, details={"error": type(exc).__name__})
        raise
    totals = {k: sum(getattr(m, k) for m in report.maps) for k in ("source_rows", "loaded", "rejected", "filtered", "merged", "aggregated")}
    event = append_event(
        "run",
        spec=compiled,
        counts=totals,
        verdict=report.status,
        path=args.audit,
        details={
            "target": report.target,
            "committed": report.committed,
            **({"database_user": report.database_user} if report.database_user else {}),
            **({"limits_exceeded": [r.limit for r in report.limits if r.exceeded]} if report.refused else {}),
        },
    )
    report.audit = event_anchor(event, args.audit)  # the report anchors the log's tail
    if args.report:
        report.write(Path(args.report))
    if getattr(args, "junit", None):
        from compiler.runtime.junit import junit_xml, report_suites

        Path(args.junit).write_text(junit_xml(report_suites(report)), encoding="utf-8")
    if args.html:
        from compiler.ops.docs.report_html import report_html, write_text

        write_text(Path(args.html), report_html(report.to_dict()))
    if getattr(args, "quiet", False):  # the verdict line only
        out_console.print(
            f"{report.status.upper()}{'' if report.committed else ' (target left unchanged)'}  in {report.duration_seconds:.1f}s"
        )
    else:
        print_summary(report, out_console)
    if report.refused:
        return EXIT_REJECT_LIMIT
    return EXIT_VALIDATION if report.status == "fail" else EXIT_OK


def cmd_test(args: argparse.Namespace) -> int:
    from compiler.runtime.spectest import junit_xml, run_tests

    results_by_spec = {}
    failed = total = 0
    for spec in args.spec:
        compiled = load_spec(spec, select=getattr(args, "select", None))
        results = run_tests(compiled, args.target, stop_on_failure=args.fail_fast)
        results_by_spec[spec] = results
        for r in results:
            total += 1
            mark = "[green]PASS[/]" if r.passed else "[bold red]FAIL[/]"
            out_console.print(f"{mark} {spec}:{r.line} {r.name} ({r.seconds:.2f}s)")
            for line in r.failures:
                out_console.print(line, markup=False, highlight=False)
            failed += not r.passed
        if args.fail_fast and failed:
            break  # no further spec either
    if args.junit:
        Path(args.junit).write_text(junit_xml(results_by_spec), encoding="utf-8")
    print(f"{total - failed} passed, {failed} failed", file=sys.stderr)
    return EXIT_VALIDATION if failed else EXIT_OK
