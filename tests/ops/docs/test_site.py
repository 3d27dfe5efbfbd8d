"""`chartshift docs`: the files it writes, byte-identical from run to run, offline by
construction (nothing refers outside the folder), and the same content as Markdown."""

from __future__ import annotations

import re

from compiler.cli.main import main
from compiler.pipeline import load
from tests.conftest import DEMO_SPEC


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_runs_are_byte_identical(docs_site, tmp_path):
    again = tmp_path / "again"
    assert main(["docs", str(DEMO_SPEC), "--out", str(again)]) == 0
    first, second = tree(docs_site), tree(again)
    assert list(first) == list(second)
    assert [k for k in first if first[k] != second[k]] == []
    assert {"index.html", "lineage.svg", "assets/style.css", "assets/search.js"} <= set(first)
    assert any(k.startswith("sql/") for k in first)


def test_nothing_refers_outside_the_folder(docs_site):
    html = (docs_site / "index.html").read_text(encoding="utf-8")
    refs = re.findall(r'(?:href|src)="([^"]+)"', html)
    assert refs and all(not re.match(r"[a-z]+:", r) and not r.startswith("//") for r in refs), refs
    assert all((docs_site / r).is_file() for r in refs if not r.startswith("#"))
    all_ids = re.findall(r'id="([^"]+)"', html)
    assert len(all_ids) == len(set(all_ids)), "duplicate ids"
    ids = set(all_ids)
    assert all(r[1:] in ids for r in refs if r.startswith("#"))
    # no timestamps: the only time-like text would come from a clock
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:", html)
    for name in ("index.html", "assets/style.css", "assets/search.js", "lineage.svg"):
        text = (docs_site / name).read_text(encoding="utf-8")
        assert "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in text, name
        assert "fetch(" not in text and "XMLHttpRequest" not in text, name


def test_markdown_has_every_table_column_lookup_and_rule(tmp_path):
    out = tmp_path / "md"
    assert main(["docs", str(DEMO_SPEC), "--out", str(out), "--format", "md"]) == 0
    md = (out / "index.md").read_text(encoding="utf-8")
    assert (out / "lineage.svg").is_file() and not (out / "index.html").exists()
    spec = load(DEMO_SPEC).spec
    for t in spec.targets:
        for tt in t.tables:
            assert f"## Target table {t.name}.{tt.name}\n" in md
            for c in tt.columns:
                assert f"| {c.name}" in md, c.name
    assert "### Lookup sex_code" in md and '| `"M", "MALE"` | `"male"` |' in md
    n = next(i for i, ln in enumerate(DEMO_SPEC.read_text(encoding="utf-8").splitlines(), 1) if 'reject "invalid NPI"' in ln)
    assert f'- **reject** `reject "invalid NPI" when not coalesce(npi_valid(trim(npi)), false)` (line {n})' in md
    assert "| legacy.patients.dob | emr.patient.birth_date |" in md
    assert "[20_02_emr_patient.sql](sql/postgres/20_02_emr_patient.sql)" in md
    assert "## Source columns no map reads" in md


def test_bad_spec_and_unwritable_folder(tmp_path, capsys):
    bad = tmp_path / "bad.mig"
    bad.write_text("map legacy.x -> emr.y {\n", encoding="utf-8")
    assert main(["docs", str(bad), "--out", str(tmp_path / "o")]) == 2
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["docs", str(DEMO_SPEC), "--out", str(blocker / "sub"), "--dialect", "duckdb"]) == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err and "cannot write the documentation" in err
