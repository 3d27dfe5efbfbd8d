#!/usr/bin/env python3
"""Per-statement profile of one `chartshift run`: wall time of every staged file and every
generated statement, and the process's peak RSS (VmHWM) after each.

    .venv/bin/python bench/profile_run.py DATA_DIR [--target URL] [--top 25] [--json OUT]

It calls compiler.run.run() exactly as the CLI does; only the engine object is wrapped
(timing around stage/execute/query) and render_statements is observed to label each
statement with its spec line and comment.  No compiler code is changed.
"""

from __future__ import annotations

import argparse
import json
import os
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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--spec", default=str(ROOT / "specs" / "demo_clinic.mig"))
    ap.add_argument("--target")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--json")
    args = ap.parse_args()

    import compiler.run as runmod
    from compiler.pipeline import load

    labels: dict[str, str] = {}
    real_render = runmod.render_statements

    def render(script, dialect):
        t = time.perf_counter()
        out = real_render(script, dialect)
        rows.append({"kind": "render", "label": f"render {script.name} (sqlglot -> SQL text)", "seconds": time.perf_counter() - t, "hwm_mb": vm_hwm_mb()})
        for st in out:
            labels.setdefault(st.text, f"{script.name}: {st.origin}{st.comment}")
        return out

    rows: list[dict] = []

    class Timed:
        def __init__(self, inner):
            self.inner = inner

        def __getattr__(self, name):
            return getattr(self.inner, name)

        def _t(self, kind, label, fn, *a):
            t = time.perf_counter()
            try:
                return fn(*a)
            finally:
                rows.append({"kind": kind, "label": label, "seconds": time.perf_counter() - t, "hwm_mb": vm_hwm_mb()})

        def execute(self, sql):
            return self._t("execute", labels.get(sql, sql.split("\n", 1)[0][:100]), self.inner.execute, sql)

        def query(self, sql):
            return self._t("query", labels.get(sql, sql.split("\n", 1)[0][:100]), self.inner.query, sql)

        def commit(self):
            return self._t("commit", "COMMIT (engine.commit)", self.inner.commit)

        def close(self):
            return self._t("close", "close (engine.close: checkpoint)", self.inner.close)

        def stage(self, sf, *a):
            return self._t("stage", f"stage {sf.qualified} ({sf.path.name}, {sf.encoding})", self.inner.stage, sf, *a)

    real_open = runmod.open_engine
    runmod.open_engine = lambda url: Timed(real_open(url))
    runmod.render_statements = render

    tmp = None
    target = args.target
    if not target:
        tmp = tempfile.mkdtemp(prefix="chartshift-prof-")
        target = f"duckdb:///{tmp}/prof.duckdb"
    t0 = time.perf_counter()
    compiled = load(args.spec)
    t_load = time.perf_counter() - t0
    report = runmod.run(compiled, Path(args.data), target)
    total = time.perf_counter() - t0
    accounted = sum(r["seconds"] for r in rows)
    print(f"total {total:.2f} s (spec load {t_load:.2f} s, engine calls {accounted:.2f} s, rest {total - t_load - accounted:.2f} s); "
          f"peak RSS {vm_hwm_mb():.0f} MiB; status {report.status}")
    by_script: dict[str, float] = {}
    for r in rows:
        key = {"stage": "staging", "render": "rendering SQL (sqlglot)", "commit": "commit", "close": "close"}.get(r["kind"]) or r["label"].split(":", 1)[0]
        by_script[key] = by_script.get(key, 0.0) + r["seconds"]
    print("\nby script:")
    for k, v in sorted(by_script.items(), key=lambda kv: -kv[1]):
        print(f"  {v:7.2f} s  {k}")
    print(f"\ntop {args.top} statements:")
    for r in sorted(rows, key=lambda r: -r["seconds"])[: args.top]:
        print(f"  {r['seconds']:7.2f} s  hwm {r['hwm_mb']:6.0f} MiB  {r['label'][:150]}")
    if args.json:
        Path(args.json).write_text(json.dumps({"total": total, "rows": rows}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
