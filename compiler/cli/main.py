"""Command-line interface.  Exit codes: 0 success, 1 validation failed, 2 bad spec or usage,
3 runtime or environment error.  No input produces a Python traceback."""

from __future__ import annotations

import argparse
import gc
import json
import sys
from pathlib import Path

from rich.console import Console

from compiler import __version__
from compiler.diagnostics import SpecError, render

EXIT_OK, EXIT_VALIDATION, EXIT_SPEC, EXIT_RUNTIME = 0, 1, 2, 3

out_console = Console(highlight=False, width=None if sys.stdout.isatty() else 140)


class UsageError(Exception):
    """Bad command-line usage (exit 2)."""


def print_diagnostics(exc: SpecError, texts: dict[str, str]) -> None:
    for d in exc.diagnostics:
        print(render(d, texts.get(d.span.file)), file=sys.stderr)
    n = len([d for d in exc.diagnostics if d.severity == "error"])
    print(f"{n} error{'s' if n != 1 else ''}", file=sys.stderr)


def load_spec(path: str):
    from compiler.pipeline import load, read_spec

    try:
        return load(path)
    except SpecError as exc:
        try:
            text = read_spec(Path(path))
        except Exception:
            text = None
        print_diagnostics(exc, {path: text} if text else {})
        raise SystemExit(EXIT_SPEC) from None


# ------------------------------------------------------------------ commands


def cmd_check(args) -> int:
    for spec in args.spec:
        load_spec(spec)
        print(f"{spec}: ok", file=sys.stderr)
    return EXIT_OK


def cmd_ir(args) -> int:
    compiled = load_spec(args.spec)
    print(compiled.spec.model_dump_json(indent=2))
    return EXIT_OK


def cmd_compile(args) -> int:
    import sqlglot.errors

    from compiler.sqlgen.dialect_sql import DialectNotSupported
    from compiler.dialects import RUNNABLE_NAMES
    from compiler.functions import FunctionNotAvailable
    from compiler.pipeline import render_all

    stale: list[str] = []
    rendered = False
    for spec in args.spec:
        compiled = load_spec(spec)
        dialects = args.dialect or list(RUNNABLE_NAMES)
        for dialect in dialects:
            if rendered:
                # the trees of the last render are garbage that only a full collection
                # frees, and render_all defers those: free them before the next (0.8 s
                # for the 200-table spec), else memory grows by a dialect's trees each time
                gc.collect()
            rendered = True
            try:
                files = render_all(compiled, dialect)
            except DialectNotSupported as exc:
                raise UsageError(str(exc)) from None
            except FunctionNotAvailable as exc:
                print(f"{spec}: error: {exc}", file=sys.stderr)
                return EXIT_SPEC
            except sqlglot.errors.UnsupportedError as exc:
                print(f"{spec}: error: dialect {dialect} cannot express the generated SQL: {str(exc).splitlines()[0]}", file=sys.stderr)
                return EXIT_SPEC
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


def cmd_run(args) -> int:
    from compiler.ops.secure.audit import append_event, check_writable
    from compiler.runtime.report import print_summary
    from compiler.runtime.run import run

    compiled = load_spec(args.spec)
    check_writable(args.audit)  # fail before the work when it could not be audited
    try:
        report = run(compiled, Path(args.source) if args.source else None, args.target,
                     commit_on_fail=args.commit_on_fail, show_phi=args.show_phi)
    except Exception as exc:
        append_event("run", spec=compiled, verdict="error", path=args.audit, details={"error": type(exc).__name__})
        raise
    if args.report:
        report.write(Path(args.report))
    totals = {k: sum(getattr(m, k) for m in report.maps) for k in ("source_rows", "loaded", "rejected", "filtered", "merged")}
    append_event("run", spec=compiled, counts=totals, verdict=report.status, path=args.audit,
                 details={"target": report.target, "committed": report.committed})
    print_summary(report, out_console)
    return EXIT_VALIDATION if report.status == "fail" else EXIT_OK


def cmd_test(args) -> int:
    from compiler.runtime.spectest import junit_xml, run_tests

    results_by_spec = {}
    failed = total = 0
    for spec in args.spec:
        compiled = load_spec(spec)
        results = run_tests(compiled, args.target)
        results_by_spec[spec] = results
        for r in results:
            total += 1
            mark = "[green]PASS[/]" if r.passed else "[bold red]FAIL[/]"
            out_console.print(f"{mark} {spec}:{r.line} {r.name} ({r.seconds:.2f}s)")
            for line in r.failures:
                out_console.print(line, markup=False, highlight=False)
            failed += not r.passed
    if args.junit:
        Path(args.junit).write_text(junit_xml(results_by_spec), encoding="utf-8")
    print(f"{total - failed} passed, {failed} failed", file=sys.stderr)
    return EXIT_VALIDATION if failed else EXIT_OK


def cmd_demo_data(args) -> int:
    from compiler.demo.export import generate

    if args.patients < 1:
        raise UsageError("--patients must be at least 1")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    truth = generate(out, patients=args.patients, seed=args.seed)
    rows = sum(f["records"] for f in truth["files"].values())
    print(f"wrote {len(truth['files'])} files, {rows:,} records, and truth.json to {out}", file=sys.stderr)
    return EXIT_OK


# ------------------------------------------------------------------ entry point


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="chartshift", description="Compile and run data-migration specs.")
    p.add_argument("--version", action="version", version=f"chartshift {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("check", help="parse and check specs; diagnostics on stderr")
    c.add_argument("spec", nargs="+")
    c.set_defaults(func=cmd_check)

    c = sub.add_parser("compile", help="write generated SQL per dialect")
    c.add_argument("spec", nargs="+")
    c.add_argument("--dialect", action="append", metavar="D",
                   help="duckdb, postgres, mysql (runnable); any other sqlglot dialect compiles only (default: the three runnable ones)")
    c.add_argument("--out", default="generated")
    c.add_argument("--check", action="store_true", help="exit 1 if the files under --out are not current")
    c.set_defaults(func=cmd_compile)

    c = sub.add_parser("run", help="run a spec against a target and report")
    c.add_argument("spec")
    c.add_argument("--source", help="folder with the legacy export (default: the spec's source path)")
    c.add_argument("--target", help="duckdb:///FILE (default duckdb:///<spec>.duckdb)")
    c.add_argument("--report", help="write the JSON report here")
    c.add_argument("--commit-on-fail", action="store_true", help="keep the results of a failed run for inspection")
    c.add_argument("--show-phi", action="store_true", help="show phi values and raw lines in report samples (off by default)")
    c.add_argument("--audit", help="audit log (default $CHARTSHIFT_AUDIT_LOG or ./chartshift-audit.jsonl)")
    c.set_defaults(func=cmd_run)

    c = sub.add_parser("test", help="run the spec's test blocks (in-memory DuckDB unless --target)")
    c.add_argument("spec", nargs="+")
    c.add_argument("--target", help="run the tests on this target instead (postgresql://..., mysql://...)")
    c.add_argument("--junit", help="write JUnit XML here")
    c.set_defaults(func=cmd_test)

    c = sub.add_parser("ir", help="print the IR as JSON")
    c.add_argument("spec")
    c.set_defaults(func=cmd_ir)

    c = sub.add_parser("demo-data", help="write a demo legacy export with truth.json")
    c.add_argument("out")
    c.add_argument("--patients", type=int, default=1000)
    c.add_argument("--seed", type=int, default=42)
    c.set_defaults(func=cmd_demo_data)

    from compiler.cli import secure as cli_secure  # keygen, backup, restore, audit

    cli_secure.add_commands(sub)

    from compiler.cli import sample as cli_sample  # sample, plan

    cli_sample.add_commands(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    from compiler.cli.secure import SECURE_ERRORS
    from compiler.runtime.engines.base import EngineError
    from compiler.pipeline import InputError
    from compiler.runtime.staging import StagingError

    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except SystemExit as exc:
        return int(exc.code or 0)
    except UsageError as exc:
        print(f"chartshift: error: {exc}", file=sys.stderr)
        return EXIT_SPEC
    except SECURE_ERRORS as exc:
        print(f"chartshift: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except (InputError, StagingError, EngineError) as exc:
        print(f"chartshift: error: {exc}", file=sys.stderr)
        return EXIT_RUNTIME
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
