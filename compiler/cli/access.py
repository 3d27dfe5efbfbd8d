"""The access commands: apply the spec's roles and grants to a server, and compare the
live grants with the spec.

    chartshift access apply SPEC --target URL [--role-prefix P] [--audit FILE]
    chartshift access check SPEC --target URL [--role-prefix P]

Exit codes: 0 ok (check: no difference), 1 `check` found differences (each listed, both
ways: missing and extra), 2 bad spec, or the spec has no `access` block, 3 server error
(unreachable, not allowed to create roles or grant).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from compiler.cli.common import load_spec, out_console
from compiler.errors import EXIT_OK, EXIT_VALIDATION, UsageError

if TYPE_CHECKING:
    import argparse

    from compiler.cli.common import Subparsers
    from compiler.pipeline import Compiled


def add_commands(sub: Subparsers) -> None:
    c = sub.add_parser("access", help="apply the spec's roles and grants to a server; compare the live grants with the spec")
    asub = c.add_subparsers(dest="access_action", required=True, metavar="apply|check")
    for name, func, text in (
        ("apply", cmd_apply, "create missing roles, GRANT what is missing, REVOKE what the spec does not give"),
        ("check", cmd_check, "list every difference between the live grants and the spec (exit 1 on any)"),
    ):
        a = asub.add_parser(name, help=text)
        a.add_argument("spec")
        a.add_argument("--target", required=True, metavar="URL", help="postgresql://... or mysql://... (DuckDB has no roles)")
        a.add_argument("--role-prefix", metavar="P", help="put P before every role name instead of the spec's `prefix`")
        if name == "apply":
            a.add_argument("--audit", help="audit log (default $CHARTSHIFT_AUDIT_LOG or ./chartshift-audit.jsonl)")
        a.set_defaults(func=func)


def loaded(args: argparse.Namespace) -> Compiled:
    from compiler.runtime.engines import engine_class

    record = engine_class(args.target).record
    if record.access is None:
        raise UsageError(f"{record.title} has no roles: access to it is the file's mode (0600) and the OS's (docs/SECURITY.md)")
    compiled = load_spec(args.spec, [record.name])
    if compiled.spec.access is None:
        raise UsageError(f"{args.spec}: the spec has no `access` block (docs/LANGUAGE.md, Access)")
    return compiled


def cmd_apply(args: argparse.Namespace) -> int:
    from compiler.ops.access.apply import apply_access
    from compiler.ops.secure.audit import append_event, check_writable

    compiled = loaded(args)
    check_writable(args.audit)
    try:
        result = apply_access(compiled, args.target, args.role_prefix)
    except Exception as exc:  # audited too: who tried, and that it failed (the message carries no row data)
        append_event("access apply", spec=compiled, verdict="error", path=args.audit, details={"error": type(exc).__name__})
        raise
    append_event(
        "access apply",
        spec=compiled,
        counts={"granted": len(result.granted), "revoked": len(result.revoked), "pending": len(result.pending)},
        verdict="ok",
        path=args.audit,
        details={"database_user": result.user, "target": args.target.split("@")[-1], "granted": result.granted, "revoked": result.revoked},
    )
    for line in result.granted:
        out_console.print(f"granted: {line}", markup=False)
    for line in result.revoked:
        out_console.print(f"revoked: {line}", markup=False)
    if result.pending:  # one line: a first apply, before any run, has one per right
        out_console.print(
            f"pending: {len(result.pending)} grants on tables and schemas no run has created yet "
            "(PostgreSQL: the run grants them; MariaDB: run `access apply` again after the first run)",
            markup=False,
        )
    print(f"access apply: {len(result.granted)} granted, {len(result.revoked)} revoked, {len(result.pending)} pending", file=sys.stderr)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from compiler.ops.access.apply import check_access

    diff = check_access(loaded(args), args.target, args.role_prefix)
    for line in diff.lines():
        out_console.print(line, markup=False)
    if diff.clean:
        print("access check: the live grants are the spec's", file=sys.stderr)
        return EXIT_OK
    print(f"access check: {len(diff.missing)} missing, {len(diff.extra)} extra", file=sys.stderr)
    return EXIT_VALIDATION
