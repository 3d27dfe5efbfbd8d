"""MariaDB (sqlglot's and chartshift's `mysql`): DDL commits implicitly, so a run builds
shadow tables and publishes them with one atomic RENAME."""

from __future__ import annotations

from compiler.dialects.record import AccessSql, Capabilities, Collation, Dialect, IdentifierRules, RunLock, Staging, target_types

MYSQL = Dialect(
    name="mysql",
    title="MariaDB",
    sqlglot="mysql",
    # 64 characters; no trailing space (ERROR 1103/1166); the catalog is utf8mb3 (ERROR 1300)
    identifiers=IdentifierRules(
        quote="`", max_length=64, forbidden_characters="\x00", forbidden_trailing=" ", max_code_point=0xFFFF, schema_separator="__"
    ),
    # The default collations ignore case and trailing spaces even in `=`: every text column
    # chartshift creates is byte-wise.  utf8mb4_bin is still PAD SPACE ('P001' = 'P001 ');
    # the NO PAD variant is not.
    collation=Collation(binary="utf8mb4_nopad_bin", on_key_columns=True, on_text_columns=True),
    capabilities=Capabilities(
        transactional_ddl=False,
        publish_by_rename=True,
        temporary_work=False,
        stage_row_key=True,
        survivor_id_by_window=True,
        text_in_keys=False,
        column_grants=True,
        view_security="INVOKER",
    ),
    # TEXT holds 64 KB there; the other engines' text has no practical limit (issue 14)
    target_types=target_types(timestamp="DATETIME", text="LONGTEXT"),
    key_type="VARCHAR(255)",
    json_object="json_object",
    upsert="on_duplicate_key",
    staging=Staging("load_data_local_infile", "LOAD DATA LOCAL INFILE '<file>' INTO TABLE <stage>", normalized_first=True),
    # GET_LOCK names are server-wide: the database's name, hashed to stay under 64 characters
    run_lock=RunLock(
        try_acquire="SELECT GET_LOCK(CONCAT('chartshift run ', MD5(DATABASE())), 0)",
        release="SELECT RELEASE_LOCK(CONCAT('chartshift run ', MD5(DATABASE())))",
        scope="GET_LOCK of `chartshift run <md5 of the database name>`",
    ),
    url_schemes=("mysql", "mariadb"),
    url_example="mysql://user@host:port/db",
    create_database="CREATE DATABASE {name} CHARACTER SET utf8mb4",
    drop_database="DROP DATABASE IF EXISTS {name}",
    access=AccessSql(
        create_role="CREATE ROLE IF NOT EXISTS {role}",
        # `ON *`: the database the session uses
        database_grant="GRANT {privileges} ON * TO {role}",
        database_revoke="REVOKE {privileges} ON * FROM {role}",
        migrator_privileges=("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "INDEX", "CREATE VIEW", "REFERENCES"),
        schema_usage=False,
        revoke_absent_ok=False,
        grants_survive_replace=True,
        live_grants=(
            "SELECT GRANTEE, 'table', PRIVILEGE_TYPE, '', TABLE_NAME, '' FROM information_schema.TABLE_PRIVILEGES "
            "WHERE TABLE_SCHEMA = DATABASE() UNION ALL "
            "SELECT GRANTEE, 'table', PRIVILEGE_TYPE, '', TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMN_PRIVILEGES "
            "WHERE TABLE_SCHEMA = DATABASE() UNION ALL "
            "SELECT GRANTEE, 'database', PRIVILEGE_TYPE, '', '', '' FROM information_schema.SCHEMA_PRIVILEGES "
            "WHERE TABLE_SCHEMA = DATABASE()"
        ),
        # SCHEMA_PRIVILEGES shows a user's rights to admins only; SHOW GRANTS lists the active role's too
        held="SHOW GRANTS",
        held_format="show_grants",
        tables="SELECT '', TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()",
        current_user="SELECT CURRENT_USER()",
    ),
)
