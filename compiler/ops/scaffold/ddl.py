"""`init --from-ddl FILE` (CREATE TABLE statements, parsed with sqlglot) and `init
--from-db URL` (information_schema): target tables with types, keys, NOT NULL, UNIQUE
and references."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlglot
from sqlglot import exp

from compiler.errors import EnvironmentProblem, UsageError
from compiler.ops.scaffold.model import PHI_NAMES, ColumnGuess, TableGuess, identifier

# sqlglot type -> spec type (sized types keep their size)
TYPES = {
    "BIGINT": "bigint",
    "INT": "integer",
    "INTEGER": "integer",
    "MEDIUMINT": "integer",
    "SMALLINT": "smallint",
    "TINYINT": "smallint",
    "SERIAL": "integer",
    "BIGSERIAL": "bigint",
    "DECIMAL": "decimal",
    "NUMERIC": "decimal",
    "DOUBLE": "decimal",
    "FLOAT": "decimal",
    "REAL": "decimal",
    "MONEY": "decimal",
    "VARCHAR": "varchar",
    "NVARCHAR": "varchar",
    "CHAR": "char",
    "NCHAR": "char",
    "TEXT": "text",
    "MEDIUMTEXT": "text",
    "LONGTEXT": "text",
    "UUID": "varchar(36)",
    "DATE": "date",
    "DATETIME": "timestamp",
    "TIMESTAMP": "timestamp",
    "TIMESTAMPTZ": "timestamp",
    "BOOLEAN": "boolean",
    "BIT": "boolean",
}


def spec_type(name: str, params: list[int]) -> tuple[str, str]:
    """(spec type, note) for a SQL type name and its parameters."""
    base = TYPES.get(name.upper())
    if base is None:
        return "text", f"was {name.lower()}"
    if base in ("varchar", "char"):
        return (f"{base}({params[0]})" if params else ("text" if base == "varchar" else "char(1)")), ""
    if base == "decimal" and params and name.upper() in ("DECIMAL", "NUMERIC"):
        return f"decimal({', '.join(map(str, params[:2]))})", ""
    return base, ""


def _params(dt: exp.DataType) -> list[int]:
    out = []
    for p in dt.expressions:
        lit = p.this if isinstance(p, exp.DataTypeParam) else p
        if isinstance(lit, exp.Literal) and lit.is_int:
            out.append(int(lit.this))
    return out


def _ref(ref: exp.Reference) -> str | None:
    schema = ref.this
    if not isinstance(schema, exp.Schema) or not isinstance(schema.this, exp.Table):
        return None
    cols = [i.name for i in schema.expressions]
    return f"{identifier(schema.this.name)}.{identifier(cols[0])}" if len(cols) == 1 else None


def tables_from_ddl(text: str, dialect: str | None = None, display: str = "DDL") -> list[TableGuess]:
    try:
        statements = sqlglot.parse(text, read=dialect)
    except sqlglot.errors.ParseError as exc:
        err = exc.errors[0] if exc.errors else {}
        raise UsageError(
            f"{display}:{err.get('line', '?')}:{err.get('col', '?')}: not SQL sqlglot can read: {err.get('description', exc)}"
        ) from None
    out = []
    for st in statements:
        if not isinstance(st, exp.Create) or str(st.args.get("kind", "")).upper() != "TABLE" or not isinstance(st.this, exp.Schema):
            continue
        table = st.this.this
        cols: list[ColumnGuess] = []
        key: list[str] = []
        for e in st.this.expressions:
            if isinstance(e, exp.ColumnDef):
                dt = e.args.get("kind")
                typ, note = spec_type(
                    dt.this.name if isinstance(dt, exp.DataType) else "TEXT", _params(dt) if isinstance(dt, exp.DataType) else []
                )
                c = ColumnGuess(identifier(e.name), typ, phi=bool(PHI_NAMES.search(e.name)), note=note)
                for cc in e.args.get("constraints") or []:
                    kind = cc.args.get("kind")
                    if isinstance(kind, exp.NotNullColumnConstraint) and not kind.args.get("allow_null"):
                        c.not_null = True
                    elif isinstance(kind, exp.PrimaryKeyColumnConstraint):
                        key.append(c.name)
                        c.not_null = True
                    elif isinstance(kind, exp.UniqueColumnConstraint):
                        c.unique = True
                    elif isinstance(kind, exp.Reference):
                        c.references = _ref(kind)
                cols.append(c)
        by_name = {c.name: c for c in cols}
        for e in st.this.expressions:
            fks = [e] if isinstance(e, exp.ForeignKey) else list(e.find_all(exp.ForeignKey)) if isinstance(e, exp.Constraint) else []
            for fk in fks:
                ref = fk.args.get("reference")
                names = [identifier(i.name) for i in fk.expressions]
                if len(names) == 1 and names[0] in by_name and isinstance(ref, exp.Reference):
                    by_name[names[0]].references = _ref(ref)
            pk = e if isinstance(e, exp.PrimaryKey) else e.find(exp.PrimaryKey) if isinstance(e, exp.Constraint) else None
            if pk is not None:
                key = [identifier(i.name) for i in pk.expressions]
            uq = e if isinstance(e, exp.UniqueColumnConstraint) and isinstance(e.this, exp.Schema) else None
            if uq is not None and len(uq.this.expressions) == 1 and identifier(uq.this.expressions[0].name) in by_name:
                by_name[identifier(uq.this.expressions[0].name)].unique = True
        for k in key:
            if k in by_name:
                by_name[k].not_null = True
        out.append(TableGuess(identifier(table.name), cols, key=key, schema=identifier(table.db) if table.db else None))
    if not out:
        raise UsageError(f"{display}: no CREATE TABLE statement")
    return out


def tables_from_file(path: Path, dialect: str | None = None) -> list[TableGuess]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EnvironmentProblem(f"{path}: cannot read: {exc.strerror or exc}") from None
    return tables_from_ddl(text, dialect, str(path))


COLUMNS_QUERY = (
    "SELECT table_schema, table_name, column_name, data_type, is_nullable, character_maximum_length, numeric_precision, numeric_scale "
    "FROM information_schema.columns WHERE table_schema NOT IN ('information_schema', 'pg_catalog', 'mysql', 'performance_schema', 'sys', 'chartshift') "
    "ORDER BY table_schema, table_name, ordinal_position"
)
KEYS_QUERY = (
    "SELECT k.table_schema, k.table_name, k.column_name, t.constraint_type FROM information_schema.table_constraints t "
    "JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name AND k.table_schema = t.table_schema "
    "AND k.table_name = t.table_name WHERE t.constraint_type IN ('PRIMARY KEY', 'UNIQUE') ORDER BY k.table_schema, k.table_name, k.ordinal_position"
)


def tables_from_rows(columns: list[tuple[Any, ...]], keys: list[tuple[Any, ...]]) -> list[TableGuess]:
    """Target tables from information_schema rows (catalog names and types, never data)."""
    tables: dict[tuple[str, str], TableGuess] = {}
    for schema, table, column, dtype, nullable, length, precision, scale in columns:
        t = tables.setdefault((schema, table), TableGuess(identifier(table), [], schema=identifier(schema)))
        name = str(dtype).split("(")[0].strip().upper().replace("CHARACTER VARYING", "VARCHAR").replace("CHARACTER", "CHAR")
        name = {"DOUBLE PRECISION": "DOUBLE", "TIMESTAMP WITHOUT TIME ZONE": "TIMESTAMP", "TIMESTAMP WITH TIME ZONE": "TIMESTAMPTZ"}.get(
            name, name
        )
        params = [int(length)] if length else [int(precision), int(scale or 0)] if name in ("DECIMAL", "NUMERIC") and precision else []
        typ, note = spec_type(name, params)
        t.columns.append(
            ColumnGuess(identifier(column), typ, not_null=str(nullable).upper() == "NO", phi=bool(PHI_NAMES.search(column)), note=note)
        )
    singles: dict[tuple[str, str, str], list[str]] = {}
    for schema, table, column, kind in keys:
        singles.setdefault((schema, table, kind), []).append(identifier(column))
    for (schema, table, kind), cols in singles.items():
        found = tables.get((schema, table))
        if found is None:
            continue
        if kind == "PRIMARY KEY":
            found.key = cols
        elif len(cols) == 1:
            for c in found.columns:
                c.unique = c.unique or c.name == cols[0]
    return list(tables.values())


def tables_from_db(url: str) -> list[TableGuess]:
    from compiler.runtime.engines import open_engine

    engine = open_engine(url)
    try:
        return tables_from_rows(engine.query(COLUMNS_QUERY), engine.query(KEYS_QUERY))
    finally:
        engine.close()
