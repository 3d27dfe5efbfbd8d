"""The sample-first commands: `sample` and `plan` (docs/SAMPLING.md).

    chartshift sample SPEC --source DIR --out DIR --root legacy.patients (--count N | --percent P)
                      [--seed S] [--mask [--key-file F]] [--force] [--audit FILE]
    chartshift plan SPEC --source DIR --window "Fri 18:00..Mon 06:00" [--sample-percent 2]
                    [--target URL] [--root T] [--seed S] [--repeats N] [--json FILE]

Exit codes: sample 0 ok, 2 bad usage (no count, unknown root, output exists, no mask key),
3 unreadable source / key file with open permissions; plan 0 the full run fits the window,
1 it does not, 2 bad usage, 3 runtime error.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from compiler.cli.common import load_spec, out_console
from compiler.errors import EXIT_OK, EXIT_VALIDATION, UsageError

if TYPE_CHECKING:
    import argparse

    from compiler.cli.common import Subparsers
    from compiler.ops.sample.sampler import SampleResult

SAMPLE_HELP = """Write a referentially closed, deterministic sample of a legacy export: N root rows
picked by seed, their children (following `references` down), every parent a selected row
points at (up, including a child's other parents), and a proportional share of orphans.
Files keep the source's exact format.  --mask pseudonymises every `phi` column under a
secret key (--key-file FILE with mode 0600, or CHARTSHIFT_MASK_KEY).  See docs/SAMPLING.md."""

PLAN_HELP = """Estimate whether the full migration fits a time window: count the source, time the
migration on a sample (--sample-percent of the root rows, and a half and 3/4 of it),
extrapolate each step (fixed + per-row cost, by that step's table) and compare the top of
the estimated range with the window.  Exit 0 if it fits, 1 if not.  See docs/SAMPLING.md."""


def add_commands(sub: Subparsers) -> None:
    """Register `sample` and `plan` on the main parser's subparsers."""
    import argparse

    c = sub.add_parser(
        "sample",
        help="write a closed, deterministic (optionally masked) sample of a legacy export",
        description=SAMPLE_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    c.add_argument("spec")
    c.add_argument("--source", help="folder with the legacy export (default: the spec's source path)")
    c.add_argument("--out", required=True, help="folder to write the sample to (not the source folder)")
    c.add_argument("--root", help="root table, e.g. legacy.patients (default: the table with the most descendants)")
    c.add_argument("--count", type=int, help="number of root rows (distinct root keys) to pick")
    c.add_argument("--percent", type=float, help="or this percentage of the root rows")
    c.add_argument("--seed", type=int, default=1, help="picks the rows (default 1)")
    c.add_argument("--mask", action="store_true", help="pseudonymise every phi column (HMAC-SHA256 under a secret key)")
    c.add_argument(
        "--key-file",
        metavar="FILE",
        help="mask key, mode 0600 (default: $CHARTSHIFT_MASK_KEY); create one with `chartshift keygen --out FILE`",
    )
    c.add_argument("--force", action="store_true", help="replace the files of an earlier sample in --out")
    c.add_argument("--audit", metavar="FILE", help="audit log (default: $CHARTSHIFT_AUDIT_LOG or ./chartshift-audit.jsonl)")
    c.set_defaults(func=cmd_sample)

    c = sub.add_parser(
        "plan",
        help="estimate the full run's duration from a sample and check it fits a window",
        description=PLAN_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    c.add_argument("spec")
    c.add_argument("--source", help="folder with the legacy export (default: the spec's source path)")
    c.add_argument("--window", required=True, help='e.g. "Fri 18:00..Mon 06:00" (wraps over the week) or "22:00..05:00"')
    c.add_argument("--sample-percent", type=float, default=2.0, help="sample this percentage of the root rows (default 2)")
    c.add_argument(
        "--target",
        help="migrate the samples into this target, replacing its tables (default: a "
        "temporary DuckDB file); never a target that holds a real migration",
    )
    c.add_argument("--root", help="root table (default: the table with the most descendants)")
    c.add_argument("--seed", type=int, default=1)
    c.add_argument(
        "--repeats",
        type=int,
        default=8,
        help="at most this many rounds of timing runs (default 8; at least 3, fewer when the estimate settles)",
    )
    c.add_argument("--json", metavar="FILE", help="also write the plan as JSON")
    c.set_defaults(func=cmd_plan)


def cmd_sample(args: argparse.Namespace) -> int:
    from compiler.ops.sample import SampleError, default_root, sample
    from compiler.ops.secure.audit import append_event, check_writable

    compiled = load_spec(args.spec)
    if (args.count is None) == (args.percent is None):
        raise UsageError("give the sample size: --count N (root rows) or --percent P")
    if args.count is not None and args.count < 1:
        raise UsageError("--count must be at least 1")
    if args.percent is not None and not 0 < args.percent <= 100:
        raise UsageError("--percent must be above 0 and at most 100")
    if args.key_file and not args.mask:
        raise UsageError("--key-file is for --mask")
    check_writable(args.audit)
    root = args.root or default_root(compiled.catalog)
    if root not in compiled.catalog.source_tables:
        raise SampleError(f"unknown root table `{root}` (source tables: {', '.join(compiled.catalog.source_tables)})")
    masker = None
    if args.mask:
        from compiler.ops.mask import masker_for

        masker = masker_for(compiled, args.key_file, root)
    result = sample(
        compiled,
        Path(args.source) if args.source else None,
        Path(args.out),
        root,
        count=args.count,
        percent=args.percent,
        seed=args.seed,
        masker=masker,
        force=args.force,
    )
    counts = {"root_keys": result.root_keys, "picked": result.picked, **{t: s.selected for t, s in result.tables.items()}}
    append_event(
        "sample",
        spec=compiled,
        counts=counts,
        path=args.audit,
        details={"out": str(args.out), "seed": args.seed, "masked": result.masked, "mask_key_id": result.mask_key_id},
    )
    print_sample(result)
    return EXIT_OK


def print_sample(result: SampleResult) -> None:
    from rich.table import Table

    t = Table(
        title=f"sample of {result.root}: {result.picked:,} of {result.root_keys:,} root keys "
        f"({result.fraction * 100:.2f}%), seed {result.seed}{', masked' if result.masked else ''}",
        title_justify="left",
    )
    for c in ("table", "file", "records", "malformed (left out)", "sampled", "descendants", "pulled in", "orphans", "share"):
        t.add_column(c, justify="left" if c in ("table", "file") else "right")
    for s in result.tables.values():
        t.add_row(
            s.table,
            s.file,
            f"{s.records:,}",
            f"{s.malformed:,}",
            f"{s.selected:,}",
            f"{s.descendants:,}",
            f"{s.pulled:,}",
            f"{s.orphans:,}",
            f"{s.share:,}",
        )
    out_console.print(t)
    print(f"wrote {len(result.tables)} files and sample.json to {result.out} in {result.seconds:.1f}s", file=sys.stderr)


def cmd_plan(args: argparse.Namespace) -> int:
    from compiler.ops.cutover import plan
    from compiler.ops.cutover_print import print_plan
    from compiler.ops.cutover_window import parse_window
    from compiler.ops.sample import SampleError
    from compiler.ops.secure import audit  # noqa: F401
    from compiler.runtime import report, run  # noqa: F401  (what `chartshift run` imports before it migrates)

    compiled = load_spec(args.spec)
    startup = time.process_time()  # this process so far: what a `chartshift run` spends before migrating
    if args.repeats < 1:
        raise UsageError("--repeats must be at least 1")
    window = parse_window(args.window)
    if args.root and args.root not in compiled.catalog.source_tables:
        raise SampleError(f"unknown root table `{args.root}` (source tables: {', '.join(compiled.catalog.source_tables)})")
    p = plan(
        compiled,
        Path(args.source) if args.source else None,
        window,
        percent=args.sample_percent,
        target=args.target,
        root=args.root,
        seed=args.seed,
        repeats=args.repeats,
        progress=lambda msg: print(msg, file=sys.stderr),
        startup=startup,
    )
    print_plan(p, out_console)
    if args.json:
        Path(args.json).write_text(json.dumps(p.to_dict(), indent=2) + "\n", encoding="utf-8")
    return EXIT_OK if p.fits else EXIT_VALIDATION
