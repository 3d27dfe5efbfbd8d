"""What the two server engines share: URL parsing with masked passwords, staging via
DuckDB-normalised files, statement plumbing."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol
from urllib.parse import unquote, urlsplit, urlunsplit

from sqlglot import exp

from compiler.runtime.engines.base import Engine, EngineError
from compiler.runtime.engines.base import first_line as first_line  # re-exported for the adapters
from compiler.sqlgen.lower import drop_table, ident
from compiler.sqlgen.text import sql_text

if TYPE_CHECKING:
    from compiler.dialects import Dialect
    from compiler.sqlgen.dialect_sql import DialectTraits


class ServerEngineClass(Protocol):
    """A server adapter class: `.open(url, autocommit=True)` for CREATE/DROP DATABASE."""

    record: Dialect
    dialect: str

    def open(self, url: str, autocommit: bool = ...) -> Engine: ...


@dataclass(frozen=True)
class ServerUrl:
    """Connection facts from a URL, falling back to the usual environment variables."""

    host: str | None
    port: int | None
    user: str | None
    password: str | None
    database: str | None
    display: str  # the URL with the password masked

    @classmethod
    def parse(cls, url: str, env: dict[str, str]) -> ServerUrl:
        p = urlsplit(url)
        password = unquote(p.password) if p.password else env.get("password")
        netloc = p.hostname or ""
        if p.port:
            netloc += f":{p.port}"
        if p.username:
            netloc = f"{p.username}{':***' if p.password else ''}@{netloc}"
        display = f"{p.scheme}://{netloc}{p.path}"
        try:
            port = p.port
        except ValueError:
            port = None
        return cls(
            host=p.hostname or env.get("host"),
            port=port or (int(env["port"]) if env.get("port", "").isdigit() else None),
            user=unquote(p.username) if p.username else env.get("user"),
            password=password,
            database=(p.path.lstrip("/") or env.get("database") or None),
            display=display,
        )


def env_of(names: dict[str, str]) -> dict[str, str]:
    """{'host': 'PGHOST', ...} -> the values that are set."""
    return {k: os.environ[v] for k, v in names.items() if os.environ.get(v)}


def masked(message: str, secret: str | None) -> str:
    return message.replace(secret, "***") if secret else message


def stage_table_sql(tbl: exp.Table, names: list[str], text_type: str, traits: DialectTraits, dialect: str) -> list[str]:
    """DROP + CREATE of a staging table: row number, then every column as binary-collated text."""
    key = [exp.ColumnConstraint(kind=exp.PrimaryKeyColumnConstraint())] if traits.stage_row_key else []
    cols = [exp.ColumnDef(this=ident("__row"), kind=exp.DataType.build("BIGINT"), constraints=key)]
    for n in names:
        constraints = (
            [exp.ColumnConstraint(kind=exp.CollateColumnConstraint(this=traits.text_collation()))] if traits.text_collation else []
        )
        cols.append(exp.ColumnDef(this=ident(n), kind=exp.DataType.build(text_type, dialect=traits.sqlglot), constraints=constraints))
    create = exp.Create(this=exp.Schema(this=tbl.copy(), expressions=cols), kind="TABLE")
    return [sql_text(drop_table(tbl.copy()), dialect), sql_text(create, dialect)]


def quoted(tbl: exp.Table, dialect: str) -> str:
    return tbl.sql(dialect=dialect, identify=True)


def column_list(names: list[str], dialect: str) -> str:
    return ", ".join(ident(n).sql(dialect=dialect, identify=True) for n in names)


def with_database(url: str, database: str) -> str:
    """The same server URL (user, password, settings) naming another database."""
    p = urlsplit(url)
    return urlunsplit((p.scheme, p.netloc, "/" + database, p.query, p.fragment))


@contextmanager
def scratch_database(engine_cls: ServerEngineClass, url: str, purpose: str = "spec tests run") -> Iterator[str]:
    """Yield the URL of a new, empty database on the server of `url`, and drop it
    afterwards: spec tests and plan's sample runs go there, isolated from the crosswalks
    and tables of the database the URL names (which they never write).  `purpose` starts
    the error when the database cannot be created."""
    name = f"chartshift_test_{os.getpid()}_{secrets.token_hex(4)}"
    quoted_name = ident(name).sql(dialect=engine_cls.dialect, identify=True)
    create, drop = engine_cls.record.create_database, engine_cls.record.drop_database
    assert create is not None and drop is not None  # every server record has both
    admin = engine_cls.open(url, autocommit=True)
    try:
        try:
            admin.execute(create.format(name=quoted_name))
        except EngineError as exc:
            raise EngineError(
                f"{admin.display_url}: {purpose} in a new database on this server and cannot create one (grant CREATE DATABASE): {exc}"
            ) from None
        try:
            yield with_database(url, name)
        finally:
            admin.execute(drop.format(name=quoted_name))
    finally:
        admin.close()
