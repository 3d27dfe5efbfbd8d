"""The rights an `access` block gives, as rows: which database role holds which privilege
on which table (or columns), schema or database.  Generation (sqlgen/access.py) writes
them as GRANTs; `access check` (ops/access/) compares them with the live catalogs.

Safe defaults (docs/SECURITY.md): the migrator owns what a run creates and holds rights
on the database only; only it reads the raw tables (rejects, crosswalks, staging);
`validator` reads the target tables and the results and writes nothing; `auditor` reads
the results and the run history; `clinician_readonly` reads the non-phi columns of the
target tables; `application` and other roles get only what the spec gives them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from compiler import ir
from compiler.ir.naming import CHARTSHIFT_SCHEMA, EXTRACTS, RECONCILIATION, REJECTS, STAGE_SCHEMA, flat, xwalk_name
from compiler.semantic.catalog import Catalog

RESULTS = RECONCILIATION
READ, WRITE = ("SELECT",), ("INSERT", "UPDATE", "DELETE")


@dataclass(frozen=True, order=True)
class Grant:
    """One privilege of one role.  `kind`: table (`schema`, `name`; `columns` empty for the
    whole table), schema (`schema`), database (the one the target URL names), role
    (`privilege` is the role this one is a member of: `inherit`)."""

    role: str  # the role's name in the database (the prefix included)
    kind: str  # "database" | "schema" | "table"
    privilege: str
    schema: str = ""
    name: str = ""
    columns: tuple[str, ...] = ()

    def atoms(self) -> list[Grant]:
        """One row per column (what the catalogs list), the grant itself for a whole table."""
        if not self.columns:
            return [self]
        return [Grant(self.role, self.kind, self.privilege, self.schema, self.name, (c,)) for c in self.columns]

    def label(self) -> str:
        if self.kind == "role":
            return f"role {self.privilege} to {self.role}"
        table = f"{self.schema}.{self.name}" if self.schema else self.name  # MariaDB: one flat namespace
        on = {"database": "the database", "schema": f"schema {self.schema}"}.get(self.kind, table)
        cols = f" ({', '.join(self.columns)})" if self.columns else ""
        return f"{self.privilege}{cols} on {on} to {self.role}"


@dataclass
class RoleRights:
    """What one role may do, per table: privileges on the whole table, or SELECT of columns."""

    role: ir.AccessRole
    db_name: str
    tables: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    columns: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    view_fallback: bool = False
    inherits: list[str] = field(default_factory=list)  # the database names of the roles it is a member of


def own_tables(spec: ir.Spec, cat: Catalog, what: str) -> list[tuple[str, str]]:
    """The tables of one of chartshift's own objects (`rejects`, `crosswalks`, ...)."""
    if what == "rejects":
        return [REJECTS]
    if what == "results":
        return [RESULTS]
    if what == "crosswalks":
        return [(CHARTSHIFT_SCHEMA, xwalk_name(q)) for q in cat.maps_by_target if cat.crosswalk_field(q) is not None]
    if what == "staging":
        return [(STAGE_SCHEMA, flat(f"{s.name}.{t.name}")) for s in spec.sources for t in s.tables] + [
            (s.name, t.name)
            for s in spec.sources
            for t in s.tables  # the typed views over the staged text
        ]
    assert what == "history"
    flagged = any(t.delta_flag is not None for s in spec.sources for t in s.tables)
    return [EXTRACTS] if flagged else []


def target_tables(spec: ir.Spec) -> dict[tuple[str, str], ir.TargetTable]:
    return {(tgt.name, t.name): t for tgt in spec.targets for t in tgt.tables}


def rights_of(spec: ir.Spec, cat: Catalog, role: ir.AccessRole, prefix: str) -> RoleRights:
    """The defaults of the role's name and its own rights (already checked: semantic/access.py)."""
    r = RoleRights(role, prefix + role.name, view_fallback=role.fallback == "view", inherits=[prefix + i.role for i in role.inherits])
    targets = target_tables(spec)

    def read_table(key: tuple[str, str], phi: bool) -> None:
        cols = [c.name for c in targets[key].columns if phi or not c.phi]
        if len(cols) == len(targets[key].columns):
            r.tables.setdefault(key, set()).update(READ)
        else:
            r.columns.setdefault(key, set()).update(cols)

    if role.name == "validator":
        for key in targets:
            read_table(key, True)
    if role.name == "clinician_readonly":
        for key in targets:
            read_table(key, False)
    if role.name in ("validator", "auditor"):
        for what in ("results", "history"):
            for key in own_tables(spec, cat, what):
                r.tables.setdefault(key, set()).update(READ)
    for right in role.rights:
        for obj in right.objects:
            if obj.parts[0] in ir.OWN_OBJECTS and len(obj.parts) == 1:
                for key in own_tables(spec, cat, obj.parts[0]):
                    r.tables.setdefault(key, set()).update(READ if right.verb == "read" else WRITE)
                continue
            keys = [k for k in targets if k[0] == obj.parts[0]] if obj.all_tables else [(obj.parts[0], obj.parts[1])]
            for key in keys:
                if right.verb == "write":
                    r.tables.setdefault(key, set()).update(WRITE)
                elif len(obj.parts) == 3:
                    r.columns.setdefault(key, set()).add(obj.parts[2])
                else:
                    read_table(key, right.phi)
    for key, cols in list(r.columns.items()):  # every column read: the whole table
        if "SELECT" in r.tables.get(key, set()) or set(cols) >= {c.name for c in targets[key].columns}:
            del r.columns[key]
            r.tables.setdefault(key, set()).update(READ)
    return r


def all_rights(spec: ir.Spec, cat: Catalog, prefix: str | None = None) -> list[RoleRights]:
    """Every role's rights; `prefix` (--role-prefix) replaces the spec's."""
    if spec.access is None:
        return []
    p = spec.access.prefix if prefix is None else prefix
    return [rights_of(spec, cat, role, p) for role in spec.access.roles]


def column_order(spec: ir.Spec, key: tuple[str, str], cols: set[str]) -> tuple[str, ...]:
    """The columns in the table's order (deterministic SQL)."""
    return tuple(c.name for c in target_tables(spec)[key].columns if c.name in cols)
