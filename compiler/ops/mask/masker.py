"""The masker: a rule per `phi` column, per-patient date offsets, rows masked; the mask key loaded."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from compiler import ir
from compiler.ir.naming import dotted
from compiler.ops.mask.columns import rule_for_name, spec_date_formats, spec_sentinels, walk
from compiler.ops.mask.dates import DateFormat
from compiler.ops.mask.kinds import KindRules
from compiler.ops.secure.keys import Key, load_key
from compiler.semantic.catalog import Catalog

if TYPE_CHECKING:
    from compiler.ops.sample.graph import Edge
    from compiler.pipeline import Compiled

MASK_KEY_ENV = "CHARTSHIFT_MASK_KEY"
MAX_SHIFT_DAYS = 365


def load_mask_key(key_file: str | None, environ: Mapping[str, str] | None = None) -> Key:
    """`--key-file` (refused when group/others can read it), else CHARTSHIFT_MASK_KEY."""
    return load_key(key_file, environ, MASK_KEY_ENV, f"--mask needs a key: pass --key-file FILE or set {MASK_KEY_ENV}")


class Masker(KindRules):
    """Masks the `phi` columns of rows of a spec's source tables."""

    def __init__(self, catalog: Catalog, key: bytes, root: str | None = None, key_id: str | None = None):
        from compiler.ops.sample import reference_edges

        self.cat = catalog
        self._key = bytes(key)
        self.key_id = key_id
        self.root = root
        self.sentinels = spec_sentinels(catalog.spec)
        self.formats = [DateFormat(f) for f in spec_date_formats(catalog.spec)]
        self.rules = self._rules(reference_edges(catalog))
        self.identity_columns = self._identity_columns(root) if root else []
        self._cache: dict[tuple[str, str], str] = {}
        self._offsets: dict[str, int] = {}

    # -- rules ---------------------------------------------------------------------

    def _rules(self, edges: Iterable[Edge]) -> dict[str, dict[str, str]]:
        """column -> rule per table: `key` for every column of a reference component that
        holds a `phi` column, else the name rule for `phi` columns; others unmasked."""
        parent: dict[tuple[str, str], tuple[str, str]] = {}

        def find(x: tuple[str, str]) -> tuple[str, str]:
            while parent.get(x, x) != x:
                x = parent[x]
            return x

        linked: set[tuple[str, str]] = set()
        for e in edges:
            a, b = (e.child, e.child_col), (e.parent, e.parent_col)
            linked |= {a, b}
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[ra] = rb
        phi = {(t, c.name) for t, tbl in self.cat.source_tables.items() for c in tbl.columns if c.phi}
        masked = {find(n) for n in phi if n in linked}
        out: dict[str, dict[str, str]] = {}
        for t, tbl in self.cat.source_tables.items():
            rules: dict[str, str] = {}
            for c in tbl.columns:
                node = (t, c.name)
                if node in linked and find(node) in masked:
                    rules[c.name] = "key"
                elif c.phi:
                    rules[c.name] = rule_for_name(c.name)
            out[t] = rules
        return out

    def _identity_columns(self, root: str) -> list[str]:
        """Non-date source columns of the root map's dedup key ([] when it has none).  A
        one-part name there is a field of the map when the map computes one of that name
        (as in the checker's rule context): its expression's columns count."""
        tbl = self.cat.source_tables.get(root)
        if tbl is None:
            return []
        cols = {c.name for c in tbl.columns}
        for m in self.cat.spec.maps:
            if dotted(m.source) != root or m.dedup is None:
                continue
            assigns = {a.field: a.expr for a in m.assigns}
            alias = m.source.parts[-1]
            found: list[str] = []

            def collect(expr: ir.Expr, fields: bool) -> None:
                for n in walk(expr):
                    if not isinstance(n, ir.Name):
                        continue
                    p = n.parts
                    if fields and len(p) == 1 and p[0] in assigns:
                        collect(assigns[p[0]], False)
                        continue
                    if len(p) == 1 or (len(p) == 2 and p[0] == alias) or (len(p) == 3 and f"{p[0]}.{p[1]}" == root):
                        if p[-1] in cols and p[-1] not in found:
                            found.append(p[-1])

            for k in m.dedup.keys:
                collect(k, True)
            rules = self.rules.get(root, {})
            return [c for c in found if rules.get(c) != "date"]
        return []

    # -- identities and offsets ---------------------------------------------------------

    def root_identity(self, row: dict[str, str], key_column: str | None) -> str:
        if self.identity_columns:
            return "person:" + "\x1f".join(row.get(c, "").strip().upper() for c in self.identity_columns)
        return "key:" + (row.get(key_column, "").strip() if key_column else "")

    @staticmethod
    def orphan_identity(value: str) -> str:
        return "key:" + value

    def offset(self, identity: str) -> int:
        o = self._offsets.get(identity)
        if o is None:
            x = self._int("date-offset", identity)
            o = 1 + x % MAX_SHIFT_DAYS
            if (x >> 40) & 1:
                o = -o
            self._offsets[identity] = o
        return o

    # -- rows -------------------------------------------------------------------------

    def mask_row(self, table: str, row: dict[str, str], identity: str) -> dict[str, str]:
        """New values for the masked columns of `row` (a dict column -> text)."""
        out: dict[str, str] = {}
        for col, rule in self.rules.get(table, {}).items():
            if col in row:
                out[col] = self.mask_value(rule, row[col], identity, col)
        return out

    def mask_value(self, rule: str, value: str, identity: str = "", column: str = "") -> str:
        if not value.strip() or value.strip() in self.sentinels:
            return value
        if rule == "date":
            return self.date(value, identity)
        if rule == "text":
            return f"[redacted {len(value)} chars]"
        k = (rule + ("first" if rule == "name" and _first_column(column) else ""), value)
        hit = self._cache.get(k)
        if hit is None:
            by_rule: dict[str, Callable[[str], str]] = {
                "key": self.shape,
                "shape": self.shape,
                "ssn": self.ssn,
                "phone": self.phone,
                "zip": self.zip,
                "email": self.email,
                "name": lambda v: self.name(v, first=_first_column(column)),
            }
            hit = by_rule[rule](value)
            self._cache[k] = hit
        return hit


def _first_column(column: str) -> bool:
    c = column.lower()
    return "first" in c or "given" in c or "middle" in c


def masker_for(compiled: Compiled, key_file: str | None, root: str, environ: Mapping[str, str] | None = None) -> Masker:
    key = load_mask_key(key_file, environ)
    return Masker(compiled.catalog, key.material, root=root, key_id=key.key_id)
