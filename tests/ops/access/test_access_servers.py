"""The `access` block on real PostgreSQL and MariaDB, with real roles: `access apply`
creates them, a run as a non-superuser migrator holding exactly the documented grants
succeeds, each role can do what the spec says and nothing else, and `access check`
reports a GRANT and a REVOKE done by hand.

Roles are server-global and the servers are shared: every role and user this module
creates carries a per-session prefix, and all of them are dropped at the end."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from compiler.cli.main import main
from compiler.pipeline import load, render_access_file
from compiler.runtime.run import run
from tests.conftest import DEMO_SPEC
from tests.servers import MY, PG, mysql_database, postgres_database

ROLES = ("migrator", "validator", "auditor", "application", "clinician_readonly", "billing")


@dataclass
class Server:
    dialect: str
    url: str  # the admin's
    prefix: str
    spec: Path

    def as_user(self, role: str) -> str:
        """The URL of the login user holding `role`."""
        p = urlsplit(self.url)
        return f"{p.scheme}://{self.prefix}u_{role}@{p.hostname}:{p.port}{p.path}"

    @property
    def database(self) -> str:
        return urlsplit(self.url).path.lstrip("/")


def admin_sql(dialect: str, database: str | None, *statements: str) -> None:
    if dialect == "postgres":
        import psycopg

        params = dict(PG, dbname=database) if database else PG
        with psycopg.connect(autocommit=True, **params) as conn:
            for s in statements:
                conn.execute(s)
    else:
        import pymysql

        conn = pymysql.connect(autocommit=True, database=database, **MY)
        with conn.cursor() as cur:
            for s in statements:
                cur.execute(s)
        conn.close()


def user_sql(server: Server, role: str, statement: str) -> list[tuple]:
    """Run one statement as the login user of `role`; return its rows."""
    if server.dialect == "postgres":
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=5432, user=f"{server.prefix}u_{role}", dbname=server.database) as conn:
            return list(conn.execute(statement).fetchall()) if statement.startswith("SELECT") else [conn.execute(statement)]
    import pymysql

    conn = pymysql.connect(host="127.0.0.1", port=3306, user=f"{server.prefix}u_{role}", password="", database=server.database)
    try:
        with conn.cursor() as cur:
            cur.execute(statement)
            return list(cur.fetchall())
    finally:
        conn.close()


def denied(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "permission denied" in text or "command denied" in text or "1142" in text or "1143" in text


@pytest.fixture(scope="module", params=["postgres", "mysql"])
def server(request, tmp_path_factory) -> Iterator[Server]:
    dialect = request.param
    prefix = f"cs{os.getpid()}{uuid.uuid4().hex[:4]}_"
    spec = tmp_path_factory.mktemp("spec") / "demo_clinic.mig"
    text = DEMO_SPEC.read_text(encoding="utf-8").replace("access {\n", f'access {{\n  prefix "{prefix}"\n', 1)
    spec.write_text(text.replace('"../demo"', f'"{DEMO_SPEC.parent.parent / "demo"}"'), encoding="utf-8")
    (spec.parent / "lookups").symlink_to(DEMO_SPEC.parent / "lookups")
    factory = postgres_database if dialect == "postgres" else mysql_database
    gen = factory()
    url = next(gen)
    srv = Server(dialect, url, prefix, spec)
    try:
        yield srv
    finally:
        gen.close()  # the database first: then the roles own nothing
        users = [f"{prefix}u_{r}" for r in ROLES]
        roles = [f"{prefix}{r}" for r in ROLES]
        if dialect == "postgres":
            admin_sql(dialect, None, *[f'DROP ROLE IF EXISTS "{n}"' for n in users + roles])
        else:
            admin_sql(dialect, None, *[f"DROP USER IF EXISTS `{n}`@'%'" for n in users], *[f"DROP ROLE IF EXISTS `{n}`" for n in roles])


def make_users(srv: Server) -> None:
    """One login user per role, holding that role (MariaDB: as its default role)."""
    for r in ROLES:
        user, role = f"{srv.prefix}u_{r}", f"{srv.prefix}{r}"
        if srv.dialect == "postgres":
            admin_sql(srv.dialect, None, f'CREATE ROLE "{user}" LOGIN IN ROLE "{role}"')
        else:
            admin_sql(
                srv.dialect,
                None,
                f"CREATE USER `{user}`@'%'",
                f"GRANT `{role}` TO `{user}`@'%'",
                f"SET DEFAULT ROLE `{role}` FOR `{user}`@'%'",
            )


@pytest.fixture(scope="module")
def applied(server, demo_export) -> Server:
    """apply (roles, the migrator's rights), a run as the migrator, apply again (the tables exist now)."""
    assert main(["access", "apply", str(server.spec), "--target", server.url]) == 0
    make_users(server)
    folder, _ = demo_export
    report = run(load(server.spec), folder, server.as_user("migrator"), commit_on_fail=True)  # the demo fails a check by design
    assert report.committed and report.database_user is not None and server.prefix in report.database_user
    assert main(["access", "apply", str(server.spec), "--target", server.url]) == 0
    return server


def table(srv: Server, schema: str, name: str) -> str:
    q = '"' if srv.dialect == "postgres" else "`"
    return f"{q}{schema}{q}.{q}{name}{q}" if srv.dialect == "postgres" else f"{q}{schema}__{name}{q}"


def test_run_as_non_superuser_migrator_succeeded(applied):
    rows = user_sql(applied, "migrator", f"SELECT COUNT(*) FROM {table(applied, 'emr', 'patient')}")
    assert rows[0][0] > 0
    if applied.dialect == "postgres":
        assert user_sql(applied, "migrator", "SELECT rolsuper FROM pg_roles WHERE rolname = current_user") == [(False,)]


def test_check_passes_after_apply(applied, capsys):
    assert main(["access", "check", str(applied.spec), "--target", applied.url]) == 0


def test_validator_reads_target_and_results_and_writes_nothing(applied):
    assert user_sql(applied, "validator", f"SELECT COUNT(*) FROM {table(applied, 'emr', 'patient')}")[0][0] > 0
    assert user_sql(applied, "validator", f"SELECT COUNT(*) FROM {table(applied, 'chartshift', 'reconciliation')}")[0][0] > 0
    for statement in (
        f"DELETE FROM {table(applied, 'emr', 'encounter')}",
        f"UPDATE {table(applied, 'emr', 'patient')} SET {'status' if applied.dialect == 'postgres' else '`status`'} = NULL",
        f"DELETE FROM {table(applied, 'chartshift', 'reconciliation')}",
    ):
        with pytest.raises(Exception) as info:
            user_sql(applied, "validator", statement)
        assert denied(info.value), str(info.value)


def test_application_cannot_read_raw_tables(applied):
    for schema, name in (("chartshift", "rejects"), ("chartshift_stage", "legacy__patients"), ("chartshift", "xwalk__emr__patient")):
        with pytest.raises(Exception) as info:
            user_sql(applied, "application", f"SELECT COUNT(*) FROM {table(applied, schema, name)}")
        assert denied(info.value), (schema, name, str(info.value))
    assert user_sql(applied, "application", f"SELECT COUNT(*) FROM {table(applied, 'emr', 'encounter')}")[0][0] > 0


def test_clinician_cannot_read_a_phi_column(applied):
    q = '"' if applied.dialect == "postgres" else "`"
    with pytest.raises(Exception) as info:
        user_sql(applied, "clinician_readonly", f"SELECT {q}ssn{q} FROM {table(applied, 'emr', 'patient')}")
    assert denied(info.value), str(info.value)
    rows = user_sql(applied, "clinician_readonly", f"SELECT {q}id{q}, {q}last_name{q} FROM {table(applied, 'emr', 'patient')}")
    assert len(rows) > 0


def test_check_reports_a_hand_grant_and_a_hand_revoke(applied, capsys):
    p = applied.prefix
    q = '"' if applied.dialect == "postgres" else "`"
    rejects, patient = table(applied, "chartshift", "rejects"), table(applied, "emr", "patient")
    admin_sql(
        applied.dialect,
        applied.database,
        f"GRANT SELECT ON {rejects} TO {q}{p}application{q}",
        f"REVOKE SELECT ON {patient} FROM {q}{p}validator{q}",
        f"REVOKE {q}{p}clinician_readonly{q} FROM {q}{p}billing{q}",
    )
    capsys.readouterr()
    assert main(["access", "check", str(applied.spec), "--target", applied.url]) == 1
    out = capsys.readouterr().out
    shown = "chartshift.rejects" if applied.dialect == "postgres" else "chartshift__rejects"
    assert f"extra:   GRANT SELECT on {shown} to {p}application" in out, out
    assert f"missing: GRANT SELECT on {'emr.patient' if applied.dialect == 'postgres' else 'emr__patient'} to {p}validator" in out, out
    assert f"missing: GRANT role {p}clinician_readonly to {p}billing" in out, out
    assert out.count("\n") == 3, out  # nothing else differs
    assert main(["access", "apply", str(applied.spec), "--target", applied.url]) == 0  # converges again
    assert main(["access", "check", str(applied.spec), "--target", applied.url]) == 0


def test_run_without_rights_fails_fast_listing_them(applied, demo_export, capsys):
    folder, _ = demo_export
    capsys.readouterr()
    code = main(["run", str(applied.spec), "--source", str(folder), "--target", applied.as_user("validator")])
    err = capsys.readouterr().err
    assert code == 3, err
    assert "lacks rights the run needs" in err and "CREATE on the database" in err, err


def test_billing_inherits_the_clinicians_columns(applied):
    q = '"' if applied.dialect == "postgres" else "`"
    assert len(user_sql(applied, "billing", f"SELECT {q}last_name{q} FROM {table(applied, 'emr', 'patient')}")) > 0
    assert len(user_sql(applied, "billing", f"SELECT * FROM {table(applied, 'emr', 'charge_line')}")) > 0
    with pytest.raises(Exception) as info:
        user_sql(applied, "billing", f"SELECT {q}ssn{q} FROM {table(applied, 'emr', 'patient')}")
    assert denied(info.value), str(info.value)


def test_the_generated_access_sql_runs_and_gives_the_specs_grants(applied):
    """access.sql itself (as compile writes it, with this session's prefix), run by an
    admin after a run: the live grants are then exactly the spec's."""
    text = render_access_file(load(applied.spec), applied.dialect)["access.sql"]
    statements = [s.strip() for s in re.split(r";\n", "\n".join(l for l in text.splitlines() if not l.startswith("--"))) if s.strip()]
    assert any(s.startswith("GRANT") for s in statements)
    admin_sql(applied.dialect, applied.database, *statements)
    assert main(["access", "check", str(applied.spec), "--target", applied.url]) == 0


def test_a_second_run_as_the_migrator_keeps_the_grants_and_is_audited(applied, demo_export, audit_log_outside_the_repo):
    """The run replaces its tables (PostgreSQL: their grants go with them, so the run grants
    them again); the audit log names the database user and the OS user of the run and of
    each `access apply`, and what the apply granted."""
    import json

    folder, _ = demo_export
    code = main(["run", str(applied.spec), "--source", str(folder), "--target", applied.as_user("migrator"), "--commit-on-fail"])
    assert code in (0, 1)  # the demo fails a check by design; it commits anyway
    assert main(["access", "check", str(applied.spec), "--target", applied.url]) == 0
    events = [json.loads(line) for line in audit_log_outside_the_repo.read_text().splitlines()]
    run_event = [e for e in events if e["command"] == "run" and e.get("details", {}).get("database_user", "").startswith(applied.prefix)][
        -1
    ]
    assert run_event["user"] and run_event["details"]["committed"] is True
    applies = [e for e in events if e["command"] == "access apply" and e["spec_sha256"] == run_event["spec_sha256"]]
    assert applies and all(e["details"]["database_user"] and e["user"] for e in applies)
    granted = [g for e in applies for g in e["details"]["granted"]]
    assert f"CREATE on the database to {applied.prefix}migrator" in granted, granted
    assert all(isinstance(e["details"]["revoked"], list) for e in applies)


def test_a_table_the_migrator_does_not_own_stops_the_run(applied, demo_export, capsys):
    if applied.dialect != "postgres":  # no table owners there: the database privileges cover every table
        from compiler.dialects import MYSQL

        assert MYSQL.access is not None and MYSQL.access.foreign_tables is None
        return
    folder, _ = demo_export
    admin_sql(applied.dialect, applied.database, 'CREATE TABLE "emr"."cs_foreign" (x int)')
    try:
        capsys.readouterr()
        code = main(["run", str(applied.spec), "--source", str(folder), "--target", applied.as_user("migrator")])
        err = capsys.readouterr().err
        assert code == 3, err
        assert "ownership of emr.cs_foreign (a run replaces it)" in err, err
    finally:
        admin_sql(applied.dialect, applied.database, 'DROP TABLE "emr"."cs_foreign"')
