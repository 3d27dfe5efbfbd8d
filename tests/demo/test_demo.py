"""Tests for the demo-data generator (compiler/demo/)."""

from __future__ import annotations

import csv
import json
import re

import pytest

from compiler.demo import export as demo
from compiler.demo.reference import _Reference

N = 200


def read_rows(path, encoding):
    """All data rows of a CSV file (header dropped), as the csv module reads them."""
    with open(path, encoding=encoding, newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    d = tmp_path_factory.mktemp("demo200")
    truth = demo.generate(d, patients=N, seed=42)
    return d, truth


@pytest.fixture(scope="module")
def tables(out):
    d, _ = out
    result = {}
    for table, (name, enc, header) in demo.FILES.items():
        got_header, rows = read_rows(d / name, enc)
        assert tuple(got_header) == header, table
        result[table] = rows
    return result


def col(tables, table, name):
    header = demo.FILES[table][2]
    i = header.index(name)
    return [r[i] for r in tables[table] if len(r) == len(header)]


# -- determinism -------------------------------------------------------------------------


def test_same_seed_gives_byte_identical_files(out, tmp_path):
    d, truth = out
    again = demo.generate(tmp_path / "again", patients=N, seed=42)
    assert again == truth
    names = sorted(p.name for p in d.iterdir())
    assert names == sorted([f for f, _, _ in demo.FILES.values()] + ["truth.json"])
    for name in names:
        assert (d / name).read_bytes() == (tmp_path / "again" / name).read_bytes(), name


def test_other_seed_gives_other_data(out, tmp_path):
    d, _ = out
    demo.generate(tmp_path / "other", patients=N, seed=7)
    assert (d / "VISITS.csv").read_bytes() != (tmp_path / "other" / "VISITS.csv").read_bytes()


def test_truth_json_matches_return_value(out):
    d, truth = out
    text = (d / "truth.json").read_text(encoding="utf-8")
    assert json.loads(text) == truth
    assert text == json.dumps(truth, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    assert truth["patients"] == N and truth["seed"] == 42


# -- encodings and line ends -------------------------------------------------------------


def test_encodings(out):
    d, _ = out
    raw = (d / "PATIENTS.csv").read_bytes()
    assert b"\x92" in raw  # ’ : in cp1252, not in latin-1
    text = raw.decode("cp1252")
    assert "O\u2019Brien" in text and "Müller" in text
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    for name in ("PROVIDERS.csv", "NOTES.csv"):
        assert (d / name).read_bytes().startswith(b"\xef\xbb\xbf"), name
    for name in ("PAYERS.csv", "POLICIES.csv", "AUTHS.csv", "PATIENTS.csv", "CASES.csv", "VISITS.csv"):
        assert not (d / name).read_bytes().startswith(b"\xef\xbb\xbf"), name
    for name in ("PAYERS.csv", "POLICIES.csv", "AUTHS.csv"):
        (d / name).read_bytes().decode("utf-8")
    (d / "CASES.csv").read_bytes().decode("cp1252")
    (d / "VISITS.csv").read_bytes().decode("cp1252")
    notes = (d / "NOTES.csv").read_bytes().decode("utf-8-sig")
    for s in ("Müller", "García", "Zoë", "°", "–", "“", "”"):
        assert s in notes, s


def test_crlf_line_ends_everywhere(out):
    d, _ = out
    for name, _, _ in demo.FILES.values():
        raw = (d / name).read_bytes()
        assert raw.endswith(b"\r\n"), name
        assert raw.count(b"\n") == raw.count(b"\r\n"), name
        assert raw.count(b"\r") == raw.count(b"\r\n"), name


# -- truth -------------------------------------------------------------------------------


def test_truth_identity(out):
    _, truth = out
    assert set(truth["maps"]) == set(demo.MAPS)
    for target, m in truth["maps"].items():
        assert m["source_rows"] == m["loaded"] + m["rejected"] + m["filtered"] + m["merged"]
        assert m["rejected"] == sum(m["rejected_by_reason"].values()), target
        f = truth["files"][m["source"]]
        slots = {"emr.diagnosis": 4, "emr.charge_line": 3}.get(target, 1)
        assert m["source_rows"] == slots * (f["records"] - f["malformed"]), target
    t = truth["totals"]
    assert t["charge_lines"] == truth["maps"]["emr.charge_line"]["loaded"]
    assert t["diagnosis_rows"] == truth["maps"]["emr.diagnosis"]["loaded"]
    assert t["notes"] == truth["maps"]["emr.clinical_note"]["loaded"]


def test_every_reject_reason_and_status_occurs(out):
    _, truth = out
    for target, m in truth["maps"].items():
        for reason, count in m["rejected_by_reason"].items():
            assert count > 0, (target, reason)
    assert truth["maps"]["emr.patient"]["filtered"] > 0
    assert truth["maps"]["emr.patient"]["merged"] > 0
    assert truth["maps"]["emr.diagnosis"]["filtered"] > 0
    assert truth["maps"]["emr.charge_line"]["filtered"] > 0


def test_records_equal_csv_reread(out, tables):
    _, truth = out
    for table, rows in tables.items():
        f = truth["files"][table]
        assert f["records"] == len(rows), table
        assert (f["file"], f["encoding"]) == demo.FILES[table][:2]
        ncols = len(demo.FILES[table][2])
        assert f["malformed"] == sum(1 for r in rows if len(r) != ncols), table


def test_truth_recomputed_from_the_files(out, tables):
    """The rules applied to what the csv module reads back give the same truth."""
    _, truth = out
    ref = _Reference()
    ref.patients(tables["legacy.patients"])
    for r in tables["legacy.providers"]:
        ref.provider(r)
    for r in tables["legacy.policies"]:
        ref.policy(r)
    for r in tables["legacy.cases"]:
        ref.case(r)
    for r in tables["legacy.auths"]:
        ref.auth(r)
    for r in tables["legacy.visits"]:
        ref.visit(r)
    for r in tables["legacy.notes"]:
        ref.note(r)
    for target, tally in ref.maps.items():
        assert tally.as_dict() == truth["maps"][target], target
    assert ref.charge_units == truth["totals"]["charge_units"]
    assert ref.charge_cents == truth["totals"]["charge_cents"]


def test_malformed_lines(out, tables):
    rows = tables["legacy.patients"]
    bad = [(i, r) for i, r in enumerate(rows) if len(r) != 14]
    assert sorted(len(r) for _, r in bad) == [13, 15]
    for i, _ in bad:
        assert 0.2 * len(rows) < i < 0.9 * len(rows)  # mid-file
    bad_ids = {r[0] for _, r in bad}
    for table in ("legacy.policies", "legacy.cases", "legacy.visits"):
        assert not bad_ids & set(col(tables, table, "pat_no")), table


# -- rule helpers ------------------------------------------------------------------------


def test_npi_luhn():
    assert demo.npi_valid("1234567893")
    assert not demo.npi_valid("1234567898")
    assert not demo.npi_valid("123456789")
    assert not demo.npi_valid("12345678930")
    assert not demo.npi_valid("")
    assert not demo.npi_valid("12345678a3")


def test_icd10_normalisation():
    assert demo.normalise_icd10("m54.50 ") == "M54.50"
    assert demo.normalise_icd10("M5450") == "M54.50"
    assert demo.normalise_icd10("S83511A") == "S83.511A"
    for ok in ("M54.50", "M5450", "m54.50 ", "S83.511A", "M25561", "Z47.1", "M54"):
        assert demo.icd10_valid(ok), ok
    for bad in ("XYZ", "123.4", "M5", "MM54.5", "M54.50000"):
        assert not demo.icd10_valid(bad), bad


def test_parse_dob():
    from datetime import date

    assert demo.parse_dob("") == (True, None)
    assert demo.parse_dob("00/00/0000") == (True, None)
    assert demo.parse_dob("03/14/1975") == (True, date(1975, 3, 14))
    assert demo.parse_dob("1975-03-14") == (True, date(1975, 3, 14))
    assert demo.parse_dob("14-MAR-75") == (True, date(1975, 3, 14))
    assert demo.parse_dob("14-MAR-05") == (True, date(2005, 3, 14))
    for bad in ("02/30/1971", "13/45/1980", "1975-02-29", "31-FEB-82"):
        assert demo.parse_dob(bad) == (False, None), bad


def test_amounts_and_units():
    assert demo.amount_cents("$1,250.00") == 125000
    assert demo.amount_cents("125.50") == 12550
    assert demo.amount_cents("95") == 9500
    assert demo.amount_cents("(25.00)") == -2500
    assert demo.amount_cents("") is None
    assert [demo.units_valid(u) for u in ("1", "4", "8", "0", "", "9")] == [True, True, True, False, False, False]


# -- dirt at N=200 -----------------------------------------------------------------------


def test_patient_dirt(tables):
    P = "legacy.patients"
    dobs = col(tables, P, "dob")
    assert any(re.fullmatch(r"\d\d/\d\d/\d{4}", x) and x != "00/00/0000" for x in dobs)
    assert any(re.fullmatch(r"\d{4}-\d\d-\d\d", x) for x in dobs)
    dmy = [x for x in dobs if re.fullmatch(r"\d\d-[A-Z]{3}-\d\d", x)]
    assert dmy
    for x in dmy:
        ok, d = demo.parse_dob(x)
        assert not ok or 1969 <= d.year <= 1999, x
    assert "" in dobs and "00/00/0000" in dobs
    assert "02/30/1971" in dobs and "13/45/1980" in dobs
    assert set(col(tables, P, "sex")) >= {"M", "F", "male", "Female", "f", "U", ""}
    ssn = col(tables, P, "ssn")
    assert any(re.fullmatch(r"\d{3}-\d\d-\d{4}", x) for x in ssn)
    assert any(re.fullmatch(r"\d{9}", x) and x != "999999999" for x in ssn)
    assert "" in ssn and "999999999" in ssn
    assert set(col(tables, P, "state")) >= {"MA", "ma", "Mass.", "Massachusetts", "N.J.", "New Jersey", "NH"}
    zips = col(tables, P, "zip")
    assert any(re.fullmatch(r"\d{4}", z) for z in zips)
    assert any(re.fullmatch(r"\d{5}-\d{4}", z) for z in zips)
    phones = col(tables, P, "home_phone")
    for shape in (r"\(\d{3}\) \d{3}-\d{4}", r"\d{3}\.\d{3}\.\d{4}", r"\d{10}", r"\+1 \d{3} \d{3} \d{4}", r"\d{3}-\d{3}-\d{4} x\d+"):
        assert any(re.fullmatch(shape, p) for p in phones), shape
    assert "" in phones
    status = col(tables, P, "status")
    assert set(status) == {"A", "I", "D"}
    last = col(tables, P, "last_name")
    assert "" in last
    for name in ("Müller", "García", "O'Brien", "O\u2019Brien", "Nuñez", "SMITH", "smith"):
        assert name in last, name
    first = col(tables, P, "first_name")
    assert "Zoë" in first and "Ann-Marie" in first


def test_duplicates(tables):
    P = "legacy.patients"
    rows = [r for r in tables[P] if len(r) == 14]
    groups = {}
    for r in rows:
        ok, d = demo.parse_dob(r[4])
        if r[13] != "D" and r[1].strip() and ok and d:
            groups.setdefault((r[1].strip().upper(), r[2].strip().upper(), d), []).append(r)
    dups = [g for g in groups.values() if len(g) > 1]
    assert dups
    # at least one pair spelled differently (case/spacing) and one with another dob format
    assert any(len({(r[1], r[2]) for r in g}) > 1 for g in dups)
    assert any(len({r[4] for r in g}) > 1 for g in dups)
    merged_ids = {r[0] for g in dups for r in sorted(g)[1:]}
    refs = set(col(tables, "legacy.cases", "pat_no")) | set(col(tables, "legacy.visits", "pat_no"))
    assert merged_ids & refs


def test_provider_payer_policy_dirt(tables):
    prov = tables["legacy.providers"]
    assert len(prov) == max(5, N // 200)
    assert any(not demo.npi_valid(r[3]) for r in prov)
    assert any(demo.npi_valid(r[3]) for r in prov)
    assert all(", " in r[1] for r in prov)
    assert {r[2] for r in prov} == {"PT", "PTA", "DPT"}
    payers = tables["legacy.payers"]
    assert 10 <= len(payers) <= 14
    assert {r[2] for r in payers} == {"MEDICARE", "MEDICAID", "COMMERCIAL", "WORKERS COMP"}
    assert {r[5] for r in tables["legacy.policies"]} == {"1", "2"}
    assert "" in col(tables, "legacy.policies", "term_date")
    pats = {r[0] for r in tables["legacy.patients"]}
    assert any(p not in pats for p in col(tables, "legacy.policies", "pat_no"))
    for r in tables["legacy.policies"]:
        assert re.fullmatch(r"\d\d/\d\d/\d{4}", r[6])


def test_case_and_auth_dirt(tables):
    dx = [c for r in tables["legacy.cases"] for c in r[7:11]]
    for code in ("M54.50", "M5450", "m54.50 ", "S83.511A", "M25561", "Z47.1", "XYZ", "123.4"):
        assert code in dx, code
    for r in tables["legacy.cases"]:
        filled = [c != "" for c in r[7:11]]
        assert filled[0] and filled == sorted(filled, reverse=True)  # left to right
    therapists = set(col(tables, "legacy.cases", "therapist_id"))
    assert therapists <= {r[0] for r in tables["legacy.providers"]}
    auths = tables["legacy.auths"]
    assert any(r[0] == "0000" for r in auths)
    from datetime import datetime

    mdy = lambda s: datetime.strptime(s, "%m/%d/%Y")  # noqa: E731
    assert any(mdy(r[4]) < mdy(r[3]) for r in auths)


def test_visit_dirt(tables):
    V = tables["legacy.visits"]
    assert {r[5] for r in V} == {"Completed", "No Show", "Cancelled"}
    assert all(r[6] != "" for r in V)
    codes = [c for r in V for c in (r[6], r[10], r[14]) if c]
    assert any(c != c.strip() for c in codes)
    assert any(c != c.upper() for c in codes)
    valid = {"97110", "97112", "97116", "97140", "97530", "97535", "97035", "97032", "97161", "97162", "97163", "97164", "G0283"}
    assert {c.strip().upper() for c in codes} <= valid
    for r in V:
        for i in (6, 10, 14):
            if r[i] == "":
                assert r[i + 1 : i + 4] == ["", "", ""]
    units = [r[i + 1] for r in V for i in (6, 10, 14) if r[i]]
    assert "0" in units and "" in units
    assert set(units) <= {"", "0", "1", "2", "3", "4"}
    mods = {r[i + 2] for r in V for i in (6, 10, 14) if r[i]}
    assert mods >= {"GP", "KX", "59", "CQ", ""}
    amounts = [r[i + 3] for r in V for i in (6, 10, 14) if r[i]]
    for shape in (r"\$\d{1,3}(,\d{3})+\.\d\d", r"\d+\.\d\d", r"\d+", r"\(\d+\.\d\d\)"):
        assert any(re.fullmatch(shape, a) for a in amounts), shape
    pats = {r[0] for r in tables["legacy.patients"]}
    assert any(r[2] not in pats for r in V)  # orphan visits
    assert all(re.fullmatch(r"\d+", r[0]) for r in V)


def test_note_dirt(tables):
    notes = tables["legacy.notes"]
    assert {r[2] for r in notes} == {"EVAL", "DAILY", "PROGRESS", "DISCHARGE"}
    texts = [r[3] for r in notes]
    assert all("\r\n" in t for t in texts)
    assert any('"' in t for t in texts) and any("," in t for t in texts)
    visit_ids = {r[0] for r in tables["legacy.visits"]}
    assert any(r[1] not in visit_ids for r in notes)  # note of a purged visit


# -- scale -------------------------------------------------------------------------------


def test_rows_per_patient(tmp_path):
    truth = demo.generate(tmp_path, patients=2000, seed=1)
    total = sum(f["records"] for f in truth["files"].values())
    assert 17 * 2000 < total < 20 * 2000
    assert truth["files"]["legacy.providers"]["records"] == 10


def test_tiny_inputs(tmp_path):
    for n in (1, 2, 3):
        truth = demo.generate(tmp_path / str(n), patients=n, seed=3)
        assert truth["files"]["legacy.patients"]["malformed"] == 2
    with pytest.raises(ValueError):
        demo.generate(tmp_path / "zero", patients=0)
