"""Progress, verbosity and the run log: one small facility every long command reports to.

The runtime (and ops) call `current()`, which is a silent tracker unless the CLI opened a
`session()` around the command.  A session shows:

- live progress on stderr (rich): the step, rows done and rows/s; only on a terminal and
  never under `--quiet`, so piped or CI output has no progress noise;
- with `--verbose`, every SQL statement with its timing (on stderr);
- with `--log-file FILE`, one line per statement: time, statement id (`<step>#<n>`), the
  spec line it comes from, seconds and rows.  Never SQL text or row content: the log is
  PHI-safe by construction (statement ids and numbers only);
- at the end (unless `--quiet`) a table of the steps: statements, seconds, rows.
"""

from __future__ import annotations

import contextvars
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID


@dataclass
class StepStat:
    statements: int = 0
    seconds: float = 0.0
    rows: int = 0


@dataclass
class Tracker:
    """What a command reports to; every method is cheap when everything is off."""

    console: Console | None = None  # stderr, for --verbose and the step table; None: silent
    live: bool = False
    verbose: bool = False
    log: TextIO | None = None
    steps: dict[str, StepStat] = field(default_factory=dict)
    rows_done: int = 0
    started: float = field(default_factory=time.perf_counter)
    _progress: Progress | None = None
    _task: TaskID | None = None

    def start(self) -> None:
        if self.live and self.console is not None:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                TextColumn("{task.completed:>12,.0f} rows"),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("starting", total=None, rate="")

    def step(self, name: str) -> None:
        """The step now running (shown live before its first statement ends)."""
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, description=name)

    def statement(self, step: str, seconds: float, sql: str | None = None, rows: int = 0, origin: str = "") -> None:
        """One statement (or unit of work) of `step` took `seconds` and handled `rows`."""
        if self.console is None and self.log is None:
            return  # silent (outside a session, or --quiet without a log)
        st = self.steps.setdefault(step, StepStat())
        st.statements += 1
        st.seconds += seconds
        st.rows += rows
        self.rows_done += rows
        ident = f"{step}#{st.statements}"
        if self.verbose and self.console is not None and sql is not None:
            from rich.markup import escape

            self.console.print(
                f"[dim]-- {escape(ident)} {escape(origin)} ({seconds * 1000:.1f} ms)[/]\n{escape(sql.strip())}", highlight=False
            )
        if self.log is not None:
            now = datetime.now(UTC).isoformat(timespec="milliseconds")
            self.log.write(f"{now}\t{ident}\t{origin}\t{seconds:.6f}s\t{rows} rows\n")
        if self._progress is not None and self._task is not None:
            elapsed = max(time.perf_counter() - self.started, 1e-9)
            self._progress.update(self._task, description=step, completed=self.rows_done, rate=f"{self.rows_done / elapsed:,.0f} rows/s")

    def note(self, text: str) -> None:
        """A line for the log only (a command's start and end); never row content."""
        if self.log is not None:
            self.log.write(f"{datetime.now(UTC).isoformat(timespec='milliseconds')}\t{text}\n")

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def print_steps(self) -> None:
        """The final summary table: where the time went."""
        if self.console is None or not self.steps:
            return
        from rich.markup import escape
        from rich.table import Table

        t = Table(title="steps", title_justify="left")
        for h in ("step", "statements", "seconds", "rows"):
            t.add_column(h, justify="left" if h == "step" else "right")
        for name, st in self.steps.items():
            t.add_row(escape(name), f"{st.statements:,}", f"{st.seconds:.3f}", f"{st.rows:,}" if st.rows else "-")
        t.add_row(
            "total",
            f"{sum(s.statements for s in self.steps.values()):,}",
            f"{time.perf_counter() - self.started:.3f}",
            f"{self.rows_done:,}",
        )
        self.console.print(t)


_SILENT = Tracker()  # outside a session: records nothing
_current: contextvars.ContextVar[Tracker | None] = contextvars.ContextVar("chartshift_progress", default=None)


def current() -> Tracker:
    return _current.get() or _SILENT


@contextmanager
def session(
    *, quiet: bool = False, verbose: bool = False, log_file: str | None = None, console: Console | None = None
) -> Iterator[Tracker]:
    """Track one command: live progress when stderr is a terminal and not `quiet`."""
    from rich.console import Console

    err = console or Console(stderr=True, highlight=False)
    log = None
    if log_file:
        try:
            log = Path(log_file).open("a", encoding="utf-8")
        except OSError as exc:
            from compiler.errors import EnvironmentProblem

            raise EnvironmentProblem(f"--log-file {log_file}: {exc.strerror or exc}") from None
    tracker = Tracker(console=None if quiet else err, live=err.is_terminal and not quiet, verbose=verbose and not quiet, log=log)
    token = _current.set(tracker)
    tracker.note(f"start {' '.join(sys.argv[1:2])}".rstrip())
    tracker.start()
    try:
        yield tracker
    finally:
        tracker.stop()
        _current.reset(token)
        tracker.note(f"end {time.perf_counter() - tracker.started:.3f}s")
        if log is not None:
            log.close()
