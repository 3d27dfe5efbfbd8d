"""Will the full migration fit its window?  (`chartshift plan`)

    plan SPEC --source DIR --window "Fri 18:00..Mon 06:00" [--sample-percent 2] [--target URL]

1. **Count** every source table: records, malformed records and bytes, from the sampler's
   quote-aware line scan of the full export (exact for RFC-4180 files: a record ends at a
   line break outside quotes; nothing is parsed but the key and reference columns).
2. **Sample** `--sample-percent` of the root rows (compiler/ops/sample/: referentially
   closed), then 1/4, 1/2 and 3/4 of that sample (samples of the sample: the same rows
   as sampling that share of the percent from the full export, since bottom-k picks nest
   and the sample is closed).
3. **Time** the migration on the four, in rounds, each on a fresh temporary DuckDB file
   (with a server `--target`, in a new database on that server: timing_target; the
   target itself is never written), in CPU seconds of this process (DuckDB on one
   thread, no garbage collections inside a timed run: steadier than the wall clock on a
   shared machine; a server's work is not this process's, so there the wall clock), per
   step: each source file's staging, setup, typed views, each map's script, reconcile,
   validate, the report queries, finish (drop work tables and commit), and the rest
   (`overhead`: compiling the SQL, opening the engine).  The sample runs checkpoint at
   commit (`checkpoint_threshold=0b`): a full run's commit passes DuckDB's 16 MiB WAL
   threshold and writes the data file, a sample's would only append to the WAL (10,000
   patients: the commit was estimated 0.32-0.35 s against 0.47-0.49 s; checkpointing
   samples, 0.35-0.53 s).  Per step the fastest of the rounds counts (caches,
   other load only ever add time).  So the estimate is the run's CPU time: the wall time
   of a run with one core to itself.  DuckDB's threads make a big run faster on an idle
   multi-core machine; the model's per-row costs, fitted on small tables, miss about as
   much that big tables add (docs/SAMPLING.md has the figures).
4. **Extrapolate** each step as `fixed + per_row * rows`, a least-squares line through
   the four sizes (free intercept: the fixed cost of a statement that has data to work
   on, not the cost of an empty run, which takes other, cheaper paths; four sizes from
   1/4 up: at 10,000 patients a 2 % sample adds a few ms per step between sizes, and
   the wider, fuller spread halves the noise of the slopes).  `rows` is the
   step's own table: a staging step scales with its file's records, a map with its
   source table's records, reconcile/validate/report with all records; on DuckDB the
   finish (commit) with each table's records up to one row group (122,880 rows: DuckDB
   writes full row groups while inserting, only the rest at commit); setup, typed views
   and overhead are fixed, and so is `startup`: what the `chartshift run` process spends
   before it migrates (interpreter, imports, spec load), which `chartshift plan`
   measures on itself.  The range: +-MARGIN (30 %: the accuracy measured on the
   demo data, docs/SAMPLING.md) plus the jackknife spread (the most that leaving one
   round of timing runs out moves the estimate).  Rounds: at least 3, at most
   `--repeats` (8), stopping once a round moves the estimate by 3 % or less and leaving
   any one round out moves it by 10 % or less.
5. **Verdict**: the window's length (day/time range, wrapping over the week) against the
   top of the range: it fits when the high estimate ends inside the window; exit 0 if it
   fits, 1 if not.
"""

from __future__ import annotations

import gc
import math
import re
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlencode

from compiler.dialects import DUCKDB
from compiler.ops.cutover_window import PlanError, Window
from compiler.runtime.scratch import private_dir

if TYPE_CHECKING:
    from compiler.pipeline import Compiled
    from compiler.runtime.engines.sqlnet import ServerEngineClass

MARGIN = 0.30  # the range: +-30 % (the accuracy measured on the demo) plus the jackknife spread
REPEATS = 8  # rounds of timing runs at most ...
MIN_ROUNDS = 3  # ... at least ...
CONVERGED = 0.03  # ... stopping when a round moves the estimate by 3 % or less
SETTLED = 0.10  # ... and leaving any one round out moves it by 10 % or less
SIZES = (0.25, 0.5, 0.75)  # of the sample, timed besides the whole sample
SIZE_NAMES = ("1/4", "1/2", "3/4", "whole")
FIXED_STEPS = ("startup", "00_setup", "10_typed_views", "overhead")
STARTUP = "startup"
FINISH = "95_finish"
# DuckDB writes a table's full row groups to the file while inserting them and only the
# rest at commit: the commit (finish) scales with each table's rows up to one row group.
ROW_GROUP = 122_880
SCALE_NAMES = {"all": "all records", "commit": "records <= 1 row group/table"}


# ------------------------------------------------------------------ timing runs


# The sample runs' DuckDB: one thread (its CPU time is steadier than that of two threads
# that wait on each other, and the tiny sample runs gain nothing from the second one), and
# a checkpoint at every commit (a full run's commit passes the 16 MiB WAL threshold and
# writes the data file; a sample's would only append to the WAL).  A target URL's own
# settings win.
SAMPLE_DUCKDB = {"threads": "1", "checkpoint_threshold": "0b"}


@contextmanager
def timing_target(target: str | None, workdir: Path) -> Iterator[str]:
    """Where one timed sample run goes: a new DuckDB file (with the target URL's settings,
    for a DuckDB target) or a new database on the target's server, removed afterwards.
    Never the target itself: the samples would replace a real migration's tables."""
    from compiler.runtime.engines import engine_class
    from compiler.runtime.engines.duckdb import settings_of
    from compiler.runtime.engines.sqlnet import scratch_database

    engine = engine_class(target) if target is not None else None
    if engine is not None and not engine.record.embedded:
        assert target is not None  # engine is None without one
        with scratch_database(cast("ServerEngineClass", engine), target, "the plan's sample runs go") as url:  # not embedded: a server
            yield url
        return
    settings = {**SAMPLE_DUCKDB, **settings_of(target or DUCKDB.url(""))}
    scratch = Path(tempfile.mkdtemp(prefix="db-", dir=workdir))
    try:
        yield DUCKDB.url(f"/{scratch / 'plan.duckdb'}?{urlencode(settings)}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def timed_run(
    compiled: Compiled, source: Path, target: str | None, workdir: Path, clock: Callable[[], float] = time.process_time
) -> dict[str, float]:
    """step -> seconds of `clock` (default: this process's CPU time, all threads) for one
    migration of `source` (into a scratch target: timing_target), plus `overhead`: what
    no step covers."""
    from compiler.runtime.run import run

    steps: dict[str, float] = defaultdict(float)
    last = [clock()]

    def note(step: str, _wall: float) -> None:
        now = clock()
        steps[step] += now - last[0]
        last[0] = now

    with timing_target(target, workdir) as url:
        # Python's cyclic collector would charge the garbage of earlier runs (sqlglot trees)
        # to whichever step it happens to interrupt; a few ms there, times 50 for a 2 %
        # sample, moves the estimate by a third.  Collect first, then keep it out of the run.
        gc.collect()
        gc.disable()
        try:
            last[0] = started = clock()
            report = run(compiled, source, url, commit_on_fail=True, on_statement=note)
            total = clock() - started
        finally:
            gc.enable()
    steps["overhead"] = max(0.0, total - sum(steps.values()))
    out = dict(steps)
    out["__status__"] = report.status  # type: ignore[assignment]
    return out


def fastest(runs: list[dict[str, float]]) -> dict[str, float]:
    keys = {k for r in runs for k in r if not k.startswith("__")}
    return {k: min(r.get(k, 0.0) for r in runs) for k in keys}


# ------------------------------------------------------------------ the model


@dataclass
class StepEstimate:
    step: str
    scale: str  # what it scales with: "fixed", a table, or "all records"
    full_rows: int
    sample_rows: list[int]  # 1/4, 1/2, 3/4 of the sample, the whole sample
    sample_seconds: list[float]  # fastest of the repeats
    fixed: float  # the fitted intercept
    per_row: float  # the fitted slope (seconds per row)
    estimate: float
    low: float
    high: float


@dataclass
class TableCount:
    table: str
    file: str
    records: int
    malformed: int
    bytes: int
    sample_records: int


@dataclass
class Plan:
    window: Window
    percent: float
    root: str
    tables: list[TableCount]
    steps: list[StepEstimate]
    estimate: float
    low: float
    high: float
    rounds: int = 0
    spread: float = 0.0  # jackknife: how far leaving one round out moves the estimate
    planning_seconds: float = 0.0
    sample_status: str = ""
    startup: float = 0.0  # of `estimate`: the run's start (interpreter, imports, spec load)
    measure: str = "CPU"  # what the sample runs were timed in: CPU (DuckDB) or wall-clock (a server)

    @property
    def fits(self) -> bool:
        return self.high <= self.window.seconds

    @property
    def margin(self) -> float:
        return self.window.seconds - self.high

    def to_dict(self) -> dict[str, Any]:
        def num(v: Any) -> Any:
            # six significant digits: a per-row cost is a few microseconds
            return float(f"{v:.6g}") if isinstance(v, float) else [num(x) for x in v] if isinstance(v, list) else v

        return {
            "window": {"text": self.window.text, "hours": round(self.window.hours, 4)},
            "sample_percent": self.percent,
            "root": self.root,
            "tables": [vars(t) for t in self.tables],
            "steps": [{k: num(v) for k, v in vars(s).items()} for s in self.steps],
            "measure": self.measure,
            "estimate_seconds": round(self.estimate, 3),
            "startup_seconds": round(self.startup, 3),
            "migration_seconds": round(self.estimate - self.startup, 3),
            "low_seconds": round(self.low, 3),
            "high_seconds": round(self.high, 3),
            "rounds": self.rounds,
            "spread": round(self.spread, 4),
            "fits": self.fits,
            "margin_seconds": round(self.margin, 3),
            "planning_seconds": round(self.planning_seconds, 3),
            "sample_status": self.sample_status,
        }


def step_scale(step: str, compiled: Compiled) -> str:
    """What a step's time scales with: a source table, "all", or "fixed"."""
    from compiler.ir.naming import dotted
    from compiler.plan.steps import order_maps

    if step in FIXED_STEPS:
        return "fixed"
    if step.startswith("stage:"):
        return step[len("stage:") :]
    m = re.match(r"^20_(\d+)_", step)
    if m:
        maps = order_maps(compiled.spec)  # the scripts are numbered in run order, not spec order
        i = int(m.group(1)) - 1
        if 0 <= i < len(maps):
            return dotted(maps[i].source)
    return "all"


def line_fit(xs: list[float], ts: list[float]) -> tuple[float, float]:
    """(fixed, per_row): least squares with a free intercept; a falling line (noise) is
    flattened to the mean, a negative intercept to a line through the origin."""
    n = len(xs)
    mx, mt = sum(xs) / n, sum(ts) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx <= 0:
        return mt, 0.0
    b = sum((x - mx) * (t - mt) for x, t in zip(xs, ts)) / sxx
    if b <= 0:
        return mt, 0.0
    a = mt - b * mx
    if a < 0:
        sx2 = sum(x * x for x in xs)
        return 0.0, sum(x * t for x, t in zip(xs, ts)) / sx2
    return a, b


def predict(scale: str, xs: list[float], ts: list[float], full: float) -> tuple[float, float, float]:
    if scale == "fixed" or full <= 0:
        est = min(ts) if scale == "fixed" else sum(ts) / len(ts)
        return est, est, 0.0
    a, b = line_fit(xs, ts)
    return a + b * full, a, b


# ------------------------------------------------------------------ the plan


class _Model:
    """Per-step fits over the timings gathered so far."""

    def __init__(self, compiled: Compiled, rows: list[dict[str, int]], full_rows: dict[str, int], duckdb_target: bool):
        self.compiled = compiled
        self.rows = rows
        self.full_rows = full_rows
        self.duckdb_target = duckdb_target

    def scale(self, step: str) -> str:
        scale = step_scale(step, self.compiled)
        return "commit" if step == FINISH and self.duckdb_target else scale

    def sizes(self, scale: str) -> tuple[list[float], float]:
        if scale == "fixed":
            return [0.0] * len(self.rows), 0.0
        if scale == "all":
            return [float(sum(r.values())) for r in self.rows], float(sum(self.full_rows.values()))
        if scale == "commit":

            def capped(r: dict[str, int]) -> float:
                return float(sum(min(n, ROW_GROUP) for n in r.values()))

            return [capped(r) for r in self.rows], capped(self.full_rows)
        return [float(r.get(scale, 0)) for r in self.rows], float(self.full_rows.get(scale, 0))

    def step(
        self, step: str, timings: list[list[dict[str, float]]], rounds: list[int]
    ) -> tuple[float, float, float, list[float], list[float], float, str]:
        """(estimate, fixed, per_row, fastest time per size) from the given rounds."""
        scale = self.scale(step)
        xs, full = self.sizes(scale)
        best = [min(timings[k][i].get(step, 0.0) for i in rounds) for k in range(len(timings))]
        est, a, b = predict(scale, xs, best, full)
        return est, a, b, best, xs, full, scale

    def total(self, timings: list[list[dict[str, float]]], rounds: list[int]) -> float:
        steps = {k for size in timings for r in size for k in r}
        return sum(self.step(st, timings, rounds)[0] for st in steps)


def plan(
    compiled: Compiled,
    source_dir: Path | None,
    window: Window,
    percent: float = 2.0,
    target: str | None = None,
    root: str | None = None,
    seed: int = 1,
    repeats: int = REPEATS,
    progress: Callable[[str], object] | None = None,
    startup: float = 0.0,
) -> Plan:
    """Count, sample, time and extrapolate (see the module docstring).  `repeats` is the most
    rounds of timing runs; after MIN_ROUNDS it stops once a round moves the estimate by less
    than CONVERGED.  `startup`: CPU seconds a `chartshift run` spends before it migrates
    (interpreter, imports, spec load), measured by the caller and added as a fixed step."""
    from compiler.ops.sample import Sampler, default_root
    from compiler.runtime.engines import engine_class

    if not 0 < percent <= 100:
        raise PlanError("--sample-percent must be above 0 and at most 100")
    started = time.perf_counter()
    say = progress or (lambda msg: None)
    root = root or default_root(compiled.catalog)
    work = private_dir("plan")  # 0700: samples hold PHI
    try:
        say(f"counting the source and sampling {percent:g}% of {root} ...")
        s = Sampler(compiled, source_dir, root, seed)
        s.select(percent=percent)
        folders = [work / f"size-{k}" for k in range(len(SIZES))] + [work / "sample"]
        s.write(folders[-1])
        rows: list[dict[str, int]] = []
        for share, folder in zip(SIZES, folders):
            sub = Sampler(compiled, folders[-1], root, seed)  # bottom-k picks nest: a sample of the sample
            sub.select(count=max(1, math.ceil(s.picked * share)))
            sub.write(folder)
            rows.append({t: len(v) for t, v in sub.sel.items()})
        rows.append({t: st.selected for t, st in s.stats.items()})
        full_rows = {t: st.records - st.malformed for t, st in s.stats.items()}
        embedded = target is None or engine_class(target).record.embedded
        model = _Model(compiled, rows, full_rows, embedded)
        # DuckDB works inside this process: its CPU time is the run's.  A server works in
        # its own processes, which this one cannot see: there, the wall clock.
        clock = time.process_time if embedded else time.perf_counter
        timings: list[list[dict[str, float]]] = [[] for _ in folders]  # [size][round] -> step -> seconds
        status, previous = "", None
        for i in range(max(1, repeats)):
            say(f"timing the migration on {', '.join(SIZE_NAMES[:-1])} and the whole sample (round {i + 1}) ...")
            for k, folder in enumerate(folders):
                r = timed_run(compiled, folder, target, work, clock=clock)
                status = str(r.pop("__status__"))
                timings[k].append(r)
            done = list(range(i + 1))
            current = model.total(timings, done)
            if (
                i + 1 >= MIN_ROUNDS
                and previous
                and abs(current - previous) <= CONVERGED * previous
                and _jackknife(lambda rs: model.total(timings, rs), done, current) <= SETTLED
            ):
                break
            previous = current
        rounds = list(range(len(timings[0])))
        steps = (
            [
                StepEstimate(
                    STARTUP,
                    "fixed",
                    0,
                    [0] * len(folders),
                    [startup] * len(folders),
                    startup,
                    0.0,
                    startup,
                    startup * (1 - MARGIN),
                    startup * (1 + MARGIN),
                )
            ]
            if startup > 0
            else []
        )
        for step in sorted({k for size in timings for r in size for k in r}, key=_step_order):
            est, a, b, best, xs, full, scale = model.step(step, timings, rounds)
            spread = _jackknife(lambda rs: model.step(step, timings, rs)[0], rounds, est)
            low, high = est * max(0.0, 1 - MARGIN - spread), est * (1 + MARGIN + spread)
            steps.append(StepEstimate(step, SCALE_NAMES.get(scale, scale), int(full), [int(x) for x in xs], best, a, b, est, low, high))
        total = sum(x.estimate for x in steps)
        spread = _jackknife(lambda rs: model.total(timings, rs) + startup, rounds, total)
        tables = [TableCount(t, st.file, st.records, st.malformed, st.source_bytes, st.selected) for t, st in s.stats.items()]
        p = Plan(
            window,
            percent,
            root,
            tables,
            steps,
            total,
            total * max(0.0, 1 - MARGIN - spread),
            total * (1 + MARGIN + spread),
            len(rounds),
            spread,
            sample_status=status,
            startup=startup,
            measure="CPU" if embedded else "wall-clock",
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    p.planning_seconds = time.perf_counter() - started
    return p


def _jackknife(estimate: Callable[[list[int]], float], rounds: list[int], full: float) -> float:
    """How far (relative) the estimate moves when one round is left out, at most."""
    if len(rounds) < 2 or full <= 0:
        return 0.0
    return max(abs(estimate([r for r in rounds if r != i]) - full) for i in rounds) / full


def _step_order(step: str) -> tuple[int, str]:
    if step.startswith("stage:"):
        return (1, step)
    if step == STARTUP:
        return (0, "")
    if step == "overhead":
        return (0, step)
    if step == "00_setup":
        return (0, "0")
    if step == "report":
        return (2, "85")
    return (2, step)
