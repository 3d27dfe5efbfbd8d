"""`access apply` and `access check` on a live server.

apply: create the roles that are missing and give the migrator its rights on the
database (an admin's part), then GRANT what the catalogs lack and REVOKE what the spec
does not give.  A grant on a table that does not exist yet is pending: the run that
creates the table grants it (PostgreSQL), or the next `access apply` does."""

from __future__ import annotations

from dataclasses import dataclass, field

from compiler.dialects import BY_NAME
from compiler.dialects.record import Dialect
from compiler.ops.access.catalog import current_user, existing, live_grants
from compiler.ops.access.diff import AccessDiff, compare
from compiler.pipeline import Compiled
from compiler.plan.access import Grant
from compiler.runtime.engines import open_engine
from compiler.runtime.engines.base import Engine
from compiler.sqlgen.access import AccessGen, grant_sql


@dataclass
class ApplyResult:
    user: str  # the database user that applied
    granted: list[str] = field(default_factory=list)
    revoked: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)  # on tables a run has not created yet


def record_of(engine: Engine) -> Dialect:
    return BY_NAME[engine.dialect]


def reachable(g: Grant, have: set[tuple[str, str]]) -> bool:
    """Whether the object of the grant exists (the database always does)."""
    return g.kind in ("database", "role") or (g.schema, g.name) in have


def check_access(compiled: Compiled, url: str, prefix: str | None = None) -> AccessDiff:
    """The differences between the spec's grants and the live ones, both ways."""
    engine = open_engine(url)
    try:
        d = record_of(engine)
        gen = AccessGen(compiled.spec, compiled.catalog, d, prefix)
        return compare(gen.grants(), live_grants(engine, d, {r.db_name for r in gen.rights}))
    finally:
        engine.close()


def apply_access(compiled: Compiled, url: str, prefix: str | None = None) -> ApplyResult:
    engine = open_engine(url)
    try:
        d = record_of(engine)
        gen = AccessGen(compiled.spec, compiled.catalog, d, prefix)
        result = ApplyResult(current_user(engine, d))
        engine.begin()
        for st in gen.statements():
            if st.kind == "role":  # create-if-missing roles; the grants come from the diff
                engine.execute(st.text)
        diff = compare(gen.grants(), live_grants(engine, d, {r.db_name for r in gen.rights}))
        have = existing(engine, d)
        for g in diff.missing:
            if reachable(g, have):
                engine.execute(grant_sql(d, g))
                result.granted.append(g.label())
            else:
                result.pending.append(g.label())
        for g in diff.extra:
            engine.execute(grant_sql(d, g, revoke=True))
            result.revoked.append(g.label())
        engine.commit()
        return result
    except BaseException:
        engine.rollback()
        raise
    finally:
        engine.close()
