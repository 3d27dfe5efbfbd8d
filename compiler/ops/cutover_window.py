"""The cutover window of `chartshift plan`: `Fri 18:00..Mon 06:00` or a daily `22:00..05:00`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from compiler.errors import UsageError

DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY = 24 * 3600
WEEK = 7 * DAY


class PlanError(UsageError):
    """Bad plan usage (window syntax, percent out of range): exit 2."""


@dataclass(frozen=True)
class Window:
    text: str
    start: int  # second of the week (Mon 00:00 = 0), or of the day for a daily window
    end: int
    length: int  # seconds

    @property
    def seconds(self) -> float:
        return float(self.length)

    @property
    def hours(self) -> float:
        return self.length / 3600.0


_POINT = re.compile(r"^\s*(?:([A-Za-z]+)\.?\s+)?(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*$")


def _point(text: str, whole: str) -> tuple[int | None, int]:
    m = _POINT.match(text)
    if not m:
        raise PlanError(f'bad window {whole!r}: expected like "Fri 18:00..Mon 06:00" or "22:00..05:00"')
    day_text, hh, mm, ss = m.group(1), int(m.group(2)), int(m.group(3) or 0), int(m.group(4) or 0)
    if hh > 24 or mm > 59 or ss > 59 or (hh == 24 and (mm or ss)):
        raise PlanError(f"bad time {text.strip()!r} in window {whole!r}")
    day = None
    if day_text is not None:
        d = day_text.lower()
        matches = [i for i, name in enumerate(DAY_NAMES) if len(d) >= 2 and name.startswith(d)]
        if len(matches) != 1:
            raise PlanError(f"bad day {day_text!r} in window {whole!r} (Mon, Tue, ... Sun)")
        day = matches[0]
    return day, hh * 3600 + mm * 60 + ss


def parse_window(text: str) -> Window:
    """`Fri 18:00..Mon 06:00` (wraps over the week) or a daily `22:00..05:00` (wraps over
    midnight); times are H[:MM[:SS]].  An end equal to the start means a whole week (or day)."""
    if ".." not in text:
        raise PlanError(f'bad window {text!r}: expected START..END like "Fri 18:00..Mon 06:00"')
    a, b = text.split("..", 1)
    (da, sa), (db, sb) = _point(a, text), _point(b, text)
    if (da is None) != (db is None):
        raise PlanError(f"bad window {text!r}: give a day on both ends or on neither")
    if da is None:
        period, start, end = DAY, sa, sb
    else:
        assert db is not None  # a day on both ends or on neither
        period, start, end = WEEK, da * DAY + sa, db * DAY + sb
    return Window(text.strip(), start, end, (end - start) % period or period)
