"""Compiler diagnostics: positioned messages rendered like a C compiler's.

specs/x.mig:42:17: error: unknown column `dobb` in legacy.patients (did you mean `dob`?)
   42 |   birth_date = parse_date(dobb, "%m/%d/%Y")
      |                           ^^^^
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict

from compiler.errors import BadSpec

CONTROLS = frozenset(chr(i) for i in range(32)) | {"\x7f", "\x85", "\u2028", "\u2029"}


class Span(BaseModel):
    """Where a node sits in the spec: 1-based line and column, end exclusive.  Defined here,
    below the IR, because diagnostics point at spans; the IR nodes carry it as `ir.Span`."""

    model_config = ConfigDict(frozen=True)
    file: str
    line: int
    column: int
    end_line: int
    end_column: int


def escape_controls(text: str) -> str:
    """Control characters (from names or strings in the spec) shown escaped, as `\\x00`."""
    return "".join(repr(ch)[1:-1] if ch in CONTROLS else ch for ch in text)


@dataclass(frozen=True)
class Diagnostic:
    """One message about the spec, with the span it points at."""

    severity: str  # "error" | "warning"
    message: str
    span: Span

    def header(self) -> str:
        return f"{self.span.file}:{self.span.line}:{self.span.column}: {self.severity}: {escape_controls(self.message)}"


class SpecError(BadSpec):
    """Raised by a pass that found errors; carries every diagnostic it collected (exit 2).
    `sources` (file -> text, filled in by whoever read the spec) lets the CLI show the lines."""

    def __init__(self, diagnostics: list[Diagnostic], sources: dict[str, str] | None = None):
        super().__init__(f"{len(diagnostics)} error(s)")
        self.diagnostics = diagnostics
        self.sources = dict(sources or {})


@dataclass
class Collector:
    """Accumulates diagnostics so a pass reports every error, not just the first."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def error(self, message: str, span: Span) -> None:
        self.diagnostics.append(Diagnostic("error", message, span))

    def warning(self, message: str, span: Span) -> None:
        self.diagnostics.append(Diagnostic("warning", message, span))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise SpecError(sorted_diagnostics(self.diagnostics))


def sorted_diagnostics(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(diags, key=lambda d: (d.span.file, d.span.line, d.span.column, d.message))


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    """` (did you mean `x`?)` when a candidate is close enough, else ''."""
    match = difflib.get_close_matches(name, sorted(set(candidates) - {name}), n=1, cutoff=0.6)
    return f" (did you mean `{match[0]}`?)" if match else ""


def printable(line: str) -> str:
    """A source line safe to print: one column per character, no control characters."""
    return "".join(" " if ch in CONTROLS else ch for ch in line)


def render(diag: Diagnostic, source_text: str | None) -> str:
    """The header line, the offending source line and a caret under the span."""
    out = [diag.header()]
    if source_text is None:
        return "\n".join(out)
    # lines as the parser counts them: split at "\n" only (a form feed or U+2028 inside a
    # comment is not a line break for Lark, and str.splitlines would shift every line)
    lines = source_text.split("\n")
    if not 1 <= diag.span.line <= len(lines):
        return "\n".join(out)
    text = printable(lines[diag.span.line - 1].rstrip("\r"))
    number = str(diag.span.line)
    gutter = " " * len(number)
    start = max(diag.span.column, 1)
    if diag.span.end_line == diag.span.line and diag.span.end_column > start:
        width = diag.span.end_column - start
    else:
        width = max(len(text) - start + 1, 1)
    out.append(f" {number} | {text}")
    out.append(f" {gutter} | {' ' * (start - 1)}{'^' * width}")
    return "\n".join(out)
