"""A pure-Python reference of the `two_systems` consolidation rules (docs/TWO_SYSTEMS.md):
the numbers truth.json holds, computed from the rows as the files hold them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

from compiler.demo.reference import _Tally
from compiler.demo.rules import amount_cents, icd10_valid, npi_valid, parse_dob, patient_outcome, units_valid
from compiler.demo.two_layout import (
    CUTOVER,
    EPOCH,
    FILES,
    INSCO,
    ONE_TO_MANY_CODE,
    age_at,
    col,
    days_between,
    parse_b_dob,
    parse_dmy,
    parse_mdy,
    parse_ymd,
    qty_valid,
    split_client_name,
)

# target -> source table -> reject reasons in evaluation order
MAPS: dict[str, dict[str, tuple[str, ...]]] = {
    "emr.practitioner": {"sysA.providers": ("invalid NPI",), "sysB.staff": ("invalid NPI",)},
    "emr.patient": {
        "sysA.patients": ("missing last name", "unparseable date of birth"),
        "sysB.clients": ("unparseable client name", "unparseable date of birth"),
    },
    "emr.coverage": {
        "sysA.policies": ("coverage for unknown patient",),
        "sysB.coverage": ("coverage for unknown patient", "unknown payer plan"),
    },
    "emr.episode": {"sysA.cases": ("episode for unknown patient",), "sysB.episodes": ("episode for unknown patient",)},
    "emr.diagnosis": {
        "sysA.cases": ("diagnosis for unknown episode", "invalid ICD-10 code"),
        "sysB.episodes": ("diagnosis for unknown episode", "invalid ICD-10 code"),
    },
    "emr.authorization": {
        "sysA.auths": ("authorization for unknown episode",),
        "sysB.priorauth": ("authorization for unknown episode",),
    },
    "emr.encounter": {"sysA.visits": ("visit for unknown patient",), "sysB.appts": ("visit for unknown patient",)},
    "emr.charge_line": {
        "sysA.visits": ("charge for rejected visit", "invalid units"),
        "sysB.charges": ("charge for rejected visit", "unknown procedure code", "invalid units"),
    },
    "emr.clinical_note": {"sysA.notes": ("note for unknown visit",)},
}

Key = tuple[str, str]  # (system, legacy key)
VISIT_SOURCES = (("sysA.visits", "A"), ("sysB.appts", "B"))
_STATUS_A = {"COMPLETED": "completed", "NO SHOW": "no-show", "NOSHOW": "no-show", "CANCELLED": "cancelled", "CANCELED": "cancelled"}
_STATUS_B = {"K": "completed", "N": "no-show", "C": "cancelled"}
_AGE_BUCKETS = ("0-17", "18-39", "40-64", "65+")
_DAYS_BUCKETS = ("0", "1-30", "31-60", "61+")


def _age_bucket(age: int) -> str:
    return "0-17" if age < 18 else "18-39" if age < 40 else "40-64" if age < 65 else "65+"


def _days_bucket(days: int) -> str:
    return "0" if days == 0 else "1-30" if days <= 30 else "31-60" if days <= 60 else "61+"


class TwoReference:
    """Applies the rules to every table in dependency order; `truth()` returns the result."""

    def __init__(self, tables: dict[str, list[list[str]]]) -> None:
        self.t = tables
        self.tally = {(tg, src): _Tally(src, reasons) for tg, srcs in MAPS.items() for src, reasons in srcs.items()}
        self.rows: Counter[str] = Counter()  # target table -> rows written
        self.survivor: dict[Key, Key] = {}  # loaded or merged patient -> its surviving patient
        self.birth: dict[Key, date | None] = {}  # surviving patient -> birth date
        self.merges: Counter[str] = Counter()  # "A->A", "B->B", "B->A"
        self.episodes: dict[Key, Key] = {}  # loaded episode -> its patient (survivor)
        self.encounters: dict[Key, tuple[Key | None, date, str]] = {}  # loaded visit -> (episode, date, status)
        self.totals: Counter[str] = Counter()
        self.payers: Counter[str] = Counter()
        self.pairs: Counter[str] = Counter()
        self.age_hist = dict.fromkeys(_AGE_BUCKETS, 0)
        self.days_hist = dict.fromkeys(_DAYS_BUCKETS, 0)
        self.auth_rows: list[tuple[str, str, Key, date | None, date | None]] = []  # (system, auth key, episode, start, end)

    def _t(self, target: str, source: str) -> _Tally:
        return self.tally[(target, source)]

    def _load(self, target: str, source: str, count: int = 1) -> None:
        self._t(target, source).loaded += count
        self.rows[target] += count

    # -- practitioners and patients ---------------------------------------------------------

    def practitioners(self) -> None:
        for src in ("sysA.providers", "sysB.staff"):
            for r in self.t[src]:
                if npi_valid(r[3].strip(" ")):
                    self._load("emr.practitioner", src)
                else:
                    self._t("emr.practitioner", src).reject("invalid NPI")

    def patients(self) -> None:
        """Both systems' rows into one patient table, deduplicated across the systems on
        (upper(trim(last)), upper(trim(first)), birth date); sysA rows win over sysB rows,
        then the lowest legacy key."""
        kept: list[tuple[Key, tuple[str, str, date] | None, date | None]] = []
        ta = self._t("emr.patient", "sysA.patients")
        for r in self.t["sysA.patients"]:
            outcome, reason, dob = patient_outcome(r)
            if outcome == "filtered":
                ta.filtered += 1
                continue
            if outcome == "rejected":
                ta.reject(reason)
                continue
            key = (r[1].strip(" ").upper(), r[2].strip(" ").upper(), dob) if dob else None
            kept.append((("A", r[0]), key, dob))
        tb = self._t("emr.patient", "sysB.clients")
        for r in self.t["sysB.clients"]:
            if r[10] == "X":
                tb.filtered += 1
                continue
            names = split_client_name(r[1])
            if names is None:
                tb.reject("unparseable client name")
                continue
            ok, dob = parse_b_dob(r[2])
            if not ok:
                tb.reject("unparseable date of birth")
                continue
            key = (names[0].upper(), names[1].upper(), dob) if dob else None
            kept.append((("B", r[0]), key, dob))
        best: dict[tuple[str, str, date], Key] = {}
        for pk, key, _ in kept:
            if key is not None and (key not in best or pk < best[key]):  # "A" < "B", then the legacy key
                best[key] = pk
        for pk, key, dob in kept:
            win = pk if key is None else best[key]
            self.survivor[pk] = win
            src = "sysA.patients" if pk[0] == "A" else "sysB.clients"
            if win == pk:
                self._load("emr.patient", src)
                self.birth[pk] = dob
            else:
                self._t("emr.patient", src).merged += 1
                self.merges[f"{pk[0]}->{win[0]}"] += 1

    # -- coverage ---------------------------------------------------------------------------

    def coverage(self) -> None:
        payer_a = {r[0]: r[1] for r in self.t["sysA.payers"]}
        for r in self.t["sysA.policies"]:
            if ("A", r[1]) not in self.survivor:
                self._t("emr.coverage", "sysA.policies").reject("coverage for unknown patient")
            else:
                self._load("emr.coverage", "sysA.policies")
                self.payers[payer_a[r[2]]] += 1
        plans = {(p[0], p[1]): p[2] for p in INSCO}
        for r in self.t["sysB.coverage"]:
            raw = (r[2], r[3])
            pair = (r[2].strip(" ").upper(), r[3].strip(" ").upper())
            self.pairs["exact" if raw in plans else "after upper(trim())" if pair in plans else "unknown"] += 1
            tb = self._t("emr.coverage", "sysB.coverage")
            if ("B", r[1]) not in self.survivor:
                tb.reject("coverage for unknown patient")
            elif pair not in plans:
                tb.reject("unknown payer plan")
            else:
                self._load("emr.coverage", "sysB.coverage")
                self.payers[plans[pair]] += 1

    # -- episodes and diagnoses -------------------------------------------------------------

    def episodes_and_diagnoses(self) -> None:
        sources: tuple[tuple[str, str, range, Callable[[str], date | None], int], ...] = (
            ("sysA.cases", "A", range(7, 11), parse_mdy, 5),
            ("sysB.episodes", "B", range(6, 8), parse_dmy, 4),
        )
        for src, sysname, slots, parse_onset, onset_col in sources:
            dx = self._t("emr.diagnosis", src)
            for r in self.t[src]:
                patient = self.survivor.get((sysname, r[1]))
                if patient is None:
                    self._t("emr.episode", src).reject("episode for unknown patient")
                else:
                    self._load("emr.episode", src)
                    self.episodes[(sysname, r[0])] = patient
                    onset, born = parse_onset(r[onset_col]), self.birth[patient]
                    if onset is not None and born is not None:
                        age = age_at(born, onset)
                        self.totals["age_at_injury_count"] += 1
                        self.totals["age_at_injury_sum"] += age
                        self.age_hist[_age_bucket(age)] += 1
                for i in slots:
                    code = r[i]
                    if code.strip(" ") == "":
                        dx.filtered += 1
                    elif patient is None:
                        dx.reject("diagnosis for unknown episode")
                    elif not icd10_valid(code):
                        dx.reject("invalid ICD-10 code")
                    else:
                        self._load("emr.diagnosis", src)

    # -- authorizations (their usage comes after the encounters) ----------------------------

    def authorizations(self) -> None:
        for src, sysname, parse in (("sysA.auths", "A", parse_mdy), ("sysB.priorauth", "B", parse_ymd)):
            for r in self.t[src]:
                episode = (sysname, r[1])
                if episode not in self.episodes:
                    self._t("emr.authorization", src).reject("authorization for unknown episode")
                    continue
                self._load("emr.authorization", src)
                start, end = parse(r[3]), parse(r[4])
                self.auth_rows.append((sysname, r[0] if sysname == "B" else r[1], episode, start, end))
                if end is not None:
                    days = max(0, days_between(CUTOVER, end))
                    self.totals["auth_days_remaining_sum"] += days
                    self.days_hist[_days_bucket(days)] += 1

    # -- encounters, charges, notes ---------------------------------------------------------

    def encounters_and_charges(self) -> None:
        ch_a = self._t("emr.charge_line", "sysA.visits")
        for r in self.t["sysA.visits"]:
            loaded = ("A", r[2]) in self.survivor
            if loaded:
                self._load("emr.encounter", "sysA.visits")
                episode = ("A", r[1]) if ("A", r[1]) in self.episodes else None
                status = _STATUS_A.get(r[5].strip(" ").upper(), "unknown")
                self.encounters[("A", r[0])] = (episode, parse_mdy(r[4]) or date.min, status)
            else:
                self._t("emr.encounter", "sysA.visits").reject("visit for unknown patient")
            for i in (6, 10, 14):
                if r[i].strip(" ") == "":
                    ch_a.filtered += 1
                elif not loaded:
                    ch_a.reject("charge for rejected visit")
                elif not units_valid(r[i + 1]):
                    ch_a.reject("invalid units")
                else:
                    self._load("emr.charge_line", "sysA.visits")
                    self.totals["charge_units"] += int(r[i + 1])
                    self.totals["charge_cents"] += amount_cents(r[i + 3]) or 0
        for r in self.t["sysB.appts"]:
            if ("B", r[2]) in self.survivor:
                self._load("emr.encounter", "sysB.appts")
                episode = ("B", r[1]) if ("B", r[1]) in self.episodes else None
                status = _STATUS_B.get(r[5].strip(" ").upper(), "unknown")
                self.encounters[("B", r[0])] = (episode, parse_ymd(r[4]) or date.min, status)
            else:
                self._t("emr.encounter", "sysB.appts").reject("visit for unknown patient")
        lines: dict[str, list[tuple[str, int, int]]] = {}
        for code, _line, cpt, upq, pct in sorted((r[0], int(r[1]), r[2], int(r[3]), int(r[4])) for r in self.t["sysB.procmap"]):
            lines.setdefault(code, []).append((cpt, upq, pct))
        ch_b = self._t("emr.charge_line", "sysB.charges")
        for r in self.t["sysB.charges"]:
            code = r[2].strip(" ").upper()
            matches = lines.get(code, [])
            n = max(1, len(matches))  # each emitted row counts; no match: one row to reject
            if ("B", r[1]) not in self.encounters:
                for _ in range(n):
                    ch_b.reject("charge for rejected visit")
            elif not matches:
                ch_b.reject("unknown procedure code")
            elif not qty_valid(r[3]) or not all(1 <= int(r[3]) * upq <= 8 for _, upq, _ in matches):
                for _ in range(n):
                    ch_b.reject("invalid units")
            else:
                self._load("emr.charge_line", "sysB.charges", n)
                fee = amount_cents(r[4]) or 0
                for _, upq, pct in matches:
                    self.totals["charge_units"] += int(r[3]) * upq
                    self.totals["charge_cents"] += fee * pct // 100
                if code == ONE_TO_MANY_CODE:
                    self.totals["one_to_many_source_rows"] += 1
                    self.totals["one_to_many_charge_lines"] += n

    def notes(self) -> None:
        for r in self.t["sysA.notes"]:
            if ("A", r[1]) in self.encounters:
                self._load("emr.clinical_note", "sysA.notes")
            else:
                self._t("emr.clinical_note", "sysA.notes").reject("note for unknown visit")

    # -- derived: numbering and aggregates --------------------------------------------------

    def derived(self) -> dict[str, Any]:
        by_episode: dict[Key, list[tuple[date, int, str, str]]] = {}
        for (_, key), (episode, day, status) in self.encounters.items():
            if episode is not None:
                order_key = int(key)  # visit_id and APPT_ID are integers
                by_episode.setdefault(episode, []).append((day, order_key, status, key))
        visit_no: dict[Key, int] = {}
        for episode, visits in by_episode.items():
            for i, (_, _, _, key) in enumerate(sorted(visits), start=1):
                visit_no[(episode[0], key)] = i
        activity: dict[Key, tuple[date, date, int]] = {}
        for episode, visits in by_episode.items():
            done = sorted(v[0] for v in visits if v[2] == "completed")
            if done:
                activity[episode] = (done[0], done[-1], len(done))
        used: list[tuple[str, str, int]] = []
        for sysname, key, episode, start, end in self.auth_rows:
            days = [v[0] for v in by_episode.get(episode, []) if v[2] == "completed"]
            n = sum(1 for d in days if start is not None and end is not None and start <= d <= end)
            used.append((sysname, key, n))
        return {"visit_no": visit_no, "activity": activity, "used": used}

    def _visit_rows(self, source: str, sysname: str, activity: dict[Key, tuple[date, date, int]]) -> dict[str, int]:
        """How one system's visit rows feed the episode aggregate: completed visits of loaded
        episodes are aggregated into one row per episode; the others are not."""
        mine = [v for k, v in self.encounters.items() if k[0] == sysname and v[0] is not None]
        aggregated = sum(1 for v in mine if v[2] == "completed")
        return {
            "records": len(self.t[source]),
            "aggregated": aggregated,
            "into_episodes": sum(1 for k in activity if k[0] == sysname),
            "not_completed": len(mine) - aggregated,
            "without_a_loaded_episode": len(self.t[source]) - len(mine),
        }

    def truth(self) -> dict[str, Any]:
        self.practitioners()
        self.patients()
        self.coverage()
        self.episodes_and_diagnoses()
        self.authorizations()
        self.encounters_and_charges()
        self.notes()
        d = self.derived()
        maps: dict[str, dict[str, Any]] = {}
        for (target, source), tally in self.tally.items():
            maps.setdefault(target, {})[source] = tally.as_dict()
        activity: dict[Key, tuple[date, date, int]] = d["activity"]
        visit_no: dict[Key, int] = d["visit_no"]
        used: list[tuple[str, str, int]] = d["used"]

        def sample_episodes(sysname: str) -> list[dict[str, Any]]:
            keys = sorted(k for k in activity if k[0] == sysname)[:3]
            return [
                {
                    "system": "sys" + k[0],
                    "key": k[1],
                    "first_visit_date": activity[k][0].isoformat(),
                    "last_visit_date": activity[k][1].isoformat(),
                    "completed_visits": activity[k][2],
                }
                for k in keys
            ]

        samples_used = [u for s in ("A", "B") for u in [x for x in used if x[0] == s][:3]]
        samples_no = [k for s in ("A", "B") for k in sorted((k for k in visit_no if k[0] == s), key=lambda k: int(k[1]))[:4]]
        return {
            "maps": maps,
            "targets": {t: self.rows[t] for t in MAPS},
            "patient_merges": {k: self.merges[k] for k in ("A->A", "B->B", "B->A")}
            | {"B->A survivors": len({w for k, w in self.survivor.items() if k[0] == "B" and w[0] == "A"})},
            "payers": {
                "sysB_pairs": {k: self.pairs[k] for k in ("exact", "after upper(trim())", "unknown")},
                "coverage_by_payer_name": dict(sorted(self.payers.items())),
            },
            "charges": {
                "charge_lines": self.rows["emr.charge_line"],
                "charge_units": self.totals["charge_units"],
                "charge_cents": self.totals["charge_cents"],
                "one_to_many": {
                    "proc_code": ONE_TO_MANY_CODE,
                    "source_rows": self.totals["one_to_many_source_rows"],
                    "charge_lines": self.totals["one_to_many_charge_lines"],
                },
            },
            "episode_activity": {
                "episodes": len(activity),
                "completed_visits": sum(a[2] for a in activity.values()),
                "sum_first_visit_epoch_days": sum(days_between(EPOCH, a[0]) for a in activity.values()),
                "sum_last_visit_epoch_days": sum(days_between(EPOCH, a[1]) for a in activity.values()),
                "sum_span_days": sum(days_between(a[0], a[1]) for a in activity.values()),
                "samples": sample_episodes("A") + sample_episodes("B"),
                "by_source": {src: self._visit_rows(src, sysname, activity) for src, sysname in VISIT_SOURCES},
            },
            "authorization_usage": {
                "authorizations": len(used),
                "visits_used_sum": sum(u[2] for u in used),
                "with_no_visits_used": sum(1 for u in used if u[2] == 0),
                "samples": [{"system": "sys" + s, "key": k, "visits_used": n} for s, k, n in samples_used],
                "by_source": {
                    src: {
                        "authorizations": sum(1 for u in used if u[0] == sysname),
                        "visits_used_sum": sum(u[2] for u in used if u[0] == sysname),
                    }
                    for src, sysname in (("sysA.auths", "A"), ("sysB.priorauth", "B"))
                },
            },
            "visit_numbering": {
                "numbered_encounters": len(visit_no),
                "visit_no_sum": sum(visit_no.values()),
                "visit_no_max": max(visit_no.values(), default=0),
                "samples": [{"system": "sys" + k[0], "key": k[1], "visit_no": visit_no[k]} for k in samples_no],
            },
            "age_at_injury": {
                "episodes": self.totals["age_at_injury_count"],
                "sum": self.totals["age_at_injury_sum"],
                "histogram": self.age_hist,
            },
            "auth_days_remaining": {
                "cutover": CUTOVER.isoformat(),
                "authorizations": sum(self.days_hist.values()),
                "sum": self.totals["auth_days_remaining_sum"],
                "histogram": self.days_hist,
            },
        }


def files_of(tables: dict[str, list[list[str]]]) -> dict[str, Any]:
    return {
        t: {"file": f"{f.folder}/{f.name}", "encoding": f.encoding, "delimiter": f.delimiter, "records": len(tables[t])}
        for t, f in FILES.items()
    }


def _re(pattern: str) -> Callable[[str], bool]:
    rx = re.compile(pattern)
    return lambda v: rx.fullmatch(v) is not None


def _impossible_a(v: str) -> bool:
    return not parse_dob(v)[0]


# table -> kind -> (column, test); every kind is counted in truth.json `dirt`
DIRT: dict[str, dict[str, tuple[str, Callable[[str], bool]]]] = {
    "sysA.patients": {
        "dob blank": ("dob", lambda v: v == ""),
        "dob 00/00/0000": ("dob", lambda v: v == "00/00/0000"),
        "dob YYYY-MM-DD": ("dob", _re(r"\d{4}-\d\d-\d\d")),
        "dob DD-MON-YY": ("dob", _re(r"\d\d-[A-Z]{3}-\d\d")),
        "dob impossible": ("dob", _impossible_a),
        "last_name blank": ("last_name", lambda v: v.strip(" ") == ""),
        "last_name all upper or lower case": ("last_name", lambda v: v.isascii() and len(v) > 1 and v in (v.upper(), v.lower())),
        "ssn 999999999": ("ssn", lambda v: v == "999999999"),
        "ssn without dashes": ("ssn", _re(r"(?!999999999)\d{9}")),
        "zip lost its leading zero": ("zip", _re(r"\d{4}")),
        "phone with extension": ("home_phone", _re(r".* x\d+")),
        "status D": ("status", lambda v: v == "D"),
    },
    "sysB.clients": {
        "CLIENT_NAME without a comma": ("CLIENT_NAME", lambda v: "," not in v),
        "CLIENT_NAME in upper case": ("CLIENT_NAME", lambda v: v.isascii() and v == v.upper() and "," in v),
        "BIRTH_DT blank": ("BIRTH_DT", lambda v: v == ""),
        "BIRTH_DT 00000000": ("BIRTH_DT", lambda v: v == "00000000"),
        "BIRTH_DT impossible": ("BIRTH_DT", lambda v: not parse_b_dob(v)[0]),
        "SOC_SEC blank": ("SOC_SEC", lambda v: v == ""),
        "PHONE blank": ("PHONE", lambda v: v == ""),
        "PHONE with a leading 1": ("PHONE", _re(r"1-\d{3}-\d{3}-\d{4}")),
        "POSTCODE of 9 digits": ("POSTCODE", _re(r"\d{9}")),
        "ACTIVE_FLAG X": ("ACTIVE_FLAG", lambda v: v == "X"),
    },
    "sysB.coverage": {
        "THRU_DT 99991231": ("THRU_DT", lambda v: v == "99991231"),
        "PLAN_CD in lower case or padded": ("PLAN_CD", lambda v: v != v.strip(" ").upper()),
    },
    "sysB.episodes": {"INJURY_DT UNK": ("INJURY_DT", lambda v: v == "UNK"), "INJURY_DT blank": ("INJURY_DT", lambda v: v == "")},
    "sysB.charges": {
        "PROC_CODE in lower case": ("PROC_CODE", lambda v: v != v.upper()),
        "PROC_CODE NS (no-show fee)": ("PROC_CODE", lambda v: v.upper() == "NS"),
        "PROC_CODE HOTPK (retired)": ("PROC_CODE", lambda v: v.upper() == "HOTPK"),
        "QTY blank": ("QTY", lambda v: v == ""),
        "QTY 0": ("QTY", lambda v: v == "0"),
    },
}


def dirt_of(tables: dict[str, list[list[str]]]) -> dict[str, dict[str, int]]:
    """How many rows of each table show each kind of dirt (a row may show several)."""
    out: dict[str, dict[str, int]] = {}
    for table, kinds in DIRT.items():
        counts = {}
        for kind, (column, test) in kinds.items():
            i = col(table, column)
            counts[kind] = sum(1 for r in tables[table] if test(r[i]))
        out[table] = counts
    a_end_before = sum(1 for r in tables["sysA.auths"] if (parse_mdy(r[4]) or date.max) < (parse_mdy(r[3]) or date.min))
    b_end_before = sum(1 for r in tables["sysB.priorauth"] if (parse_ymd(r[4]) or date.max) < (parse_ymd(r[3]) or date.min))
    out["sysA.auths"] = {"end before start": a_end_before, "auth_no 0000": sum(1 for r in tables["sysA.auths"] if r[0] == "0000")}
    out["sysB.priorauth"] = {"end before start": b_end_before}
    return out
