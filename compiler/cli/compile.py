"""The compile commands: `check`, `compile` and `ir`.

    chartshift check SPEC... [--dialect D]... [--strict]
    chartshift compile SPEC... [--dialect D]... [--out DIR] [--check]
    chartshift ir SPEC

Exit codes: 0 ok, 1 `compile --check` found stale files, 2 bad spec or unknown dialect,
3 unreadable spec.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from compiler.cli.common import load_spec
from compiler.errors import EXIT_OK, EXIT_VALIDATION, UsageError

if TYPE_CHECKING:
    import argparse

    from compiler.cli.common import Subparsers


def add_check(sub: Subparsers) -> None:
    c = sub.add_parser("check", help="parse and check specs; diagnostics on stderr")
    c.add_argument("spec", nargs="+")
    c.add_argument(
        "--dialect",
        action="append",
        metavar="D",
        help="the spec is for D (duckdb, postgres, mysql): its identifier rules are errors (else warnings)",
    )
    c.add_argument("--strict", action="store_true", help="every warning is an error (an unmapped source column, say): exit 2")
    c.set_defaults(func=cmd_check)


def add_compile(sub: Subparsers) -> None:
    c = sub.add_parser("compile", help="write generated SQL per dialect")
    c.add_argument("spec", nargs="+")
    c.add_argument(
        "--dialect",
        action="append",
        metavar="D",
        help="duckdb, postgres, mysql (runnable); any other sqlglot dialect compiles only (default: the three runnable ones)",
    )
    c.add_argument("--out", default="generated")
    c.add_argument("--check", action="store_true", help="exit 1 if the files under --out are not current")
    c.set_defaults(func=cmd_compile)


def add_ir(sub: Subparsers) -> None:
    c = sub.add_parser("ir", help="print the IR as JSON")
    c.add_argument("spec")
    c.set_defaults(func=cmd_ir)


def cmd_check(args: argparse.Namespace) -> int:
    for spec in args.spec:
        if args.strict:
            strict_load(spec, runnable(args.dialect))
        else:
            load_spec(spec, runnable(args.dialect))
        print(f"{spec}: ok", file=sys.stderr)
    return EXIT_OK


def strict_load(spec: str, dialects: list[str]) -> None:
    """`check --strict`: the checker's warnings are reported as errors (exit 2)."""
    from typing import Any, cast

    from compiler.diagnostics import Diagnostic, SpecError
    from compiler.pipeline import load

    compiled = load(spec, dialects)
    if compiled.checked.warnings:
        errors = [Diagnostic("error", f"{d.message} (--strict)", d.span) for d in compiled.checked.warnings]
        raise SpecError(errors, cast(Any, {compiled.display: compiled.text}))


def runnable(names: list[str] | None) -> list[str]:
    """The runnable dialects among `--dialect`s (the others compile only: no identifier rules)."""
    from compiler.dialects import RUNNABLE_NAMES

    return [n for n in names or () if n in RUNNABLE_NAMES]


def cmd_ir(args: argparse.Namespace) -> int:
    compiled = load_spec(args.spec)
    print(compiled.spec.model_dump_json(indent=2))
    return EXIT_OK


def cmd_compile(args: argparse.Namespace) -> int:
    from compiler.dialects import RUNNABLE_NAMES
    from compiler.pipeline import render_all

    select = getattr(args, "select", None)
    if select and (args.check or args.out == "generated"):
        # a partial set of scripts would replace the committed ones (or be reported stale)
        raise UsageError("--select writes the scripts of part of the spec: give another --out DIR (and no --check)")
    stale: list[str] = []
    rendered = False
    for spec in args.spec:
        compiled = load_spec(spec, runnable(args.dialect), select)
        dialects = args.dialect or list(RUNNABLE_NAMES)
        for dialect in dialects:
            if rendered:
                # the trees of the last render are garbage that only a full collection
                # frees, and render_all defers those: free them before the next (0.8 s
                # for the 200-table spec), else memory grows by a dialect's trees each time
                gc.collect()
            rendered = True
            files = render_all(compiled, dialect)
            folder = Path(args.out) / compiled.path.stem / dialect
            if args.check:
                stale += compare(folder, files)
            else:
                write_folder(folder, files)
                print(f"{spec}: wrote {len(files)} files to {folder}", file=sys.stderr)
    if stale:
        for s in stale:
            print(f"stale: {s}", file=sys.stderr)
        print("generated SQL is out of date: run `chartshift compile` and commit the result", file=sys.stderr)
        return EXIT_VALIDATION
    if args.check:
        print("generated SQL is up to date", file=sys.stderr)
    return EXIT_OK


def compare(folder: Path, files: dict[str, str]) -> list[str]:
    out = []
    existing = {p.name for p in folder.glob("*.sql")} if folder.is_dir() else set()
    for name, text in files.items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            out.append(str(path))
    out += [str(folder / n) + " (no longer generated)" for n in sorted(existing - set(files))]
    return out


def write_folder(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.sql"):
        if old.name not in files:
            old.unlink()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8", newline="\n")
