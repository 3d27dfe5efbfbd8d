"""The shape of a dialect record: plain data, no SQL building (that is `sqlgen/`'s)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class IdentifierRules:
    """How names are quoted and which names the database accepts.

    Recorded for the checker (issue 14); generation does not enforce them yet."""

    quote: str  # opens and closes a quoted name; doubled inside it
    max_length: int | None  # None: no practical limit
    length_unit: str = "characters"  # "bytes" (of UTF-8) or "characters"
    truncates: bool = False  # a longer name is cut silently (PostgreSQL), not refused
    forbidden_characters: str = ""  # anywhere in a name
    forbidden_trailing: str = ""  # at the end of a name (MariaDB: spaces)
    max_code_point: int | None = None  # MariaDB's catalog is utf8mb3: nothing above U+FFFF
    # one namespace per database (MariaDB): `schema.table` becomes `schema<separator>table`
    schema_separator: str | None = None

    @property
    def flat_schemas(self) -> bool:
        return self.schema_separator is not None

    def length(self, name: str) -> int:
        return len(name.encode("utf-8")) if self.length_unit == "bytes" else len(name)

    def flat_name(self, schema: str, table: str) -> str:
        """The one name a schema-qualified table has where schemas are flattened."""
        assert self.schema_separator is not None
        return f"{schema}{self.schema_separator}{table}"

    def problems(self, name: str) -> list[str]:
        """Why the database would refuse (or cut) `name`; empty when it is fine."""
        out = []
        if self.max_length is not None and self.length(name) > self.max_length:
            what = "cut to" if self.truncates else "longer than"
            out.append(f"{what} {self.max_length} {self.length_unit}")
        bad = sorted(
            {c for c in name if c in self.forbidden_characters or (self.max_code_point is not None and ord(c) > self.max_code_point)}
        )
        if bad:
            out.append("characters " + ", ".join(f"U+{ord(c):04X}" for c in bad))
        if self.forbidden_trailing and name and name[-1] in self.forbidden_trailing:
            out.append(f"ends with U+{ord(name[-1]):04X}")
        return out


@dataclass(frozen=True)
class Collation:
    """How text compares byte-wise, so that ids, dedup groups and unique checks agree."""

    binary: str | None = None  # the byte-wise collation's name; None: none to name
    quoted: bool = False  # spelled as a quoted identifier (`COLLATE "C"`)
    default_is_binary: bool = False  # text compares byte-wise without a collation (DuckDB)
    on_key_columns: bool = False  # created key columns carry `binary`
    on_text_columns: bool = False  # every other created text column carries it too


@dataclass(frozen=True)
class Staging:
    """How a source file gets into the staging table (the engine adapter does it)."""

    method: str  # read_csv | copy_from_stdin | load_data_local_infile
    statement: str  # what runs, for people
    normalized_first: bool  # DuckDB parses the file into clean CSV first (the same rows everywhere)


@dataclass(frozen=True)
class RunLock:
    """How a run keeps other runs off its target: a named session lock of the server,
    released by the server when the session ends (a killed process included).  Embedded
    targets have none: the database file's own lock (DuckDB: one writing process)."""

    try_acquire: str  # one value: true/1 when this session now holds the lock, false/0 when another does
    release: str
    scope: str  # for people: what the lock covers


@dataclass(frozen=True)
class Capabilities:
    """What the generator may rely on, and the choices that follow from measurements."""

    # DDL inside a transaction commits nothing by itself: the whole run is one transaction
    transactional_ddl: bool = True
    # where it is not: build shadow tables, publish them with one atomic RENAME
    publish_by_rename: bool = False
    # work tables are TEMPORARY (else tables in the chartshift schema, dropped by the map)
    temporary_work: bool = True
    # legacy_key PRIMARY KEY on crosswalks: an index that joins use on PostgreSQL/MariaDB;
    # DuckDB joins by hash and cannot evict a text ART index inside a transaction
    crosswalk_primary_key: bool = True
    # target PRIMARY KEY / UNIQUE built after the maps have loaded (85_constraints), not
    # maintained row by row: DuckDB holds a transaction's index entries in memory it
    # cannot spill (a 1,000,000-patient run needs them out of the way to fit in 1 GB)
    constraints_after_load: bool = False
    # ANALYZE the tables a run fills before joining them: PostgreSQL has no statistics for
    # tables filled inside the open transaction and would plan them as tiny
    analyze_after_fill: bool = False
    # __row PRIMARY KEY on staging (and delta state) tables: MariaDB joins without an index by block nested
    # loop (no hash join at its default join_cache_level), so fetching the original row of
    # each rejected row compared it with every staged row: 4 s of a 2,000-patient run
    stage_row_key: bool = False
    # a merged key's target id (its survivor's id) by a window over the loaded and merged
    # rows instead of joining the work table to itself: MariaDB would join by block nested
    # loop (4 s of an 18 s 10,000-patient run).  DuckDB keeps the join: its partitioned
    # window does not spill to disk
    survivor_id_by_window: bool = False
    # a map's joined tables copied into a work table with an index on the columns its `on`
    # compares, before the map joins them (compiler/sqlgen/join_copies.py): MariaDB joins the
    # typed views (LONGTEXT, no index) by block nested loop, sysA.visits with sysA.auths of
    # two_systems at 10,000 patients 106 s, the copy 0.6 s.  The number: how many characters
    # of text the index's key holds (InnoDB: 3072 bytes, 4 per utf8mb4 character); 0: no copies
    indexed_join_copies: int = 0
    # a `text` column may be a table's key (MariaDB: a LONGTEXT PRIMARY KEY needs a prefix
    # length, error 1170 at run time; `check` says so instead; UNIQUE works, by a hash)
    text_in_keys: bool = True
    # PRIMARY KEY / UNIQUE can be declared on a table (Spark's parquet tables have none: the
    # duplicate guards of 85_constraints check the loaded rows instead)
    declared_constraints: bool = True
    # UPDATE ... SET works on the run's tables (Spark's parquet tables are rewritten instead:
    # a new table from a join, swapped for the old one)
    update_rows: bool = True
    # the typed views over staged rows check their invoker's rights, not their creator's:
    # MariaDB checks a definer's own grants without its roles (a migrator holding its rights
    # by a role could not read its views: error 1356), and a view of raw rows must not lend
    # them to whoever may select from it.  None: the dialect's default (PostgreSQL: the owner's)
    view_security: str | None = None
    # facts for later work; no generated SQL depends on them yet
    merge: bool = False  # MERGE INTO (DuckDB >= 1.4, PostgreSQL >= 15; not MariaDB)
    column_grants: bool = False  # GRANT ... (column) ON table (no access control in DuckDB)


@dataclass(frozen=True)
class AccessSql:
    """How a dialect spells roles and grants (the `access` block, docs/SECURITY.md), and
    where its catalogs keep them.  Templates: `{role}` a quoted role name, `{literal}` it
    as a string literal, `{privileges}` a privilege list."""

    create_role: str  # create-if-missing
    database_grant: str  # the migrator's rights on the database the session is connected to
    database_revoke: str
    migrator_privileges: tuple[str, ...]  # the least a run needs there (docs/SECURITY.md)
    schema_usage: bool  # a role needs USAGE on a schema to reach its tables (PostgreSQL)
    revoke_absent_ok: bool  # REVOKE of a privilege not held is a no-op (PostgreSQL); MariaDB: error 1147
    grants_survive_replace: bool  # grants are kept by table name (MariaDB), not lost when a run re-creates a table
    # rows (grantee, kind, privilege, schema, table, column) of every grant in the database
    live_grants: str
    # rows (member, role) of every role membership
    live_memberships: str
    # what the session itself holds on the database: rows (privilege, held) or SHOW GRANTS lines
    held: str
    held_format: str  # "rows" | "show_grants"
    # rows (schema, table) of every table and view in the database (schema '' where names are flat)
    tables: str = ""
    current_user: str = "SELECT current_user"
    role_names: str | None = None  # rows (name) of every role: the run grants again only to these
    # tables a run replaces that the session cannot drop (not their owner); {schemas}: a literal list
    foreign_tables: str | None = None


COMMON_TARGET_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "bigint": "BIGINT",
        "integer": "INTEGER",
        "int": "INTEGER",
        "smallint": "SMALLINT",
        "varchar": "VARCHAR",
        "char": "CHAR",
        "text": "TEXT",
        "decimal": "DECIMAL",
        "numeric": "DECIMAL",
        "date": "DATE",
        "timestamp": "TIMESTAMP",
        "boolean": "BOOLEAN",
    }
)


def target_types(**overrides: str) -> Mapping[str, str]:
    """Spec column type -> SQL type: the common table with a dialect's differences."""
    return MappingProxyType({**COMMON_TARGET_TYPES, **overrides})


@dataclass(frozen=True)
class RowCanonical:
    """How a value is written as canonical text inside the engine, per value type, so that
    a row's md5 is the same on every engine (`chartshift reconcile`, sqlgen/row_hash.py).
    The forms are those of sqlgen/canonical.py `canonical_value`: integers in decimal,
    decimals at scale 4, dates ISO, timestamps at microseconds, booleans as words, text
    as is.  `{}` stands for the value; `hex_to_int` reads 15 hex digits as an integer."""

    integer: str = "CAST({} AS VARCHAR)"
    decimal: str = "CAST(CAST({} AS DECIMAL(38, 4)) AS VARCHAR)"
    date: str = "STRFTIME({}, '%Y-%m-%d')"
    timestamp: str = "STRFTIME({}, '%Y-%m-%d %H:%M:%S.%f')"
    boolean: str = "CASE WHEN {} THEN 'true' ELSE 'false' END"
    text: str = "CAST({} AS VARCHAR)"
    separator: str = "CHR(31)"
    hex_to_int: str = "CAST('0x' || {} AS BIGINT)"
    # what reconcile brings from this engine: "pairs" (key, md5 computed here) or "rows"
    # (the compared columns in the engine's own text, hashed in DuckDB): PostgreSQL's md5
    # costs more than sending the rows (bench/RESULTS.md "Reconcile speed")
    transfer: str = "pairs"
    session: tuple[str, ...] = ()  # statements before a "rows" transfer (its text forms)


@dataclass(frozen=True, eq=False)
class Dialect:
    """One database chartshift generates SQL for: every fact that differs, as data.

    Runnable dialects have a record of their own (`compiler/dialects/<name>.py`);
    other sqlglot dialects get a compile-only record (`compile_only.py`)."""

    name: str  # chartshift's name: --dialect, generated/<spec>/<name>/
    title: str  # for people: "MariaDB"
    sqlglot: str  # the sqlglot dialect that reads and writes its SQL
    identifiers: IdentifierRules
    collation: Collation = field(default_factory=Collation)
    capabilities: Capabilities = field(default_factory=Capabilities)
    target_types: Mapping[str, str] = field(default_factory=lambda: COMMON_TARGET_TYPES)
    key_type: str = "VARCHAR(255)"  # legacy keys (indexed text)
    json_object: str = "json_object"  # the function building a JSON object from key, value, ...
    runnable: bool = True  # an engine adapter runs it, the function library covers it
    embedded: bool = False  # in this process, a file target (DuckDB); else a server
    staging: Staging | None = None
    run_lock: RunLock | None = None  # None: the target file's own lock (embedded)
    url_schemes: tuple[str, ...] = ()  # target URL schemes, the first one canonical
    url_example: str = ""  # how a target URL looks, for error messages
    # a scratch database on the server ({name}: the quoted name); None: no server
    create_database: str | None = None
    drop_database: str | None = None
    # how a delta run writes changed rows by key: a template of compiler/emit/templates/upsert/
    # (on_conflict: INSERT ... ON CONFLICT (key) DO UPDATE; on_duplicate_key: MariaDB's
    # INSERT ... ON DUPLICATE KEY UPDATE; none: no delta runs, Spark's Parquet tables)
    upsert: str = "on_conflict"
    canonical: RowCanonical = field(default_factory=RowCanonical)  # canonical row text (reconcile)
    # the function that fails a statement with a message (duplicate guards): DuckDB's error(),
    # Spark's raise_error()
    raise_error: str = "error"
    # how shadow tables are renamed into place: `rename_table` (one RENAME TABLE a TO b, c TO d,
    # all or nothing: MariaDB) or `alter_each` (one ALTER TABLE a RENAME TO b per table: Spark)
    rename: str = "rename_table"
    # target files and tables in a warehouse folder rather than a database (Spark)
    warehouse: bool = False
    # roles and grants (the `access` block); None: no roles (DuckDB: the file's mode and the OS)
    access: AccessSql | None = None
    # (variable, value): session settings the setup script makes first, for the run's statements
    session_settings: tuple[tuple[str, str], ...] = ()

    def url(self, rest: str) -> str:
        """A target URL: the canonical scheme, `://`, then `rest`."""
        return f"{self.url_schemes[0]}://{rest}"
