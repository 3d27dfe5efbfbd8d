"""Which rule masks a column (by its name), and what the spec's rules test for: sentinels, date formats."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from compiler import ir

DEFAULT_FORMATS = ("%m/%d/%Y", "%Y-%m-%d", "%d-%b-%y", "%d-%b-%Y", "%m/%d/%y", "%m-%d-%Y", "%Y/%m/%d", "%Y%m%d")

RULES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    # rule, name contains any of, or has any of these words (split on _ and digits)
    ("ssn", ("ssn",), ()),
    ("email", ("email", "mail"), ()),
    ("phone", ("phone", "fax", "mobile"), ("cell", "tel")),
    ("zip", ("zip", "postal", "postcode"), ()),
    ("date", ("date", "dob", "birth"), ("dos", "dt")),
    ("name", ("name",), ()),
    ("text", ("note", "text", "comment", "memo", "narrative", "remark"), ("body",)),
)


def rule_for_name(column: str) -> str:
    name = column.lower()
    words = set(w for w in re.split(r"[_\W\d]+", name) if w)
    for rule, parts, whole in RULES:
        if any(p in name for p in parts) or words & set(whole):
            return rule
    return "shape"


def walk(node: object) -> Iterator[BaseModel]:
    """Every IR node under `node`, itself included."""
    if isinstance(node, BaseModel):
        yield node
        for name in type(node).model_fields:
            yield from walk(getattr(node, name))
    elif isinstance(node, (list, tuple)):
        for x in node:
            yield from walk(x)


def _rules_of(spec: ir.Spec) -> list[list[ir.Map] | list[ir.Lookup] | list[ir.Check]]:
    """What decides a migration's outcome: maps, lookups, checks (not test blocks' data)."""
    return [spec.maps, spec.lookups, spec.checks]


def spec_sentinels(spec: ir.Spec) -> set[str]:
    """Text literals of the spec's maps, lookups and checks without letters (`00/00/0000`,
    `0000`): sentinels a rule tests for, kept unmasked."""
    out: set[str] = set()
    for n in walk(_rules_of(spec)):
        if isinstance(n, ir.Literal) and n.type == "text" and isinstance(n.value, str):
            v = n.value
            if len(v) >= 2 and not any(ch.isalpha() for ch in v):
                out.add(v)
    return out


def spec_date_formats(spec: ir.Spec) -> list[str]:
    out: list[str] = []
    for n in walk(_rules_of(spec)):
        if isinstance(n, ir.Call) and n.func in (["parse_date"], ["parse_timestamp"]):
            for a in n.args[1:]:
                if isinstance(a, ir.Literal) and isinstance(a.value, str) and a.value not in out:
                    out.append(a.value)
    for f in DEFAULT_FORMATS:
        if f not in out:
            out.append(f)
    return out
