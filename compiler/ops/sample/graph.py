"""The reference graph of a spec's source tables: `references` and map-join edges, descendants, parents-first order."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from compiler import ir
from compiler.errors import UsageError
from compiler.ir.naming import dotted
from compiler.semantic.catalog import Catalog


class SampleError(UsageError):
    """A sampling request that cannot be met (unknown root, bad count, output exists): exit 2."""


# ------------------------------------------------------------------ the reference graph


@dataclass(frozen=True)
class Edge:
    """`child.child_col` points at `parent.parent_col` (a `references` or a map join)."""

    child: str
    child_col: str
    parent: str
    parent_col: str
    origin: str  # "references" | "join"


def _equalities(e: ir.Expr) -> Iterator[tuple[ir.Name, ir.Name]]:
    if isinstance(e, ir.Binary) and e.op == "and":
        yield from _equalities(e.left)
        yield from _equalities(e.right)
    elif isinstance(e, ir.Binary) and e.op == "=" and isinstance(e.left, ir.Name) and isinstance(e.right, ir.Name):
        yield e.left, e.right


def reference_edges(catalog: Catalog) -> list[Edge]:
    """Every source-to-source reference of the spec: declared `references` and the
    column equalities of map joins (`join legacy.payers as p on p.payer_id = payer_id`)."""
    out: list[Edge] = []
    for src in catalog.spec.sources:
        for t in src.tables:
            child = f"{src.name}.{t.name}"
            for c in t.columns:
                if c.references is None:
                    continue
                parts = c.references.parts
                if len(parts) == 2:
                    parent, pcol = f"{src.name}.{parts[0]}", parts[1]
                elif len(parts) == 3:
                    parent, pcol = f"{parts[0]}.{parts[1]}", parts[2]
                else:
                    continue
                if parent in catalog.source_tables:
                    out.append(Edge(child, c.name, parent, pcol, "references"))
    for m in catalog.spec.maps:
        primary = dotted(m.source)
        if primary not in catalog.source_tables:
            continue
        pcols = {c.name for c in catalog.source_tables[primary].columns}
        for j in m.joins:
            joined = dotted(j.table)
            if joined not in catalog.source_tables:
                continue
            jcols = {c.name for c in catalog.source_tables[joined].columns}
            for a, b in _equalities(j.on):
                for mine, theirs in ((a, b), (b, a)):
                    if len(theirs.parts) == 2 and theirs.parts[0] == j.alias and theirs.parts[1] in jcols:
                        col = mine.parts[-1]
                        own = (
                            len(mine.parts) == 1
                            or (len(mine.parts) == 2 and mine.parts[0] == m.source.parts[-1])
                            or dotted(ir.Name(span=mine.span, parts=mine.parts[:-1])) == primary
                        )
                        if own and col in pcols:
                            out.append(Edge(primary, col, joined, theirs.parts[1], "join"))
                        break
    seen, unique = set(), []
    for e in out:
        k = (e.child, e.child_col, e.parent, e.parent_col)
        if k not in seen:
            seen.add(k)
            unique.append(e)
    return unique


class Graph:
    """Edges by child and by parent, the root's descendant tables, a parents-first order."""

    def __init__(self, catalog: Catalog, root: str):
        self.tables = list(catalog.source_tables)
        self.edges = reference_edges(catalog)
        self.parents = {t: [e for e in self.edges if e.child == t] for t in self.tables}
        self.children = {t: [e for e in self.edges if e.parent == t] for t in self.tables}
        self.root = root
        self.down = self._down(root)
        ancestors: set[str] = set()
        todo = list(self.down)
        while todo:
            for e in self.parents[todo.pop()]:
                if e.parent not in ancestors and e.parent not in self.down:
                    ancestors.add(e.parent)
                    todo.append(e.parent)
        self.ancestors = ancestors
        self.unrelated = [t for t in self.tables if t not in self.down and t not in ancestors]
        self.order = self._parents_first()

    def _down(self, root: str) -> set[str]:
        down, todo = {root}, deque([root])
        while todo:
            for e in self.children[todo.popleft()]:
                if e.child not in down:
                    down.add(e.child)
                    todo.append(e.child)
        return down

    def _parents_first(self) -> list[str]:
        order: list[str] = []
        state: dict[str, int] = {}

        def visit(t: str) -> None:
            if state.get(t):
                return  # done, or on the stack (a cycle: broken here)
            state[t] = 1
            for e in self.parents[t]:
                visit(e.parent)
            state[t] = 2
            order.append(t)

        for t in self.tables:
            visit(t)
        return order

    def path_to_root(self, table: str) -> list[Edge]:
        """The shortest chain of parent edges from `table` up to the root ([] for the root)."""
        if table == self.root:
            return []
        prev: dict[str, Edge] = {}
        seen, todo = {table}, deque([table])
        while todo:
            t = todo.popleft()
            for e in self.parents[t]:
                if e.parent in seen:
                    continue
                seen.add(e.parent)
                prev[e.parent] = e
                if e.parent == self.root:
                    path, cur = [], self.root
                    while cur != table:
                        path.append(prev[cur])
                        cur = prev[cur].child
                    return list(reversed(path))
                todo.append(e.parent)
        return []


def default_root(catalog: Catalog) -> str:
    """The source table with the most descendant tables (the first on a tie)."""
    best, best_n = None, -1
    for t in catalog.source_tables:
        n = len(Graph(catalog, t).down)
        if n > best_n:
            best, best_n = t, n
    if best is None:
        raise SampleError("the spec declares no source table")
    return best
