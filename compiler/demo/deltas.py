"""Delta extracts for the demo export: a full export, K flagged incremental extracts and the final state.

`generate_deltas(out_dir, patients, seed, deltas)` writes

- `full/`: the plain demo export of (patients, seed), byte for byte, with a truth.json that also
  holds `changes` (a full load: every row is new);
- `delta_1/` .. `delta_K/`: the same eight files and columns plus `change_flag` (1 added,
  2 updated, 3 removed) and `changed_at`, only the rows that changed, `extract.json` (id,
  sequence, timestamp) and a truth.json with per-map `changes`;
- `final/`: the full export with every delta applied by unique id (updates in place, removals
  dropped, additions appended in delta order) and its plain truth.json (+ `changes`).

New patients with their policies, cases, auths, visits and notes come from the plain generator
(its own dirt included: duplicates, blank last names, bad dates of birth, orphans, bad codes and
units), renumbered past every id the export uses.  Removing a patient removes its policies,
cases, auths, visits and notes in the same extract (explicit flag-3 rows), so no row changes
outcome without being in a delta, whatever the spec's cascade/reject/keep rule.  Demographic
changes never touch the dedup key (names, date of birth, status), and removed patients are in
no dedup group, so survivors never change.  The per-row outcomes are computed by the rules of
docs/DEMO.md and checked against the plain reference (`_Reference`).
"""

from __future__ import annotations

import csv
import hashlib
import json
import pathlib
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any

from compiler.demo.export import _Gen, _open_writer, generate, truth_dict
from compiler.demo.reference import _Reference
from compiler.demo.rules import FILES, MAPS, icd10_valid, npi_valid, parse_dob, units_valid
from compiler.demo.streams import _sub_rng

ADDED, UPDATED, REMOVED = "1", "2", "3"
DELTA_COLUMNS = ("change_flag", "changed_at")
CHANGE_KINDS = ("inserted", "updated", "deleted", "unchanged", "rejected", "filtered", "merged")

# The unique id of each table's rows (column names), as the demo spec's crosswalks key them.
KEYS: dict[str, tuple[str, ...]] = {
    "legacy.patients": ("pat_no",),
    "legacy.providers": ("prov_id",),
    "legacy.payers": ("payer_id",),
    "legacy.policies": ("policy_id",),
    "legacy.cases": ("case_no",),
    "legacy.auths": ("case_no", "auth_no", "start_date"),
    "legacy.visits": ("visit_id",),
    "legacy.notes": ("note_id",),
}
_KEY_IDX = {t: tuple(FILES[t][2].index(c) for c in cols) for t, cols in KEYS.items()}
_FIRST_EXTRACT = datetime(2024, 7, 1, 6, 0, 0)
_PLAIN_UNITS = frozenset(str(u) for u in range(1, 9))  # units_valid() holds: a shortcut
_ORPHAN_MARGIN = 5001  # the generator's orphan pat_no values lie within max_pat + 5000

Row = list[str]
Key = tuple[str, ...]
State = dict[str, dict[Key, Row]]


def row_key(table: str, row: Row) -> Key:
    return tuple(row[i] for i in _KEY_IDX[table])


# ---------------------------------------------------------------------------------------
# Per-row outcomes by the rules of docs/DEMO.md
# ---------------------------------------------------------------------------------------


class _Context:
    """What decides a row's outcome in one state: patient outcomes (dedup included) and the
    patients, cases and visits that resolve."""

    def __init__(self, state: State) -> None:
        self.patient: dict[str, str] = {}
        self.group_size: Counter[tuple[str, str, Any]] = Counter()
        self.dedup_key: dict[str, tuple[str, str, Any]] = {}
        survivors: dict[tuple[str, str, Any], str] = {}
        for r in state["legacy.patients"].values():
            if len(r) != 14:
                continue
            if r[13] == "D":
                self.patient[r[0]] = "filtered"
                continue
            if r[1].strip(" ") == "":
                self.patient[r[0]] = "missing last name"
                continue
            ok, dob = parse_dob(r[4])
            if not ok:
                self.patient[r[0]] = "unparseable date of birth"
                continue
            self.patient[r[0]] = "loaded"
            if dob is not None:
                key = (r[1].strip(" ").upper(), r[2].strip(" ").upper(), dob)
                self.dedup_key[r[0]] = key
                self.group_size[key] += 1
                best = survivors.get(key)
                if best is None or r[0] < best:
                    survivors[key] = r[0]
        for pat_no, key in self.dedup_key.items():
            if survivors[key] != pat_no:
                self.patient[pat_no] = "merged"
        self.resolved = {p for p, o in self.patient.items() if o in ("loaded", "merged")}
        self.loaded_cases = {r[0] for r in state["legacy.cases"].values() if r[1] in self.resolved}
        self.loaded_visits = {r[0] for r in state["legacy.visits"].values() if r[2] in self.resolved}

    def removable(self, pat_no: str) -> bool:
        """Loaded and in no dedup group: removing it changes no survivor."""
        key = self.dedup_key.get(pat_no)
        return self.patient.get(pat_no) == "loaded" and (key is None or self.group_size[key] == 1)


def outcomes(table: str, row: Row, ctx: _Context) -> list[tuple[str, str, tuple[str, ...]]]:
    """(map, outcome, the source fields the map's row reads) for every map row of `row`.
    Outcome: "loaded", "filtered", "merged" or the reject reason."""
    if table == "legacy.patients":
        return [] if len(row) != 14 else [("emr.patient", ctx.patient[row[0]], tuple(row))]
    if table == "legacy.providers":
        return [("emr.practitioner", "loaded" if npi_valid(row[3]) else "invalid NPI", tuple(row))]
    if table == "legacy.policies":
        ok = row[1] in ctx.resolved
        return [("emr.coverage", "loaded" if ok else "coverage for unknown patient", tuple(row))]
    if table == "legacy.cases":
        ok = row[1] in ctx.resolved
        out = [("emr.episode", "loaded" if ok else "episode for unknown patient", tuple(row[:7]))]
        for code in row[7:11]:
            if code == "":
                o = "filtered"
            elif not ok:
                o = "diagnosis for unknown episode"
            elif not icd10_valid(code):
                o = "invalid ICD-10 code"
            else:
                o = "loaded"
            out.append(("emr.diagnosis", o, (code,)))
        return out
    if table == "legacy.auths":
        ok = row[1] in ctx.loaded_cases
        return [("emr.authorization", "loaded" if ok else "authorization for unknown episode", tuple(row))]
    if table == "legacy.visits":
        ok = row[2] in ctx.resolved
        out = [("emr.encounter", "loaded" if ok else "visit for unknown patient", tuple(row[:6]))]
        for i in (6, 10, 14):
            if row[i] == "":
                o = "filtered"
            elif not ok:
                o = "charge for rejected visit"
            elif not units_valid(row[i + 1]):
                o = "invalid units"
            else:
                o = "loaded"
            out.append(("emr.charge_line", o, tuple(row[i : i + 4])))
        return out
    if table == "legacy.notes":
        ok = row[1] in ctx.loaded_visits
        return [("emr.clinical_note", "loaded" if ok else "note for unknown visit", tuple(row))]
    return []  # payers: joined, not mapped


def _empty_changes() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for target, (source, reasons) in MAPS.items():
        d: dict[str, Any] = {"source": source, "delta_rows": 0}
        d.update(dict.fromkeys(CHANGE_KINDS, 0))
        d["rejected_by_reason"] = dict.fromkeys(reasons, 0)
        out[target] = d
    return out


def classify(
    changes: dict[str, dict[str, Any]],
    table: str,
    flag: str,
    before: Row | None,
    after: Row | None,
    ctx_before: _Context | None,
    ctx_after: _Context,
) -> None:
    """Count one delta row into `changes`, slot by slot.

    Removed: `deleted` when the slot was loaded, else `unchanged` (nothing in the target).
    Added or updated: the new outcome when rejected / filtered / merged; when loaded,
    `inserted` unless it was loaded before, then `updated` if the fields its map reads
    changed, else `unchanged`."""
    old = outcomes(table, before, ctx_before) if before is not None and ctx_before is not None else None
    if flag == REMOVED:
        assert old is not None
        for target, o, _ in old:
            changes[target]["delta_rows"] += 1
            changes[target]["deleted" if o == "loaded" else "unchanged"] += 1
        return
    assert after is not None
    for j, (target, o, fields) in enumerate(outcomes(table, after, ctx_after)):
        c = changes[target]
        c["delta_rows"] += 1
        if o == "loaded":
            if old is not None and old[j][1] == "loaded":
                c["updated" if old[j][2] != fields else "unchanged"] += 1
            else:
                c["inserted"] += 1
        elif o in ("filtered", "merged"):
            c[o] += 1
        else:
            c["rejected"] += 1
            c["rejected_by_reason"][o] += 1


def full_changes(maps: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The changes of a full load into an empty target: every loaded row is inserted."""
    out = _empty_changes()
    for target, m in maps.items():
        c = out[target]
        c["delta_rows"] = m["source_rows"]
        c["inserted"] = m["loaded"]
        c["rejected"] = m["rejected"]
        c["filtered"] = m["filtered"]
        c["merged"] = m["merged"]
        c["rejected_by_reason"] = dict(m["rejected_by_reason"])
    return out


# ---------------------------------------------------------------------------------------
# Reading and writing
# ---------------------------------------------------------------------------------------


def read_state(folder: pathlib.Path) -> State:
    state: State = {}
    for table, (name, enc, header) in FILES.items():
        with open(folder / name, encoding=enc, newline="") as f:
            rows = csv.reader(f)
            if tuple(next(rows)) != header:
                raise AssertionError(f"{name}: unexpected header")
            idx = _KEY_IDX[table]
            if len(idx) == 1:  # the common case, kept fast at 1.85 M rows
                i = idx[0]
                state[table] = {(r[i],): r for r in rows}
            else:
                state[table] = {row_key(table, r): r for r in rows}
    return state


def _write_json(path: pathlib.Path, data: dict[str, Any]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(data, f, sort_keys=True, indent=2, ensure_ascii=False)
        f.write("\n")


def _write_table(path: pathlib.Path, table: str, header: Iterable[str], rows: Iterable[Iterable[str]]) -> None:
    f, w = _open_writer(path, FILES[table][1])
    with f:
        w.writerow(header)
        w.writerows(rows)


def _reference_truth(state: State, patients: int, seed: int) -> dict[str, Any]:
    """The plain truth of a state, by the plain reference (tables in dependency order)."""
    ref = _Reference()
    rows = state["legacy.patients"].values()
    ref.patients(list(rows))
    for r in state["legacy.providers"].values():
        ref.provider(r)
    for r in state["legacy.payers"].values():
        ref.payer(r)
    for table, fn in (
        ("legacy.policies", ref.policy),
        ("legacy.cases", ref.case),
        ("legacy.auths", ref.auth),
        ("legacy.visits", ref.visit),
        ("legacy.notes", ref.note),
    ):
        for r in state[table].values():
            fn(r)
    records = {t: len(state[t]) for t in FILES}
    malformed = dict.fromkeys(FILES, 0)
    malformed["legacy.patients"] = sum(1 for r in rows if len(r) != 14)
    return truth_dict(ref, records, malformed, patients, seed)


def _check_outcomes(state: State, ctx: _Context, maps: dict[str, dict[str, Any]]) -> None:
    """Our per-row outcomes must add up to the plain reference's counts."""
    got = _empty_changes()
    for table, rows in state.items():
        for r in rows.values():
            for target, o, _ in outcomes(table, r, ctx):
                c = got[target]
                if o == "loaded":
                    c["inserted"] += 1
                elif o in ("filtered", "merged"):
                    c[o] += 1
                else:
                    c["rejected"] += 1
                    c["rejected_by_reason"][o] += 1
    for target, m in maps.items():
        c = got[target]
        mine = (c["inserted"], c["rejected"], c["filtered"], c["merged"], c["rejected_by_reason"])
        theirs = (m["loaded"], m["rejected"], m["filtered"], m["merged"], m["rejected_by_reason"])
        if mine != theirs:
            raise AssertionError(f"{target}: per-row outcomes disagree with the reference")


# ---------------------------------------------------------------------------------------
# Planning one delta
# ---------------------------------------------------------------------------------------


class _Ids:
    """The next free ids: past every id (and orphan reference) the export has used."""

    def __init__(self, state: State) -> None:
        pats = [r[0] for r in state["legacy.patients"].values()]
        self.pat_width = len(pats[0])
        refs = pats + [r[1] for r in state["legacy.policies"].values()]
        refs += [r[1] for r in state["legacy.cases"].values()] + [r[2] for r in state["legacy.visits"].values()]
        self.pat = max(int(p) for p in refs)
        self.policy = max(int(r[0]) for r in state["legacy.policies"].values())
        self.case = max(int(r[0][1:]) for r in state["legacy.cases"].values())
        visits = [int(r[0]) for r in state["legacy.visits"].values()] + [int(r[1]) for r in state["legacy.notes"].values()]
        self.visit = max(visits)
        self.note = max(int(r[0]) for r in state["legacy.notes"].values())

    def pat_no(self, n: int) -> str:
        s = str(n).zfill(self.pat_width)
        if len(s) != self.pat_width:
            raise ValueError("too many patients for the delta extracts' pat_no width")
        return s


def _pool(seed: int, seq: int, size: int, ids: _Ids) -> dict[str, list[Row]]:
    """New patients and their clinical rows from the plain generator, renumbered past `ids`."""
    digest = hashlib.sha256(f"chartshift-delta:{seed}:{seq}".encode()).digest()
    gen = _Gen(size, int.from_bytes(digest[:8], "big"))
    pat_rows = [r for r in gen.patients() if len(r) == 14]  # malformed lines: only in full/
    gen.ref.patients(pat_rows)
    prov_rows = gen.providers()
    sinks: list[list[Row]] = [[], [], [], [], []]

    class _Sink:
        def __init__(self, rows: list[Row]) -> None:
            self.rows = rows

        def writerow(self, row: Iterable[Any], /) -> None:
            self.rows.append(list(row))

        def writerows(self, rows: Iterable[Iterable[Any]], /) -> None:
            for r in rows:
                self.writerow(r)

    gen.clinical(pat_rows, prov_rows, [_Sink(s) for s in sinks])
    policies, cases, auths, visits, notes = sinks
    p0, pol0, c0, v0, n0 = ids.pat, ids.policy, ids.case, ids.visit, ids.note

    def pat(p: str) -> str:
        return ids.pat_no(p0 + int(p))

    def case(c: str) -> str:
        return f"C{c0 + int(c[1:]):07d}"

    for r in pat_rows:
        r[0] = pat(r[0])
    for r in policies:
        r[0], r[1] = str(pol0 + int(r[0])), pat(r[1])
    for r in cases:
        r[0], r[1] = case(r[0]), pat(r[1])
    for r in auths:
        r[1] = case(r[1])
    for r in visits:
        r[0], r[1], r[2] = str(v0 + int(r[0])), case(r[1]), pat(r[2])
    for r in notes:
        r[0], r[1] = str(n0 + int(r[0])), str(v0 + int(r[1]))
    _trim_rejected(pat_rows, policies, cases, auths, visits, notes)
    ids.pat = p0 + gen.max_pat + _ORPHAN_MARGIN
    ids.policy = max(int(r[0]) for r in policies)
    ids.case = max(int(r[0][1:]) for r in cases)
    ids.visit = max([int(r[0]) for r in visits] + [int(r[1]) for r in notes])
    ids.note = max(int(r[0]) for r in notes)
    return {
        "legacy.patients": pat_rows,
        "legacy.policies": policies,
        "legacy.cases": cases,
        "legacy.auths": auths,
        "legacy.visits": visits,
        "legacy.notes": notes,
    }


def _trim_rejected(pat_rows: list[Row], *tables: list[Row]) -> None:
    """Keep one filtered or rejected patient per reason and drop the others with their rows.

    The generator forces its dirt onto the first rows, so a small pool would carry far more
    rejected patients (and visits) than an export does, past the demo spec's reject-rate limits."""
    policies, cases, auths, visits, notes = tables
    seen: set[str] = set()
    gone: set[str] = set()
    for r in pat_rows:
        why = "D" if r[13] == "D" else "last" if r[1].strip(" ") == "" else "dob" if not parse_dob(r[4])[0] else ""
        if why and why in seen:
            gone.add(r[0])
        seen.add(why)
    gone_cases = {r[0] for r in cases if r[1] in gone}
    gone_visits = {r[0] for r in visits if r[2] in gone or r[1] in gone_cases}
    pat_rows[:] = [r for r in pat_rows if r[0] not in gone]
    policies[:] = [r for r in policies if r[1] not in gone]
    cases[:] = [r for r in cases if r[0] not in gone_cases]
    auths[:] = [r for r in auths if r[1] not in gone_cases]
    visits[:] = [r for r in visits if r[0] not in gone_visits]
    notes[:] = [r for r in notes if r[1] not in gone_visits]


_MOVES = (
    ("12 Harbor Way", "Boston", "MA", "02210", "(617) 555-0142"),
    ("7 Mill Pond Rd", "Nashua", "N.H.", "03062", "603.555.0117"),
    ("400 Grove St Apt 9", "Newton", "Mass.", "2460", "6175550188"),
    ("88 River Rd", "Hoboken", "New Jersey", "07030-4411", "+1 201 555 0163"),
    ("5 Elm Ct", "Providence", "RI", "02906", ""),
)


class _Planner:
    """Chooses the changes of each delta from the current state."""

    def __init__(self, patients: int, seed: int, state: State) -> None:
        self.n = patients
        self.seed = seed
        self.ids = _Ids(state)
        self.prev_modified: list[Key] = []  # patients modified in the previous delta
        self.prev_added: list[Key] = []  # patients added by the previous delta

    def plan(self, seq: int, state: State, ctx: _Context) -> dict[str, list[tuple[str, Row]]]:
        rng = _sub_rng(self.seed, f"delta-{seq}")
        n = self.n
        changes: dict[str, list[tuple[str, Row]]] = {t: [] for t in FILES}
        touched: set[tuple[str, Key]] = set()

        def emit(table: str, flag: str, row: Row) -> None:
            key = row_key(table, row)
            if (table, key) in touched:
                return
            touched.add((table, key))
            changes[table].append((flag, row))

        # 1. new patients with their policies, cases, auths, visits and notes
        pool = _pool(self.seed, seq, max(100, n // 100), self.ids)
        for table, rows in pool.items():
            for r in rows:
                emit(table, ADDED, r)
        # 2. follow-up visits (one with invalid units) and notes on existing loaded cases
        pats = state["legacy.patients"]
        live = [k for k, r in pats.items() if len(r) == 14 and ctx.patient[r[0]] == "loaded"]
        cases_of: dict[str, list[Row]] = {}
        for r in state["legacy.cases"].values():
            if r[1] in ctx.resolved:
                cases_of.setdefault(r[1], []).append(r)
        case_pick = sorted(rng.sample(sorted(cases_of), min(len(cases_of), max(6, n // 400))))
        last_visit: dict[str, Row] = {}
        picked_cases = {cases_of[p][0][0] for p in case_pick}
        for r in state["legacy.visits"].values():
            if r[1] in picked_cases:
                last_visit[r[1]] = r
        for j, p in enumerate(case_pick):
            case_row = cases_of[p][0]
            prev = last_visit.get(case_row[0])
            dos = datetime.strptime(prev[4], "%m/%d/%Y") if prev else datetime(2024, 6, 3)
            self.ids.visit += 1
            dos_text = (dos + timedelta(days=3)).strftime("%m/%d/%Y")
            units = "0" if j == 0 else str(1 + j % 3)
            visit = [str(self.ids.visit), case_row[0], p, case_row[2], dos_text, "Completed"]
            visit += ["97110", units, "GP", f"{45 * int(units or 0)}.00", "97140", "1", "GP", "42.00"] + [""] * 4
            emit("legacy.visits", ADDED, visit)
            if j % 2 == 0:
                self.ids.note += 1
                text = "S: Pt reports pain 3/10, “better”.\r\nP: Continue POC 2x/wk."
                emit("legacy.notes", ADDED, [str(self.ids.note), visit[0], "DAILY", text])
        # a note for a visit that exists nowhere
        self.ids.visit += 1
        self.ids.note += 1
        emit("legacy.notes", ADDED, [str(self.ids.note), str(self.ids.visit), "DAILY", "S: Pt no-showed, called."])
        # 3. modified demographics (never the dedup key): some again from the last delta
        again = self.prev_modified[: max(2, len(self.prev_modified) // 3)] + self.prev_added[:2]
        again = [k for k in again if k in pats and len(pats[k]) == 14]
        fresh = rng.sample(live, min(len(live), max(8, n // 250)))
        modified: list[Key] = []
        for k in again + fresh:
            row = list(pats[k])
            addr, city, state_text, zip_text, phone = _MOVES[rng.randrange(len(_MOVES))]
            row[7:12] = [addr, city, state_text, zip_text, phone]
            row[12] = "" if rng.random() < 0.2 else f"pt{int(row[0])}.moved{seq}@example.com"
            if row == pats[k]:
                row[7] += " Unit 2"
            before = len(touched)
            emit("legacy.patients", UPDATED, row)
            if len(touched) > before:
                modified.append(k)
        # 4. modified visits: a status change (re-billed), and charge slots whose units get fixed
        visits = state["legacy.visits"]
        bad_units = [
            k
            for k, r in visits.items()
            if r[2] in ctx.resolved and any(r[i] != "" and r[i + 1] not in _PLAIN_UNITS and not units_valid(r[i + 1]) for i in (6, 10, 14))
        ]
        for k in rng.sample(bad_units, min(len(bad_units), max(3, n // 1000))):
            row = list(visits[k])
            for i in (6, 10, 14):
                if row[i] != "" and not units_valid(row[i + 1]):
                    row[i + 1] = "1"
            emit("legacy.visits", UPDATED, row)
        loaded_visits = [k for k, r in visits.items() if r[2] in ctx.resolved and r[5] == "No Show"]
        for k in rng.sample(loaded_visits, min(len(loaded_visits), max(4, n // 500))):
            row = list(visits[k])
            row[5] = "Completed"
            row[9] = "100.00" if row[9] != "100.00" else "110.00"  # re-billed
            emit("legacy.visits", UPDATED, row)
        # 5. modified cases: an invalid ICD-10 code corrected
        bad_dx = [k for k, r in state["legacy.cases"].items() if r[1] in ctx.resolved and any(c and not icd10_valid(c) for c in r[7:11])]
        for k in rng.sample(bad_dx, min(len(bad_dx), max(2, n // 2000))):
            row = list(state["legacy.cases"][k])
            row[7:11] = ["M62.81" if c and not icd10_valid(c) else c for c in row[7:11]]
            emit("legacy.cases", UPDATED, row)
        # 6. removed patients (in no dedup group) with every row that refers to them
        busy = set(case_pick)  # their new visits must not outlive them
        candidates = [k for k in live if ("legacy.patients", k) not in touched and k[0] not in busy and ctx.removable(k[0])]
        doomed = rng.sample(candidates, min(len(candidates), max(3, n // 1000)))
        recent = [k for k in self.prev_added if ("legacy.patients", k) not in touched and k[0] not in busy and ctx.removable(k[0])]
        doomed += recent[-1:]  # a patient the previous delta added
        self._remove(state, {k[0] for k in doomed}, emit)
        self.prev_modified = modified
        self.prev_added = [(r[0],) for r in pool["legacy.patients"]]
        return changes

    def _remove(self, state: State, gone: set[str], emit: Callable[[str, str, Row], None]) -> None:
        cases = {r[0] for r in state["legacy.cases"].values() if r[1] in gone}
        visits = {r[0] for r in state["legacy.visits"].values() if r[2] in gone or r[1] in cases}
        for r in state["legacy.patients"].values():
            if r[0] in gone:
                emit("legacy.patients", REMOVED, r)
        refs: tuple[tuple[str, int, set[str]], ...] = (
            ("legacy.policies", 1, gone),
            ("legacy.cases", 0, cases),
            ("legacy.auths", 1, cases),
            ("legacy.visits", 0, visits),
            ("legacy.notes", 1, visits),
        )
        for table, col, ids in refs:
            for r in state[table].values():
                if r[col] in ids:
                    emit(table, REMOVED, r)


# ---------------------------------------------------------------------------------------
# The whole run
# ---------------------------------------------------------------------------------------


def extract_meta(seq: int) -> dict[str, Any]:
    """extract.json of delta `seq`: weekly extracts from the first one on."""
    ts = _FIRST_EXTRACT + timedelta(days=7 * (seq - 1))
    return {"extract_id": f"clinicmate-delta-{seq:04d}", "sequence": seq, "timestamp": ts.strftime("%Y-%m-%d %H:%M:%S")}


def generate_deltas(out_dir: pathlib.Path, patients: int = 1000, seed: int = 42, deltas: int = 3) -> dict[str, Any]:
    """Write full/, delta_1/ .. delta_K/ and final/ into out_dir; return {name: truth}."""
    if not isinstance(deltas, int) or deltas < 1:
        raise ValueError("deltas must be a positive integer")
    out_dir = pathlib.Path(out_dir)
    full = generate(out_dir / "full", patients, seed)
    state = read_state(out_dir / "full")
    ctx = _Context(state)
    _check_outcomes(state, ctx, full["maps"])
    full["changes"] = full_changes(full["maps"])
    _write_json(out_dir / "full" / "truth.json", full)
    truths = {"full": full}
    planner = _Planner(patients, seed, state)
    for seq in range(1, deltas + 1):
        plan = planner.plan(seq, state, ctx)
        before = {t: {row_key(t, r): state[t].get(row_key(t, r)) for _, r in rows} for t, rows in plan.items()}
        for table, rows in plan.items():
            for flag, r in rows:
                k = row_key(table, r)
                if flag == REMOVED:
                    del state[table][k]
                else:
                    if (k in state[table]) != (flag == UPDATED):
                        raise AssertionError(f"{table}: flag {flag} on a row that does {'not ' * (flag == UPDATED)}exist")
                    state[table][k] = r
        new_ctx = _Context(state)
        truths[f"delta_{seq}"] = _write_delta(out_dir / f"delta_{seq}", seed, seq, plan, before, ctx, new_ctx)
        ctx = new_ctx
    folder = out_dir / "final"
    folder.mkdir(parents=True, exist_ok=True)
    for table, (name, _, header) in FILES.items():
        _write_table(folder / name, table, header, state[table].values())
    final = _reference_truth(state, patients, seed)
    _check_outcomes(state, ctx, final["maps"])
    final["changes"] = full_changes(final["maps"])
    _write_json(folder / "truth.json", final)
    truths["final"] = final
    return truths


def _write_delta(
    folder: pathlib.Path,
    seed: int,
    seq: int,
    plan: dict[str, list[tuple[str, Row]]],
    before: dict[str, dict[Key, Row | None]],
    ctx_before: _Context,
    ctx_after: _Context,
) -> dict[str, Any]:
    folder.mkdir(parents=True, exist_ok=True)
    meta = extract_meta(seq)
    end = datetime.strptime(meta["timestamp"], "%Y-%m-%d %H:%M:%S")
    rng = _sub_rng(seed, f"changed_at-{seq}")
    changes = _empty_changes()
    files: dict[str, Any] = {}
    for table, (name, enc, header) in FILES.items():
        rows = plan[table]
        out = []
        for flag, r in rows:
            at = end - timedelta(seconds=rng.randrange(1, 7 * 86400))
            out.append(r + [flag, at.strftime("%Y-%m-%d %H:%M:%S")])
            old = before[table][row_key(table, r)]
            classify(changes, table, flag, old, None if flag == REMOVED else r, ctx_before, ctx_after)
        _write_table(folder / name, table, header + DELTA_COLUMNS, out)
        flags = Counter(f for f, _ in rows)
        files[table] = {
            "file": name,
            "encoding": enc,
            "records": len(rows),
            "added": flags[ADDED],
            "updated": flags[UPDATED],
            "removed": flags[REMOVED],
        }
    for target, c in changes.items():
        if c["delta_rows"] != sum(c[k] for k in CHANGE_KINDS) or sum(c["rejected_by_reason"].values()) != c["rejected"]:
            raise AssertionError(f"{target}: delta rows do not add up")
    _write_json(folder / "extract.json", meta)
    truth = {"extract": meta, "files": files, "changes": changes}
    _write_json(folder / "truth.json", truth)
    return truth
