"""The HTML run report (`run --html`, `report REPORT.json --html`): one page, the same from
either command, no sample rows, no network; bad input is an error, not a traceback."""

from __future__ import annotations

import json
import re

from compiler.cli.main import main
from compiler.ops.docs.report_html import report_html


def test_report_command_writes_the_page_run_wrote(demo_reports, tmp_path):
    data, report, html = demo_reports
    again = tmp_path / "again.html"
    assert main(["report", str(report), "--html", str(again)]) == 0
    assert again.read_bytes() == html.read_bytes()
    page = html.read_text(encoding="utf-8")
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert re.findall(r'(?:href|src)="', page) == []  # self-contained: the stylesheet is inline
    assert "@media print" in page
    assert data["timings"] and all(t["seconds"] >= 0 for t in data["timings"])
    assert {t["step"] for t in data["timings"]} >= {"00_setup", "20_02_emr_patient", "90_validate"}


def test_sample_rows_never_reach_the_page(demo_reports):
    data, _, _ = demo_reports
    marked = json.loads(json.dumps(data))
    marked["reject_samples"] = [
        {**s, "original_row": "QQPHIQQ,Smith,1961-02-03", "source_key": "QQKEYQQ"} for s in data["reject_samples"]
    ] or [{"original_row": "QQPHIQQ", "source_key": "QQKEYQQ"}]
    page = report_html(marked)
    assert "QQPHIQQ" not in page and "QQKEYQQ" not in page
    assert f"{len(marked['reject_samples']):,} reject samples" in page


def test_verdict_and_an_unbalanced_map(demo_reports):
    data, _, _ = demo_reports
    broken = json.loads(json.dumps(data))
    broken["status"] = "fail"
    broken["maps"][0]["balanced"] = False
    page = report_html(broken)
    assert 'class="verdict fail"' in page and "Verdict: FAIL" in page
    assert '<td class="status-fail">NO</td>' in page
    old = {k: v for k, v in data.items() if k != "timings"}  # a report of an earlier chartshift
    assert "no step timings" in report_html(old)


def test_bad_report_files(tmp_path, capsys):
    missing = tmp_path / "none.json"
    assert main(["report", str(missing), "--html", str(tmp_path / "x.html")]) == 3
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["report", str(bad), "--html", str(tmp_path / "x.html")]) == 2
    other = tmp_path / "other.json"
    other.write_text('{"report_version": 7}', encoding="utf-8")
    assert main(["report", str(other), "--html", str(tmp_path / "x.html")]) == 2
    err = capsys.readouterr().err
    assert "not JSON" in err and "not a chartshift run report" in err and "Traceback" not in err
    assert not (tmp_path / "x.html").exists()
