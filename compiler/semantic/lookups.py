"""Checks of the lookups: inline entries (keys, value types) and lookup files (columns, conflicting rows)."""

from __future__ import annotations

import csv
from typing import cast

from compiler import ir
from compiler.diagnostics import did_you_mean
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


class LookupChecks(CheckerBase):
    """Mixed into the Checker: uses its `base_dir` and `diags`."""

    def check_lookup(self, lk: ir.Lookup) -> None:
        if lk.file is not None:
            self.check_lookup_file(lk)
            return
        seen: dict[tuple[str, str | int | bool | None], ir.LookupEntry] = {}
        types = {e.value.type for e in lk.entries}
        if lk.default is not None:
            types.add(lk.default.type)
        key_types = set()
        for e in lk.entries:
            for k in e.keys:
                # keyed by type too: 1 and true are equal in Python, not in SQL
                if (k.type, k.value) in seen:
                    self.diags.error(f"lookup key {show_literal(k)} appears twice in `{lk.name}`", k.span)
                seen[(k.type, k.value)] = e
                key_types.add(k.type)
                if k.type == T.NULL:
                    self.diags.error("a `null` lookup key never matches (NULL equals nothing); use `else`", k.span)
        if not lk.entries:
            self.diags.error(f"lookup `{lk.name}` has no entries", lk.span)
        if len(types - {T.NULL}) > 1:
            self.diags.error(f"lookup `{lk.name}` mixes value types {', '.join(sorted(types - {T.NULL}))}", lk.span)
        shared: str | None = T.NULL
        for kt in sorted(key_types):
            shared = T.common(shared, kt) if shared is not None else None
        if shared is None:
            self.diags.error(f"lookup `{lk.name}` mixes key types {', '.join(sorted(key_types - {T.NULL}))}", lk.span)

    def check_lookup_file(self, lk: ir.Lookup) -> None:
        if not lk.key_column or not lk.value_column:
            self.diags.error(f'lookup `{lk.name}` from a file needs `key "column"` and `value "column"`', lk.span)
            return
        if lk.default is not None and lk.default.type not in (T.TEXT, T.NULL):
            self.diags.error(f"lookup `{lk.name}` reads text values from its file; its `else` must be a string", lk.default.span)
        path = self.base_dir / cast(str, lk.file)  # called for a lookup from a file
        try:
            # the generator loads every (key, value) pair: read the whole file now, so that
            # a bad file is a positioned error here and not a failure half-way through a run
            with open(path, newline="", encoding="utf-8-sig") as fh:
                reader = csv.reader(fh)
                header = next(reader, [])
                missing = [col for col in (lk.key_column, lk.value_column) if col not in header]
                for col in missing:
                    self.diags.error(f"lookup file `{lk.file}` has no column `{col}`{did_you_mean(col, header)}", lk.span)
                if missing:
                    return
                ki, vi = header.index(lk.key_column), header.index(lk.value_column)
                seen: dict[str, tuple[str, int]] = {}
                problems: list[str] = []
                for row in reader:
                    if not row:
                        continue  # a blank line, skipped like csv.DictReader does
                    line = reader.line_num
                    if len(row) <= max(ki, vi):
                        problems.append(f"lookup file `{lk.file}` line {line} has fewer columns than its header")
                    elif row[ki] in seen and seen[row[ki]][0] != row[vi]:
                        problems.append(
                            f"lookup file `{lk.file}` line {line} maps {show_text(row[ki])} again, "
                            f"to a different value (first at line {seen[row[ki]][1]})"
                        )
                    else:
                        seen.setdefault(row[ki], (row[vi], line))
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
