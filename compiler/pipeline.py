"""The compile pipeline in one place: spec file -> parse -> build -> check -> SQL scripts."""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import sqlglot.errors

from compiler import ir
from compiler.diagnostics import Diagnostic, SpecError
from compiler.emit.render import exclusive, render_access, render_script
from compiler.errors import BadSpec, EnvironmentProblem
from compiler.functions.registry import FunctionNotAvailable
from compiler.semantic.catalog import Catalog
from compiler.semantic.check import check
from compiler.semantic.checked import Checked
from compiler.sqlgen.scripts import generate
from compiler.sqlgen.statements import Script
from compiler.syntax.build import build
from compiler.syntax.parse import parse, point_span


class InputError(EnvironmentProblem):
    """A file that cannot be read (exit code 3)."""


class NotExpressible(BadSpec):
    """The spec needs something a dialect cannot express (a function without an
    implementation there, a construct sqlglot refuses to write): exit 2, about the spec."""

    def __init__(self, spec: str, message: str):
        super().__init__(message)
        self.subject = spec


@dataclass
class Compiled:
    """A checked spec and what was derived from it."""

    path: Path
    display: str
    text: str
    checked: Checked
    sha256: str

    @property
    def spec(self) -> ir.Spec:
        return self.checked.spec

    @property
    def catalog(self) -> Catalog:
        return self.checked.catalog


def read_spec(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read spec: {exc.strerror or exc}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        span = point_span(str(path), line, exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1)
        raise SpecError([Diagnostic("error", "spec files must be UTF-8 (undecodable byte)", span)]) from None


def spec_hash(text: str, spec: ir.Spec, base: Path) -> str:
    """SHA-256 of the spec text plus every lookup file it reads."""
    h = hashlib.sha256(text.encode("utf-8"))
    for lk in spec.lookups:
        if lk.file:
            try:
                h.update((base / lk.file).read_bytes())
            except OSError:
                pass
    return h.hexdigest()


@contextmanager
def no_full_collections() -> Iterator[None]:
    """Leave Python's full (oldest-generation) garbage collections until the block is done.

    Compiling builds a few million small objects that live to the end of the compile: IR
    nodes, and sqlglot trees, whose nodes link to their parents, so that only the cyclic
    collector frees them.  Every full collection walks all of them; with the default
    thresholds those took 40-60 % of compiling a 200-table spec.  Young collections still
    run (they free the copies dropped along the way, so memory stays as before); the next
    full collection after the block frees the trees once they are dropped."""
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], thresholds[1], 1 << 30)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def load(path: str | Path, dialects: Sequence[str] = ()) -> Compiled:
    """Parse, build and check a spec file; raise SpecError / InputError.  The checker's
    warnings are in `.checked.warnings` (the CLI prints them).  `dialects`: the
    `--dialect`s the spec is checked for (semantic/identifiers.py)."""
    p = Path(path)
    return load_text(read_spec(p), p, str(path), dialects)


def load_text(text: str, p: Path, display: str, dialects: Sequence[str] = ()) -> Compiled:
    """`load` of spec text that is not (or no longer) the file's: `chartshift diff --git`
    reads an earlier revision; lookup files are read next to `p`."""
    try:
        with no_full_collections():
            spec = build(parse(text, display), display)
            checked = check(spec, p.parent, dialects)
    except SpecError as exc:
        # for showing the lines the diagnostics point at (file -> text; the cast: ChartshiftError.sources
        # in compiler/errors.py has no annotation, so its type is inferred from its default, an empty MappingProxyType)
        exc.sources = cast(Any, {display: text})
        raise
    return Compiled(p, display, text, checked, spec_hash(text, spec, p.parent))


def select(compiled: Compiled, names: Sequence[str], dialects: Sequence[str] = ()) -> Compiled:
    """`--select`: the spec with only the named maps and those they depend on
    (compiler/plan/select.py), checked again; the same spec when `names` is empty."""
    if not names:
        return compiled
    from dataclasses import replace

    from compiler.plan.select import select_spec

    spec = select_spec(compiled.spec, names)
    # the whole spec's warnings: columns the left-out maps read are not "unused"
    checked = replace(check(spec, compiled.path.parent, dialects), warnings=compiled.checked.warnings)
    return Compiled(compiled.path, compiled.display, compiled.text, checked, compiled.sha256)


def scripts_for(compiled: Compiled, dialect: str) -> list[Script]:
    return generate(compiled.checked, dialect)


def render_access_file(compiled: Compiled, dialect: str) -> dict[str, str]:
    """{"access.sql": text} when the spec has an `access` block and the dialect has roles."""
    from compiler.dialects import BY_NAME
    from compiler.sqlgen.access import AccessGen

    record = BY_NAME.get(dialect)
    if compiled.spec.access is None or record is None or record.access is None:
        return {}
    gen = AccessGen(compiled.spec, compiled.catalog, record)
    return {"access.sql": render_access(gen.statements(), dialect, compiled.display, compiled.sha256)}


@dataclass(frozen=True)
class RenderedStep:
    """One generated file with the spec lines its statements come from (docs link to them)."""

    name: str  # file name, `20_02_emr_patient.sql`
    title: str
    lines: tuple[int, ...]  # spec lines of its statements, sorted, distinct
    text: str


def render_steps(compiled: Compiled, dialect: str) -> list[RenderedStep]:
    """Every script of `dialect` rendered, with its title and spec lines (`chartshift docs`
    links to them; `render_all` keeps the texts)."""
    try:
        with no_full_collections():
            scripts = scripts_for(compiled, dialect)
            lines = [tuple(sorted({st.span.line for st in s.statements if st.span is not None})) for s in scripts]
            consume = exclusive(scripts)
            return [
                RenderedStep(f"{s.name}.sql", s.title, ln, render_script(s, dialect, compiled.display, compiled.sha256, consume))
                for s, ln in zip(scripts, lines)
            ]
    except FunctionNotAvailable as exc:
        raise NotExpressible(compiled.display, str(exc)) from None
    except sqlglot.errors.UnsupportedError as exc:
        message = f"dialect {dialect} cannot express the generated SQL: {str(exc).splitlines()[0]}"
        raise NotExpressible(compiled.display, message) from None


def render_all(compiled: Compiled, dialect: str) -> dict[str, str]:
    """file name -> SQL text for every script of `dialect` (and its access.sql);
    NotExpressible when the dialect cannot express the spec."""
    files = {step.name: step.text for step in render_steps(compiled, dialect)}
    return files | render_access_file(compiled, dialect)
