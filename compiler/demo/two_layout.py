"""The `two_systems` preset's layout: both systems' files, sysB's code tables, and the field
rules of its consolidation (docs/TWO_SYSTEMS.md)."""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from compiler.demo.rules import FILES as DEMO_FILES


class FileSpec(NamedTuple):
    """One exported table: where it is written and how."""

    folder: str
    name: str
    encoding: str  # a Python codec name
    delimiter: str
    lineterminator: str
    header: tuple[str, ...]


def _a(name: str, encoding: str, header: tuple[str, ...]) -> FileSpec:
    return FileSpec("sysA", name, encoding, ",", "\r\n", header)


def _b(name: str, *header: str) -> FileSpec:
    return FileSpec("sysB", name, "latin-1", "|", "\n", header)


# sysA is the demo's ClinicMate export: the same file names, encodings and columns.
FILES: dict[str, FileSpec] = {"sysA." + t.split(".", 1)[1]: _a(*spec) for t, spec in DEMO_FILES.items()} | {
    "sysB.clients": _b(
        "CLIENTS.TXT",
        "CLIENT_ID",
        "CLIENT_NAME",
        "BIRTH_DT",
        "GENDER",
        "SOC_SEC",
        "STREET",
        "CITY",
        "ST",
        "POSTCODE",
        "PHONE",
        "ACTIVE_FLAG",
    ),
    "sysB.staff": _b("STAFF.TXT", "STAFF_NO", "STAFF_NAME", "DISCIPLINE", "NPI_NO"),
    "sysB.insco": _b("INSCO.TXT", "PAYER_CD", "PLAN_CD", "PAYER_NAME", "PAYER_TYPE"),
    "sysB.coverage": _b("COVERAGE.TXT", "INS_ID", "CLIENT_ID", "PAYER_CD", "PLAN_CD", "MEMBER_NO", "COB_SEQ", "FROM_DT", "THRU_DT"),
    "sysB.episodes": _b(
        "EPISODES.TXT",
        "EPISODE_ID",
        "CLIENT_ID",
        "STAFF_NO",
        "REFERRAL_MD",
        "INJURY_DT",
        "START_DT",
        "ICD_PRIMARY",
        "ICD_SECONDARY",
    ),
    "sysB.priorauth": _b("PRIORAUTH.TXT", "AUTH_REF", "EPISODE_ID", "AUTH_VISITS", "AUTH_FROM", "AUTH_TO"),
    "sysB.appts": _b("APPTS.TXT", "APPT_ID", "EPISODE_ID", "CLIENT_ID", "STAFF_NO", "APPT_DATE", "APPT_STATUS"),
    "sysB.charges": _b("CHARGES.TXT", "CHARGE_ID", "APPT_ID", "PROC_CODE", "QTY", "FEE"),
    "sysB.procmap": _b("PROCMAP.TXT", "PROC_CODE", "LINE", "CPT", "UNITS_PER_QTY", "FEE_PCT"),
}


def col(table: str, name: str) -> int:
    """The position of a column in a table's header."""
    return FILES[table].header.index(name)


# ---------------------------------------------------------------------------------------
# sysB's code tables (fixed, not seeded)
# ---------------------------------------------------------------------------------------

# (payer code, plan code, payer name, payer type): a payer code alone is ambiguous.
INSCO: tuple[tuple[str, str, str, str], ...] = (
    ("MCR", "B", "Medicare Part B", "MEDICARE"),
    ("MCD", "STD", "MassHealth Standard", "MEDICAID"),
    ("MCD", "CQ", "MassHealth CommonHealth", "MEDICAID"),
    ("BCBS", "PPO", "Blue Cross Blue Shield of Massachusetts", "COMMERCIAL"),
    ("BCBS", "HMO", "Blue Cross Blue Shield of Massachusetts HMO Blue", "COMMERCIAL"),
    ("AETNA", "PPO", "Aetna", "COMMERCIAL"),
    ("AETNA", "HMO", "Aetna HMO", "COMMERCIAL"),
    ("UHC", "CHOICE", "UnitedHealthcare", "COMMERCIAL"),
    ("HPHC", "HMO", "Harvard Pilgrim Health Care", "COMMERCIAL"),
    ("LM", "WC", "Liberty Mutual Workers' Comp", "WORKERS COMP"),
    ("TRAV", "WC", "Travelers, Workers Compensation", "WORKERS COMP"),
)
# pairs sysB's coverage rows still carry but INSCO no longer lists (retired plans)
RETIRED_PLANS = (("BCBS", "INDEM"), ("AETNA", "POS"), ("TUFTS", "HMO"))

# PROCMAP: (proc code, line, cpt, units per qty, fee percent). EVTX is billed as two lines.
PROCMAP: tuple[tuple[str, int, str, int, int], ...] = (
    ("PTEVAL", 1, "97161", 1, 100),
    ("EVTX", 1, "97161", 1, 70),
    ("EVTX", 2, "97110", 2, 30),
    ("THEX", 1, "97110", 1, 100),
    ("NMR", 1, "97112", 1, 100),
    ("GAIT", 1, "97116", 1, 100),
    ("MANUAL", 1, "97140", 1, 100),
    ("THACT", 1, "97530", 1, 100),
    ("ESTIM", 1, "G0283", 1, 100),
    ("US", 1, "97035", 1, 100),
)
ONE_TO_MANY_CODE = "EVTX"
# whole-dollar fee per qty, so that FEE_PCT splits give whole cents
FEE_DOLLARS = {"PTEVAL": 120, "EVTX": 160, "THEX": 45, "NMR": 48, "GAIT": 42, "MANUAL": 42, "THACT": 50, "ESTIM": 15, "US": 18}
NO_SHOW_FEE = ("NS", 25)  # billed on some no-shows; not in PROCMAP
RETIRED_CODE = ("HOTPK", 12)  # a hot-pack code the group stopped billing; not in PROCMAP

# The fixed cutover date of the days-remaining rule.
CUTOVER = date(2024, 7, 1)
EPOCH = date(1970, 1, 1)

# ---------------------------------------------------------------------------------------
# Field rules of sysB (sysA's are the demo's, compiler.demo.rules)
# ---------------------------------------------------------------------------------------

B_ZERO_DATE = "00000000"


def parse_ymd(text: str) -> date | None:
    """`YYYYMMDD` (exactly 8 ASCII digits, a real date) -> date; anything else -> None."""
    s = text.strip(" ")
    if len(s) != 8 or not s.isascii() or not s.isdigit():
        return None
    try:
        return date(int(s[:4]), int(s[4:6]), int(s[6:]))
    except ValueError:
        return None


def parse_b_dob(text: str) -> tuple[bool, date | None]:
    """(ok, date): blank and 00000000 are ok with no date; else a real YYYYMMDD or not ok."""
    s = text.strip(" ")
    if s == "" or s == B_ZERO_DATE:
        return True, None
    d = parse_ymd(s)
    return d is not None, d


def parse_dmy(text: str) -> date | None:
    """`DD-MON-YY` (two-digit years pivot 00-68 -> 20xx, 69-99 -> 19xx) -> date, else None."""
    try:
        return datetime.strptime(text.strip(" "), "%d-%b-%y").date()
    except ValueError:
        return None


def parse_mdy(text: str) -> date | None:
    try:
        return datetime.strptime(text.strip(" "), "%m/%d/%Y").date()
    except ValueError:
        return None


def split_client_name(text: str) -> tuple[str, str] | None:
    """`LAST, FIRST` -> (last, first), both trimmed; None unless there is exactly one comma
    with a non-blank part on each side."""
    parts = text.split(",")
    if len(parts) != 2:
        return None
    last, first = parts[0].strip(" "), parts[1].strip(" ")
    if last == "" or first == "":
        return None
    return last, first


def qty_valid(text: str) -> bool:
    s = text.strip(" ")
    return s.isascii() and s.isdigit()


def days_between(a: date, b: date) -> int:
    return b.toordinal() - a.toordinal()


def age_at(born: date, on: date) -> int:
    """Whole years (Feb 29 birthdays turn older on Mar 1 in other years), as `age_at` does."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
