"""Checks of the lookups: inline entries (keys, value types) and lookup files (columns, conflicting rows)."""

from __future__ import annotations

import csv
from typing import cast

from compiler import ir
from compiler.diagnostics import Span, did_you_mean
from compiler.ir import types as T
from compiler.semantic.checker_base import CheckerBase


def show_text(text: str) -> str:
    """Text as a spec string literal: "a \\"b\\"" (control characters are escaped later)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def show_literal(lit: ir.Literal) -> str:
    """A literal as written in a spec: "text", 12, true, null."""
    if lit.type == T.TEXT:
        return show_text(str(lit.value))
    if lit.type == T.BOOLEAN:
        return "true" if lit.value else "false"
    if lit.type == T.NULL:
        return "null"
    return str(lit.value)


def show_key(parts: list[ir.Literal]) -> str:
    """A key as written: `"M"`, or `("BC", "PPO")` for a composite key."""
    return show_literal(parts[0]) if len(parts) == 1 else "(" + ", ".join(show_literal(p) for p in parts) + ")"


def key_span(parts: list[ir.Literal]) -> Span:
    """From the first part of a key to its last."""
    first, last = parts[0].span, parts[-1].span
    return first.model_copy(update={"end_line": last.end_line, "end_column": last.end_column})


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class LookupChecks(CheckerBase):
    """Mixed into the Checker: uses its `base_dir` and `diags`."""

    def check_lookup(self, lk: ir.Lookup) -> None:
        if len(set(lk.fields)) != len(lk.fields):
            self.diags.error(f"lookup `{lk.name}` names a value twice", lk.span)
        if lk.file is not None:
            self.check_lookup_file(lk)
            return
        self.check_else(lk, {T.NULL} | {v.type for e in lk.entries for v in e.value_row()})
        if not lk.entries:
            self.diags.error(f"lookup `{lk.name}` has no entries", lk.span)
            return
        width = lk.arity
        n_values = len(lk.fields) or 1
        seen: set[tuple[tuple[str, str | int | bool | None], ...]] = set()
        key_types: list[set[str]] = [set() for _ in range(width)]
        value_types: list[set[str]] = [set() for _ in range(n_values)]
        for e in lk.entries:
            for parts in e.key_rows():
                if len(parts) != width:
                    self.diags.error(
                        f"lookup key {show_key(parts)} has {plural(len(parts), 'part')}; the keys of `{lk.name}` have {width}",
                        key_span(parts),
                    )
                    continue
                # keyed by type too: 1 and true are equal in Python, not in SQL
                key = tuple((k.type, k.value) for k in parts)
                if key in seen:
                    self.diags.error(f"lookup key {show_key(parts)} appears twice in `{lk.name}`", key_span(parts))
                seen.add(key)
                for i, k in enumerate(parts):
                    key_types[i].add(k.type)
                    if k.type == T.NULL:
                        self.diags.error("a `null` lookup key never matches (NULL equals nothing); use `else`", k.span)
            row = e.value_row()
            if not lk.fields and e.values:
                self.diags.error(f"values in parentheses need names: `lookup {lk.name} -> (a, b) {{ ... }}`", e.span)
            elif len(row) != n_values:
                self.diags.error(f"lookup `{lk.name}` returns {plural(n_values, 'value')}; this entry gives {len(row)}", e.span)
            else:
                for i, v in enumerate(row):
                    value_types[i].add(v.type)
        for i, types in enumerate(value_types):
            if lk.fields and i < len(lk.defaults):
                types.add(lk.defaults[i].type)
            elif not lk.fields and lk.default is not None:
                types.add(lk.default.type)
            if len(types - {T.NULL}) > 1:
                what = f"value `{lk.fields[i]}`" if lk.fields else "value"
                self.diags.error(f"lookup `{lk.name}` mixes {what} types {', '.join(sorted(types - {T.NULL}))}", lk.span)
        for types in key_types:
            shared: str | None = T.NULL
            for kt in sorted(types):
                shared = T.common(shared, kt) if shared is not None else None
            if shared is None:
                self.diags.error(f"lookup `{lk.name}` mixes key types {', '.join(sorted(types - {T.NULL}))}", lk.span)

    def check_else(self, lk: ir.Lookup, types: set[str]) -> None:
        """`else -> (...)` gives a record lookup one value per name; `else -> v` is for one value."""
        if lk.fields and lk.default is not None:
            self.diags.error(
                f"lookup `{lk.name}` returns a record: its `else` gives {len(lk.fields)} values in parentheses", lk.default.span
            )
        if lk.defaults and not lk.fields:
            self.diags.error(f"lookup `{lk.name}` returns one value: its `else` gives one value", lk.defaults[0].span)
        elif lk.defaults and len(lk.defaults) != len(lk.fields):
            self.diags.error(
                f"lookup `{lk.name}` returns {plural(len(lk.fields), 'value')}; its `else` gives {len(lk.defaults)}", lk.defaults[0].span
            )

    def check_lookup_file(self, lk: ir.Lookup) -> None:
        key_cols = lk.key_columns or ([lk.key_column] if lk.key_column else [])
        value_cols = lk.fields or ([lk.value_column] if lk.value_column else [])
        if not key_cols or not value_cols:
            self.diags.error(f'lookup `{lk.name}` from a file needs `key "column"` and `value "column"`', lk.span)
            return
        self.check_else(lk, set())
        for d in [lk.default, *lk.defaults]:
            if d is not None and d.type not in (T.TEXT, T.NULL):
                self.diags.error(f"lookup `{lk.name}` reads text values from its file; its `else` must be a string", d.span)
        path = self.base_dir / cast(str, lk.file)  # called for a lookup from a file
        try:
            # the generator loads every (key, value) pair: read the whole file now, so that
            # a bad file is a positioned error here and not a failure half-way through a run
            with open(path, newline="", encoding="utf-8-sig") as fh:
                reader = csv.reader(fh)
                header = next(reader, [])
                missing = [col for col in dict.fromkeys(key_cols + value_cols) if col not in header]
                for col in missing:
                    self.diags.error(f"lookup file `{lk.file}` has no column `{col}`{did_you_mean(col, header)}", lk.span)
                if missing:
                    return
                ki, vi = [header.index(c) for c in key_cols], [header.index(c) for c in value_cols]
                last = max(ki + vi)
                seen: dict[tuple[str, ...], tuple[tuple[str, ...], int]] = {}
                problems: list[str] = []
                for row in reader:
                    if not row:
                        continue  # a blank line, skipped like csv.DictReader does
                    line = reader.line_num
                    if len(row) <= last:
                        problems.append(f"lookup file `{lk.file}` line {line} has fewer columns than its header")
                        continue
                    key, value = tuple(row[i] for i in ki), tuple(row[i] for i in vi)
                    if key in seen and seen[key][0] != value:
                        shown = show_text(key[0]) if len(key) == 1 else "(" + ", ".join(show_text(k) for k in key) + ")"
                        problems.append(
                            f"lookup file `{lk.file}` line {line} maps {shown} again, to a different value (first at line {seen[key][1]})"
                        )
                    else:
                        seen.setdefault(key, (value, line))
                    if len(problems) == 3:
                        break
                for msg in problems:
                    self.diags.error(msg, lk.span)
        except (OSError, UnicodeDecodeError, ValueError, csv.Error) as exc:
            # ValueError: a NUL in the path; csv.Error: a malformed or oversized record
            reason = {
                FileNotFoundError: "no such file",
                IsADirectoryError: "it is a folder",
                PermissionError: "permission denied",
                UnicodeDecodeError: "not UTF-8",
            }.get(type(exc), type(exc).__name__)
            self.diags.error(f"cannot read lookup file `{lk.file}`: {reason}", lk.span)

    def lookup_call_type(self, lk: ir.Lookup, e: ir.Call, arg_types: list[str | None]) -> str | None:
        """The type of a call of lookup `lk` (one value, or `.field` of a record); reports
        a wrong number of key parts, a key of the wrong type, a record used whole, an
        unknown value name."""
        width = lk.arity
        if len(e.args) != width:
            self.diags.error(f"lookup `{lk.name}` takes {plural(width, 'key part')}, got {len(e.args)}", e.span)
        else:
            for i, (arg, at) in enumerate(zip(e.args, arg_types)):
                if at is None:
                    continue
                keys: set[str]
                if lk.file is None:
                    keys = {r[i].type for en in lk.entries for r in en.key_rows() if len(r) == width}
                else:
                    keys = {T.TEXT}
                bad = sorted(k for k in keys if T.common(at, k) is None)
                if bad:
                    self.diags.error(f"lookup `{lk.name}` has {bad[0]} keys; cannot look up a {at} value", arg.span)
        if not lk.fields:
            if e.field is not None:
                self.diags.error(f"lookup `{lk.name}` returns one value, not a record with `{e.field}`", e.span)
            if lk.file is not None:
                return T.TEXT
            types = {v.type for en in lk.entries for v in en.value_row()[:1]} - {T.NULL}
            return types.pop() if len(types) == 1 else T.TEXT
        if e.field is None:
            self.diags.error(
                f"lookup `{lk.name}` returns a record ({', '.join(lk.fields)}); name one value: `{lk.name}(...).{lk.fields[0]}`", e.span
            )
            return None
        if e.field not in lk.fields:
            self.diags.error(f"lookup `{lk.name}` has no value `{e.field}`{did_you_mean(e.field, lk.fields)}", e.span)
            return None
        if lk.file is not None:
            return T.TEXT
        i = lk.fields.index(e.field)
        types = {en.value_row()[i].type for en in lk.entries if len(en.value_row()) > i} - {T.NULL}
        return types.pop() if len(types) == 1 else T.TEXT
