#!/usr/bin/env python3
"""Per-statement profile of one `chartshift run`: wall time of every staged file and every
generated statement, and the process's peak RSS (VmHWM) after each.

    .venv/bin/python bench/profile_run.py DATA_DIR [--target URL] [--top 25] [--json OUT] [--delta]

It calls compiler.runtime.run.run() exactly as the CLI does; only the engine object is wrapped
(timing around stage/execute/query) and render_statements is observed to label each
statement with its spec line and comment.  No compiler code is changed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def vm_hwm_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def operators(node, out: list) -> None:
    if isinstance(node, list):
        for n in node:
            operators(n, out)
        return
    if "operator" in node and "name" not in node:  # DuckDB 2.0 layout: {"query": ..., "operator": [tree]}
        operators(node["operator"], out)
        return
    name = node.get("operator_name") or node.get("name") or node.get("operator_type") or "?"
    t = node.get("operator_timing", node.get("timing", 0.0)) or 0.0
    extra = node.get("extra_info") or {}
    detail = ""
    if isinstance(extra, dict):
        for k in (
            "Join Type",
            "Conditions",
            "Groups",
            "Order By",
            "Partition By",
            "CTE Name",
            "Table",
            "Function",
            "Aggregates",
            "Projections",
        ):
            if k in extra:
                v = extra[k]
                detail = f"{k}: {v if isinstance(v, str) else ', '.join(map(str, v))}"
                break
    card = node.get("operator_cardinality", node.get("cardinality", node.get("intermediate_rows")))
    out.append((float(t), name.strip(), detail.replace("\n", " ")[:110], card))
    for ch in node.get("children", []):
        operators(ch, out)


def summarise_profiles(folder: Path, profiles: dict[int, str], rows: list[dict], top: int) -> None:
    timed = sorted(((r["seconds"], i) for i, r in enumerate(rows) if i in profiles), reverse=True)[:8]
    print("\nDuckDB operators of the slowest statements (operator time, rows out):")
    for secs, i in timed:
        f = folder / f"{i:03d}.json"
        if not f.exists():
            continue
        ops: list = []
        try:
            operators(json.loads(f.read_text()), ops)
        except ValueError:
            continue
        print(f"  {secs:6.2f} s  {profiles[i][:120]}")
        for t, name, detail, card in sorted(ops, reverse=True)[:6]:
            print(f"           {t:6.2f} s  {name:<22} rows {card if card is not None else '?':>9}  {detail}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--spec", default=str(ROOT / "specs" / "demo_clinic.mig"))
    ap.add_argument("--target")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--json")
    ap.add_argument("--delta", action="store_true", help="apply DATA_DIR as a delta extract to --target (`run --delta --force`)")
    ap.add_argument(
        "--no-xwalk-pk",
        action="store_true",
        help="experiment: create the chartshift.xwalk__* tables without their PRIMARY KEY (legacy_key) (an ART "
        "index on text that DuckDB must keep in memory inside the run's transaction)",
    )
    ap.add_argument(
        "--duckdb-setting",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="experiment: a DuckDB setting applied right after chartshift opens the target "
        "(e.g. memory_limit=1GB, temp_directory=/tmp/x, preserve_insertion_order=false)",
    )
    ap.add_argument(
        "--duckdb-profile",
        type=Path,
        help="folder: DuckDB's detailed JSON profile of every statement (EXPLAIN ANALYZE data) "
        "and a summary of the most expensive operators of the slowest statements",
    )
    args = ap.parse_args()

    import compiler.runtime.run as runmod
    from compiler.pipeline import load

    labels: dict[str, str] = {}
    real_render = runmod.render_statements

    def render(script, dialect):
        t = time.perf_counter()
        out = real_render(script, dialect)
        rows.append(
            {
                "kind": "render",
                "label": f"render {script.name} (sqlglot -> SQL text)",
                "seconds": time.perf_counter() - t,
                "hwm_mb": vm_hwm_mb(),
            }
        )
        for st in out:
            labels.setdefault(st.text, f"{script.name}: {st.origin}{st.comment}")
        return out

    rows: list[dict] = []
    profiles: dict[int, str] = {}
    in_flight = ["?"]
    if args.duckdb_profile:
        args.duckdb_profile.mkdir(parents=True, exist_ok=True)

    class Timed:
        def __init__(self, inner):
            self.inner = inner

        def __getattr__(self, name):
            return getattr(self.inner, name)

        def _t(self, kind, label, fn, *a):
            if kind not in ("close", "commit"):
                in_flight[0] = label
            t = time.perf_counter()
            try:
                return fn(*a)
            finally:
                rows.append({"kind": kind, "label": label, "seconds": time.perf_counter() - t, "hwm_mb": vm_hwm_mb()})

        def execute(self, sql):
            label = labels.get(sql, sql.split("\n", 1)[0][:100])
            if args.no_xwalk_pk and '"chartshift"."xwalk__' in sql and sql.lstrip().startswith("CREATE TABLE"):
                sql = re.sub(r',\s*PRIMARY KEY \("legacy_key"\)', "", sql)
            if args.duckdb_profile and hasattr(self.inner, "con"):
                n = len(rows)
                self.inner.con.execute(f"SET profiling_output = '{args.duckdb_profile}/{n:03d}.json'")
                profiles[n] = label
            return self._t("execute", label, self.inner.execute, sql)

        def query(self, sql):
            return self._t("query", labels.get(sql, sql.split("\n", 1)[0][:100]), self.inner.query, sql)

        def commit(self):
            return self._t("commit", "COMMIT (engine.commit)", self.inner.commit)

        def close(self):
            return self._t("close", "close (engine.close: checkpoint)", self.inner.close)

        def stage(self, sf, *a):
            return self._t("stage", f"stage {sf.qualified} ({sf.path.name}, {sf.encoding})", self.inner.stage, sf, *a)

    real_open = runmod.open_engine

    def opener(url):
        eng = real_open(url)
        for kv in args.duckdb_setting:
            k, v = kv.split("=", 1)
            eng.con.execute(f"SET {k} = '{v}'")
        if args.duckdb_profile and hasattr(eng, "con"):
            eng.con.execute("SET enable_profiling = 'json'")
            eng.con.execute("SET profiling_coverage = 'ALL'")
            eng.con.execute("SET profiling_mode = 'detailed'")
        return Timed(eng)

    runmod.open_engine = opener
    runmod.render_statements = render

    tmp = None
    target = args.target
    if not target:
        tmp = tempfile.mkdtemp(prefix="chartshift-prof-")
        target = f"duckdb:///{tmp}/prof.duckdb"
    t0 = time.perf_counter()
    compiled = load(args.spec)
    t_load = time.perf_counter() - t0
    try:
        report = runmod.run(compiled, Path(args.data), target, delta=args.delta, force=args.delta)
    except Exception as exc:
        print(
            f"run failed after {time.perf_counter() - t0:.1f} s, peak RSS {vm_hwm_mb():.0f} MiB: {exc}\n  failing statement: {in_flight[0]}"
        )
        for r in sorted(rows, key=lambda r: -r["seconds"])[: args.top]:
            print(f"  {r['seconds']:7.2f} s  hwm {r['hwm_mb']:6.0f} MiB  {r['label'][:150]}")
        return 1
    total = time.perf_counter() - t0
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import compare_maps, load_truth

    if not args.delta:  # a delta's truth.json holds its changes, not the whole target's counts
        diffs = compare_maps({m.target: m.__dict__ for m in report.maps}, load_truth(Path(args.data)))
        print("counts vs truth.json:", "identical" if not diffs else "; ".join(diffs[:5]))
    accounted = sum(r["seconds"] for r in rows)
    print(
        f"total {total:.2f} s (spec load {t_load:.2f} s, engine calls {accounted:.2f} s, rest {total - t_load - accounted:.2f} s); "
        f"peak RSS {vm_hwm_mb():.0f} MiB; status {report.status}"
    )
    by_script: dict[str, float] = {}
    for r in rows:
        key = {"stage": "staging", "render": "rendering SQL (sqlglot)", "commit": "commit", "close": "close"}.get(r["kind"]) or r[
            "label"
        ].split(":", 1)[0]
        by_script[key] = by_script.get(key, 0.0) + r["seconds"]
    print("\nby script:")
    for k, v in sorted(by_script.items(), key=lambda kv: -kv[1]):
        print(f"  {v:7.2f} s  {k}")
    print(f"\ntop {args.top} statements:")
    for r in sorted(rows, key=lambda r: -r["seconds"])[: args.top]:
        print(f"  {r['seconds']:7.2f} s  hwm {r['hwm_mb']:6.0f} MiB  {r['label'][:150]}")
    if args.duckdb_profile:
        summarise_profiles(args.duckdb_profile, profiles, rows, args.top)
    if args.json:
        Path(args.json).write_text(json.dumps({"total": total, "rows": rows}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
