"""Builder rules of `phase` blocks: the maps a phase runs and the rows it selects."""

from __future__ import annotations

from lark import Token
from lark.tree import Meta

from compiler import ir
from compiler.syntax.rules.base import BuilderBase, Children, unquote_name, unquote_string, with_meta


class PhaseRules(BuilderBase):
    """A phase and its `maps` / `only ... where` members."""

    @with_meta
    def phase(self, meta: Meta, children: Children) -> ir.Phase:
        name, *rest = children
        description = None
        if rest and isinstance(rest[0], Token) and rest[0].type == "STRING":
            description = unquote_string(rest.pop(0))
        maps: list[ir.Name] = []
        filters: list[ir.PhaseFilter] = []
        for m in rest:
            if isinstance(m, ir.PhaseFilter):
                filters.append(m)
            else:
                maps.extend(m)
        return ir.Phase(span=self.span(meta), name=unquote_name(name), description=description, maps=maps, filters=filters)

    def phase_maps(self, children: Children) -> list[ir.Name]:
        return list(children)

    @with_meta
    def phase_only(self, meta: Meta, children: Children) -> ir.PhaseFilter:
        return ir.PhaseFilter(span=self.span(meta), table=children[0], where=children[1])
