#!/usr/bin/env python3
"""What the proposed fixes would buy on the most expensive statement of the demo run:
the emr.charge_line work table (generated/demo_clinic/duckdb/20_08_emr_charge_line.sql).

    .venv/bin/chartshift run specs/demo_clinic.mig --source DATA --target duckdb:////tmp/x.duckdb
    .venv/bin/python bench/experiment_charge_line.py /tmp/x.duckdb [--reps 3]

Runs the generated CREATE TEMPORARY TABLE statement as it is, then variants rewritten
in text (nothing in compiler/ changes):

  V1  slots that `each ... when` filters are dropped before the fields are computed
      (their count is what the reconciliation needs: source rows x slots - kept);
  V2  V1 + the duplicate-key check grouped on the source table's typed key
      (visit_id BIGINT, 1.2 M rows) instead of the text key `visit_id|slot` (3.6 M rows);
  V3  V2 + the crosswalk lookup as a LEFT JOIN instead of a correlated scalar subquery.

and reports wall time, the memory DuckDB holds afterwards (duckdb_memory()), and whether the non-filtered rows'
statuses and fields are identical to the original's.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQL = ROOT / "generated" / "demo_clinic" / "duckdb" / "20_08_emr_charge_line.sql"


def work_statement(con) -> str:
    for st in con.extract_statements(SQL.read_text()):
        if '\nCREATE TEMPORARY TABLE "cs_work__emr__charge_line"' in st.query:
            return st.query
    raise SystemExit("work-table statement not found")


def sub(pattern: str, repl: str, text: str) -> str:
    new, n = re.subn(pattern, repl, text, count=1, flags=re.S)
    if n != 1:
        raise SystemExit(f"rewrite failed: {pattern[:60]}")
    return new


def v1(q: str) -> str:
    # cs_fields reads only the kept slots
    return sub(
        r'\n  FROM "cs_in"\n\), "cs_rules" AS \(',
        '\n  FROM (SELECT * FROM "cs_in" WHERE NOT NULLIF(TRIM("e__code"), \'\') IS NULL) AS "cs_in"\n), "cs_rules" AS (',
        q,
    )


def v2(q: str) -> str:
    q = v1(q)
    return sub(
        r'LEFT JOIN \(\s*SELECT\s*"__key",\s*MIN\("__row"\) AS "first_row"\s*FROM "cs_fields"\s*GROUP BY\s*"__key"\s*HAVING\s*COUNT\(\*\) > 1\s*\) AS "cs_dups"\s*ON "cs_dups"\."__key" = "cs_fields"\."__key"',
        'LEFT JOIN (SELECT "visit_id" AS "k", MIN("__row") AS "first_row" FROM "legacy"."visits" GROUP BY "visit_id" HAVING COUNT(*) > 1) AS "cs_dups"\n'
        '    ON "cs_dups"."k" = "cs_fields"."s__visits__visit_id"',
        q,
    )


def v3(q: str) -> str:
    q = v2(q)
    q = sub(
        r'\(\s*SELECT\s*"cs_x"\."target_id"\s*FROM "chartshift"\."xwalk__emr__encounter" AS "cs_x"\s*WHERE.*?\) AS "f__encounter_id"',
        '"cs_x"."target_id" AS "f__encounter_id"',
        q,
    )
    return sub(
        r'FROM \(SELECT \* FROM "cs_in" WHERE NOT NULLIF\(TRIM\("e__code"\), \'\'\) IS NULL\) AS "cs_in"',
        'FROM (SELECT * FROM "cs_in" WHERE NOT NULLIF(TRIM("e__code"), \'\') IS NULL) AS "cs_in"\n'
        '  LEFT JOIN "chartshift"."xwalk__emr__encounter" AS "cs_x"\n'
        '    ON "cs_x"."legacy_key" = CAST("cs_in"."s__visits__visit_id" AS TEXT) AND "cs_x"."state" <> \'inactive\'',
        q,
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()
    import duckdb

    con = duckdb.connect(args.db)
    base = work_statement(con)
    variants = {
        "as generated": base,
        "V1 filter slots first": v1(base),
        "V2 + typed dup check": v2(base),
        "V3 + LEFT JOIN crosswalk": v3(base),
    }
    cols = '"__row", "__slot", "__rule", "__status", "f__encounter_id", "f__cpt", "f__units", "f__modifier", "f__amount"'
    reference = None
    results = {}
    for name, q in variants.items():
        times, mem = [], []
        for _ in range(args.reps):
            con.execute('DROP TABLE IF EXISTS "cs_work__emr__charge_line"')
            t = time.perf_counter()
            con.execute(q)
            times.append(time.perf_counter() - t)
            mem.append(con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()[0])
        digest = con.execute(
            f'SELECT count(*), sum(hash({cols})) FROM "cs_work__emr__charge_line" WHERE "__status" <> \'filtered\''
        ).fetchone()
        counts = dict(con.execute('SELECT "__status", count(*) FROM "cs_work__emr__charge_line" GROUP BY ALL').fetchall())
        if reference is None:
            reference = digest
        results[name] = {
            "median_s": round(statistics.median(times), 3),
            "min_s": round(min(times), 3),
            "max_s": round(max(times), 3),
            "same_rows_as_generated": digest == reference,
            "statuses": counts,
            "duckdb_memory_after_mib": round(statistics.median(mem) / 2**20),
        }
        print(
            f"{name:<28} {statistics.median(times):6.2f} s (min {min(times):.2f}, max {max(times):.2f})  "
            f"DuckDB memory held {statistics.median(mem) / 2**20:,.0f} MiB  same non-filtered rows: {digest == reference}  {counts}"
        )
    print("BENCH-RESULT " + json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
