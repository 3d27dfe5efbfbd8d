"""The spec's grants against the live ones, both ways: what is missing, what is extra."""

from __future__ import annotations

from dataclasses import dataclass, field

from compiler.plan.access import Grant


@dataclass
class AccessDiff:
    missing: list[Grant] = field(default_factory=list)  # the spec gives it, the server does not
    extra: list[Grant] = field(default_factory=list)  # the server gives it, the spec does not

    @property
    def clean(self) -> bool:
        return not self.missing and not self.extra

    def lines(self) -> list[str]:
        return [f"missing: GRANT {g.label()}" for g in self.missing] + [f"extra:   GRANT {g.label()}" for g in self.extra]


def atoms(grants: list[Grant] | set[Grant]) -> set[Grant]:
    return {a for g in grants for a in g.atoms()}


def compare(desired: list[Grant], live: set[Grant]) -> AccessDiff:
    want = atoms(desired)
    return AccessDiff(missing=sorted(want - live), extra=sorted(live - want))
