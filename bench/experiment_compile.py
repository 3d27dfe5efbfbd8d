#!/usr/bin/env python3
"""What removing the quadratic UNION build in SqlGen.reconcile would buy at compile time.

    .venv/bin/python bench/experiment_compile.py [--tables 200]

Writes the generated wide spec (bench/wide_spec.py), loads it, renders the duckdb
scripts as chartshift does, then again with sqlglot's `exp.union` called with
copy=False from compiler/sqlgen.py only (a patched module facade inside this process:
nothing in compiler/ changes), and checks that both outputs are byte-identical.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT
from wide_spec import write

sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tables", type=int, default=200)
    args = ap.parse_args()
    import sqlglot.expressions as E

    import compiler.sqlgen.scripts as sg
    from compiler.pipeline import load, render_all

    spec = write(Path(tempfile.mkdtemp(prefix="cs-bench-wide-")), args.tables)
    t = time.perf_counter()
    compiled = load(spec)
    print(f"load (parse+build+check)          {time.perf_counter() - t:6.2f} s")
    t = time.perf_counter()
    before = render_all(compiled, "duckdb")
    print(f"render_all duckdb, as is          {time.perf_counter() - t:6.2f} s")

    union = E.union

    class Facade:
        def __getattr__(self, name):
            return getattr(E, name)

        @staticmethod
        def union(*a, **k):
            k["copy"] = False
            return union(*a, **k)

    sg.exp = Facade()
    t = time.perf_counter()
    after = render_all(compiled, "duckdb")
    print(f"render_all duckdb, union no copy  {time.perf_counter() - t:6.2f} s   identical output: {before == after}")
    return 0 if before == after else 1


if __name__ == "__main__":
    sys.exit(main())
