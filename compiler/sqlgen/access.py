"""The `access` block as SQL: create-if-missing roles, the migrator's rights on the
database, USAGE on schemas, and GRANT / REVOKE on tables and columns (plan/access.py
says which).  What differs by dialect is in its record (`Dialect.access`,
`capabilities.column_grants`); a right the dialect cannot express is an error naming it,
unless the role chose `fallback view` (a view without the phi columns)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp
from sqlglot.errors import ErrorLevel

from compiler import ir
from compiler.dialects.record import AccessSql, Dialect
from compiler.errors import BadSpec
from compiler.ir.naming import CHARTSHIFT_SCHEMA, STAGE_SCHEMA
from compiler.plan.access import Grant, RoleRights, all_rights, column_order
from compiler.semantic.catalog import Catalog
from compiler.sqlgen.lower import ident, table

ROLES, OBJECTS = "roles", "objects"  # who runs a statement: an admin (CREATEROLE), or the tables' owner
VIEW_SUFFIX = "__no_phi"


class RightNotExpressible(BadSpec):
    """A right of the `access` block that the dialect has no way to grant (exit 2)."""


@dataclass(frozen=True)
class AccessStatement:
    text: str
    comment: str
    phase: str  # ROLES or OBJECTS
    span: ir.AccessNode | None = None
    kind: str = "grant"  # "role": creates a role; "grant": GRANT, REVOKE, a view


def quoted(name: str, d: Dialect) -> str:
    return ident(name).sql(dialect=d.sqlglot)


def literal(text: str, d: Dialect) -> str:
    return exp.Literal.string(text).sql(dialect=d.sqlglot)


def physical(d: Dialect, schema: str, name: str) -> exp.Table:
    """A table as the database names it (flattened where it has one namespace)."""
    if d.identifiers.flat_schemas:
        return table(d.identifiers.flat_name(schema, name))
    return table(name, schema)


def physical_key(d: Dialect, schema: str, name: str) -> tuple[str, str]:
    """(schema, table) as the catalogs show them; schema '' where names are flat."""
    return ("", d.identifiers.flat_name(schema, name)) if d.identifiers.flat_schemas else (schema, name)


def grant_sql(d: Dialect, g: Grant, revoke: bool = False) -> str:
    """One GRANT (or REVOKE) of a table, column, schema or database privilege (physical names)."""
    a = need(d)
    if g.kind == "role":  # the same words everywhere a dialect has roles
        return f"{'REVOKE' if revoke else 'GRANT'} {quoted(g.privilege, d)} {'FROM' if revoke else 'TO'} {quoted(g.role, d)}"
    if g.kind == "database":
        template = a.database_revoke if revoke else a.database_grant
        return template.format(privileges=g.privilege, role=quoted(g.role, d), literal=literal(g.role, d))
    priv = exp.GrantPrivilege(this=exp.var(g.privilege), expressions=[exp.column(ident(c)) for c in g.columns])
    securable: exp.Expr = ident(g.schema) if g.kind == "schema" else table(g.name, g.schema or None)  # physical names
    node = (exp.Revoke if revoke else exp.Grant)(
        privileges=[priv],
        kind="SCHEMA" if g.kind == "schema" else "TABLE",
        securable=securable,
        principals=[exp.GrantPrincipal(this=ident(g.role))],
    )
    return node.sql(dialect=d.sqlglot, unsupported_level=ErrorLevel.RAISE)


def need(d: Dialect) -> AccessSql:
    if d.access is None:
        raise RightNotExpressible(f"dialect {d.name} has no roles: access to it is the file's and the OS's (docs/SECURITY.md)")
    return d.access


class AccessGen:
    """The grants of one spec for one dialect, as rows and as statements."""

    def __init__(self, spec: ir.Spec, cat: Catalog, d: Dialect, prefix: str | None = None):
        self.spec, self.cat, self.d = spec, cat, d
        self.rights: list[RoleRights] = all_rights(spec, cat, prefix)

    def grants(self) -> list[Grant]:
        """Every privilege the spec gives, physical names (the rows `access check` compares)."""
        a = need(self.d)
        out: list[Grant] = []
        for r in self.rights:
            out += [Grant(r.db_name, "role", i) for i in r.inherits]
            if r.role.name == "migrator":
                out += [Grant(r.db_name, "database", p) for p in a.migrator_privileges]
                continue
            schemas: set[str] = set()
            for (schema, name), privs in sorted(r.tables.items()):
                s, n = physical_key(self.d, schema, name)
                out += [Grant(r.db_name, "table", p, s, n) for p in sorted(privs)]
                schemas.add(schema)
            for key, cols in sorted(r.columns.items()):
                schemas.add(key[0])
                if not self.d.capabilities.column_grants:
                    if not r.view_fallback:
                        raise RightNotExpressible(
                            f"{self.spec.file}:{r.role.span.line}: dialect {self.d.name} cannot grant columns: "
                            f"right `read {key[0]}.{key[1]}` (without its phi columns) of role {r.role.name}; "
                            "add `fallback view` to the role (a view without the phi columns, docs/SECURITY.md)"
                        )
                    s, n = physical_key(self.d, key[0], key[1] + VIEW_SUFFIX)
                    out.append(Grant(r.db_name, "table", "SELECT", s, n))
                    continue
                s, n = physical_key(self.d, *key)
                out.append(Grant(r.db_name, "table", "SELECT", s, n, column_order(self.spec, key, cols)))
            if a.schema_usage:
                out += [Grant(r.db_name, "schema", "USAGE", s) for s in sorted(schemas)]
        return out

    def views(self) -> list[AccessStatement]:
        """`fallback view`: the phi-free views where a dialect has no column grants."""
        if self.d.capabilities.column_grants:
            return []
        out = []
        done: set[tuple[str, str]] = set()
        for r in self.rights:
            for key in sorted(r.columns):
                if key in done:
                    continue
                done.add(key)
                target = {(t.name, tt.name): tt for t in self.spec.targets for tt in t.tables}[key]
                select = exp.select(*[exp.column(ident(c.name)) for c in target.columns if not c.phi]).from_(physical(self.d, *key))
                view = exp.Create(this=physical(self.d, key[0], key[1] + VIEW_SUFFIX), kind="VIEW", replace=True, expression=select)
                out.append(AccessStatement(view.sql(dialect=self.d.sqlglot), f"{key[0]}.{key[1]} without its phi columns", OBJECTS))
        return out

    def statements(self) -> list[AccessStatement]:
        """The whole access.sql: roles, the migrator's rights, then the objects' grants."""
        a = need(self.d)
        out: list[AccessStatement] = []
        for r in self.rights:
            out.append(
                AccessStatement(
                    a.create_role.format(role=quoted(r.db_name, self.d), literal=literal(r.db_name, self.d)),
                    f"role {r.role.name}",
                    ROLES,
                    r.role,
                    "role",
                )
            )
        grants = self.grants()
        for r in self.rights:
            if r.role.name == "migrator":
                text = a.database_grant.format(
                    privileges=", ".join(a.migrator_privileges), role=quoted(r.db_name, self.d), literal=literal(r.db_name, self.d)
                )
                out.append(AccessStatement(text, "the migrator: create and replace what a run creates (it owns it)", ROLES, r.role))
        out += self.views()
        others = [r.db_name for r in self.rights if r.role.name != "migrator"]
        if a.revoke_absent_ok and others:
            for schema, name in self.spec_tables():
                node = exp.Revoke(
                    privileges=[exp.GrantPrivilege(this=exp.var("ALL"))],
                    kind="TABLE",
                    securable=physical(self.d, schema, name),
                    principals=[exp.GrantPrincipal(this=ident(n)) for n in others],
                )
                out.append(AccessStatement(node.sql(dialect=self.d.sqlglot), f"start from nothing on {schema}.{name}", OBJECTS))
        for g in grants:
            if g.kind != "database":
                out.append(AccessStatement(grant_sql(self.d, g), g.label(), ROLES if g.kind == "role" else OBJECTS))
        out.sort(key=lambda st: st.phase != ROLES)  # an admin's part first (stable: the order within each part stays)
        return out

    def spec_tables(self) -> list[tuple[str, str]]:
        """The tables the spec's rights may be on: targets, then chartshift's own."""
        from compiler.plan.access import own_tables

        out = [(t.name, tt.name) for t in self.spec.targets for tt in t.tables]
        for what in ir.OWN_OBJECTS:
            out += [k for k in own_tables(self.spec, self.cat, what) if k not in out]
        return out

    def schemas(self) -> list[str]:
        return list(
            dict.fromkeys([CHARTSHIFT_SCHEMA, STAGE_SCHEMA, *(t.name for t in self.spec.targets), *(s.name for s in self.spec.sources)])
        )
