"""The intermediate representation: pydantic models built from the syntax tree.

Every node carries the span of the spec text it came from, so that later passes can
report errors and comment generated SQL with the spec line.  The IR is plain data:
`Spec.model_dump_json()` is what `chartshift ir` prints.
"""

from __future__ import annotations

from typing import Annotated, Any, Protocol, cast
from typing import Literal as L

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer, model_validator

from compiler.diagnostics import Span
from compiler.ir.access import Access


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
    args: list[Expr]
    field: str | None = None  # `payers(code, plan).payer_id`: one value of a record lookup
    # `emr.patient.crosswalk(sysA.patients: pat_no)`: whose keys, when several maps fill
    # the target (docs/LANGUAGE.md "Several sources into one target").  Parts and span,
    # not a Name: walkers looking for column names must not find the source table
    branch: list[str] | None = None
    branch_span: Span | None = None


class OrderItem(Node):
    """An ordering term: of a dedup survivor rule, of `first`/`last ... by`, of `string_agg ... order by`, of a window."""

    expr: Expr
    descending: bool = False


# aggregate functions: in a `group by` map they fold a group's rows into one value
AGGREGATE_FUNCTIONS = ("count", "sum", "min", "max", "first", "last", "string_agg")


class AggCall(Node):
    """An aggregate over the rows of a `group by` group: `count()`, `sum(x)`, `min(x)`,
    `max(x)`, `first(x by y)`, `last(x by y)`, `string_agg(x, ", " order by y)`."""

    kind: L["agg_call"] = "agg_call"
    func: str
    args: list[Expr]
    order: list[OrderItem] = []


class Unary(Node):
    """`not x` or `-x`."""

    kind: L["unary"] = "unary"
    op: L["not", "neg"]
    operand: Expr


class Binary(Node):
    """Arithmetic, comparison, boolean connective or `||`."""

    kind: L["binary"] = "binary"
    op: str
    left: Expr
    right: Expr


class IsNull(Node):
    """`x is null` / `x is not null`."""

    kind: L["is_null"] = "is_null"
    operand: Expr
    negated: bool = False


class InList(Node):
    """`x in (a, b)` / `x not in (...)`."""

    kind: L["in"] = "in"
    operand: Expr
    items: list[Expr]
    negated: bool = False


class Between(Node):
    """`x between a and b` (inclusive both ends)."""

    kind: L["between"] = "between"
    operand: Expr
    low: Expr
    high: Expr
    negated: bool = False


class Like(Node):
    """`x like pattern` (SQL `%` and `_` wildcards, case-sensitive on every engine)."""

    kind: L["like"] = "like"
    operand: Expr
    pattern: Expr
    negated: bool = False


class When(Node):
    """One `when ... then ...` branch of a CASE."""

    condition: Expr
    result: Expr


class Case(Node):
    """Searched (`operand` None) or simple CASE."""

    kind: L["case"] = "case"
    operand: Expr | None = None
    whens: list[When]
    default: Expr | None = None


class Tuple(Node):
    """`(a, b, ...)`: only meaningful as an `each` item."""

    kind: L["tuple"] = "tuple"
    items: list[Expr]


class WindowCall(Node):
    """`row_number() over (partition by p order by o)`, `lag(x) over (...)`, `lead(x) over (...)`:
    a value computed over the map's other rows of the same partition, in a stated order."""

    kind: L["window"] = "window"
    func: str
    args: list[Expr]
    partition: list[Expr] = []
    order: list[OrderItem] = []


class Exists(Node):
    """`exists (legacy.visits v where v.patient_id = patient_id)`: whether a row of another
    source table satisfies the condition (`not exists (...)` is `not` around it)."""

    kind: L["exists"] = "exists"
    table: Name
    alias: str
    where: Expr


Expr = Annotated[
    Literal | Name | Call | AggCall | Unary | Binary | IsNull | InList | Between | Like | Case | Tuple | WindowCall | Exists,
    Field(discriminator="kind"),
]

for _m in (Call, OrderItem, AggCall, Unary, Binary, IsNull, InList, Between, Like, When, Case, Tuple, WindowCall, Exists):
    _m.model_rebuild()


# ------------------------------------------------------------------ declarations


class Setting(Node):
    """`name value` inside a block (encoding, delimiter, description, dialect ...);
    `null "NULL", ""` lists several values (`more_values` after the first)."""

    name: str
    value: Literal
    more_values: list[Literal] = []

    @property
    def values(self) -> list[Literal]:
        return [self.value, *self.more_values]


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


class FlagValue(Node):
    """`new = 1` inside `delta flag`: what one value of the change-flag column means."""

    meaning: L["new", "modified", "removed"]
    value: Literal


class DeltaFlag(Node):
    """`delta flag change_flag (new = 1, modified = 2, removed = 3)`: the column of a delta
    extract that says what happened to each row (absent from the full export)."""

    column: str
    values: list[FlagValue]


class IgnoredColumn(Node):
    """`ignore fax "never used by the new EMR"`: a source column deliberately left out of
    every map, with the reason (column coverage, semantic/coverage.py)."""

    column: str
    reason: str


class SourceTable(Node):
    """One CSV file of a source export."""

    name: str
    file: str
    key: list[str] = []
    settings: list[Setting] = []
    columns: list[Column]
    delta_flag: DeltaFlag | None = None
    delta_timestamp: str | None = None  # `delta timestamp changed_at`: when the row changed
    ignored: list[IgnoredColumn] = []  # `ignore COLUMN "reason"`: left out on purpose


class OnRemoved(Node):
    """`on removed delete` / `on removed set status = "inactive"`, with what happens to the
    source rows that reference a removed row (`children cascade` or `children keep`)."""

    action: L["delete", "set"]
    column: str | None = None
    value: Literal | None = None
    children: str = "keep"


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
    """`"M", "MALE" -> "male"`; with a composite key `("BC", "PPO") -> 101` (`key_tuples`),
    and for a record lookup `("BC", "PPO") -> (101, "Blue Cross")` (`values`)."""

    keys: list[Literal] = []  # one-part keys, each an alternative
    key_tuples: list[list[Literal]] = []  # composite keys, each an alternative
    value: Literal | None = None  # one value ...
    values: list[Literal] = []  # ... or a record's values

    def key_rows(self) -> list[list[Literal]]:
        """Every alternative key as a list of parts."""
        return [[k] for k in self.keys] + self.key_tuples

    def value_row(self) -> list[Literal]:
        """The value as a list: one item, or the record's values."""
        return self.values or ([self.value] if self.value is not None else [])


class Lookup(Node):
    """A value mapping, inline or from a CSV file: keys of one or more parts to one value
    or to a record of named values (`fields`)."""

    name: str
    entries: list[LookupEntry] = []
    default: Literal | None = None
    file: str | None = None
    key_column: str | None = None
    value_column: str | None = None
    key_columns: list[str] = []  # a file lookup's composite key: `key ("code", "plan")`
    fields: list[str] = []  # a record lookup's value names (of a file lookup: its value columns)
    defaults: list[Literal] = []  # a record lookup's `else -> (...)`
    else_reject: bool = False  # `else reject`: a row whose key has no entry is rejected

    @property
    def arity(self) -> int:
        """How many key parts a call passes."""
        if self.file is not None:
            return len(self.key_columns) or 1
        rows = [r for e in self.entries for r in e.key_rows()]
        return len(rows[0]) if rows else 1

    @property
    def simple(self) -> bool:
        """One key part to one value: the lookup of language v1."""
        return self.arity == 1 and not self.fields


class Join(Node):
    """`join legacy.payers as p on p.payer_id = payer_id` (always a left join); `join many`
    may match several rows, a plain join at most one (more is an "ambiguous match" reject)."""

    table: Name
    alias: str
    on: Expr
    many: bool = False  # `join many`: every matching row makes its own map row


class Each(Node):
    """`each (a, b) in [(x1, y1), (x2, y2)] when cond`: one target row per item."""

    names: list[str]
    items: list[Expr]
    when: Expr | None = None


class Group(Node):
    """`group by (k1, k2)`: one target row per group of kept rows with equal keys (text
    compared byte-wise); `distinct by (k1, k2)`: the same, without aggregates."""

    keys: list[Expr]
    distinct: bool = False


DROP_ALL = "none"  # Dedup.keep of `dedup on (...) drop all`


class Dedup(Node):
    """`dedup on (k1, k2) keep first by o1, o2`: one survivor per key group; `keep` is
    "first", "last", or `DROP_ALL` ("none": `drop all`, every row of a group is rejected)."""

    keys: list[Expr]
    keep: str
    order: list[OrderItem]
    # `dedup across on (...)`: also merge into the rows the earlier maps of a union loaded
    across: bool = False


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
    group: Group | None = None
    assigns: list[Assign] = []
    rejects: list[Reject] = []
    on_removed: OnRemoved | None = None


class PhaseFilter(Node):
    """`only legacy.patients where status = "A"`: the rows of one source table a phase migrates."""

    table: Name
    where: Expr


class Phase(Node):
    """`phase NAME "description" { maps ...  only ... where ... }`: one step of a phased
    cutover (docs/LANGUAGE.md, Phases).  `maps`: target tables whose maps run in this
    phase (empty: every map); `only`: per source table, the rows it selects (none: all)."""

    name: str
    description: str | None = None
    maps: list[Name] = []
    filters: list[PhaseFilter] = []


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


class _KindAndSubject(Protocol):
    """What `CheckNode.name` reads of a check: the fields its kinds declare."""

    @property
    def kind(self) -> str: ...
    @property
    def subject(self) -> Name: ...


class CheckNode(Node):
    """What every validation check has: a span, its thresholds and the name it is reported
    by (`name`, derived from the check: the run report and `expect check` use it).

    Each kind is its own model below, with only its own fields and a `kind` discriminator;
    `Check` is their union."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    thresholds: list[Threshold] = []

    @property
    def name(self) -> str:
        """`kind schema.table[.column]`: the kind and what it checks."""
        c = cast(_KindAndSubject, self)  # every kind but reconcile (which has its own name)
        return f"{c.kind} {'.'.join(c.subject.parts)}"

    @model_serializer(mode="wrap")
    def _thresholds_last(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """Thresholds after the kind's own fields, as in the IR JSON of a single Check model."""
        data: dict[str, Any] = handler(self)
        if "thresholds" in data:
            data["thresholds"] = data.pop("thresholds")
        return data


class CompletenessCheck(CheckNode):
    """`completeness s.t.c`: rows where the column is NULL."""

    kind: L["completeness"] = "completeness"
    subject: Name  # a column


class UniqueCheck(CheckNode):
    """`unique s.t.c`: rows whose non-NULL value occurs more than once."""

    kind: L["unique"] = "unique"
    subject: Name  # a column


class ValidCheck(CheckNode):
    """`valid s.t.c matches "regex"` / `in (v, ...)` / `between a and b`: non-NULL values
    that break the rule.  `pattern` is the regex of `matches`; `values` the list of `in` or
    the two bounds of `between`."""

    kind: L["valid"] = "valid"
    subject: Name  # a column
    rule: L["matches", "in", "between"]
    pattern: str | None = None
    values: list[Literal] = []

    @model_validator(mode="after")
    def _rule_fields(self) -> ValidCheck:
        if (self.rule == "matches") != (self.pattern is not None):
            raise ValueError("a `matches` rule has a pattern, and only it")
        if self.rule == "matches" and self.values:
            raise ValueError("a `matches` rule has no values")
        if self.rule == "between" and len(self.values) != 2:
            raise ValueError("a `between` rule has two values")
        return self

    @property
    def name(self) -> str:
        """`valid s.t.c matches|in|between`: the rule, not its pattern or values."""
        return f"{super().name} {self.rule}"


class ReferencesCheck(CheckNode):
    """`references s.t.c`: non-NULL values with no row in the table the column references."""

    kind: L["references"] = "references"
    subject: Name  # a target column declared with `references`


class ConsistentCheck(CheckNode):
    """`consistent s.t (condition)`: rows where the condition is false."""

    kind: L["consistent"] = "consistent"
    subject: Name  # a target table
    condition: Expr


class ReconcileCheck(CheckNode):
    """`reconcile agg1 OP agg2`: the gap between two aggregates."""

    kind: L["reconcile"] = "reconcile"
    left: Aggregate
    compare: str
    right: Aggregate

    @property
    def name(self) -> str:
        """`reconcile sum(s.t.c) = count(s.t: …)`: expressions shown as `…`, filters left out."""

        def show(a: Aggregate) -> str:
            return f"{a.func}({'.'.join(a.table.parts)}{': …' if a.expr else ''})"

        return f"reconcile {show(self.left)} {self.compare} {show(self.right)}"


class RejectRateCheck(CheckNode):
    """`reject_rate s.t`: rejected rows of a source table (every map reading it) or of the
    map filling a target table."""

    kind: L["reject_rate"] = "reject_rate"
    subject: Name  # a source or target table


Check = Annotated[
    CompletenessCheck | UniqueCheck | ValidCheck | ReferencesCheck | ConsistentCheck | ReconcileCheck | RejectRateCheck,
    Field(discriminator="kind"),
]


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
    access: Access | None = None
    phases: list[Phase] = []
