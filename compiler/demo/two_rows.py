"""The rows of the `two_systems` preset: one set of people, rendered by sysA (the demo's
ClinicMate shape) and by sysB (a pipe-delimited latin-1 system), ~20 % of them by both.

Every table's rows are returned as lists of text fields, in file order; the truth is
computed from these rows by `two_reference`, never from what the generator meant.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from compiler.demo.clinical import _ICD10, _ICD10_INVALID, _MODALITY, _PAYER_WEIGHTS, _PAYERS, _RATE, _REFERRERS, _TIMED
from compiler.demo.people import (
    _FIRST_NAMES,
    _FIRST_SPECIAL,
    _IMPOSSIBLE_DOBS,
    _LAST_NAMES,
    _LAST_SPECIAL,
    _MIDDLE,
    _MONTHS,
    _PHONE_SHAPES,
    _PHONE_WEIGHTS,
    _PLACES,
    _STATE_SPELLINGS,
    _STREETS,
    _ascii,
    _format_dob,
    _odd_case,
    _variant,
)
from compiler.demo.rules import ZERO_DATE, _npi_check_digit
from compiler.demo.streams import _mdy, _sub_rng, _weighted
from compiler.demo.two_layout import B_ZERO_DATE, FEE_DOLLARS, INSCO, NO_SHOW_FEE, PROCMAP, RETIRED_CODE, RETIRED_PLANS

Rows = list[list[str]]

_DOB_FIRST = date(1932, 1, 1).toordinal()
_DOB_LAST = date(2016, 12, 31).toordinal()
_FIRST_EVAL = date(2022, 1, 3).toordinal()
_LAST_EVAL = date(2024, 6, 7).toordinal()
_LAST_VISIT = date(2024, 6, 28).toordinal()  # nothing is scheduled past the export day

_B_PHONE_SHAPES = ("{a}/{x}-{l}", "({a}){x}-{l}", "{a} {x} {l}", "1-{a}-{x}-{l}", "{a}-{x}-{l}", "")
_B_PHONE_WEIGHTS = (30, 25, 15, 10, 12, 8)
_B_IMPOSSIBLE_DOBS = ("19710230", "19801345", "19880431", "19750229", "19751301")
_B_GENDER = {"M": "1", "F": "2", "U": "0"}
_B_PROCS = ("THEX", "NMR", "GAIT", "MANUAL", "THACT", "ESTIM", "US")
_B_PROC_WEIGHTS = (30, 15, 10, 20, 15, 5, 5)


def _ymd(d: date) -> str:
    return f"{d.year}{d.month:02d}{d.day:02d}"


def _dmy(d: date) -> str:
    return f"{d.day:02d}-{_MONTHS[d.month]}-{d.year % 100:02d}"


@dataclass(slots=True)
class Person:
    """One real person of the clinic group (ground truth before any system renders it)."""

    last: str
    first: str
    middle: str
    born: date
    sex: str  # M F U
    ssn: str  # 9 digits or ""
    street: str
    place: int  # index into _PLACES
    phone: tuple[str, str]  # (area code, line)
    email: bool
    in_a: bool
    in_b: bool


@dataclass
class TwoRows:
    """All rows of both systems, by table name (the keys of two_layout.FILES)."""

    tables: dict[str, Rows]
    persons_in_a: int
    persons_in_b: int
    persons_in_both: int


def generate_rows(n: int, seed: int) -> TwoRows:
    people = _people(n, seed)
    tables: dict[str, Rows] = {}
    npis: set[str] = set()  # practitioners never share an NPI across the systems
    _SysA(seed, people, npis).fill(tables)
    _SysB(seed, people, npis).fill(tables)
    tables["sysB.procmap"] = [[code, str(line), cpt, str(upq), str(pct)] for code, line, cpt, upq, pct in PROCMAP]
    return TwoRows(
        tables,
        persons_in_a=sum(p.in_a for p in people),
        persons_in_b=sum(p.in_b for p in people),
        persons_in_both=sum(p.in_a and p.in_b for p in people),
    )


def _people(n: int, seed: int) -> list[Person]:
    rng = _sub_rng(seed, "two:people")
    rnd = rng.random
    out = []
    for i in range(n):
        if rnd() < 0.06:
            last = rng.choice(_LAST_SPECIAL)
        else:
            last = rng.choice(_LAST_NAMES)
        first = rng.choice(_FIRST_SPECIAL) if rnd() < 0.05 else rng.choice(_FIRST_NAMES)
        x = rnd()
        # persons 0-3 are in both systems, 4-5 in one each, so small runs have every kind
        in_a, in_b = (
            ((True, True), (True, True), (True, True), (True, True), (True, False), (False, True))[i]
            if i < 6
            else ((True, True) if x < 0.20 else (True, False) if x < 0.60 else (False, True))
        )
        s = rnd()
        out.append(
            Person(
                last=last,
                first=first,
                middle=rng.choice(_MIDDLE) if rnd() < 0.6 else "",
                born=date.fromordinal(rng.randint(_DOB_FIRST, _DOB_LAST)),
                sex="M" if s < 0.47 else "F" if s < 0.97 else "U",
                ssn="" if rnd() < 0.25 else f"{rng.randint(1, 665):03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}",
                street=f"{rng.randint(1, 999)} {rng.choice(_STREETS)}",
                place=(place := rng.randrange(len(_PLACES))),
                phone=(rng.choice(_PLACES[place][3]), f"01{rng.randint(0, 99):02d}"),
                email=rnd() < 0.6,
                in_a=in_a,
                in_b=in_b,
            )
        )
    return out


def _npis(rng: random.Random, count: int, used: set[str]) -> list[str]:
    """`count` distinct NPIs (not in `used`); the third and ~5 % of the others have a bad check digit."""
    out: list[str] = []
    while len(out) < count:
        first9 = "1" + "".join(rng.choice("0123456789") for _ in range(8))
        check = _npi_check_digit(first9)
        i = len(out)
        if i == 2 or (i > 5 and rng.random() < 0.05):
            check = (check + rng.randint(1, 9)) % 10
        npi = first9 + str(check)
        if npi not in used:
            used.add(npi)
            out.append(npi)
    return out


class _SysA:
    """sysA: the demo export's shape (compiler/demo/people.py and clinical.py), for the
    people with `in_a`, plus ~0.5 % duplicate patient rows and orphans."""

    def __init__(self, seed: int, people: list[Person], npis: set[str]) -> None:
        self.rng = _sub_rng(seed, "two:sysA")
        self.people = people
        self.npis = npis

    def fill(self, tables: dict[str, Rows]) -> None:
        rng = self.rng
        rnd, randint, choice = rng.random, rng.randint, rng.choice
        n = len(self.people)
        width = max(6, len(str(n + n // 100 + 20)))
        pats: Rows = []
        seq = 0
        states = {k: _weighted(rng, v) for k, v in _STATE_SPELLINGS.items()}
        for p in self.people:
            if not p.in_a:
                continue
            k = len(pats)
            last = p.last.replace("\u2019", "'") if rnd() < 0.5 else p.last
            last, first = _odd_case(rng, last), _odd_case(rng, p.first)
            x = rnd()
            if k == 1 or (k > 12 and x < 0.002):
                last = ""
            if k == 2 or (k > 12 and 0.002 <= x < 0.005):
                dob = _IMPOSSIBLE_DOBS[k % len(_IMPOSSIBLE_DOBS)]
            elif k == 4 or (k > 12 and 0.005 <= x < 0.015):
                dob = ""
            elif k == 5 or (k > 12 and 0.015 <= x < 0.025):
                dob = ZERO_DATE
            else:
                y = rnd()
                shape = 0 if y < 0.8 else 1 if y < 0.92 else 2
                if shape == 2 and not 1969 <= p.born.year <= 1999:
                    shape = 0
                dob = _format_dob(p.born, shape)
            s = rnd()
            status = "D" if k == 3 or (k > 12 and s < 0.01) else "I" if s < 0.15 else "A"
            city, st, zip5, _ = _PLACES[p.place]
            ssn = p.ssn
            if ssn and rnd() < 0.6:
                ssn = f"{ssn[:3]}-{ssn[3:5]}-{ssn[5:]}"
            elif not ssn and rnd() < 0.1:
                ssn = "999999999"
            sex = {"M": ("M", "male", "M"), "F": ("F", "Female", "f"), "U": ("U", "", "U")}[p.sex][0 if rnd() < 0.85 else randint(1, 2)]
            zip_text = zip5[1:] if zip5[0] == "0" and rnd() < 0.15 else zip5
            phone_shape = rng.choices(_PHONE_SHAPES, _PHONE_WEIGHTS)[0]
            phone = phone_shape.format(a=p.phone[0], x="555", l=p.phone[1], e=randint(1, 99))
            email = f"{_ascii(p.first).lower()}.{_ascii(p.last).lower()}@example.com" if p.email else ""
            seq += 1
            row = [str(seq).zfill(width), last, first, p.middle, dob, sex, ssn, p.street, city, states[st](), zip_text]
            pats.append(row + [phone, email, status])
            if (k == 8 or (k > 12 and rnd() < 0.005)) and dob not in ("", ZERO_DATE) and last and status != "D":
                seq += 1
                y = rnd()
                dshape = 0 if y < 0.5 else 1
                pats.append(
                    [str(seq).zfill(width), _variant(rng, last), _variant(rng, first), "", _format_dob(p.born, dshape)]
                    + [choice(("M", "F", "")), "", f"{randint(1, 999)} {choice(_STREETS)}", city, st, zip5]
                    + [phone, "", "A"]
                )
        tables["sysA.patients"] = pats
        max_pat = seq

        prov = []
        for i, npi in enumerate(_npis(rng, max(5, n // 300), self.npis)):
            cred = ("PT", "DPT", "PTA")[i % 3]
            prov.append([f"TH{i + 1:04d}", f"{choice(_PROV_LAST)}, {choice(_PROV_FIRST)}", cred, npi])
        tables["sysA.providers"] = prov
        tables["sysA.payers"] = [list(p) for p in _PAYERS]
        self._clinical(tables, width, max_pat)

    def _clinical(self, tables: dict[str, Rows], width: int, max_pat: int) -> None:
        rng = self.rng
        rnd, randint, choice = rng.random, rng.randint, rng.choice
        payer_pick = _weighted(rng, list(zip([p[0] for p in _PAYERS], _PAYER_WEIGHTS)))
        prov_ids = [p[0] for p in tables["sysA.providers"]]
        pol: Rows = []
        cases: Rows = []
        auths: Rows = []
        visits: Rows = []
        notes: Rows = []
        visit_id = 0

        def orphan_pat() -> str:
            return str(max_pat + 1 + rng.randrange(5000)).zfill(width)

        for prow in tables["sysA.patients"]:
            pat_no = prow[0]
            for priority in (1, 2) if rnd() < 0.3 else (1,):
                payer = payer_pick()
                eff = randint(_FIRST_EVAL - 700, _LAST_EVAL)
                term = "" if rnd() < 0.7 else _mdy(date.fromordinal(eff + randint(30, 700)))
                who = orphan_pat() if len(pol) == 1 or rnd() < 0.002 else pat_no
                member = "".join(choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + str(randint(100000000, 999999999))
                group = "" if payer in ("MCR", "MCD", "NJM") else str(randint(10000, 99999))
                pol.append([str(len(pol) + 1), who, payer, member, group, str(priority), _mdy(date.fromordinal(eff)), term])
            for _ in range(2 if rnd() < 0.2 else 1):
                c = len(cases)
                case_no = f"C{c + 1:07d}"
                therapist = choice(prov_ids)
                ev = randint(_FIRST_EVAL, _LAST_EVAL)
                injury = "" if c == 1 or rnd() < 0.1 else _mdy(date.fromordinal(ev - randint(1, 120)))
                referrer = choice(_REFERRERS)
                ref_npi = ""
                if referrer and rnd() < 0.85:
                    f9 = "1" + str(randint(10000000, 99999999))
                    ref_npi = f9 + str(_npi_check_digit(f9))
                dx = _dx(rng, 4, c)
                cases.append([case_no, pat_no, therapist, referrer, ref_npi, injury, _mdy(date.fromordinal(ev))] + dx)
                if c < 6 or rnd() < 0.5:
                    start = ev + randint(0, 10)
                    end = start + randint(20, 90)
                    if c == 2 or rnd() < 0.01:
                        end = start - randint(1, 40)
                    auth_no = "0000" if c == 0 or rnd() < 0.05 else f"A{randint(1000000, 9999999)}"
                    auths.append([auth_no, case_no, str(randint(6, 24)), _mdy(date.fromordinal(start)), _mdy(date.fromordinal(end))])
                dos = ev
                for k in range(randint(5, 15)):
                    if k:
                        dos += randint(2, 5)
                    if dos > _LAST_VISIT:
                        break
                    visit_id += 1
                    prov = therapist if rnd() < 0.9 else choice(prov_ids)
                    visits.append(self._visit(visit_id, case_no, pat_no, prov, dos, k))
                    if k == 0 or k == 9:
                        notes.append([str(len(notes) + 1), str(visit_id), "EVAL" if k == 0 else "PROGRESS", _note(rng)])
                # an orphan visit: its patient and its case were purged from the export
                if c == 3 or rnd() < 0.01:
                    visit_id += 1
                    orphan_case = f"C9{rng.randrange(10**6):06d}"
                    visits.append(self._visit(visit_id, orphan_case, orphan_pat(), therapist, ev + 1, 1))
                # a note left behind by a purged visit
                if c == 4 or rnd() < 0.001:
                    visit_id += 1
                    notes.append([str(len(notes) + 1), str(visit_id), "DAILY", _note(rng)])
                # an authorization of a purged case
                if c == 5 or rnd() < 0.003:
                    orphan_case = f"C9{rng.randrange(10**6):06d}"
                    auths.append(["0000", orphan_case, "12", _mdy(date.fromordinal(ev)), _mdy(date.fromordinal(ev + 60))])
        tables["sysA.policies"] = pol
        tables["sysA.cases"] = cases
        tables["sysA.auths"] = auths
        tables["sysA.visits"] = visits
        tables["sysA.notes"] = notes

    def _visit(self, visit_id: int, case_no: str, pat_no: str, prov: str, dos: int, k: int) -> list[str]:
        rng = self.rng
        rnd, choice = rng.random, rng.choice
        if k == 0:
            status, slots = "Completed", [choice(("97161", "97162", "97163"))]
        else:
            s = rnd()
            status = "Completed" if s < 0.85 else "No Show" if s < 0.92 else "Cancelled"
            slots = [choice(_TIMED)]
            if rnd() < 0.6:
                slots.append(choice(_TIMED))
                if rnd() < 0.35:
                    slots.append(choice(_MODALITY))
        row = [str(visit_id), case_no, pat_no, prov, _mdy(date.fromordinal(dos)), status]
        for code in slots:
            units = 1 if code.startswith("9716") else rng.choice((1, 1, 2, 2, 2, 3, 4))
            u = rnd()
            first_slot = len(row) == 6
            if (first_slot and visit_id == 2) or u < 0.003:
                units_text = "0"
            elif (first_slot and visit_id == 3) or u < 0.006:
                units_text = ""
            else:
                units_text = str(units)
            code_text = " " + code if rnd() < 0.005 else code.lower() if code[0] == "G" and rnd() < 0.3 else code
            cents = _RATE[code] * units
            amount = f"${cents // 100:,}.{cents % 100:02d}" if rnd() < 0.25 else f"{cents // 100}.{cents % 100:02d}"
            row += [code_text, units_text, choice(("GP", "GP", "GP", "KX", "59", "CQ", "")), amount]
        return row + [""] * (18 - len(row))


class _SysB:
    """sysB: another vendor's pipe-delimited export, for the people with `in_b`."""

    def __init__(self, seed: int, people: list[Person], npis: set[str]) -> None:
        self.rng = _sub_rng(seed, "two:sysB")
        self.people = people
        self.npis = npis

    def fill(self, tables: dict[str, Rows]) -> None:
        rng = self.rng
        rnd, randint, choice = rng.random, rng.randint, rng.choice
        n = len(self.people)
        clients: Rows = []
        for p in self.people:
            if not p.in_b:
                continue
            k = len(clients)
            last, first = p.last.replace("\u2019", "'"), p.first  # latin-1 has no U+2019
            if last.isascii() and first.isascii() and rnd() < 0.4:
                last, first = last.upper(), first.upper()
            sep = ", " if rnd() < 0.8 else "," if rnd() < 0.5 else " , "
            name = f"{last}{sep}{first}"
            x = rnd()
            if k == 1 or (k > 12 and x < 0.003):
                name = f"{last} {first}"  # no comma: cannot be split
            if k == 2 or (k > 12 and 0.003 <= x < 0.006):
                dob = _B_IMPOSSIBLE_DOBS[k % len(_B_IMPOSSIBLE_DOBS)]
            elif k == 4 or (k > 12 and 0.006 <= x < 0.016):
                dob = B_ZERO_DATE
            elif k == 5 or (k > 12 and 0.016 <= x < 0.026):
                dob = ""
            else:
                dob = _ymd(p.born)
            s = rnd()
            flag = "X" if k == 3 or (k > 12 and s < 0.01) else "N" if s < 0.15 else "Y"
            city, st, zip5, areas = _PLACES[p.place]
            street = p.street.upper() if rnd() < 0.8 else f"{randint(1, 999)} {choice(_STREETS)}".upper()
            ssn = p.ssn if rnd() < 0.7 else ""
            ssn = f"{ssn[:3]}-{ssn[3:5]}-{ssn[5:]}" if ssn and rnd() < 0.8 else ssn
            phone = rng.choices(_B_PHONE_SHAPES, _B_PHONE_WEIGHTS)[0].format(a=p.phone[0], x="555", l=p.phone[1])
            row = [f"CL{k + 1:06d}", name, dob, _B_GENDER[p.sex] if rnd() < 0.95 else "", ssn, street, city.upper(), st]
            clients.append(row + [zip5 if rnd() < 0.9 else f"{zip5}{randint(1000, 9999)}", phone, flag])
            if (k == 7 or (k > 12 and rnd() < 0.004)) and dob not in ("", B_ZERO_DATE) and flag != "X" and k != 1:
                # a second registration of the same person in sysB
                again = list(clients[-1])
                again[0] = f"CL{len(clients) + 1:06d}"
                again[1] = f"{_variant(rng, last)},{first}"
                again[9] = ""
                clients.append(again)
        tables["sysB.clients"] = clients

        staff = []
        for i, npi in enumerate(_npis(rng, max(4, n // 400), self.npis)):
            staff.append([f"S{i + 1:03d}", f"{choice(_PROV_FIRST)} {choice(_PROV_LAST)}", ("PT", "PTA")[i % 2], npi])
        tables["sysB.staff"] = staff
        tables["sysB.insco"] = [list(r) for r in INSCO]
        self._clinical(tables, len(clients))

    def _clinical(self, tables: dict[str, Rows], n_clients: int) -> None:
        rng = self.rng
        rnd, randint, choice = rng.random, rng.randint, rng.choice
        staff = [s[0] for s in tables["sysB.staff"]]
        plans = [(r[0], r[1]) for r in INSCO]
        proc_pick = _weighted(rng, list(zip(_B_PROCS, _B_PROC_WEIGHTS)))
        cov: Rows = []
        eps: Rows = []
        auths: Rows = []
        appts: Rows = []
        charges: Rows = []

        def orphan_client() -> str:
            return f"CL{n_clients + 1 + rng.randrange(5000):06d}"

        def charge(appt_id: str, code: str, qty: int, dollars: int) -> None:
            q = rnd()
            qty_text = "" if len(charges) == 3 or q < 0.003 else "0" if len(charges) == 4 or q < 0.006 else str(qty)
            fee = dollars * qty
            fee_text = f"{fee}.00" if rnd() < 0.7 else str(fee)
            code_text = code.lower() if rnd() < 0.01 else code
            charges.append([str(len(charges) + 1), appt_id, code_text, qty_text, fee_text])

        for crow in tables["sysB.clients"]:
            client = crow[0]
            for seq in ("P", "S") if rnd() < 0.3 else ("P",):
                i = len(cov)
                payer, plan = plans[randint(0, len(plans) - 1)]
                x = rnd()
                if i == 1 or x < 0.01:
                    payer, plan = RETIRED_PLANS[i % len(RETIRED_PLANS)]
                elif i == 2 or x < 0.05:
                    plan = plan.lower() if rnd() < 0.5 else plan + " "
                frm = randint(_FIRST_EVAL - 700, _LAST_EVAL)
                thru = "" if rnd() < 0.6 else "99991231" if rnd() < 0.2 else _ymd(date.fromordinal(frm + randint(30, 700)))
                who = orphan_client() if i == 3 or rnd() < 0.003 else client
                member = "".join(choice("0123456789") for _ in range(10))
                cov.append([str(i + 1), who, payer, plan, member, seq, _ymd(date.fromordinal(frm)), thru])
            for _ in range(2 if rnd() < 0.2 else 1):
                e = len(eps)
                ep_id = f"EP{e + 1:06d}"
                clinician = choice(staff)
                ev = randint(_FIRST_EVAL, _LAST_EVAL)
                y = rnd()
                injury = "" if e == 1 or y < 0.08 else "UNK" if e == 2 or y < 0.1 else _dmy(date.fromordinal(ev - randint(1, 150)))
                dx = _dx(rng, 2, e)
                eps.append([ep_id, client, clinician, choice(_REFERRERS).replace("\u2019", "'"), injury, _dmy(date.fromordinal(ev))] + dx)
                if e < 6 or rnd() < 0.6:
                    start = ev + randint(-3, 7)
                    end = start + randint(20, 100)
                    if e == 3 or rnd() < 0.01:
                        end = start - randint(1, 30)
                    auths.append(
                        [
                            f"PA-{len(auths) + 1:06d}",
                            ep_id,
                            str(randint(8, 30)),
                            _ymd(date.fromordinal(start)),
                            _ymd(date.fromordinal(end)),
                        ]
                    )
                day = ev
                for k in range(randint(4, 14)):
                    if k:
                        day += randint(2, 6)
                    if day > _LAST_VISIT:
                        break
                    s = rnd()
                    status = "K" if k == 0 or s < 0.85 else "N" if s < 0.94 else "C"
                    appt_id = str(len(appts) + 1)
                    who = clinician if rnd() < 0.85 else choice(staff)
                    appts.append([appt_id, ep_id, client, who, _ymd(date.fromordinal(day)), status])
                    self._charges(charge, proc_pick, appt_id, status, k, e)
                if e == 4 or rnd() < 0.01:
                    # an orphan appointment (client and episode purged), billed
                    appt_id = str(len(appts) + 1)
                    appts.append(
                        [appt_id, f"EP9{rng.randrange(10**5):05d}", orphan_client(), clinician, _ymd(date.fromordinal(ev + 2)), "K"]
                    )
                    self._charges(charge, proc_pick, appt_id, "K", 1, e)
                if e == 5 or rnd() < 0.003:
                    auths.append(
                        [
                            f"PA-{len(auths) + 1:06d}",
                            f"EP9{rng.randrange(10**5):05d}",
                            "10",
                            _ymd(date.fromordinal(ev)),
                            _ymd(date.fromordinal(ev + 45)),
                        ]
                    )
        tables["sysB.coverage"] = cov
        tables["sysB.episodes"] = eps
        tables["sysB.priorauth"] = auths
        tables["sysB.appts"] = appts
        tables["sysB.charges"] = charges

    def _charges(
        self, charge: Callable[[str, str, int, int], None], proc_pick: Callable[[], str], appt_id: str, status: str, k: int, e: int
    ) -> None:
        rng = self.rng
        if status == "N":
            if rng.random() < 0.5:
                charge(appt_id, NO_SHOW_FEE[0], 1, NO_SHOW_FEE[1])
            return
        if status == "C":
            return
        if k == 0:
            code = "EVTX" if e % 2 == 0 or rng.random() < 0.5 else "PTEVAL"
            charge(appt_id, code, 1, FEE_DOLLARS[code])
            return
        for _ in range(rng.choice((1, 2, 2, 3))):
            if rng.random() < 0.005 or (e == 0 and k == 1):
                charge(appt_id, RETIRED_CODE[0], 1, RETIRED_CODE[1])
            else:
                code = proc_pick()
                charge(appt_id, code, rng.choice((1, 1, 2, 2, 3, 4)), FEE_DOLLARS[code])


def _dx(rng: random.Random, slots: int, c: int) -> list[str]:
    """`slots` diagnosis fields, filled left to right, with the demo's dirt."""
    if c == 0:
        return ["M54.50", "M5450", "m54.50 ", "XYZ"] if slots == 4 else ["m54.50 ", "XYZ"]
    n = 1 + (rng.random() < 0.5) + (slots > 2 and rng.random() < 0.3) + (slots > 3 and rng.random() < 0.2)
    out = []
    for _ in range(n):
        x = rng.random()
        if x < 0.01:
            out.append(rng.choice(_ICD10_INVALID))
            continue
        code = rng.choice(_ICD10)
        if x < 0.13:
            code = code.replace(".", "")
        elif x < 0.16:
            code = code.lower() + " "
        out.append(code)
    return out + [""] * (slots - len(out))


_NOTE_BITS = ("Pt reports pain 4/10, improving.", "AROM knee flex 110°, ext –5°.", 'Pt states "better", HEP daily.')


def _note(rng: random.Random) -> str:
    return f"S: {rng.choice(_NOTE_BITS)}\r\nP: Continue POC 2x/wk."


_PROV_FIRST = ("Emily", "Daniel", "Priya", "Marcus", "Sofía", "Liam", "Aisha", "Kenji", "Rosa", "Hannah")
_PROV_LAST = ("Alvarez", "Brennan", "Chowdhury", "Dubois", "Ellison", "Fischer", "Gutiérrez", "Jensen", "Novak", "Reyes")
