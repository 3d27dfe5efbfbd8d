#!/usr/bin/env python3
"""Run bench/handwritten_duckdb.sql on a demo export into a fresh DuckDB file.

    .venv/bin/python bench/handwritten_duckdb.py DATA_DIR OUT.duckdb [--check]

Transcodes the cp1252 files into a temporary folder (DuckDB cannot read cp1252), runs the
SQL in one transaction, then prints the per-target counts; --check compares them with
DATA_DIR/truth.json and exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import BENCH, Phases, compare_maps, emit, load_truth, utf8_folder


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()

    import duckdb

    ph = Phases()
    tmp = Path(tempfile.mkdtemp(prefix="cs-bench-hw-"))
    try:
        folder = utf8_folder(args.data.resolve(), tmp)
        ph.mark("transcode")
        sql = (BENCH / "handwritten_duckdb.sql").read_text().replace("@DATA@", str(folder).replace("'", "''"))
        if args.out.exists():
            args.out.unlink()
        con = duckdb.connect(str(args.out))
        con.execute("BEGIN")
        con.execute(sql)
        con.execute("COMMIT")
        ph.mark("sql")
        counts = {
            r[0]: dict(zip(("source_rows", "loaded", "rejected", "filtered", "merged"), map(int, r[1:])))
            for r in con.execute("SELECT * FROM mig.counts").fetchall()
        }
        for target, reason, n in con.execute("SELECT map, reason, count(*) FROM mig.rejects GROUP BY ALL").fetchall():
            counts[target].setdefault("rejected_by_reason", {})[reason] = int(n)
        for c in counts.values():
            c.setdefault("rejected_by_reason", {})
        con.close()
        ph.mark("close")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    diffs = compare_maps(counts, load_truth(args.data)) if args.check else []
    emit({"maps": counts, "diffs": diffs, "phases": ph.items})
    for d in diffs:
        print("count mismatch:", d, file=sys.stderr)
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
