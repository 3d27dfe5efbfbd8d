"""Backup throughput: `chartshift backup` / `restore` against `tar -cf - | gzip` of the same files.

    .venv/bin/python bench/backup_bench.py                  # 100,000 patients, 3 repetitions
    .venv/bin/python bench/backup_bench.py --patients 10000 --reps 5 --no-write

Generates the demo export (compiler.demo.export.generate, seed 42), then times, in the same run
and on the same warm page cache, each tool's wall time (median of the repetitions) and
output size, and rewrites the "Backup throughput" section of bench/RESULTS.md.

Every tool runs as a separate process, start-up included: `chartshift` through
`python -m compiler.cli.main`, tar and gzip through `sh -c` with pipefail.
"""

from __future__ import annotations

import argparse
import os
import platform
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Backup throughput"


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    import cryptography
    import duckdb

    gzip_v = subprocess.run(["gzip", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    tar_v = subprocess.run(["tar", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": mem,
        "python": platform.python_version(),
        "cryptography": cryptography.__version__,
        "duckdb": duckdb.__version__,
        "gzip": gzip_v,
        "tar": tar_v,
        "os": f"{platform.system()} {platform.release()}",
    }


def spec_for(export: Path, work: Path) -> tuple[Path, list[str]]:
    """The demo spec if it checks; else a sources-only spec over the export's CSV files
    (the backup needs only the source declarations).  Returns (spec, file names)."""
    from compiler.pipeline import load
    from compiler.runtime.staging import source_files

    demo = ROOT / "specs" / "demo_clinic.mig"
    try:
        compiled = load(demo)
        names = sorted(sf.path.name for sf in source_files(compiled.spec, export, demo.parent))
        return demo, names
    except Exception:
        names = sorted(p.name for p in export.glob("*.csv"))
        spec = work / "sources_only.mig"
        body = "".join(f'  table t{i} "{n}" {{\n    c text\n  }}\n' for i, n in enumerate(names))
        spec.write_text(f'source legacy csv "{export}" {{\n{body}}}\n')
        return spec, names


def timed(cmd: list[str], env: dict, before=None) -> float:
    if before:
        before()
    t = time.perf_counter()
    res = subprocess.run(cmd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    if res.returncode != 0:
        raise SystemExit(f"failed ({res.returncode}): {' '.join(cmd)}\n{res.stderr}")
    return elapsed


def rm(*paths: Path):
    def go():
        for p in paths:
            if p.is_dir():
                shutil.rmtree(p)
            elif p.exists():
                p.unlink()

    return go


def sh(script: str) -> list[str]:
    return ["bash", "-c", "set -euo pipefail; " + script]


def fmt_s(x: float) -> str:
    return f"{x:.2f} s"


def fmt_mb(n: int) -> str:
    return f"{n / 1e6:,.1f} MB"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--patients", type=int, default=100_000)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--workdir", help="where to put the export and archives (default: a temporary folder, removed)")
    ap.add_argument("--no-write", action="store_true", help="print the table only; leave bench/RESULTS.md alone")
    args = ap.parse_args()

    from compiler.demo.export import generate

    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="chartshift-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        export = work / "export"
        t = time.perf_counter()
        generate(export, patients=args.patients, seed=42)
        print(f"generated {args.patients:,} patients in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        spec, names = spec_for(export, work)
        input_bytes = sum((export / n).stat().st_size for n in names)
        env = dict(
            os.environ, CHARTSHIFT_BACKUP_KEY=secrets.token_hex(32), CHARTSHIFT_AUDIT_LOG=str(work / "audit.jsonl"), PYTHONPATH=str(ROOT)
        )
        cs = [sys.executable, "-m", "compiler.cli.main"]
        files = " ".join(f"'{n}'" for n in names)
        plain, packed, tgz = work / "plain.csbk", work / "packed.csbk", work / "files.tar.gz"
        out_dir, out_tar = work / "restored", work / "untarred"

        cases = [
            # (label, group, command, cleanup, output measured)
            ("chartshift backup", "backup", cs + ["backup", str(spec), "--source", str(export), "--out", str(plain)], rm(plain), plain),
            (
                "chartshift backup --compress",
                "backup",
                cs + ["backup", str(spec), "--source", str(export), "--out", str(packed), "--compress"],
                rm(packed),
                packed,
            ),
            ("tar -cf - | gzip", "backup", sh(f"cd '{export}' && tar -cf - {files} | gzip > '{tgz}'"), rm(tgz), tgz),
            ("chartshift backup verify", "verify", cs + ["backup", "verify", str(plain)], None, None),
            ("gzip -t", "verify", sh(f"gzip -t '{tgz}'"), None, None),
            ("chartshift restore", "restore", cs + ["restore", str(plain), "--out", str(out_dir)], rm(out_dir), None),
            ("chartshift restore (compressed archive)", "restore", cs + ["restore", str(packed), "--out", str(out_dir)], rm(out_dir), None),
            ("gzip -dc | tar -xf -", "restore", sh(f"mkdir '{out_tar}' && gzip -dc '{tgz}' | tar -xf - -C '{out_tar}'"), rm(out_tar), None),
        ]
        times: dict[str, list[float]] = {c[0]: [] for c in cases}
        load_start = os.getloadavg()
        sizes: dict[str, int] = {}
        for rep in range(args.reps):
            for label, _group, cmd, cleanup, output in cases:  # interleaved: drift hits every tool alike
                times[label].append(timed(cmd, env, cleanup))
                if output is not None:
                    sizes[label] = output.stat().st_size
            print(f"repetition {rep + 1}/{args.reps} done", file=sys.stderr)
        for n in names:  # the restores really are byte-identical
            assert (out_dir / n).read_bytes() == (export / n).read_bytes(), n
        med = {k: statistics.median(v) for k, v in times.items()}
        base = {"backup": "tar -cf - | gzip", "verify": "gzip -t", "restore": "gzip -dc | tar -xf -"}
        rows = []
        for label, group, *_ in cases:
            ref = base[group]
            size = sizes.get(label)
            rows.append(
                (
                    label,
                    med[label],
                    min(times[label]),
                    max(times[label]),
                    input_bytes / med[label] / 1e6,
                    size,
                    med[label] / med[ref],
                    (size / sizes[ref]) if size and sizes.get(ref) else None,
                )
            )
        info = machine()
        info["load"] = (load_start, os.getloadavg())
        info["spec"] = (
            str(spec.relative_to(ROOT))
            if spec.is_relative_to(ROOT)
            else "a sources-only spec over the export's CSV files (the demo spec did not check)"
        )
        table = render(rows, args, input_bytes, len(names), info)
        print(table)
        if not args.no_write:
            write_section(table)
            print(f"wrote the '{SECTION[3:]}' section of {RESULTS.relative_to(ROOT)}", file=sys.stderr)
        return 0
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


def render(rows, args, input_bytes: int, nfiles: int, info: dict) -> str:
    lines = [
        SECTION,
        "",
        f"Demo export, {args.patients:,} patients (seed 42): {nfiles} source files, {fmt_mb(input_bytes)}, "
        f"backed up through {info['spec']}. "
        f"Median of {args.reps} repetitions (min–max in brackets), same run, warm page cache; each tool a fresh "
        "process. Throughput = source bytes / median wall time. Ratios are against the tar/gzip command of the same row group.",
        "",
        "| command | wall time (median) | min–max | throughput | output size | time ratio | size ratio |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, m, lo, hi, mbps, size, tr, sr in rows:
        cell = label.replace("|", "\\|")  # a pipe inside a table cell must be escaped, even in code
        lines.append(
            f"| `{cell}` | {fmt_s(m)} | {lo:.2f}–{hi:.2f} s | {mbps:,.0f} MB/s | "
            f"{fmt_mb(size) if size else '—'} | {tr:.2f} × | {f'{sr:.2f} ×' if sr else '—'} |"
        )
    lines += [
        "",
        "chartshift's archives are AES-256-GCM (1 MiB chunks, a SHA-256 of every file, an authenticated "
        "manifest); `--compress` deflates each chunk (zlib level 1) before encrypting it. tar/gzip neither "
        "encrypts nor authenticates; `gzip -t` checks a CRC only.",
        "",
        f"Machine: {info['nproc']} CPUs ({info['cpu']}), {info['memory']} RAM, {info['os']}; Python {info['python']}, "
        f"cryptography {info['cryptography']}, DuckDB {info['duckdb']}; {info['gzip']}; {info['tar']}. "
        f"Load average (1/5/15 min) {'/'.join(f'{x:.1f}' for x in info['load'][0])} at the start, "
        f"{'/'.join(f'{x:.1f}' for x in info['load'][1])} at the end (other work on the machine widens the min–max). "
        f"Recorded {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}.",
        "",
        f"Reproduce: `.venv/bin/python bench/backup_bench.py --patients {args.patients} --reps {args.reps}`",
        "",
    ]
    return "\n".join(lines)


def write_section(section: str) -> None:
    """Replace the section in bench/RESULTS.md (up to the next `## ` heading), or append it."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n\n"
    start = text.find(SECTION + "\n")
    if start < 0:
        new = text.rstrip("\n") + "\n\n" + section
    else:
        nxt = text.find("\n## ", start + len(SECTION))
        new = text[:start] + section + (text[nxt + 1 :] if nxt >= 0 else "")
    tmp = RESULTS.with_suffix(".md.tmp")
    tmp.write_text(new.rstrip("\n") + "\n", encoding="utf-8")
    os.replace(tmp, RESULTS)


if __name__ == "__main__":
    sys.exit(main())
