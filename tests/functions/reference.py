"""Python references for the date arithmetic and hash functions (docs/FUNCTIONS.md).

The conformance rows use them for their expected values where a value is not obvious
(hashes), and the property tests compare every engine with them on random input.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from decimal import Decimal

FIRST = dt.date(1, 1, 1)
LAST = dt.date(9999, 12, 31)


def add_days(d: dt.date | None, n: int | None) -> dt.date | None:
    if d is None or n is None:
        return None
    ordinal = d.toordinal() + n
    return dt.date.fromordinal(ordinal) if FIRST.toordinal() <= ordinal <= LAST.toordinal() else None


def add_months(d: dt.date | None, n: int | None) -> dt.date | None:
    if d is None or n is None:
        return None
    index = d.year * 12 + d.month - 1 + n
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        return None
    return dt.date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def add_years(d: dt.date | None, n: int | None) -> dt.date | None:
    return None if n is None else add_months(d, 12 * n)


def days_between(a: dt.date | None, b: dt.date | None) -> int | None:
    return None if a is None or b is None else b.toordinal() - a.toordinal()


def _whole(a: dt.date, b: dt.date, months: bool) -> int:
    """Whole months (years) from a to b, for a <= b: completed once the day (month and
    day) of b reaches that of a."""
    if months:
        return (b.year - a.year) * 12 + b.month - a.month - (b.day < a.day)
    return b.year - a.year - ((b.month, b.day) < (a.month, a.day))


def months_between(a: dt.date | None, b: dt.date | None) -> int | None:
    if a is None or b is None:
        return None
    return _whole(a, b, True) if a <= b else -_whole(b, a, True)


def years_between(a: dt.date | None, b: dt.date | None) -> int | None:
    if a is None or b is None:
        return None
    return _whole(a, b, False) if a <= b else -_whole(b, a, False)


age_at = years_between


# ---- hash ----------------------------------------------------------------------------


def canonical_text(value: object) -> str | None:
    """The canonical text of one hash() argument (None for NULL)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    assert isinstance(value, str), value
    return value


def hash_encoding(*values: object) -> str:
    """The text hash() digests: `-` for NULL, else `<characters>:<text>`, concatenated."""
    pieces = []
    for v in values:
        text = canonical_text(v)
        pieces.append("-" if text is None else f"{len(text)}:{text}")
    return "".join(pieces)


def md5(text: str | None) -> str | None:
    return None if text is None else hashlib.md5(text.encode("utf-8")).hexdigest()


def hash_(*values: object) -> str:
    return hashlib.md5(hash_encoding(*values).encode("utf-8")).hexdigest()
