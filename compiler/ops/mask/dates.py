"""Dates in their own format: a value read with a strptime format, a shifted date written back the same way."""

from __future__ import annotations

import re
from datetime import date


class DateFormat:
    def __init__(self, fmt: str):
        from compiler.functions.dates.formats import parse_format

        pf = parse_format(fmt)
        self.fmt = fmt
        self.regex = re.compile(pf.pattern)
        self.groups = pf.groups  # field -> (directive, group number)

    def parse(self, text: str) -> tuple[date, re.Match[str]] | None:
        """(date, match) or None."""
        m = self.regex.fullmatch(text)
        if not m:
            return None
        try:
            y = self._year(m)
            mo = self._month(m)
            d = int(m.group(self.groups["day"][1])) if "day" in self.groups else 1
            return date(y, mo, d), m
        except (ValueError, KeyError):
            return None

    def _year(self, m: re.Match[str]) -> int:
        if "year" not in self.groups:
            return 2000
        letter, g = self.groups["year"]
        y = int(m.group(g))
        if letter == "y":
            from compiler.functions.dates.formats import PIVOT_YEAR

            y += 2000 if y < PIVOT_YEAR else 1900
        return y

    def _month(self, m: re.Match[str]) -> int:
        if "month" not in self.groups:
            return 1
        from compiler.functions.dates.formats import MONTH_ABBR, MONTH_NAMES

        letter, g = self.groups["month"]
        t = m.group(g)
        if letter == "b":
            return MONTH_ABBR.index(t.upper()) + 1
        if letter == "B":
            return MONTH_NAMES.index(t.upper()) + 1
        return int(t)

    def write(self, m: re.Match[str], d: date) -> str | None:
        """`d` in place of the matched date fields, each as wide and cased as before."""
        from compiler.functions.dates.formats import MONTH_ABBR, MONTH_NAMES, PIVOT_YEAR

        text = m.string
        repl: list[tuple[int, int, str]] = []
        for fld, (letter, g) in self.groups.items():
            old = m.group(g)
            if fld == "year":
                if letter == "y":
                    yy = d.year % 100
                    if (2000 + yy if yy < PIVOT_YEAR else 1900 + yy) != d.year:
                        return None
                    new = f"{yy:02d}"
                else:
                    if not 1 <= d.year <= 9999:
                        return None
                    new = f"{d.year:04d}"
            elif fld == "month":
                if letter in "bB":
                    new = (MONTH_ABBR if letter == "b" else MONTH_NAMES)[d.month - 1]
                    new = new if old.isupper() else new.lower() if old.islower() else new.title()
                else:
                    new = f"{d.month:02d}" if len(old) == 2 else str(d.month)
            elif fld == "day":
                new = f"{d.day:02d}" if len(old) == 2 else str(d.day)
            else:
                continue
            repl.append((m.start(g), m.end(g), new))
        for s, e, new in sorted(repl, reverse=True):
            text = text[:s] + new + text[e:]
        return text
