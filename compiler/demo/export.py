"""Deterministic generator of a dirty legacy PT-clinic export plus its expected outcome.

`generate(out_dir, patients, seed)` writes eight CSV files in the shapes a legacy
practice-management system exports (mixed encodings, CRLF, quoted fields with embedded
newlines, dirty dates/phones/codes, duplicates, orphans) and `truth.json`: the counts a
correct migration must report.  The truth is computed by a small pure-Python reference
implementation of the mapping rules (see docs/DEMO.md) applied to the generated records,
never by counting the dirt as it is injected.

Only the standard library is used; the same (patients, seed) gives byte-identical files.
Rows are produced patient by patient and streamed to the files, so 100,000 patients
(about 1.85 M rows) stay fast and need little memory.
"""

from __future__ import annotations

import csv
import json
import pathlib
from typing import Any, TextIO

from compiler.demo.clinical import _PAYERS, _Clinical, _RowWriter
from compiler.demo.people import _Patients
from compiler.demo.reference import _Reference
from compiler.demo.rules import FILES, MAPS, amount_cents, icd10_valid, normalise_icd10, npi_valid, parse_dob, units_valid

__all__ = [
    "generate",
    "npi_valid",
    "normalise_icd10",
    "icd10_valid",
    "parse_dob",
    "amount_cents",
    "units_valid",
    "FILES",
    "MAPS",
]


class _Gen(_Patients, _Clinical):
    def __init__(self, patients: int, seed: int) -> None:
        self.n = patients
        self.seed = seed
        self.ref = _Reference()


def _open_writer(path: pathlib.Path, encoding: str) -> tuple[TextIO, _RowWriter]:
    f = open(path, "w", encoding=encoding, newline="", buffering=1 << 20)
    return f, csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")


def truth_dict(ref: _Reference, records: dict[str, int], malformed: dict[str, int], patients: int, seed: int) -> dict[str, Any]:
    """The truth.json content for the records `ref` has seen (records per table include malformed lines)."""
    files = {}
    for table, (name, enc, _) in FILES.items():
        files[table] = {"file": name, "encoding": enc, "records": records[table], "malformed": malformed[table]}
        if records[table] - malformed[table] != ref.staged[table]:
            raise AssertionError(f"{table}: staged rows do not add up")
    maps = {}
    for target, tally in ref.maps.items():
        d = tally.as_dict()
        slots = {"emr.diagnosis": 4, "emr.charge_line": 3}.get(target, 1)
        expected = slots * ref.staged[d["source"]]
        if d["source_rows"] != expected:
            raise AssertionError(f"{target}: source_rows {d['source_rows']} != {expected}")
        if sum(d["rejected_by_reason"].values()) != d["rejected"]:
            raise AssertionError(f"{target}: reasons do not add up")
        maps[target] = d
    return {
        "patients": patients,
        "seed": seed,
        "files": files,
        "maps": maps,
        "totals": {
            "charge_lines": maps["emr.charge_line"]["loaded"],
            "charge_units": ref.charge_units,
            "charge_cents": ref.charge_cents,
            "diagnosis_rows": maps["emr.diagnosis"]["loaded"],
            "notes": maps["emr.clinical_note"]["loaded"],
        },
    }


def generate(out_dir: pathlib.Path, patients: int = 1000, seed: int = 42) -> dict[str, Any]:
    """Write the export files and truth.json into out_dir; return the truth dict."""
    if not isinstance(patients, int) or patients < 1:
        raise ValueError("patients must be a positive integer")
    out_dir = pathlib.Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    gen = _Gen(patients, seed)
    ref = gen.ref
    records: dict[str, int] = {}
    malformed = dict.fromkeys(FILES, 0)

    def write_all(table: str, rows: list[list[str]]) -> None:
        name, enc, header = FILES[table]
        f, w = _open_writer(out_dir / name, enc)
        with f:
            w.writerow(header)
            w.writerows(rows)
        records[table] = len(rows)

    pat_rows = gen.patients()
    write_all("legacy.patients", pat_rows)
    malformed["legacy.patients"] = sum(1 for r in pat_rows if len(r) != 14)
    ref.patients(pat_rows)

    prov_rows = gen.providers()
    write_all("legacy.providers", prov_rows)
    for r in prov_rows:
        ref.provider(r)
    payer_rows = [list(p) for p in _PAYERS]
    write_all("legacy.payers", payer_rows)
    for r in payer_rows:
        ref.payer(r)

    streamed = ("legacy.policies", "legacy.cases", "legacy.auths", "legacy.visits", "legacy.notes")
    handles, writers = [], []
    try:
        for table in streamed:
            name, enc, header = FILES[table]
            f, w = _open_writer(out_dir / name, enc)
            handles.append(f)
            w.writerow(header)
            writers.append(w)
        gen.clinical(pat_rows, prov_rows, writers)
    finally:
        for f in handles:
            f.close()
    for table in streamed:
        records[table] = ref.staged[table]

    truth = truth_dict(ref, records, malformed, patients, seed)
    with open(out_dir / "truth.json", "w", encoding="utf-8", newline="\n") as f:
        json.dump(truth, f, sort_keys=True, indent=2, ensure_ascii=False)
        f.write("\n")
    return truth
