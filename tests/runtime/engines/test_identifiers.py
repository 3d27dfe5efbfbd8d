"""Quoted identifiers (issue 14): `"`, `*/` and `/` in names pass check, compile and run
on DuckDB, PostgreSQL and MariaDB; file names derived from them are [A-Za-z0-9_] and
distinct; SQL comments cannot be closed or opened by them; `check --dialect D` makes D's
identifier rules errors, warnings (exit 0, on stderr) otherwise."""

from __future__ import annotations

import re

import pytest

from compiler.cli.main import main
from compiler.emit.render import comment_safe
from compiler.ir.naming import file_stem
from compiler.pipeline import load, render_all
from compiler.runtime.run import run

SPEC = """
migration "q" { }
source legacy csv "data" {
  table `peo*/ple` "people.csv" key id {
    id     text
    `na"me` text phi
    `a/b`  text
  }
}
target `e/mr` {
  table `per"son*/x` key pid {
    pid      bigint not null
    `na"me`  varchar(100) phi
    `c/d*/`  text
  }
  table `per"son/*x` key pid {
    pid      bigint not null
    `/*c*/`  text
  }
}
map legacy.`peo*/ple` -> `e/mr`.`per"son*/x` {
  pid      = crosswalk(id)
  `na"me`  = `na"me`
  `c/d*/`  = `a/b`
}
map legacy.`peo*/ple` -> `e/mr`.`per"son/*x` {
  pid      = crosswalk(id)
  `/*c*/`  = `a/b`
}
"""


@pytest.fixture
def spec(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "people.csv").write_bytes(b'id,na"me,a/b\n1,Ann,x\n2,Bob,y\n')
    (tmp_path / "q.mig").write_text(SPEC, encoding="utf-8")
    return tmp_path / "q.mig"


def test_file_stems_are_safe_and_distinct():
    names = ["emr_patient", "a/b", "a*b", "a_b", 'a"b', "../x", "a b"]
    stems = [file_stem(n) for n in names]
    assert stems[0] == "emr_patient" and stems[3] == "a_b"
    assert all(re.fullmatch(r"[A-Za-z0-9_]+", s) for s in stems)
    assert len(set(stems)) == len(stems)


def test_comments_cannot_end_or_open():
    for text in ["map a*/b", "x /* y", "*//*", "a\n*/\nb", "**/"]:
        out = comment_safe(text)
        assert "*/" not in out and "/*" not in out and "\n" not in out


def test_compiled_files_have_safe_names(spec, tmp_path):
    compiled = load(spec)
    for dialect in ("duckdb", "postgres", "mysql"):
        files = render_all(compiled, dialect)
        assert all(re.fullmatch(r"[0-9]{2}(_[0-9]{2})?_[A-Za-z0-9_]+\.sql", n) for n in files), sorted(files)
        maps = [n for n in files if n.startswith("20_")]
        assert len(maps) == 2
        for text in files.values():
            for line in text.splitlines():
                if line.startswith("--"):
                    assert "*/" not in line and "/*" not in line, line
    assert main(["compile", str(spec), "--out", str(tmp_path / "out")]) == 0


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "mysql"])
def test_quoted_identifiers_run(dialect, spec, fresh_url):
    report = run(load(spec), spec.parent / "data", fresh_url(dialect))
    assert report.committed
    assert [(m.source_rows, m.loaded, m.rejected) for m in report.maps] == [(2, 2, 0), (2, 2, 0)]


LONG = """
migration "l" { }
source legacy csv "data" {
  table people "people.csv" key id {
    id text
  }
}
target emr {
  table person key pid {
    pid bigint not null
    `name ` text
  }
}
map legacy.people -> emr.person {
  pid = crosswalk(id)
  `name ` = id
}
"""


def test_check_warns_and_dialect_makes_errors(tmp_path, capsys):
    p = tmp_path / "l.mig"
    p.write_text(LONG, encoding="utf-8")
    assert main(["check", str(p)]) == 0
    err = capsys.readouterr().err
    assert f"{p}:11:5: warning: target column `emr.person.name `: MariaDB would refuse" in err and f"{p}: ok" in err
    assert main(["check", str(p), "--dialect", "postgres"]) == 0
    assert "warning" not in capsys.readouterr().err  # fine on PostgreSQL, MariaDB not asked
    assert main(["check", str(p), "--dialect", "mysql"]) == 2
    err = capsys.readouterr().err
    assert f"{p}:11:5: error: target column `emr.person.name `" in err and "1 error" in err
    assert main(["compile", str(p), "--dialect", "mysql", "--out", str(tmp_path / "out")]) == 2
    capsys.readouterr()
    assert main(["compile", str(p), "--dialect", "duckdb", "--out", str(tmp_path / "out")]) == 0
    assert "warning" not in capsys.readouterr().err  # only the named dialects' rules apply
