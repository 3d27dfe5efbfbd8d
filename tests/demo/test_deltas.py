"""Tests for the demo's delta extracts (compiler/demo/deltas.py): full/, delta_i/, final/.

The flags are re-applied here with the csv module alone, by unique id, so `final/` is checked
against an application that shares no code with the generator."""

from __future__ import annotations

import csv
import json
from collections import Counter

import pytest

from compiler.cli.main import main
from compiler.demo import export as demo
from compiler.demo.deltas import generate_deltas
from compiler.demo.reference import _Reference

N, SEED, K = 200, 42, 3

# unique ids per file, as the spec's crosswalks key the rows (written out again on purpose)
KEY_COLUMNS = {
    "PATIENTS.csv": ("pat_no",),
    "PROVIDERS.csv": ("prov_id",),
    "PAYERS.csv": ("payer_id",),
    "POLICIES.csv": ("policy_id",),
    "CASES.csv": ("case_no",),
    "AUTHS.csv": ("case_no", "auth_no", "start_date"),
    "VISITS.csv": ("visit_id",),
    "NOTES.csv": ("note_id",),
}
SLOTS = {"emr.diagnosis": 4, "emr.charge_line": 3}
KINDS = ("inserted", "updated", "deleted", "unchanged", "rejected", "filtered", "merged")


def read(path, encoding):
    with open(path, encoding=encoding, newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def files():
    return [(name, enc, header) for name, enc, header in demo.FILES.values()]


def keyer(name, header):
    idx = [header.index(c) for c in KEY_COLUMNS[name]]
    return lambda r: tuple(r[i] for i in idx)


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    d = tmp_path_factory.mktemp("deltas")
    truths = generate_deltas(d, patients=N, seed=SEED, deltas=K)
    return d, truths


@pytest.fixture(scope="module")
def states(out):
    """[full, after delta 1, ..., after delta K] and the deltas, applied with the csv module."""
    d, _ = out
    state = {}
    for name, enc, header in files():
        got, rows = read(d / "full" / name, enc)
        assert tuple(got) == header
        state[name] = rows
    history = [{n: list(r) for n, r in state.items()}]
    deltas = []
    for i in range(1, K + 1):
        delta = {}
        for name, enc, header in files():
            got, rows = read(d / f"delta_{i}" / name, enc)
            assert tuple(got) == header + ("change_flag", "changed_at"), name
            delta[name] = rows
            key = keyer(name, header)
            current = {key(r): j for j, r in enumerate(state[name])}
            table = list(state[name])
            removed = set()
            for r in rows:
                flag, body = r[-2], r[:-2]
                k = key(body)
                if flag == "1":
                    assert k not in current, (name, "added twice")
                    current[k] = len(table)
                    table.append(body)
                elif flag == "2":
                    assert k in current and current[k] not in removed, (name, "update of a missing row")
                    table[current[k]] = body
                else:
                    assert flag == "3", flag
                    assert k in current and current[k] not in removed, (name, "removal of a missing row")
                    removed.add(current[k])
            state[name] = [r for j, r in enumerate(table) if j not in removed]
        deltas.append(delta)
        history.append({n: list(r) for n, r in state.items()})
    return history, deltas


def test_same_seed_gives_byte_identical_folders(out, tmp_path):
    d, truths = out
    again = generate_deltas(tmp_path / "again", patients=N, seed=SEED, deltas=K)
    assert again == truths
    mine = sorted(p.relative_to(d) for p in d.rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(tmp_path / "again") for p in (tmp_path / "again").rglob("*") if p.is_file())
    assert mine == theirs
    for rel in mine:
        assert (d / rel).read_bytes() == (tmp_path / "again" / rel).read_bytes(), rel
    other = generate_deltas(tmp_path / "other", patients=N, seed=SEED + 1, deltas=1)
    assert (tmp_path / "other" / "delta_1" / "PATIENTS.csv").read_bytes() != (d / "delta_1" / "PATIENTS.csv").read_bytes()
    assert other["delta_1"]["extract"] == truths["delta_1"]["extract"]


def test_layout(out):
    d, _ = out
    names = {name for name, _, _ in files()}
    assert {p.name for p in d.iterdir()} == {"full", "final"} | {f"delta_{i}" for i in range(1, K + 1)}
    assert {p.name for p in (d / "full").iterdir()} == names | {"truth.json"}
    assert {p.name for p in (d / "final").iterdir()} == names | {"truth.json"}
    for i in range(1, K + 1):
        assert {p.name for p in (d / f"delta_{i}").iterdir()} == names | {"truth.json", "extract.json"}
        for name, _, _ in files():  # CRLF everywhere, as in the plain export
            raw = (d / f"delta_{i}" / name).read_bytes()
            assert raw.count(b"\n") == raw.count(b"\r\n"), name


def test_full_is_the_plain_export(out, tmp_path):
    """full/ is byte for byte the plain export; its truth adds only `changes` (a full load)."""
    d, truths = out
    plain = demo.generate(tmp_path / "plain", patients=N, seed=SEED)
    for name, _, _ in files():
        assert (d / "full" / name).read_bytes() == (tmp_path / "plain" / name).read_bytes(), name
    full = json.loads((d / "full" / "truth.json").read_text(encoding="utf-8"))
    assert full == truths["full"]
    changes = full.pop("changes")
    assert full == plain
    for target, m in plain["maps"].items():
        c = changes[target]
        assert (c["inserted"], c["rejected"], c["filtered"], c["merged"]) == (m["loaded"], m["rejected"], m["filtered"], m["merged"])
        assert c["updated"] == c["deleted"] == c["unchanged"] == 0


def test_final_is_full_with_every_delta_applied(out, states):
    d, _ = out
    history, _ = states
    for name, enc, header in files():
        got, rows = read(d / "final" / name, enc)
        assert tuple(got) == header
        assert rows == history[-1][name], name


def test_deltas_are_minimal(states):
    """Every row of a delta changes the state: new ids are new, updates differ from the row
    they replace, removals carry the row as it was; no id twice in one delta."""
    history, deltas = states
    for i, delta in enumerate(deltas):
        before = history[i]
        for name, _, header in files():
            key = keyer(name, header)
            current = {key(r): r for r in before[name]}
            keys = [key(r[:-2]) for r in delta[name]]
            assert len(keys) == len(set(keys)), name
            for r in delta[name]:
                body, k = r[:-2], key(r[:-2])
                if r[-2] == "1":
                    assert k not in current
                elif r[-2] == "2":
                    assert current[k] != body
                else:
                    assert current[k] == body


def test_every_change_kind_occurs(states):
    _, deltas = states
    for delta in deltas:
        flags = Counter(r[-2] for r in delta["PATIENTS.csv"])
        assert flags["1"] and flags["2"] and flags["3"]
        assert Counter(r[-2] for r in delta["VISITS.csv"]).keys() == {"1", "2", "3"}


def test_rows_modified_twice_exist(states):
    _, deltas = states
    seen: dict[tuple[str, ...], list[int]] = {}
    for i, delta in enumerate(deltas):
        for r in delta["PATIENTS.csv"]:
            if r[-2] == "2":
                seen.setdefault((r[0],), []).append(i)
    twice = [k for k, where in seen.items() if len(where) >= 2]
    assert len(twice) >= 2
    # and a patient added by one delta is changed by a later one
    added = {r[0]: i for i, delta in enumerate(deltas) for r in delta["PATIENTS.csv"] if r[-2] == "1"}
    later = [r[0] for i, delta in enumerate(deltas) for r in delta["PATIENTS.csv"] if r[-2] in "23" and added.get(r[0], i) < i]
    assert later


def test_removed_patients_take_their_rows_along(states):
    """A removed patient's policies, cases, auths, visits and notes are removed in the same
    extract: nothing in any later state refers to it."""
    history, deltas = states
    for i, delta in enumerate(deltas):
        gone = {r[0] for r in delta["PATIENTS.csv"] if r[-2] == "3"}
        assert len(gone) >= 3
        after = history[i + 1]
        assert not gone & {r[0] for r in after["PATIENTS.csv"]}
        assert not gone & {r[1] for r in after["POLICIES.csv"]}
        assert not gone & {r[1] for r in after["CASES.csv"]}
        assert not gone & {r[2] for r in after["VISITS.csv"]}
        gone_cases = {r[0] for r in delta["CASES.csv"] if r[-2] == "3"}
        gone_visits = {r[0] for r in delta["VISITS.csv"] if r[-2] == "3"}
        assert gone_cases and gone_visits
        assert not gone_cases & ({r[1] for r in after["AUTHS.csv"]} | {r[1] for r in after["VISITS.csv"]})
        assert not gone_visits & {r[1] for r in after["NOTES.csv"]}


def test_dirty_rows_in_deltas(out, states):
    _, truths = out
    _, deltas = states
    for i, delta in enumerate(deltas, 1):
        added = [r for r in delta["PATIENTS.csv"] if r[-2] == "1"]
        assert any(r[1].strip() == "" for r in added)
        assert any(r[13] == "D" for r in added)
        reasons = {(t, why) for t, c in truths[f"delta_{i}"]["changes"].items() for why, n in c["rejected_by_reason"].items() if n}
        for expected in (
            ("emr.patient", "missing last name"),
            ("emr.patient", "unparseable date of birth"),
            ("emr.encounter", "visit for unknown patient"),
            ("emr.charge_line", "invalid units"),
            ("emr.clinical_note", "note for unknown visit"),
        ):
            assert expected in reasons
        assert truths[f"delta_{i}"]["changes"]["emr.patient"]["merged"] >= 1


def test_extract_manifests(out, states):
    d, _ = out
    _, deltas = states
    previous = ""
    ids = set()
    for i, delta in enumerate(deltas, 1):
        meta = json.loads((d / f"delta_{i}" / "extract.json").read_text(encoding="utf-8"))
        assert meta["sequence"] == i
        assert meta["timestamp"] > previous
        ids.add(meta["extract_id"])
        stamps = [r[-1] for rows in delta.values() for r in rows]
        assert stamps and all(previous < s <= meta["timestamp"] for s in stamps)
        previous = meta["timestamp"]
    assert len(ids) == K


def test_delta_truth_matches_files(out, states):
    d, truths = out
    _, deltas = states
    for i, delta in enumerate(deltas, 1):
        truth = json.loads((d / f"delta_{i}" / "truth.json").read_text(encoding="utf-8"))
        assert truth == truths[f"delta_{i}"]
        by_file = {f["file"]: f for f in truth["files"].values()}
        source_file = {t: demo.FILES[t][0] for t in demo.FILES}
        for name, rows in delta.items():
            flags = Counter(r[-2] for r in rows)
            f = by_file[name]
            assert (f["records"], f["added"], f["updated"], f["removed"]) == (len(rows), flags["1"], flags["2"], flags["3"])
        for target, c in truth["changes"].items():
            records = len(delta[source_file[c["source"]]])
            assert c["delta_rows"] == SLOTS.get(target, 1) * records
            assert c["delta_rows"] == sum(c[k] for k in KINDS)
            assert c["rejected"] == sum(c["rejected_by_reason"].values())


def test_loaded_rows_add_up_across_deltas(out):
    """No row changes outcome without being in a delta: final loaded = full loaded +
    inserted - deleted over all deltas, map by map."""
    _, truths = out
    for target, m in truths["full"]["maps"].items():
        net = sum(
            truths[f"delta_{i}"]["changes"][target]["inserted"] - truths[f"delta_{i}"]["changes"][target]["deleted"]
            for i in range(1, K + 1)
        )
        assert truths["final"]["maps"][target]["loaded"] == m["loaded"] + net, target


def test_final_truth_recomputed_from_the_files(out, states):
    """final/truth.json is what the plain reference gives for final/'s rows."""
    _, truths = out
    history, _ = states
    final = history[-1]
    ref = _Reference()
    ref.patients(final["PATIENTS.csv"])
    for r in final["PROVIDERS.csv"]:
        ref.provider(r)
    for name, fn in (
        ("POLICIES.csv", ref.policy),
        ("CASES.csv", ref.case),
        ("AUTHS.csv", ref.auth),
        ("VISITS.csv", ref.visit),
        ("NOTES.csv", ref.note),
    ):
        for r in final[name]:
            fn(r)
    for target, tally in ref.maps.items():
        assert truths["final"]["maps"][target] == tally.as_dict(), target
    assert truths["final"]["totals"]["charge_cents"] == ref.charge_cents
    assert truths["final"]["files"]["legacy.patients"]["records"] == len(final["PATIENTS.csv"])


def test_cli(tmp_path):
    assert main(["demo-data", str(tmp_path / "d"), "--patients", "70", "--seed", "5", "--deltas", "2"]) == 0
    assert (tmp_path / "d" / "delta_2" / "extract.json").is_file()
    assert (tmp_path / "d" / "final" / "truth.json").is_file()
    assert not (tmp_path / "d" / "delta_3").exists()
    assert main(["demo-data", str(tmp_path / "e"), "--preset", "two_systems", "--deltas", "1"]) == 2
    assert main(["demo-data", str(tmp_path / "f"), "--deltas", "-1"]) == 2
    with pytest.raises(ValueError):
        generate_deltas(tmp_path / "g", patients=10, seed=1, deltas=0)
