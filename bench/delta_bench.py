#!/usr/bin/env python3
"""Delta runs (issue 15, item 8): a full run against a 1 % delta extract applied to it.

    .venv/bin/python bench/delta_bench.py                          # 100,000 patients, DuckDB and PostgreSQL, 1 rep
    .venv/bin/python bench/delta_bench.py --patients 2000 --engines duckdb --no-write
    .venv/bin/python bench/delta_bench.py --smoke                  # 300 patients, both engines, no RESULTS.md

Generates `chartshift demo-data DIR --patients N --seed S --deltas 1` once (cached under
$CHARTSHIFT_BENCH_DIR, default /tmp/chartshift-bench), writes the demo spec with a
`delta flag` / `delta timestamp` on every source table (the demo extracts carry
`change_flag` 1/2/3 and `changed_at`; `auths` keyed by its crosswalk's three columns;
patients `on removed delete children keep`: the extract removes the children itself), then
per engine and repetition, each as its own `chartshift run` process (start-up included):
the full run of `full/` into a fresh target, then `--delta` of `delta_1/` into it.  Reports
wall time of each, the ratio delta / full (goal <= 0.10), and checks the delta report's
accounting and both runs' exit codes.  `--steps` also prints where each run's time goes
(bench/profile_run.py's per-script attribution, in-process).  Rewrites the "Delta runs"
section of bench/RESULTS.md unless --no-write or --smoke.  Exit 1 on any failure.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
from common import PY, bench_dir  # noqa: E402

RESULTS = BENCH / "RESULTS.md"
SECTION = "## Delta runs: full run against a 1 % delta (issue 15)"
SPEC = ROOT / "specs" / "demo_clinic.mig"
GOAL = 0.10
FLAG = "    delta flag change_flag (new = 1, modified = 2, removed = 3)\n    delta timestamp changed_at\n"


def flagged_spec(out: Path) -> Path:
    """The demo spec with every source table flagged (the demo extracts' columns)."""
    text = SPEC.read_text(encoding="utf-8").replace('source legacy csv "../demo"', 'source legacy csv "data"')
    text = text.replace('table auths "AUTHS.csv" {', 'table auths "AUTHS.csv" key (case_no, auth_no, start_date) {')
    head, rest = text.split("\nsource legacy", 1)
    body, tail = rest.split("\n}\n", 1)
    body = re.sub(r"\n  \}(?=\n|$)", "\n" + FLAG.rstrip("\n") + "\n  }", body)
    text = head + "\nsource legacy" + body + "\n}\n" + tail
    text = text.replace("    keep first by pat_no\n}", "    keep first by pat_no\n  on removed delete children keep\n}", 1)
    out.mkdir(parents=True, exist_ok=True)
    spec = out / "demo_clinic_delta.mig"
    spec.write_text(text, encoding="utf-8")
    shutil.copytree(SPEC.parent / "lookups", out / "lookups", dirs_exist_ok=True)
    return spec


def ensure_deltas(patients: int, seed: int) -> Path:
    """DIR/full, DIR/delta_1, DIR/final for (patients, seed), generated once and cached."""
    base = bench_dir()
    base.mkdir(parents=True, exist_ok=True)
    data = base / f"demo-deltas-{patients}-s{seed}"
    if (data / "delta_1" / "extract.json").exists():
        return data
    tmp = base / f".tmp-{data.name}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    t = time.perf_counter()
    cmd = [PY, "-m", "compiler.cli.main", "demo-data", str(tmp), "--patients", str(patients), "--seed", str(seed), "--deltas", "1"]
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit(f"bench: demo-data failed ({res.returncode}):\n{res.stderr}")
    shutil.rmtree(data, ignore_errors=True)
    tmp.rename(data)
    print(f"generated {patients:,} patients with 1 delta in {time.perf_counter() - t:.1f} s -> {data}", file=sys.stderr)
    return data


def psql(url: str, sql: str) -> None:
    res = subprocess.run(["psql", f"{url}/postgres", "-v", "ON_ERROR_STOP=1", "-qAtc", sql], capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(f"psql: {res.stderr.strip()}")


def chartshift() -> list[str]:
    exe = ROOT / ".venv" / "bin" / "chartshift"
    return [str(exe)] if exe.exists() else [PY, "-m", "compiler.cli.main"]


def timed_run(args: list[str], report: Path) -> tuple[float, int, dict]:
    t = time.perf_counter()
    # --commit-on-fail: a small export fails the demo's reject-rate thresholds (exit 1); the
    # delta needs the full load in the target all the same
    cmd = chartshift() + ["run", *args, "--report", str(report), "--commit-on-fail"]
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t
    try:
        rep = json.loads(report.read_text())
    except (OSError, ValueError):
        rep = {}
        sys.stderr.write(res.stderr[-2000:])
    return wall, res.returncode, rep


TERMS = ("inserted", "updated", "deleted", "unchanged", "rejected", "filtered", "merged")


def check_delta(rep: dict, truth: dict) -> list[str]:
    """The delta report's accounting (each map balanced), against delta_1/truth.json's `changes`."""
    delta = rep.get("delta") or {}
    out = [] if delta.get("status") == "applied" else [f"delta status {delta.get('status')!r}"]
    want = truth.get("changes", {})
    for m in delta.get("maps", []):
        if sum(m[k] for k in TERMS) != m["delta_rows"]:
            out.append(f"{m['map']}: delta rows {m['delta_rows']} != the sum of its terms")
        w = want.get(m["map"].split(" -> ", 1)[-1])
        if w is not None and any(m[k] != w[k] for k in ("delta_rows", *TERMS)):
            got = {k: m[k] for k in ("delta_rows", *TERMS) if m[k] != w[k]}
            out.append(f"{m['map']}: {got}, truth { ({k: w[k] for k in got}) }")
    return out


def steps(spec: Path, data: Path, target: str) -> str:
    """Per-script attribution of both runs (in-process, bench/profile_run.py)."""
    out = []
    for kind, folder, extra in (("full", "full", []), ("delta", "delta_1", ["--delta"])):
        cmd = [PY, str(BENCH / "profile_run.py"), str(data / folder), "--spec", str(spec), "--target", target, "--top", "8", *extra]
        res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        text = res.stdout.split("\ntop", 1)[0]
        out.append(f"{kind}:\n{text}")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--patients", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--reps", type=int, default=1)
    ap.add_argument("--engines", default="duckdb,postgres")
    ap.add_argument("--pg", default=os.environ.get("CHARTSHIFT_BENCH_PG", "postgresql://postgres@127.0.0.1:5432"))
    ap.add_argument("--smoke", action="store_true", help="300 patients, 1 rep, no RESULTS.md")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--steps", action="store_true", help="also print each run's time per script (in-process)")
    args = ap.parse_args()
    if args.smoke:
        args.patients, args.reps, args.no_write = 300, 1, True
    data = ensure_deltas(args.patients, args.seed)
    work = bench_dir() / f"delta-work-{os.getpid()}"
    spec = flagged_spec(work)
    truth = json.loads((data / "delta_1" / "truth.json").read_text())
    failures: list[str] = []
    results: dict[str, dict[str, list[float]]] = {}
    started = datetime.now(UTC).replace(microsecond=0).isoformat()
    attribution: dict[str, str] = {}
    try:
        for engine in args.engines.split(","):
            for rep in range(args.reps):
                db = f"csdelta_{os.getpid()}_{rep}"
                if engine == "duckdb":
                    target = f"duckdb:///{work / db}.duckdb"
                else:
                    psql(args.pg, f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
                    psql(args.pg, f'CREATE DATABASE "{db}"')
                    target = f"{args.pg}/{db}"
                try:
                    full, rc1, _ = timed_run([str(spec), "--source", str(data / "full"), "--target", target], work / "full.json")
                    dt, rc2, rep_d = timed_run(
                        [str(spec), "--source", str(data / "delta_1"), "--target", target, "--delta"], work / "delta.json"
                    )
                    for rc, what in ((rc1, "full"), (rc2, "delta")):
                        if rc not in (0, 1):  # 1: a `fail` threshold (small exports); the counts are checked
                            failures.append(f"{engine} {what} run: exit code {rc}")
                    failures += [f"{engine}: {d}" for d in check_delta(rep_d, truth)]
                    r = results.setdefault(engine, {"full": [], "delta": []})
                    r["full"].append(full)
                    r["delta"].append(dt)
                    print(f"{engine} rep {rep + 1}: full {full:.2f} s, delta {dt:.2f} s, ratio {dt / full:.3f}", file=sys.stderr)
                    if args.steps and rep == 0:
                        if engine == "duckdb":
                            (work / f"{db}.duckdb").unlink(missing_ok=True)
                        attribution[engine] = steps(spec, data, target)
                        print(attribution[engine], file=sys.stderr)
                finally:
                    if engine != "duckdb":
                        psql(args.pg, f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rows = []
    for engine, r in results.items():
        full, dt = statistics.median(r["full"]), statistics.median(r["delta"])
        ratio = dt / full
        rows.append(f"| {engine} | {full:.2f} | {dt:.2f} | {ratio:.3f} | {'met' if ratio <= GOAL else 'missed'} |")
    changed = sum(f["records"] for f in truth.get("files", {}).values())
    full_rows = sum(f["records"] for f in json.loads((data / "full" / "truth.json").read_text()).get("files", {}).values())
    text = "\n".join(
        [
            SECTION,
            "",
            f"{started}, {args.patients:,} patients (seed {args.seed}), one delta extract"
            + f" of {changed:,} changed rows ({100 * changed / max(full_rows, 1):.1f} % of the {full_rows:,} rows of the full export)"
            + f", median of {args.reps} repetition(s); each run is one `chartshift run` process.",
            f"Reproduce: `.venv/bin/python bench/delta_bench.py --patients {args.patients} --reps {args.reps} --steps`.",
            "",
            "| engine | full run (s) | delta run (s) | delta / full | goal <= 0.10 |",
            "|---|---|---|---|---|",
            *rows,
            "",
            *[f"Where the time goes ({e}):\n\n```\n{a}\n```\n" for e, a in attribution.items()],
        ]
    )
    print(text)
    if failures:
        print("FAILURES:\n  " + "\n  ".join(failures), file=sys.stderr)
    if not args.no_write and not failures:
        write_section(text)
    return 1 if failures else 0


def write_section(text: str) -> None:
    old = RESULTS.read_text(encoding="utf-8")
    start = old.find(SECTION)
    if start < 0:
        RESULTS.write_text(old.rstrip("\n") + "\n\n" + text.rstrip("\n") + "\n", encoding="utf-8")
        return
    end = old.find("\n## ", start + len(SECTION))
    RESULTS.write_text(old[:start] + text.rstrip("\n") + "\n" + (old[end:] if end >= 0 else ""), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
