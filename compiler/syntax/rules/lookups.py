"""Builder rules of `lookup` blocks: inline entries (one-part or composite keys, one value
or a record) and lookups from a CSV file (key and value columns, `else`)."""

from __future__ import annotations

from lark.tree import Meta

from compiler import ir
from compiler.diagnostics import Span, did_you_mean
from compiler.syntax.rules.base import BuilderBase, Children, unquote_name, unquote_string, with_meta

LOOKUP_FILE_OPTIONS = ("key", "value")
Item = ir.Literal | list[ir.Literal]  # one literal, or a parenthesised list of them
Else = tuple[str, Item | None, Span]  # ("else", value or None for `else reject`, span)


class LookupRules(BuilderBase):
    """A lookup and its entries or file options."""

    def _else(self, name: str, elses: list[Else]) -> tuple[ir.Literal | None, list[ir.Literal], bool]:
        """(default, record defaults, else_reject) from the `else` members (at most one)."""
        for _, value, span in elses[1:]:
            at = value.span if isinstance(value, ir.Literal) else value[0].span if value else span  # the value, as before
            self.diags.error(f"lookup `{name}` has more than one `else`", at)
        if not elses:
            return None, [], False
        value = elses[0][1]
        if value is None:
            return None, [], True
        return (None, value, False) if isinstance(value, list) else (value, [], False)

    @with_meta
    def lookup(self, meta: Meta, children: Children) -> ir.Lookup:
        name, *members = children
        lk_name = unquote_name(name)
        fields: list[str] = []
        entries: list[ir.LookupEntry] = []
        elses: list[Else] = []
        for m in members:
            if isinstance(m, ir.LookupEntry):
                entries.append(m)
            elif isinstance(m, tuple):
                elses.append(m)
            else:  # lookup_fields
                fields = m
        default, defaults, reject = self._else(lk_name, elses)
        return ir.Lookup(
            span=self.span(meta), name=lk_name, entries=entries, fields=fields, default=default, defaults=defaults, else_reject=reject
        )

    def lookup_fields(self, children: Children) -> list[str]:
        return [unquote_name(c) for c in children]

    def literal_tuple(self, children: Children) -> list[ir.Literal]:
        return list(children)

    @with_meta
    def lookup_entry(self, meta: Meta, children: Children) -> ir.LookupEntry:
        *keys, value = children
        one = [k for k in keys if isinstance(k, ir.Literal)]
        tuples = [k for k in keys if isinstance(k, list)]
        if isinstance(value, list):
            return ir.LookupEntry(span=self.span(meta), keys=one, key_tuples=tuples, values=value)
        return ir.LookupEntry(span=self.span(meta), keys=one, key_tuples=tuples, value=value)

    @with_meta
    def lookup_else(self, meta: Meta, children: Children) -> Else:
        return ("else", children[0], self.span(meta))

    @with_meta
    def lookup_else_reject(self, meta: Meta, children: Children) -> Else:
        return ("else", None, self.span(meta))

    @with_meta
    def lookup_file(self, meta: Meta, children: Children) -> ir.Lookup:
        name, path, *options = children
        lk_name = unquote_name(name)
        values: dict[str, list[ir.Literal]] = {}
        elses: list[Else] = []
        for opt in options:
            if opt[0] == "else":
                elses.append(opt)
                continue
            option, given, span = opt
            if option not in LOOKUP_FILE_OPTIONS:
                self.diags.error(
                    f"unknown lookup option `{option}`{did_you_mean(option, LOOKUP_FILE_OPTIONS)}; use `key`, `value` and `else`",
                    span,
                )
            elif option in values:
                self.diags.error(f"lookup option `{option}` given twice", span)
            elif any(v.type != "text" for v in given):
                self.diags.error(f"lookup option `{option}` takes a column name in quotes", next(v for v in given if v.type != "text").span)
            else:
                values[option] = given
        default, defaults, reject = self._else(lk_name, elses)
        keys = [str(v.value) for v in values.get("key", [])]
        vals = [str(v.value) for v in values.get("value", [])]
        composite = "key" in values and isinstance(values["key"], _Listed)
        record = "value" in values and isinstance(values["value"], _Listed)
        return ir.Lookup(
            span=self.span(meta),
            name=lk_name,
            file=unquote_string(path),
            key_column=keys[0] if keys and not composite else None,
            value_column=vals[0] if vals and not record else None,
            key_columns=keys if composite else [],
            fields=vals if record else [],
            default=default,
            defaults=defaults,
            else_reject=reject,
        )

    @with_meta
    def lookup_file_option(self, meta: Meta, children: Children) -> tuple[str, list[ir.Literal], Span]:
        return (unquote_name(children[0]), [children[1]], self.span(meta))

    @with_meta
    def lookup_file_list_option(self, meta: Meta, children: Children) -> tuple[str, list[ir.Literal], Span]:
        return (unquote_name(children[0]), _Listed(children[1]), self.span(meta))

    @with_meta
    def lookup_file_else(self, meta: Meta, children: Children) -> Else:
        return ("else", children[0], self.span(meta))

    @with_meta
    def lookup_file_else_reject(self, meta: Meta, children: Children) -> Else:
        return ("else", None, self.span(meta))


class _Listed(list[ir.Literal]):
    """Column names given in parentheses, `key ("code", "plan")`: a composite key or a
    record's value columns (even with one name)."""
