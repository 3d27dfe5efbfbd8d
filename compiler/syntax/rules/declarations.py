"""Builder rules of the declarations: `migration`, `source`, `target` (tables, columns,
types) and `lookup`."""

from __future__ import annotations

from typing import Any, cast

from lark import Token
from lark.tree import Meta

from compiler import ir
from compiler.diagnostics import did_you_mean
from compiler.syntax.rules.base import BuilderBase, Children, unquote_name, unquote_string, with_meta

MAX_TYPE_ARGUMENT = 2**31 - 1  # varchar(n), decimal(p, s)
FLAG_MEANINGS = ("new", "modified", "removed")


class DeclarationRules(BuilderBase):
    """migration, settings, source and target tables with their columns, lookups."""

    @with_meta
    def migration(self, meta: Meta, children: Children) -> ir.Migration:
        name, *settings = children
        return ir.Migration(span=self.span(meta), name=unquote_string(name), settings=settings)

    @with_meta
    def migration_setting(self, meta: Meta, children: Children) -> ir.Setting:
        name, value = children
        if isinstance(value, Token):  # a bare word such as `dialect postgres`
            value = ir.Literal(span=self.tok_span(value), type="text", value=unquote_name(value))
        return ir.Setting(span=self.span(meta), name=unquote_name(name), value=value)

    @with_meta
    def setting(self, meta: Meta, children: Children) -> ir.Setting:
        name, value, *more = children
        return ir.Setting(span=self.span(meta), name=unquote_name(name), value=value, more_values=more)

    # -- source / target
    @with_meta
    def source(self, meta: Meta, children: Children) -> ir.Source:
        name, fmt, path, *members = children
        return ir.Source(
            span=self.span(meta),
            name=unquote_name(name),
            format=str(fmt),
            path=unquote_string(path),
            settings=[m for m in members if isinstance(m, ir.Setting)],
            tables=[m for m in members if isinstance(m, ir.SourceTable)],
        )

    @with_meta
    def source_table(self, meta: Meta, children: Children) -> ir.SourceTable:
        name, file, *rest = children
        key = rest.pop(0) if rest and isinstance(rest[0], tuple) else ()
        return ir.SourceTable(
            span=self.span(meta),
            name=unquote_name(name),
            file=unquote_string(file),
            key=list(key),
            settings=[m for m in rest if isinstance(m, ir.Setting)],
            columns=[m for m in rest if isinstance(m, ir.Column)],
            delta_flag=self.one_of(rest, ir.DeltaFlag, "`delta flag`"),
            delta_timestamp=self.one_of(rest, ir.Name, "`delta timestamp`", lambda n: n.parts[0]),
            ignored=[m for m in rest if isinstance(m, ir.IgnoredColumn)],
        )

    @with_meta
    def ignore_column(self, meta: Meta, children: Children) -> ir.IgnoredColumn:
        column, reason = children
        return ir.IgnoredColumn(span=self.span(meta), column=unquote_name(column), reason=unquote_string(reason))

    def one_of(self, members: list[Any], kind: type, what: str, value: Any = None) -> Any:
        """The one member of `kind` (None without one); a second one is an error."""
        found: list[Any] = [m for m in members if isinstance(m, kind)]
        for extra in found[1:]:
            self.diags.error(f"a source table has at most one {what}", extra.span)
        if not found:
            return None
        return value(found[0]) if value else found[0]

    @with_meta
    def delta_flag(self, meta: Meta, children: Children) -> ir.DeltaFlag:
        column, *values = children
        return ir.DeltaFlag(span=self.span(meta), column=unquote_name(column), values=values)

    @with_meta
    def flag_value(self, meta: Meta, children: Children) -> ir.FlagValue:
        meaning, value = children
        name = unquote_name(meaning)
        if name not in FLAG_MEANINGS:
            self.diags.error(
                f"unknown change-flag meaning `{name}`; expected one of {', '.join(FLAG_MEANINGS)}{did_you_mean(name, FLAG_MEANINGS)}",
                self.tok_span(meaning),
            )
            name = "new"
        return ir.FlagValue(span=self.span(meta), meaning=cast(Any, name), value=value)

    @with_meta
    def delta_timestamp(self, meta: Meta, children: Children) -> ir.Name:
        return ir.Name(span=self.span(meta), parts=[unquote_name(children[0])])

    @with_meta
    def target(self, meta: Meta, children: Children) -> ir.Target:
        name, *tables = children
        return ir.Target(span=self.span(meta), name=unquote_name(name), tables=tables)

    @with_meta
    def target_table(self, meta: Meta, children: Children) -> ir.TargetTable:
        name, *rest = children
        key = rest.pop(0) if rest and isinstance(rest[0], tuple) else ()
        return ir.TargetTable(span=self.span(meta), name=unquote_name(name), key=list(key), columns=rest)

    def key_clause(self, children: Children) -> tuple[str, ...]:
        return cast(tuple[str, ...], children[0])

    def name_list(self, children: Children) -> tuple[str, ...]:
        return tuple(unquote_name(c) for c in children)

    @with_meta
    def column(self, meta: Meta, children: Children) -> ir.Column:
        name, type_ref, *options = children
        fields: dict[str, Any] = {}
        for kind, value in options:
            fields[kind] = value
        return ir.Column(span=self.span(meta), name=unquote_name(name), type=type_ref, **fields)

    @with_meta
    def type_ref(self, meta: Meta, children: Children) -> ir.TypeRef:
        name, *args = children
        values = [self.bounded_int(a, MAX_TYPE_ARGUMENT, "type argument") for a in args]
        return ir.TypeRef(span=self.span(meta), name=str(name).lower(), args=values)

    def phi(self, _: Children) -> tuple[str, bool]:
        return ("phi", True)

    def not_null(self, _: Children) -> tuple[str, bool]:
        return ("not_null", True)

    def nullable(self, _: Children) -> tuple[str, bool]:
        return ("not_null", False)

    def unique(self, _: Children) -> tuple[str, bool]:
        return ("unique", True)

    def references(self, children: Children) -> tuple[str, ir.Name]:
        return ("references", children[0])

    def allowed(self, children: Children) -> tuple[str, list[ir.Literal]]:
        return ("allowed", list(children))

    def check_constraint(self, children: Children) -> tuple[str, ir.Expr]:
        return ("check", children[0])
