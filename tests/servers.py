"""Fresh PostgreSQL / MariaDB databases for a test session.

Locally, an unreachable server skips the tests that need it, with the reason; in CI
(`CI=true`) it is a failure: server tests never silently skip there.
"""

from __future__ import annotations

import os
import uuid

import pytest

PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres", "dbname": "postgres"}
MY = {"host": "127.0.0.1", "port": 3306, "user": "root", "password": ""}


def unavailable(what: str, exc: Exception):
    reason = f"{what} not reachable: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: server tests must run)")
    pytest.skip(reason)


def session_name() -> str:
    return f"cs_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"


def postgres_database():
    """Yield a postgresql:// URL of a new database; drop it afterwards."""
    import psycopg

    name = session_name()
    try:
        admin = psycopg.connect(autocommit=True, connect_timeout=5, **PG)
    except Exception as exc:
        unavailable("PostgreSQL at 127.0.0.1:5432", exc)
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def mysql_database():
    """Yield a mysql:// URL of a new database; drop it afterwards."""
    import pymysql

    name = session_name()
    try:
        admin = pymysql.connect(autocommit=True, connect_timeout=5, **MY)
    except Exception as exc:
        unavailable("MariaDB at 127.0.0.1:3306", exc)
    with admin.cursor() as cur:
        cur.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
    try:
        yield f"mysql://root@127.0.0.1:3306/{name}"
    finally:
        with admin.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS `{name}`")
        admin.close()
