"""`chartshift reconcile` on every engine: no drift is exit 0; a deleted, an inserted and a
modified row are found exactly, with the changed columns; phi is masked; `--since` moves
rows the live system changed into expected drift; the JSON is the same run to run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compiler.cli.main import main
from compiler.pipeline import load
from compiler.runtime.engines import open_engine
from compiler.runtime.run import run
from compiler.sqlgen.scripts import SqlGen
from compiler.sqlgen.text import sql_text

ENGINES = ("duckdb", "postgres", "mysql")

SPEC = """
migration "rec" {
  dialect duckdb
  changed_at updated_at
}
source legacy csv "data" {
  table patients "P.csv" key pat_no {
    pat_no text
    name   text phi
    dob    text phi
    units  text
  }
}
target emr {
  table patient key id {
    id         bigint not null
    mrn        varchar(20) not null phi
    name       varchar(50) phi
    birth_date date phi
    units      decimal(6,2)
    active     boolean
    updated_at timestamp
  }
}
map legacy.patients -> emr.patient {
  id         = crosswalk(pat_no)
  mrn        = trim(pat_no)
  name       = trim(name)
  birth_date = parse_date(dob, "%Y-%m-%d")
  units      = parse_money(units)
  active     = units is not null
}
"""

ROWS = "pat_no,name,dob,units\n" + "".join(f"P{i:03d},Name {i},1970-01-{(i % 28) + 1:02d},{i}.5\n" for i in range(1, 41))


@pytest.fixture
def project(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "P.csv").write_text(ROWS, encoding="utf-8")
    (tmp_path / "rec.mig").write_text(SPEC, encoding="utf-8")
    return tmp_path


def live_target(project: Path, fresh_url, dialect: str) -> str:
    url = fresh_url(dialect)
    run(load(project / "rec.mig"), project / "data", url)
    return url


def tamper(project: Path, url: str, statements: list[str]) -> None:
    """Run statements on the live target; `{t}` is emr.patient as the engine names it."""
    engine = open_engine(url)
    t = sql_text(SqlGen(load(project / "rec.mig").checked, engine.dialect).tbl("emr", "patient"), engine.dialect)
    try:
        engine.begin()
        for s in statements:
            engine.execute(s.format(t=t))
        engine.commit()
    finally:
        engine.close()


def reconcile(project: Path, url: str, *extra: str) -> tuple[int, dict]:
    out = project / "r.json"
    code = main(
        [
            "reconcile",
            str(project / "rec.mig"),
            "--target",
            url,
            "--source",
            str(project / "data"),
            "--json",
            str(out),
            "--audit",
            str(project / "audit.jsonl"),
            *extra,
        ]
    )
    return code, json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("dialect", ENGINES)
def test_no_drift_is_exit_0_and_audited(project, fresh_url, dialect):
    url = live_target(project, fresh_url, dialect)
    code, report = reconcile(project, url)
    assert code == 0 and report["status"] == "no drift"
    (table,) = report["tables"]
    assert (table["expected_rows"], table["live_rows"], table["differing_segments"]) == (40, 40, 0)
    events = [json.loads(line) for line in (project / "audit.jsonl").read_text().splitlines()]
    assert events[-1]["command"] == "reconcile" and events[-1]["verdict"] == "no drift"


@pytest.mark.parametrize("dialect", ENGINES)
def test_deleted_inserted_and_modified_rows_are_found_with_their_columns(project, fresh_url, dialect, capsys):
    url = live_target(project, fresh_url, dialect)
    tamper(
        project,
        url,
        [
            "DELETE FROM {t} WHERE id = 3",
            "INSERT INTO {t} (id, mrn, name) VALUES (900, 'X900', 'Secret Person')",
            "UPDATE {t} SET name = 'Changed Name', units = 99 WHERE id = 7",
            "UPDATE {t} SET birth_date = NULL WHERE id = 12",
        ],
    )
    capsys.readouterr()
    code, report = reconcile(project, url)
    assert code == 1 and report["status"] == "drift"
    (t,) = report["tables"]
    assert t["missing"] == [{"key": "3"}]
    assert t["extra"] == [{"key": "900"}]
    assert t["changed"] == [{"key": "12", "columns": ["birth_date"]}, {"key": "7", "columns": ["name", "units"]}]
    assert report["totals"] == {"missing": 1, "extra": 1, "changed": 2, "expected_drift": 0}
    shown = capsys.readouterr().out + (project / "r.json").read_text()
    assert "Changed Name" not in shown and "Secret Person" not in shown and "Name 7" not in shown  # phi masked
    code, report = reconcile(project, url, "--show-values")
    assert report["tables"][0]["changed"][1]["values"]["name"] == {"expected": "Name 7", "live": "Changed Name"}
    assert report["tables"][0]["changed"][1]["values"]["units"] == {"expected": "7.5000", "live": "99.0000"}


@pytest.mark.parametrize("dialect", ENGINES)
def test_rows_changed_after_since_are_expected_drift(project, fresh_url, dialect):
    url = live_target(project, fresh_url, dialect)
    tamper(
        project,
        url,
        [
            "UPDATE {t} SET name = 'Renamed', updated_at = '2030-01-02 10:00:00' WHERE id = 5",
            "UPDATE {t} SET name = 'Silent' WHERE id = 6",
            "INSERT INTO {t} (id, mrn, updated_at) VALUES (901, 'X901', '2030-01-03 09:00:00')",
        ],
    )
    code, report = reconcile(project, url, "--since", "2030-01-01")
    (t,) = report["tables"]
    assert code == 1  # id 6 changed with no updated_at: unexplained
    assert t["changed"] == [{"key": "6", "columns": ["name"]}] and t["extra"] == []
    assert t["expected_drift"] == {"extra": [{"key": "901"}], "changed": [{"key": "5", "columns": ["name"]}]}
    first = (project / "r.json").read_text()
    reconcile(project, url, "--since", "2030-01-01")
    assert (project / "r.json").read_text() == first  # stable: diffable day to day


def test_since_without_a_changed_at_setting_is_a_usage_error(project, capsys):
    (project / "rec.mig").write_text(SPEC.replace("changed_at updated_at", ""), encoding="utf-8")
    code = main(["reconcile", str(project / "rec.mig"), "--target", "duckdb:///x.duckdb", "--since", "2030-01-01"])
    assert code == 2 and "changed_at" in capsys.readouterr().err


def test_a_bad_since_is_a_usage_error(project, capsys):
    code = main(["reconcile", str(project / "rec.mig"), "--target", "duckdb:///x.duckdb", "--since", "yesterday"])
    assert code == 2 and "not a timestamp" in capsys.readouterr().err


def test_an_unreachable_target_is_exit_3(project, capsys):
    code = main(
        ["reconcile", str(project / "rec.mig"), "--target", "postgresql://nobody@127.0.0.1:1/none", "--audit", str(project / "a.jsonl")]
    )
    assert code == 3


def test_the_source_can_come_from_an_encrypted_backup(project, fresh_url):
    url = live_target(project, fresh_url, "duckdb")
    key, archive, audit = project / "k.key", project / "src.csa", str(project / "audit.jsonl")
    assert main(["keygen", "--out", str(key), "--audit", audit]) == 0
    assert (
        main(
            [
                "backup",
                str(project / "rec.mig"),
                "--source",
                str(project / "data"),
                "--out",
                str(archive),
                "--key-file",
                str(key),
                "--audit",
                audit,
            ]
        )
        == 0
    )
    tamper(project, url, ["DELETE FROM {t} WHERE id = 9"])
    out = project / "b.json"
    code = main(
        [
            "reconcile",
            str(project / "rec.mig"),
            "--target",
            url,
            "--backup",
            str(archive),
            "--key-file",
            str(key),
            "--json",
            str(out),
            "--audit",
            audit,
        ]
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    assert code == 1 and report["tables"][0]["missing"] == [{"key": "9"}]


def test_the_html_page_says_what_the_json_says_and_masks_values(project, fresh_url):
    url = live_target(project, fresh_url, "duckdb")
    tamper(project, url, ["DELETE FROM {t} WHERE id = 3", "UPDATE {t} SET name = 'Changed Name' WHERE id = 7"])
    page = project / "r.html"
    code, report = reconcile(project, url, "--html", str(page))
    html = page.read_text(encoding="utf-8")
    assert code == 1 and 'data-value="drift"' in html
    for k, n in report["totals"].items():
        assert f'data-key="{k}" data-value="{n}"' in html
    assert '<section class="table" data-table="emr.patient">' in html
    assert "<li>3</li>" in html and "<li>7 — name</li>" in html
    assert "Changed Name" not in html and "Name 7" not in html  # phi values masked
    assert "<script" not in html and "http" not in html.replace('name="viewport"', "")
    reconcile(project, url, "--html", str(page))
    assert page.read_text(encoding="utf-8") == html  # the same page run to run
    reconcile(project, url, "--html", str(page), "--show-values")
    assert "expected Name 7, live Changed Name" in page.read_text(encoding="utf-8")


def test_each_compared_table_is_a_progress_step_in_the_log(project, fresh_url):
    url = live_target(project, fresh_url, "duckdb")
    log = project / "reconcile.log"
    code, _ = reconcile(project, url, "--log-file", str(log))
    lines = [line.split("\t") for line in log.read_text(encoding="utf-8").splitlines()]
    compared = [p for p in lines if len(p) > 1 and p[1] == "reconcile emr.patient#1"]
    assert code == 0 and len(compared) == 1 and compared[0][-1] == "80 rows"  # 40 expected + 40 live
    assert "Name 7" not in log.read_text(encoding="utf-8")
