#!/usr/bin/env python3
"""How close is `chartshift plan` to the real run?  Issue 4's check: the estimate from a
2 % sample against the full run, on the demo export.

    .venv/bin/python bench/plan_accuracy.py --patients 10000 --plans 10 --runs 3

For each size: `--runs` full `chartshift run`s on a fresh DuckDB file, then `--plans`
plans (seeds 1, 2, ...: a different 2 % sample each), then `--runs` full runs again.
Both are the real commands in their own processes, as an engineer would type them.  The
plan's estimate is compared with

- the median wall time of the `chartshift run` commands (what the cutover window has to
  hold: interpreter start, spec load, migration, report), and
- its migration part (estimate minus the measured startup) with the median
  `duration_seconds` of the run reports (the migration alone).

Prints a markdown table (for docs/SAMPLING.md) and writes the raw figures as JSON next to
the demo export (CHARTSHIFT_BENCH_DIR, default /tmp/chartshift-bench).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from common import PY, ROOT, bench_dir, ensure_data  # noqa: E402

SPEC = ROOT / "specs" / "demo_clinic.mig"
WINDOW = "Fri 18:00..Mon 06:00"
LIMIT = 0.30  # issue 4: within +-30 %


def chartshift(*args: str) -> subprocess.CompletedProcess:
    exe = ROOT / ".venv" / "bin" / "chartshift"
    cmd = [str(exe)] if exe.exists() else [PY, "-m", "compiler.cli.main"]
    return subprocess.run(cmd + list(args), cwd=ROOT, capture_output=True, text=True)


def full_run(data: Path, work: Path) -> dict:
    target, report = work / "full.duckdb", work / "report.json"
    target.unlink(missing_ok=True)
    t = time.perf_counter()
    res = chartshift(
        "run",
        str(SPEC),
        "--source",
        str(data),
        "--target",
        f"duckdb:///{target}",
        "--report",
        str(report),
        "--audit",
        str(work / "audit.jsonl"),
    )
    wall = time.perf_counter() - t
    if res.returncode != 0:
        raise SystemExit(f"plan_accuracy: run failed ({res.returncode}): {res.stderr.strip()[-500:]}")
    return {"wall": wall, "duration": json.loads(report.read_text())["duration_seconds"]}


def one_plan(data: Path, work: Path, seed: int, percent: float) -> dict:
    out = work / f"plan-{seed}.json"
    res = chartshift(
        "plan",
        str(SPEC),
        "--source",
        str(data),
        "--window",
        WINDOW,
        "--seed",
        str(seed),
        "--sample-percent",
        str(percent),
        "--json",
        str(out),
    )
    if res.returncode not in (0, 1):
        raise SystemExit(f"plan_accuracy: plan failed ({res.returncode}): {res.stderr.strip()[-500:]}")
    p = json.loads(out.read_text())
    return {
        k: p[k]
        for k in ("estimate_seconds", "startup_seconds", "migration_seconds", "low_seconds", "high_seconds", "rounds", "planning_seconds")
    } | {"seed": seed}


def measure(patients: int, plans: int, runs: int, percent: float, data_seed: int) -> dict:
    data = ensure_data(patients, data_seed)
    with tempfile.TemporaryDirectory(prefix="plan-accuracy-", dir=bench_dir()) as tmp:
        work = Path(tmp)
        before = [full_run(data, work) for _ in range(runs)]
        estimates = []
        for seed in range(1, plans + 1):
            estimates.append(one_plan(data, work, seed, percent))
            print(f"  {patients:,} patients, plan seed {seed}: {estimates[-1]['estimate_seconds']:.2f} s", file=sys.stderr)
        after = [full_run(data, work) for _ in range(runs)]
    full = before + after
    wall = statistics.median(r["wall"] for r in full)
    duration = statistics.median(r["duration"] for r in full)
    for e in estimates:
        e["error_vs_wall"] = e["estimate_seconds"] / wall - 1
        e["error_vs_duration"] = e["migration_seconds"] / duration - 1
        e["range_holds_wall"] = e["low_seconds"] <= wall <= e["high_seconds"]
    return {
        "patients": patients,
        "data_seed": data_seed,
        "percent": percent,
        "full_runs": full,
        "median_wall": wall,
        "median_duration": duration,
        "plans": estimates,
        "loadavg": os.getloadavg(),
    }


def table(results: list[dict]) -> str:
    lines = [
        "| patients | full run: command wall (median) | of which migration (`duration_seconds`) | plan (seed) | estimate | startup + migration | range | error vs wall | error of the migration part | rounds | plan took |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        for e in r["plans"]:
            lines.append(
                f"| {r['patients']:,} | {r['median_wall']:.2f} s | {r['median_duration']:.2f} s | {e['seed']} | "
                f"{e['estimate_seconds']:.2f} s | {e['startup_seconds']:.2f} + {e['migration_seconds']:.2f} s | "
                f"{e['low_seconds']:.2f}–{e['high_seconds']:.2f} s | {e['error_vs_wall']:+.0%} | "
                f"{e['error_vs_duration']:+.0%} | {e['rounds']} | {e['planning_seconds']:.1f} s |"
            )
    return "\n".join(lines)


def summary(r: dict) -> str:
    errs = [e["error_vs_wall"] for e in r["plans"]]
    mig = [e["error_vs_duration"] for e in r["plans"]]
    inside = sum(abs(x) <= LIMIT for x in errs)
    return (
        f"{r['patients']:,} patients: full run {r['median_wall']:.2f} s (command wall, median of "
        f"{len(r['full_runs'])}; migration {r['median_duration']:.2f} s); {len(errs)} plans, errors vs wall "
        f"{min(errs):+.0%} .. {max(errs):+.0%} (median {statistics.median(errs):+.0%}), {inside}/{len(errs)} within "
        f"+-{LIMIT:.0%}; migration part {min(mig):+.0%} .. {max(mig):+.0%}; range held the wall time in "
        f"{sum(e['range_holds_wall'] for e in r['plans'])}/{len(errs)}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--patients", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--plans", type=int, default=5, help="plans per size (seeds 1..N)")
    ap.add_argument("--runs", type=int, default=2, help="full runs before and again after the plans")
    ap.add_argument("--sample-percent", type=float, default=2.0)
    ap.add_argument("--data-seed", type=int, default=42)
    ap.add_argument("--json", help="write the raw figures here as well")
    args = ap.parse_args()
    results = [measure(n, args.plans, args.runs, args.sample_percent, args.data_seed) for n in args.patients]
    print(table(results))
    print()
    for r in results:
        print(summary(r))
    out = Path(args.json) if args.json else bench_dir() / f"plan-accuracy-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"raw figures: {out}", file=sys.stderr)
    worst = max(abs(e["error_vs_wall"]) for r in results for e in r["plans"])
    return 0 if worst <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
