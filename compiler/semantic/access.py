"""Checks of the `access` block: known roles, tables and columns, and the safe defaults
(docs/SECURITY.md) that a spec may not undo: the raw tables stay away from `application`,
`validator` and `clinician_readonly` write nothing, phi columns are read only by `read phi`."""

from __future__ import annotations

from compiler import ir
from compiler.diagnostics import did_you_mean
from compiler.semantic.checker_base import CheckerBase

NO_WRITES = ("validator", "auditor", "clinician_readonly")


class AccessChecks(CheckerBase):
    def check_access(self) -> None:
        access = self.spec.access
        if access is None:
            return
        seen: dict[str, ir.AccessRole] = {}
        for role in access.roles:
            if role.name in seen:
                self.diags.error(f"role `{role.name}` is declared twice (first at line {seen[role.name].span.line})", role.span)
                continue
            seen[role.name] = role
            self.check_role(role)
        for role in access.roles:
            self.check_inherits(role, seen)

    def check_role(self, role: ir.AccessRole) -> None:
        if role.fallback is not None and role.fallback not in ir.FALLBACKS:
            self.diags.error(f"unknown fallback `{role.fallback}`: the one fallback is `view`", role.span)
        if role.name == "migrator" and role.rights:
            self.diags.error("the migrator owns every table a run creates: give it no rights (docs/SECURITY.md)", role.rights[0].span)
            return
        for right in role.rights:
            if right.verb == "write" and role.name in NO_WRITES:
                self.diags.error(f"role `{role.name}` writes nothing (a safe default, docs/SECURITY.md)", right.span)
            for obj in right.objects:
                self.check_object(role, right, obj)

    def check_inherits(self, role: ir.AccessRole, roles: dict[str, ir.AccessRole]) -> None:
        for inh in role.inherits:
            if inh.role not in roles:
                self.diags.error(f"unknown role `{inh.role}`{did_you_mean(inh.role, roles)}: declare it in the `access` block", inh.span)
            elif inh.role == "migrator":
                self.diags.error("no role inherits the migrator's rights (it creates and drops every table)", inh.span)
            elif role.name == "application" and (inh.role in ("validator", "auditor") or reads_own_tables(roles[inh.role])):
                self.diags.error(f"`application` gets no access to chartshift's own tables: it cannot inherit `{inh.role}`", inh.span)
            elif inherits_from(roles, inh.role, role.name):
                self.diags.error(f"roles inherit from each other in a cycle: `{role.name}` and `{inh.role}`", inh.span)

    def check_object(self, role: ir.AccessRole, right: ir.AccessRight, obj: ir.AccessObject) -> None:
        first = obj.parts[0]
        if len(obj.parts) == 1 and not obj.all_tables:
            if first not in ir.OWN_OBJECTS:
                targets = [t.name for t in self.spec.targets]
                hint = did_you_mean(first, [*ir.OWN_OBJECTS, *targets])
                self.diags.error(
                    f"unknown object `{first}`{hint}: name a target table (`schema.table`), `schema.*`, a column, "
                    f"or one of {', '.join(ir.OWN_OBJECTS)}",
                    obj.span,
                )
            elif right.verb == "write":
                self.diags.error(f"only the migrator writes chartshift's own tables (`{first}`)", obj.span)
            elif first in ir.RAW_OBJECTS and role.name in ("application", "clinician_readonly", "validator"):
                self.diags.error(f"role `{role.name}` may not read `{first}`: it holds raw source rows (PHI)", obj.span)
            elif first in ir.RAW_OBJECTS:
                self.diags.warning(f"`{first}` holds raw source rows (PHI): role `{role.name}` reads them", obj.span)
            return
        schemas = {t.name: t for t in self.spec.targets}
        if first not in schemas:
            self.diags.error(f"unknown target `{first}`{did_you_mean(first, schemas)}", obj.span)
            return
        if obj.all_tables:
            if len(obj.parts) != 1:
                self.diags.error("`*` stands for every table of a target: write `schema.*`", obj.span)
            return
        tables = {t.name: t for t in schemas[first].tables}
        name = obj.parts[1]
        if name not in tables:
            self.diags.error(f"unknown table `{first}.{name}`{did_you_mean(name, tables)}", obj.span)
            return
        if len(obj.parts) == 2:
            return
        cols = {c.name: c for c in tables[name].columns}
        col = obj.parts[2]
        if len(obj.parts) > 3:
            self.diags.error("name a column as `schema.table.column`", obj.span)
        elif col not in cols:
            self.diags.error(f"unknown column `{col}` of `{first}.{name}`{did_you_mean(col, cols)}", obj.span)
        elif right.verb == "write":
            self.diags.error("`write` is on whole tables: name the table, not a column", obj.span)
        elif cols[col].phi and not right.phi:
            self.diags.error(f"`{first}.{name}.{col}` is a phi column: write `read phi` to give it", obj.span)
        elif right.phi and not cols[col].phi:
            self.diags.warning(f"`{first}.{name}.{col}` is not a phi column: `phi` changes nothing", obj.span)


def reads_own_tables(role: ir.AccessRole) -> bool:
    return any(len(o.parts) == 1 and not o.all_tables and o.parts[0] in ir.OWN_OBJECTS for r in role.rights for o in r.objects)


def inherits_from(roles: dict[str, ir.AccessRole], start: str, wanted: str) -> bool:
    """Whether `start` is (through its inherits) a member of `wanted`."""
    seen, todo = set(), [start]
    while todo:
        name = todo.pop()
        if name == wanted:
            return True
        if name in seen or name not in roles:
            continue
        seen.add(name)
        todo += [i.role for i in roles[name].inherits]
    return False
