"""Fault injection for atomicity tests: `CHARTSHIFT_FAULT=kill:N` (SIGKILL the process),
`drop:N` (close the database connection under the run) or `error:N` (a failing statement)
just before the N-th statement of a run.  Unset in normal use; costs one counter."""

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
    spec = os.environ.get(ENV, "")
    if not spec:
        return engine
    kind, _, at = spec.partition(":")
    if kind not in ("kill", "drop", "error") or not at.isdigit():
        raise EngineError(f"{ENV} must look like kill:N, drop:N or error:N")
    return FaultyEngine(engine, kind, int(at))
