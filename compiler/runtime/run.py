"""Run a compiled spec against a target: stage, execute the scripts, reconcile, validate.

Everything happens in one transaction: a failed run (error, broken accounting identity,
`fail` threshold) is rolled back and the previous target stays as it was, unless
`commit_on_fail` asks to keep the results for inspection.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar, overload

from sqlglot import exp

from compiler import __version__
from compiler.dialects import DUCKDB
from compiler.emit.render import render_statements
from compiler.functions.literals import lit
from compiler.pipeline import Compiled
from compiler.plan.phases import ALL, PhaseRecord
from compiler.plan.steps import map_label, stage_table
from compiler.runtime import progress
from compiler.runtime.delta import REPLAYED, DeltaRefused, decide, delta_files, read_extract
from compiler.runtime.delta import record as extract_record
from compiler.runtime.engines import open_engine
from compiler.runtime.engines.base import Engine, EngineError
from compiler.runtime.limits import RejectLimit, check_subjects, measure
from compiler.runtime.lock import DEFAULT_LOCK_WAIT, acquire, open_locked, release
from compiler.runtime.phases import PhasePlan, PhaseRefused, delta_phases, plan_phase, summarize
from compiler.runtime.report import DeltaCounts, DeltaSummary, MapCounts, Report
from compiler.runtime.rights import preflight, regrant
from compiler.runtime.scratch import hold_private_umask, private_dir, release_private_umask
from compiler.runtime.staging import source_files
from compiler.runtime.validate import FAIL, evaluate
from compiler.sqlgen.delta import DeltaInput
from compiler.sqlgen.lower import col
from compiler.sqlgen.scripts import SqlGen
from compiler.sqlgen.statements import RECONCILIATION, REJECTS
from compiler.sqlgen.text import sql_text

NO_UPSERT = "none"  # a dialect record's `upsert` where changed rows cannot be written by key


def default_target(compiled: Compiled) -> str:
    return DUCKDB.url(f"/{compiled.path.stem}.duckdb")


def run(
    compiled: Compiled,
    source_dir: Path | None,
    target_url: str | None,
    commit_on_fail: bool = False,
    show_phi: bool = False,
    engine: Engine | None = None,
    on_statement: Callable[[str, float], object] | None = None,
    limits: Sequence[RejectLimit] = (),
    lock_wait: float = DEFAULT_LOCK_WAIT,
    on_lock_wait: Callable[[str], object] | None = None,
    delta: bool = False,
    force: bool = False,
    phase: str | None = None,
) -> Report:
    """Migrate; `engine` (optional) is an open engine to use and leave open (spec tests);
    `on_statement(step, seconds)` (optional) gets the time of each statement (step: its
    script's name), of staging each file (`stage:<table>`) and of the report queries.
    `limits` (`--max-rejects`, compiler/runtime/limits.py): over any of them the run is not
    published, whatever `commit_on_fail` says.  `lock_wait`: seconds to wait for another
    run on the same target to finish (compiler/runtime/lock.py), then refuse;
    `on_lock_wait(why)` (optional) hears once that the run waits.

    Every file the run creates (the DuckDB target and its `.wal`, the staging copies of the
    source: PHI) is 0600, whoever creates it: the umask is private meanwhile (DuckDB's COPY
    replaces a pre-created 0600 file with one of its own).

    `delta`: apply the extract in `source_dir` to the target a full run loaded
    (compiler/runtime/delta.py, compiler/sqlgen/delta.py); `force`: also when it is out of
    order or was applied before with other files.  `phase`: run that phase of the spec
    (compiler/runtime/phases.py)."""
    hold_private_umask()
    try:
        return _run(
            compiled,
            source_dir,
            target_url,
            commit_on_fail,
            show_phi,
            engine,
            on_statement,
            limits,
            lock_wait,
            on_lock_wait,
            delta,
            force,
            phase,
        )
    finally:
        release_private_umask()


def _run(
    compiled: Compiled,
    source_dir: Path | None,
    target_url: str | None,
    commit_on_fail: bool,
    show_phi: bool,
    engine: Any,
    on_statement: Any,
    limits: Sequence[RejectLimit],
    lock_wait: float,
    on_lock_wait: Callable[[str], object] | None,
    delta: bool = False,
    force: bool = False,
    phase: str | None = None,
) -> Report:
    if phase is not None and delta:
        raise PhaseRefused("--phase and --delta are separate runs: run the phases first, then apply the deltas")
    if phase is not None and not compiled.spec.phases:
        raise PhaseRefused(f"{compiled.display} declares no `phase` (docs/LANGUAGE.md, Phases)")
    check_subjects(limits, compiled.spec)  # a limit naming no table fails before any work
    flagged = SqlGen(compiled.checked, DUCKDB.name).has_deltas
    if delta and not flagged:
        raise DeltaRefused(f"{compiled.display}: --delta needs a source table with a `delta flag` (docs/LANGUAGE.md, Delta extracts)")
    if delta and source_dir is None:
        raise DeltaRefused("--delta needs --source: the folder of the extract")
    started = time.perf_counter()
    started_at = datetime.now(UTC).replace(microsecond=0).isoformat()
    keep_open = engine is not None
    url = target_url or default_target(compiled)
    if engine is None:
        engine = open_locked(url, lock_wait, open_engine, on_lock_wait)  # one run at a time on a target
    else:  # keep_open: the caller's engine
        acquire(engine, time.monotonic() + lock_wait, lock_wait, on_lock_wait)
    dialect = engine.dialect
    record = dialect_record(dialect)
    if delta and record.upsert == NO_UPSERT:
        if not keep_open:
            engine.close()
        raise DeltaRefused(f"{engine.display_url}: --delta is not supported on {record.title} yet (no upsert; docs/SPARK.md)")
    database_user = preflight(engine, record, compiled.spec)  # fail fast (exit 3) when rights are missing
    workdir = private_dir("run")  # 0700: may hold transcoded PHI
    files = source_files(compiled.spec, source_dir, compiled.path.parent)
    committed = False
    timings: dict[str, float] = {}  # step -> seconds, for the report

    def on_lap(step: str, seconds: float) -> None:
        timings[step] = timings.get(step, 0.0) + seconds
        if on_statement is not None:
            on_statement(step, seconds)

    lap = _stopwatch(on_lap)
    applying = False
    summary: DeltaSummary | None = None
    plan: PhasePlan | None = None
    phase_input = None
    applied = delta
    try:
        extract = read_extract(files[0].path.parent, [f.path for f in files], required=delta) if flagged and files else None
        gen = SqlGen(compiled.checked, dialect)
        if compiled.spec.phases and (phase is not None or delta):
            recorded = recorded_phases(engine, gen)
            if phase is not None:
                plan = plan_phase(compiled.spec, phase, recorded, extract.files_sha256 if extract else "", force)
                phase_input = plan.input
            else:
                phase_input = delta_phases(recorded)
        later = plan is not None and plan.later  # a later phase: applied to the live tables as a delta
        applied = delta or later
        gen = SqlGen(compiled.checked, dialect, phase=phase_input)
        engine.begin()
        if later:
            every = frozenset(q for q, _ in gen.source_tables())
            gen = SqlGen(compiled.checked, dialect, DeltaInput(every, None), phase_input)
        if delta:
            assert extract is not None
            recorded = recorded_extracts(engine, gen, compiled.display)
            verdict = decide(extract, recorded, force)
            files, delta_input = delta_files(compiled.spec, files, workdir)
            rec = None if verdict == REPLAYED else extract_record(extract, "delta")
            gen = SqlGen(compiled.checked, dialect, replace(delta_input, record=rec), phase_input)
            summary = DeltaSummary(extract.extract_id, extract.sequence, extract.files_sha256, verdict)
            summary.unaccounted = gen.unaccounted_maps()
        scripts = gen.scripts()
        setup, body, finish = scripts[0], scripts[1:-1], scripts[-1]
        progress.current().step(setup.name)
        for st in render_statements(setup, dialect):
            engine.execute(st.text)
            lap(setup.name, sql=st.text, origin=st.origin.rstrip(": "))
        stages = []
        for sf in files:
            progress.current().step(f"stage:{sf.qualified}")
            staged = engine.stage(sf, workdir, gen.tbl(*stage_table(sf.qualified)), gen.tbl(*REJECTS, building=True), gen.traits)
            stages.append(lap(f"stage:{sf.qualified}", staged, rows=staged.records))
        checks_rows: dict[str, tuple[Any, ...]] = {}
        for script in body:
            progress.current().step(script.name)
            for st in render_statements(script, dialect):
                try:
                    if st.query:
                        checks_rows[st.query] = engine.query(st.text)[0]
                    else:
                        engine.execute(st.text)
                except EngineError as exc:
                    # which statement, by the spec line it comes from (the message carries no row data)
                    raise EngineError(f"{st.origin}{script.name}.sql: {st.comment}: {exc}") from None
                lap(script.name, sql=st.text, origin=st.origin.rstrip(": "))
        locate_map_rejects(engine, gen, stages, delta)  # a delta run: the rejects of this extract's rows
        lap("locate rejects")
        maps = read_counts(engine, gen)
        checks = [evaluate(c, checks_rows[f"check:{i}"]) for i, c in enumerate(compiled.spec.checks)]
        report = Report(
            __version__, compiled.display, compiled.sha256, engine.display_url, dialect, started_at, 0.0, False, stages, maps, checks
        )
        report.reject_samples = reject_samples(engine, gen, show_phi)
        report.coverage = compiled.checked.coverage
        report.limits = measure(limits, maps, stages)
        if summary is not None:
            fill_summary(summary, checks_rows)
            report.delta = summary
        if plan is not None:
            report.phase = summarize(plan, compiled.spec, maps, checks_rows)
        if (report.status != FAIL or commit_on_fail) and not report.refused:
            lap("report")
            if extract is not None and not applied:  # a full load of a flagged spec starts the extract history
                engine.execute(sql_text(gen.record_extract(extract_record(extract, "full")).sql, dialect))
            if compiled.spec.phases and not applied:  # a full run or a first phase starts the phase history
                first = plan.input.record if plan is not None else None
                full = PhaseRecord(ALL, 1, extract.files_sha256 if extract else "", started_at)
                engine.execute(sql_text(gen.record_phase(first or full).sql, dialect))
            applying = True
            progress.current().step(finish.name)
            for st in render_statements(finish, dialect):
                t0 = time.perf_counter()
                engine.execute(st.text)
                progress.current().statement(finish.name, time.perf_counter() - t0, sql=st.text, origin=st.origin.rstrip(": "))
            regrant(engine, record, compiled.spec, compiled.catalog)  # the tables this run re-created lost their grants (PostgreSQL)
            if applied:
                discard(engine, gen)  # the shadow tables (after the apply's COMMIT where DDL commits)
            engine.commit()
            lap(finish.name, tracked=False)  # its statements were tracked one by one
            committed = True
        else:
            engine.rollback()
            discard(engine, gen)
    except BaseException:
        if applying and applied and not dialect_record(dialect).capabilities.transactional_ddl:
            rollback_apply(engine, dialect)
        engine.rollback()
        if "gen" in locals():
            discard(engine, gen)
        raise
    finally:
        release(engine)
        if not keep_open:
            engine.close()
        shutil.rmtree(workdir, ignore_errors=True)
    report.committed = committed
    report.database_user = database_user
    report.timings = timings
    report.duration_seconds = time.perf_counter() - started
    return report


_T = TypeVar("_T")


class _Lap(Protocol):
    @overload
    def __call__(self, step: str, *, sql: str | None = None, origin: str = "", rows: int = 0, tracked: bool = True) -> None: ...
    @overload
    def __call__(self, step: str, result: _T, *, sql: str | None = None, origin: str = "", rows: int = 0, tracked: bool = True) -> _T: ...


def _stopwatch(callback: Callable[[str, float], object] | None) -> _Lap:
    """lap(step, result=None): report the time since the previous lap to `callback` and to
    the command's progress tracker (compiler/runtime/progress.py: live rows, --verbose SQL,
    the PHI-safe --log-file)."""
    last = [time.perf_counter()]

    def lap(step: str, result: Any = None, *, sql: str | None = None, origin: str = "", rows: int = 0, tracked: bool = True) -> Any:
        now = time.perf_counter()
        if callback is not None:
            callback(step, now - last[0])
        if tracked:
            progress.current().statement(step, now - last[0], sql=sql, rows=rows, origin=origin.rstrip(": "))
        last[0] = now
        return result

    return lap


def dialect_record(name: str) -> Any:
    from compiler.dialects import RUNNABLE

    return next(d for d in RUNNABLE if d.name == name)


def rollback_apply(engine: Engine, dialect: str) -> None:
    """Where the engine runs in autocommit, the apply's own transaction ends here."""
    try:
        engine.execute(sql_text(exp.Rollback(), dialect))
    except EngineError:
        pass


def recorded_extracts(engine: Engine, gen: SqlGen, display: str) -> list[tuple[Any, ...]]:
    """The extracts the target has recorded; none recorded: no full load to apply a delta to."""
    try:
        rows = engine.query(sql_text(gen.extracts_query(), gen.dialect))
    except EngineError:
        rows = []
    if not rows:
        raise DeltaRefused(f"{engine.display_url}: no full load of {display} recorded in this target; run it without --delta first")
    return rows


def recorded_phases(engine: Engine, gen: SqlGen) -> list[tuple[Any, ...]]:
    """The phases the target has run (none: a new target), read before the run's
    transaction (a missing table's error would abort it on PostgreSQL)."""
    try:
        rows = engine.query(sql_text(gen.phases_query(), gen.dialect))
    except EngineError:
        rows = []
    engine.rollback()
    return rows


def fill_summary(summary: DeltaSummary, rows: dict[str, tuple[Any, ...]]) -> None:
    """The 92_delta query results: per map its delta accounting, per target table its changes."""
    from compiler.sqlgen.delta import CHANGE_TERMS, DELTA_TERMS

    for key, row in rows.items():
        if key.startswith("delta:"):
            delta_rows, *terms, unknown = [int(v or 0) for v in row]
            if unknown:
                raise DeltaRefused(f"{key[6:]}: {unknown} delta row(s) carry a change flag the spec does not declare")
            summary.maps.append(DeltaCounts(key[6:], delta_rows, **dict(zip(DELTA_TERMS, terms, strict=True))))
        elif key.startswith("changes:"):
            summary.changes[key[8:]] = dict(zip(CHANGE_TERMS, [int(v or 0) for v in row], strict=True))


POSITIONS = "cs_reject_positions"


def locate_map_rejects(engine: Engine, gen: SqlGen, stages: list[Any], delta: bool = False) -> None:
    """Give the rows a map rejected their record's position and text (the reject contract,
    docs/LANGUAGE.md "Reason codes"): the SQL knows only the staged row number; the
    scanner finds those records in the file again (compiler/runtime/records.py `locate`).
    `delta`: a reject's record is a row of the source state; those that come from this
    extract are found in its file by the row the extract staged (`delta_positions`)."""
    from compiler.plan.steps import CHARTSHIFT_SCHEMA
    from compiler.sqlgen.lower import drop_table

    rejects = gen.tbl(*REJECTS, building=True)
    positions = gen.tbl(CHARTSHIFT_SCHEMA, POSITIONS)
    text_type = gen.traits.target_types["text"]
    for stage in stages:
        p = stage.prepared
        if p is None:
            continue
        mine = exp.and_(
            exp.Not(this=exp.Is(this=col("map"), expression=exp.Null())), exp.EQ(this=col("source_table"), expression=lit(p.sf.qualified))
        )
        q = exp.select(col("record")).distinct().from_(rejects.copy()).where(mine.copy())
        if delta and gen.flagged(p.sf.qualified):  # else replaced whole (or empty): its staged rows are the state's
            pairs = {int(r): int(st) for r, st in engine.query(sql_text(gen.delta_positions(p.sf.qualified, q), gen.dialect))}
            staged = p.locate(list(pairs.values()))
            found = {r: staged[st] for r, st in pairs.items() if st in staged}
            mine = exp.and_(
                mine, exp.In(this=col("record"), query=exp.Subquery(this=exp.select(col("record", "p")).from_(positions.copy().as_("p"))))
            )
        else:
            rows = [int(r[0]) for r in engine.query(sql_text(q, gen.dialect))]
            found = p.locate(rows) if rows else {}
        if not found:
            continue
        engine.execute(sql_text(drop_table(positions.copy()), gen.dialect))
        cols = [
            ("record", "BIGINT", True),
            ("source_line", "BIGINT", True),
            ("byte_offset", "BIGINT", True),
            ("original_row", text_type, False),
        ]
        engine.execute(sql_text(gen.create_table(positions.copy(), cols, primary_key=["record"]), gen.dialect))
        engine.insert_rows(positions.copy(), [c[0] for c in cols], [(r, line, off, text) for r, (line, off, text) in found.items()])

        def of(column: str) -> exp.Expression:
            return exp.Subquery(
                this=exp.select(col(column, "p"))
                .from_(positions.copy().as_("p"))
                .where(exp.EQ(this=col("record", "p"), expression=exp.column("record", rejects.name, quoted=True)))
            )

        if gen.traits.update_rows:
            update = exp.Update(
                this=rejects.copy(),
                expressions=[
                    exp.EQ(this=col("source_file"), expression=lit(p.sf.file)),
                    *[exp.EQ(this=col(c), expression=of(c)) for c in ("source_line", "byte_offset", "original_row")],
                ],
                where=exp.Where(this=mine),
            )
            engine.execute(sql_text(update, gen.dialect))
        else:
            from compiler.runtime.staging import REJECT_COLUMNS
            from compiler.sqlgen.rejects_swap import rewritten_rejects

            for statement in rewritten_rejects(gen.traits, rejects, positions, mine, p.sf.file, REJECT_COLUMNS):
                engine.execute(sql_text(statement, gen.dialect))
        engine.execute(sql_text(drop_table(positions.copy()), gen.dialect))


def discard(engine: Engine, gen: SqlGen) -> None:
    """After a failed run on a rename-publishing engine: drop the unpublished shadow tables."""
    from compiler.runtime.engines.base import EngineError

    for st in gen.discard():
        try:
            engine.execute(sql_text(st.sql, gen.dialect))
        except EngineError:
            pass


SAMPLES_PER_REASON = 3
MASK = "***"


def reject_samples(engine: Engine, gen: SqlGen, show_phi: bool) -> list[dict[str, Any]]:
    """Up to three rejected rows per (map, reason code) for the report: where they are
    (file, line, byte offset, record number, legacy key) and why (code, reason), never
    their values; a key of `phi` columns is masked.  `show_phi` adds the record's text."""
    rejects = gen.tbl(*REJECTS, building=True)
    cols = ["map", "source_table", "reason_code", "reason", "record", "slot", "source_key", "source_file", "source_line", "byte_offset"]
    if show_phi:
        cols.append("original_row")
    ranked = (
        exp.select(*[col(c) for c in cols])
        .select(
            exp.alias_(
                exp.Window(
                    this=exp.RowNumber(),
                    partition_by=[col("map"), col("source_table"), col("reason_code")],
                    order=exp.Order(expressions=[exp.Ordered(this=col("byte_offset")), exp.Ordered(this=col("slot"))]),
                ),
                "n",
                quoted=True,
            )
        )
        .from_(rejects)
    )
    q = (
        exp.select(*[col(c, "r") for c in cols])
        .from_(ranked.subquery("r"))
        .where(exp.LTE(this=col("n", "r"), expression=lit(SAMPLES_PER_REASON)))
        .order_by(col("source_table", "r"), col("map", "r"), col("reason_code", "r"), col("byte_offset", "r"), col("slot", "r"))
    )
    out: list[dict[str, Any]] = []
    for row in engine.query(sql_text(q, gen.dialect)):
        sample = dict(zip(cols, row))
        source = gen.cat.source_tables.get(sample["source_table"])
        phi_key = source is not None and any(c.phi for c in source.columns if c.name in source.key)
        if phi_key and not show_phi and sample["source_key"] is not None:
            sample["source_key"] = MASK
        for k in ("record", "slot", "source_line", "byte_offset"):
            sample[k] = int(sample[k]) if sample[k] is not None else None
        out.append(sample)
    return out


def read_counts(engine: Engine, gen: SqlGen) -> list[MapCounts]:
    dialect = gen.dialect
    recon = exp.select(
        *[col(c) for c in ("map", "source_table", "target_table", "source_rows", "loaded", "rejected", "filtered", "merged", "aggregated")]
    ).from_(gen.tbl(*RECONCILIATION, building=True))
    rows = {r[0]: r for r in engine.query(sql_text(recon, dialect))}
    by_reason = (
        exp.select(col("map"), col("reason"), exp.Count(this=exp.Star()))
        .from_(gen.tbl(*REJECTS, building=True))
        .where(exp.Not(this=exp.Is(this=col("map"), expression=exp.Null())))
        .group_by(col("map"), col("reason"))
    )
    reasons: dict[str, dict[str, int]] = {}
    for mp, reason, n in engine.query(sql_text(by_reason, dialect)):
        reasons.setdefault(mp, {})[reason] = int(n)
    by_code = (
        exp.select(col("map"), col("reason_code"), exp.Count(this=exp.Star()))
        .from_(gen.tbl(*REJECTS, building=True))
        .where(exp.Not(this=exp.Is(this=col("map"), expression=exp.Null())))
        .group_by(col("map"), col("reason_code"))
    )
    codes: dict[str, dict[str, int]] = {}
    for mp, code, n in engine.query(sql_text(by_code, dialect)):
        codes.setdefault(mp, {})[code] = int(n)
    out = []
    for m in gen.maps:
        r = rows[map_label(m)]
        out.append(
            MapCounts(
                r[0],
                r[1],
                r[2],
                int(r[3]),
                int(r[4]),
                int(r[5]),
                int(r[6]),
                int(r[7]),
                int(r[8]),
                rejected_by_reason=reasons.get(r[0], {}),
                rejected_by_code=codes.get(r[0], {}),
            )
        )
    return out
