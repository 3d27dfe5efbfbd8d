#!/usr/bin/env python3
"""The demo mapping (specs/demo_clinic.mig) as an idiomatic, vectorised pandas script —
the baseline "a data engineer with pandas" would write without chartshift.

    .venv/bin/python bench/pandas_mapping.py DATA_DIR OUT_DIR [--check]

Reads the export with the right encodings (pyarrow CSV engine; the C engine for
NOTES.csv, whose quoted fields span lines), applies the rules of docs/DEMO.md (filters,
rejects in order, the patient dedup, crosswalk ids, one-to-many for diagnoses and charge
lines, lookups, date/phone/zip/state/SSN/ICD-10/money normalisation), and writes one
Parquet file per target table, per id map (legacy key -> id) and for the rejects into
OUT_DIR.  Prints the per-target counts; --check compares them with truth.json and exits
1 on a difference.  Needs pandas and pyarrow (`pip install -e '.[bench]'`).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import FILES, Phases, compare_maps, emit, load_truth

NA = pd.NA
STATES = {
    "AL": ("ALABAMA", "ALA"),
    "AK": ("ALASKA", "ALAS"),
    "AZ": ("ARIZONA", "ARIZ"),
    "AR": ("ARKANSAS", "ARK"),
    "CA": ("CALIFORNIA", "CALIF", "CAL"),
    "CO": ("COLORADO", "COLO", "COL"),
    "CT": ("CONNECTICUT", "CONN"),
    "DE": ("DELAWARE", "DEL"),
    "DC": ("DISTRICTOFCOLUMBIA", "WASHINGTONDC", "WASHDC"),
    "FL": ("FLORIDA", "FLA", "FLOR"),
    "GA": ("GEORGIA",),
    "HI": ("HAWAII", "HAWAI'I"),
    "ID": ("IDAHO", "IDA"),
    "IL": ("ILLINOIS", "ILL"),
    "IN": ("INDIANA", "IND"),
    "IA": ("IOWA",),
    "KS": ("KANSAS", "KAN", "KANS"),
    "KY": ("KENTUCKY", "KEN", "KENT"),
    "LA": ("LOUISIANA",),
    "ME": ("MAINE",),
    "MD": ("MARYLAND",),
    "MA": ("MASSACHUSETTS", "MASS"),
    "MI": ("MICHIGAN", "MICH"),
    "MN": ("MINNESOTA", "MINN"),
    "MS": ("MISSISSIPPI", "MISS"),
    "MO": ("MISSOURI",),
    "MT": ("MONTANA", "MONT"),
    "NE": ("NEBRASKA", "NEB", "NEBR"),
    "NV": ("NEVADA", "NEV"),
    "NH": ("NEWHAMPSHIRE",),
    "NJ": ("NEWJERSEY",),
    "NM": ("NEWMEXICO", "NMEX"),
    "NY": ("NEWYORK",),
    "NC": ("NORTHCAROLINA", "NCAR"),
    "ND": ("NORTHDAKOTA", "NDAK"),
    "OH": ("OHIO",),
    "OK": ("OKLAHOMA", "OKLA"),
    "OR": ("OREGON", "ORE", "OREG"),
    "PA": ("PENNSYLVANIA", "PENN", "PENNA"),
    "PR": ("PUERTORICO",),
    "RI": ("RHODEISLAND",),
    "SC": ("SOUTHCAROLINA", "SCAR"),
    "SD": ("SOUTHDAKOTA", "SDAK"),
    "TN": ("TENNESSEE", "TENN"),
    "TX": ("TEXAS", "TEX"),
    "UT": ("UTAH",),
    "VT": ("VERMONT",),
    "VA": ("VIRGINIA",),
    "WA": ("WASHINGTON", "WASH"),
    "WV": ("WESTVIRGINIA", "WVA"),
    "WI": ("WISCONSIN", "WIS", "WISC"),
    "WY": ("WYOMING", "WYO"),
}
STATE_KEYS = {k: code for code, others in STATES.items() for k in (code, *others)}
SEX = {"M": "male", "MALE": "male", "F": "female", "FEMALE": "female"}
VISIT_STATUS = {"COMPLETED": "completed", "NO SHOW": "no-show", "NOSHOW": "no-show", "CANCELLED": "cancelled", "CANCELED": "cancelled"}
SSN = (
    r"(?:00[1-9]|0[1-9][0-9]|[1-5][0-9]{2}|6[0-5][0-9]|66[0-57-9]|6[7-9][0-9]|[78][0-9]{2})[- ]?"
    r"(?:0[1-9]|[1-9][0-9])[- ]?(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"
)
ICD10 = r"[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?"


# ------------------------------------------------------------------------------------
# helpers
# ------------------------------------------------------------------------------------
def read(data: Path, table: str) -> pd.DataFrame:
    name, enc = FILES[table]
    # pyarrow is the fast engine and drops rows with a wrong field count; it cannot
    # parse quoted fields spanning lines, so NOTES.csv goes through the C engine.
    engine = "c" if table == "notes" else "pyarrow"
    return pd.read_csv(data / name, dtype="str", keep_default_na=False, na_values=[""], encoding=enc, engine=engine, on_bad_lines="skip")


def trim(s: pd.Series) -> pd.Series:
    return s.str.strip(" ")


def blank(s: pd.Series) -> pd.Series:
    """NULL or empty after trim."""
    return trim(s).fillna("").eq("")


def mdy(s: pd.Series) -> pd.Series:
    return pd.to_datetime(trim(s), format="%m/%d/%Y", errors="coerce")


def npi_valid(s: pd.Series) -> pd.Series:
    """10 digits and a valid Luhn check over '80840' + npi, vectorised with numpy."""
    s = trim(s)
    ok = s.str.fullmatch(r"[0-9]{10}").fillna(False).astype(bool)
    out = pd.Series(False, index=s.index)
    if ok.any():
        digits = np.frombuffer("".join("80840" + s[ok]).encode("ascii"), dtype=np.uint8).reshape(-1, 15).astype(np.int64) - 48
        doubled = digits[:, 1::2] * 2
        doubled -= 9 * (doubled > 9)
        out[ok] = (digits[:, 0::2].sum(axis=1) + doubled.sum(axis=1)) % 10 == 0
    return out


def id_map(keys: pd.Series) -> pd.Series:
    """Crosswalk: legacy key -> new id, numbered in key order."""
    keys = keys.sort_values(ignore_index=True)
    return pd.Series(np.arange(1, len(keys) + 1, dtype=np.int64), index=keys.values)


def first_reason(index: pd.Index, rules: list[tuple[pd.Series, str]]) -> pd.Series:
    """The first rule that matches, as the reject reason (NA when none does)."""
    out = np.full(len(index), None, dtype=object)
    for cond, why in reversed(rules):
        out[cond.fillna(False).to_numpy(dtype=bool)] = why
    return pd.Series(out, index=index, dtype=object)


def money(s: pd.Series) -> pd.Series:
    t = trim(s)
    neg = t.str.startswith("(").fillna(False) & t.str.endswith(")").fillna(False)
    v = pd.to_numeric(t.str.replace(r"[$,()]", "", regex=True), errors="coerce").round(2)
    return v.where(~neg, -v)


class Out:
    """Collects target tables, id maps, rejects and counts; writes Parquet."""

    def __init__(self, out: Path):
        self.out = out
        self.rejects: list[pd.DataFrame] = []
        self.counts: dict[str, dict] = {}

    def table(self, name: str, df: pd.DataFrame) -> None:
        df.to_parquet(self.out / f"{name}.parquet", index=False)

    def account(
        self,
        target: str,
        source_rows: int,
        loaded: int,
        reason: pd.Series,
        keys: pd.Series,
        filtered: int = 0,
        merged: int = 0,
        slot: pd.Series | None = None,
    ) -> None:
        rej = reason.notna()
        by = reason[rej].value_counts()
        self.counts[target] = {
            "source_rows": int(source_rows),
            "loaded": int(loaded),
            "rejected": int(rej.sum()),
            "filtered": int(filtered),
            "merged": int(merged),
            "rejected_by_reason": {str(k): int(v) for k, v in by.items()},
        }
        self.rejects.append(
            pd.DataFrame(
                {
                    "map": target,
                    "source_key": keys[rej].astype("str").values,
                    "slot": (slot[rej].values if slot is not None else pd.NA),
                    "reason": reason[rej].values,
                }
            )
        )

    def finish(self) -> None:
        pd.concat(self.rejects, ignore_index=True).astype({"slot": "Int64"}).to_parquet(self.out / "rejects.parquet", index=False)


# ------------------------------------------------------------------------------------
# the mapping
# ------------------------------------------------------------------------------------
def migrate(data: Path, out: Out, ph: Phases) -> None:
    src = {t: read(data, t) for t in FILES}
    ph.mark("read_csv")

    # emr.practitioner <- providers ----------------------------------------------------
    prov = src["providers"]
    reason = first_reason(prov.index, [(~npi_valid(prov["npi"]), "invalid NPI")])
    ok = reason.isna()
    x_prac = id_map(prov.loc[ok, "prov_id"])
    out.table("xwalk_practitioner", x_prac.rename_axis("prov_id").reset_index(name="id"))
    p = prov[ok]
    out.table(
        "practitioner",
        pd.DataFrame(
            {
                "id": p["prov_id"].map(x_prac),
                "provider_code": trim(p["prov_id"]),
                "full_name": trim(p["name"]),
                "credential": trim(p["credential"]).str.upper(),
                "npi": trim(p["npi"]),
            }
        ).sort_values("id"),
    )
    out.account("emr.practitioner", len(prov), ok.sum(), reason, prov["prov_id"])

    # emr.patient <- patients: filter, rejects, dedup ---------------------------------
    pat = src["patients"]
    keep = pat["status"].fillna("") != "D"
    dob = trim(pat["dob"]).replace("00/00/0000", NA)
    birth = pd.to_datetime(dob, format="%m/%d/%Y", errors="coerce")
    birth = birth.fillna(pd.to_datetime(dob, format="%Y-%m-%d", errors="coerce"))
    birth = birth.fillna(pd.to_datetime(dob, format="%d-%b-%y", errors="coerce"))
    reason = first_reason(
        pat.index,
        [
            (blank(pat["last_name"]), "missing last name"),
            (dob.notna() & birth.isna(), "unparseable date of birth"),
        ],
    ).where(keep)
    cand = keep & reason.isna() & birth.notna()
    dd = pd.DataFrame(
        {"pat_no": pat["pat_no"], "lk": trim(pat["last_name"]).str.upper(), "fk": trim(pat["first_name"]).str.upper(), "birth": birth}
    )[cand]
    survivor = dd.sort_values("pat_no").groupby(["lk", "fk", "birth"], sort=False)["pat_no"].transform("first")
    survivor = survivor.reindex(pat.index)
    merged = survivor.notna() & (survivor != pat["pat_no"])
    loaded = keep & reason.isna() & ~merged
    x_pat_own = id_map(pat.loc[loaded, "pat_no"])
    x_pat = pd.concat([x_pat_own, pd.Series(survivor[merged].map(x_pat_own).values, index=pat.loc[merged, "pat_no"].values)])
    out.table("xwalk_patient", x_pat.rename_axis("pat_no").reset_index(name="id"))
    p = pat[loaded]
    zip_t = trim(p["zip"])
    zip5 = zip_t.str.zfill(5).where(zip_t.str.fullmatch(r"[0-9]{3,5}").fillna(False))
    zip9 = zip_t.str.replace(r"^([0-9]{5})-?([0-9]{4})$", r"\1-\2", regex=True).where(
        zip_t.str.fullmatch(r"[0-9]{5}-?[0-9]{4}").fillna(False)
    )
    digits = (
        p["home_phone"].str.replace(r"\s*(?:[Ee][Xx][Tt]\.?|[Xx]|#)\s*[0-9]+\s*$", "", regex=True).str.replace(r"[^0-9]", "", regex=True)
    )
    ssn = trim(p["ssn"])
    out.table(
        "patient",
        pd.DataFrame(
            {
                "id": p["pat_no"].map(x_pat_own),
                "mrn": trim(p["pat_no"]),
                "first_name": trim(p["first_name"]).str.title(),
                "last_name": trim(p["last_name"]).str.title(),
                "middle_initial": trim(p["middle_initial"]).str[:1].str.upper(),
                "birth_date": birth[loaded].astype("date32[pyarrow]"),
                "sex": trim(p["sex"]).str.upper().map(SEX).fillna("unknown"),
                "ssn": ssn.str.replace(r"[- ]", "", regex=True).where(ssn.str.fullmatch(SSN).fillna(False)),
                "address_line1": trim(p["address1"]),
                "city": trim(p["city"]).str.title(),
                "state": p["state"].str.replace(r"[.\s]", "", regex=True).str.upper().map(STATE_KEYS),
                "postal_code": zip5.fillna(zip9),
                "phone": digits.str.extract(r"^1?([2-9][0-9]{2}[2-9][0-9]{6})$", expand=False),
                "email": trim(p["email"]).str.lower(),
                "status": np.where(trim(p["status"]).str.upper().eq("I").fillna(False), "inactive", "active"),
            }
        ).sort_values("id"),
    )
    out.account("emr.patient", len(pat), loaded.sum(), reason, pat["pat_no"], filtered=(~keep).sum(), merged=merged.sum())
    ph.mark("patient")

    # emr.coverage <- policies JOIN payers ----------------------------------------------
    pol = src["policies"].merge(src["payers"], on="payer_id", how="left")
    patient_id = pol["pat_no"].map(x_pat)
    reason = first_reason(pol.index, [(patient_id.isna(), "coverage for unknown patient")])
    ok = reason.isna()
    x_cov = id_map(pol.loc[ok, "policy_id"])
    out.table("xwalk_coverage", x_cov.rename_axis("policy_id").reset_index(name="id"))
    p = pol[ok]
    out.table(
        "coverage",
        pd.DataFrame(
            {
                "id": p["policy_id"].map(x_cov),
                "patient_id": patient_id[ok].astype("int64"),
                "payer_name": p["payer_name"],
                "payer_type": p["payer_type"],
                "member_id": trim(p["member_id"]),
                "group_no": trim(p["group_no"]),
                "priority": pd.to_numeric(p["priority"], errors="coerce").astype("Int64"),
                "start_date": mdy(p["eff_date"]).astype("date32[pyarrow]"),
                "end_date": mdy(p["term_date"]).astype("date32[pyarrow]"),
            }
        ).sort_values("id"),
    )
    out.account("emr.coverage", len(pol), ok.sum(), reason, pol["policy_id"])

    # emr.episode <- cases ----------------------------------------------------------------
    cases = src["cases"]
    patient_id = cases["pat_no"].map(x_pat)
    reason = first_reason(cases.index, [(patient_id.isna(), "episode for unknown patient")])
    ok = reason.isna()
    x_epi = id_map(cases.loc[ok, "case_no"])
    out.table("xwalk_episode", x_epi.rename_axis("case_no").reset_index(name="id"))
    p = cases[ok]
    rnpi = trim(p["referring_npi"])
    out.table(
        "episode",
        pd.DataFrame(
            {
                "id": p["case_no"].map(x_epi),
                "patient_id": patient_id[ok].astype("int64"),
                "practitioner_id": p["therapist_id"].map(x_prac).astype("Int64"),
                "referring_physician": trim(p["referring_physician"]),
                "referring_npi": rnpi.where(npi_valid(rnpi)),
                "onset_date": mdy(p["injury_date"]).astype("date32[pyarrow]"),
                "start_date": mdy(p["eval_date"]).astype("date32[pyarrow]"),
            }
        ).sort_values("id"),
    )
    out.account("emr.episode", len(cases), ok.sum(), reason, cases["case_no"])

    # emr.diagnosis <- cases, dx1..dx4 (melt) -------------------------------------------------
    dx = cases[["case_no", "dx1", "dx2", "dx3", "dx4"]].melt(id_vars="case_no", var_name="slot", value_name="dx")
    total = len(dx)
    dx = dx[~blank(dx["dx"])]
    seq = dx["slot"].str[2:].astype("int64")
    bare = trim(dx["dx"]).str.upper().str.replace(".", "", n=1, regex=False)
    code = bare.where(bare.str.len() <= 3, bare.str[:3] + "." + bare.str[3:])
    episode_id = dx["case_no"].map(x_epi)
    reason = first_reason(
        dx.index, [(episode_id.isna(), "diagnosis for unknown episode"), (~code.str.fullmatch(ICD10).fillna(False), "invalid ICD-10 code")]
    )
    ok = reason.isna()
    keys = dx.loc[ok, "case_no"] + "|" + seq[ok].astype("str")
    x_dx = id_map(keys)
    out.table("xwalk_diagnosis", x_dx.rename_axis("legacy_key").reset_index(name="id"))
    out.table(
        "diagnosis",
        pd.DataFrame(
            {"id": keys.map(x_dx), "episode_id": episode_id[ok].astype("int64"), "seq": seq[ok], "icd10_code": code[ok]}
        ).sort_values("id"),
    )
    out.account("emr.diagnosis", total, ok.sum(), reason, dx["case_no"], filtered=total - len(dx), slot=seq)
    ph.mark("episode+diagnosis+coverage")

    # emr.authorization <- auths --------------------------------------------------------------
    au = src["auths"]
    episode_id = au["case_no"].map(x_epi)
    reason = first_reason(au.index, [(episode_id.isna(), "authorization for unknown episode")])
    ok = reason.isna()
    keys = au["case_no"] + "|" + au["auth_no"].fillna("") + "|" + au["start_date"].fillna("")
    x_au = id_map(keys[ok])
    out.table("xwalk_authorization", x_au.rename_axis("legacy_key").reset_index(name="id"))
    p = au[ok]
    out.table(
        "authorization",
        pd.DataFrame(
            {
                "id": keys[ok].map(x_au),
                "episode_id": episode_id[ok].astype("int64"),
                "auth_number": trim(p["auth_no"]).replace("0000", NA),
                "visits_authorized": pd.to_numeric(p["visits_authorized"], errors="coerce").astype("Int64"),
                "start_date": mdy(p["start_date"]).astype("date32[pyarrow]"),
                "end_date": mdy(p["end_date"]).astype("date32[pyarrow]"),
            }
        ).sort_values("id"),
    )
    out.account("emr.authorization", len(au), ok.sum(), reason, au["case_no"])

    # emr.encounter <- visits -----------------------------------------------------------------
    vis = src["visits"]
    visit_id = pd.to_numeric(vis["visit_id"], errors="coerce")  # int64 (float64 if a value does not parse)
    patient_id = vis["pat_no"].map(x_pat)
    reason = first_reason(vis.index, [(patient_id.isna(), "visit for unknown patient")])
    ok = reason.isna()
    x_enc = id_map(visit_id[ok])
    out.table("xwalk_encounter", x_enc.rename_axis("visit_id").reset_index(name="id"))
    p = vis[ok]
    out.table(
        "encounter",
        pd.DataFrame(
            {
                "id": visit_id[ok].map(x_enc),
                "patient_id": patient_id[ok].astype("int64"),
                "episode_id": p["case_no"].map(x_epi).astype("Int64"),
                "practitioner_id": p["prov_id"].map(x_prac).astype("Int64"),
                "service_date": mdy(p["dos"]).astype("date32[pyarrow]"),
                "status": trim(p["status"]).str.upper().map(VISIT_STATUS).fillna("unknown"),
            }
        ).sort_values("id"),
    )
    out.account("emr.encounter", len(vis), ok.sum(), reason, vis["visit_id"])
    ph.mark("encounter")

    # emr.charge_line <- visits, (cptN, unitsN, modN, amountN) for N = 1..3 -----------------
    parts = []
    for n in (1, 2, 3):
        part = pd.DataFrame(
            {
                "visit_id": visit_id,
                "line_no": n,
                "code": vis[f"cpt{n}"],
                "units": vis[f"units{n}"],
                "modifier": vis[f"mod{n}"],
                "amount": vis[f"amount{n}"],
            }
        )
        parts.append(part[~blank(part["code"])])
    ch = pd.concat(parts, ignore_index=True)
    total = 3 * len(vis)
    encounter_id = ch["visit_id"].map(x_enc)
    units = pd.to_numeric(trim(ch["units"]), errors="coerce")
    reason = first_reason(
        ch.index, [(encounter_id.isna(), "charge for rejected visit"), (units.isna() | ~units.between(1, 8), "invalid units")]
    )
    ok = reason.isna()
    c = ch[ok]
    x_ch = id_map(c["visit_id"].astype("int64") * 10 + c["line_no"])  # (visit_id, line_no) as one integer key
    out.table("xwalk_charge_line", x_ch.rename_axis("visit_line").reset_index(name="id"))
    out.table(
        "charge_line",
        pd.DataFrame(
            {
                "id": (c["visit_id"].astype("int64") * 10 + c["line_no"]).map(x_ch),
                "encounter_id": encounter_id[ok].astype("int64"),
                "line_no": c["line_no"],
                "cpt": trim(c["code"]).str.upper(),
                "units": units[ok].astype("int64"),
                "modifier": trim(c["modifier"]).str.upper().replace("", NA),
                "amount": money(c["amount"]),
            }
        ).sort_values("id"),
    )
    out.account("emr.charge_line", total, ok.sum(), reason, ch["visit_id"], filtered=total - len(ch), slot=ch["line_no"])
    ph.mark("charge_line")

    # emr.clinical_note <- notes -----------------------------------------------------------------
    notes = src["notes"]
    encounter_id = pd.to_numeric(notes["visit_id"], errors="coerce").map(x_enc)
    reason = first_reason(notes.index, [(encounter_id.isna(), "note for unknown visit")])
    ok = reason.isna()
    x_note = id_map(notes.loc[ok, "note_id"])
    out.table("xwalk_clinical_note", x_note.rename_axis("note_id").reset_index(name="id"))
    p = notes[ok]
    out.table(
        "clinical_note",
        pd.DataFrame(
            {
                "id": p["note_id"].map(x_note),
                "encounter_id": encounter_id[ok].astype("int64"),
                "note_type": trim(p["note_type"]).str.upper(),
                "body": p["note_text"],
            }
        ).sort_values("id"),
    )
    out.account("emr.clinical_note", len(notes), ok.sum(), reason, notes["note_id"])
    out.finish()
    ph.mark("notes+write")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    ph = Phases()
    out = Out(args.out)
    migrate(args.data, out, ph)
    diffs = compare_maps(out.counts, load_truth(args.data)) if args.check else []
    emit({"maps": out.counts, "diffs": diffs, "phases": ph.items})
    for d in diffs:
        print("count mismatch:", d, file=sys.stderr)
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
