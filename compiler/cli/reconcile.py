"""`chartshift reconcile`: is the live target still holding what the migration loaded?

    chartshift reconcile SPEC --target URL [--source DIR | --backup FILE [--key-file K]]
                         [--since TIMESTAMP] [--json FILE] [--html FILE] [--show-values] [--audit FILE]

Exit codes: 0 no drift, 1 drift (rows missing, extra or changed, beyond the expected drift
of `--since`), 2 bad spec or usage, 3 runtime or environment error.  Every reconcile,
also a failed one, appends an audit-log event (counts only).
"""

from __future__ import annotations

import sys
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from compiler.cli.common import load_spec, out_console
from compiler.errors import EXIT_OK, EXIT_VALIDATION, UsageError

if TYPE_CHECKING:
    import argparse

    from compiler.cli.common import Subparsers


def add_reconcile(sub: Subparsers) -> None:
    c = sub.add_parser("reconcile", help="compare the live target with the target re-derived from the source, row by row")
    c.add_argument("spec")
    c.add_argument("--target", required=True, help="the live target: duckdb:///FILE, postgresql://..., mysql://...")
    c.add_argument("--source", help="folder with the legacy export (default: the spec's source path)")
    c.add_argument("--backup", help="take the source files from this encrypted backup (chartshift backup) instead")
    c.add_argument("--key-file", metavar="FILE", help="with --backup: the backup key (default: $CHARTSHIFT_BACKUP_KEY)")
    c.add_argument(
        "--since",
        metavar="TIMESTAMP",
        help="rows the live system changed at or after this time (its `changed_at` column) are expected drift, reported apart",
    )
    c.add_argument("--json", metavar="FILE", help="write the JSON report here (sorted, no times: diff it day to day)")
    c.add_argument("--html", metavar="FILE", help="write the report as one offline HTML page (same content as --json)")
    c.add_argument("--show-values", action="store_true", help="show the values of changed rows and phi keys (off by default)")
    c.add_argument("--audit", help="audit log (default $CHARTSHIFT_AUDIT_LOG or ./chartshift-audit.jsonl)")
    c.set_defaults(func=cmd_reconcile)


def since_value(text: str | None) -> str | None:
    """`--since` as a canonical timestamp text; a usage error unless it is one."""
    if text is None:
        return None
    try:
        return datetime.fromisoformat(text).isoformat(sep=" ")
    except ValueError:
        raise UsageError(f"--since {text!r}: not a timestamp (YYYY-MM-DD or YYYY-MM-DD HH:MM:SS)") from None


def cmd_reconcile(args: argparse.Namespace) -> int:
    from compiler.ops.reconcile.derive import changed_at
    from compiler.ops.reconcile.output import print_reconcile
    from compiler.ops.reconcile.session import reconcile
    from compiler.ops.secure.audit import append_event, check_writable

    since = since_value(args.since)
    if args.source and args.backup:
        raise UsageError("give --source or --backup, not both")
    compiled = load_spec(args.spec)
    if since is not None and changed_at(compiled.spec) is None:
        raise UsageError("--since needs the spec to name the live system's last-change column: `migration { changed_at COLUMN }`")
    log = check_writable(args.audit)
    key = None
    if args.backup:
        from compiler.ops.secure.keys import load_key

        key = load_key(args.key_file)
    started = time.perf_counter()
    try:
        report = reconcile(
            compiled,
            args.target,
            Path(args.source) if args.source else None,
            since,
            args.show_values,
            Path(args.backup) if args.backup else None,
            key,
        )
    except Exception as exc:
        append_event("reconcile", spec=compiled, verdict="error", path=log, details={"error": type(exc).__name__})
        raise
    append_event(
        "reconcile",
        spec=compiled,
        counts=report.totals() | {"tables": len(report.tables)},
        verdict=report.status,
        path=log,
        details={"target": report.target, **({"since": since} if since else {})},
    )
    if args.json:
        report.write(Path(args.json))
    if args.html:
        from compiler.ops.docs.report_html import write_text
        from compiler.ops.reconcile.html import reconcile_html

        write_text(Path(args.html), reconcile_html(report.to_dict()))
    print_reconcile(report, out_console)
    print(f"reconcile: {time.perf_counter() - started:.1f}s", file=sys.stderr)
    return EXIT_VALIDATION if report.drifted else EXIT_OK
