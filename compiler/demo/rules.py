"""The demo export's layout (files, maps and their reject reasons) and the field checks of its mapping rules."""

from __future__ import annotations

import re
from datetime import date, datetime

# ---------------------------------------------------------------------------------------
# Files: table -> (file name, encoding, header).  Encodings are Python codec names.
# ---------------------------------------------------------------------------------------

FILES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "legacy.patients": (
        "PATIENTS.csv",
        "cp1252",
        (
            "pat_no",
            "last_name",
            "first_name",
            "middle_initial",
            "dob",
            "sex",
            "ssn",
            "address1",
            "city",
            "state",
            "zip",
            "home_phone",
            "email",
            "status",
        ),
    ),
    "legacy.providers": ("PROVIDERS.csv", "utf-8-sig", ("prov_id", "name", "credential", "npi")),
    "legacy.payers": ("PAYERS.csv", "utf-8", ("payer_id", "payer_name", "payer_type")),
    "legacy.policies": (
        "POLICIES.csv",
        "utf-8",
        ("policy_id", "pat_no", "payer_id", "member_id", "group_no", "priority", "eff_date", "term_date"),
    ),
    "legacy.cases": (
        "CASES.csv",
        "cp1252",
        (
            "case_no",
            "pat_no",
            "therapist_id",
            "referring_physician",
            "referring_npi",
            "injury_date",
            "eval_date",
            "dx1",
            "dx2",
            "dx3",
            "dx4",
        ),
    ),
    "legacy.auths": ("AUTHS.csv", "utf-8", ("auth_no", "case_no", "visits_authorized", "start_date", "end_date")),
    "legacy.visits": (
        "VISITS.csv",
        "cp1252",
        (
            "visit_id",
            "case_no",
            "pat_no",
            "prov_id",
            "dos",
            "status",
            "cpt1",
            "units1",
            "mod1",
            "amount1",
            "cpt2",
            "units2",
            "mod2",
            "amount2",
            "cpt3",
            "units3",
            "mod3",
            "amount3",
        ),
    ),
    "legacy.notes": ("NOTES.csv", "utf-8-sig", ("note_id", "visit_id", "note_type", "note_text")),
}

# Maps: target -> (source table, reject reasons in evaluation order).
MAPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "emr.practitioner": ("legacy.providers", ("invalid NPI",)),
    "emr.patient": ("legacy.patients", ("missing last name", "unparseable date of birth")),
    "emr.coverage": ("legacy.policies", ("coverage for unknown patient",)),
    "emr.episode": ("legacy.cases", ("episode for unknown patient",)),
    "emr.diagnosis": ("legacy.cases", ("diagnosis for unknown episode", "invalid ICD-10 code")),
    "emr.authorization": ("legacy.auths", ("authorization for unknown episode",)),
    "emr.encounter": ("legacy.visits", ("visit for unknown patient",)),
    "emr.charge_line": ("legacy.visits", ("charge for rejected visit", "invalid units")),
    "emr.clinical_note": ("legacy.notes", ("note for unknown visit",)),
}

# ---------------------------------------------------------------------------------------
# Reference rule helpers (pure functions over the field text; blank = NULL)
# ---------------------------------------------------------------------------------------

DOB_FORMATS = ("%m/%d/%Y", "%Y-%m-%d", "%d-%b-%y")
ZERO_DATE = "00/00/0000"
_ICD10_RE = re.compile(r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")


def npi_valid(npi: str) -> bool:
    """True when `npi` is 10 digits whose check digit is Luhn over 80840 + the first 9."""
    if len(npi) != 10 or not npi.isascii() or not npi.isdigit():
        return False
    return _npi_check_digit(npi[:9]) == int(npi[9])


def _npi_check_digit(first9: str) -> int:
    total = 24  # the Luhn contribution of the prefix 80840
    for i, ch in enumerate(reversed(first9)):
        d = int(ch)
        if i % 2 == 0:  # doubled: rightmost of the payload, then every other one
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def normalise_icd10(code: str) -> str:
    """Upper-case, trim spaces, drop the dot, re-insert it after the third character."""
    c = code.strip(" ").upper().replace(".", "", 1)
    return c[:3] + "." + c[3:] if len(c) > 3 else c


def icd10_valid(code: str) -> bool:
    return _ICD10_RE.match(normalise_icd10(code)) is not None


def parse_dob(text: str) -> tuple[bool, date | None]:
    """(ok, date): blank and 00/00/0000 are ok with no date; otherwise the first of the
    three formats that parses (two-digit years pivot: 00-68 -> 20xx, 69-99 -> 19xx)."""
    if text == "" or text == ZERO_DATE:
        return True, None
    for fmt in DOB_FORMATS:
        try:
            return True, datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    return False, None


def amount_cents(text: str) -> int | None:
    """`$1,250.00` -> 125000, `125.50` -> 12550, `95` -> 9500, `(25.00)` -> -2500."""
    s = text.strip(" ")
    if s == "":
        return None
    neg = s.startswith("(") and s.endswith(")")
    s = s.strip("()").replace("$", "").replace(",", "")
    whole, _, frac = s.partition(".")
    cents = int(whole or "0") * 100 + int((frac + "00")[:2])
    return -cents if neg else cents


def units_valid(text: str) -> bool:
    s = text.strip(" ")
    return s.isascii() and s.isdigit() and 1 <= int(s) <= 8


def patient_outcome(r: list[str]) -> tuple[str, str, date | None]:
    """The demo spec's rules for a legacy.patients row, in the spec's order:
    ("filtered", "", None), ("rejected", reason, None) or ("kept", "", birth date or None)."""
    if r[13] == "D":
        return "filtered", "", None
    if r[1].strip(" ") == "":
        return "rejected", "missing last name", None
    ok, dob = parse_dob(r[4])
    if not ok:
        return "rejected", "unparseable date of birth", None
    return "kept", "", dob
