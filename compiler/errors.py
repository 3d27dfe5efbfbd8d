"""The errors chartshift reports to its user, and the exit codes they stand for.

Every error a user can cause or run into derives from `ChartshiftError` through one of
three kinds, named by what went wrong; its `exit_code` is what `chartshift` exits with.
The CLI turns any of them into its message and exit code in one place
(`compiler.cli.main.main`); anything else escaping a command is a bug, reported as an
internal error without a traceback.

    BadSpec             the spec is wrong (exit 2); a SpecError carries positioned diagnostics
    UsageError          the command line asks for something that cannot be done (exit 2)
    EnvironmentProblem  what is around the run: a file missing or unreadable, a database
                        unreachable or refusing a statement, a permission, a wrong key (exit 3)

A failed validation (exit 1) is a result, not an error: commands return EXIT_VALIDATION;
so is a run over its `--max-rejects` limit (exit 4, EXIT_REJECT_LIMIT).
Messages name files, tables, columns and counts, never row content (they reach terminals,
CI logs and the audit log).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

EXIT_OK = 0
EXIT_VALIDATION = 1  # a `fail` threshold, a broken accounting identity, stale generated SQL
EXIT_SPEC = 2  # bad spec or bad usage
EXIT_RUNTIME = 3  # runtime or environment error
EXIT_REJECT_LIMIT = 4  # `run --max-rejects`: more rejects than allowed, the target was not published


class ChartshiftError(Exception):
    """Base of the errors reported to the user: the message is one line (or, for a spec,
    the diagnostics) and `exit_code` is the command's exit code."""

    exit_code: int = EXIT_RUNTIME
    # positioned messages (compiler.diagnostics.Diagnostic, a layer above: not importable
    # here) when the error is in a spec, and the text of the files they point at
    # (file -> text), to show the offending lines
    diagnostics: Sequence[Any] = ()
    sources: Mapping[str, str] = MappingProxyType({})
    # the file the message is about, printed before it (`FILE: error: ...`); None: the program
    subject: str | None = None


class BadSpec(ChartshiftError):
    """The spec is wrong: it does not parse or check, or the chosen dialect cannot express it."""

    exit_code = EXIT_SPEC


class UsageError(ChartshiftError):
    """Bad command-line usage: a missing or contradictory option, an output that exists."""

    exit_code = EXIT_SPEC


class EnvironmentProblem(ChartshiftError):
    """The environment of the run: files, databases, permissions, keys, archives."""

    exit_code = EXIT_RUNTIME
