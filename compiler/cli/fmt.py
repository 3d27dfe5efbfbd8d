"""`chartshift fmt [--check] FILE...`: rewrite specs in the canonical layout
(compiler/syntax/fmt.py).  `--check` writes nothing and exits 1 naming each file that is
not formatted (CI).  A file that does not parse is left alone: its diagnostics, exit 2.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from compiler.errors import EXIT_OK, EXIT_VALIDATION

if TYPE_CHECKING:
    import argparse

    from compiler.cli.common import Subparsers


def add_commands(sub: Subparsers) -> None:
    c = sub.add_parser("fmt", help="format specs in the canonical layout (--check: exit 1 if one is not)")
    c.add_argument("spec", nargs="+")
    c.add_argument("--check", action="store_true", help="write nothing; exit 1 and name the files that would change")
    c.set_defaults(func=cmd_fmt)


def cmd_fmt(args: argparse.Namespace) -> int:
    from compiler.diagnostics import SpecError
    from compiler.errors import BadSpec
    from compiler.pipeline import read_spec
    from compiler.syntax.fmt import fmt, meaning

    changed = []
    for name in args.spec:
        path = Path(name)
        text = read_spec(path)
        try:
            before = meaning(text, name)  # only a spec that parses is formatted (SpecError: exit 2)
        except SpecError as exc:
            exc.sources = {name: text}
            raise
        new = fmt(text)
        if new == text:
            continue
        if meaning(new, name) != before:  # a formatter bug must never reach the file
            raise BadSpec(f"{name}: formatting would change the spec's meaning; left unchanged (please report)")
        changed.append(name)
        if args.check:
            print(f"{name}: not formatted (run `chartshift fmt {name}`)", file=sys.stderr)
        else:
            path.write_text(new, encoding="utf-8")
            print(f"{name}: formatted", file=sys.stderr)
    if args.check:
        print(f"{len(changed)} of {len(args.spec)} file(s) not formatted" if changed else "all specs formatted", file=sys.stderr)
        return EXIT_VALIDATION if changed else EXIT_OK
    return EXIT_OK
