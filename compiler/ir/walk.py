"""Walking the IR: every node below a node, in field order (spans skipped)."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel


def walk(node: object) -> Iterator[BaseModel]:
    """Every IR node below (and including) `node`."""
    if isinstance(node, list):
        for n in node:
            yield from walk(n)
        return
    if not isinstance(node, BaseModel):
        return
    yield node
    for name in type(node).model_fields:
        if name == "span":
            continue
        yield from walk(getattr(node, name))
