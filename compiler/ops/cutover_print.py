"""The terminal rendering of a cutover plan (`chartshift plan`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from compiler.ops.cutover import MARGIN, SIZE_NAMES

if TYPE_CHECKING:
    from rich.console import Console

    from compiler.ops.cutover import Plan


def human(seconds: float) -> str:
    if seconds < 10:
        return f"{seconds:.2f} s"
    if seconds < 60:
        return f"{seconds:.1f} s"
    if seconds < 3600:
        return f"{seconds / 60:.1f} min"
    return f"{seconds / 3600:.1f} h"


def print_plan(p: Plan, console: Console) -> None:
    from rich.table import Table

    t = Table(title=f"source (full export, counted by a quote-aware line scan); sample {p.percent:g}% of {p.root}", title_justify="left")
    for c in ("table", "file", "records", "malformed", "MB", "in sample"):
        t.add_column(c, justify="left" if c in ("table", "file") else "right")
    for tc in p.tables:
        t.add_row(tc.table, tc.file, f"{tc.records:,}", f"{tc.malformed:,}", f"{tc.bytes / 1e6:,.1f}", f"{tc.sample_records:,}")
    console.print(t)
    t = Table(
        title=f"{p.measure} seconds per step = fixed + per-row x rows (fitted on {', '.join(SIZE_NAMES[:-1])} and the whole sample)",
        title_justify="left",
    )
    for c in ("step", "scales with", "full rows", *(f"{n} s" for n in SIZE_NAMES), "fixed s", "per 1k rows", "estimate", "range"):
        t.add_column(c, justify="left" if c in ("step", "scales with") else "right")
    for s in p.steps:
        t.add_row(
            s.step,
            s.scale,
            f"{s.full_rows:,}" if s.scale != "fixed" else "-",
            *(f"{x:.3f}" for x in s.sample_seconds),
            f"{s.fixed:.3f}",
            f"{s.per_row * 1000:.4f}",
            human(s.estimate),
            f"{human(s.low)} - {human(s.high)}",
        )
    console.print(t)
    parts = f"; startup {human(p.startup)} + migration {human(p.estimate - p.startup)}" if p.startup else ""
    console.print(
        f"full run: about {human(p.estimate)} of {p.measure} time{parts} (range {human(p.low)} - {human(p.high)}: "
        f"+-{MARGIN:.0%} and +-{p.spread:.0%} from leaving one of {p.rounds} timing rounds out); "
        f"window {p.window.text} = {human(p.window.seconds)}"
    )
    console.print(f"[{verdict_style(p)}]{verdict_sentence(p)}[/]; planning took {human(p.planning_seconds)}")


def verdict_style(p: Plan) -> str:
    return "green" if p.fits else "bold red"


def verdict_sentence(p: Plan) -> str:
    """The verdict as a sentence, measured at the top of the estimate's range (the
    pessimistic end is the one a cutover has to survive)."""
    share = f"{abs(p.margin) / p.window.seconds * 100:.1f}% of the window" if p.window.seconds else "the whole window"
    if p.fits:
        return f"fits the window with {human(abs(p.margin))} to spare ({share}, at the top of the range)"
    return f"does not fit: needs {human(abs(p.margin))} more ({share}, at the top of the range)"
