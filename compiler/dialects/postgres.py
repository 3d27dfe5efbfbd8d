"""PostgreSQL: DDL is transactional, so the whole run is one transaction."""

from __future__ import annotations

from compiler.dialects.record import (
    AccessSql,
    Capabilities,
    Collation,
    Dialect,
    IdentifierRules,
    RowCanonical,
    RunLock,
    Staging,
    target_types,
)

# every grant in the database from the catalogs (aclexplode of the ACLs): the owner's own
# rights left out; grantee 0 is PUBLIC
_ACL = "LEFT JOIN pg_roles r ON r.oid = a.grantee"
PG_LIVE_GRANTS = " UNION ALL ".join(
    (
        "SELECT COALESCE(r.rolname, 'PUBLIC'), 'table', a.privilege_type, n.nspname, c.relname, '' FROM pg_class c "
        f"JOIN pg_namespace n ON n.oid = c.relnamespace CROSS JOIN LATERAL aclexplode(c.relacl) a {_ACL} "
        "WHERE c.relkind IN ('r', 'v', 'p') AND a.grantee <> c.relowner AND n.nspname NOT IN ('pg_catalog', 'information_schema')",
        "SELECT COALESCE(r.rolname, 'PUBLIC'), 'table', a.privilege_type, n.nspname, c.relname, t.attname FROM pg_attribute t "
        "JOIN pg_class c ON c.oid = t.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        f"CROSS JOIN LATERAL aclexplode(t.attacl) a {_ACL} "
        "WHERE t.attnum > 0 AND NOT t.attisdropped AND a.grantee <> c.relowner AND n.nspname NOT IN ('pg_catalog', 'information_schema')",
        "SELECT COALESCE(r.rolname, 'PUBLIC'), 'schema', a.privilege_type, n.nspname, '', '' FROM pg_namespace n "
        f"CROSS JOIN LATERAL aclexplode(n.nspacl) a {_ACL} WHERE a.grantee <> n.nspowner",
        "SELECT COALESCE(r.rolname, 'PUBLIC'), 'database', a.privilege_type, '', '', '' FROM pg_database d "
        f"CROSS JOIN LATERAL aclexplode(d.datacl) a {_ACL} WHERE d.datname = current_database() AND a.grantee <> d.datdba",
    )
)

POSTGRES = Dialect(
    name="postgres",
    title="PostgreSQL",
    sqlglot="postgres",
    # NAMEDATALEN - 1; a longer name is cut (with a NOTICE), on a character boundary
    identifiers=IdentifierRules(quote='"', max_length=63, length_unit="bytes", truncates=True, forbidden_characters="\x00"),
    # Staged and target text keep the database's collation: PostgreSQL's regex classes
    # ([[:alpha:]] in title()) follow it, and "C" would make them ASCII-only.  Equality
    # does not depend on it; ordering is made binary where it decides ids (keys, dedup).
    collation=Collation(binary="C", quoted=True, on_key_columns=True),
    capabilities=Capabilities(analyze_after_fill=True, merge=True, column_grants=True),
    target_types=target_types(),
    key_type="TEXT",
    json_object="json_build_object",
    staging=Staging("copy_from_stdin", "COPY <stage> FROM STDIN (FORMAT csv), streamed", normalized_first=True),
    # a session-level advisory lock: PostgreSQL scopes advisory locks to the database
    run_lock=RunLock(
        try_acquire="SELECT pg_try_advisory_lock(hashtext('chartshift run'))",
        release="SELECT pg_advisory_unlock(hashtext('chartshift run'))",
        scope="advisory lock `chartshift run` of the database",
    ),
    url_schemes=("postgresql", "postgres"),
    url_example="postgresql://user@host:port/db",
    create_database="CREATE DATABASE {name}",
    drop_database="DROP DATABASE IF EXISTS {name} WITH (FORCE)",
    canonical=RowCanonical(
        integer="CAST({} AS TEXT)",
        decimal="CAST(CAST({} AS NUMERIC(38, 4)) AS TEXT)",
        date="TO_CHAR({}, 'YYYY-MM-DD')",  # not CAST: that follows DateStyle
        timestamp="TO_CHAR({}, 'YYYY-MM-DD HH24:MI:SS.US')",
        text="CAST({} AS TEXT)",  # char(n): without its padding, as the other engines give it
        hex_to_int="CAST(CAST('x' || LPAD({}, 16, '0') AS BIT(64)) AS BIGINT)",
        transfer="rows",
        session=("SET datestyle TO 'ISO, YMD'",),  # dates as YYYY-MM-DD whatever the server default
    ),
    access=AccessSql(
        create_role="DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {literal}) THEN CREATE ROLE {role} NOLOGIN; END IF; END $$",
        database_grant="DO $$ BEGIN EXECUTE format('GRANT {privileges} ON DATABASE %I TO %I', current_database(), {literal}); END $$",
        database_revoke="DO $$ BEGIN EXECUTE format('REVOKE {privileges} ON DATABASE %I FROM %I', current_database(), {literal}); END $$",
        migrator_privileges=("CONNECT", "CREATE", "TEMPORARY"),
        schema_usage=True,
        revoke_absent_ok=True,
        grants_survive_replace=False,
        live_grants=PG_LIVE_GRANTS,
        live_memberships="SELECT m.rolname, r.rolname FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid JOIN pg_roles m ON m.oid = a.member",
        held="SELECT p, has_database_privilege(current_database(), p) FROM (VALUES ('CONNECT'), ('CREATE'), ('TEMPORARY')) AS v(p)",
        held_format="rows",
        role_names="SELECT rolname FROM pg_roles",
        tables=(
            "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind IN ('r', 'v', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
            "UNION ALL SELECT nspname, '' FROM pg_namespace"
        ),
        foreign_tables=(
            "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind IN ('r', 'v', 'p') AND n.nspname IN ({schemas}) AND NOT pg_has_role(current_user, c.relowner, 'USAGE') "
            "ORDER BY 1"
        ),
    ),
)
