"""DuckDB: embedded, a file target; the whole run is one transaction."""

from __future__ import annotations

from compiler.dialects.record import Capabilities, Collation, Dialect, IdentifierRules, Staging, target_types

DUCKDB = Dialect(
    name="duckdb",
    title="DuckDB",
    sqlglot="duckdb",
    identifiers=IdentifierRules(quote='"', max_length=None),
    collation=Collation(default_is_binary=True),  # strings compare byte-wise by default
    capabilities=Capabilities(crosswalk_primary_key=False, constraints_after_load=True, merge=True),
    target_types=target_types(char="VARCHAR", text="VARCHAR"),
    key_type="VARCHAR",
    json_object="json_object",
    embedded=True,
    staging=Staging("read_csv", "CREATE TABLE <stage> AS SELECT row_number, * FROM read_csv(...)", normalized_first=False),
    url_schemes=("duckdb",),
    url_example="duckdb:///FILE",
)
