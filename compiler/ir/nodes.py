"""The intermediate representation: pydantic models built from the syntax tree.

Every node carries the span of the spec text it came from, so that later passes can
report errors and comment generated SQL with the spec line.  The IR is plain data:
`Spec.model_dump_json()` is what `chartshift ir` prints.
"""

from __future__ import annotations

from typing import Annotated, Literal as L, Union

from pydantic import BaseModel, ConfigDict, Field

from compiler.diagnostics import Span  # noqa: F401  (defined in the base layer; re-exported as ir.Span)


class Node(BaseModel):
    model_config = ConfigDict(frozen=True)
    span: Span


# ------------------------------------------------------------------ expressions


class Literal(Node):
    """A constant: text, integer, decimal (kept as text for exactness), boolean or null."""

    kind: L["literal"] = "literal"
    type: L["text", "integer", "decimal", "boolean", "null", "date"]
    value: str | int | bool | None


class Name(Node):
    """A (possibly qualified) reference: a column, an each-variable, a target field."""

    kind: L["name"] = "name"
    parts: list[str]


class Call(Node):
    """A function call, a lookup use, `crosswalk(...)` or `entity.crosswalk(...)`."""

    kind: L["call"] = "call"
    func: list[str]
    args: list["Expr"]


class Unary(Node):
    """`not x` or `-x`."""

    kind: L["unary"] = "unary"
    op: L["not", "neg"]
    operand: "Expr"


class Binary(Node):
    """Arithmetic, comparison, boolean connective or `||`."""

    kind: L["binary"] = "binary"
    op: str
    left: "Expr"
    right: "Expr"


class IsNull(Node):
    """`x is null` / `x is not null`."""

    kind: L["is_null"] = "is_null"
    operand: "Expr"
    negated: bool = False


class InList(Node):
    """`x in (a, b)` / `x not in (...)`."""

    kind: L["in"] = "in"
    operand: "Expr"
    items: list["Expr"]
    negated: bool = False


class Between(Node):
    """`x between a and b` (inclusive both ends)."""

    kind: L["between"] = "between"
    operand: "Expr"
    low: "Expr"
    high: "Expr"
    negated: bool = False


class Like(Node):
    """`x like pattern` (SQL `%` and `_` wildcards, case-sensitive on every engine)."""

    kind: L["like"] = "like"
    operand: "Expr"
    pattern: "Expr"
    negated: bool = False


class When(Node):
    """One `when ... then ...` branch of a CASE."""

    condition: "Expr"
    result: "Expr"


class Case(Node):
    """Searched (`operand` None) or simple CASE."""

    kind: L["case"] = "case"
    operand: "Expr | None" = None
    whens: list[When]
    default: "Expr | None" = None


class Tuple(Node):
    """`(a, b, ...)`: only meaningful as an `each` item."""

    kind: L["tuple"] = "tuple"
    items: list["Expr"]


Expr = Annotated[
    Union[Literal, Name, Call, Unary, Binary, IsNull, InList, Between, Like, Case, Tuple],
    Field(discriminator="kind"),
]

for _m in (Call, Unary, Binary, IsNull, InList, Between, Like, When, Case, Tuple):
    _m.model_rebuild()


# ------------------------------------------------------------------ declarations


class Setting(Node):
    """`name value` inside a block (encoding, delimiter, description, dialect ...)."""

    name: str
    value: Literal


class TypeRef(Node):
    """A column type such as `text`, `varchar(50)` or `decimal(10, 2)`."""

    name: str
    args: list[int] = []


class Column(Node):
    """A source or target column with its options."""

    name: str
    type: TypeRef
    phi: bool = False
    not_null: bool = False
    unique: bool = False
    references: Name | None = None
    allowed: list[Literal] | None = None
    check: Expr | None = None


class SourceTable(Node):
    """One CSV file of a source export."""

    name: str
    file: str
    key: list[str] = []
    settings: list[Setting] = []
    columns: list[Column]


class Source(Node):
    """A legacy export: a folder of delimited files."""

    name: str
    format: str
    path: str
    settings: list[Setting] = []
    tables: list[SourceTable]


class TargetTable(Node):
    """A table of the new system."""

    name: str
    key: list[str] = []
    columns: list[Column]


class Target(Node):
    """The new system's schema."""

    name: str
    tables: list[TargetTable]


class LookupEntry(Node):
    """`"M", "MALE" -> "male"`."""

    keys: list[Literal]
    value: Literal


class Lookup(Node):
    """A value mapping, inline or from a two-column CSV file."""

    name: str
    entries: list[LookupEntry] = []
    default: Literal | None = None
    file: str | None = None
    key_column: str | None = None
    value_column: str | None = None


class Join(Node):
    """`join legacy.payers as p on p.payer_id = payer_id` (always a left join)."""

    table: Name
    alias: str
    on: Expr


class Each(Node):
    """`each (a, b) in [(x1, y1), (x2, y2)] when cond`: one target row per item."""

    names: list[str]
    items: list[Expr]
    when: Expr | None = None


class OrderItem(Node):
    """An ordering term of a dedup survivor rule."""

    expr: Expr
    descending: bool = False


class Dedup(Node):
    """`dedup on (k1, k2) keep first by o1, o2`: one survivor per key group."""

    keys: list[Expr]
    keep: str
    order: list[OrderItem]


class Assign(Node):
    """`field = expr`."""

    field: str
    expr: Expr


class Reject(Node):
    """`reject "reason" when cond`."""

    reason: str
    when: Expr


class Map(Node):
    """How one target table is filled from one (primary) source table."""

    source: Name
    target: Name
    each: Each | None = None
    joins: list[Join] = []
    where: list[Expr] = []
    dedup: Dedup | None = None
    assigns: list[Assign] = []
    rejects: list[Reject] = []


class Threshold(Node):
    """`fail above 1%`, `warn below 99.5%`, `fail above 10` (a row count)."""

    level: L["warn", "fail"]
    direction: L["above", "below"]
    value: str  # decimal text, exact
    percent: bool


class Aggregate(Node):
    """`sum(emr.charge.units)`, `count(legacy.visits where ...)`, `sum(legacy.visits: expr)`."""

    func: str
    table: Name
    expr: Expr | None = None
    where: Expr | None = None


class Check(Node):
    """A validation rule with its thresholds."""

    kind: L["completeness", "unique", "valid", "references", "consistent", "reconcile", "reject_rate"]
    subject: Name | None = None
    rule: L["matches", "in", "between"] | None = None
    pattern: str | None = None
    values: list[Literal] = []
    condition: Expr | None = None
    left: Aggregate | None = None
    compare: str | None = None
    right: Aggregate | None = None
    thresholds: list[Threshold] = []


class Rows(Node):
    """A table of literal rows in a spec test: `given` input or `expect` output."""

    table: Name
    columns: list[str]
    rows: list[list[Literal]]


class ExpectRejects(Node):
    """`expect rejects legacy.x -> emr.y { reason | count ... }`."""

    source: Name
    target: Name
    counts: list[tuple[str, int]]


class ExpectCheck(Node):
    """`expect check "unique emr.patient.mrn" pass`."""

    name: str
    status: str


class SpecTest(Node):
    """A `test` block: input rows, expected target rows, rejects and verdicts."""

    name: str
    given: list[Rows] = []
    expect: list[Rows] = []
    rejects: list[ExpectRejects] = []
    checks: list[ExpectCheck] = []


class Migration(Node):
    """The `migration` header block."""

    name: str
    settings: list[Setting] = []


class Spec(BaseModel):
    """A whole spec file."""

    file: str
    migration: Migration | None = None
    sources: list[Source] = []
    targets: list[Target] = []
    lookups: list[Lookup] = []
    maps: list[Map] = []
    checks: list[Check] = []
    tests: list[SpecTest] = []
