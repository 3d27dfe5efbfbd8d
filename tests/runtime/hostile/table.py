"""Print the differential table (issue 14): every corpus case on every engine, what the
run did — its exit code, accounting and reason codes, or why it aborted — beside what the
case expects.  Markdown, for the issue and the pull request:

    .venv/bin/python -m tests.runtime.hostile.table [CASE ...] > docs/hostile-differential.md

Cells: exit code · records = staged + malformed (m) · loaded (L), rejected (R), filtered
(F) · reason codes · whether every reject's (file, line, byte offset, code) is the case's.

Uses fresh databases on the test servers (tests/servers.py) and drops them afterwards.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from tests.runtime.hostile.corpus import BY_NAME, CASES, FILE, SPEC
from tests.runtime.hostile.harness import ENGINES, Outcome, contract_positions, reset_server, run_case
from tests.servers import mysql_database, postgres_database

SERVERS = {"postgres": postgres_database, "mysql": mysql_database}


def accounting(a: dict | None) -> str:
    if a is None:
        return "—"
    return f"{a['records']}={a['staged']}+{a['malformed']}m · {a['loaded']}L {a['rejected']}R {a['filtered']}F"


def codes(c) -> str:
    return ", ".join(f"{k}×{n}" if n > 1 else k for k, n in sorted(c.items())) if c else ""


def abort_reason(out: Outcome) -> str:
    lines = [ln for ln in out.output.splitlines() if "error" in ln]
    msg = lines[-1] if lines else (out.escaped or "?")
    msg = re.sub(r"/\S+/people\.csv", "people.csv", msg)
    return msg.replace("chartshift: error: ", "").replace("|", "\\|")[:140]


def cell(out: Outcome, case) -> str:
    if out.escaped or out.exit_code not in (0, 1):
        return f"**exit {out.exit_code}**: {abort_reason(out)}"
    text = f"exit {out.exit_code} · {accounting(out.accounting)}" + (f" · {codes(out.codes)}" if out.codes else "")
    if out.codes:
        try:
            same = contract_positions(out) == [(FILE, line, offset, code) for line, offset, code in case.positions()]
        except AssertionError:
            same = False
        text += " · positions " + ("ok" if same else "**differ**")
    return text


def main(names: list[str]) -> None:
    from compiler.pipeline import load

    compiled = load(SPEC)
    cases = [BY_NAME[n] for n in names] if names else list(CASES)
    gens = {e: f() for e, f in SERVERS.items()}
    urls = {e: next(g) for e, g in gens.items()}
    try:
        print("| case | expected | " + " | ".join(ENGINES) + " |")
        print("|---|---|" + "---|" * len(ENGINES))
        with tempfile.TemporaryDirectory() as tmp:
            for case in cases:
                want = case.expected()
                row = [
                    case.name,
                    f"exit {want.exit_code} · {accounting(want.accounting)}" + (f" · {codes(want.codes)}" if want.codes else ""),
                ]
                for engine in ENGINES:
                    work = Path(tmp) / f"{case.name}-{engine}"
                    work.mkdir()
                    url = f"duckdb:///{work / 'target.duckdb'}" if engine == "duckdb" else urls[engine]
                    if engine != "duckdb":
                        reset_server(url, engine)
                    row.append(cell(run_case(case, work / "data", url, engine, compiled, work / "report.json"), case))
                print("| " + " | ".join(row) + " |", flush=True)
    finally:
        for g in gens.values():
            g.close()


if __name__ == "__main__":
    main(sys.argv[1:])
