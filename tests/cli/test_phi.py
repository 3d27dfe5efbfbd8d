"""PHI never printed: a distinctive marker in every `phi` field of the demo export must not
appear in terminal output, the JSON report or the audit log — unless --show-phi."""

from __future__ import annotations

import csv
import io
import json

from compiler.cli.main import main
from compiler.pipeline import load
from tests.conftest import DEMO_SPEC

MARKER = "QQPHIQQ"
ENCODINGS = {"cp1252": "cp1252", "utf-8-sig": "utf-8-sig", "utf-8": "utf-8"}


def mark_phi(folder, truth) -> int:
    """Prefix every phi value (and every field of a malformed line) with MARKER."""
    spec = load(DEMO_SPEC).spec
    marked = 0
    for src in spec.sources:
        for table in src.tables:
            phi = {c.name for c in table.columns if c.phi}
            info = truth["files"][f"{src.name}.{table.name}"]
            path = folder / info["file"]
            encoding = ENCODINGS[info["encoding"]]
            with open(path, encoding=encoding, newline="") as fh:
                rows = list(csv.reader(fh))
            header, body = rows[0], rows[1:]
            out = io.StringIO()
            w = csv.writer(out, lineterminator="\r\n")
            w.writerow(header)
            for row in body:
                if len(row) != len(header):
                    row = [MARKER + v for v in row]
                else:
                    row = [MARKER + v if h in phi and v else v for h, v in zip(header, row)]
                marked += sum(MARKER in v for v in row)
                w.writerow(row)
            path.write_bytes(out.getvalue().encode("cp1252" if encoding == "cp1252" else encoding))
    return marked


def test_no_phi_in_any_output(tmp_path, capsys, monkeypatch):
    from compiler.demo.export import generate

    folder = tmp_path / "export"
    truth = generate(folder, patients=120, seed=11)
    assert mark_phi(folder, truth) > 1000
    audit = tmp_path / "audit.jsonl"
    report = tmp_path / "report.json"
    target = f"duckdb:///{tmp_path / 't.duckdb'}"
    monkeypatch.setenv("CHARTSHIFT_AUDIT_LOG", str(audit))
    assert main(["check", str(DEMO_SPEC)]) == 0
    log = tmp_path / "run.log"
    html = tmp_path / "report.html"
    run = ["run", str(DEMO_SPEC), "--source", str(folder), "--target", target, "--report", str(report), "--commit-on-fail"]
    code = main([*run, "--verbose", "--log-file", str(log), "--html", str(html)])  # every statement on stderr and in the log
    assert code in (0, 1)
    out = capsys.readouterr()
    assert "INSERT INTO" in out.err and "stage:legacy.patients#1" in log.read_text()  # so the scan below can fail
    texts = {
        "stdout": out.out,
        "stderr": out.err,
        "report": report.read_text(),
        "audit": audit.read_text(),
        "log": log.read_text(),
        "html": html.read_text(),
    }
    for name, text in texts.items():
        assert MARKER not in text, f"PHI marker found in {name}"
    data = json.loads(texts["report"])
    assert data["reject_samples"], "the report should carry samples"
    # samples locate and explain a reject; they carry no values
    assert all("values" not in s and "original_row" not in s and s["reason_code"] and s["source_line"] for s in data["reject_samples"])

    # the opt-in shows them (so the scan above can fail)
    shown = tmp_path / "shown.json"
    shown_html = tmp_path / "shown.html"
    main(["run", str(DEMO_SPEC), "--source", str(folder), "--target", target, "--report", str(shown), "--commit-on-fail", "--show-phi"])
    assert MARKER in shown.read_text()
    # the HTML report never shows sample rows, not even with --show-phi
    assert main(["report", str(shown), "--html", str(shown_html)]) == 0
    assert MARKER not in shown_html.read_text()
