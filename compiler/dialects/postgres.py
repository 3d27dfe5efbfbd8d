"""PostgreSQL: DDL is transactional, so the whole run is one transaction."""

from __future__ import annotations

from compiler.dialects.record import Capabilities, Collation, Dialect, IdentifierRules, RowCanonical, RunLock, Staging, target_types

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
    ),
)
