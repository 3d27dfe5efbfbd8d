"""The grants a server holds, read from its catalogs (the queries are the dialect
record's: `Dialect.access.live_grants`), as the rows plan/access.py gives."""

from __future__ import annotations

from collections.abc import Collection

from compiler.dialects.record import Dialect
from compiler.plan.access import Grant
from compiler.runtime.engines.base import Engine
from compiler.sqlgen.access import need


def grantee(text: str) -> str:
    """A role's name as the catalog shows it: `'name'@''` (MariaDB) or `name`."""
    if text.startswith("'"):
        return text[1 : text.index("'", 1)].replace("''", "'")
    return text


def live_grants(engine: Engine, d: Dialect, roles: Collection[str]) -> set[Grant]:
    """Every grant of `roles` in the target's database: one row per column for column grants."""
    out = set()
    for who, kind, privilege, schema, name, column in engine.query(need(d).live_grants):
        role = grantee(str(who))
        if role in roles:
            out.add(Grant(role, str(kind), str(privilege), str(schema), str(name), (str(column),) if column else ()))
    for member, role in engine.query(need(d).live_memberships):
        if str(member) in roles:
            out.add(Grant(str(member), "role", str(role)))
    return out


def existing(engine: Engine, d: Dialect) -> set[tuple[str, str]]:
    """(schema, table) of every table and view, and (schema, '') of every schema."""
    return {(str(s), str(n)) for s, n in engine.query(need(d).tables)}


def current_user(engine: Engine, d: Dialect) -> str:
    return str(engine.query(need(d).current_user)[0][0])
