"""`chartshift init`: a source block from the demo export, target blocks from a 16-table
DDL and from a database; the project .gitignore."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import duckdb
import pytest

from compiler.cli.main import main
from compiler.ops.scaffold.csv_sniff import sniff_file, sniff_folder
from compiler.ops.scaffold.ddl import tables_from_file
from compiler.pipeline import load

DDL = Path(__file__).with_name("emr_schema.sql")


def test_the_demo_export_sniffs(demo_export):
    src, truth = demo_export
    tables = {t.name: t for t in sniff_folder(src)}
    assert len(tables) == len(truth["files"]) == 8
    patients = tables["patients"]
    assert patients.key == ["pat_no"] and patients.settings["encoding"] == "cp1252"
    assert tables["providers"].settings["encoding"] == "utf-8-sig"
    cols = {c.name: c for c in patients.columns}
    assert cols["last_name"].phi and cols["dob"].phi and not cols["status"].phi
    assert cols["pat_no"].type == "text"  # 000001: an identifier, not a number
    assert cols["dob"].note.startswith('dates: parse_date(x, "%m/%d/%Y", "%Y-%m-%d"')
    visits = {c.name: c for c in tables["visits"].columns}
    assert visits["units1"].type == "integer"


def test_delimiter_header_and_types(tmp_path):
    f = tmp_path / "Lab Results.txt"
    f.write_text("10;4.5;2024-01-02;x\n11;5;2024-02-03;y\n12;6.25;2024-03-04;z\n", encoding="latin-1")
    t = sniff_file(f)
    assert t.name == "lab_results" and t.settings["delimiter"] == ";" and t.settings["header"] == "false"
    assert [c.type for c in t.columns] == ["integer", "decimal", "text", "text"] and t.key == ["column_1"]


def test_init_from_csv_and_ddl_writes_a_spec_that_checks(demo_export, tmp_path, capsys):
    src, _ = demo_export
    out = tmp_path / "project" / "clinic.mig"
    assert main(["init", "--from-csv", str(src), "--from-ddl", str(DDL), "--ddl-dialect", "postgres", "--out", str(out)]) == 0
    compiled = load(out)  # parses and checks (warnings: no maps read the columns yet)
    assert len(compiled.spec.sources[0].tables) == 8
    targets = {tt.name: tt for t in compiled.spec.targets for tt in t.tables}
    assert len(targets) == 16 and compiled.spec.targets[0].name == "emr"
    assert re.search(r"payer_id +bigint +not null  # references payer.id: add it once a map fills the table", out.read_text())
    patient = {c.name: c for c in targets["patient"].columns}
    assert targets["patient"].key == ["id"] and patient["mrn"].unique and patient["first_name"].phi and patient["created_at"].not_null
    assert {c.name: c.type.name for c in targets["charge_line"].columns}["amount"] == "decimal"
    assert "was jsonb" in out.read_text()  # an unknown type becomes text, with a note
    ignore = (out.parent / ".gitignore").read_text()
    assert "*.key" in ignore and "*.csbk" in ignore and "rejects/" in ignore and "*.duckdb" in ignore
    assert main(["init", "--from-csv", str(src), "--out", str(out)]) == 2  # never over a spec
    assert main(["init", "--from-csv", str(src), "--out", str(out), "--force"]) == 0
    assert (out.parent / ".gitignore").read_text() == ignore  # not appended twice


def test_the_ddl_fixture_has_at_least_15_tables():
    assert len(tables_from_file(DDL, "postgres")) >= 15


def test_init_from_a_duckdb_database(tmp_path, capsys):
    db = tmp_path / "new.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE SCHEMA emr")
    con.execute("CREATE TABLE emr.clinic (id INTEGER PRIMARY KEY, name VARCHAR(80) NOT NULL, code VARCHAR UNIQUE)")
    con.execute("CREATE TABLE emr.patient (id BIGINT PRIMARY KEY, mrn VARCHAR(20) NOT NULL, birth_date DATE, balance DECIMAL(10,2))")
    con.close()
    assert main(["init", "--from-db", f"duckdb:///{db}"]) == 0
    text = capsys.readouterr().out
    spec = tmp_path / "db.mig"
    spec.write_text(text)
    tables = {tt.name: tt for t in load(spec).spec.targets for tt in t.tables}
    assert set(tables) == {"clinic", "patient"} and tables["patient"].key == ["id"]
    cols = {c.name: c for c in tables["patient"].columns}
    assert cols["mrn"].not_null and cols["birth_date"].phi and cols["balance"].type.name == "decimal"


@pytest.mark.parametrize(
    "argv, code",
    [([], 2), (["--from-ddl", "x.sql", "--from-db", "duckdb:///x.duckdb"], 2), (["--from-csv", "/nonexistent/folder"], 3)],
)
def test_bad_usage(argv, code, capsys):
    assert main(["init", *argv]) == code


def test_unreadable_ddl_is_positioned(tmp_path, capsys):
    bad = tmp_path / "bad.sql"
    bad.write_text("CREATE TABLE t (a INT,\n  b VARCHAR(10) NOT NULL,\n  ((( ;\n")
    assert main(["init", "--from-ddl", str(bad)]) == 2
    assert f"{bad}:3:" in capsys.readouterr().err


def test_the_repository_gitignore_matches_init(tmp_path):
    from compiler.ops.scaffold.render import GITIGNORE

    root = Path(__file__).resolve().parents[3]
    for line in GITIGNORE.splitlines():
        if line and not line.startswith("#"):
            name = line.replace("*", "x").rstrip("/") + ("/f" if line.endswith("/") else "")
            assert subprocess.run(["git", "check-ignore", "-q", "--no-index", name], cwd=root).returncode == 0, line
