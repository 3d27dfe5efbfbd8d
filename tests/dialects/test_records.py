"""The dialect records: real sqlglot dialects, identifier rules and collations that the
servers confirm, and every list of dialects in the package derived from them (adding a
dialect is one record, its function rows, its engine adapter and its conformance runner)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import sqlglot
from sqlglot import exp

from compiler import dialects
from compiler.dialects import DUCKDB, MYSQL, NO_BOOLEAN_VALUES, POSTGRES, RUNNABLE, RUNNABLE_NAMES, compile_only, refusal
from tests.servers import mysql_database, postgres_database

ROOT = Path(__file__).resolve().parents[2]
BY_NAME = {d.name: d for d in RUNNABLE}


# ---------------------------------------------------------------------- the records


@pytest.mark.parametrize("d", RUNNABLE, ids=RUNNABLE_NAMES)
def test_each_record_names_a_real_sqlglot_dialect_with_its_quoting(d):
    assert d.sqlglot in dialects.sqlglot_dialects()
    spelled = sqlglot.Dialect.get_or_raise(d.sqlglot)
    assert (spelled.IDENTIFIER_START, spelled.IDENTIFIER_END) == (d.identifiers.quote, d.identifiers.quote)
    assert exp.to_identifier("a b").sql(d.sqlglot, identify=True) == f"{d.identifiers.quote}a b{d.identifiers.quote}"


def test_names_and_url_schemes_are_unique():
    assert len(set(RUNNABLE_NAMES)) == len(RUNNABLE)
    schemes = [s for d in RUNNABLE for s in d.url_schemes]
    assert len(set(schemes)) == len(schemes) and all(d.url_schemes for d in RUNNABLE)
    assert dialects.by_url_scheme("PostgreSQL") is POSTGRES and dialects.by_url_scheme("mariadb") is MYSQL
    assert dialects.by_url_scheme("sqlite") is None


@pytest.mark.parametrize("d", RUNNABLE, ids=RUNNABLE_NAMES)
def test_capabilities_agree(d):
    c = d.capabilities
    assert c.publish_by_rename == (not c.transactional_ddl)  # no transaction to publish with
    assert d.staging is not None and d.staging.normalized_first == (not d.embedded)
    # scratch databases: servers only (a warehouse engine's scratch target is a fresh warehouse folder)
    assert (d.create_database is None) == (d.embedded or d.warehouse)
    assert set(d.target_types) >= set(dialects.COMMON_TARGET_TYPES)


def test_the_staging_methods():
    assert [d.staging.method for d in RUNNABLE] == ["read_csv", "copy_from_stdin", "load_data_local_infile", "spark_csv"]


@pytest.mark.parametrize(
    "d, name, problems",
    [
        (POSTGRES, "a" * 63, []),
        (POSTGRES, "a" * 64, ["cut to 63 bytes"]),
        (POSTGRES, "é" * 31, []),  # 62 bytes
        (POSTGRES, "é" * 32, ["cut to 63 bytes"]),  # 64 bytes: a 64-character name is not fine
        (POSTGRES, "x ", []),
        (POSTGRES, "a\x00b", ["characters U+0000"]),
        (MYSQL, "a" * 64, []),
        (MYSQL, "é" * 64, []),  # characters, not bytes
        (MYSQL, "a" * 65, ["longer than 64 characters"]),
        (MYSQL, "x ", ["ends with U+0020"]),
        (MYSQL, "t😀", ["characters U+1F600"]),
        (DUCKDB, "a" * 5000, []),
        (DUCKDB, "x ", []),
    ],
)
def test_identifier_rules(d, name, problems):
    assert d.identifiers.problems(name) == problems


def test_schemas_are_flattened_on_mariadb_only():
    assert MYSQL.identifiers.flat_schemas and MYSQL.identifiers.flat_name("legacy", "patients") == "legacy__patients"
    assert not POSTGRES.identifiers.flat_schemas and not DUCKDB.identifiers.flat_schemas


def test_the_generator_flattens_as_the_record_says():
    from compiler.pipeline import load
    from compiler.sqlgen.scripts import SqlGen

    compiled = load(ROOT / "tests" / "golden" / "mini.mig")
    for d in RUNNABLE:
        t = SqlGen(compiled.checked, d.name).tbl("s", "t")
        expected = exp.to_table(d.identifiers.flat_name("s", "t") if d.identifiers.flat_schemas else "s.t")
        assert t.sql(d.sqlglot, identify=True) == expected.sql(d.sqlglot, identify=True), d.name


def test_compile_only_rules():
    for name in NO_BOOLEAN_VALUES:
        assert name in dialects.sqlglot_dialects()  # a refusal that can happen
        assert "no boolean values" in refusal(name)
    assert refusal("cobol") == "unknown dialect `cobol`"
    assert refusal("snowflake") is None
    d = compile_only("bigquery")
    assert not d.runnable and d.sqlglot == "bigquery" and d.identifiers.quote == "`"
    assert d.collation.binary is None and not d.url_schemes


# ------------------------------------------------- the servers agree with the records

LISTED = {
    "postgres": "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()",
    "mysql": "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()",
    "duckdb": "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()",
}


@pytest.fixture(scope="module")
def engines():
    """An open engine per runnable dialect, each on a new, empty database."""
    from compiler.runtime.engines import open_engine

    databases = [postgres_database(), mysql_database()]
    urls = {DUCKDB.name: DUCKDB.url(":memory:"), POSTGRES.name: next(databases[0]), MYSQL.name: next(databases[1])}
    opened = {name: open_engine(url) for name, url in urls.items()}
    yield opened
    for engine in opened.values():
        engine.close()
    for gen in databases:
        gen.close()


def kept_as_is(engine, name: str) -> bool:
    """Whether a table created with this name is listed under exactly this name."""
    from compiler.runtime.engines import EngineError

    quoted = exp.to_identifier(name, quoted=True).sql(engine.record.sqlglot)
    engine.begin()
    try:
        try:
            engine.execute(f"CREATE TABLE {quoted} (x INT)")
        except EngineError:
            return False
        listed = {row[0] for row in engine.query(LISTED[engine.dialect])}
        engine.execute(f"DROP TABLE {quoted}")
        return name in listed
    finally:
        engine.rollback()


def names_at_the_limits(d) -> list[str]:
    rules = d.identifiers
    longest = rules.max_length or 1000
    return ["c" + "a" * (longest - 1), "c" + "a" * longest, "c" + "é" * (longest // 2), "c" + "é" * (longest - 1), "trailing ", "astral 😀"]


# Spark: not yet; its Hive metastore lower-cases table names and has rules of its own that
# the record does not state (issue 21's report)
@pytest.mark.parametrize("dialect", [d for d in RUNNABLE_NAMES if not BY_NAME[d].warehouse])
def test_the_server_accepts_exactly_the_names_the_record_allows(engines, dialect):
    """Too long (PostgreSQL cuts, MariaDB refuses), multibyte, trailing space, astral."""
    d = BY_NAME[dialect]
    for name in names_at_the_limits(d):
        assert kept_as_is(engines[dialect], name) == (d.identifiers.problems(name) == []), (dialect, name)


@pytest.mark.parametrize("dialect", [d.name for d in RUNNABLE if d.collation.binary])
def test_the_binary_collation_exists_and_compares_bytes(engines, dialect):
    d = BY_NAME[dialect]
    collation = exp.to_identifier(d.collation.binary, quoted=d.collation.quoted).sql(d.sqlglot)
    same = [(a, b) for a, b in (("a", "A"), ("P001", "P001 "), ("ß", "ss")) if engine_equal(engines[dialect], a, b, collation)]
    assert same == []
    assert engine_equal(engines[dialect], "é", "é", collation)


def engine_equal(engine, a: str, b: str, collation: str) -> bool:
    row = engine.query(f"SELECT CASE WHEN '{a}' COLLATE {collation} = '{b}' COLLATE {collation} THEN 1 ELSE 0 END")
    return row[0][0] == 1


# ------------------------------------- every list of dialects derives from the records


def test_the_function_library_lists_the_records():
    from compiler.functions import DIALECTS, REGISTRY, SQLGLOT_DIALECT
    from compiler.functions.regex import DIALECTS as REGEX_DIALECTS
    from compiler.functions.sqlkit import ENGINES

    assert DIALECTS == RUNNABLE_NAMES == REGEX_DIALECTS
    assert SQLGLOT_DIALECT == {d.name: d.sqlglot for d in RUNNABLE}
    assert list(ENGINES) == list(RUNNABLE_NAMES)
    assert all(f.lowering_for(d) for f in REGISTRY.values() for d in RUNNABLE_NAMES)


def test_the_generator_and_the_engines_list_the_records():
    from compiler.runtime.engines import ADAPTERS, engine_class
    from compiler.sqlgen.dialect_sql import RUNNABLE as GENERATED
    from compiler.sqlgen.dialect_sql import TRAITS

    assert GENERATED == RUNNABLE_NAMES and all(TRAITS[d.name].dialect is d for d in RUNNABLE)
    assert list(ADAPTERS) == list(RUNNABLE_NAMES)
    for d in RUNNABLE:
        adapter = ADAPTERS[d.name]()
        assert adapter.record is d and adapter.dialect == d.name
        assert all(engine_class(f"{s}://host/db") is adapter for s in d.url_schemes)


def test_compile_writes_every_record_by_default(tmp_path):
    from compiler.cli.main import main

    assert main(["compile", str(ROOT / "tests" / "golden" / "mini.mig"), "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in (tmp_path / "mini").iterdir()) == sorted(RUNNABLE_NAMES)


def test_the_conformance_suite_runs_on_every_record():
    """tests/functions/conftest.py: `runner` is parametrized by functions.DIALECTS (the
    records' names) and each name has its `<name>_runner`; cases.py is engine-agnostic."""
    import tests.functions.conftest as conftest

    assert conftest.DIALECTS == RUNNABLE_NAMES
    assert all(callable(getattr(conftest, f"{name}_runner", None)) for name in RUNNABLE_NAMES)
    tree = ast.parse(Path(conftest.__file__).read_text(encoding="utf-8"))
    runner = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "runner")
    params = [k.value for dec in runner.decorator_list if isinstance(dec, ast.Call) for k in dec.keywords if k.arg == "params"]
    assert [ast.unparse(p) for p in params] == ["DIALECTS"]
