"""Identifier rules (issue 14): the names a run creates, tested against each target
dialect's rules (its record's `IdentifierRules`, compiler/dialects/), and names that the
flattening of `schema.table` would make collide.

A name the database would refuse (or, on PostgreSQL, cut) is an error for the dialects
the spec is for (`migration { dialect D }`, or `check/compile --dialect D`), and a
warning naming the dialect otherwise: the spec may never run there.  Names include what
generation derives from the spec's: on MariaDB, where schemas are flattened,
`schema__table`, its shadow `schema__table__cs_new`, the crosswalk
`chartshift__xwalk__schema__table__cs_new` and the work table.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from compiler import dialects
from compiler.diagnostics import Span
from compiler.dialects import Dialect
from compiler.ir.naming import CHARTSHIFT_SCHEMA, NEW_SUFFIX, STAGE_SCHEMA, flat, work_name, xwalk_name
from compiler.semantic.checker_base import CheckerBase
from compiler.semantic.declarations import setting_value


def physical(d: Dialect, schema: str | None, name: str, building: bool = False) -> list[str]:
    """The identifiers a table `schema.name` is created under on `d` (as sqlgen names it)."""
    if building and d.capabilities.publish_by_rename:
        name += NEW_SUFFIX
    if d.identifiers.flat_schemas and schema:
        return [d.identifiers.flat_name(schema, name)]
    return [schema, name] if schema else [name]


class IdentifierChecks(CheckerBase):
    """Mixed into the Checker: uses its `spec` and `diags`, and `dialects` (the `--dialect`s)."""

    dialects: Sequence[str]

    def target_dialects(self) -> tuple[list[Dialect], bool]:
        """The dialects to test and whether a violation is an error (the spec is for them)."""
        named = list(self.dialects)
        mig = self.spec.migration
        spec_dialect = setting_value(mig.settings, "dialect") if mig is not None else None
        if isinstance(spec_dialect, str) and spec_dialect not in named:
            named.append(spec_dialect)
        chosen = [dialects.BY_NAME[n] for n in named if n in dialects.BY_NAME]
        if named:
            return chosen, True
        return list(dialects.RUNNABLE), False

    def check_identifiers(self) -> None:
        self.check_flat_collisions()
        chosen, strict = self.target_dialects()
        self.check_text_keys(chosen, strict)
        for d in chosen:
            seen: set[tuple[str, str]] = set()
            for what, name, span in self.created_names(d):
                if (what, name) in seen:
                    continue
                seen.add((what, name))
                problems = d.identifiers.problems(name)
                if not problems:
                    continue
                message = f"{what}: {d.title} would refuse the name `{name}` ({'; '.join(problems)})"
                if d.identifiers.truncates:
                    message = f"{what}: {d.title} would silently cut the name `{name}` ({'; '.join(problems)})"
                if strict:
                    self.diags.error(message, span)
                else:
                    self.diags.warning(message + f"; an error with `--dialect {d.name}`", span)

    def check_text_keys(self, chosen: Sequence[Dialect], strict: bool) -> None:
        """A `text` key column where the dialect cannot make text a primary key (MariaDB:
        error 1170 creating the table; `unique` on text works there, through a hash);
        `varchar(n)` is the portable spelling."""
        for d in chosen:
            if d.capabilities.text_in_keys:
                continue
            for target in self.spec.targets:
                for t in target.tables:
                    for c in t.columns:
                        if c.type.name != "text" or c.name not in t.key:
                            continue
                        message = f"{d.title} cannot make the text column `{target.name}.{t.name}.{c.name}` a key; use varchar(n)"
                        if strict:
                            self.diags.error(message, c.type.span)
                        else:
                            self.diags.warning(message + f"; an error with `--dialect {d.name}`", c.type.span)

    def created_names(self, d: Dialect) -> Iterator[tuple[str, str, Span]]:
        """(what, identifier, where in the spec) for every name a run on `d` creates."""
        caps = d.capabilities
        for src in self.spec.sources:
            for t in src.tables:
                q = f"{src.name}.{t.name}"
                for n in physical(d, src.name, t.name):
                    yield f"source table `{q}`", n, t.span
                for n in physical(d, STAGE_SCHEMA, flat(q)):
                    yield f"source table `{q}` (its staging table)", n, t.span
                for c in t.columns:
                    yield f"source column `{q}.{c.name}`", c.name, c.span
        for tgt in self.spec.targets:
            for tt in tgt.tables:
                q = f"{tgt.name}.{tt.name}"
                for n in physical(d, tgt.name, tt.name, building=True):
                    yield f"target table `{q}`", n, tt.span
                for n in physical(d, CHARTSHIFT_SCHEMA, xwalk_name(q), building=True):
                    yield f"target table `{q}` (its crosswalk)", n, tt.span
                if not caps.temporary_work:
                    for n in physical(d, CHARTSHIFT_SCHEMA, work_name(q)):
                        yield f"target table `{q}` (its work table)", n, tt.span
                else:
                    yield f"target table `{q}` (its work table)", work_name(q), tt.span
                for c in tt.columns:
                    yield f"target column `{q}.{c.name}`", c.name, c.span

    def check_flat_collisions(self) -> None:
        """`a__b.c` and `a.b__c` both flatten to `a__b__c`: their work, crosswalk and
        staging tables (and MariaDB's tables) would be one table."""
        groups: list[tuple[str, list[tuple[str, Span]]]] = [
            ("source table", [(f"{s.name}.{t.name}", t.span) for s in self.spec.sources for t in s.tables]),
            ("target table", [(f"{g.name}.{t.name}", t.span) for g in self.spec.targets for t in g.tables]),
        ]
        for what, tables in groups:
            first: dict[str, str] = {}
            for q, span in tables:
                f = flat(q)
                if f in first and first[f] != q:
                    self.diags.error(
                        f"{what} `{q}` and `{first[f]}` would share the tables chartshift creates for them (both `{f}`); rename one",
                        span,
                    )
                first.setdefault(f, q)
