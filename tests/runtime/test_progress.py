"""The shared progress facility: live only on a terminal, --verbose SQL, a PHI-safe log."""

from __future__ import annotations

import io

from rich.console import Console

from compiler.runtime import progress


def console(terminal: bool) -> tuple[Console, io.StringIO]:
    buf = io.StringIO()
    return Console(file=buf, force_terminal=terminal, width=120, highlight=False), buf


def test_without_a_session_nothing_is_tracked_or_printed():
    t = progress.current()
    t.statement("x", 0.1, sql="SELECT 1", rows=5)
    assert t.console is None and t.log is None and not t.live


def test_a_terminal_shows_live_rows_and_rate():
    con, buf = console(True)
    with progress.session(console=con) as t:
        assert t.live
        t.step("stage:legacy.patients")
        t.statement("stage:legacy.patients", 0.5, rows=12_345)
        t._progress.refresh()
    assert "stage:legacy.patients" in buf.getvalue() and "12,345 rows" in buf.getvalue() and "rows/s" in buf.getvalue()


def test_not_a_terminal_or_quiet_means_no_live_progress():
    for terminal, quiet in ((False, False), (True, True)):
        con, buf = console(terminal)
        with progress.session(console=con, quiet=quiet) as t:
            assert not t.live
            t.statement("20_02_emr_patient", 0.5, sql="INSERT INTO x SELECT 1", rows=10)
        assert "rows/s" not in buf.getvalue() and "INSERT" not in buf.getvalue()


def test_verbose_prints_each_statement_with_its_timing():
    con, buf = console(False)
    with progress.session(console=con, verbose=True) as t:
        t.statement("20_02_emr_patient", 0.0123, sql='INSERT INTO "emr"."patient" SELECT 1', origin="specs/x.mig:210")
    text = buf.getvalue()
    assert "20_02_emr_patient#1 specs/x.mig:210 (12.3 ms)" in text and 'INSERT INTO "emr"."patient"' in text


def test_the_log_has_ids_and_timings_never_sql(tmp_path):
    log = tmp_path / "run.log"
    con, _ = console(False)
    with progress.session(console=con, log_file=str(log)) as t:
        t.statement("20_02_emr_patient", 0.25, sql="INSERT INTO x SELECT 'Smith'", rows=3, origin="specs/x.mig:210")
        t.statement("20_02_emr_patient", 0.5, sql="SELECT 'Jones'")
    lines = log.read_text().splitlines()
    assert lines[1].split("\t")[1:] == ["20_02_emr_patient#1", "specs/x.mig:210", "0.250000s", "3 rows"]
    assert lines[2].split("\t")[1] == "20_02_emr_patient#2"
    assert "Smith" not in log.read_text() and "SELECT" not in log.read_text()


def test_the_step_table_sums_each_step():
    con, buf = console(False)
    with progress.session(console=con) as t:
        t.statement("a", 1.0, rows=2)
        t.statement("a", 2.0, rows=3)
    t.print_steps()
    row = next(line for line in buf.getvalue().splitlines() if line.strip("│ ").startswith("a "))
    assert "3.000" in row and "5" in row


def test_an_unwritable_log_file_is_an_environment_problem(tmp_path):
    import pytest

    from compiler.errors import EnvironmentProblem

    with pytest.raises(EnvironmentProblem, match="--log-file"):
        with progress.session(log_file=str(tmp_path / "missing" / "x.log")):
            pass
