"""What the command modules share: the console for results and loading a spec.

Errors are not handled here: a command lets a ChartshiftError propagate and
`compiler.cli.main.main` prints it and returns its exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeAlias

from rich.console import Console

if TYPE_CHECKING:
    from compiler.pipeline import Compiled

    # what `parser()` hands each command module's add_*()
    Subparsers: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]

out_console = Console(highlight=False, width=None if sys.stdout.isatty() else 140)


def load_spec(path: str, dialects: Sequence[str] = (), select: Sequence[str] | None = ()) -> Compiled:
    """The parsed and checked spec; a SpecError (carrying the spec's text for the
    diagnostics) or an InputError propagates to the CLI's error handler.  The checker's
    warnings are printed on stderr (with the lines they point at): they do not change the
    exit code.  `dialects`: the `--dialect`s it is checked for; `select`: `--select MAP...`
    (only those maps and the maps they depend on)."""
    from compiler.diagnostics import render
    from compiler.pipeline import load
    from compiler.pipeline import select as select_maps

    compiled = select_maps(load(path, dialects), select or (), dialects)
    for d in compiled.checked.warnings:
        print(render(d, compiled.text if d.span.file == compiled.display else None), file=sys.stderr)
    return compiled


# the commands that work on part of a spec with --select MAP...
SELECT_COMMANDS = ("compile", "run", "test")


def add_select_option(c: argparse.ArgumentParser) -> None:
    c.add_argument(
        "--select",
        nargs="+",
        metavar="MAP",
        help="only these maps (by target table, e.g. emr.encounter) and the maps they depend on; "
        "checks and tests naming a left-out table are skipped",
    )


# the long commands: live progress, --quiet, --verbose, --log-file (compiler/runtime/progress.py);
# a command another module adds under one of these names gets the options too
PROGRESS_COMMANDS = ("run", "plan", "sample", "backup", "restore", "reconcile")


def add_output_options(c: argparse.ArgumentParser) -> None:
    g = c.add_argument_group("output")
    g.add_argument("-q", "--quiet", action="store_true", help="no progress and no step table; only the verdict and errors")
    g.add_argument("-v", "--verbose", action="store_true", help="print every SQL statement with its timing (stderr)")
    g.add_argument("--log-file", metavar="FILE", help="append a PHI-safe log: statement ids, spec lines, timings, row counts")
