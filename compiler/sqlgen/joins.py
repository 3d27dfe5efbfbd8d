"""Joins of a map's input rows: a plain join matches at most one row, `join many` any number.

The raw join (primary table LEFT JOIN every joined table) may multiply a source row.  This
layer puts it back in order before `where`, `each` and the rules see it:

- a plain join that matched several rows keeps one copy of the source row (its first
  match by the joined file's record number) and carries the number of matches in
  `__n__<alias>`, which the rules layer turns into an "ambiguous match" reject;
- `join many` keeps every match: `__match` numbers the matches of one source row (1, 2,
  ... by the joined files' record numbers; 1 for a row without a match) and `__ord`
  numbers all rows in export order (record, then match), so that ids, duplicate keys and
  rejects are ordered the same on every engine.

The accounting counts the rows this layer emits (see `MapSql.insert_accounting`).
"""

from __future__ import annotations

from sqlglot import exp

from compiler import ir
from compiler.sqlgen.lower import col, ident, join, lit, paren

AMBIGUOUS_MATCH = "ambiguous_match"  # the rule id of the reject: a stable reason code
RAW = "cs_raw"
AMBIGUOUS = "cs_amb"


def join_row(alias: str) -> str:
    """The column holding the joined row's record number (NULL without a match)."""
    return f"j__{alias}__row"


def match_count(alias: str) -> str:
    """The column holding how many rows a plain join matched, where more than one did."""
    return f"__n__{alias}"


def ambiguous_reason(j: ir.Join, count: exp.Expression) -> exp.Expression:
    """'ambiguous match (3 rows of legacy.code_map)': the reason of the reject, with the count."""
    table = ".".join(j.table.parts)
    text = exp.Cast(this=paren(count), to=exp.DataType.build("VARCHAR"))
    return exp.DPipe(
        this=exp.DPipe(this=lit("ambiguous match ("), expression=text, safe=False),
        expression=lit(f" rows of {table})"),
        safe=False,
    )


def settle_joins(raw: exp.Select, joins: list[ir.Join]) -> exp.Select:
    """SELECT over the raw join with plain joins back to one row per source row, and `join
    many` rows numbered.  `raw` selects `__row`, the `s__` columns and `join_row(alias)` of
    every join."""
    plain = [j for j in joins if not j.many]
    many = [j for j in joins if j.many]
    out = exp.select(exp.Column(this=exp.Star(), table=ident(RAW))).from_(
        exp.Subquery(this=raw, alias=exp.TableAlias(this=ident(RAW))), copy=False
    )
    if plain:
        # one hash aggregate over the rows that the joins multiplied, per source row and
        # `join many` match (a plain join may read a `join many` table); record numbers
        # start at 1, so 0 stands for "no match" and the groups join back with `=`
        groups: list[tuple[str, exp.Expression]] = [("__row", col("__row"))]
        groups += [(f"m__{j.alias}", exp.Coalesce(this=col(join_row(j.alias)), expressions=[lit(0)])) for j in many]
        amb = exp.select(col("__row"), *[exp.alias_(g, name, quoted=True) for name, g in groups[1:]])
        for j in plain:
            amb = amb.select(
                exp.alias_(exp.Count(this=exp.Distinct(expressions=[col(join_row(j.alias))])), match_count(j.alias), quoted=True),
                exp.alias_(exp.Min(this=col(join_row(j.alias))), f"first__{j.alias}", quoted=True),
                copy=False,
            )
        # the aggregate reads only the record numbers of the raw join
        slim = raw.copy()
        slim.set("expressions", [e for e in slim.expressions if e.alias_or_name == "__row" or e.alias_or_name.startswith("j__")])
        amb = (
            amb.from_(exp.Subquery(this=slim, alias=exp.TableAlias(this=ident(RAW))), copy=False)
            .group_by(*[g.copy() for _, g in groups], copy=False)
            .having(exp.GT(this=exp.Count(this=exp.Star()), expression=lit(1)), copy=False)
        )
        out = join(
            out,
            exp.Subquery(this=amb, alias=exp.TableAlias(this=ident(AMBIGUOUS))),
            on=exp.and_(
                exp.EQ(this=col("__row", AMBIGUOUS), expression=col("__row", RAW)),
                *[
                    exp.EQ(
                        this=col(f"m__{j.alias}", AMBIGUOUS),
                        expression=exp.Coalesce(this=col(join_row(j.alias), RAW), expressions=[lit(0)]),
                    )
                    for j in many
                ],
                copy=False,
            ),
            side="LEFT",
        )
        keep_first = [
            exp.or_(
                exp.Is(this=col(f"first__{j.alias}", AMBIGUOUS), expression=exp.Null()),
                exp.EQ(this=col(join_row(j.alias), RAW), expression=col(f"first__{j.alias}", AMBIGUOUS)),
                copy=False,
            )
            for j in plain
        ]
        out = out.where(exp.and_(*[paren(k) for k in keep_first], copy=False), copy=False)
        for j in plain:
            out = out.select(exp.alias_(col(match_count(j.alias), AMBIGUOUS), match_count(j.alias), quoted=True), copy=False)
    if many:
        rows = [exp.Ordered(this=col(join_row(j.alias), RAW)) for j in many]
        match = exp.Window(this=exp.RowNumber(), partition_by=[col("__row", RAW)], order=exp.Order(expressions=rows))
        order = exp.Window(
            this=exp.RowNumber(), order=exp.Order(expressions=[exp.Ordered(this=col("__row", RAW))] + [r.copy() for r in rows])
        )
        out = out.select(exp.alias_(match, "__match", quoted=True), exp.alias_(order, "__ord", quoted=True), copy=False)
    return out
