"""A pure-Python reference implementation of the demo's mapping rules: the counts truth.json holds."""

from __future__ import annotations

from datetime import date
from typing import Any

from compiler.demo.rules import FILES, MAPS, amount_cents, icd10_valid, npi_valid, patient_outcome, units_valid


class _Tally:
    __slots__ = ("source", "loaded", "rejected", "filtered", "merged", "reasons")

    def __init__(self, source: str, reasons: tuple[str, ...]):
        self.source = source
        self.loaded = self.rejected = self.filtered = self.merged = 0
        self.reasons = dict.fromkeys(reasons, 0)

    def reject(self, reason: str) -> None:
        self.rejected += 1
        self.reasons[reason] += 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "source_rows": self.loaded + self.rejected + self.filtered + self.merged,
            "loaded": self.loaded,
            "rejected": self.rejected,
            "filtered": self.filtered,
            "merged": self.merged,
            "rejected_by_reason": dict(self.reasons),
        }


class _Reference:
    """Applies the mapping rules of docs/DEMO.md to records, one table at a time."""

    def __init__(self) -> None:
        self.maps = {t: _Tally(src, reasons) for t, (src, reasons) in MAPS.items()}
        self.staged = dict.fromkeys(FILES, 0)
        self.resolved_patients: set[str] = set()  # pat_no of loaded or merged patients
        self.loaded_cases: set[str] = set()
        self.loaded_visits: set[str] = set()
        self.charge_units = 0
        self.charge_cents = 0

    # 1. practitioner
    def provider(self, row: list[str]) -> None:
        self.staged["legacy.providers"] += 1
        t = self.maps["emr.practitioner"]
        if not npi_valid(row[3]):
            t.reject("invalid NPI")
        else:
            t.loaded += 1

    def payer(self, row: list[str]) -> None:
        self.staged["legacy.payers"] += 1

    # 2. patient (needs the whole table for the dedup)
    def patients(self, rows: list[list[str]]) -> None:
        t = self.maps["emr.patient"]
        ncols = len(FILES["legacy.patients"][2])
        survivors: dict[tuple[str, str, date], str] = {}
        kept: list[tuple[str, tuple[str, str, date] | None]] = []  # (pat_no, dedup key)
        for r in rows:
            if len(r) != ncols:  # malformed: never staged
                continue
            self.staged["legacy.patients"] += 1
            outcome, reason, dob = patient_outcome(r)
            if outcome == "filtered":
                t.filtered += 1
                continue
            if outcome == "rejected":
                t.reject(reason)
                continue
            key = None
            if dob is not None:
                key = (r[1].strip(" ").upper(), r[2].strip(" ").upper(), dob)
                best = survivors.get(key)
                if best is None or r[0] < best:
                    survivors[key] = r[0]
            kept.append((r[0], key))
        for pat_no, key in kept:
            if key is None or survivors[key] == pat_no:
                t.loaded += 1
            else:
                t.merged += 1
            self.resolved_patients.add(pat_no)

    # 3. coverage
    def policy(self, row: list[str]) -> None:
        self.staged["legacy.policies"] += 1
        t = self.maps["emr.coverage"]
        if row[1] not in self.resolved_patients:
            t.reject("coverage for unknown patient")
        else:
            t.loaded += 1

    # 4. episode and 5. diagnosis
    def case(self, row: list[str]) -> None:
        self.staged["legacy.cases"] += 1
        ep = self.maps["emr.episode"]
        loaded = row[1] in self.resolved_patients
        if loaded:
            ep.loaded += 1
            self.loaded_cases.add(row[0])
        else:
            ep.reject("episode for unknown patient")
        dx = self.maps["emr.diagnosis"]
        for code in row[7:11]:
            if code == "":
                dx.filtered += 1
            elif not loaded:
                dx.reject("diagnosis for unknown episode")
            elif not icd10_valid(code):
                dx.reject("invalid ICD-10 code")
            else:
                dx.loaded += 1

    # 6. authorization
    def auth(self, row: list[str]) -> None:
        self.staged["legacy.auths"] += 1
        t = self.maps["emr.authorization"]
        if row[1] not in self.loaded_cases:
            t.reject("authorization for unknown episode")
        else:
            t.loaded += 1

    # 7. encounter and 8. charge line
    def visit(self, row: list[str]) -> None:
        self.staged["legacy.visits"] += 1
        enc = self.maps["emr.encounter"]
        loaded = row[2] in self.resolved_patients
        if loaded:
            enc.loaded += 1
            self.loaded_visits.add(row[0])
        else:
            enc.reject("visit for unknown patient")
        ch = self.maps["emr.charge_line"]
        for i in (6, 10, 14):
            if row[i] == "":
                ch.filtered += 1
            elif not loaded:
                ch.reject("charge for rejected visit")
            elif not units_valid(row[i + 1]):
                ch.reject("invalid units")
            else:
                ch.loaded += 1
                self.charge_units += int(row[i + 1])
                cents = amount_cents(row[i + 3])
                if cents is not None:
                    self.charge_cents += cents

    # 9. clinical note
    def note(self, row: list[str]) -> None:
        self.staged["legacy.notes"] += 1
        t = self.maps["emr.clinical_note"]
        if row[1] not in self.loaded_visits:
            t.reject("note for unknown visit")
        else:
            t.loaded += 1
