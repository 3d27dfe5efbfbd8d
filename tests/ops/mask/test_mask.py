"""`chartshift sample --mask`: no PHI left, same validation outcome, keyed and deterministic."""

from __future__ import annotations

import csv
import io
import os
import re
from datetime import date
from pathlib import Path

import pytest

from compiler.cli.main import main
from compiler.demo import clinical, people
from compiler.demo.rules import icd10_valid
from compiler.ops.mask import FIRST_NAMES, LAST_NAMES, MASK_KEY_ENV, Masker, load_mask_key, masker_for, rule_for_name
from compiler.ops.sample import sample
from compiler.ops.sample.records import layout
from compiler.ops.secure.keys import KeyFileError, SecureUsageError
from compiler.pipeline import load
from compiler.runtime.run import run
from compiler.runtime.staging import source_files

ROOT = Path(__file__).resolve().parents[3]
SPEC = ROOT / "specs" / "demo_clinic.mig"
KEY_A = "11" * 32
KEY_B = "22" * 32


def key_file(folder: Path, hexkey: str, mode: int = 0o600) -> Path:
    p = folder / f"mask-{hexkey[:4]}.key"
    p.write_text(hexkey + "\n")
    os.chmod(p, mode)
    return p


@pytest.fixture(scope="module")
def compiled():
    return load(SPEC)


@pytest.fixture(scope="module")
def masker(compiled):
    return Masker(compiled.catalog, bytes.fromhex(KEY_A), root="legacy.patients")


@pytest.fixture(scope="module")
def samples(demo_export, compiled, tmp_path_factory):
    """The whole 300-patient export, plain and masked (so duplicates and every dirt kind are in)."""
    src, _ = demo_export
    base = tmp_path_factory.mktemp("masked")
    keys = tmp_path_factory.mktemp("keys")
    out = {}
    for name, key in (("plain", None), ("a", KEY_A), ("a2", KEY_A), ("b", KEY_B)):
        m = masker_for(compiled, str(key_file(keys, key)), "legacy.patients") if key else None
        sample(compiled, src, base / name, "legacy.patients", count=10**9, seed=1, masker=m)
        out[name] = base / name
    return out


def rows_of(folder: Path, sf) -> tuple[list[str], list[list[str]]]:
    lay = layout(sf.__class__(**{**sf.__dict__, "path": folder / sf.path.name}))
    raw = (folder / sf.path.name).read_bytes()[len(lay.bom) :].decode(lay.codec, errors="surrogateescape")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    return rows[0], [r for r in rows[1:] if len(r) == len(rows[0])]


def test_no_phi_value_survives(samples, compiled, masker):
    """Every original value of a masked column (4+ characters) is searched in the bytes of
    every masked file.  An occurrence is allowed only where it is explained: inside a
    field the spec does not mark phi (copied as it is: a surname in `referring_physician`,
    a city spelled like a state), or inside the masked output of a *different* value (a
    coincidence in a small value space: a shifted date, a 555-01xx phone number, a ZIP
    prefix).  So no field keeps its value, and no value shows up anywhere else."""
    files = source_files(compiled.spec, samples["plain"], ROOT)
    phi_values: set[str] = set()
    per_file = {}
    for sf in files:
        rules = masker.rules[sf.qualified]
        header, plain = rows_of(samples["plain"], sf)
        _, masked = rows_of(samples["a"], sf)
        assert len(plain) == len(masked)
        verbatim, pairs = [",".join(header)], []
        for r1, r2 in zip(plain, masked):
            for name, o, m in zip(header, r1, r2):
                if name in rules:
                    phi_values.add(o.strip())
                    pairs.append((o, m))
                    if len(o.strip()) >= 4 and o.strip() not in masker.sentinels:
                        assert o.strip() not in m, (sf.qualified, name)  # no field keeps its value
                else:
                    verbatim.append(m)
        lay = layout(sf.__class__(**{**sf.__dict__, "path": samples["a"] / sf.path.name}))
        own: dict[str, list[str]] = {}
        for o, m in pairs:
            own.setdefault(o.strip(), []).append(m)
        per_file[sf.path.name] = (
            lay.codec,
            (samples["a"] / sf.path.name).read_bytes(),
            "\x00".join(verbatim),
            "\x00".join(m for _, m in pairs),
            own,
        )
    checked = 0
    for v in sorted(phi_values):
        if len(v) < 4 or v in masker.sentinels:
            continue
        checked += 1
        for name, (codec, data, verbatim, outputs, own) in per_file.items():
            try:
                needle = v.encode(codec)
            except UnicodeEncodeError:
                continue
            n = data.count(needle)
            if n:
                explained = verbatim.count(v) + outputs.count(v) - sum(m.count(v) for m in own.get(v, []))
                assert n <= explained, (name, v)
    assert checked > 1000


def counts(report):
    return [(m.map, m.source_rows, m.loaded, m.rejected, m.filtered, m.merged, sorted(m.rejected_by_reason.items())) for m in report.maps]


def test_masked_sample_validates_like_the_original(samples, compiled, tmp_path):
    plain = run(compiled, samples["plain"], f"duckdb:///{tmp_path / 'p.duckdb'}", commit_on_fail=True)
    masked = run(compiled, samples["a"], f"duckdb:///{tmp_path / 'm.duckdb'}", commit_on_fail=True)
    assert counts(plain) == counts(masked)
    merged = next(m.merged for m in plain.maps if m.target == "emr.patient")
    assert merged > 0  # the demo's duplicates are in, and still merge after masking
    assert plain.status == masked.status
    for a, b in zip(plain.checks, masked.checks):
        assert a.status == b.status, a.name
        if (a.count, a.denominator) != (b.count, b.denominator):
            # dedup keeps the lowest pat_no; masked keys do not keep their order, so the
            # survivor of a merged pair may be the other row: only values of emr.patient differ
            assert "emr.patient" in a.name and a.denominator == b.denominator, a.name
            assert abs(a.count - b.count) <= merged, a.name


def test_deterministic_and_keyed(samples, compiled):
    for sf in source_files(compiled.spec, samples["plain"], ROOT):
        a = (samples["a"] / sf.path.name).read_bytes()
        assert a == (samples["a2"] / sf.path.name).read_bytes()
        if sf.qualified in ("legacy.providers", "legacy.payers", "legacy.auths"):
            assert a == (samples["plain"] / sf.path.name).read_bytes()  # no phi: untouched
        elif sf.qualified == "legacy.notes":
            assert a == (samples["b"] / sf.path.name).read_bytes()  # redaction needs no key
        else:
            assert a != (samples["b"] / sf.path.name).read_bytes()


def test_formats_and_untouched_fields_are_kept(samples, compiled, masker):
    for sf in source_files(compiled.spec, samples["plain"], ROOT):
        p, m = (samples["plain"] / sf.path.name).read_bytes(), (samples["a"] / sf.path.name).read_bytes()
        assert p[:3] == m[:3] and p.split(b"\r\n")[0] == m.split(b"\r\n")[0]  # BOM, header
        assert m.count(b"\r\n") <= p.count(b"\r\n") and b"\n" not in m.replace(b"\r\n", b"")
        header, plain = rows_of(samples["plain"], sf)
        _, masked = rows_of(samples["a"], sf)
        rules = masker.rules[sf.qualified]
        for r1, r2 in zip(plain, masked):
            for name, v1, v2 in zip(header, r1, r2):
                if name not in rules:
                    assert v1 == v2
                elif v1.strip():
                    assert v1 != v2 or v1.strip() in masker.sentinels or len(v1.strip()) < 3, (name, v1)


def test_keys_still_join(samples, compiled):
    files = {sf.qualified: sf for sf in source_files(compiled.spec, samples["a"], ROOT)}
    _, pats = rows_of(samples["a"], files["legacy.patients"])
    _, visits = rows_of(samples["a"], files["legacy.visits"])
    _, plain_visits = rows_of(samples["plain"], files["legacy.visits"])
    _, plain_pats = rows_of(samples["plain"], files["legacy.patients"])
    known = {r[0] for r in pats}
    plain_known = {r[0] for r in plain_pats}
    assert [r[2] in known for r in visits] == [r[2] in plain_known for r in plain_visits]
    assert len(known) == len(plain_known)  # a permutation: no two keys collide


# ------------------------------------------------------------------ the rules


def test_rules_of_the_demo_spec(masker):
    r = masker.rules
    assert r["legacy.patients"]["pat_no"] == "key" and r["legacy.visits"]["pat_no"] == "key"
    assert r["legacy.patients"]["dob"] == "date" and r["legacy.visits"]["dos"] == "date"
    assert r["legacy.patients"]["last_name"] == "name" and r["legacy.patients"]["ssn"] == "ssn"
    assert r["legacy.patients"]["home_phone"] == "phone" and r["legacy.patients"]["zip"] == "zip"
    assert r["legacy.patients"]["email"] == "email" and r["legacy.notes"]["note_text"] == "text"
    assert r["legacy.cases"]["dx1"] == "shape" and r["legacy.policies"]["member_id"] == "shape"
    assert "sex" not in r["legacy.patients"] and r["legacy.providers"] == {}
    assert masker.identity_columns == ["last_name", "first_name"]
    assert "00/00/0000" in masker.sentinels
    assert rule_for_name("mobile_no") == "phone" and rule_for_name("birth_dt") == "date"
    assert rule_for_name("comments") == "text" and rule_for_name("account") == "shape"


def test_ssn_phone_zip_email(masker):
    for v in ("123-45-6789", "123456789", "999999999", "078-05-1120"):
        m = masker.mask_value("ssn", v)
        digits = re.sub(r"\D", "", m)
        assert re.sub(r"\d", "9", m) == re.sub(r"\d", "9", v) and digits[0] == "9"
        assert digits[3:5] != "00" and digits[5:] != "0000" and m != v
    for v, shape in (
        ("(617) 555-0123", r"\(\d{3}\) 555-01\d\d"),
        ("+1 603 555 0145", r"\+1 \d{3} 555 01\d\d"),
        ("6175550123", r"\d{3}55501\d\d"),
        ("617-555-0123 x12", r"\d{3}-555-01\d\d x\d\d"),
        ("617.555.0123", r"\d{3}\.555\.01\d\d"),
    ):
        m = masker.mask_value("phone", v)
        assert re.fullmatch(shape, m) and m[:-2] != v[:-2] or re.fullmatch(shape, m), (v, m)
        assert re.sub(r"\D", "", m).lstrip("1")[0] in "23456789"
    assert masker.mask_value("zip", "02134") == "02100"
    assert masker.mask_value("zip", "02134-1234") == "02100-0000"
    assert masker.mask_value("zip", "2134") == "2100"
    m = masker.mask_value("email", " Ann.Lee12@Example.COM ")
    assert re.fullmatch(r" [A-Z][a-z]{2}\.[A-Z][a-z]{2}\d\d@example\.org ", m)


def test_names(masker):
    a = masker.mask_value("name", "Smith", column="last_name")
    assert a in LAST_NAMES and a != "Smith"
    assert masker.mask_value("name", "SMITH", column="last_name") == a.upper()
    assert masker.mask_value("name", " smith  ", column="last_name") == f" {a.lower()}  "
    assert masker.mask_value("name", "Smith", column="first_name") in FIRST_NAMES
    assert masker.mask_value("name", "Müller", column="last_name").isascii()
    vocab = (
        *people._LAST_NAMES,
        *people._FIRST_NAMES,
        *people._LAST_SPECIAL,
        *people._FIRST_SPECIAL,
        *clinical._PROVIDER_FIRST,
        *clinical._PROVIDER_LAST,
    )
    for fake in FIRST_NAMES + LAST_NAMES:
        for real in vocab:
            assert len(real) < 3 or real.lower() not in fake.lower(), (fake, real)


def test_dates(masker):
    ident = masker.root_identity({"last_name": "Lee ", "first_name": "ann"}, "pat_no")
    assert ident == masker.root_identity({"last_name": "LEE", "first_name": " Ann"}, "pat_no")
    shifted = []
    for v, fmt in (("03/14/1975", "%m/%d/%Y"), ("1975-03-14", "%Y-%m-%d"), ("14-MAR-75", "%d-%b-%y")):
        m = masker.mask_value("date", v, ident)
        f = next(f for f in masker.formats if f.fmt == fmt)
        got = f.parse(m)
        assert got is not None and len(m) == len(v), (v, m)
        shifted.append(got[0])
    assert len(set(shifted)) == 1 and 1 <= abs((shifted[0] - date(1975, 3, 14)).days) <= 365
    assert masker.mask_value("date", "14-mar-75", ident)[3:6].islower()
    other = masker.root_identity({"last_name": "Kim", "first_name": "Bo"}, "pat_no")
    assert masker.offset(other) != masker.offset(ident) or True  # independent offsets (may coincide)
    for bad in ("02/30/1971", "13/45/1980", "1975-02-29", "31-FEB-82", "00/15/1990"):
        m = masker.mask_value("date", bad, ident)
        assert m != bad and len(m) == len(bad) and all(f.parse(m) is None for f in masker.formats), (bad, m)
        assert masker.mask_value("date", bad, other) == m  # unparseable values do not depend on the patient
    assert masker.mask_value("date", "00/00/0000", ident) == "00/00/0000"
    assert masker.mask_value("date", "", ident) == ""


def test_shape_is_a_keyed_permutation(masker, compiled):
    values = [f"{i:06d}" for i in range(0, 200000, 37)]
    out = [masker.mask_value("key", v) for v in values]
    assert len(set(out)) == len(values) and all(re.fullmatch(r"\d{6}", o) for o in out)
    assert sum(a == b for a, b in zip(values, out)) < 5
    for code in ("M54.50", "m54.50 ", "S83.511A", "M5450", "XYZ", "123.4", "MM54.5", "Z47.1"):
        m = masker.mask_value("shape", code)
        assert re.sub(r"[A-Z]", "A", re.sub(r"[a-z]", "a", re.sub(r"\d", "9", m))) == re.sub(
            r"[A-Z]", "A", re.sub(r"[a-z]", "a", re.sub(r"\d", "9", code))
        )
        assert icd10_valid(m) == icd10_valid(code)
    other = Masker(compiled.catalog, bytes.fromhex(KEY_B), root="legacy.patients")
    assert [other.mask_value("key", v) for v in values[:50]] != out[:50]
    assert masker.mask_value("text", 'S: "pain", 4/10\r\nO: ok') == "[redacted 22 chars]"


REF_SPEC = """
migration "r" { dialect duckdb }
source old csv "data" {
  table people "people.csv" key mrn {
    mrn  text phi
    name text phi
  }
  table visits "visits.csv" key id {
    id   text
    mrn  text references people.mrn
  }
}
target new {
  table person key pid {
    pid  bigint not null
    name varchar(40)
  }
}
map old.people -> new.person {
  pid  = crosswalk(mrn)
  name = trim(name)
}
"""


def test_a_reference_to_a_phi_key_is_masked_too(tmp_path):
    (tmp_path / "r.mig").write_text(REF_SPEC)
    (tmp_path / "data").mkdir()
    compiled = load(tmp_path / "r.mig")
    m = Masker(compiled.catalog, bytes.fromhex(KEY_A), root="old.people")
    assert m.rules["old.visits"] == {"mrn": "key"} and m.rules["old.people"]["mrn"] == "key"
    assert m.mask_value("key", "A123") == m.mask_value(m.rules["old.visits"]["mrn"], "A123")


def test_key_sources(tmp_path, monkeypatch, demo_export, compiled):
    good = key_file(tmp_path, KEY_A)
    loose = key_file(tmp_path, KEY_B, 0o644)
    assert load_mask_key(str(good)).material == bytes.fromhex(KEY_A)
    with pytest.raises(KeyFileError, match="group or others"):
        load_mask_key(str(loose))
    assert load_mask_key(None, {MASK_KEY_ENV: KEY_B}).material == bytes.fromhex(KEY_B)
    with pytest.raises(SecureUsageError):
        load_mask_key(None, {})
    src, _ = demo_export
    args = ["sample", str(SPEC), "--source", str(src), "--count", "3", "--mask"]
    assert main(args + ["--out", str(tmp_path / "o1"), "--key-file", str(loose)]) == 3
    assert not (tmp_path / "o1").exists()
    monkeypatch.delenv(MASK_KEY_ENV, raising=False)
    assert main(args + ["--out", str(tmp_path / "o2")]) == 2
    monkeypatch.setenv(MASK_KEY_ENV, KEY_A)
    assert main(args + ["--out", str(tmp_path / "o3")]) == 0
    assert "000001" not in (tmp_path / "o3" / "PATIENTS.csv").read_text(encoding="cp1252")
