#!/usr/bin/env python3
"""Merge raw-sample files of several `bench/run` invocations at the same size into one,
so that a section of RESULTS.md can be rendered from workloads run separately (e.g. the
DuckDB workloads and the long PostgreSQL ones at 1,000,000 patients).

    bench/merge_results.py OUT.json A.json B.json ...   # later files win per workload
    bench/run --render-from OUT.json

The merged file keeps every input's commit per workload in machine["commit"] (e.g.
"47f946b (floor_duckdb, chartshift_duckdb); 70e1c65 (pandas)"), the first input's start
time and load average and the last one's end load average (of the inputs whose samples
are kept), so the rendered section says which code produced which row.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from importlib.machinery import SourceFileLoader
from pathlib import Path


def workloads() -> list[str]:
    """The workload names, in bench/run's order (bench/run is a script without .py)."""
    path = Path(__file__).resolve().with_name("run")
    loader = SourceFileLoader("bench_run", str(path))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader("bench_run", loader))
    loader.exec_module(module)
    return [w.name for w in module.ALL]


def merge(files: list[Path]) -> dict:
    docs = [json.loads(f.read_text()) for f in files]
    sizes = {(d["args"]["patients"], d["args"]["seed"]) for d in docs}
    if len(sizes) != 1:
        raise SystemExit(f"merge_results: inputs differ in size or seed: {sorted(sizes)}")
    out = dict(docs[-1])
    out["runs"], out["skipped"], last = {}, {}, {}  # last: workload -> index of the input kept
    for i, d in enumerate(docs):
        for name, samples in d["runs"].items():
            out["runs"][name] = samples
            out["skipped"].pop(name, None)
            last[name] = i
        for name, why in d["skipped"].items():
            if name not in out["runs"]:
                out["skipped"][name] = why
    by_commit: dict[str, list[str]] = {}
    for name, i in last.items():
        by_commit.setdefault(docs[i]["machine"].get("commit", "unknown"), []).append(name)
    out["machine"] = dict(docs[-1]["machine"])
    out["machine"]["commit"] = (
        "; ".join(f"{c} ({', '.join(ns)})" for c, ns in by_commit.items()) if len(by_commit) > 1 else next(iter(by_commit), "unknown")
    )
    kept = [docs[i] for i in sorted(set(last.values()))]
    out["started"], out["load_start"] = kept[0]["started"], kept[0]["load_start"]
    out["load_end"] = kept[-1]["load_end"]
    # a failure counts only from the input whose samples of that workload were kept
    out["failures"] = [f for i, d in enumerate(docs) for f in d.get("failures", []) if last.get(f.split(" ", 1)[0], i) == i]
    args = dict(docs[-1]["args"])
    # the command that reproduces the merged set: one run of everything but what none ran
    args["only"] = None
    args["skip"] = ",".join(w for w in workloads() if w not in out["runs"] and w not in out["skipped"]) or None
    args["reps"] = max(d["args"]["reps"] for d in docs)
    out["args"] = args
    return out


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    out, files = Path(sys.argv[1]), [Path(a) for a in sys.argv[2:]]
    merged = merge(files)
    merged["args"]["json_out"] = str(out)
    out.write_text(json.dumps(merged, indent=1))
    print(f"merged {len(files)} files into {out}: {', '.join(sorted(merged['runs']))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
