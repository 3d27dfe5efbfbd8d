"""MariaDB (sqlglot's and chartshift's `mysql`): DDL commits implicitly, so a run builds
shadow tables and publishes them with one atomic RENAME."""

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

# every grant of a role in the session's database, from the grant tables themselves
# (information_schema's privilege views list a role's inherited rights under its own name).
# A role's rows have Host ''.
_TABLE_PRIVILEGES = (
    "Select",
    "Insert",
    "Update",
    "Delete",
    "Create",
    "Drop",
    "References",
    "Index",
    "Alter",
    "Create View",
    "Show view",
    "Trigger",
)
_COLUMN_PRIVILEGES = ("Select", "Insert", "Update", "References")
_DB_PRIVILEGES = {  # mysql.db column -> privilege
    "Select_priv": "SELECT", "Insert_priv": "INSERT", "Update_priv": "UPDATE", "Delete_priv": "DELETE",
    "Create_priv": "CREATE", "Drop_priv": "DROP", "References_priv": "REFERENCES", "Index_priv": "INDEX",
    "Alter_priv": "ALTER", "Create_tmp_table_priv": "CREATE TEMPORARY TABLES", "Lock_tables_priv": "LOCK TABLES",
    "Create_view_priv": "CREATE VIEW", "Show_view_priv": "SHOW VIEW", "Create_routine_priv": "CREATE ROUTINE",
    "Alter_routine_priv": "ALTER ROUTINE", "Execute_priv": "EXECUTE", "Event_priv": "EVENT", "Trigger_priv": "TRIGGER",
}  # fmt: skip


def _names(names: tuple[str, ...]) -> str:
    return " UNION ALL ".join(f"SELECT '{n}' AS p" for n in names)


MY_LIVE_GRANTS = " UNION ALL ".join(
    [
        f"SELECT t.User, 'table', UPPER(n.p), '', t.Table_name, '' FROM mysql.tables_priv t JOIN ({_names(_TABLE_PRIVILEGES)}) n "
        "ON FIND_IN_SET(n.p, t.Table_priv) WHERE t.Db = DATABASE() AND t.Host = ''",
        f"SELECT c.User, 'table', UPPER(n.p), '', c.Table_name, c.Column_name FROM mysql.columns_priv c JOIN ({_names(_COLUMN_PRIVILEGES)}) n "
        "ON FIND_IN_SET(n.p, c.Column_priv) WHERE c.Db = DATABASE() AND c.Host = ''",
        *(
            f"SELECT User, 'database', '{priv}', '', '', '' FROM mysql.db WHERE Db = DATABASE() AND Host = '' AND {column} = 'Y'"
            for column, priv in _DB_PRIVILEGES.items()
        ),
    ]
)

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
        indexed_join_copies=768,
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
    # derived_merge=off: MariaDB would merge each layer of a work table (the CTEs cs_in,
    # cs_fields, cs_rules, ...) into the next, computing a field again wherever a rule reads
    # it (title() of a name 9 times a row); materialised, each layer is computed once.
    # two_systems at 10,000 patients: the sysB patient work table 47 s -> 9.5 s
    session_settings=(("optimizer_switch", "derived_merge=off"),),
    url_schemes=("mysql", "mariadb"),
    url_example="mysql://user@host:port/db",
    create_database="CREATE DATABASE {name} CHARACTER SET utf8mb4",
    drop_database="DROP DATABASE IF EXISTS {name}",
    canonical=RowCanonical(
        integer="CAST({} AS CHAR)",
        decimal="CAST(CAST({} AS DECIMAL(38, 4)) AS CHAR)",
        date="DATE_FORMAT({}, '%Y-%m-%d')",
        timestamp="DATE_FORMAT({}, '%Y-%m-%d %H:%i:%s.%f')",
        text="CAST({} AS CHAR)",
        separator="CHAR(31 USING utf8mb4)",
        hex_to_int="CAST(CONV({}, 16, 10) AS SIGNED)",
    ),
    access=AccessSql(
        create_role="CREATE ROLE IF NOT EXISTS {role}",
        # `ON *`: the database the session uses
        database_grant="GRANT {privileges} ON * TO {role}",
        database_revoke="REVOKE {privileges} ON * FROM {role}",
        migrator_privileges=("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "INDEX", "CREATE VIEW", "REFERENCES"),
        schema_usage=False,
        revoke_absent_ok=False,
        grants_survive_replace=True,
        live_grants=MY_LIVE_GRANTS,
        # Host '' marks a role granted to a role (a user has its host)
        live_memberships="SELECT User, Role FROM mysql.roles_mapping WHERE Host = ''",
        # SCHEMA_PRIVILEGES shows a user's rights to admins only; SHOW GRANTS lists the active role's too
        held="SHOW GRANTS",
        held_format="show_grants",
        tables="SELECT '', TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()",
        current_user="SELECT CURRENT_USER()",
    ),
)
