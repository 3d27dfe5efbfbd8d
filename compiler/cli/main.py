"""Command-line interface: the parser, the entry point and the one place where errors
become messages and exit codes.  Exit codes: 0 success, 1 validation failed, 2 bad spec
or usage, 3 runtime or environment error, 4 a run over its --max-rejects limit
(compiler/errors.py).  No input produces a Python traceback.

The commands live by group: cli/compile.py (check, compile, ir), cli/run.py (run, test),
cli/rejects.py (rejects export, rejects apply), cli/demo.py (demo-data), cli/sample.py
(sample, plan), cli/secure.py (keygen, backup, restore, audit), cli/access.py (access
apply, access check), cli/docs.py (docs, report, diff), cli/reconcile.py (reconcile).
They raise ChartshiftError and leave the reporting to `main`.
"""

from __future__ import annotations

import argparse
import gc
import sys
from typing import cast

from compiler import __version__
from compiler.cli import access as cli_access
from compiler.cli import compile as cli_compile
from compiler.cli import contracts as cli_contracts
from compiler.cli import demo as cli_demo
from compiler.cli import docs as cli_docs
from compiler.cli import fmt as cli_fmt
from compiler.cli import init as cli_init
from compiler.cli import reconcile as cli_reconcile
from compiler.cli import rejects as cli_rejects
from compiler.cli import run as cli_run
from compiler.cli import sample as cli_sample
from compiler.cli import secure as cli_secure
from compiler.cli.common import PROGRESS_COMMANDS, SELECT_COMMANDS, add_output_options, add_select_option
from compiler.diagnostics import render
from compiler.errors import EXIT_RUNTIME, ChartshiftError

# every command, in the order `chartshift --help` lists them
ADD_COMMANDS = (
    cli_compile.add_check,
    cli_compile.add_compile,
    cli_run.add_run,
    cli_run.add_test,
    cli_rejects.add_commands,  # rejects export, rejects apply
    cli_compile.add_ir,
    cli_demo.add_demo_data,
    cli_secure.add_commands,  # keygen, backup, restore, audit
    cli_sample.add_commands,  # sample, plan
    cli_contracts.add_commands,  # schema, completion
    cli_init.add_commands,  # init
    cli_fmt.add_commands,  # fmt
    cli_access.add_commands,  # access apply, access check
    cli_docs.add_commands,  # docs, report, diff
    cli_reconcile.add_reconcile,
)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="chartshift", description="Compile and run data-migration specs.")
    p.add_argument("--version", action="version", version=f"chartshift {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    for add in ADD_COMMANDS:
        add(sub)
    for name in PROGRESS_COMMANDS:
        if name in sub.choices:
            add_output_options(sub.choices[name])
    for name in SELECT_COMMANDS:
        add_select_option(sub.choices[name])
    p.set_defaults(root_parser=p)  # `completion` reads every command's options from it
    return p


def run_command(args: argparse.Namespace) -> int:
    """The command, inside a progress session when it has the output options; a
    `--target NAME` resolved through chartshift.toml first (compiler/runtime/profiles.py)."""
    if isinstance(getattr(args, "target", None), str):
        from compiler.runtime.profiles import resolve_target

        args.target = resolve_target(args.target)
    if not hasattr(args, "quiet"):
        return cast(int, args.func(args))  # every cmd_* returns its exit code
    from compiler.runtime.progress import session

    with session(quiet=args.quiet, verbose=args.verbose, log_file=args.log_file) as tracker:
        code = cast(int, args.func(args))
        tracker.note(f"exit {code}")
    tracker.print_steps()
    return code


def report_error(exc: ChartshiftError) -> int:
    """Print an error as the user sees it and return its exit code: the diagnostics of a
    spec (with the lines they point at) and their count, else one line."""
    if exc.diagnostics:
        for d in exc.diagnostics:
            print(render(d, exc.sources.get(d.span.file) or None), file=sys.stderr)
        n = len([d for d in exc.diagnostics if d.severity == "error"])
        print(f"{n} error{'s' if n != 1 else ''}", file=sys.stderr)
    else:
        print(f"{exc.subject or 'chartshift'}: error: {exc}", file=sys.stderr)
    return exc.exit_code


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return run_command(args)
    except ChartshiftError as exc:
        return report_error(exc)
    except KeyboardInterrupt:
        print("chartshift: interrupted; the target was left unchanged", file=sys.stderr)
        return EXIT_RUNTIME
    except OSError as exc:
        print(f"chartshift: error: {exc.strerror or type(exc).__name__}: {exc.filename or ''}", file=sys.stderr)
        return EXIT_RUNTIME
    except Exception as exc:  # never a traceback: name the failure, keep row data out
        print(f"chartshift: internal error: {type(exc).__name__} (please report)", file=sys.stderr)
        return EXIT_RUNTIME


def entry() -> None:
    """The `chartshift` program: run the command, then exit without a last garbage
    collection.  A compile leaves a million sqlglot nodes that only the cyclic collector
    frees (they link to their parents); the interpreter would walk and free all of them
    at exit, 1 s of a 3 s compile of a 200-table spec.  The OS takes the memory back.
    (Commands close their files and connections themselves.)"""
    code = main()
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    entry()
