"""`chartshift sample`: closure, orphans, determinism, exact file formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest

from compiler.cli.main import main
from compiler.ops.sample import reference_edges, sample
from compiler.ops.sample.graph import Graph
from compiler.ops.sample.sampler import hash64
from compiler.pipeline import load
from compiler.runtime.run import run
from compiler.runtime.staging import source_files

ROOT = Path(__file__).resolve().parents[3]
SPEC = ROOT / "specs" / "demo_clinic.mig"
REJECTS = "select map, reason, slot, original_row from chartshift.rejects where map is not null"


@pytest.fixture(scope="module")
def compiled():
    return load(SPEC)


@pytest.fixture(scope="module")
def full_run(demo_export, compiled, tmp_path_factory):
    src, _ = demo_export
    db = tmp_path_factory.mktemp("full") / "full.duckdb"
    report = run(compiled, src, f"duckdb:///{db}", commit_on_fail=True)
    rejects = set(duckdb.connect(str(db), read_only=True).execute(REJECTS).fetchall())
    return report, rejects


def read_table(folder: Path, sf) -> list[dict[str, str]]:
    """Rows of one CSV (well-formed ones only), decoded like the engine would."""
    enc = {"utf-8": "utf-8-sig", "utf-8-sig": "utf-8-sig"}.get(sf.encoding, sf.encoding)
    text = (folder / sf.path.name).read_text(encoding=enc, errors="surrogateescape")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = [h.strip() for h in rows[0]]
    return [dict(zip(header, r)) for r in rows[1:] if len(r) == len(header)]


def tables(compiled, folder: Path) -> dict[str, list[dict[str, str]]]:
    return {sf.qualified: read_table(folder, sf) for sf in source_files(compiled.spec, folder, ROOT)}


def test_graph_of_the_demo_spec(compiled):
    g = Graph(compiled.catalog, "legacy.patients")
    assert g.down == {"legacy.patients", "legacy.policies", "legacy.cases", "legacy.auths", "legacy.visits", "legacy.notes"}
    assert g.ancestors == {"legacy.providers", "legacy.payers"}
    assert g.order.index("legacy.patients") < g.order.index("legacy.visits") < g.order.index("legacy.notes")
    assert [e.parent for e in g.path_to_root("legacy.notes")] == ["legacy.visits", "legacy.patients"]
    kinds = {(e.child, e.child_col, e.parent, e.origin) for e in reference_edges(compiled.catalog)}
    assert ("legacy.policies", "payer_id", "legacy.payers", "references") in kinds


def test_sample_is_referentially_closed(demo_export, compiled, full_run, tmp_path):
    src, _ = demo_export
    result = sample(compiled, src, tmp_path / "s", "legacy.patients", count=40, seed=3)
    assert result.picked == 40
    full, part = tables(compiled, src), tables(compiled, tmp_path / "s")
    for e in Graph(compiled.catalog, "legacy.patients").edges:
        in_sample = {r[e.parent_col].strip() for r in part[e.parent]}
        in_full = {r[e.parent_col].strip() for r in full[e.parent]}
        for r in part[e.child]:
            v = r[e.child_col].strip()
            # every reference of a sampled row resolves inside the sample, or is an orphan in the source too
            assert not v or v in in_sample or v not in in_full, (e, v)
    # running the spec on it rejects nothing the full run does not reject too
    db = tmp_path / "s.duckdb"
    report = run(compiled, tmp_path / "s", f"duckdb:///{db}", commit_on_fail=True)
    assert all(m.balanced for m in report.maps)
    rejects = set(duckdb.connect(str(db), read_only=True).execute(REJECTS).fetchall())
    assert rejects and rejects <= full_run[1]


def bottom_k(rows: list[dict[str, str]], seed: int, count: int) -> int:
    """The hash threshold of a bottom-k pick (as the sampler computes it)."""
    return sorted({hash64(seed, "legacy.patients", r["pat_no"].strip()) for r in rows})[count - 1]


def test_children_and_other_parents_come_along(demo_export, compiled, tmp_path):
    src, _ = demo_export
    sample(compiled, src, tmp_path / "s", "legacy.patients", count=25, seed=9)
    full, part = tables(compiled, src), tables(compiled, tmp_path / "s")
    t = bottom_k(full["legacy.patients"], 9, 25)
    picked = {r["pat_no"].strip() for r in full["legacy.patients"] if hash64(9, "legacy.patients", r["pat_no"].strip()) <= t}
    assert len(picked) == 25 and picked <= {r["pat_no"].strip() for r in part["legacy.patients"]}
    # down: every policy, case and visit of a picked patient
    for table in ("legacy.policies", "legacy.cases", "legacy.visits"):
        want = {tuple(r.values()) for r in full[table] if r["pat_no"].strip() in picked}
        assert want <= {tuple(r.values()) for r in part[table]}, table
    # down, two steps: every note of a sampled visit, every auth of a sampled case
    visits = {r["visit_id"] for r in part["legacy.visits"]}
    cases = {r["case_no"] for r in part["legacy.cases"]}
    assert {tuple(r.values()) for r in full["legacy.notes"] if r["visit_id"] in visits} <= {tuple(r.values()) for r in part["legacy.notes"]}
    assert {tuple(r.values()) for r in full["legacy.auths"] if r["case_no"] in cases} <= {tuple(r.values()) for r in part["legacy.auths"]}
    # up: the providers and payers they name, and a visit's other parents (its case, its patient)
    assert {r["therapist_id"] for r in part["legacy.cases"]} <= {r["prov_id"] for r in part["legacy.providers"]} | {""}
    assert {r["payer_id"] for r in part["legacy.policies"]} <= {r["payer_id"] for r in part["legacy.payers"]}
    all_cases = {r["case_no"] for r in full["legacy.cases"]}
    assert {r["case_no"] for r in part["legacy.visits"] if r["case_no"] in all_cases} <= cases
    # parents pulled in do not bring their own children: far fewer visits than the source
    assert len(part["legacy.visits"]) < len(full["legacy.visits"]) / 3


def test_orphans_come_in_proportion(demo_export, compiled, tmp_path):
    src, _ = demo_export
    full = tables(compiled, src)
    pats = {r["pat_no"].strip() for r in full["legacy.patients"]}
    orphans = {r["pat_no"].strip() for r in full["legacy.visits"] if r["pat_no"].strip() not in pats}
    assert len(orphans) > 5  # the demo has ~1 % orphan visits
    count = len(pats) // 2
    res = sample(compiled, src, tmp_path / "s", "legacy.patients", count=count, seed=2)
    part = tables(compiled, tmp_path / "s")
    t = bottom_k(full["legacy.patients"], 2, count)
    chosen = {r["pat_no"].strip() for r in part["legacy.visits"] if r["pat_no"].strip() not in pats}
    # an orphan value is chosen by the rule that picks root keys: hash(seed, root, value) <= t,
    # and then every visit naming it comes along
    by_rule = {v for v in orphans if hash64(2, "legacy.patients", v) <= t}
    assert by_rule <= chosen
    for v in by_rule:
        assert {tuple(r.values()) for r in full["legacy.visits"] if r["pat_no"].strip() == v} <= {
            tuple(r.values()) for r in part["legacy.visits"]
        }
    assert res.tables["legacy.visits"].orphans > 0
    assert 0.2 < len(by_rule) / len(orphans) < 0.8


def test_deterministic_and_nested(demo_export, compiled, tmp_path):
    src, _ = demo_export
    sample(compiled, src, tmp_path / "a", "legacy.patients", count=30, seed=5)
    sample(compiled, src, tmp_path / "b", "legacy.patients", count=30, seed=5)
    sample(compiled, src, tmp_path / "c", "legacy.patients", count=30, seed=6)
    sample(compiled, src, tmp_path / "d", "legacy.patients", count=60, seed=5)
    for f in sorted((tmp_path / "a").glob("*.csv")):
        assert f.read_bytes() == (tmp_path / "b" / f.name).read_bytes()
    assert (tmp_path / "a" / "PATIENTS.csv").read_bytes() != (tmp_path / "c" / "PATIENTS.csv").read_bytes()
    small = {r["pat_no"] for r in tables(compiled, tmp_path / "a")["legacy.patients"]}
    big = {r["pat_no"] for r in tables(compiled, tmp_path / "d")["legacy.patients"]}
    assert small < big  # bottom-k: a bigger count only adds rows


def test_formats_are_kept_byte_for_byte(demo_export, compiled, tmp_path):
    src, truth = demo_export
    sample(compiled, src, tmp_path / "s", "legacy.patients", count=20, seed=1)
    for sf in source_files(compiled.spec, src, ROOT):
        original = sf.path.read_bytes()
        got = (tmp_path / "s" / sf.path.name).read_bytes()
        header_end = original.index(b"\r\n") + 2
        assert got[:header_end] == original[:header_end]  # BOM (when any) and header
        assert got.startswith(b"\xef\xbb\xbf") == original.startswith(b"\xef\xbb\xbf")
        assert b"\n" not in got.replace(b"\r\n", b"")  # CRLF everywhere, also inside quoted notes
        # every record is a verbatim slice of the source
        text = got[header_end:]
        for rec in _records(text):
            assert rec in original
    notes = (tmp_path / "s" / "NOTES.csv").read_bytes()
    assert b'"' in notes and b'""' in notes  # quoted fields with doubled quotes survive


def _records(data: bytes) -> list[bytes]:
    out, cur, quotes = [], b"", 0
    for line in data.split(b"\r\n")[:-1]:
        cur += line + b"\r\n"
        quotes += line.count(b'"')
        if quotes % 2 == 0:
            out.append(cur)
            cur, quotes = b"", 0
    return out


def test_whole_export_round_trips_but_malformed_lines(demo_export, compiled, tmp_path):
    src, truth = demo_export
    res = sample(compiled, src, tmp_path / "s", "legacy.patients", count=10**9, seed=1)
    for sf in source_files(compiled.spec, src, ROOT):
        got = (tmp_path / "s" / sf.path.name).read_bytes()
        if sf.qualified == "legacy.patients":
            assert len(got) < sf.path.stat().st_size
            assert res.tables[sf.qualified].malformed == truth["files"][sf.qualified]["malformed"] == 2
        else:
            assert got == sf.path.read_bytes(), sf.qualified
    for t, s in res.tables.items():
        assert s.records == truth["files"][t]["records"]
    manifest = json.loads((tmp_path / "s" / "sample.json").read_text())
    assert manifest["tables"]["legacy.patients"]["malformed"] == 2


OTHER_SPEC = """
migration "formats" { dialect duckdb }
source old csv "data" {
  delimiter ";"
  table people "people.txt" key id {
    encoding "utf-16"
    id       text
    name     text phi
    boss     text references people.id
  }
  table things "things.txt" key code {
    encoding "latin-1"
    header false
    code     text
    owner    text
    label    text
  }
}
target new {
  table person key pid {
    pid  bigint not null
    name varchar(40)
  }
  table thing key tid {
    tid   bigint not null
    label varchar(40)
    owner varchar(40)
  }
}
map old.people -> new.person {
  pid  = crosswalk(id)
  name = trim(name)
}
map old.things -> new.thing {
  join old.people as p on p.id = owner
  tid   = crosswalk(code)
  label = trim(label)
  owner = p.name
}
"""


def test_other_formats_cycles_and_joins(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "f.mig").write_text(OTHER_SPEC)
    people = '"id";"name";"boss"\n' + "".join(f'"P{i:03d}";"Näme {i}; the {i}th";"P{(i // 2):03d}"\n' for i in range(1, 41))
    (tmp_path / "data" / "people.txt").write_bytes(b"\xff\xfe" + people.encode("utf-16-le"))
    things = "".join(f"T{i};P{(i * 7) % 40 + 1:03d};Thing \xe9 {i}\n" for i in range(1, 30))
    (tmp_path / "data" / "things.txt").write_bytes(things.encode("latin-1"))
    compiled = load(tmp_path / "f.mig")
    edges = {(e.child, e.child_col, e.parent, e.origin) for e in reference_edges(compiled.catalog)}
    assert ("old.things", "owner", "old.people", "join") in edges
    res = sample(compiled, None, tmp_path / "s", "old.people", count=3, seed=4)
    got_people = (tmp_path / "s" / "people.txt").read_bytes()
    assert got_people.startswith(b"\xff\xfe") and b"\r\x00\n\x00" not in got_people
    text = got_people[2:].decode("utf-16-le")
    lines = text.splitlines(keepends=True)
    assert lines[0] == '"id";"name";"boss"\n' and all(line in people for line in lines)
    parsed = list(csv.reader(io.StringIO(text), delimiter=";"))[1:]
    ids, bosses = {r[0] for r in parsed}, {r[2] for r in parsed}
    assert bosses - {"P000"} <= ids  # the self-reference is closed (P000 exists nowhere: an orphan)
    assert res.tables["old.people"].selected == len(ids) > 3  # descendants (reports) came along
    # things: no header, latin-1, pulled in only through the join? No: things are children of people
    things_out = (tmp_path / "s" / "things.txt").read_bytes().decode("latin-1")
    assert all(line in things for line in things_out.splitlines(keepends=True))
    assert {line.split(";")[1] for line in things_out.splitlines()} <= ids


def test_cli_sample(demo_export, tmp_path, capsys):
    src, _ = demo_export
    args = ["sample", str(SPEC), "--source", str(src), "--out", str(tmp_path / "s"), "--root", "legacy.patients"]
    assert main(args + ["--count", "5", "--seed", "2"]) == 0
    assert (tmp_path / "s" / "VISITS.csv").is_file()
    assert main(args + ["--count", "5"]) == 2  # output exists
    assert main(args + ["--count", "5", "--force"]) == 0
    assert main(args) == 2  # no size
    assert main(args[:-2] + ["--root", "legacy.nope", "--count", "3", "--force"]) == 2
    assert main(["sample", str(SPEC), "--source", str(src), "--out", str(src), "--count", "3", "--force"]) == 2
    assert main(["sample", str(SPEC), "--source", str(tmp_path / "nowhere"), "--out", str(tmp_path / "x"), "--count", "3"]) == 3
    err = capsys.readouterr().err
    assert "already exists" in err and "unknown root table" in err
