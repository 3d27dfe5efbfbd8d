"""One error hierarchy (compiler/errors.py): every error class of the package is a
ChartshiftError of one kind with an exit code, or a documented internal one; the CLI maps
each to its message and exit code in one place, never with a traceback."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys

import pytest

import compiler
from compiler.cli import compile as cli_compile
from compiler.cli.main import main
from compiler.diagnostics import Diagnostic, Span, SpecError
from compiler.errors import BadSpec, ChartshiftError, EnvironmentProblem, UsageError
from compiler.functions.dates.formats import FormatError
from compiler.functions.regex import RegexError
from compiler.functions.registry import FunctionNotAvailable
from compiler.functions.sqlkit import InvalidArgument
from compiler.ops.cutover_window import PlanError
from compiler.ops.docs.report_html import NotAReport
from compiler.ops.docs.site import DocsFileError
from compiler.ops.docs.specdiff import GitProblem, UnknownRevision
from compiler.ops.replay.layout import ReplayError
from compiler.ops.sample import SampleError
from compiler.ops.secure.archive import ArchiveError, WrongKeyError
from compiler.ops.secure.audit import AuditError
from compiler.ops.secure.keys import KeyFileError, SecureError, SecureUsageError
from compiler.pipeline import InputError, NotExpressible
from compiler.runtime.delta import DeltaRefused
from compiler.runtime.engines.base import EngineError, TargetBusy
from compiler.runtime.phases import PhaseRefused
from compiler.runtime.rights import MissingRights
from compiler.runtime.staging import StagingError
from compiler.sqlgen.access import RightNotExpressible
from compiler.sqlgen.dialect_sql import DialectNotSupported
from tests.conftest import ROOT

# raised and caught inside the package (the checker turns them into diagnostics)
INTERNAL = {FormatError, RegexError, InvalidArgument}

KIND_CODES = {BadSpec: 2, UsageError: 2, EnvironmentProblem: 3}

# a family rather than a kind: the security commands' errors, whose messages go to the audit
# log; raised itself for an environment failure (exit 3), its subclasses name their kind
FAMILIES = {SecureError}


def package_exception_classes() -> set[type]:
    for info in pkgutil.walk_packages(compiler.__path__, "compiler."):
        importlib.import_module(info.name)
    return {
        obj
        for name, module in list(sys.modules.items())
        if name == "compiler" or name.startswith("compiler.")
        for _, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, BaseException) and obj.__module__.startswith("compiler")
    }


def all_subclasses(cls: type) -> set[type]:
    out = set()
    for sub in cls.__subclasses__():
        out |= {sub} | all_subclasses(sub)
    return out


def test_every_error_class_is_a_chartshift_error_or_documented_internal():
    classes = package_exception_classes()
    assert classes - {ChartshiftError} - all_subclasses(ChartshiftError) == INTERNAL
    for cls in INTERNAL:
        assert issubclass(cls, ValueError) and "Internal" in cls.__doc__


def test_every_chartshift_error_has_one_kind_and_its_exit_code():
    for cls in all_subclasses(ChartshiftError):
        assert cls.exit_code in (1, 2, 3), cls
        kinds = [kind for kind in KIND_CODES if issubclass(cls, kind)]
        assert len(kinds) == (0 if cls in FAMILIES else 1), (cls, kinds)
        for kind in kinds:
            assert cls.exit_code == KIND_CODES[kind], (cls, kind)
    assert SecureError.exit_code == 3


SPAN = Span(file="s.mig", line=2, column=3, end_line=2, end_column=6)

# (what a command raises, exit code, stderr)
CASES = [
    (UsageError("--patients must be at least 1"), 2, "chartshift: error: --patients must be at least 1\n"),
    (DialectNotSupported("unknown dialect `cobol`"), 2, "chartshift: error: unknown dialect `cobol`\n"),
    (SampleError("--count must be at least 1"), 2, "chartshift: error: --count must be at least 1\n"),
    (NotAReport("r.json: not a chartshift run report"), 2, "chartshift: error: r.json: not a chartshift run report\n"),
    (UnknownRevision("v9:s.mig: fatal: invalid object name"), 2, "chartshift: error: v9:s.mig: fatal: invalid object name\n"),
    (DocsFileError("out: cannot write the documentation"), 3, "chartshift: error: out: cannot write the documentation\n"),
    (GitProblem("diff --git needs git on the PATH"), 3, "chartshift: error: diff --git needs git on the PATH\n"),
    (
        DeltaRefused("extract d3 has sequence 3, the target expects 2"),
        2,
        "chartshift: error: extract d3 has sequence 3, the target expects 2\n",
    ),
    (PhaseRefused("unknown phase `x`; the spec declares: a, b"), 2, "chartshift: error: unknown phase `x`; the spec declares: a, b\n"),
    (PlanError("bad window 'x'"), 2, "chartshift: error: bad window 'x'\n"),
    (SecureUsageError("backup needs --out FILE"), 2, "chartshift: error: backup needs --out FILE\n"),
    (BadSpec("the spec is wrong"), 2, "chartshift: error: the spec is wrong\n"),
    (FunctionNotAvailable("title", "snowflake"), 2, "chartshift: error: function `title` has no implementation for dialect snowflake\n"),
    (
        NotExpressible("s.mig", "function `title` has no implementation for dialect snowflake"),
        2,
        "s.mig: error: function `title` has no implementation for dialect snowflake\n",
    ),
    (
        SpecError([Diagnostic("error", "unknown column `dobb`", SPAN)], {"s.mig": "a\nx = dobb\n"}),
        2,
        "s.mig:2:3: error: unknown column `dobb`\n 2 | x = dobb\n   |   ^^^\n1 error\n",
    ),
    (
        SpecError([Diagnostic("error", "not UTF-8", SPAN), Diagnostic("error", "second", SPAN)]),
        2,
        "s.mig:2:3: error: not UTF-8\ns.mig:2:3: error: second\n2 errors\n",
    ),
    (
        RightNotExpressible("dialect x cannot grant columns: right `read emr.patient` of role clinician_readonly"),
        2,
        "chartshift: error: dialect x cannot grant columns: right `read emr.patient` of role clinician_readonly\n",
    ),
    (
        MissingRights("postgresql://h/db: the connection lacks rights the run needs: CREATE on the database"),
        3,
        "chartshift: error: postgresql://h/db: the connection lacks rights the run needs: CREATE on the database\n",
    ),
    (EnvironmentProblem("something around the run"), 3, "chartshift: error: something around the run\n"),
    (
        InputError("s.mig: cannot read spec: No such file or directory"),
        3,
        "chartshift: error: s.mig: cannot read spec: No such file or directory\n",
    ),
    (StagingError("d/P.csv: source file for legacy.p not found"), 3, "chartshift: error: d/P.csv: source file for legacy.p not found\n"),
    (EngineError("postgresql://h/db: cannot connect"), 3, "chartshift: error: postgresql://h/db: cannot connect\n"),
    (ReplayError("P.csv: the file changed since the run"), 3, "chartshift: error: P.csv: the file changed since the run\n"),
    (TargetBusy("duckdb:///t.duckdb: the target file is in use"), 3, "chartshift: error: duckdb:///t.duckdb: the target file is in use\n"),
    (SecureError("b.csbk: backup file not found"), 3, "chartshift: error: b.csbk: backup file not found\n"),
    (KeyFileError("k: key file not found"), 3, "chartshift: error: k: key file not found\n"),
    (AuditError("a.jsonl: cannot open audit log"), 3, "chartshift: error: a.jsonl: cannot open audit log\n"),
    (ArchiveError("b.csbk: truncated archive"), 3, "chartshift: error: b.csbk: truncated archive\n"),
    (WrongKeyError("b.csbk: wrong key"), 3, "chartshift: error: b.csbk: wrong key\n"),
    # not ChartshiftErrors: unchanged behaviour
    (KeyboardInterrupt(), 3, "chartshift: interrupted; the target was left unchanged\n"),
    (FileNotFoundError(2, "No such file or directory", "out/x.sql"), 3, "chartshift: error: No such file or directory: out/x.sql\n"),
    (ValueError("Zoe Smith 1961-02-03"), 3, "chartshift: internal error: ValueError (please report)\n"),
    (RegexError("unsupported", "(?<x>"), 3, "chartshift: internal error: RegexError (please report)\n"),
]


def test_the_table_covers_every_chartshift_error():
    assert all_subclasses(ChartshiftError) <= {type(exc) for exc, _, _ in CASES}


@pytest.mark.parametrize("exc, code, stderr", CASES, ids=[type(c[0]).__name__ for c in CASES])
def test_the_cli_maps_each_error_to_its_exit_code_and_message(exc, code, stderr, monkeypatch, capsys):
    def raising(path, *dialects):
        raise exc

    monkeypatch.setattr(cli_compile, "load_spec", raising)
    assert main(["check", "s.mig"]) == code
    out, err = capsys.readouterr()
    assert (out, err) == ("", stderr)
    assert "Traceback" not in err


def test_the_program_exits_with_the_code(tmp_path):
    """Through the console script's entry point (sys.exit), in a fresh process."""
    bad = tmp_path / "bad.mig"
    bad.write_text("source legacy csv {\n")
    for spec, code in ((bad, 2), (tmp_path / "missing.mig", 3)):
        done = subprocess.run(
            [sys.executable, "-m", "compiler.cli.main", "check", str(spec)], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == code, done.stderr
        assert "Traceback" not in done.stderr and done.stderr.strip()
