"""The replay commands (docs/LANGUAGE.md "Replay"): rejected records out in their source's
layout, fixed records back in their place.

    chartshift rejects export SPEC --target URL --out DIR [--source DIR] [--audit FILE]
    chartshift rejects apply SPEC --fixes DIR --out DIR [--source DIR] [--audit FILE]

then `chartshift run SPEC --source <apply's --out>`.  Exit codes: 0 ok, 2 bad spec or
usage (an output folder that is not empty, a fixed file with another number of records),
3 environment (a source that changed since the run or the export, a target without a run).
Both write PHI (0600 files in a 0700 folder) and append an audit event (counts only).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from compiler.cli.common import load_spec
from compiler.errors import EXIT_OK

if TYPE_CHECKING:
    import argparse

    from compiler.cli.common import Subparsers


def add_commands(sub: Subparsers) -> None:
    c = sub.add_parser("rejects", help="export rejected records in their source's layout; splice fixed ones back (replay)")
    rsub = c.add_subparsers(dest="rejects_action", required=True, metavar="export|apply")
    e = rsub.add_parser("export", help="write the target's rejected records, file by file, as their source has them")
    e.add_argument("spec")
    e.add_argument("--target", required=True, metavar="URL", help="the target of the run whose rejects to export")
    e.add_argument("--out", required=True, metavar="DIR", help="folder for the records (new or empty; PHI)")
    e.add_argument("--source", metavar="DIR", help="the run's source folder (default: the spec's source path)")
    e.add_argument("--audit", help="audit log (default $CHARTSHIFT_AUDIT_LOG or ./chartshift-audit.jsonl)")
    e.set_defaults(func=cmd_export)
    a = rsub.add_parser("apply", help="write a corrected source folder: each fixed record in place of its original")
    a.add_argument("spec")
    a.add_argument("--fixes", required=True, metavar="DIR", help="the folder `rejects export` wrote, its records fixed")
    a.add_argument("--out", required=True, metavar="DIR", help="folder for the corrected source (new or empty; PHI)")
    a.add_argument("--source", metavar="DIR", help="the original source folder (default: the spec's source path)")
    a.add_argument("--audit", help="audit log (default $CHARTSHIFT_AUDIT_LOG or ./chartshift-audit.jsonl)")
    a.set_defaults(func=cmd_apply)


def cmd_export(args: argparse.Namespace) -> int:
    from compiler.ops.replay.export import export_rejects
    from compiler.ops.secure.audit import append_event, check_writable

    compiled = load_spec(args.spec)
    check_writable(args.audit)
    result = export_rejects(compiled, args.target, Path(args.out), Path(args.source) if args.source else None)
    append_event(
        "rejects-export",
        spec=compiled,
        counts={"records": result.records, "files": len(result.files)},
        verdict="ok",
        path=args.audit,
        details={"out": str(result.out)},
    )
    for f in result.files:
        print(f"{result.out / f.file}: {f.records:,} rejected records of {f.table} ({f.rejects:,} rejects)", file=sys.stderr)
    print(f"{result.records:,} records in {len(result.files)} files; fix them in place, then `chartshift rejects apply`", file=sys.stderr)
    return EXIT_OK


def cmd_apply(args: argparse.Namespace) -> int:
    from compiler.ops.replay.apply import apply_fixes
    from compiler.ops.secure.audit import append_event, check_writable

    compiled = load_spec(args.spec)
    check_writable(args.audit)
    result = apply_fixes(compiled, Path(args.source) if args.source else None, Path(args.fixes), Path(args.out))
    append_event(
        "rejects-apply",
        spec=compiled,
        counts={"replaced": result.replaced, "files": len(result.files) + len(result.copied)},
        verdict="ok",
        path=args.audit,
        details={"out": str(result.out)},
    )
    for f in result.files:
        print(f"{result.out / f.file}: {f.replaced:,} records of {f.table} replaced by their fixed versions", file=sys.stderr)
    print(f"corrected source in {result.out}: chartshift run {args.spec} --source {result.out}", file=sys.stderr)
    return EXIT_OK
