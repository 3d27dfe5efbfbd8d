"""Long text on MariaDB (issue 14): `text` columns and the rejects' `original_row` are
LONGTEXT there (TEXT holds 64 KB; the other engines have no practical limit), and
`title()`'s GROUP_CONCAT is not cut at the 1 MB default.  The 3 MB fields themselves run
on all three engines in tests/runtime/hostile (field_3mb_in_text, field_3mb_in_varchar)."""

from __future__ import annotations

from sqlglot import exp

from compiler.dialects import MYSQL
from compiler.functions import lower_call
from compiler.runtime.engines.mysql import GROUP_CONCAT_MAX_LEN, MySQLEngine
from compiler.sqlgen.dialect_sql import traits_for


def test_mysql_text_is_longtext():
    assert MYSQL.target_types["text"] == "LONGTEXT"
    assert traits_for(MYSQL.name).target_types["text"] == "LONGTEXT"


def test_group_concat_is_not_the_limit_of_title(mysql_url):
    engine = MySQLEngine.open(mysql_url)
    try:
        [(gc_len, packet)] = engine.query("SELECT @@SESSION.group_concat_max_len, @@SESSION.max_allowed_packet")
        assert int(gc_len) == GROUP_CONCAT_MAX_LEN
        # title() builds a JSON array of 2 bytes per character (bounded by max_allowed_packet)
        # and re-aggregates up to 4 bytes per character: GROUP_CONCAT must hold that
        assert int(gc_len) >= min(2 * int(packet), GROUP_CONCAT_MAX_LEN)
    finally:
        engine.close()


def test_title_of_a_long_text_is_whole(mysql_url):
    sql = lower_call("title", [exp.Literal.string("é" * 3000)], MYSQL.name).sql(MYSQL.sqlglot)  # 6,000 bytes
    engine = MySQLEngine.open(mysql_url)
    try:
        [(got,)] = engine.query(f"SELECT {sql}")
        assert got == "É" + "é" * 2999
        engine.execute("SET SESSION group_concat_max_len = 1024")  # what a short limit does
        [(cut,)] = engine.query(f"SELECT {sql}")
        assert len(cut) < 3000  # silently (a warning in SELECT; an error inside INSERT)
    finally:
        engine.close()
