#!/usr/bin/env python3
"""Floor for the DuckDB target: load the export's CSV files into tables as they are (every
column text, no transforms) in a fresh DuckDB file.

    .venv/bin/python bench/floor_duckdb.py DATA_DIR OUT.duckdb

DuckDB 2.0.1 cannot read cp1252, and its `encoding = 'latin-1'` reader refuses these
files ("File is not latin-1 encoded": byte 0x92, cp1252's right single quote, is a C1
control in latin-1), so the cp1252 files are transcoded to UTF-8 first, streamed in
Python exactly as chartshift does; that step is inside the measurement and reported as
its own phase.  Malformed lines are skipped (ignore_errors), as a plain load would.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import FILES, Phases, emit, utf8_folder


def main() -> int:
    data, out = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    import duckdb

    ph = Phases()
    tmp = Path(tempfile.mkdtemp(prefix="cs-bench-floor-"))
    try:
        folder = utf8_folder(data, tmp)
        ph.mark("transcode cp1252")
        if out.exists():
            out.unlink()
        con = duckdb.connect(str(out))
        rows = {}
        for table, (name, _enc) in FILES.items():
            path = str(folder / name).replace("'", "''")
            con.execute(
                f"CREATE TABLE {table} AS SELECT * FROM read_csv('{path}', header = true, all_varchar = true, "
                f"ignore_errors = true, max_line_size = 16777216)"
            )
            rows[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        ph.mark("read_csv")
        con.close()
        ph.mark("close")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    emit({"rows": rows, "phases": ph.items})
    return 0


if __name__ == "__main__":
    sys.exit(main())
