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
import hashlib
import json
import pathlib
import random
import re
from datetime import date, datetime

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

# ---------------------------------------------------------------------------------------
# Files: table -> (file name, encoding, header).  Encodings are Python codec names.
# ---------------------------------------------------------------------------------------

FILES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "legacy.patients": ("PATIENTS.csv", "cp1252", (
        "pat_no", "last_name", "first_name", "middle_initial", "dob", "sex", "ssn",
        "address1", "city", "state", "zip", "home_phone", "email", "status")),
    "legacy.providers": ("PROVIDERS.csv", "utf-8-sig", ("prov_id", "name", "credential", "npi")),
    "legacy.payers": ("PAYERS.csv", "utf-8", ("payer_id", "payer_name", "payer_type")),
    "legacy.policies": ("POLICIES.csv", "utf-8", (
        "policy_id", "pat_no", "payer_id", "member_id", "group_no", "priority", "eff_date",
        "term_date")),
    "legacy.cases": ("CASES.csv", "cp1252", (
        "case_no", "pat_no", "therapist_id", "referring_physician", "referring_npi",
        "injury_date", "eval_date", "dx1", "dx2", "dx3", "dx4")),
    "legacy.auths": ("AUTHS.csv", "utf-8", (
        "auth_no", "case_no", "visits_authorized", "start_date", "end_date")),
    "legacy.visits": ("VISITS.csv", "cp1252", (
        "visit_id", "case_no", "pat_no", "prov_id", "dos", "status",
        "cpt1", "units1", "mod1", "amount1", "cpt2", "units2", "mod2", "amount2",
        "cpt3", "units3", "mod3", "amount3")),
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
        if i % 2 == 0:          # doubled: rightmost of the payload, then every other one
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


# ---------------------------------------------------------------------------------------
# Reference implementation of the mapping rules
# ---------------------------------------------------------------------------------------

class _Tally:
    __slots__ = ("source", "loaded", "rejected", "filtered", "merged", "reasons")

    def __init__(self, source: str, reasons: tuple[str, ...]):
        self.source = source
        self.loaded = self.rejected = self.filtered = self.merged = 0
        self.reasons = dict.fromkeys(reasons, 0)

    def reject(self, reason: str) -> None:
        self.rejected += 1
        self.reasons[reason] += 1

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "source_rows": self.loaded + self.rejected + self.filtered + self.merged,
            "loaded": self.loaded, "rejected": self.rejected, "filtered": self.filtered,
            "merged": self.merged, "rejected_by_reason": dict(self.reasons),
        }


class _Reference:
    """Applies the mapping rules of docs/DEMO.md to records, one table at a time."""

    def __init__(self) -> None:
        self.maps = {t: _Tally(src, reasons) for t, (src, reasons) in MAPS.items()}
        self.staged = dict.fromkeys(FILES, 0)
        self.resolved_patients: set[str] = set()   # pat_no of loaded or merged patients
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
        survivors: dict[tuple, str] = {}
        kept: list[tuple[str, tuple | None]] = []
        for r in rows:
            if len(r) != ncols:          # malformed: never staged
                continue
            self.staged["legacy.patients"] += 1
            if r[13] == "D":
                t.filtered += 1
                continue
            if r[1].strip(" ") == "":
                t.reject("missing last name")
                continue
            ok, dob = parse_dob(r[4])
            if not ok:
                t.reject("unparseable date of birth")
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


# ---------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------

_LAST_NAMES = (
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore "
    "Martin Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King "
    "Wright Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips "
    "Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Cooper "
    "Peterson Reed Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett "
    "Gray James Hughes Price Sanders Myers Long Ross Foster Sullivan Russell Fitzgerald "
    "McCarthy Kowalski Nguyen Tran Patel Shah Cohen Goldberg Rossi Ferreira Silva Santos "
    "Costa Oliveira Lopez Gonzalez Rodriguez Martinez Hernandez Perez Rivera Ramirez Flores "
    "Torres Diaz Kim Lee Park Chen Wang Li Zhang Liu Yamamoto Tanaka Murray Doyle Walsh "
    "Byrne Ryan Gallagher Doherty Kennedy Lynch Quinn Brennan Donovan Sweeney Burke "
    "St.Pierre Van-Dyke MacDonald DeLuca"
).split()
_LAST_SPECIAL = ("Müller", "García", "O'Brien", "O\u2019Brien", "Nuñez", "Gómez", "Peña",
                 "Schröder", "Doré", "Bjørn")
_FIRST_NAMES = (
    "James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Nancy Daniel Lisa "
    "Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily "
    "Andrew Donna Joshua Michelle Kenneth Dorothy Kevin Carol Brian Amanda George Melissa "
    "Edward Deborah Ronald Stephanie Timothy Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia "
    "Jacob Kathleen Gary Amy Nicholas Shirley Eric Angela Jonathan Helen Stephen Anna Larry "
    "Brenda Justin Pamela Scott Nicole Brandon Emma Benjamin Samantha Samuel Katherine "
    "Gregory Christine Frank Debra Alexander Rachel Raymond Catherine Patrick Carolyn Jack "
    "Janet Dennis Ruth Jerry Maria Tyler Heather Aaron Diane Jose Virginia Wei Mei Hiroshi "
    "Priya Raj Sean Siobhan Liam Aoife Mary-Kate"
).split()
_FIRST_SPECIAL = ("Zoë", "Ann-Marie", "José", "Renée", "Chloë", "Inés", "François", "Björn")
_MIDDLE = "ABCDEFGHJKLMNPRSTW"

# (city, state key, zip, area codes)
_PLACES = (
    ("Boston", "MA", "02134", ("617", "857")), ("Cambridge", "MA", "02139", ("617",)),
    ("Worcester", "MA", "01608", ("508", "774")), ("Springfield", "MA", "01103", ("413",)),
    ("Quincy", "MA", "02169", ("617",)), ("Lowell", "MA", "01852", ("978",)),
    ("Brockton", "MA", "02301", ("508",)), ("Newton", "MA", "02458", ("617",)),
    ("Nashua", "NH", "03060", ("603",)), ("Manchester", "NH", "03101", ("603",)),
    ("Newark", "NJ", "07102", ("973",)), ("Princeton", "NJ", "08540", ("609",)),
    ("Hoboken", "NJ", "07030", ("201",)), ("Providence", "RI", "02903", ("401",)),
    ("Hartford", "CT", "06103", ("860",)), ("New York", "NY", "10001", ("212", "646")),
)
_STATE_SPELLINGS = {
    "MA": (("MA", 70), ("ma", 8), ("Mass.", 8), ("Massachusetts", 10), ("Ma", 4)),
    "NH": (("NH", 80), ("N.H.", 8), ("New Hampshire", 8), ("nh", 4)),
    "NJ": (("NJ", 70), ("N.J.", 10), ("New Jersey", 12), ("nj", 8)),
    "RI": (("RI", 85), ("R.I.", 5), ("Rhode Island", 10)),
    "CT": (("CT", 80), ("Conn.", 10), ("Connecticut", 10)),
    "NY": (("NY", 85), ("N.Y.", 5), ("New York", 10)),
}
# (index into _PLACES, state spelling) forced on the first rows
_FORCED_PLACES = ((0, "MA"), (1, "ma"), (2, "Mass."), (3, "Massachusetts"), (10, "N.J."),
                  (11, "New Jersey"), (8, "NH"), (12, "nj"), (4, "Ma"), (9, "N.H."),
                  (9, "New Hampshire"), (13, "RI"), (14, "Conn."), (15, "NY"), (5, "MA"),
                  (6, "MA"))
_STREETS = ("Main St", "Beacon St", "Elm St", "Washington St", "Centre St", "Highland Ave",
            "Maple Ave", "Park Rd", "School St", "Pleasant St", "Chestnut Hill Ave",
            "Commonwealth Ave", "Water St", "Summer St", "Prospect St")
_UNITS = ("", "", "", "", " Apt 2", " Apt 3B", ", Unit 4", " #12", ", Apt 1")
_MONTHS = ("", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_IMPOSSIBLE_DOBS = ("02/30/1971", "13/45/1980", "04/31/1988", "1975-02-29", "31-FEB-82",
                    "00/15/1990")

_SEX = (("M", 40), ("F", 42), ("male", 4), ("Female", 4), ("f", 4), ("U", 3), ("", 3))
_PHONE_SHAPES = ("({a}) {x}-{l}", "{a}.{x}.{l}", "{a}{x}{l}", "+1 {a} {x} {l}",
                 "{a}-{x}-{l} x{e}", "{a}-{x}-{l}", "")
_PHONE_WEIGHTS = (30, 12, 15, 8, 5, 22, 8)

_PAYERS = (
    ("MCR", "Medicare Part B", "MEDICARE"),
    ("MCD", "MassHealth Standard", "MEDICAID"),
    ("NJM", "NJ FamilyCare", "MEDICAID"),
    ("BCBS", "Blue Cross Blue Shield of Massachusetts", "COMMERCIAL"),
    ("AET", "Aetna", "COMMERCIAL"),
    ("UHC", "UnitedHealthcare", "COMMERCIAL"),
    ("CIG", "Cigna", "COMMERCIAL"),
    ("HPHC", "Harvard Pilgrim Health Care", "COMMERCIAL"),
    ("TUFTS", "Tufts Health Plan", "COMMERCIAL"),
    ("LMWC", "Liberty Mutual Workers' Comp", "WORKERS COMP"),
    ("TRV", "Travelers, Workers Compensation", "WORKERS COMP"),
    ("HAN", "The Hanover Insurance Group", "WORKERS COMP"),
)
_PAYER_WEIGHTS = (30, 8, 3, 18, 9, 9, 6, 6, 5, 3, 2, 1)

_PROVIDER_FIRST = ("Emily", "Daniel", "Priya", "Marcus", "Sofía", "Liam", "Chloë", "Aisha",
                   "Kenji", "Rosa", "Tomás", "Hannah", "Noah", "Grace", "Mateo", "Olivia")
_PROVIDER_LAST = ("Alvarez", "Brennan", "Chowdhury", "Dubois", "Ellison", "Fischer",
                  "Gutiérrez", "Hoffmann", "Ibáñez", "Jensen", "Kowalczyk", "Lindqvist",
                  "Moreau", "Novak", "O'Connell", "Petrov", "Quintero", "Reyes", "Søren",
                  "Takahashi")
_REFERRERS = ("Dr. Elena García", "Dr. Sean O\u2019Brien", "MÜLLER, HANS MD", "Dr. Raj Patel",
              "Dr. Susan Lee", "Dr. Michael Cohen", "Dr. Ana Peña", "Dr. Robert Kim",
              "Dr. Linda Walsh", "Dr. François Doré", "dr. james murphy", "Dr. Karen Nguyen",
              "Dr. David Rossi", "Dr. Mary O'Neil", "")

_ICD10 = ("M54.50", "M54.51", "M54.59", "M25.561", "M25.562", "M25.511", "M25.512",
          "S83.511A", "S83.512A", "M17.11", "M17.12", "M75.101", "M75.121", "Z47.1",
          "Z96.651", "Z96.652", "M62.81", "R26.2", "R26.89", "M79.604", "S43.401A", "G89.29",
          "M48.061", "M51.16", "S93.401A", "M76.61", "M65.4", "S46.011A")
_ICD10_INVALID = ("XYZ", "123.4", "M5", "MM54.5")

_TIMED = ("97110", "97112", "97116", "97140", "97530", "97535")
_MODALITY = ("97035", "97032", "G0283")
_EVALS = ("97161", "97162", "97163")
_REEVAL = "97164"
# cents per unit (whole-dollar rates on some codes so integer-looking amounts occur)
_RATE = {"97110": 4500, "97112": 4850, "97116": 4275, "97140": 4200, "97530": 5000,
         "97535": 4625, "97035": 1800, "97032": 2150, "G0283": 1500, "97161": 11000,
         "97162": 12500, "97163": 14550, "97164": 8000}
_MODS = (("GP", 70), ("KX", 8), ("59", 7), ("CQ", 5), ("", 10))

# SOAP note fragments: commas, double quotes, non-ASCII, typographic quotes and dashes.
_NOTE_S = (
    'Pt reports pain 4/10 at rest, 7/10 with stairs.',
    'Pt states "my knee feels much better", sleeping through the night.',
    'Pt c/o stiffness in AM, improves after 20 min; denies numbness, tingling.',
    'Reports fall at home last week, no injury, "just lost my balance".',
    'Pt’s daughter Zoë present; she reports pt is “doing the exercises daily”.',
    'Pt reports 50% improvement since IE, pain 3/10.',
    'Pain 6/10 after gardening on Sat., otherwise 2/10.',
)
_NOTE_O = (
    'AROM knee flex 110°, ext –5°; quad strength 4/5.',
    'Gait w/ SPC, step-through pattern, decreased stance time R LE.',
    'Lumbar flexion 60% of normal, + SLR L at 45°.',
    'Shoulder abd 150°, ER 70°, IR to L3; MMT 4-/5 ER.',
    'TUG 14.2 s, 30s chair stand 9 reps, BERG 44/56.',
    'Edema reduced, girth 38.5 cm (was 40 cm), incision well healed.',
)
_NOTE_A = (
    'Tolerated tx well, progressing toward goals.',
    'Progress limited by pain, "fear of re-injury" noted; educated pt.',
    'Good response to manual therapy, improved mobility.',
    'Per Dr. Müller’s referral, continue per POC – no red flags.',
    'Consulted w/ Dr. García re: WB status, cleared for FWB.',
    'Pt demonstrates independence with HEP, goals 3/4 met.',
)
_NOTE_P = (
    'Continue POC 2x/wk × 4 wks; progress HEP.',
    'Cont. ther ex, neuro re-ed, gait training, 3x/wk.',
    'Re-eval in 30 days; send progress note to MD.',
    'D/C to HEP, pt agrees with plan.',
    'Add eccentric loading, "monitor symptoms", f/u next visit.',
)
_NOTE_FORCED = (
    'S: Pt Zoë Müller-García reports pain 5/10, "better than last week", '
    'states “stairs are easier”.\r\n'
    'O: Knee flex 115°, ext –3°, gait w/o device.\r\n'
    'A: Progressing, goals 2/3 met.\r\n'
    'P: Continue POC 2x/wk × 3 wks, HEP updated.'
)

# ---------------------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------------------

_ANCHOR_FIRST_SERVICE = date(2019, 1, 2).toordinal()
_ANCHOR_LAST_EVAL = date(2024, 6, 28).toordinal()
_DOB_FIRST = date(1932, 1, 1).toordinal()
_DOB_LAST = date(2016, 12, 31).toordinal()


def _sub_rng(seed: int, name: str) -> random.Random:
    """An independent, reproducible stream per table (changing one table leaves the others)."""
    digest = hashlib.sha256(f"chartshift-demo:{seed}:{name}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _weighted(rng: random.Random, table):
    """Cumulative-weight picker: returns a zero-argument function."""
    values = [v for v, _ in table]
    cum, acc = [], 0
    for _, w in table:
        acc += w
        cum.append(acc)
    total = acc
    rnd = rng.random

    def pick():
        x = rnd() * total
        for v, c in zip(values, cum):
            if x < c:
                return v
        return values[-1]
    return pick


def _mdy(d: date) -> str:
    return f"{d.month:02d}/{d.day:02d}/{d.year}"


def _format_dob(d: date, shape: int) -> str:
    if shape == 1:
        return f"{d.year}-{d.month:02d}-{d.day:02d}"
    if shape == 2:
        return f"{d.day:02d}-{_MONTHS[d.month]}-{d.year % 100:02d}"
    return _mdy(d)


def _ascii(name: str) -> str:
    table = str.maketrans("üÜíÍóéÉëñçøöäå’'", "uUiIoeEencooaa  ")
    return "".join(name.translate(table).split()).replace("-", "").replace(".", "")


def _odd_case(rng: random.Random, name: str) -> str:
    """Upper/lower-case an ASCII name now and then (non-ASCII names keep their spelling,
    so upper() agrees on every engine, whatever its locale)."""
    if not name.isascii():
        return name
    x = rng.random()
    if x < 0.03:
        return name.upper()
    if x < 0.04:
        return name.lower()
    return name


def _variant(rng: random.Random, name: str) -> str:
    """The same name as a duplicate record spells it: other case (ASCII only) or spacing."""
    choices = [name + " ", " " + name, name + "  "]
    if name.isascii():
        choices += [name.upper(), name.lower(), name.lower() + " ", name.upper() + " "]
    v = rng.choice(choices)
    return v if v != name else name + " "


class _Gen:
    def __init__(self, patients: int, seed: int) -> None:
        self.n = patients
        self.seed = seed
        self.ref = _Reference()

    # -- patients ------------------------------------------------------------------------

    def patients(self) -> list[list[str]]:
        """All PATIENTS.csv data rows (2 malformed), in pat_no order."""
        rng = _sub_rng(self.seed, "patients")
        rnd = rng.random
        n = self.n
        sex = _weighted(rng, _SEX)
        states = {k: _weighted(rng, v) for k, v in _STATE_SPELLINGS.items()}
        # pat_no: zero-padded so that string order = numeric order
        expected_rows = n + n // 100 + 20
        width = max(6, len(str(expected_rows)))
        # the two malformed lines sit mid-file (after persons n/2 and 2n/3)
        malformed_after: dict[int, list[str]] = {}
        malformed_after.setdefault(n // 2, []).append("extra")
        malformed_after.setdefault(max(n // 2, (2 * n) // 3 - 1), []).append("missing")
        rows: list[list[str]] = []
        eligible: list[tuple[str, str, date, str]] = []  # (last, first, dob, dob text)
        seq = 0

        def next_pat_no() -> str:
            nonlocal seq
            seq += 1
            return str(seq).zfill(width)

        def person(i: int) -> tuple[list[str], date | None, bool]:
            # names
            if 10 <= i < 10 + len(_LAST_SPECIAL):
                last = _LAST_SPECIAL[i - 10]
            elif i == 25:
                last = "SMITH"
            elif i == 26:
                last = "smith"
            elif rnd() < 0.06:
                last = rng.choice(_LAST_SPECIAL)
            else:
                last = _odd_case(rng, rng.choice(_LAST_NAMES))
            if 12 <= i < 12 + len(_FIRST_SPECIAL):
                first = _FIRST_SPECIAL[i - 12]
            elif rnd() < 0.05:
                first = rng.choice(_FIRST_SPECIAL)
            else:
                first = _odd_case(rng, rng.choice(_FIRST_NAMES))
            middle = rng.choice(_MIDDLE) if rnd() < 0.6 else ""
            # birth date
            born = date.fromordinal(rng.randint(_DOB_FIRST, _DOB_LAST))
            x = rnd()
            if i < 3 or i >= 30:
                if i < 3:
                    x = 0.5
                if x < 0.015:
                    dob_text, born = "", None
                elif x < 0.025:
                    dob_text, born = ZERO_DATE, None
                elif x < 0.028:
                    dob_text, born = rng.choice(_IMPOSSIBLE_DOBS), None
                else:
                    y = rnd()
                    shape = 0 if y < 0.8 else 1 if y < 0.92 else 2
                    if shape == 2 and not 1969 <= born.year <= 1999:
                        shape = 0
                    dob_text = _format_dob(born, shape)
            else:
                # forced early rows: every dob shape at least once
                shape_of = {3: 2, 4: "blank", 5: 1, 6: "zero", 7: "bad0", 9: "bad1",
                            20: "bad2", 21: "bad3", 22: "bad4"}
                shape = shape_of.get(i, 0)
                if shape == 2:
                    born = born.replace(year=1975) if not (born.month == 2 and born.day == 29) \
                        else date(1975, 3, 14)
                if shape == "blank":
                    dob_text, born = "", None
                elif shape == "zero":
                    dob_text, born = ZERO_DATE, None
                elif isinstance(shape, str):
                    dob_text, born = _IMPOSSIBLE_DOBS[int(shape[3])], None
                else:
                    dob_text = _format_dob(born, shape)
            # status and blank last names
            if i < 30:
                status = "D" if i == 8 else "I" if i == 2 else "A"
                if i == 23:
                    last = ""
            else:
                s = rnd()
                status = "A" if s < 0.80 else "I" if s < 0.99 else "D"
                if rnd() < 0.002:
                    last = ""
            # demographics
            if i < len(_FORCED_PLACES):
                place, state = _FORCED_PLACES[i]
                city, st, zip5, areas = _PLACES[place]
            else:
                city, st, zip5, areas = rng.choice(_PLACES)
                state = states[st]()
            z = rnd() if i >= 16 else (0.05 if i % 3 == 0 else 0.15 if i % 3 == 1 else 0.5)
            if z < 0.08:
                zip_text = f"{zip5}-{rng.randint(1000, 9999)}"
            elif z < 0.25 and zip5[0] == "0":
                zip_text = zip5[1:]
            else:
                zip_text = zip5
            if i < len(_PHONE_SHAPES):
                pshape = _PHONE_SHAPES[i]
            else:
                pshape = rng.choices(_PHONE_SHAPES, _PHONE_WEIGHTS)[0]
            phone = pshape.format(a=rng.choice(areas), x="555", l=f"01{rng.randint(0, 99):02d}",
                                  e=rng.randint(1, 99))
            k = i % 4 if i < 4 else None
            s = rnd()
            if k == 0 or (k is None and s < 0.55):
                ssn = f"{rng.randint(1, 665):03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
            elif k == 1 or (k is None and s < 0.75):
                ssn = f"{rng.randint(1, 665):03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"
            elif k == 2 or (k is None and s < 0.95):
                ssn = ""
            else:
                ssn = "999999999"
            sx = _SEX[i][0] if i < len(_SEX) else sex()
            addr = f"{rng.randint(1, 999)} {rng.choice(_STREETS)}{rng.choice(_UNITS)}"
            email = "" if rnd() < 0.35 else \
                f"{_ascii(first).lower()}.{_ascii(last).lower()}{rng.randint(1, 99)}@example.com"
            row = ["", last, first, middle, dob_text, sx, ssn, addr, city, state, zip_text,
                   phone, email, status]
            ok = status in ("A", "I") and last.strip() != "" and born is not None
            return row, born, ok

        def duplicate(last: str, first: str, born: date, dob_text: str,
                      other_format: bool) -> list[str]:
            y = rnd()
            shape = 0 if y < 0.5 else 1 if y < 0.8 else 2
            if shape == 2 and not 1969 <= born.year <= 1999:
                shape = 1
            if other_format and _format_dob(born, shape) == dob_text:
                shape = 1 if shape == 0 else 0
            city, st, zip5, areas = rng.choice(_PLACES)
            phone = rng.choice(_PHONE_SHAPES[:-1]).format(
                a=rng.choice(areas), x="555", l=f"01{rng.randint(0, 99):02d}", e=rng.randint(1, 99))
            return ["", _variant(rng, last), _variant(rng, first), "",
                    _format_dob(born, shape), rng.choice(("M", "F", "")), "",
                    f"{rng.randint(1, 999)} {rng.choice(_STREETS)}", city, st, zip5, phone, "",
                    "A" if rnd() < 0.9 else "I"]

        def malformed(kind: str) -> list[str]:
            row, _, _ = person(10_000_000)  # an ordinary person of its own
            if kind == "extra":   # an unquoted comma in the address: one field too many
                number, _, street = row[7].partition(" ")
                return row[:7] + [number + " " + street.split(",")[0], "Apt 5"] + row[8:]
            return row[:10] + row[11:]     # the zip column dropped

        for i in range(n):
            row, born, ok = person(i)
            row[0] = next_pat_no()
            rows.append(row)
            if ok:
                eligible.append((row[1], row[2], born, row[4]))
            # duplicates: forced after persons 20 and 60, then ~0.5 %
            forced_dup = {20: 0, 60: 1}.get(i)
            if forced_dup is not None and forced_dup < len(eligible):
                src = eligible[forced_dup]
            elif i >= 30 and rnd() < 0.005 and eligible:
                src = eligible[rng.randrange(len(eligible))]
            else:
                src = None
            if src is not None:
                dup = duplicate(*src, other_format=forced_dup == 0)
                dup[0] = next_pat_no()
                rows.append(dup)
            for kind in malformed_after.get(i, ()):
                bad = malformed(kind)
                bad[0] = next_pat_no()
                rows.append(bad)
        if seq >= 10 ** width:
            raise AssertionError("pat_no width too small")
        self.pat_width = width
        self.max_pat = seq
        return rows

    # -- providers and payers --------------------------------------------------------------

    def providers(self) -> list[list[str]]:
        rng = _sub_rng(self.seed, "providers")
        count = max(5, self.n // 200)
        rows = []
        for i in range(count):
            first9 = "1" + "".join(rng.choice("0123456789") for _ in range(8))
            check = _npi_check_digit(first9)
            if i == 2 or (i > 5 and rng.random() < 0.05):
                check = (check + rng.randint(1, 9)) % 10       # bad check digit
            name = f"{rng.choice(_PROVIDER_LAST)}, {rng.choice(_PROVIDER_FIRST)}"
            cred = ("PT", "DPT", "PTA")[i % 3] if i < 3 else \
                rng.choices(("PT", "DPT", "PTA"), (35, 40, 25))[0]
            rows.append([f"TH{i + 1:04d}", name, cred, first9 + str(check)])
        return rows

    # -- everything keyed by patient -------------------------------------------------------

    def clinical(self, patient_rows, providers, writers) -> None:
        rng = _sub_rng(self.seed, "clinical")
        rnd, randint, choice = rng.random, rng.randint, rng.choice
        ref = self.ref
        w_pol, w_case, w_auth, w_vis, w_note = writers
        ncols = len(FILES["legacy.patients"][2])
        prov_ids = [p[0] for p in providers]
        pta_ids = {p[0] for p in providers if p[2] == "PTA"}
        payer_pick = _weighted(rng, list(zip([p[0] for p in _PAYERS], _PAYER_WEIGHTS)))
        mod_pick = _weighted(rng, _MODS)
        width, max_pat = self.pat_width, self.max_pat
        # service dates: MM/DD/YYYY strings by ordinal
        first_day = _ANCHOR_FIRST_SERVICE - 800
        last_day = _ANCHOR_LAST_EVAL + 800
        days = [_mdy(date.fromordinal(o)) for o in range(first_day, last_day + 1)]
        amount_cache: dict[tuple[int, int], str] = {}

        def amount_text(cents: int, shape: int) -> str:
            key = (cents, shape)
            t = amount_cache.get(key)
            if t is None:
                whole, frac = divmod(abs(cents), 100)
                if shape == 0:       # 125.50
                    t = f"{whole}.{frac:02d}"
                elif shape == 1:     # $1,250.00
                    t = f"${whole:,}.{frac:02d}"
                else:                # 95
                    t = f"{whole}" if frac == 0 else f"{whole}.{frac:02d}"
                if cents < 0:
                    t = f"({t.lstrip('$')})"
                amount_cache[key] = t
            return t

        def orphan_pat() -> str:
            return str(max_pat + 1 + rng.randrange(5000)).zfill(width)

        def member_id(payer: str) -> str:
            if payer == "MCR":
                return "".join(choice("0123456789ACDEFGHJKMNPQRTUVWXY") for _ in range(11))
            return "".join(choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + \
                str(randint(100000000, 999999999))

        policy_id = case_seq = visit_id = note_id = 0
        g = 0  # global visit counter (forced dirt on the first visits)
        staged_index = -1
        for prow in patient_rows:
            if len(prow) != ncols:
                continue              # malformed lines: nothing points at them
            staged_index += 1
            pat_no = prow[0]
            # policies
            for priority in ((1, 2) if rnd() < 0.3 else (1,)):
                policy_id += 1
                payer = payer_pick()
                eff = randint(_ANCHOR_FIRST_SERVICE - 700, _ANCHOR_LAST_EVAL)
                term = "" if rnd() < 0.7 else days[eff + randint(30, 700) - first_day]
                pol_pat = pat_no
                if policy_id == 2 or rnd() < 0.002:
                    pol_pat = orphan_pat()
                row = [str(policy_id), pol_pat, payer, member_id(payer),
                       "" if payer in ("MCR", "MCD", "NJM") else str(randint(10000, 99999)),
                       str(priority), days[eff - first_day], term]
                w_pol.writerow(row)
                ref.policy(row)
            # cases
            for _ in range(2 if rnd() < 0.2 else 1):
                c = case_seq
                case_seq += 1
                case_no = f"C{case_seq:07d}"
                therapist = choice(prov_ids)
                ev = randint(_ANCHOR_FIRST_SERVICE, _ANCHOR_LAST_EVAL - 60)
                injury = "" if rnd() < 0.1 else days[ev - randint(1, 120) - first_day]
                referrer = choice(_REFERRERS)
                ref_npi = ""
                if referrer and rnd() < 0.85:
                    f9 = "1" + str(randint(10000000, 99999999))
                    ref_npi = f9 + str(_npi_check_digit(f9))
                if c == 0:
                    dx = ["M54.50", "M5450", "m54.50 ", "XYZ"]
                elif c == 1:
                    dx = ["S83.511A", "M25561", "Z47.1", "123.4"]
                else:
                    ndx = 1 + (rnd() < 0.6) + (rnd() < 0.33) + (rnd() < 0.3)
                    dx = []
                    for _ in range(ndx):
                        x = rnd()
                        if x < 0.01:
                            dx.append(choice(_ICD10_INVALID))
                            continue
                        code = choice(_ICD10)
                        if x < 0.13:
                            code = code.replace(".", "")
                        elif x < 0.16:
                            code = code.lower() + " "
                        elif x < 0.17:
                            code = " " + code
                        dx.append(code)
                    dx += [""] * (4 - len(dx))
                row = [case_no, pat_no, therapist, referrer, ref_npi, injury, days[ev - first_day]] + dx
                w_case.writerow(row)
                ref.case(row)
                # authorizations
                if c < 40 or rnd() < 0.5:
                    start = ev
                    end = start + randint(30, 120)
                    if c == 1 or rnd() < 0.01:
                        end = start - randint(1, 40)           # end before start
                    auth_no = "0000" if c == 0 or rnd() < 0.05 else f"A{randint(1000000, 9999999)}"
                    row = [auth_no, case_no, str(randint(6, 24)), days[start - first_day],
                           days[end - first_day]]
                    w_auth.writerow(row)
                    ref.auth(row)
                # visits (and their notes)
                nvis = 12 if c == 0 else randint(5, 15)
                dos = ev
                for k in range(nvis):
                    visit_id += 1
                    if k:
                        dos += randint(2, 5)
                    vpat = pat_no
                    if g == 3 or rnd() < 0.01:
                        vpat = orphan_pat()
                    prov = therapist if rnd() < 0.9 else choice(prov_ids)
                    if k == 0:
                        status = "Completed"
                        slots = [choice(_EVALS)]
                    else:
                        s = rnd()
                        status = "Completed" if s < 0.85 else "No Show" if s < 0.92 else "Cancelled"
                        if g == 4:
                            status = "No Show"
                        elif g == 5:
                            status = "Cancelled"
                        first_code = _REEVAL if k == nvis - 1 and rnd() < 0.3 else choice(_TIMED)
                        slots = [first_code]
                        if g == 8 or rnd() < 0.6:
                            slots.append(choice(_TIMED))
                            if g == 8 or rnd() < 0.35:
                                slots.append(choice(_MODALITY))
                    row = [str(visit_id), case_no, vpat, prov, days[dos - first_day], status]
                    for j, code in enumerate(slots):
                        units = 1 if code in _RATE and code[:4] == "9716" else \
                            (1 if rnd() < 0.3 else 2 if rnd() < 0.6 else 3 if rnd() < 0.85 else 4)
                        cents = _RATE[code] * units
                        x = rnd()
                        shape = 0 if x < 0.6 else 1 if x < 0.85 else 2
                        if rnd() < 0.004:
                            cents = -cents                      # adjustment
                        if rnd() < 0.003:
                            cents = 125000                      # package price
                        if j == 0 and 4 <= g < 8:              # forced amount shapes
                            shape, cents = ((1, 125000), (0, 12550), (2, 9500), (0, -2500))[g - 4]
                        units_text = str(units)
                        u = rnd()
                        if (j == 0 and g == 1) or u < 0.003:
                            units_text = "0"
                        elif (j == 0 and g == 2) or u < 0.006:
                            units_text = ""
                        x = rnd()
                        if (j == 0 and g == 9) or x < 0.003:
                            code_text = code.lower() if code[0] == "G" else " " + code
                        elif (j == 0 and g == 10) or x < 0.006:
                            code_text = code + " "
                        elif j == 0 and g == 11:
                            code_text = "g0283"
                        else:
                            code_text = code
                        if j == 0 and g < 5:
                            mod = ("GP", "KX", "59", "CQ", "")[g]
                        else:
                            mod = "CQ" if prov in pta_ids and rnd() < 0.7 else mod_pick()
                        row += [code_text, units_text, mod, amount_text(cents, shape)]
                    row += [""] * (18 - len(row))
                    w_vis.writerow(row)
                    ref.visit(row)
                    # notes: EVAL on the first visit, PROGRESS every 10th, DISCHARGE on
                    # the last now and then, a DAILY note rarely
                    ntype = None
                    if k == 0:
                        ntype = "EVAL"
                    elif k == 9:
                        ntype = "PROGRESS"
                    elif k == nvis - 1 and (c == 0 or rnd() < 0.42):
                        ntype = "DISCHARGE"
                    elif (c == 0 and k == 2) or rnd() < 0.004:
                        ntype = "DAILY"
                    if ntype is not None:
                        note_id += 1
                        if note_id == 1:
                            text = _NOTE_FORCED
                        elif ntype == "EVAL":
                            text = (f"S: {choice(_NOTE_S)}\r\nO: {choice(_NOTE_O)}\r\n"
                                    f"A: {choice(_NOTE_A)}\r\nP: {choice(_NOTE_P)}")
                        elif rnd() < 0.5:
                            text = f"S: {choice(_NOTE_S)}\r\nP: {choice(_NOTE_P)}"
                        else:
                            text = f"O: {choice(_NOTE_O)}\r\nA: {choice(_NOTE_A)}"
                        row = [str(note_id), str(visit_id), ntype, text]
                        w_note.writerow(row)
                        ref.note(row)
                    g += 1
                # a note left behind by a purged visit (its visit_id exists nowhere)
                if c == 2 or rnd() < 0.0005:
                    visit_id += 1
                    note_id += 1
                    row = [str(note_id), str(visit_id), "DAILY",
                           f"S: {choice(_NOTE_S)}\r\nP: {choice(_NOTE_P)}"]
                    w_note.writerow(row)
                    ref.note(row)


def _open_writer(path: pathlib.Path, encoding: str):
    f = open(path, "w", encoding=encoding, newline="", buffering=1 << 20)
    return f, csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")


def generate(out_dir: pathlib.Path, patients: int = 1000, seed: int = 42) -> dict:
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

    files = {}
    for table, (name, enc, _) in FILES.items():
        files[table] = {"file": name, "encoding": enc, "records": records[table],
                        "malformed": malformed[table]}
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
    truth = {
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
    with open(out_dir / "truth.json", "w", encoding="utf-8", newline="\n") as f:
        json.dump(truth, f, sort_keys=True, indent=2, ensure_ascii=False)
        f.write("\n")
    return truth
