"""The clinical tables: providers, then policies, cases, auths, visits and notes, patient by patient."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from compiler.demo.rules import FILES, _npi_check_digit
from compiler.demo.streams import _mdy, _sub_rng, _weighted

if TYPE_CHECKING:
    from compiler.demo.reference import _Reference


class _RowWriter(Protocol):
    """What `csv.writer()` returns, as the generators use it."""

    def writerow(self, row: Iterable[Any], /) -> Any: ...
    def writerows(self, rows: Iterable[Iterable[Any]], /) -> None: ...


# ---------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------

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

_PROVIDER_FIRST = (
    "Emily",
    "Daniel",
    "Priya",
    "Marcus",
    "Sofía",
    "Liam",
    "Chloë",
    "Aisha",
    "Kenji",
    "Rosa",
    "Tomás",
    "Hannah",
    "Noah",
    "Grace",
    "Mateo",
    "Olivia",
)
_PROVIDER_LAST = (
    "Alvarez",
    "Brennan",
    "Chowdhury",
    "Dubois",
    "Ellison",
    "Fischer",
    "Gutiérrez",
    "Hoffmann",
    "Ibáñez",
    "Jensen",
    "Kowalczyk",
    "Lindqvist",
    "Moreau",
    "Novak",
    "O'Connell",
    "Petrov",
    "Quintero",
    "Reyes",
    "Søren",
    "Takahashi",
)
_REFERRERS = (
    "Dr. Elena García",
    "Dr. Sean O\u2019Brien",
    "MÜLLER, HANS MD",
    "Dr. Raj Patel",
    "Dr. Susan Lee",
    "Dr. Michael Cohen",
    "Dr. Ana Peña",
    "Dr. Robert Kim",
    "Dr. Linda Walsh",
    "Dr. François Doré",
    "dr. james murphy",
    "Dr. Karen Nguyen",
    "Dr. David Rossi",
    "Dr. Mary O'Neil",
    "",
)

_ICD10 = (
    "M54.50",
    "M54.51",
    "M54.59",
    "M25.561",
    "M25.562",
    "M25.511",
    "M25.512",
    "S83.511A",
    "S83.512A",
    "M17.11",
    "M17.12",
    "M75.101",
    "M75.121",
    "Z47.1",
    "Z96.651",
    "Z96.652",
    "M62.81",
    "R26.2",
    "R26.89",
    "M79.604",
    "S43.401A",
    "G89.29",
    "M48.061",
    "M51.16",
    "S93.401A",
    "M76.61",
    "M65.4",
    "S46.011A",
)
_ICD10_INVALID = ("XYZ", "123.4", "M5", "MM54.5")

_TIMED = ("97110", "97112", "97116", "97140", "97530", "97535")
_MODALITY = ("97035", "97032", "G0283")
_EVALS = ("97161", "97162", "97163")
_REEVAL = "97164"
# cents per unit (whole-dollar rates on some codes so integer-looking amounts occur)
_RATE = {
    "97110": 4500,
    "97112": 4850,
    "97116": 4275,
    "97140": 4200,
    "97530": 5000,
    "97535": 4625,
    "97035": 1800,
    "97032": 2150,
    "G0283": 1500,
    "97161": 11000,
    "97162": 12500,
    "97163": 14550,
    "97164": 8000,
}
_MODS = (("GP", 70), ("KX", 8), ("59", 7), ("CQ", 5), ("", 10))

# SOAP note fragments: commas, double quotes, non-ASCII, typographic quotes and dashes.
_NOTE_S = (
    "Pt reports pain 4/10 at rest, 7/10 with stairs.",
    'Pt states "my knee feels much better", sleeping through the night.',
    "Pt c/o stiffness in AM, improves after 20 min; denies numbness, tingling.",
    'Reports fall at home last week, no injury, "just lost my balance".',
    "Pt’s daughter Zoë present; she reports pt is “doing the exercises daily”.",
    "Pt reports 50% improvement since IE, pain 3/10.",
    "Pain 6/10 after gardening on Sat., otherwise 2/10.",
)
_NOTE_O = (
    "AROM knee flex 110°, ext –5°; quad strength 4/5.",
    "Gait w/ SPC, step-through pattern, decreased stance time R LE.",
    "Lumbar flexion 60% of normal, + SLR L at 45°.",
    "Shoulder abd 150°, ER 70°, IR to L3; MMT 4-/5 ER.",
    "TUG 14.2 s, 30s chair stand 9 reps, BERG 44/56.",
    "Edema reduced, girth 38.5 cm (was 40 cm), incision well healed.",
)
_NOTE_A = (
    "Tolerated tx well, progressing toward goals.",
    'Progress limited by pain, "fear of re-injury" noted; educated pt.',
    "Good response to manual therapy, improved mobility.",
    "Per Dr. Müller’s referral, continue per POC – no red flags.",
    "Consulted w/ Dr. García re: WB status, cleared for FWB.",
    "Pt demonstrates independence with HEP, goals 3/4 met.",
)
_NOTE_P = (
    "Continue POC 2x/wk × 4 wks; progress HEP.",
    "Cont. ther ex, neuro re-ed, gait training, 3x/wk.",
    "Re-eval in 30 days; send progress note to MD.",
    "D/C to HEP, pt agrees with plan.",
    'Add eccentric loading, "monitor symptoms", f/u next visit.',
)
_NOTE_FORCED = (
    'S: Pt Zoë Müller-García reports pain 5/10, "better than last week", '
    "states “stairs are easier”.\r\n"
    "O: Knee flex 115°, ext –3°, gait w/o device.\r\n"
    "A: Progressing, goals 2/3 met.\r\n"
    "P: Continue POC 2x/wk × 3 wks, HEP updated."
)

_ANCHOR_FIRST_SERVICE = date(2019, 1, 2).toordinal()
_ANCHOR_LAST_EVAL = date(2024, 6, 28).toordinal()


class _Clinical:
    """The other tables of `_Gen`: reads `seed`, `n` and `ref`, and `pat_width` and `max_pat`
    once `patients()` has run."""

    seed: int
    n: int
    ref: _Reference
    pat_width: int
    max_pat: int

    def providers(self) -> list[list[str]]:
        rng = _sub_rng(self.seed, "providers")
        count = max(5, self.n // 200)
        rows = []
        for i in range(count):
            first9 = "1" + "".join(rng.choice("0123456789") for _ in range(8))
            check = _npi_check_digit(first9)
            if i == 2 or (i > 5 and rng.random() < 0.05):
                check = (check + rng.randint(1, 9)) % 10  # bad check digit
            name = f"{rng.choice(_PROVIDER_LAST)}, {rng.choice(_PROVIDER_FIRST)}"
            cred = ("PT", "DPT", "PTA")[i % 3] if i < 3 else rng.choices(("PT", "DPT", "PTA"), (35, 40, 25))[0]
            rows.append([f"TH{i + 1:04d}", name, cred, first9 + str(check)])
        return rows

    # -- everything keyed by patient -------------------------------------------------------

    def clinical(self, patient_rows: list[list[str]], providers: list[list[str]], writers: Sequence[_RowWriter]) -> None:
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
                if shape == 0:  # 125.50
                    t = f"{whole}.{frac:02d}"
                elif shape == 1:  # $1,250.00
                    t = f"${whole:,}.{frac:02d}"
                else:  # 95
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
            return "".join(choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + str(randint(100000000, 999999999))

        policy_id = case_seq = visit_id = note_id = 0
        g = 0  # global visit counter (forced dirt on the first visits)
        staged_index = -1
        for prow in patient_rows:
            if len(prow) != ncols:
                continue  # malformed lines: nothing points at them
            staged_index += 1
            pat_no = prow[0]
            # policies
            for priority in (1, 2) if rnd() < 0.3 else (1,):
                policy_id += 1
                payer = payer_pick()
                eff = randint(_ANCHOR_FIRST_SERVICE - 700, _ANCHOR_LAST_EVAL)
                term = "" if rnd() < 0.7 else days[eff + randint(30, 700) - first_day]
                pol_pat = pat_no
                if policy_id == 2 or rnd() < 0.002:
                    pol_pat = orphan_pat()
                row = [
                    str(policy_id),
                    pol_pat,
                    payer,
                    member_id(payer),
                    "" if payer in ("MCR", "MCD", "NJM") else str(randint(10000, 99999)),
                    str(priority),
                    days[eff - first_day],
                    term,
                ]
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
                        end = start - randint(1, 40)  # end before start
                    auth_no = "0000" if c == 0 or rnd() < 0.05 else f"A{randint(1000000, 9999999)}"
                    row = [auth_no, case_no, str(randint(6, 24)), days[start - first_day], days[end - first_day]]
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
                        units = (
                            1
                            if code in _RATE and code[:4] == "9716"
                            else (1 if rnd() < 0.3 else 2 if rnd() < 0.6 else 3 if rnd() < 0.85 else 4)
                        )
                        cents = _RATE[code] * units
                        x = rnd()
                        shape = 0 if x < 0.6 else 1 if x < 0.85 else 2
                        if rnd() < 0.004:
                            cents = -cents  # adjustment
                        if rnd() < 0.003:
                            cents = 125000  # package price
                        if j == 0 and 4 <= g < 8:  # forced amount shapes
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
                            text = f"S: {choice(_NOTE_S)}\r\nO: {choice(_NOTE_O)}\r\nA: {choice(_NOTE_A)}\r\nP: {choice(_NOTE_P)}"
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
                    row = [str(note_id), str(visit_id), "DAILY", f"S: {choice(_NOTE_S)}\r\nP: {choice(_NOTE_P)}"]
                    w_note.writerow(row)
                    ref.note(row)
