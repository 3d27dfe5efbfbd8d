"""One run at a time on a target: the second waits for the first (`--lock-wait SECONDS`),
then refuses with a message naming the lock.  Runs never interleave.

Servers: the dialect record's `run_lock` (a session lock: PostgreSQL's advisory lock,
MariaDB's GET_LOCK), taken before the run's first statement and held until it has
committed or rolled back; the server drops it with the session, so a killed run leaves
no stale lock.  DuckDB: the file's own lock (one writing process), taken by opening the
target; the adapter reports a conflict as `TargetBusy` and the open is retried.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from compiler.runtime.engines.base import Engine, EngineError, TargetBusy

DEFAULT_LOCK_WAIT = 60.0  # seconds: enough for a short run ahead; a long one is better refused than queued
MAX_LOCK_WAIT = 7 * 24 * 3600.0  # a week: beyond any cutover window (and finite: no NaN, no inf)
POLL_SECONDS = 0.25


OnWait = Callable[[str], object]


def open_locked(url: str, wait: float, opener: Callable[[str], Engine], on_wait: OnWait | None = None) -> Engine:
    """`opener(url)`, holding the target's run lock, within `wait` seconds; `on_wait(why)`
    (optional) hears once that the run waits, and why."""
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            engine = opener(url)
        except TargetBusy as exc:
            if time.monotonic() >= deadline:
                raise TargetBusy(f"{exc}; waited {wait:g} s (--lock-wait SECONDS to wait longer)") from None
            if on_wait is not None and not told:
                on_wait(f"{exc}; waiting up to {wait:g} s")
                told = True
            time.sleep(POLL_SECONDS)
            continue
        try:
            acquire(engine, deadline, wait, None if told else on_wait)
        except BaseException:
            engine.close()
            raise
        return engine


def acquire(engine: Engine, deadline: float, wait: float, on_wait: OnWait | None = None) -> None:
    """Take the server's run lock, polling until `deadline` (time.monotonic())."""
    lock = engine.record.run_lock
    if lock is None:
        return  # the file lock, held since the open
    busy = f"{engine.display_url}: another chartshift run holds this target ({lock.scope})"
    while not _held(engine.query(lock.try_acquire)):
        if time.monotonic() >= deadline:
            raise TargetBusy(f"{busy}; waited {wait:g} s (--lock-wait SECONDS to wait longer)")
        if on_wait is not None:
            on_wait(f"{busy}; waiting up to {wait:g} s")
            on_wait = None
        time.sleep(POLL_SECONDS)


def release(engine: Engine) -> None:
    """Give the run lock back (closing the connection would too)."""
    lock = engine.record.run_lock
    if lock is None:
        return
    try:
        engine.query(lock.release)
        engine.rollback()  # PostgreSQL: the unlock opened a transaction; nothing in it to keep
    except EngineError:
        pass  # a lost connection has lost its lock with it


def _held(rows: list[tuple[object, ...]]) -> bool:
    value = rows[0][0] if rows and rows[0] else None
    return value is True or value == 1
