"""The small spec of the fault, lock and reject-limit tests (clinic.mig beside this file):
its source folders (`write`), a target's canonical snapshot, `chartshift` in a subprocess.

Each seed gives other rows (names, dates, visits) over overlapping patient numbers, so a
second run changes the target and keeps the ids of the patients both runs know."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

SPEC = Path(__file__).with_name("clinic.mig")


def write(folder: Path, seed: int, patients: int = 12) -> Path:
    """Write patients.csv and visits.csv into `folder` (created); every fifth patient has no
    name (a reject) and one visit in seven names an unknown patient (a reject)."""
    rnd = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    first = seed * 3
    numbers = [f"P{n:04d}" for n in range(first, first + patients)]
    lines = ["pat_no,name,dob"]
    for i, p in enumerate(numbers):
        name = "" if i % 5 == 4 else f"Name{rnd.randrange(1000)} {rnd.choice('ABCDEFG')}"
        lines.append(f"{p},{name},19{rnd.randrange(40, 99)}-0{rnd.randrange(1, 9)}-1{rnd.randrange(0, 9)}")
    (folder / "patients.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["visit_id,pat_no,units"]
    for v in range(patients * 3):
        p = "P9999" if v % 7 == 6 else rnd.choice(numbers)
        lines.append(f"V{seed}{v:05d},{p},{rnd.randrange(1, 5)}")
    (folder / "visits.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def snapshot(url: str) -> dict[str, object]:
    """Canonical row hashes of the published target tables, crosswalks and rejects."""
    from sqlglot import exp

    from compiler.pipeline import load
    from compiler.runtime.engines import engine_class, open_engine
    from compiler.sqlgen.canonical import digest, table_digests
    from compiler.sqlgen.lower import col
    from compiler.sqlgen.scripts import SqlGen
    from compiler.sqlgen.text import sql_text

    dialect = engine_class(url).dialect
    gen = SqlGen(load(SPEC).checked, dialect)
    engine = open_engine(url)
    try:
        out: dict[str, object] = dict(table_digests(engine, gen))
        for name in ("xwalk__emr__patient", "xwalk__emr__visit"):
            q = exp.select(col("legacy_key"), col("target_id"), col("state")).from_(gen.tbl("chartshift", name))
            out[name] = digest(engine.query(sql_text(q, dialect)))
        q = exp.select(col("map"), col("source_key"), col("reason")).from_(gen.tbl("chartshift", "rejects"))
        out["rejects"] = digest(engine.query(sql_text(q, dialect)))
    finally:
        engine.close()
    return out


def cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120, **popen: object) -> subprocess.CompletedProcess[str]:
    """`chartshift ARGS` in a subprocess through the fault launcher (tests/faults.py):
    `env` adds CHARTSHIFT_FAULT and the like."""
    return subprocess.run(
        [sys.executable, "-m", "tests.faults", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        **popen,  # type: ignore[arg-type]
    )


def run_args(source: Path, url: str, *more: str) -> list[str]:
    return ["run", str(SPEC), "--source", str(source), "--target", url, *more]
