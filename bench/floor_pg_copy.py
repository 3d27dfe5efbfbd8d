#!/usr/bin/env python3
"""Floor for the PostgreSQL target: COPY the export's CSV files as they are into all-text
tables, in one transaction (as chartshift's run is).

    .venv/bin/python bench/floor_pg_copy.py DATA_DIR postgresql://user@host:port/db

Each file is streamed unchanged to `COPY ... FROM STDIN (FORMAT csv, HEADER true,
ENCODING 'WIN1252' | 'UTF8')`: the server transcodes cp1252; a BOM sits in the skipped
header line.  PostgreSQL 15's COPY has no way to skip a malformed record (ON_ERROR
arrived in 17), so PATIENTS.csv alone goes through Python's csv module to drop its two
records with the wrong field count; that pass is reported as its own phase.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import BLOCK, FILES, Phases, emit

PG_ENCODING = {"cp1252": "WIN1252", "utf-8": "UTF8", "utf-8-sig": "UTF8"}


def header(path: Path, enc: str) -> list[str]:
    with open(path, encoding="utf-8-sig" if enc.startswith("utf-8") else enc, newline="") as fh:
        return next(csv.reader(fh))


def main() -> int:
    data, url = Path(sys.argv[1]).resolve(), sys.argv[2]
    import psycopg

    ph = Phases()
    rows = {}
    with psycopg.connect(url, autocommit=False) as conn, conn.cursor() as cur:
        for table, (name, enc) in FILES.items():
            path = data / name
            cols = header(path, enc)
            cur.execute(f'CREATE TABLE "{table}" ({", ".join(f"{chr(34)}{c}{chr(34)} text" for c in cols)})')
            opts = f"FORMAT csv, HEADER true, ENCODING '{PG_ENCODING[enc]}'"
            with cur.copy(f'COPY "{table}" FROM STDIN ({opts})') as copy:
                if table == "patients":
                    t = ph.last
                    with open(path, encoding=enc, newline="") as fh:
                        buf = io.StringIO()
                        w = csv.writer(buf, lineterminator="\r\n")
                        for rec in csv.reader(fh):
                            if len(rec) == len(cols):
                                w.writerow(rec)
                    payload = buf.getvalue().encode(enc)
                    ph.mark("copy")
                    ph.items["python csv pass (patients)"] = round(ph.last - t, 4)
                    ph.items["copy"] = round(ph.items["copy"] - ph.items["python csv pass (patients)"], 4)
                    copy.write(payload)
                else:
                    with open(path, "rb") as fh:
                        while block := fh.read(BLOCK):
                            copy.write(block)
            rows[table] = cur.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            ph.mark("copy")
        conn.commit()
        ph.mark("commit")
    emit({"rows": rows, "phases": ph.items})
    return 0


if __name__ == "__main__":
    sys.exit(main())
