"""sqlglot dialects chartshift generates SQL for but does not run: which are refused, and
the record the others get."""

from __future__ import annotations

from compiler.dialects.record import Capabilities, Collation, Dialect, IdentifierRules

# Generated SQL treats conditions as values (COALESCE(cond, FALSE), CASE results); these
# dialects have no boolean values, so their output would be wrong, not merely different.
NO_BOOLEAN_VALUES = ("tsql", "fabric", "oracle")


def sqlglot_dialects() -> set[str]:
    import sqlglot

    return {d.value for d in sqlglot.Dialects if d.value}


def refusal(name: str) -> str | None:
    """Why `name` cannot be compiled for (not a sqlglot dialect, no boolean values); None if it can."""
    if name not in sqlglot_dialects():
        return f"unknown dialect `{name}`"
    if name in NO_BOOLEAN_VALUES:
        return f"dialect {name} has no boolean values, which the generated SQL relies on"
    return None


def compile_only(name: str) -> Dialect:
    """The record of a sqlglot dialect without one of its own: generation only.

    Text order follows the database collation (README: compile-only dialects); casts of
    staged text and library functions have no implementation, which generation reports
    by name instead of writing wrong SQL."""
    from sqlglot.dialects.dialect import Dialect as SqlglotDialect

    quote = SqlglotDialect.get_or_raise(name).IDENTIFIER_START
    return Dialect(
        name=name,
        title=name,
        sqlglot=name,
        identifiers=IdentifierRules(quote=quote, max_length=None),
        collation=Collation(),
        capabilities=Capabilities(),
        runnable=False,
    )
