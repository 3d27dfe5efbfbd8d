"""IR of the `access` block: roles and their rights on the migrated data and on
chartshift's own tables (docs/LANGUAGE.md, Access; docs/SECURITY.md)."""

from __future__ import annotations

from typing import Literal as L

from pydantic import BaseModel, ConfigDict

from compiler.diagnostics import Span

# the roles with safe defaults (semantic/access.py; plan/access.py gives their rights)
DEFAULT_ROLES = ("migrator", "validator", "auditor", "application", "clinician_readonly")
# chartshift's own tables, by the name a spec gives them
OWN_OBJECTS = ("rejects", "crosswalks", "staging", "results", "history")
# the ones holding raw source values (PHI): only the migrator reads them by default
RAW_OBJECTS = ("rejects", "crosswalks", "staging")
FALLBACKS = ("view",)


class AccessNode(BaseModel):
    model_config = ConfigDict(frozen=True)
    span: Span


class AccessObject(AccessNode):
    """What a right is on: `emr.patient`, `emr.patient.ssn`, `emr.*`, or one of
    chartshift's own tables (`rejects`, `crosswalks`, `staging`, `results`, `history`)."""

    parts: list[str]
    all_tables: bool = False  # `emr.*`


class AccessRight(AccessNode):
    """`read [phi] OBJECT, ...` or `write OBJECT, ...`."""

    verb: L["read", "write"]
    phi: bool = False  # `read phi`: the phi columns too
    objects: list[AccessObject]


class AccessInherit(AccessNode):
    """`inherit ROLE`: one role of the block this role is a member of."""

    role: str


class AccessRole(AccessNode):
    name: str
    rights: list[AccessRight] = []
    body: bool = False  # written with `{ ... }` (its rights add to the defaults)
    inherits: list[AccessInherit] = []  # `inherit validator`: membership of those roles
    fallback: str | None = None  # `fallback view`: a view without the phi columns where a dialect has no column grants


class Access(AccessNode):
    """The `access` block."""

    prefix: str = ""  # put before every role name in the database (`prefix "clinic_"`)
    roles: list[AccessRole] = []
