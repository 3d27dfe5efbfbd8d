#!/usr/bin/env python3
"""Compile time of a large generated spec: 200 source tables x 10 columns mapped to 200
target tables x 10 columns (2,000 target columns) with a mix of functions, lookups,
crosswalks to the previous entity, `where`, reject rules, dedup and `each`.

    .venv/bin/python bench/wide_spec.py write OUT_DIR [--tables 200]   # write wide.mig (+ lookup CSV)
    .venv/bin/python bench/wide_spec.py time  OUT_DIR [--tables 200]   # write, then time load + render_all in-process

`time` prints the phases (import, parse+build+check = load, generate+render per
dialect) as a BENCH-RESULT line.  The bench driver also times the `chartshift compile`
command on the same spec as a separate process.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, emit

STATUSES = ("active", "inactive", "pending", "closed")


def parent_of(i: int) -> int | None:
    """The entity whose ids a table refers to: the previous one, or the one before when
    the previous map is an `each` map (its crosswalk takes two keys)."""
    if i == 0:
        return None
    return i - 2 if (i - 1) % 5 == 4 else i - 1


def source_table(i: int) -> str:
    parent = f"    parent_no text references t{parent_of(i):03d}.rec_no\n" if i > 0 else "    parent_no text\n"
    enc = '    encoding "cp1252"\n' if i % 7 == 3 else ""
    return (
        f'  table t{i:03d} "T{i:03d}.csv" key rec_no {{\n{enc}'
        f"    rec_no text\n{parent}"
        f"    name text phi\n    code text\n    dt text\n    phone text phi\n    zip text phi\n"
        f"    amount text\n    qty text\n    status text\n  }}\n"
    )


def target_table(i: int) -> str:
    parent = f"    parent_id bigint references e{parent_of(i):03d}.id\n" if i > 0 else "    parent_id bigint\n"
    status_in = ", ".join(f'"{s}"' for s in STATUSES)
    return (
        f"  table e{i:03d} key id {{\n"
        f"    id bigint not null\n{parent}"
        f"    name varchar(100) not null\n    code varchar(10)\n    dt date\n    phone char(10)\n"
        f"    zip varchar(10)\n    amount decimal(10,2)\n    qty integer check (qty between 0 and 1000)\n"
        f"    status varchar(10) not null in ({status_in})\n  }}\n"
    )


def map_block(i: int) -> str:
    kind = i % 5
    parent = f"emr.e{parent_of(i):03d}.crosswalk(parent_no)" if i > 0 else "null"
    name = ("title(trim(name))", "upper(trim(name))", "lower(trim(name))", "trim(name)", 'coalesce(trim(name), "?")')[kind]
    code = (
        "upper(trim(code))",
        'nullif(trim(code), "")',
        "substr(trim(code), 1, 10)",
        'replace(trim(code), ".", "")',
        'case upper(trim(code)) when "X" then null else upper(trim(code)) end',
    )[kind]
    date = (
        'parse_date(dt, "%m/%d/%Y")',
        'parse_date(dt, "%m/%d/%Y", "%Y-%m-%d")',
        'parse_date(nullif(trim(dt), "00/00/0000"), "%Y-%m-%d")',
        'parse_date(dt, "%d-%b-%y")',
        'parse_date(dt, "%Y-%m-%d", "%m/%d/%Y", "%d-%b-%y")',
    )[kind]
    lines = []
    if kind == 4:
        lines.append(f'map legacy.t{i:03d} -> emr.e{i:03d}\n  each q in [qty, amount] when nullif(trim(q), "") is not null\n{{')
        lines.append("  id     = crosswalk(rec_no, each_index)")
        lines.append("  qty    = parse_integer(q)")
    else:
        lines.append(f"map legacy.t{i:03d} -> emr.e{i:03d} {{")
        lines.append("  id     = crosswalk(rec_no)")
        lines.append("  qty    = parse_integer(qty)")
    if kind == 1:
        lines.append('  where coalesce(status, "") <> "D"')
    lines.append(f"  parent_id = {parent}")
    lines.append(f"  name   = {name}")
    lines.append(f"  code   = {code}")
    lines.append(f"  dt     = {date}")
    lines.append("  phone  = us_phone(phone)")
    lines.append("  zip    = us_zip(zip)")
    lines.append("  amount = parse_money(amount)")
    lines.append("  status = " + ("status_code(upper(trim(status)))" if kind in (0, 2, 4) else "wide_status(upper(trim(status)))"))
    lines.append('  reject "missing name" when nullif(trim(t%03d.name), "") is null' % i)
    if i > 0 and kind in (0, 3):
        lines.append('  reject "unknown parent" when parent_id is null')
    if kind == 2:
        lines.append("  dedup on (upper(trim(t%03d.name)), dt) keep first by rec_no" % i)
    lines.append("}\n")
    return "\n".join(lines)


def spec_text(n: int) -> str:
    out = ['migration "wide" {\n  description "generated: %d tables, %d columns"\n  dialect duckdb\n}\n' % (n, 10 * n)]
    out.append('source legacy csv "data" {\n  encoding "utf-8"\n')
    out += [source_table(i) for i in range(n)]
    out.append("}\n\ntarget emr {\n")
    out += [target_table(i) for i in range(n)]
    out.append("}\n\n")
    out.append(
        'lookup status_code {\n  "A", "ACTIVE" -> "active"\n  "I", "INACTIVE" -> "inactive"\n  "P" -> "pending"\n  else -> "closed"\n}\n\n'
    )
    out.append('lookup wide_status from "wide_status.csv" {\n  key   "legacy"\n  value "status"\n  else  "closed"\n}\n\n')
    out += [map_block(i) for i in range(n)]
    checks = []
    for i in range(0, n, 10):
        checks.append(f"  completeness emr.e{i:03d}.dt  warn below 90%")
        checks.append(f"  unique       emr.e{i:03d}.code warn above 0")
        checks.append(f'  valid        emr.e{i:03d}.code matches "^[A-Z0-9]+$"  warn above 1%')
        if i > 0:
            checks.append(f"  references   emr.e{i:03d}.parent_id")
        checks.append(f"  reject_rate  legacy.t{i:03d}  fail above 5%")
    out.append("validate {\n" + "\n".join(checks) + "\n}\n")
    return "".join(out)


def write(out_dir: Path, n: int) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "wide_status.csv").write_text("legacy,status\nACTIVE,active\nA,active\nINACTIVE,inactive\nI,inactive\nPENDING,pending\n")
    spec = out_dir / "wide.mig"
    spec.write_text(spec_text(n))
    return spec


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=("write", "time"))
    ap.add_argument("out", type=Path)
    ap.add_argument("--tables", type=int, default=200)
    ap.add_argument("--dialects", default="duckdb")
    args = ap.parse_args()
    spec = write(args.out, args.tables)
    if args.what == "write":
        print(spec)
        return 0
    t0 = time.perf_counter()
    sys.path.insert(0, str(ROOT))
    from compiler.pipeline import load, render_all

    phases = {"import": time.perf_counter() - t0}
    t = time.perf_counter()
    compiled = load(spec)
    phases["load (parse+build+check)"] = time.perf_counter() - t
    files = 0
    for d in args.dialects.split(","):
        t = time.perf_counter()
        files += len(render_all(compiled, d))
        phases[f"render_all {d}"] = time.perf_counter() - t
    phases = {k: round(v, 4) for k, v in phases.items()}
    emit(
        {
            "phases": phases,
            "compile_seconds": round(sum(v for k, v in phases.items() if k != "import"), 4),
            "tables": args.tables,
            "columns": 10 * args.tables,
            "files": files,
            "spec_bytes": spec.stat().st_size,
        }
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
