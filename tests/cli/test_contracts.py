"""Machine-readable contracts: the report and IR JSON Schemas validate real output, `run
--junit` writes each check and map as a case, shell completion, --version."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from compiler import __version__
from compiler.cli.contracts import completion_script, schema
from compiler.cli.main import main, parser
from compiler.pipeline import load
from tests.conftest import DEMO_SPEC

ROOT = Path(__file__).resolve().parents[2]
SPECS = sorted((ROOT / "specs").glob("*.mig")) + sorted((ROOT / "tests" / "conformance" / "specs").glob("*.mig"))


@pytest.fixture(scope="module")
def demo_run(demo_export, tmp_path_factory):
    src, _ = demo_export
    tmp = tmp_path_factory.mktemp("contracts")
    report, junit = tmp / "report.json", tmp / "run.xml"
    code = main(
        ["run", str(DEMO_SPEC), "--source", str(src), "--target", f"duckdb:///{tmp / 't.duckdb'}", "--audit", str(tmp / "a.jsonl")]
        + ["--report", str(report), "--junit", str(junit), "--commit-on-fail", "-q"]
    )
    return code, json.loads(report.read_text()), ET.parse(junit).getroot()


def test_the_report_schema_validates_a_real_report(demo_run):
    _, report, _ = demo_run
    jsonschema.Draft202012Validator.check_schema(schema("report"))
    jsonschema.validate(report, schema("report"))
    broken = {**report, "maps": [{**report["maps"][0], "loaded": "many"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema("report"))
    with pytest.raises(jsonschema.ValidationError):  # a field the schema does not know is drift
        jsonschema.validate({**report, "surprise": 1}, schema("report"))


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.name)
def test_the_ir_schema_validates_every_spec(spec):
    s = schema("ir")
    jsonschema.validate(json.loads(load(spec).spec.model_dump_json()), s)


def test_schema_command_prints_json(capsys):
    assert main(["schema", "report"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "chartshift run report"
    assert main(["schema", "ir"]) == 0
    assert "Spec" in json.loads(capsys.readouterr().out)["title"]


def test_run_junit_has_each_check_and_each_map(demo_run):
    code, report, root = demo_run
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    checks = suites[f"{report['spec']} checks"]
    accounting = suites[f"{report['spec']} accounting"]
    assert len(checks.findall("testcase")) == len(report["checks"]) and len(accounting.findall("testcase")) == len(report["maps"])
    failing = [c["name"] for c in report["checks"] if c["status"] == "fail"]
    assert int(checks.get("failures")) == len(failing) == len(checks.findall("testcase/failure"))
    assert [tc.get("name") for tc in checks.findall("testcase") if tc.find("failure") is not None] == failing
    assert code == (1 if failing else 0)
    assert int(accounting.get("failures")) == sum(not m["balanced"] for m in report["maps"])


def test_version(capsys):
    with pytest.raises(SystemExit) as e:
        parser().parse_args(["--version"])
    assert e.value.code == 0 and capsys.readouterr().out.strip() == f"chartshift {__version__}"


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
@pytest.mark.parametrize(
    "words, expected",
    [(["chartshift", "sch"], "schema"), (["chartshift", "run", "--ju"], "--junit"), (["chartshift", "schema", "r"], "report")],
)
def test_bash_completion_completes(words, expected):
    script = completion_script(parser(), "bash")
    line = " ".join(words)
    probe = f'{script}\nCOMP_WORDS=({line}); COMP_CWORD={len(words) - 1}; _chartshift; printf "%s\\n" "${{COMPREPLY[@]}}"'
    out = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert expected in out


def test_zsh_completion_loads_bashcompinit(capsys):
    assert main(["completion", "zsh"]) == 0
    assert capsys.readouterr().out.startswith("autoload -U +X bashcompinit")
