"""The `demo-data` command: write a dirty demo legacy export with its truth.json.

    chartshift demo-data OUT [--preset clinic|two_systems] [--patients N] [--seed S] [--deltas K]

`clinic` (the default) writes one ClinicMate export (docs/DEMO.md); `two_systems` writes
OUT/sysA/ and OUT/sysB/, two systems of one clinic group (docs/TWO_SYSTEMS.md).
`--deltas K` (clinic only) writes OUT/full/, K flagged delta extracts OUT/delta_1/ ..
OUT/delta_K/ and OUT/final/ (the full export with every delta applied), each with truth.json
(docs/DEMO.md "Delta extracts").

Exit codes: 0 ok, 2 bad usage, 3 the folder cannot be written.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from compiler.errors import EXIT_OK, UsageError

if TYPE_CHECKING:
    import argparse

    from compiler.cli.common import Subparsers

PRESETS = ("clinic", "two_systems")


def add_demo_data(sub: Subparsers) -> None:
    c = sub.add_parser("demo-data", help="write a demo legacy export with truth.json")
    c.add_argument("out")
    c.add_argument("--preset", choices=PRESETS, default="clinic")
    c.add_argument("--patients", type=int, default=1000)
    c.add_argument("--seed", type=int, default=42)
    c.add_argument(
        "--deltas",
        type=int,
        default=0,
        metavar="K",
        help="also write K flagged delta extracts: OUT/full/, OUT/delta_1/ .. OUT/delta_K/, OUT/final/ (clinic only)",
    )
    c.set_defaults(func=cmd_demo_data)


def cmd_demo_data(args: argparse.Namespace) -> int:
    if args.patients < 1:
        raise UsageError("--patients must be at least 1")
    if args.deltas < 0:
        raise UsageError("--deltas must be at least 0")
    if args.deltas and args.preset != "clinic":
        raise UsageError("--deltas works with --preset clinic only")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.deltas:
        from compiler.demo.deltas import generate_deltas

        try:
            truths = generate_deltas(out, patients=args.patients, seed=args.seed, deltas=args.deltas)
        except ValueError as e:
            raise UsageError(str(e)) from None
        changed = sum(f["records"] for name, t in truths.items() if name.startswith("delta_") for f in t["files"].values())
        print(f"wrote full/, {args.deltas} delta extracts ({changed:,} changed rows) and final/ to {out}", file=sys.stderr)
        return EXIT_OK
    if args.preset == "two_systems":
        from compiler.demo.two_systems import generate as generate_two

        truth = generate_two(out, patients=args.patients, seed=args.seed)
    else:
        from compiler.demo.export import generate

        truth = generate(out, patients=args.patients, seed=args.seed)
    rows = sum(f["records"] for f in truth["files"].values())
    print(f"wrote {len(truth['files'])} files, {rows:,} records, and truth.json to {out}", file=sys.stderr)
    return EXIT_OK
