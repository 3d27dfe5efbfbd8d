"""`chartshift diff`: what changed between two revisions of a spec, compared on the IR
(spans left out, so moving a block or adding a comment changes nothing), and the
resulting diff of the generated SQL per dialect.

Items are matched by what names them: maps by `source -> target`, fields by name,
reject rules by reason, checks by their reported name, lookups, tables and columns by
name.  The old and new text of each changed item is shown as written in its spec.  In
the SQL the header's spec hash is left out, and a file whose only difference is the
spec line numbers its comments cite counts as unchanged (`moved`).
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from compiler import ir
from compiler.errors import EnvironmentProblem, UsageError
from compiler.ir.naming import check_name, dotted
from compiler.ops.docs.model import literal_text, span_text
from compiler.pipeline import Compiled, render_all


class GitProblem(EnvironmentProblem):
    """git is missing or failed for another reason than the revision (exit 3)."""


class UnknownRevision(UsageError):
    """`--git REV` names no revision holding the spec (exit 2)."""


@dataclass(frozen=True)
class Change:
    area: str  # migration, source table, target table, column, lookup, map, field, rule, check, test
    subject: str
    what: str  # added, removed, changed
    old: str = ""  # as written in the old spec
    new: str = ""
    old_line: int = 0
    new_line: int = 0


@dataclass
class SqlDiff:
    dialect: str
    file: str
    lines: list[str]  # unified diff


@dataclass
class SpecDiff:
    old: str
    new: str
    changes: list[Change] = field(default_factory=list)
    sql: list[SqlDiff] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)  # `dialect/file`: only cited spec lines moved

    @property
    def changed(self) -> bool:
        return bool(self.changes or self.sql)


def canon(node: object) -> str:
    """A node's content without positions, as sorted JSON."""

    def strip(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: strip(x) for k, x in v.items() if k not in ("span", "branch_span")}
        if isinstance(v, list):
            return [strip(x) for x in v]
        return v

    data = node.model_dump(mode="json") if isinstance(node, BaseModel | _Entry) else node
    return json.dumps(strip(data), sort_keys=True)


def keyed(items: Iterable[Any], key: Callable[[Any], str]) -> dict[str, Any]:
    """name -> item; a repeated name gets ` #2`, ` #3` (in order)."""
    out: dict[str, Any] = {}
    for it in items:
        k = key(it)
        n, name = 1, k
        while name in out:
            n += 1
            name = f"{k} #{n}"
        out[name] = it
    return out


@dataclass(frozen=True)
class _Entry:
    """A lookup entry under one of its keys: its span (for the text) and its value (compared)."""

    entry: ir.LookupEntry

    @property
    def span(self) -> Any:
        return self.entry.span

    def model_dump(self, mode: str = "json") -> Any:
        return [v.model_dump(mode=mode) for v in self.entry.value_row()]


class _Differ:
    def __init__(self, old: Compiled, new: Compiled):
        self.old, self.new = old, new
        self.changes: list[Change] = []

    def text(self, side: Compiled, node: Any) -> str:
        span = getattr(node, "span", None)
        return span_text(side.text, span) if span is not None else ""

    def line(self, node: Any) -> int:
        span = getattr(node, "span", None)
        return span.line if span is not None else 0

    def compare(
        self, area: str, prefix: str, old: dict[str, Any], new: dict[str, Any], deeper: Callable[[str, Any, Any], bool] | None = None
    ) -> None:
        """Added, removed and changed items; `deeper(name, a, b)` lists the changes inside
        a changed item itself and returns whether it did."""
        for name in [*old, *[n for n in new if n not in old]]:
            a, b = old.get(name), new.get(name)
            subject = f"{prefix}{name}"
            if a is None:
                self.changes.append(Change(area, subject, "added", new=self.text(self.new, b), new_line=self.line(b)))
            elif b is None:
                self.changes.append(Change(area, subject, "removed", old=self.text(self.old, a), old_line=self.line(a)))
            elif canon(a) != canon(b) and not (deeper and deeper(subject, a, b)):
                self.changes.append(
                    Change(area, subject, "changed", self.text(self.old, a), self.text(self.new, b), self.line(a), self.line(b))
                )

    def tables(self, subject: str, a: Any, b: Any) -> bool:
        self.compare("column", f"{subject}.", keyed(a.columns, lambda c: c.name), keyed(b.columns, lambda c: c.name))
        rest_a, rest_b = a.model_copy(update={"columns": []}), b.model_copy(update={"columns": []})
        if canon(rest_a) != canon(rest_b):
            head_a, head_b = (side.text.splitlines()[t.span.line - 1].strip() for side, t in ((self.old, a), (self.new, b)))
            self.changes.append(Change("table", subject, "changed", head_a, head_b, a.span.line, b.span.line))
        return True

    def lookups(self, subject: str, a: ir.Lookup, b: ir.Lookup) -> bool:
        """Entry by entry (keyed by their keys), then the rest (else, file, columns) as a whole."""

        def by_key(lk: ir.Lookup) -> dict[str, Any]:
            """key (each alternative of an entry on its own) -> the entry, compared by its value"""
            out: dict[str, Any] = {}
            for e in lk.entries:
                for row in e.key_rows():
                    k = ", ".join(literal_text(p) for p in row)
                    out.setdefault(f"({k})" if len(row) > 1 else k, _Entry(e))
            return out

        self.compare("lookup entry", f"{subject}: ", by_key(a), by_key(b))
        if canon(a.model_copy(update={"entries": []})) != canon(b.model_copy(update={"entries": []})):
            head_a, head_b = (side.text.splitlines()[x.span.line - 1].strip() for side, x in ((self.old, a), (self.new, b)))
            self.changes.append(Change("lookup", subject, "changed", head_a, head_b, a.span.line, b.span.line))
        return True

    def maps(self, subject: str, a: ir.Map, b: ir.Map) -> bool:
        self.compare("field", f"{subject}: ", keyed(a.assigns, lambda x: x.field), keyed(b.assigns, lambda x: x.field))
        self.compare(
            "rule", f"{subject}: reject ", keyed(a.rejects, lambda r: f'"{r.reason}"'), keyed(b.rejects, lambda r: f'"{r.reason}"')
        )
        self.compare("rule", f"{subject}: join ", keyed(a.joins, lambda j: j.alias), keyed(b.joins, lambda j: j.alias))
        self.compare("rule", f"{subject}: where ", keyed(a.where, canon), keyed(b.where, canon))
        for part in ("each", "dedup", "group", "on_removed"):
            pa, pb = getattr(a, part), getattr(b, part)
            self.compare("rule", f"{subject}: ", {part: pa} if pa else {}, {part: pb} if pb else {})
        return True


def source_tables(spec: ir.Spec) -> dict[str, Any]:
    return {f"{s.name}.{t.name}": t for s in spec.sources for t in s.tables}


def target_tables(spec: ir.Spec) -> dict[str, Any]:
    return {f"{s.name}.{t.name}": t for s in spec.targets for t in s.tables}


def map_label(m: ir.Map) -> str:
    return f"{dotted(m.source)} -> {dotted(m.target)}"


def diff_specs(old: Compiled, new: Compiled, dialects: Sequence[str], old_label: str | None = None) -> SpecDiff:
    """`old_label`: how to name the old spec (`REV:path` for `--git`, whose text was loaded
    under the file's own name: the generator reads lookup files next to that name)."""
    d = _Differ(old, new)
    so, sn = old.spec, new.spec
    d.compare("migration", "", {"migration": so.migration} if so.migration else {}, {"migration": sn.migration} if sn.migration else {})
    d.compare("source table", "", source_tables(so), source_tables(sn), d.tables)
    d.compare("target table", "", target_tables(so), target_tables(sn), d.tables)
    d.compare("lookup", "", keyed(so.lookups, lambda x: x.name), keyed(sn.lookups, lambda x: x.name), d.lookups)
    d.compare("map", "", keyed(so.maps, map_label), keyed(sn.maps, map_label), d.maps)
    d.compare("check", "", keyed(so.checks, check_name), keyed(sn.checks, check_name))
    d.compare("test", "", keyed(so.tests, lambda t: f'"{t.name}"'), keyed(sn.tests, lambda t: f'"{t.name}"'))
    out = SpecDiff(old_label or old.display, new.display, d.changes)
    for dialect in dialects:
        sql_diff(out, dialect, render_all(old, dialect), render_all(new, dialect), old.display, new.display)
    return out


HASH_LINE = re.compile(r"^-- spec .* sha256 [0-9a-f]{64}$")


def sql_diff(out: SpecDiff, dialect: str, old: dict[str, str], new: dict[str, str], old_display: str, new_display: str) -> None:
    cited = re.compile(re.escape(new_display) + r":\d+")

    def lines(text: str, display: str) -> list[str]:
        return [ln.replace(display, new_display) for ln in text.splitlines() if not HASH_LINE.match(ln)]

    for name in sorted(set(old) | set(new)):
        a, b = lines(old.get(name, ""), old_display), lines(new.get(name, ""), new_display)
        if a == b:
            continue
        if [cited.sub(new_display, x) for x in a] == [cited.sub(new_display, x) for x in b]:
            out.moved.append(f"{dialect}/{name}")
            continue
        diff = difflib.unified_diff(
            a,
            b,
            f"old/{dialect}/{name}" if name in old else "/dev/null",
            f"new/{dialect}/{name}" if name in new else "/dev/null",
            lineterm="",
        )
        out.sql.append(SqlDiff(dialect, name, list(diff)))


def git_revision(path: Path, rev: str) -> tuple[str, str]:
    """The spec's text at git revision `rev` and how to name it (`REV:path`); its lookup
    files are those of the working tree."""
    if not rev or rev.startswith("-"):
        raise UsageError(f"--git {rev!r}: give a revision (a commit, a branch, HEAD~1)")
    git = shutil.which("git")
    if git is None:
        raise GitProblem("diff --git needs git on the PATH")
    folder = path.resolve().parent
    try:
        res = subprocess.run([git, "show", f"{rev}:./{path.name}"], cwd=folder, capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitProblem(f"git show failed: {exc}") from None
    if res.returncode != 0:
        why = res.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UnknownRevision(f"{rev}:{path}: {why[0] if why else 'git show failed'}")
    try:
        return res.stdout.decode("utf-8-sig"), f"{rev}:{path}"
    except UnicodeDecodeError:
        raise UnknownRevision(f"{rev}:{path}: spec files must be UTF-8") from None
