"""Fault injection for the atomicity tests, kept out of the production code.

    python -m tests.faults run SPEC ...     (from the repository root)

is `chartshift run SPEC ...` whose target engine, opened by `compiler.runtime.run.run`
through the module global `open_engine`, is wrapped to fail as CHARTSHIFT_FAULT says:
`kill:N` (SIGKILL the process), `drop:N` (close the database connection under the run)
or `error:N` (a failing statement) just before the N-th statement of the run (statements,
queries and the staging of each file count).  Without CHARTSHIFT_FAULT it is `chartshift`.
"""

from __future__ import annotations

import os
import signal

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
    if kind not in ("kill", "drop", "error") or not at.isdigit():
        raise EngineError(f"{ENV} must look like kill:N, drop:N or error:N")
    return FaultyEngine(engine, kind, int(at))


def install() -> None:
    """Make every run open its target engine through `with_faults`."""
    from compiler.runtime import run

    open_engine = run.open_engine
    run.open_engine = lambda url: with_faults(open_engine(url))


if __name__ == "__main__":
    from compiler.cli.main import entry

    install()
    entry()
