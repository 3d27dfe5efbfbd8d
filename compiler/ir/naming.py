"""Names of IR things as text: dotted names, and the name a validation check is reported by."""

from __future__ import annotations

from compiler.ir import nodes as ir


def dotted(name: ir.Name) -> str:
    return ".".join(name.parts)


def check_name(c: ir.Check) -> str:
    """The name a check is reported by: its kind's `name` (compiler/ir/nodes.py)."""
    return c.name


# ---------------------------------------------------------------------------------
# The tables a run creates are named after the spec's (plan/steps.py, sqlgen/): the
# formats live here, the lowest layer, so that the checker (semantic/identifiers.py) tests
# the very names generation uses against each dialect's identifier rules.

CHARTSHIFT_SCHEMA = "chartshift"
# chartshift's own tables in the target (generation creates them, access grants on them)
REJECTS = (CHARTSHIFT_SCHEMA, "rejects")
RECONCILIATION = (CHARTSHIFT_SCHEMA, "reconciliation")
EXTRACTS = (CHARTSHIFT_SCHEMA, "extracts")
STAGE_SCHEMA = "chartshift_stage"
FLAT_SEPARATOR = "__"  # schema.table -> schema__table in work, crosswalk and staging names
NEW_SUFFIX = "__cs_new"  # a published table while the run builds it (publish by RENAME)
OLD_SUFFIX = "__cs_old"  # the table it replaces, until the run ends


def flat(qualified: str) -> str:
    """`schema.table` -> `schema__table` (the part of work, crosswalk and staging names)."""
    return qualified.replace(".", FLAT_SEPARATOR)


def work_name(target: str) -> str:
    return f"cs_work__{flat(target)}"


def across_name(target: str) -> str:
    """The keys the maps of a union with `dedup across` loaded (shorter than the crosswalk's
    name on every dialect, so the identifier checks of the crosswalk cover it)."""
    return f"cs_dx__{flat(target)}"


def join_copy_name(target: str, n: int) -> str:
    """The indexed copy of a map's `n`th joined table (compiler/sqlgen/join_copies.py);
    shorter than the crosswalk's name for n < 10**7, so its identifier checks cover it."""
    return f"cs_j{n}__{flat(target)}"


def xwalk_name(target: str) -> str:
    return f"xwalk__{flat(target)}"


def file_stem(name: str) -> str:
    """A file name (no folder) for something named `name`: only [A-Za-z0-9_], and, when
    that changed the name, 8 hex digits of its SHA-256 so that different names never share
    one (`a/b` and `a*b` are both `a_b` otherwise)."""
    import hashlib
    import re

    safe = re.sub(r"[^A-Za-z0-9_]", "_", name)
    if safe == name:
        return name
    return f"{safe}_{hashlib.sha256(name.encode('utf-8')).hexdigest()[:8]}"
