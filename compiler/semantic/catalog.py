"""Name tables over a spec (sources, targets, lookups, maps) and name resolution inside a map.

Both the checker and the lowering use `MapScope.resolve`, so a name means the same thing
in diagnostics and in generated SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from compiler import ir
from compiler.ir import types as T
from compiler.ir.naming import dotted as dotted  # re-exported: the checker modules, plan and sqlgen import it from here

# Column type names accepted in specs -> value type.
SOURCE_TYPES = {
    "text": T.TEXT,
    "varchar": T.TEXT,
    "string": T.TEXT,
    "integer": T.INTEGER,
    "int": T.INTEGER,
    "bigint": T.INTEGER,
    "decimal": T.DECIMAL,
    "numeric": T.DECIMAL,
    "date": T.DATE,
    "timestamp": T.TIMESTAMP,
    "boolean": T.BOOLEAN,
}
TARGET_TYPES = {
    "text": T.TEXT,
    "varchar": T.TEXT,
    "char": T.TEXT,
    "integer": T.INTEGER,
    "int": T.INTEGER,
    "bigint": T.INTEGER,
    "smallint": T.INTEGER,
    "decimal": T.DECIMAL,
    "numeric": T.DECIMAL,
    "date": T.DATE,
    "timestamp": T.TIMESTAMP,
    "boolean": T.BOOLEAN,
}
EACH_INDEX = "each_index"


@dataclass
class Catalog:
    """Everything a spec declares, by qualified name."""

    spec: ir.Spec
    source_tables: dict[str, ir.SourceTable] = field(default_factory=dict)  # "legacy.patients"
    source_of: dict[str, ir.Source] = field(default_factory=dict)  # "legacy.patients" -> Source
    target_tables: dict[str, ir.TargetTable] = field(default_factory=dict)  # "emr.patient"
    lookups: dict[str, ir.Lookup] = field(default_factory=dict)
    maps_by_target: dict[str, ir.Map] = field(default_factory=dict)  # the first map of each target
    maps_of_target: dict[str, list[ir.Map]] = field(default_factory=dict)  # every map, in spec order (a union: several)

    @classmethod
    def of(cls, spec: ir.Spec) -> Catalog:
        cat = cls(spec)
        for src in spec.sources:
            for t in src.tables:
                cat.source_tables.setdefault(f"{src.name}.{t.name}", t)
                cat.source_of.setdefault(f"{src.name}.{t.name}", src)
        for tgt in spec.targets:
            for tt in tgt.tables:
                cat.target_tables.setdefault(f"{tgt.name}.{tt.name}", tt)
        for lk in spec.lookups:
            cat.lookups.setdefault(lk.name, lk)
        for m in spec.maps:
            cat.maps_by_target.setdefault(dotted(m.target), m)
            cat.maps_of_target.setdefault(dotted(m.target), []).append(m)
        return cat

    def table_columns(self, qualified: str) -> dict[str, ir.Column] | None:
        t = self.source_tables.get(qualified) or self.target_tables.get(qualified)
        return None if t is None else {c.name: c for c in t.columns}

    def column_type(self, qualified_table: str, column: str) -> str | None:
        if qualified_table in self.source_tables:
            cols = {c.name: c for c in self.source_tables[qualified_table].columns}
            c = cols.get(column)
            return SOURCE_TYPES.get(c.type.name) if c else None
        if qualified_table in self.target_tables:
            cols = {c.name: c for c in self.target_tables[qualified_table].columns}
            c = cols.get(column)
            return TARGET_TYPES.get(c.type.name) if c else None
        return None

    def crosswalk_field(self, target: str) -> ir.Assign | None:
        """The assignment `key = crosswalk(...)` of the (first) map filling `target`, if any.
        The maps of a union all number the same column (semantic/union.py checks it)."""
        m = self.maps_by_target.get(target)
        return None if m is None else crosswalk_assign(m)

    def key_namespace(self, m: ir.Map) -> str | None:
        """The prefix of `m`'s crosswalk keys: its source table (`sysA.patients`) when several
        maps fill its target, so that their keys never collide; None for the only map of a
        target, whose keys stay as they always were (docs/LANGUAGE.md "Several sources")."""
        return dotted(m.source) if len(self.maps_of_target.get(dotted(m.target), [])) > 1 else None

    def branch_of(self, target: str, source: str) -> ir.Map | None:
        """The map filling `target` from `source`, if any."""
        return next((m for m in self.maps_of_target.get(target, []) if dotted(m.source) == source), None)

    def qualify_target(self, name: str, within: str) -> str:
        """`patient` inside target `emr` -> `emr.patient`; already-qualified names pass."""
        return name if "." in name else f"{within}.{name}"


def crosswalk_assign(m: ir.Map) -> ir.Assign | None:
    """The assignment `key = crosswalk(...)` of one map, if any."""
    return next((a for a in m.assigns if isinstance(a.expr, ir.Call) and a.expr.func == ["crosswalk"]), None)


# ------------------------------------------------------------------ resolution in a map


@dataclass(frozen=True)
class SourceColumnRef:
    """A column of the map's primary source table or of a joined table."""

    alias: str
    table: str  # qualified source table
    column: str
    type: str


@dataclass(frozen=True)
class EachVarRef:
    """An `each` variable: the i-th element of the current item."""

    name: str
    index: int
    type: str


@dataclass(frozen=True)
class EachIndexRef:
    """`each_index`: the 1-based position of the current `each` item."""

    type: str = T.INTEGER


@dataclass(frozen=True)
class FieldRef:
    """A target field computed by this map (visible in reject and dedup rules)."""

    name: str
    type: str


Ref = SourceColumnRef | EachVarRef | EachIndexRef | FieldRef


@dataclass
class MapScope:
    """The names visible inside one map."""

    catalog: Catalog
    map: ir.Map
    primary_alias: str
    aliases: dict[str, str]  # alias -> qualified source table
    each_types: dict[str, tuple[int, str]]  # each var -> (index, type)
    field_types: dict[str, str]  # target field -> type (filled by the checker)

    @classmethod
    def of(cls, catalog: Catalog, m: ir.Map) -> MapScope:
        primary = dotted(m.source)
        aliases = {m.source.parts[-1]: primary}
        for j in m.joins:
            aliases.setdefault(j.alias, dotted(j.table))
        return cls(catalog, m, m.source.parts[-1], aliases, {}, {})

    def candidates(self, rule_context: bool) -> list[str]:
        names = list(self.each_types) + list(self._columns(self.primary_alias))
        if self.map.each:
            names.append(EACH_INDEX)
        if rule_context:
            names += list(self.field_types)
        return names

    def _columns(self, alias: str) -> dict[str, ir.Column]:
        cols = self.catalog.table_columns(self.aliases.get(alias, "")) or {}
        return cols

    def resolve(self, name: ir.Name, rule_context: bool) -> Ref | str:
        """The reference a name denotes, or an error message."""
        parts = name.parts
        if len(parts) == 1:
            n = parts[0]
            if rule_context and n in self.field_types:
                return FieldRef(n, self.field_types[n])
            if n in self.each_types:
                idx, typ = self.each_types[n]
                return EachVarRef(n, idx, typ)
            if n == EACH_INDEX and self.map.each:
                return EachIndexRef()
            return self._column(self.primary_alias, n, self.candidates(rule_context))
        if len(parts) == 2:
            alias, col = parts
            if alias not in self.aliases:
                from compiler.diagnostics import did_you_mean

                return f"unknown table `{alias}` in this map{did_you_mean(alias, self.aliases)}"
            return self._column(alias, col)
        if len(parts) == 3:
            qualified = f"{parts[0]}.{parts[1]}"
            for alias, table in self.aliases.items():
                if table == qualified:
                    return self._column(alias, parts[2])
            return f"unknown table `{qualified}` in this map (not the map's source nor joined)"
        return f"cannot resolve `{'.'.join(parts)}`"

    def _column(self, alias: str, col: str, candidates: list[str] | None = None) -> Ref | str:
        """A column of the table behind `alias`; an unqualified name suggests among
        `candidates` (everything visible), a qualified one among the table's columns."""
        from compiler.diagnostics import did_you_mean

        table = self.aliases[alias]
        cols = self._columns(alias)
        if col in cols:
            return SourceColumnRef(alias, table, col, SOURCE_TYPES.get(cols[col].type.name, T.TEXT))
        hint = did_you_mean(col, cols if candidates is None else candidates)
        return f"unknown column `{col}` in {table}{hint}"
