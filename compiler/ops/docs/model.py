"""What the mapping documentation shows, derived from a checked spec: per target table its
fields (source columns, the expression as written, lookups), rules, checks and generated
steps; the lineage edges; the source columns no map reads.

One model for both writers (html.py, markdown.py), so the site and the Markdown say the
same.  Everything is in spec order or sorted: the output is byte-identical per spec.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from compiler import ir
from compiler.diagnostics import Span
from compiler.ir import types as T
from compiler.ir.naming import check_name, dotted
from compiler.ir.walk import walk
from compiler.pipeline import Compiled, RenderedStep
from compiler.semantic.catalog import Catalog, EachVarRef, FieldRef, MapScope, SourceColumnRef
from compiler.semantic.field_refs import FieldScope


@lru_cache(maxsize=4)
def _lines(text: str) -> list[str]:
    return text.splitlines()


def span_text(text: str, span: Span) -> str:
    """The spec text a span covers (lines joined as written, indentation of later lines trimmed)."""
    lines = _lines(text)
    if span.line < 1 or span.end_line > len(lines):
        return ""
    if span.line == span.end_line:
        return lines[span.line - 1][span.column - 1 : span.end_column - 1]
    first = lines[span.line - 1][span.column - 1 :]
    middle = [ln.strip() for ln in lines[span.line : span.end_line - 1]]
    last = lines[span.end_line - 1][: span.end_column - 1].strip()
    return " ".join(p for p in [first.strip(), *middle, last] if p)


@dataclass(frozen=True)
class StepLink:
    """A generated file of one dialect and the first spec line of the map it comes from."""

    dialect: str
    file: str  # `20_02_emr_patient.sql`
    line: int


@dataclass
class FieldDoc:
    name: str
    type: str
    phi: bool
    expr: str  # as written in the spec ("" when no map assigns it)
    line: int
    sources: list[str] = field(default_factory=list)  # `legacy.patients.dob`
    lookups: list[str] = field(default_factory=list)
    reads_fields: list[str] = field(default_factory=list)
    crosswalk_of: list[str] = field(default_factory=list)  # `emr.patient`: ids looked up in its crosswalk


@dataclass
class RuleDoc:
    kind: str  # where, reject, dedup, join, each, group
    text: str
    line: int


@dataclass
class MapDoc:
    label: str  # `legacy.patients -> emr.patient`
    source: str
    line: int
    fields: list[FieldDoc]
    rules: list[RuleDoc]
    steps: list[StepLink]


@dataclass
class CheckDoc:
    name: str
    text: str
    line: int


@dataclass
class TableDoc:
    name: str  # `emr.patient`
    line: int
    columns: list[FieldDoc]  # every column; a union's fields come from its first map's assignment
    maps: list[MapDoc]
    checks: list[CheckDoc]


@dataclass
class LookupDoc:
    name: str
    line: int
    source: str  # "inline" or its file
    entries: list[tuple[str, str]]  # (keys, value) as written
    default: str
    used_by: list[str]  # `emr.patient.sex`


@dataclass
class SiteModel:
    title: str
    spec: str
    sha256: str
    dialects: list[str]
    tables: list[TableDoc]
    lookups: list[LookupDoc]
    sources: list[tuple[str, list[str]]]  # source table -> its columns (spec order)
    unmapped: list[str]  # `legacy.patients.ssn`: read by no map and not ignored (semantic/coverage.py)
    ignored: list[tuple[str, str, int]]  # (`legacy.patients.fax`, reason, spec line): `ignore`d on purpose
    edges: list[tuple[str, str]]  # (source column, target column), sorted
    steps: dict[str, list[RenderedStep]]  # dialect -> its files


def literal_text(lit: ir.Literal) -> str:
    return "null" if lit.value is None else f'"{lit.value}"' if lit.type == "text" else str(lit.value)


def _scope(cat: Catalog, m: ir.Map) -> FieldScope:
    ms = MapScope.of(cat, m)
    for i, n in enumerate(m.each.names if m.each else []):
        ms.each_types[n] = (i, T.ANY)
    return FieldScope.over(cat, ms)


class _MapReader:
    """Names read by the expressions of one map, resolved as the checker resolves them."""

    def __init__(self, cat: Catalog, m: ir.Map):
        self.cat, self.m, self.scope = cat, m, _scope(cat, m)
        self.assigns = {a.field: a for a in m.assigns}

    def columns(self, e: object, seen: frozenset[str] = frozenset()) -> list[str]:
        """Source columns `e` reads, directly, through `each` variables or other fields (the
        lineage: which columns feed a field; which columns any map reads is the checker's
        coverage)."""
        out: list[str] = []
        inside_exists: set[int] = set()
        for n in walk(e):
            if isinstance(n, ir.Exists):
                for x in walk(n.where):
                    inside_exists.add(id(x))
                    if isinstance(x, ir.Name) and len(x.parts) == 2 and x.parts[0] == n.alias:
                        out.append(f"{dotted(n.table)}.{x.parts[1]}")
            if not isinstance(n, ir.Name) or id(n) in inside_exists:
                continue
            ref = self.scope.resolve(n, False)
            if isinstance(ref, SourceColumnRef):
                out.append(f"{ref.table}.{ref.column}")
            elif isinstance(ref, EachVarRef) and self.m.each:
                for item in self.m.each.items:
                    part = item.items[ref.index] if isinstance(item, ir.Tuple) else item
                    out += self.columns(part, seen)
            elif isinstance(ref, FieldRef) and ref.name in self.assigns and ref.name not in seen:
                out += self.columns(self.assigns[ref.name].expr, seen | {ref.name})
        return out

    def field_doc(self, col: ir.Column, a: ir.Assign | None, text: str) -> FieldDoc:
        doc = FieldDoc(col.name, type_text(col.type), col.phi, "", col.span.line)
        if a is None:
            return doc
        doc.expr, doc.line = span_text(text, a.expr.span), a.span.line
        doc.sources = sorted(set(self.columns(a.expr)))
        for n in walk(a.expr):
            if isinstance(n, ir.Call):
                name = ".".join(n.func)
                if name in self.cat.lookups:
                    doc.lookups.append(name)
                elif len(n.func) == 3 and n.func[-1] == "crosswalk":
                    doc.crosswalk_of.append(".".join(n.func[:2]))
            if isinstance(n, ir.Name) and isinstance(self.scope.resolve(n, False), FieldRef):
                doc.reads_fields.append(n.parts[0])
        doc.lookups, doc.crosswalk_of, doc.reads_fields = (sorted(set(x)) for x in (doc.lookups, doc.crosswalk_of, doc.reads_fields))
        return doc

    def rules(self, text: str) -> list[RuleDoc]:
        m = self.m
        out = [RuleDoc("each", span_text(text, m.each.span), m.each.span.line)] if m.each else []
        out += [RuleDoc("join", span_text(text, j.span), j.span.line) for j in m.joins]
        out += [RuleDoc("where", span_text(text, w.span), w.span.line) for w in m.where]
        out += [RuleDoc("group", span_text(text, m.group.span), m.group.span.line)] if m.group else []
        out += [RuleDoc("dedup", span_text(text, m.dedup.span), m.dedup.span.line)] if m.dedup else []
        out += [RuleDoc("reject", span_text(text, r.span), r.span.line) for r in m.rejects]
        return sorted(out, key=lambda r: r.line)


def type_text(t: ir.TypeRef) -> str:
    return f"{t.name}({', '.join(str(a) for a in t.args)})" if t.args else t.name


def check_tables(c: ir.Check) -> list[str]:
    """The tables a check reads (`emr.patient`, `legacy.visits`)."""
    if isinstance(c, ir.ReconcileCheck):
        return sorted({dotted(c.left.table), dotted(c.right.table)})
    return [".".join(c.subject.parts[:2])]


def steps_of(m: ir.Map, steps: dict[str, list[RenderedStep]]) -> list[StepLink]:
    """The generated files with a statement from the map's lines, per dialect."""
    out = []
    for dialect in sorted(steps):
        for s in steps[dialect]:
            lines = [ln for ln in s.lines if m.span.line <= ln <= m.span.end_line]
            if lines:
                out.append(StepLink(dialect, s.name, lines[0]))
    return out


def build_model(compiled: Compiled, steps: dict[str, list[RenderedStep]]) -> SiteModel:
    spec, cat, text = compiled.spec, compiled.catalog, compiled.text
    readers = {id(m): _MapReader(cat, m) for m in spec.maps}
    checks = [(c, check_tables(c)) for c in spec.checks]
    tables: list[TableDoc] = []
    edges: set[tuple[str, str]] = set()
    lookup_users: dict[str, set[str]] = {}
    for tgt in spec.targets:
        for tt in tgt.tables:
            qualified = f"{tgt.name}.{tt.name}"
            maps = cat.maps_of_target.get(qualified, [])
            map_docs = []
            first: dict[str, FieldDoc] = {}
            for m in maps:
                r = readers[id(m)]
                fields = [r.field_doc(c, r.assigns.get(c.name), text) for c in tt.columns]
                for f in fields:
                    edges.update((s, f"{qualified}.{f.name}") for s in f.sources)
                    for lk in f.lookups:
                        lookup_users.setdefault(lk, set()).add(f"{qualified}.{f.name}")
                    if f.expr:
                        first.setdefault(f.name, f)
                map_docs.append(
                    MapDoc(f"{dotted(m.source)} -> {qualified}", dotted(m.source), m.span.line, fields, r.rules(text), steps_of(m, steps))
                )
            columns = [first.get(c.name) or FieldDoc(c.name, type_text(c.type), c.phi, "", c.span.line) for c in tt.columns]
            touching = [CheckDoc(check_name(c), span_text(text, c.span), c.span.line) for c, ts in checks if qualified in ts]
            tables.append(TableDoc(qualified, tt.span.line, columns, map_docs, touching))
    sources = [(f"{s.name}.{t.name}", [c.name for c in t.columns]) for s in spec.sources for t in s.tables]
    unmapped = [f"{cov.table}.{c}" for cov in compiled.checked.coverage for c in cov.unmapped]
    ignored = [(f"{s.name}.{t.name}.{i.column}", i.reason, i.span.line) for s in spec.sources for t in s.tables for i in t.ignored]
    lookups = [lookup_doc(lk, sorted(lookup_users.get(lk.name, set())), compiled.path.parent) for lk in spec.lookups]
    title = spec.migration.name if spec.migration else compiled.path.stem
    return SiteModel(
        title, compiled.display, compiled.sha256, sorted(steps), tables, lookups, sources, unmapped, ignored, sorted(edges), steps
    )


MAX_FILE_ENTRIES = 500  # a file lookup's entries shown; the rest are counted


def file_entries(lk: ir.Lookup, base: Path) -> list[tuple[str, str]]:
    """A file lookup's rows as (keys, value) text (the checker has read the file already)."""
    keys = lk.key_columns or [lk.key_column or ""]
    values = lk.fields or [lk.value_column or ""]
    out = []
    try:
        with (base / (lk.file or "")).open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                k = [f'"{row.get(c) or ""}"' for c in keys]
                v = [f'"{row.get(c) or ""}"' for c in values]
                out.append((", ".join(k) if len(k) == 1 else "(" + ", ".join(k) + ")", v[0] if len(v) == 1 else "(" + ", ".join(v) + ")"))
    except (OSError, UnicodeDecodeError, csv.Error):
        return [("(the file could not be read)", "")]
    if len(out) > MAX_FILE_ENTRIES:
        out = [*out[:MAX_FILE_ENTRIES], (f"... {len(out) - MAX_FILE_ENTRIES} more rows in the file", "")]
    return out


def lookup_doc(lk: ir.Lookup, used_by: list[str], base: Path) -> LookupDoc:
    entries = file_entries(lk, base) if lk.file else []
    for e in lk.entries:
        keys = ", ".join(
            "(" + ", ".join(literal_text(p) for p in row) + ")" if len(row) > 1 else literal_text(row[0]) for row in e.key_rows()
        )
        vals = e.value_row()
        value = literal_text(vals[0]) if len(vals) == 1 else "(" + ", ".join(literal_text(v) for v in vals) + ")"
        entries.append((keys, value))
    if lk.else_reject:
        default = "reject"
    elif lk.defaults:
        default = "(" + ", ".join(literal_text(v) for v in lk.defaults) + ")"
    else:
        default = literal_text(lk.default) if lk.default is not None else "null"
    source = (
        f'file "{lk.file}" (key "{lk.key_column or ", ".join(lk.key_columns)}", value "{lk.value_column or ", ".join(lk.fields)}")'
        if lk.file
        else "inline"
    )
    return LookupDoc(lk.name, lk.span.line, source, entries, default, used_by)
