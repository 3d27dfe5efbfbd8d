#!/usr/bin/env python3
"""pgloader loading the export's CSV files into PostgreSQL with type casts.

    .venv/bin/python bench/pgloader_load.py DATA_DIR postgresql://user@host:port/db

Writes one LOAD CSV command per file (typed target tables created in BEFORE LOAD:
integer ids, counts and units, MM/DD/YYYY dates parsed to `date`; the dirty text —
patients' dates, amounts, codes — stays text) and runs them all in one `pgloader`
process.  pgloader reads cp1252 itself (`WITH ENCODING cp1252`), skips the header, and
sends records it cannot load (the two malformed PATIENTS lines) to its reject files.
Exits 3 when pgloader is not installed; checks the row counts it loaded.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import FILES, Phases, emit

DATE = "[date format 'MM/DD/YYYY', null if blanks]"
# table -> [(column, pg type, pgloader field option)]
SCHEMA: dict[str, list[tuple[str, str, str]]] = {
    "providers": [("prov_id", "text", ""), ("name", "text", ""), ("credential", "text", ""), ("npi", "text", "")],
    "payers": [("payer_id", "text", ""), ("payer_name", "text", ""), ("payer_type", "text", "")],
    "patients": [
        (c, "text", "")
        for c in (
            "pat_no",
            "last_name",
            "first_name",
            "middle_initial",
            "dob",
            "sex",
            "ssn",
            "address1",
            "city",
            "state",
            "zip",
            "home_phone",
            "email",
            "status",
        )
    ],
    "policies": [
        ("policy_id", "bigint", ""),
        ("pat_no", "text", ""),
        ("payer_id", "text", ""),
        ("member_id", "text", ""),
        ("group_no", "text", ""),
        ("priority", "integer", "[null if blanks]"),
        ("eff_date", "date", DATE),
        ("term_date", "date", DATE),
    ],
    "cases": [
        ("case_no", "text", ""),
        ("pat_no", "text", ""),
        ("therapist_id", "text", ""),
        ("referring_physician", "text", ""),
        ("referring_npi", "text", ""),
        ("injury_date", "date", DATE),
        ("eval_date", "date", DATE),
        ("dx1", "text", ""),
        ("dx2", "text", ""),
        ("dx3", "text", ""),
        ("dx4", "text", ""),
    ],
    "auths": [
        ("auth_no", "text", ""),
        ("case_no", "text", ""),
        ("visits_authorized", "integer", "[null if blanks]"),
        ("start_date", "date", DATE),
        ("end_date", "date", DATE),
    ],
    "visits": [
        ("visit_id", "bigint", ""),
        ("case_no", "text", ""),
        ("pat_no", "text", ""),
        ("prov_id", "text", ""),
        ("dos", "date", DATE),
        ("status", "text", ""),
    ]
    + [
        c
        for n in (1, 2, 3)
        for c in (
            (f"cpt{n}", "text", ""),
            (f"units{n}", "integer", "[null if blanks]"),
            (f"mod{n}", "text", ""),
            (f"amount{n}", "text", ""),
        )
    ],
    "notes": [("note_id", "bigint", ""), ("visit_id", "bigint", "[null if blanks]"), ("note_type", "text", ""), ("note_text", "text", "")],
}
PGLOADER_ENCODING = {"cp1252": "cp1252", "utf-8": "utf-8", "utf-8-sig": "utf-8"}


def command(table: str, path: Path, enc: str, url: str) -> str:
    cols = SCHEMA[table]
    fields = ",\n        ".join(f"{c} {opt}".rstrip() for c, _t, opt in cols)
    ddl = ", ".join(f"{c} {t}" for c, t, _o in cols)
    return f"""LOAD CSV
   FROM '{path}' WITH ENCODING {PGLOADER_ENCODING[enc]}
   (
        {fields}
   )
   INTO {url}
   TARGET TABLE {table}
   WITH skip header = 1,
        fields optionally enclosed by '"',
        fields escaped by double-quote,
        fields terminated by ','
   BEFORE LOAD DO
   $$ DROP TABLE IF EXISTS {table}; $$,
   $$ CREATE TABLE {table} ({ddl}); $$;
"""


def main() -> int:
    data, url = Path(sys.argv[1]).resolve(), sys.argv[2]
    exe = shutil.which("pgloader")
    if not exe:
        print("pgloader is not installed", file=sys.stderr)
        return 3
    ph = Phases()
    tmp = Path(tempfile.mkdtemp(prefix="cs-bench-pgloader-"))
    try:
        files = []
        for table, (name, enc) in FILES.items():
            f = tmp / f"{table}.load"
            f.write_text(command(table, data / name, enc, url))
            files.append(str(f))
        res = subprocess.run(
            [exe, "--no-ssl-cert-verification", "--root-dir", str(tmp), "--logfile", str(tmp / "pgloader.log"), *files],
            capture_output=True,
            text=True,
        )
        ph.mark("pgloader")
        if res.returncode != 0:
            sys.stderr.write(res.stdout[-4000:] + res.stderr[-4000:])
            return 1
        import psycopg

        with psycopg.connect(url) as conn:
            rows = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in FILES}
        ph.mark("count")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    emit(
        {
            "rows": rows,
            "phases": ph.items,
            "pgloader": subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.splitlines()[0],
        }
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
