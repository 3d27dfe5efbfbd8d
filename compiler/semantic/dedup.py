"""Checks of a map's `dedup` rule against its legacy key: a dedup that cannot merge anything.

A legacy key is unique among loaded rows (a later row with the same key is rejected as
`duplicate key` before dedup runs), so `dedup on (...) keep ...` on the legacy key's own
parts (or more) never finds two rows: the rule is a no-op.  `drop all` is the way to
reject every copy of a duplicated key (docs/LANGUAGE.md "### dedup").
"""

from __future__ import annotations

from compiler import ir
from compiler.semantic.catalog import MapScope, Ref, dotted
from compiler.semantic.checker_base import CheckerBase
from compiler.semantic.field_refs import is_crosswalk


def canonical(e: object, scope: MapScope, rule_context: bool) -> object:
    """An expression without spans, each name replaced by what it resolves to, so that
    `pat_no` and `patients.pat_no` compare equal."""
    if isinstance(e, ir.Name):
        ref: Ref | str = scope.resolve(e, rule_context)
        return ("name", ref) if not isinstance(ref, str) else ("unresolved", tuple(e.parts))
    if isinstance(e, ir.Node):
        return (type(e).__name__, tuple((k, canonical(v, scope, rule_context)) for k, v in e if k != "span"))
    if isinstance(e, list):
        return tuple(canonical(x, scope, rule_context) for x in e)
    return e


class DedupChecks(CheckerBase):
    """Mixed into the Checker: the warning for a dedup on the legacy key."""

    def check_dedup_on_legacy_key(self, m: ir.Map, scope: MapScope) -> None:
        d = m.dedup
        if d is None or d.keep == ir.DROP_ALL or m.group is not None or d.across:
            # drop all on the legacy key rejects every copy: what it is for (group: an error);
            # `dedup across` on the legacy key merges the same key of another branch: it merges
            return
        xwalk = next((a for a in m.assigns if is_crosswalk(a)), None)
        if xwalk is not None:
            assert isinstance(xwalk.expr, ir.Call)  # is_crosswalk
            parts = [canonical(a, scope, False) for a in xwalk.expr.args]
            what = f"the arguments of `{xwalk.field} = crosswalk(...)`"
        else:
            src = self.cat.source_tables.get(dotted(m.source))
            if src is None or not src.key or m.each is not None:
                return
            parts = [canonical(ir.Name(span=d.span, parts=[k]), scope, False) for k in src.key]
            what = f"the key columns of {dotted(m.source)}"
        keys = {canonical(k, scope, True) for k in d.keys}
        if all(p in keys for p in parts):
            self.diags.warning(
                f"this dedup never merges: its keys include the legacy key ({what}), and a row whose legacy key "
                "an earlier row has is rejected as `duplicate key` before dedup runs, so every group has one row; "
                "`drop all` rejects every copy of a duplicated key, or dedup on other columns to merge",
                d.span,
            )
