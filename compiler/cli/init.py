"""`chartshift init`: start a spec from an export, a DDL file or a database.

    chartshift init --from-csv DIR [--from-ddl FILE [--ddl-dialect D] | --from-db URL] [--out SPEC] [--force]

Writes SPEC (default: the spec on stdout) and adds the project's .gitignore lines (keys,
archives, reports, rejects, DuckDB files) beside it.  Exit 2 on bad usage or unreadable
DDL, 3 when a file or the database cannot be read.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from compiler.errors import EXIT_OK, UsageError

if TYPE_CHECKING:
    import argparse

    from compiler.cli.common import Subparsers


def add_commands(sub: Subparsers) -> None:
    c = sub.add_parser("init", help="start a spec from a CSV export, a DDL file or a database (and write a .gitignore)")
    c.add_argument(
        "--from-csv", metavar="DIR", help="sniff each CSV file: encoding, delimiter, header, types, candidate keys -> a source block"
    )
    c.add_argument("--from-ddl", metavar="FILE", help="CREATE TABLE statements -> a target block")
    c.add_argument("--ddl-dialect", metavar="D", help="the DDL's SQL dialect for sqlglot (postgres, mysql, duckdb, ...)")
    c.add_argument("--from-db", metavar="URL", help="the tables of a database (information_schema) -> a target block")
    c.add_argument("--name", help="the migration's name (default: the --out file's name, else the CSV folder's)")
    c.add_argument("--out", metavar="SPEC", help="write the spec here (default: stdout)")
    c.add_argument("--force", action="store_true", help="replace an existing --out file")
    c.set_defaults(func=cmd_init)


def cmd_init(args: argparse.Namespace) -> int:
    from compiler.ops.scaffold.csv_sniff import sniff_folder
    from compiler.ops.scaffold.ddl import tables_from_db, tables_from_file
    from compiler.ops.scaffold.render import render_spec, write_gitignore

    if not (args.from_csv or args.from_ddl or args.from_db):
        raise UsageError("init: give --from-csv DIR, --from-ddl FILE or --from-db URL")
    if args.from_ddl and args.from_db:
        raise UsageError("init: --from-ddl and --from-db both describe the target: give one")
    out = Path(args.out) if args.out else None
    if out is not None and out.exists() and not args.force:
        raise UsageError(f"{out}: already exists (--force to replace it)")
    home = out.parent if out is not None else Path(".")
    source = None
    if args.from_csv:
        folder = Path(args.from_csv)
        source = (Path(os.path.relpath(folder.resolve(), home.resolve())).as_posix(), sniff_folder(folder))
    targets = (
        tables_from_file(Path(args.from_ddl), args.ddl_dialect) if args.from_ddl else tables_from_db(args.from_db) if args.from_db else []
    )
    name = args.name or (out.stem if out is not None else Path(args.from_csv or ".").resolve().name or "migration")
    text = render_spec(name, source, targets)
    if out is None:
        sys.stdout.write(text)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out}", file=sys.stderr)
    if write_gitignore(home):
        print(f"wrote {home / '.gitignore'}", file=sys.stderr)
    return EXIT_OK
