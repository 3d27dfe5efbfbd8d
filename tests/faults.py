"""Fault injection for the atomicity tests, kept out of the production code.

    python -m tests.faults run SPEC ...     (from the repository root)

is `chartshift run SPEC ...` whose target engine, opened by `compiler.runtime.run.run`
through the module global `open_engine`, is wrapped to fail as CHARTSHIFT_FAULT says:
`kill:N` (SIGKILL the process), `drop:N` (close the database connection under the run)
or `error:N` (a failing statement) just before the N-th statement of the run (statements,
queries and the staging of each file count; on a server the run lock's query is the
first).  Without CHARTSHIFT_FAULT it is `chartshift`.

Two more, to let a test act on a run in progress from outside:
`pause:N` before the N-th statement creates the file $CHARTSHIFT_FAULT_READY and waits
(at most 120 s) until the file $CHARTSHIFT_FAULT_GO exists; `slowload:MS` sends the bulk
load of every staged file (PostgreSQL's COPY data, MariaDB's LOAD DATA LOCAL file) in
64-byte pieces with MS milliseconds between them, so that the statement is seen running.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from compiler.runtime.engines.base import EngineError

ENV = "CHARTSHIFT_FAULT"


class FaultyEngine:
    """Delegates to an engine and injects the configured fault once."""

    def __init__(self, engine, kind: str, at: int):
        self._engine = engine
        self._kind = kind
        self._at = at
        self._count = 0

    def __getattr__(self, name):
        return getattr(self._engine, name)

    def _tick(self) -> None:
        self._count += 1
        if self._count != self._at:
            return
        if self._kind == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        if self._kind == "drop":
            self._engine.drop_connection()
        if self._kind == "error":
            raise EngineError("statement failed: injected fault")
        if self._kind == "pause":
            Path(os.environ["CHARTSHIFT_FAULT_READY"]).touch()
            go = Path(os.environ["CHARTSHIFT_FAULT_GO"])
            deadline = time.monotonic() + 120
            while not go.exists() and time.monotonic() < deadline:
                time.sleep(0.05)

    def execute(self, sql: str) -> None:
        self._tick()
        self._engine.execute(sql)

    def query(self, sql: str):
        self._tick()
        return self._engine.query(sql)

    def stage(self, *args, **kwargs):
        self._tick()
        return self._engine.stage(*args, **kwargs)


def with_faults(engine):
    """The engine, wrapped to inject the fault CHARTSHIFT_FAULT names (if it names one)."""
    spec = os.environ.get(ENV, "")
    if not spec:
        return engine
    kind, _, at = spec.partition(":")
    if kind not in ("kill", "drop", "error", "pause", "slowload") or not at.isdigit():
        raise EngineError(f"{ENV} must look like kill:N, drop:N, error:N, pause:N or slowload:MS")
    if kind == "slowload":
        slow_bulk_loads(int(at) / 1000)
        return engine
    return FaultyEngine(engine, kind, int(at))


PIECE = 64


def slow_bulk_loads(pause: float) -> None:
    """Stretch every COPY FROM STDIN and LOAD DATA LOCAL INFILE over many small writes."""
    import psycopg
    import pymysql.connections

    from compiler.runtime.engines import postgres

    postgres.COPY_BLOCK = PIECE
    write = psycopg.Copy.write

    def slow_write(self, buffer):
        time.sleep(pause)
        return write(self, buffer)

    psycopg.Copy.write = slow_write

    def send_local_file(filename, conn):
        with open(filename, "rb") as fh:
            while chunk := fh.read(PIECE):
                time.sleep(pause)
                conn.write_packet(chunk)

    pymysql.connections._send_local_file = send_local_file


def install() -> None:
    """Make every run open its target engine through `with_faults`."""
    from compiler.runtime import run

    open_engine = run.open_engine
    run.open_engine = lambda url: with_faults(open_engine(url))


if __name__ == "__main__":
    from compiler.cli.main import entry

    install()
    entry()
