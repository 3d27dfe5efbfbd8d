"""Before a run: does its connection hold the rights the run needs?  The least a run
needs is the dialect record's `access.migrator_privileges` on the database (and, on
PostgreSQL, ownership of the tables it replaces); never a superuser (docs/SECURITY.md)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from compiler import ir
from compiler.dialects.record import Dialect
from compiler.errors import EnvironmentProblem
from compiler.ir.naming import CHARTSHIFT_SCHEMA, STAGE_SCHEMA
from compiler.runtime.engines.base import Engine
from compiler.semantic.catalog import Catalog
from compiler.sqlgen.access import AccessGen, grant_sql
from compiler.sqlgen.lower import lit


class MissingRights(EnvironmentProblem):
    """The run's connection lacks rights it needs (exit 3), listed by name."""


GRANT_LINE = re.compile(r"^GRANT (?P<privs>.+?) ON (?P<on>\S+) TO ", re.IGNORECASE)


def held_by_rows(engine: Engine, query: str) -> set[str]:
    return {str(p) for p, ok in engine.query(query) if ok}


def held_by_show_grants(engine: Engine, query: str) -> set[str]:
    """Privileges on `*.*` or on the session's database, from SHOW GRANTS (the active role's included)."""
    database = str(engine.query("SELECT DATABASE()")[0][0])
    out: set[str] = set()
    for (line,) in engine.query(query):
        m = GRANT_LINE.match(str(line))
        if m is None:
            continue
        on = m.group("on").replace("\\", "").replace("`", "")
        if on in ("*.*", f"{database}.*"):
            privs = {p.strip().upper() for p in m.group("privs").split(",")}
            out |= {"ALL PRIVILEGES"} if "ALL PRIVILEGES" in privs or "ALL" in privs else privs
    return out


HELD = {"rows": held_by_rows, "show_grants": held_by_show_grants}


def missing_rights(engine: Engine, d: Dialect, schemas: Sequence[str]) -> list[str]:
    """What the connection lacks, for people: privileges on the database, tables it cannot replace."""
    a = d.access
    if a is None:  # no roles (DuckDB): the file's mode and the OS decide
        return []
    held = HELD[a.held_format](engine, a.held)
    out = [] if "ALL PRIVILEGES" in held else [f"{p} on the database" for p in a.migrator_privileges if p not in held]
    if a.foreign_tables is not None and schemas:
        names = ", ".join(lit(s).sql(dialect=d.sqlglot) for s in schemas)
        out += [f"ownership of {t} (a run replaces it)" for (t,) in engine.query(a.foreign_tables.format(schemas=names))]
    return out


def require_rights(engine: Engine, d: Dialect, schemas: Sequence[str], where: str) -> None:
    missing = missing_rights(engine, d, schemas)
    if missing:
        raise MissingRights(
            f"{where}: the connection lacks rights the run needs: {'; '.join(missing)} (docs/SECURITY.md gives the migrator's grants)"
        )


def run_schemas(spec: ir.Spec) -> list[str]:
    """The schemas a run creates tables in (its own, the targets', the typed views')."""
    return list(dict.fromkeys([CHARTSHIFT_SCHEMA, STAGE_SCHEMA, *(t.name for t in spec.targets), *(s.name for s in spec.sources)]))


def current_user(engine: Engine, d: Dialect) -> str | None:
    return None if d.access is None else str(engine.query(d.access.current_user)[0][0])


def regrant_statements(engine: Engine, d: Dialect, spec: ir.Spec, cat: Catalog) -> list[str]:
    """The spec's table and schema grants again, where a re-created table loses its grants
    (PostgreSQL); only to the roles that exist (`access apply` creates them)."""
    a = d.access
    if a is None or a.grants_survive_replace or spec.access is None or a.role_names is None:
        return []
    roles = {str(r) for (r,) in engine.query(a.role_names)}
    return [grant_sql(d, g) for g in AccessGen(spec, cat, d).grants() if g.kind in ("table", "schema") and g.role in roles]


def preflight(engine: Engine, d: Dialect, spec: ir.Spec) -> str | None:
    """Check the connection's rights before any work; the database user (None: no roles)."""
    if d.access is None:
        return None
    try:
        require_rights(engine, d, run_schemas(spec), engine.display_url)
        return current_user(engine, d)
    finally:
        engine.rollback()  # the checks' snapshot is not the run's


def regrant(engine: Engine, d: Dialect, spec: ir.Spec, cat: Catalog) -> None:
    for text in regrant_statements(engine, d, spec, cat):
        engine.execute(text)
