"""`chartshift fmt`: one canonical layout, idempotent, comments kept, the IR unchanged,
for every spec in specs/ and tests/conformance/specs/."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.cli.main import main
from compiler.syntax.fmt import fmt, meaning, split_comment

ROOT = Path(__file__).resolve().parents[2]
SPECS = sorted((ROOT / "specs").glob("*.mig")) + sorted((ROOT / "tests" / "conformance" / "specs").glob("*.mig"))


def comments(text: str) -> list[str]:
    return [c for c in (split_comment(line)[1] for line in text.splitlines()) if c]


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.name)
def test_every_spec_formats_idempotently_keeping_comments_and_meaning(spec):
    text = spec.read_text(encoding="utf-8")
    once = fmt(text)
    assert fmt(once) == once
    assert comments(once) == comments(text)
    assert meaning(once, str(spec)) == meaning(text, str(spec))


@pytest.mark.parametrize("spec", sorted((ROOT / "specs").glob("*.mig")), ids=lambda p: p.name)
def test_the_repository_specs_are_formatted(spec):
    """What .ci/run checks with `chartshift fmt --check specs/*.mig`."""
    assert fmt(spec.read_text(encoding="utf-8")) == spec.read_text(encoding="utf-8")


MESSY = """\
# header comment
migration   "m"   {
      dialect duckdb
}


source legacy csv "data" {

    table patients "P.csv" key id {
  id integer
        last_name text phi   # the name
     dob text   phi # date of birth
    }
}
map legacy.patients -> emr.patient {
 id = id
    last_name   =   upper(last_name)  # shout
  birth   = parse_date(dob,
        "%m/%d/%Y")
}
test "t" {
  given legacy.patients {
    id | last_name|dob
    1 | "a b"   | null
  }
}
"""

CANONICAL = """\
# header comment
migration "m" {
  dialect duckdb
}

source legacy csv "data" {
  table patients "P.csv" key id {
    id        integer
    last_name text    phi  # the name
    dob       text    phi  # date of birth
  }
}
map legacy.patients -> emr.patient {
  id        = id
  last_name = upper(last_name)  # shout
  birth     = parse_date(dob,
    "%m/%d/%Y")
}
test "t" {
  given legacy.patients {
    id | last_name | dob
    1  | "a b"     | null
  }
}
"""


def test_the_canonical_layout():
    assert fmt(MESSY) == CANONICAL
    assert fmt(CANONICAL) == CANONICAL
    assert meaning(CANONICAL, "m.mig") == meaning(MESSY, "m.mig")


def test_strings_and_hashes_inside_them_are_untouched():
    text = 'map a.b -> c.d {\n  x = regex_replace(y,   "a  #  b", "")   # real comment\n}\n'
    assert fmt(text) == 'map a.b -> c.d {\n  x = regex_replace(y, "a  #  b", "")  # real comment\n}\n'


def test_fmt_and_check_commands(tmp_path, capsys):
    spec = tmp_path / "m.mig"
    spec.write_text(MESSY)
    assert main(["fmt", "--check", str(spec)]) == 1
    assert "not formatted" in capsys.readouterr().err and spec.read_text() == MESSY
    assert main(["fmt", str(spec)]) == 0 and spec.read_text() == CANONICAL
    assert main(["fmt", "--check", str(spec)]) == 0
    bad = tmp_path / "bad.mig"
    bad.write_text("migration {\n")
    assert main(["fmt", str(bad)]) == 2
    assert f"{bad}:1:" in capsys.readouterr().err and bad.read_text() == "migration {\n"
