#!/usr/bin/env python3
"""chartshift's staging alone: what `chartshift run` does before the first map — the
setup script, then the engine's stage() for every source file — and a commit.

    .venv/bin/python bench/stage_only.py DATA_DIR TARGET_URL [--spec specs/demo_clinic.mig]

Mirrors compiler/run.py (same calls, same order); only the generated map, reconcile and
validate scripts are left out.  Prints rows staged and malformed per file.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, Phases, emit

sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("url")
    ap.add_argument("--spec", default=str(ROOT / "specs" / "demo_clinic.mig"))
    args = ap.parse_args()

    from compiler.emit.render import render_statements
    from compiler.pipeline import load
    from compiler.plan.steps import stage_table
    from compiler.runtime.engines import open_engine
    from compiler.runtime.staging import source_files
    from compiler.sqlgen.scripts import SqlGen
    from compiler.sqlgen.statements import REJECTS

    ph = Phases()
    compiled = load(args.spec)
    engine = open_engine(args.url)
    gen = SqlGen(compiled.checked, engine.dialect)
    setup = gen.scripts()[0]
    ph.mark("compile")
    workdir = Path(tempfile.mkdtemp(prefix="cs-bench-stage-"))
    try:
        engine.begin()
        for st in render_statements(setup, engine.dialect):
            engine.execute(st.text)
        ph.mark("setup")
        stages = [
            engine.stage(sf, workdir, gen.tbl(*stage_table(sf.qualified)), gen.tbl(*REJECTS, building=True), gen.traits)
            for sf in source_files(compiled.spec, args.data.resolve(), compiled.path.parent)
        ]
        ph.mark("stage")
        engine.commit()
        ph.mark("commit")
    finally:
        engine.close()
        shutil.rmtree(workdir, ignore_errors=True)
    ph.mark("close")
    emit({"rows": {s.qualified: s.staged for s in stages}, "malformed": {s.qualified: s.malformed for s in stages}, "phases": ph.items})
    return 0


if __name__ == "__main__":
    sys.exit(main())
