"""Tests for the `two_systems` demo preset (compiler/demo/two_*.py).

The truth is recounted here from the files as the csv module reads them, with code of its
own (not the generator's reference), so a wrong rule in either shows up as a mismatch."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from datetime import date, datetime

import pytest

from compiler.cli.main import main
from compiler.demo import two_systems
from compiler.demo.two_layout import CUTOVER, FILES, INSCO, PROCMAP
from compiler.demo.two_reference import MAPS, TwoReference

N = 300


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    d = tmp_path_factory.mktemp("two300")
    return d, two_systems.generate(d, patients=N, seed=42)


@pytest.fixture(scope="module")
def tables(out):
    """Every table as dicts keyed by header name, read back with the csv module."""
    d, _ = out
    result = {}
    for table, spec in FILES.items():
        with open(d / spec.folder / spec.name, encoding=spec.encoding, newline="") as f:
            rows = list(csv.reader(f, delimiter=spec.delimiter))
        assert tuple(rows[0]) == spec.header, table
        result[table] = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    return result


# -- determinism and shapes -----------------------------------------------------------


def test_same_seed_gives_byte_identical_files(out, tmp_path):
    d, truth = out
    again = two_systems.generate(tmp_path, patients=N, seed=42)
    assert again == truth
    for spec in FILES.values():
        path = f"{spec.folder}/{spec.name}"
        assert (d / path).read_bytes() == (tmp_path / path).read_bytes(), path
    assert (d / "truth.json").read_bytes() == (tmp_path / "truth.json").read_bytes()


def test_other_seed_gives_other_data(out, tmp_path):
    d, _ = out
    two_systems.generate(tmp_path, patients=N, seed=7)
    for name in ("sysA/VISITS.csv", "sysB/APPTS.TXT", "sysB/CLIENTS.TXT"):
        assert (d / name).read_bytes() != (tmp_path / name).read_bytes(), name


def test_folders_encodings_and_line_ends(out):
    d, truth = out
    assert sorted(p.name for p in d.iterdir()) == ["sysA", "sysB", "truth.json"]
    assert json.loads((d / "truth.json").read_text(encoding="utf-8")) == truth
    for spec in FILES.values():
        raw = (d / spec.folder / spec.name).read_bytes()
        raw.decode(spec.encoding)
        if spec.folder == "sysA":
            assert raw.count(b"\n") == raw.count(b"\r\n"), spec.name
        else:
            assert b"\r" not in raw and raw.endswith(b"\n"), spec.name
            assert raw.split(b"\n", 1)[0].count(b"|") == len(spec.header) - 1
    clients = (d / "sysB" / "CLIENTS.TXT").read_bytes()
    assert re.search(rb"[\xc0-\xff]", clients)  # latin-1 letters: not UTF-8
    with pytest.raises(UnicodeDecodeError):
        clients.decode("utf-8")


def test_sysb_shapes(tables):
    c = tables["sysB.clients"]
    assert any(re.fullmatch(r"[^,]+, [^,]+", r["CLIENT_NAME"]) for r in c)
    assert any("," not in r["CLIENT_NAME"] for r in c)
    births = [r["BIRTH_DT"] for r in c]
    assert any(re.fullmatch(r"(19|20)\d{6}", b) for b in births)
    assert "00000000" in births and "" in births
    assert {r["GENDER"] for r in c} <= {"1", "2", "0", ""}
    phones = [r["PHONE"] for r in c]
    for shape in (r"\d{3}/\d{3}-\d{4}", r"\(\d{3}\)\d{3}-\d{4}", r"1-\d{3}-\d{3}-\d{4}"):
        assert any(re.fullmatch(shape, p) for p in phones), shape
    assert {r["ACTIVE_FLAG"] for r in c} == {"Y", "N", "X"}
    assert all(re.fullmatch(r"\d\d-[A-Z]{3}-\d\d", r["START_DT"]) for r in tables["sysB.episodes"])
    assert all(re.fullmatch(r"\d{8}", r["APPT_DATE"]) for r in tables["sysB.appts"])
    assert {r["APPT_STATUS"] for r in tables["sysB.appts"]} == {"K", "N", "C"}
    pairs = {(r["PAYER_CD"], r["PLAN_CD"]) for r in tables["sysB.coverage"]}
    assert len({p for p, _ in pairs}) < len(pairs)  # a payer code alone is ambiguous
    assert len(tables["sysB.procmap"]) == len(PROCMAP)
    assert len(tables["sysB.insco"]) == len(INSCO)


def test_overlap_fraction(tmp_path):
    truth = two_systems.generate(tmp_path, patients=2000, seed=5)
    o = truth["overlap"]
    assert 0.15 <= o["in_both"] / o["persons"] <= 0.25
    assert o["in_sysA"] + o["in_sysB"] - o["in_both"] == 2000
    # most people in both systems merge into their sysA record; dirt breaks a few
    assert 0.75 * o["in_both"] <= truth["patient_merges"]["B->A"] <= o["in_both"] + 20


def test_every_reason_occurs(out):
    _, truth = out
    for target, branches in truth["maps"].items():
        for source, m in branches.items():
            for reason, count in m["rejected_by_reason"].items():
                assert count > 0, (target, source, reason)
    assert all(truth["patient_merges"][k] > 0 for k in ("A->A", "B->B", "B->A"))
    assert all(v > 0 for v in truth["payers"]["sysB_pairs"].values())


def test_truth_identity(out, tables):
    _, truth = out
    slots = {("emr.diagnosis", "sysA.cases"): 4, ("emr.diagnosis", "sysB.episodes"): 2, ("emr.charge_line", "sysA.visits"): 3}
    for target, branches in truth["maps"].items():
        assert set(branches) == set(MAPS[target])
        assert sum(m["loaded"] for m in branches.values()) == truth["targets"][target]
        for source, m in branches.items():
            assert m["source_rows"] == m["loaded"] + m["rejected"] + m["filtered"] + m["merged"]
            assert truth["files"][source]["records"] == len(tables[source])
            if (target, source) == ("emr.charge_line", "sysB.charges"):
                continue  # one-to-many: each emitted row counts
            assert m["source_rows"] == slots.get((target, source), 1) * len(tables[source]), (target, source)


def test_reference_over_reread_files_gives_the_truth(out, tables):
    _, truth = out
    lists = {t: [list(r.values()) for r in rows] for t, rows in tables.items()}
    again = TwoReference(lists).truth()
    for key, value in again.items():
        assert truth[key] == value, key


# -- independent recount --------------------------------------------------------------


def _mdy(s):
    try:
        return datetime.strptime(s, "%m/%d/%Y").date()
    except ValueError:
        return None


def _a_dob(s):
    if s in ("", "00/00/0000"):
        return True, None
    for fmt in ("%m/%d/%Y", "%Y-%m-%d", "%d-%b-%y"):
        try:
            return True, datetime.strptime(s, fmt).date()
        except ValueError:
            pass
    return False, None


def _ymd(s):
    if not re.fullmatch(r"\d{8}", s.strip()):
        return None
    try:
        return date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        return None


@pytest.fixture(scope="module")
def recount(tables):
    """Patients resolved to survivors, loaded episodes and encounters, by this test's rules."""
    cands = []  # (rank, key, system key, dedup key, dob)
    for r in tables["sysA.patients"]:
        ok, dob = _a_dob(r["dob"])
        if r["status"] != "D" and r["last_name"].strip() and ok:
            k = (r["last_name"].strip().upper(), r["first_name"].strip().upper(), dob) if dob else None
            cands.append((0, r["pat_no"], ("A", r["pat_no"]), k, dob))
    for r in tables["sysB.clients"]:
        m = re.fullmatch(r"([^,]*),([^,]*)", r["CLIENT_NAME"])
        dob = _ymd(r["BIRTH_DT"])
        bad_dob = r["BIRTH_DT"].strip() not in ("", "00000000") and dob is None
        if r["ACTIVE_FLAG"] != "X" and m and m[1].strip() and m[2].strip() and not bad_dob:
            k = (m[1].strip().upper(), m[2].strip().upper(), dob) if dob else None
            cands.append((1, r["CLIENT_ID"], ("B", r["CLIENT_ID"]), k, dob))
    survivor, birth, seen = {}, {}, {}
    for _, _, sk, k, dob in sorted(cands):  # sysA first, then the lowest legacy key
        if k is not None and k in seen:
            survivor[sk] = seen[k]
        else:
            survivor[sk] = sk
            birth[sk] = dob
            if k is not None:
                seen[k] = sk
    episodes = {}
    for r in tables["sysA.cases"]:
        if ("A", r["pat_no"]) in survivor:
            episodes[("A", r["case_no"])] = (survivor[("A", r["pat_no"])], _mdy(r["injury_date"]))
    for r in tables["sysB.episodes"]:
        if ("B", r["CLIENT_ID"]) in survivor:
            try:
                onset = datetime.strptime(r["INJURY_DT"], "%d-%b-%y").date()
            except ValueError:
                onset = None
            episodes[("B", r["EPISODE_ID"])] = (survivor[("B", r["CLIENT_ID"])], onset)
    enc = {}  # (system, id) -> (episode or None, date, completed?)
    for r in tables["sysA.visits"]:
        if ("A", r["pat_no"]) in survivor:
            ep = ("A", r["case_no"])
            enc[("A", r["visit_id"])] = (ep if ep in episodes else None, _mdy(r["dos"]), r["status"] == "Completed")
    for r in tables["sysB.appts"]:
        if ("B", r["CLIENT_ID"]) in survivor:
            ep = ("B", r["EPISODE_ID"])
            enc[("B", r["APPT_ID"])] = (ep if ep in episodes else None, _ymd(r["APPT_DATE"]), r["APPT_STATUS"] == "K")
    return {"survivor": survivor, "birth": birth, "episodes": episodes, "enc": enc}


def test_recount_patients_and_targets(out, recount):
    _, truth = out
    survivor = recount["survivor"]
    assert truth["targets"]["emr.patient"] == sum(1 for k, v in survivor.items() if k == v)
    merged = Counter(f"{k[0]}->{v[0]}" for k, v in survivor.items() if k != v)
    assert truth["patient_merges"] == {k: merged[k] for k in ("A->A", "B->B", "B->A")} | {
        "B->A survivors": len({v for k, v in survivor.items() if k[0] == "B" and v[0] == "A"})
    }
    assert truth["targets"]["emr.episode"] == len(recount["episodes"])
    assert truth["targets"]["emr.encounter"] == len(recount["enc"])


def test_recount_charges_and_one_to_many(out, tables, recount):
    _, truth = out
    enc = recount["enc"]
    lines = Counter(r["PROC_CODE"] for r in tables["sysB.procmap"])
    b_lines = evtx = 0
    for r in tables["sysB.charges"]:
        code = r["PROC_CODE"].strip().upper()
        if ("B", r["APPT_ID"]) in enc and code in lines and r["QTY"].strip().isdigit() and r["QTY"].strip() != "0":
            b_lines += lines[code]
            evtx += lines[code] if code == "EVTX" else 0
    a_lines = 0
    for r in tables["sysA.visits"]:
        if ("A", r["visit_id"]) in enc:
            for i in (1, 2, 3):
                u = r[f"units{i}"].strip()
                a_lines += bool(r[f"cpt{i}"].strip()) and u.isdigit() and 1 <= int(u) <= 8
    assert truth["targets"]["emr.charge_line"] == a_lines + b_lines
    assert truth["charges"]["one_to_many"]["charge_lines"] == evtx == 2 * truth["charges"]["one_to_many"]["source_rows"]
    assert evtx > 0


def test_recount_payers(out, tables, recount):
    _, truth = out
    names = {(c, p): n for c, p, n, _ in INSCO}
    by_name = Counter()
    payer_a = {r["payer_id"]: r["payer_name"] for r in tables["sysA.payers"]}
    for r in tables["sysA.policies"]:
        if ("A", r["pat_no"]) in recount["survivor"]:
            by_name[payer_a[r["payer_id"]]] += 1
    for r in tables["sysB.coverage"]:
        pair = (r["PAYER_CD"].strip().upper(), r["PLAN_CD"].strip().upper())
        if ("B", r["CLIENT_ID"]) in recount["survivor"] and pair in names:
            by_name[names[pair]] += 1
    assert truth["payers"]["coverage_by_payer_name"] == dict(by_name)
    assert truth["targets"]["emr.coverage"] == sum(by_name.values())


def test_recount_aggregates_numbering_and_dates(out, tables, recount):
    _, truth = out
    enc, episodes = recount["enc"], recount["episodes"]
    per_ep = {}
    for (_, key), (ep, day, done) in enc.items():
        if ep is not None:
            per_ep.setdefault(ep, []).append((day, int(key), done))
    done = {ep: sorted(d for d, _, ok in v if ok) for ep, v in per_ep.items()}
    done = {ep: d for ep, d in done.items() if d}
    act = truth["episode_activity"]
    assert act["episodes"] == len(done)
    assert act["sum_span_days"] == sum((d[-1] - d[0]).days for d in done.values())
    assert act["sum_first_visit_epoch_days"] == sum((d[0] - date(1970, 1, 1)).days for d in done.values())
    for s in act["samples"]:
        d = done[(s["system"][-1], s["key"])]
        assert (s["first_visit_date"], s["last_visit_date"]) == (d[0].isoformat(), d[-1].isoformat())
    numbering = truth["visit_numbering"]
    assert numbering["visit_no_sum"] == sum(len(v) * (len(v) + 1) // 2 for v in per_ep.values())
    assert numbering["numbered_encounters"] == sum(len(v) for v in per_ep.values())
    # authorizations: visits used inside the window, days remaining at the cutover
    used_sum = days_sum = 0
    for table, parse, ep_col, sysname in (
        ("sysA.auths", _mdy, "case_no", "A"),
        ("sysB.priorauth", _ymd, "EPISODE_ID", "B"),
    ):
        for r in tables[table]:
            ep = (sysname, r[ep_col])
            if ep not in episodes:
                continue
            values = list(r.values())  # both tables: ..., start, end as the last two columns
            start, end = parse(values[-2]), parse(values[-1])
            used_sum += sum(1 for d in done.get(ep, []) if start <= d <= end)
            days_sum += max(0, (end - CUTOVER).days)
    assert truth["authorization_usage"]["visits_used_sum"] == used_sum
    assert truth["auth_days_remaining"]["sum"] == days_sum
    assert truth["auth_days_remaining"]["cutover"] == CUTOVER.isoformat()
    # age at injury, from the surviving patient's birth date
    ages = []
    for patient, onset in episodes.values():
        born = recount["birth"][patient]
        if born and onset:
            ages.append(onset.year - born.year - ((onset.month, onset.day) < (born.month, born.day)))
    assert truth["age_at_injury"]["episodes"] == len(ages)
    assert truth["age_at_injury"]["sum"] == sum(ages)


# -- command line and scale -----------------------------------------------------------


def test_cli_preset(tmp_path):
    assert main(["demo-data", str(tmp_path / "t"), "--preset", "two_systems", "--patients", "20", "--seed", "3"]) == 0
    truth = json.loads((tmp_path / "t" / "truth.json").read_text(encoding="utf-8"))
    assert truth["preset"] == "two_systems" and truth["patients"] == 20
    assert (tmp_path / "t" / "sysB" / "CLIENTS.TXT").is_file()
    assert main(["demo-data", str(tmp_path / "c"), "--patients", "5"]) == 0
    assert (tmp_path / "c" / "PATIENTS.csv").is_file()  # the default preset is the clinic
    with pytest.raises(SystemExit):
        main(["demo-data", str(tmp_path / "x"), "--preset", "nope"])


def test_tiny_inputs(tmp_path):
    for n in (1, 2, 7):
        truth = two_systems.generate(tmp_path / str(n), patients=n, seed=3)
        assert truth["overlap"]["persons"] == n
    with pytest.raises(ValueError):
        two_systems.generate(tmp_path / "zero", patients=0)


def test_every_dirt_kind_occurs_and_recounts(out, tables):
    _, truth = out
    for table, kinds in truth["dirt"].items():
        for kind, count in kinds.items():
            assert count > 0, (table, kind)
    c = tables["sysB.clients"]
    assert truth["dirt"]["sysB.clients"]["CLIENT_NAME without a comma"] == sum("," not in r["CLIENT_NAME"] for r in c)
    assert truth["dirt"]["sysB.clients"]["BIRTH_DT 00000000"] == sum(r["BIRTH_DT"] == "00000000" for r in c)
    p = tables["sysA.patients"]
    assert truth["dirt"]["sysA.patients"]["zip lost its leading zero"] == sum(len(r["zip"]) == 4 for r in p)
    ch = tables["sysB.charges"]
    assert truth["dirt"]["sysB.charges"]["PROC_CODE NS (no-show fee)"] == sum(r["PROC_CODE"].upper() == "NS" for r in ch)


def test_aggregate_inputs_add_up(out, tables):
    """Per source, every visit row is aggregated, not completed, or without a loaded episode."""
    _, truth = out
    act = truth["episode_activity"]
    parts = act["by_source"].values()
    for source, p in act["by_source"].items():
        assert p["records"] == len(tables[source]) == p["aggregated"] + p["not_completed"] + p["without_a_loaded_episode"]
        assert 0 < p["into_episodes"] <= p["aggregated"]
    assert sum(p["aggregated"] for p in parts) == act["completed_visits"]
    assert sum(p["into_episodes"] for p in parts) == act["episodes"]
    usage = truth["authorization_usage"]
    assert sum(p["authorizations"] for p in usage["by_source"].values()) == usage["authorizations"]
    assert sum(p["visits_used_sum"] for p in usage["by_source"].values()) == usage["visits_used_sum"]
    assert usage["authorizations"] == truth["targets"]["emr.authorization"]
