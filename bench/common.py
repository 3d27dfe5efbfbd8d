"""What the benchmark workloads share: the demo export's files and encodings (docs/DEMO.md),
cp1252 transcoding, and the comparison of per-target counts with truth.json.

Standard library only, so that every workload can import it cheaply."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent

# table -> (file, encoding as Python codec name), as docs/DEMO.md documents the export
FILES: dict[str, tuple[str, str]] = {
    "providers": ("PROVIDERS.csv", "utf-8-sig"),
    "payers": ("PAYERS.csv", "utf-8"),
    "patients": ("PATIENTS.csv", "cp1252"),
    "policies": ("POLICIES.csv", "utf-8"),
    "cases": ("CASES.csv", "cp1252"),
    "auths": ("AUTHS.csv", "utf-8"),
    "visits": ("VISITS.csv", "cp1252"),
    "notes": ("NOTES.csv", "utf-8-sig"),
}

TARGETS = [
    "emr.practitioner",
    "emr.patient",
    "emr.coverage",
    "emr.episode",
    "emr.diagnosis",
    "emr.authorization",
    "emr.encounter",
    "emr.charge_line",
    "emr.clinical_note",
]
COUNT_FIELDS = ("source_rows", "loaded", "rejected", "filtered", "merged")
BLOCK = 1 << 20


def venv_python() -> str:
    p = ROOT / ".venv" / "bin" / "python"
    return str(p) if p.exists() else sys.executable


PY = venv_python()


def bench_dir() -> Path:
    return Path(os.environ.get("CHARTSHIFT_BENCH_DIR", "/tmp/chartshift-bench"))


def ensure_data(patients: int, seed: int) -> Path:
    """The demo export for (patients, seed), generated once and cached."""
    base = bench_dir()
    base.mkdir(parents=True, exist_ok=True)
    data = base / f"demo-{patients}-s{seed}"
    if (data / "truth.json").exists():
        return data
    need = int(patients * 1900 * 1.2) + (50 << 20)  # ~1.85 KB per patient
    free = shutil.disk_usage(base).free
    if free < 4 * need:
        raise SystemExit(
            f"bench: {base} has {free / 1e9:.1f} GB free; the export needs ~{need / 1e9:.1f} GB and the "
            f"workloads about 3x that again. Set CHARTSHIFT_BENCH_DIR elsewhere."
        )
    tmp = base / f".tmp-{data.name}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    t = time.perf_counter()
    res = subprocess.run(
        [PY, "-m", "compiler.cli.main", "demo-data", str(tmp), "--patients", str(patients), "--seed", str(seed)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if res.returncode != 0:
        raise SystemExit(f"bench: demo-data failed ({res.returncode}):\n{res.stderr}")
    shutil.rmtree(data, ignore_errors=True)
    tmp.rename(data)
    print(f"generated {patients:,} patients (seed {seed}) in {time.perf_counter() - t:.1f} s -> {data}", file=sys.stderr)
    return data


def transcode_cp1252(src: Path, dst: Path) -> None:
    """Stream cp1252 -> UTF-8 in 1 MiB blocks (what any DuckDB-based loader has to do)."""
    dec = codecs.getincrementaldecoder("cp1252")(errors="surrogateescape")
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        while True:
            block = fin.read(BLOCK)
            fout.write(dec.decode(block, final=not block).encode("utf-8", errors="surrogateescape"))
            if not block:
                break


def utf8_folder(data: Path, out: Path) -> Path:
    """A folder with every source file readable as UTF-8: cp1252 files transcoded, the
    others symlinked as they are."""
    out.mkdir(parents=True, exist_ok=True)
    for _table, (name, enc) in FILES.items():
        dst = out / name
        if dst.exists() or dst.is_symlink():
            dst.unlink()
        if enc == "cp1252":
            transcode_cp1252(data / name, dst)
        else:
            os.symlink(data / name, dst)
    return out


def load_truth(data: Path) -> dict:
    return json.loads((data / "truth.json").read_text())


def compare_maps(got: dict, truth: dict) -> list[str]:
    """Differences between a workload's per-target counts and truth.json's `maps`.
    `got` maps target -> {source_rows, loaded, rejected, filtered, merged[, rejected_by_reason]}."""
    diffs = []
    for target in TARGETS:
        want = truth["maps"][target]
        have = got.get(target)
        if have is None:
            diffs.append(f"{target}: missing")
            continue
        for f in COUNT_FIELDS:
            if int(have.get(f, -1)) != int(want[f]):
                diffs.append(f"{target}.{f}: got {have.get(f)}, truth {want[f]}")
        if "rejected_by_reason" in have:
            hr = {k: int(v) for k, v in have["rejected_by_reason"].items() if int(v)}
            wr = {k: int(v) for k, v in want["rejected_by_reason"].items() if int(v)}
            if hr != wr:
                diffs.append(f"{target}.rejected_by_reason: got {hr}, truth {wr}")
    return diffs


def emit(result: dict) -> None:
    """A workload's last stdout line: one JSON object the driver parses."""
    sys.stdout.write("BENCH-RESULT " + json.dumps(result, sort_keys=True) + "\n")
    sys.stdout.flush()


class Phases:
    """Named wall-clock phases inside a workload (reported next to the driver's totals)."""

    def __init__(self):
        self.t0 = time.perf_counter()
        self.last = self.t0
        self.items: dict[str, float] = {}

    def mark(self, name: str) -> None:
        now = time.perf_counter()
        self.items[name] = round(self.items.get(name, 0.0) + now - self.last, 4)
        self.last = now
