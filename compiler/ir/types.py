"""The spec language's value types and how they map onto SQL types per dialect."""

from __future__ import annotations

# Value types of expressions. "null" is the type of the NULL literal (fits anything),
# "any" is used by function signatures that accept every type.
TEXT = "text"
INTEGER = "integer"
DECIMAL = "decimal"
DATE = "date"
TIMESTAMP = "timestamp"
BOOLEAN = "boolean"
NULL = "null"
ANY = "any"

VALUE_TYPES = (TEXT, INTEGER, DECIMAL, DATE, TIMESTAMP, BOOLEAN)
NUMERIC = (INTEGER, DECIMAL)


def fits(actual: str, expected: str) -> bool:
    """True when a value of type `actual` may be passed where `expected` is wanted."""
    if expected == ANY or actual in (NULL, ANY):
        return True
    if actual == expected:
        return True
    # integers widen to decimals; dates widen to timestamps
    return (actual, expected) in {(INTEGER, DECIMAL), (DATE, TIMESTAMP)}


def common(a: str, b: str) -> str | None:
    """The type both sides of a comparison / CASE branch share, or None if they don't."""
    if a in (NULL, ANY):
        return b
    if b in (NULL, ANY):
        return a
    if a == b:
        return a
    if {a, b} == {INTEGER, DECIMAL}:
        return DECIMAL
    if {a, b} == {DATE, TIMESTAMP}:
        return TIMESTAMP
    return None
