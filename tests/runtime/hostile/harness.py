"""Run one corpus case on one engine the way a user does (`chartshift run`, in process) and
read back what it left: exit code, output, report, target rows, rejects, row hashes.

The only place the differential suite touches compiler internals (to name tables and hash
rows), so that a refactor has one file to follow.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from sqlglot import exp

from tests.runtime.hostile.corpus import COLUMNS, FILE, KEY, MAP, SOURCE, SPEC, TARGET_COLUMNS, Case

ENGINES = ("duckdb", "postgres", "mysql")

# The columns of chartshift.rejects the reject contract adds (issue 14 item 2).
CONTRACT_COLUMNS = ("source_file", "source_line", "byte_offset", "reason_code")


@dataclass
class Outcome:
    """What one run of one case on one engine left."""

    engine: str
    exit_code: int | None = None
    escaped: str | None = None  # an exception that got out of main(): never expected
    output: str = ""  # stdout + stderr
    report: dict | None = None
    digests: dict | None = None  # canonical row hashes of every target table
    rows: dict | None = None  # mrn -> {target column: value}
    rejects: list[dict] | None = None  # chartshift.rejects, every column, in file order
    read_error: str | None = None  # why the target could not be read back

    @property
    def accounting(self) -> dict | None:
        if self.report is None:
            return None
        src = next((s for s in self.report["sources"] if s["table"] == SOURCE), None)
        mp = next((m for m in self.report["maps"] if m["map"] == MAP), None)
        if src is None or mp is None:
            return None
        return {
            "records": src["records"],
            "staged": src["staged"],
            "malformed": src["malformed"],
            **{k: mp[k] for k in ("source_rows", "loaded", "rejected", "filtered", "merged")},
        }

    @property
    def codes(self) -> Counter | None:
        if self.rejects is None:
            return None
        return Counter(reason_code(r) for r in self.rejects)

    def reject_summary(self) -> list[tuple] | None:
        """What two engines must agree on for every reject, in file order."""
        if self.rejects is None:
            return None
        return [
            (
                r.get("map"),
                r.get("source_table"),
                r.get("record"),
                r.get("slot"),
                r.get("rule"),
                r.get("reason"),
                reason_code(r),
                original(r.get("original_row")),
            )
            for r in self.rejects
        ]


# Until chartshift.rejects carries its reason code (issue 14 item 2), the code is read off
# today's rule and reason: DuckDB's CSV error types for malformed records, the rule ids
# of docs/LANGUAGE.md for the rest.  Anything else shows up as itself, so that a new kind
# of reject is a visible difference rather than a silent match.
MALFORMED_TYPES = {
    "missing columns": "too_few_fields",
    "too many columns": "too_many_fields",
    "unquoted value": "bad_quote",
    "invalid unicode": "invalid_encoding",
    "invalid encoding": "invalid_encoding",
    "line size over maximum": "line_too_long",
}
RULES = {"cast": "cast", "key": "missing_key", "duplicate key": "duplicate_key"}
RULE_PREFIXES = {
    "reject:": "reject",
    "not null:": "not_null",
    "length:": "too_long",
    "range:": "out_of_range",
    "in:": "not_allowed",
    "check:": "check_failed",
}
MALFORMED_PREFIX = "malformed CSV line: "


def reason_code(r: dict) -> str:
    if r.get("reason_code"):
        return r["reason_code"]
    rule, reason = r.get("rule") or "", r.get("reason") or ""
    if rule == "malformed":
        kind = reason[len(MALFORMED_PREFIX) :] if reason.startswith(MALFORMED_PREFIX) else reason
        return MALFORMED_TYPES.get(kind, f"malformed?{kind}")
    if rule in RULES:
        return RULES[rule]
    for prefix, code in RULE_PREFIXES.items():
        if rule.startswith(prefix):
            return code
    return f"?{rule}"


def original(v):
    """A rejected row's original values (a JSON object: engines format it differently) or raw line."""
    v = text(v)
    try:
        parsed = json.loads(v) if isinstance(v, str) else None
    except ValueError:
        parsed = None
    return json.dumps(parsed, sort_keys=True, ensure_ascii=False) if isinstance(parsed, dict) else v


def text(v):
    return v.decode("utf-8", "surrogateescape") if isinstance(v, (bytes, bytearray)) else v


# ---------------------------------------------------------------- targets


def reset_server(url: str, dialect: str) -> None:
    """Empty the database of a server URL: every table and schema a run can leave
    (crosswalks persist across runs, so every case starts from nothing)."""
    if dialect == "postgres":
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            schemas = [
                r[0]
                for r in conn.execute(
                    "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'"
                )
            ]
            for s in schemas:
                conn.execute(f'DROP SCHEMA "{s}" CASCADE')
            conn.execute("CREATE SCHEMA IF NOT EXISTS public")
        return
    import pymysql

    u = urlsplit(url)
    conn = pymysql.connect(
        host=u.hostname,
        port=u.port or 3306,
        user=u.username or "root",
        password=u.password or "",
        database=u.path.lstrip("/"),
        autocommit=True,
    )
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = DATABASE()")
            for name, kind in cur.fetchall():
                cur.execute(f"DROP {'VIEW' if kind == 'VIEW' else 'TABLE'} IF EXISTS `{name}`")
    finally:
        conn.close()


# ---------------------------------------------------------------- one run


def run_case(case: Case, folder: Path, url: str, dialect: str, compiled, report_path: Path) -> Outcome:
    """`chartshift run` of the case's file on `url` (an empty target), then read it back."""
    from compiler.cli.main import main

    case.write(folder)
    out = Outcome(dialect)
    buf = io.StringIO()
    argv = ["run", str(SPEC), "--source", str(folder), "--target", url, "--report", str(report_path), "--commit-on-fail"]
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
        try:
            out.exit_code = main(argv)
        except BaseException as exc:
            out.escaped = type(exc).__name__
    out.output = buf.getvalue()
    if report_path.exists():
        out.report = json.loads(report_path.read_text(encoding="utf-8"))
    read_back(out, url, dialect, compiled)
    return out


def named_rows(engine, sql: str) -> list[dict]:
    if engine.dialect == "duckdb":
        cur = engine.con.execute(sql)
    elif engine.dialect == "postgres":
        cur = engine.conn.execute(sql)
    else:
        cur = engine.conn.cursor()
        cur.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, (text(v) for v in row))) for row in cur.fetchall()]


def read_back(out: Outcome, url: str, dialect: str, compiled) -> None:
    from compiler.runtime.engines import open_engine
    from compiler.sqlgen.canonical import table_digests
    from compiler.sqlgen.lower import col
    from compiler.sqlgen.scripts import SqlGen
    from compiler.sqlgen.statements import REJECTS
    from compiler.sqlgen.text import sql_text

    try:
        engine = open_engine(url)
    except Exception as exc:
        out.read_error = f"open: {type(exc).__name__}: {exc}"
        return
    try:
        gen = SqlGen(compiled.checked, dialect)
        try:
            out.digests = table_digests(engine, gen)
            q = exp.select(*[col(c) for c in TARGET_COLUMNS]).from_(gen.tbl("emr", "person"))
            out.rows = {r["mrn"]: r for r in named_rows(engine, sql_text(q, dialect))}
            q = exp.select(exp.Star()).from_(gen.tbl(*REJECTS))
            out.rejects = sorted(named_rows(engine, sql_text(q, dialect)), key=reject_order)
        except Exception as exc:
            out.read_error = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    finally:
        engine.close()


def reject_order(r: dict):
    """File order: by byte offset once the rejects carry it, else malformed records (their
    record number counts the header) and map rejects (counted among staged records) apart."""
    if r.get("byte_offset") is not None:
        return (0, int(r["byte_offset"]), 0)
    return (1, 0 if r.get("map") is None else 1, int(r.get("record") or 0), int(r.get("slot") or 0))


def contract_positions(out: Outcome) -> list[tuple] | None:
    """(source file, line, byte offset, code) of every reject, as the engine recorded them."""
    if out.rejects is None:
        return None
    missing = [c for c in CONTRACT_COLUMNS if out.rejects and c not in out.rejects[0]]
    if missing:
        raise AssertionError(f"chartshift.rejects has no column(s) {', '.join(missing)} (issue 14 item 2)")
    return [(r["source_file"], int(r["source_line"]), int(r["byte_offset"]), r["reason_code"]) for r in out.rejects]


MASKED = "***"


def unmasked_sample_values(out: Outcome) -> list[tuple[str, str]]:
    """(column, value) of the report's reject samples that are neither the key, NULL nor masked."""
    found = []
    for s in (out.report or {}).get("reject_samples", []):
        for k, v in (s.get("values") or {}).items():
            if k == KEY or v is None or v == MASKED or (k == "line" and str(v).startswith(MASKED)):
                continue
            found.append((k, v))
    return found


def leaked_fields(case: Case, out: Outcome) -> list[str]:
    """Non-key fields (5+ characters) of rejected records that appear in the terminal output
    or the JSON report: row content, which neither may carry."""
    shown = out.output + json.dumps(out.report or {}, ensure_ascii=False)
    leaks = []
    for r in case.records:
        if r.outcome in ("loaded", "filtered", "skipped"):
            continue
        fields = r.raw.decode("utf-8", "replace").rstrip("\r\n").split(",")[1:]
        for f in fields:
            f = f.strip('"')
            if len(f) >= 5 and f not in COLUMNS and f in shown:
                leaks.append(f[:40])
    return leaks


__all__ = ["ENGINES", "FILE", "Outcome", "contract_positions", "leaked_fields", "reset_server", "run_case", "unmasked_sample_values"]
