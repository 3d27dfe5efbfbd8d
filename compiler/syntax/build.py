"""Lark syntax tree -> IR (`compiler.ir.Spec`).  One transformer method per grammar rule,
grouped by concern in `compiler.syntax.rules`: declarations, maps, the validate and test
blocks, expressions."""

from __future__ import annotations

from typing import cast

from lark import Token, Tree

from compiler import ir
from compiler.diagnostics import Collector
from compiler.syntax.rules.access import AccessRules
from compiler.syntax.rules.base import Children
from compiler.syntax.rules.base import unquote_name as unquote_name  # re-exported: callers import it from here
from compiler.syntax.rules.base import unquote_string as unquote_string  # re-exported: callers import it from here
from compiler.syntax.rules.checks import CheckRules
from compiler.syntax.rules.declarations import DeclarationRules
from compiler.syntax.rules.expressions import ExpressionRules
from compiler.syntax.rules.lookups import LookupRules
from compiler.syntax.rules.maps import MapRules
from compiler.syntax.rules.phases import PhaseRules
from compiler.syntax.rules.sequencing import SequencingRules


class Builder(DeclarationRules, LookupRules, MapRules, CheckRules, SequencingRules, AccessRules, PhaseRules, ExpressionRules):
    """The whole builder: `transform` (in BuilderBase) calls the method named like each rule."""

    # -- top level
    def start(self, items: Children) -> ir.Spec:
        spec = ir.Spec(file=self.file)
        for item in items:
            if isinstance(item, ir.Migration):
                if spec.migration is not None:
                    self.diags.error("duplicate `migration` block", item.span)
                else:
                    spec.migration = item
            elif isinstance(item, ir.Source):
                spec.sources.append(item)
            elif isinstance(item, ir.Target):
                spec.targets.append(item)
            elif isinstance(item, ir.Lookup):
                spec.lookups.append(item)
            elif isinstance(item, ir.Map):
                spec.maps.append(item)
            elif isinstance(item, ir.SpecTest):
                spec.tests.append(item)
            elif isinstance(item, ir.Access):
                if spec.access is not None:
                    self.diags.error("duplicate `access` block", item.span)
                else:
                    spec.access = item
            elif isinstance(item, ir.Phase):
                spec.phases.append(item)
            elif isinstance(item, list):  # a validate block
                spec.checks.extend(item)
        return spec


def build(tree: Tree[Token], file: str) -> ir.Spec:
    """Turn a parse tree into the IR; raise SpecError on structural errors."""
    diags = Collector()
    spec = cast(ir.Spec, Builder(file, diags).transform(tree))  # the root rule is `start`
    diags.raise_if_errors()
    return spec
