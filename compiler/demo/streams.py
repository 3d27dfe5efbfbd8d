"""Seeded per-table random streams, weighted pickers and the MM/DD/YYYY text the generators share."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

_V = TypeVar("_V")


def _sub_rng(seed: int, name: str) -> random.Random:
    """An independent, reproducible stream per table (changing one table leaves the others)."""
    digest = hashlib.sha256(f"chartshift-demo:{seed}:{name}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _weighted(rng: random.Random, table: Sequence[tuple[_V, float]]) -> Callable[[], _V]:
    """Cumulative-weight picker: returns a zero-argument function."""
    values = [v for v, _ in table]
    cum: list[float] = []
    acc: float = 0
    for _, w in table:
        acc += w
        cum.append(acc)
    total = acc
    rnd = rng.random

    def pick() -> _V:
        x = rnd() * total
        for v, c in zip(values, cum):
            if x < c:
                return v
        return values[-1]

    return pick


def _mdy(d: date) -> str:
    return f"{d.month:02d}/{d.day:02d}/{d.year}"
