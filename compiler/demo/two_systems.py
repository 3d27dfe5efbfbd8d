"""The `two_systems` demo preset: two legacy systems of one clinic group and their truth.

`generate(out_dir, patients, seed)` writes `out_dir/sysA/` (the demo's ClinicMate CSV
shape), `out_dir/sysB/` (another vendor's pipe-delimited latin-1 export) and
`out_dir/truth.json`: what a correct consolidation into the demo's EMR schema yields
(docs/TWO_SYSTEMS.md). The truth comes from `two_reference`, a pure-Python reference of
the rules applied to the rows as written. The same (patients, seed) gives byte-identical
files.
"""

from __future__ import annotations

import csv
import json
import pathlib
from typing import Any

from compiler.demo.two_layout import FILES
from compiler.demo.two_reference import TwoReference, dirt_of, files_of
from compiler.demo.two_rows import generate_rows

PRESET = "two_systems"


def generate(out_dir: pathlib.Path, patients: int = 1000, seed: int = 42) -> dict[str, Any]:
    """Write both systems' files and truth.json into out_dir; return the truth dict."""
    if not isinstance(patients, int) or patients < 1:
        raise ValueError("patients must be a positive integer")
    out_dir = pathlib.Path(out_dir)
    rows = generate_rows(patients, seed)
    for table, spec in FILES.items():
        folder = out_dir / spec.folder
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / spec.name, "w", encoding=spec.encoding, newline="", buffering=1 << 20) as f:
            w = csv.writer(f, delimiter=spec.delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator=spec.lineterminator)
            w.writerow(spec.header)
            w.writerows(rows.tables[table])
    truth: dict[str, Any] = {
        "preset": PRESET,
        "patients": patients,
        "seed": seed,
        "files": files_of(rows.tables),
        "overlap": {
            "persons": patients,
            "in_sysA": rows.persons_in_a,
            "in_sysB": rows.persons_in_b,
            "in_both": rows.persons_in_both,
            "fraction_in_both": round(rows.persons_in_both / patients, 4),
        },
    }
    truth["dirt"] = dirt_of(rows.tables)
    truth |= TwoReference(rows.tables).truth()
    _check(truth)
    with open(out_dir / "truth.json", "w", encoding="utf-8", newline="\n") as f:
        json.dump(truth, f, sort_keys=True, indent=2, ensure_ascii=False)
        f.write("\n")
    return truth


def _check(truth: dict[str, Any]) -> None:
    """The accounting identity per branch: every candidate row is counted exactly once."""
    for target, branches in truth["maps"].items():
        written = 0
        for source, m in branches.items():
            if sum(m["rejected_by_reason"].values()) != m["rejected"]:
                raise AssertionError(f"{source} -> {target}: reasons do not add up")
            written += m["loaded"]
        if written != truth["targets"][target]:
            raise AssertionError(f"{target}: loaded rows do not add up")
