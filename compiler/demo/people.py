"""Patients: the people vocabulary and the rows of PATIENTS.csv (dirty names, dates, phones; duplicates)."""

from __future__ import annotations

import random
from datetime import date

from compiler.demo.rules import ZERO_DATE
from compiler.demo.streams import _mdy, _sub_rng, _weighted

# ---------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------

_LAST_NAMES = (
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore "
    "Martin Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King "
    "Wright Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips "
    "Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Cooper "
    "Peterson Reed Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett "
    "Gray James Hughes Price Sanders Myers Long Ross Foster Sullivan Russell Fitzgerald "
    "McCarthy Kowalski Nguyen Tran Patel Shah Cohen Goldberg Rossi Ferreira Silva Santos "
    "Costa Oliveira Lopez Gonzalez Rodriguez Martinez Hernandez Perez Rivera Ramirez Flores "
    "Torres Diaz Kim Lee Park Chen Wang Li Zhang Liu Yamamoto Tanaka Murray Doyle Walsh "
    "Byrne Ryan Gallagher Doherty Kennedy Lynch Quinn Brennan Donovan Sweeney Burke "
    "St.Pierre Van-Dyke MacDonald DeLuca"
).split()
_LAST_SPECIAL = ("Müller", "García", "O'Brien", "O\u2019Brien", "Nuñez", "Gómez", "Peña", "Schröder", "Doré", "Bjørn")
_FIRST_NAMES = (
    "James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Nancy Daniel Lisa "
    "Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily "
    "Andrew Donna Joshua Michelle Kenneth Dorothy Kevin Carol Brian Amanda George Melissa "
    "Edward Deborah Ronald Stephanie Timothy Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia "
    "Jacob Kathleen Gary Amy Nicholas Shirley Eric Angela Jonathan Helen Stephen Anna Larry "
    "Brenda Justin Pamela Scott Nicole Brandon Emma Benjamin Samantha Samuel Katherine "
    "Gregory Christine Frank Debra Alexander Rachel Raymond Catherine Patrick Carolyn Jack "
    "Janet Dennis Ruth Jerry Maria Tyler Heather Aaron Diane Jose Virginia Wei Mei Hiroshi "
    "Priya Raj Sean Siobhan Liam Aoife Mary-Kate"
).split()
_FIRST_SPECIAL = ("Zoë", "Ann-Marie", "José", "Renée", "Chloë", "Inés", "François", "Björn")
_MIDDLE = "ABCDEFGHJKLMNPRSTW"

# (city, state key, zip, area codes)
_PLACES = (
    ("Boston", "MA", "02134", ("617", "857")),
    ("Cambridge", "MA", "02139", ("617",)),
    ("Worcester", "MA", "01608", ("508", "774")),
    ("Springfield", "MA", "01103", ("413",)),
    ("Quincy", "MA", "02169", ("617",)),
    ("Lowell", "MA", "01852", ("978",)),
    ("Brockton", "MA", "02301", ("508",)),
    ("Newton", "MA", "02458", ("617",)),
    ("Nashua", "NH", "03060", ("603",)),
    ("Manchester", "NH", "03101", ("603",)),
    ("Newark", "NJ", "07102", ("973",)),
    ("Princeton", "NJ", "08540", ("609",)),
    ("Hoboken", "NJ", "07030", ("201",)),
    ("Providence", "RI", "02903", ("401",)),
    ("Hartford", "CT", "06103", ("860",)),
    ("New York", "NY", "10001", ("212", "646")),
)
_STATE_SPELLINGS = {
    "MA": (("MA", 70), ("ma", 8), ("Mass.", 8), ("Massachusetts", 10), ("Ma", 4)),
    "NH": (("NH", 80), ("N.H.", 8), ("New Hampshire", 8), ("nh", 4)),
    "NJ": (("NJ", 70), ("N.J.", 10), ("New Jersey", 12), ("nj", 8)),
    "RI": (("RI", 85), ("R.I.", 5), ("Rhode Island", 10)),
    "CT": (("CT", 80), ("Conn.", 10), ("Connecticut", 10)),
    "NY": (("NY", 85), ("N.Y.", 5), ("New York", 10)),
}
# (index into _PLACES, state spelling) forced on the first rows
_FORCED_PLACES = (
    (0, "MA"),
    (1, "ma"),
    (2, "Mass."),
    (3, "Massachusetts"),
    (10, "N.J."),
    (11, "New Jersey"),
    (8, "NH"),
    (12, "nj"),
    (4, "Ma"),
    (9, "N.H."),
    (9, "New Hampshire"),
    (13, "RI"),
    (14, "Conn."),
    (15, "NY"),
    (5, "MA"),
    (6, "MA"),
)
_STREETS = (
    "Main St",
    "Beacon St",
    "Elm St",
    "Washington St",
    "Centre St",
    "Highland Ave",
    "Maple Ave",
    "Park Rd",
    "School St",
    "Pleasant St",
    "Chestnut Hill Ave",
    "Commonwealth Ave",
    "Water St",
    "Summer St",
    "Prospect St",
)
_UNITS = ("", "", "", "", " Apt 2", " Apt 3B", ", Unit 4", " #12", ", Apt 1")
_MONTHS = ("", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_IMPOSSIBLE_DOBS = ("02/30/1971", "13/45/1980", "04/31/1988", "1975-02-29", "31-FEB-82", "00/15/1990")

_SEX = (("M", 40), ("F", 42), ("male", 4), ("Female", 4), ("f", 4), ("U", 3), ("", 3))
_PHONE_SHAPES = ("({a}) {x}-{l}", "{a}.{x}.{l}", "{a}{x}{l}", "+1 {a} {x} {l}", "{a}-{x}-{l} x{e}", "{a}-{x}-{l}", "")
_PHONE_WEIGHTS = (30, 12, 15, 8, 5, 22, 8)

_DOB_FIRST = date(1932, 1, 1).toordinal()
_DOB_LAST = date(2016, 12, 31).toordinal()


def _format_dob(d: date, shape: int) -> str:
    if shape == 1:
        return f"{d.year}-{d.month:02d}-{d.day:02d}"
    if shape == 2:
        return f"{d.day:02d}-{_MONTHS[d.month]}-{d.year % 100:02d}"
    return _mdy(d)


def _ascii(name: str) -> str:
    table = str.maketrans("üÜíÍóéÉëñçøöäå’'", "uUiIoeEencooaa  ")
    return "".join(name.translate(table).split()).replace("-", "").replace(".", "")


def _odd_case(rng: random.Random, name: str) -> str:
    """Upper/lower-case an ASCII name now and then (non-ASCII names keep their spelling,
    so upper() agrees on every engine, whatever its locale)."""
    if not name.isascii():
        return name
    x = rng.random()
    if x < 0.03:
        return name.upper()
    if x < 0.04:
        return name.lower()
    return name


def _variant(rng: random.Random, name: str) -> str:
    """The same name as a duplicate record spells it: other case (ASCII only) or spacing."""
    choices = [name + " ", " " + name, name + "  "]
    if name.isascii():
        choices += [name.upper(), name.lower(), name.lower() + " ", name.upper() + " "]
    v = rng.choice(choices)
    return v if v != name else name + " "


class _Patients:
    """The patients table of `_Gen`: reads `seed` and `n`; sets `pat_width` and `max_pat`."""

    seed: int
    n: int
    pat_width: int
    max_pat: int

    def patients(self) -> list[list[str]]:
        """All PATIENTS.csv data rows (2 malformed), in pat_no order."""
        rng = _sub_rng(self.seed, "patients")
        rnd = rng.random
        n = self.n
        sex = _weighted(rng, _SEX)
        states = {k: _weighted(rng, v) for k, v in _STATE_SPELLINGS.items()}
        # pat_no: zero-padded so that string order = numeric order
        expected_rows = n + n // 100 + 20
        width = max(6, len(str(expected_rows)))
        # the two malformed lines sit mid-file (after persons n/2 and 2n/3)
        malformed_after: dict[int, list[str]] = {}
        malformed_after.setdefault(n // 2, []).append("extra")
        malformed_after.setdefault(max(n // 2, (2 * n) // 3 - 1), []).append("missing")
        rows: list[list[str]] = []
        eligible: list[tuple[str, str, date, str]] = []  # (last, first, dob, dob text)
        seq = 0

        def next_pat_no() -> str:
            nonlocal seq
            seq += 1
            return str(seq).zfill(width)

        def person(i: int) -> tuple[list[str], date | None, bool]:
            # names
            if 10 <= i < 10 + len(_LAST_SPECIAL):
                last = _LAST_SPECIAL[i - 10]
            elif i == 25:
                last = "SMITH"
            elif i == 26:
                last = "smith"
            elif rnd() < 0.06:
                last = rng.choice(_LAST_SPECIAL)
            else:
                last = _odd_case(rng, rng.choice(_LAST_NAMES))
            if 12 <= i < 12 + len(_FIRST_SPECIAL):
                first = _FIRST_SPECIAL[i - 12]
            elif rnd() < 0.05:
                first = rng.choice(_FIRST_SPECIAL)
            else:
                first = _odd_case(rng, rng.choice(_FIRST_NAMES))
            middle = rng.choice(_MIDDLE) if rnd() < 0.6 else ""
            # birth date
            born: date | None  # None: no usable date of birth
            shape: int | str  # str: a forced unusable shape
            born = date.fromordinal(rng.randint(_DOB_FIRST, _DOB_LAST))
            x = rnd()
            if i < 3 or i >= 30:
                if i < 3:
                    x = 0.5
                if x < 0.015:
                    dob_text, born = "", None
                elif x < 0.025:
                    dob_text, born = ZERO_DATE, None
                elif x < 0.028:
                    dob_text, born = rng.choice(_IMPOSSIBLE_DOBS), None
                else:
                    y = rnd()
                    shape = 0 if y < 0.8 else 1 if y < 0.92 else 2
                    if shape == 2 and not 1969 <= born.year <= 1999:
                        shape = 0
                    dob_text = _format_dob(born, shape)
            else:
                # forced early rows: every dob shape at least once
                shape_of: dict[int, int | str] = {
                    3: 2,
                    4: "blank",
                    5: 1,
                    6: "zero",
                    7: "bad0",
                    9: "bad1",
                    20: "bad2",
                    21: "bad3",
                    22: "bad4",
                }
                shape = shape_of.get(i, 0)
                if shape == 2:
                    born = born.replace(year=1975) if not (born.month == 2 and born.day == 29) else date(1975, 3, 14)
                if shape == "blank":
                    dob_text, born = "", None
                elif shape == "zero":
                    dob_text, born = ZERO_DATE, None
                elif isinstance(shape, str):
                    dob_text, born = _IMPOSSIBLE_DOBS[int(shape[3])], None
                else:
                    dob_text = _format_dob(born, shape)
            # status and blank last names
            if i < 30:
                status = "D" if i == 8 else "I" if i == 2 else "A"
                if i == 23:
                    last = ""
            else:
                s = rnd()
                status = "A" if s < 0.80 else "I" if s < 0.99 else "D"
                if rnd() < 0.002:
                    last = ""
            # demographics
            if i < len(_FORCED_PLACES):
                place, state = _FORCED_PLACES[i]
                city, st, zip5, areas = _PLACES[place]
            else:
                city, st, zip5, areas = rng.choice(_PLACES)
                state = states[st]()
            z = rnd() if i >= 16 else (0.05 if i % 3 == 0 else 0.15 if i % 3 == 1 else 0.5)
            if z < 0.08:
                zip_text = f"{zip5}-{rng.randint(1000, 9999)}"
            elif z < 0.25 and zip5[0] == "0":
                zip_text = zip5[1:]
            else:
                zip_text = zip5
            if i < len(_PHONE_SHAPES):
                pshape = _PHONE_SHAPES[i]
            else:
                pshape = rng.choices(_PHONE_SHAPES, _PHONE_WEIGHTS)[0]
            phone = pshape.format(a=rng.choice(areas), x="555", l=f"01{rng.randint(0, 99):02d}", e=rng.randint(1, 99))
            k = i % 4 if i < 4 else None
            s = rnd()
            if k == 0 or (k is None and s < 0.55):
                ssn = f"{rng.randint(1, 665):03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
            elif k == 1 or (k is None and s < 0.75):
                ssn = f"{rng.randint(1, 665):03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"
            elif k == 2 or (k is None and s < 0.95):
                ssn = ""
            else:
                ssn = "999999999"
            sx = _SEX[i][0] if i < len(_SEX) else sex()
            addr = f"{rng.randint(1, 999)} {rng.choice(_STREETS)}{rng.choice(_UNITS)}"
            email = "" if rnd() < 0.35 else f"{_ascii(first).lower()}.{_ascii(last).lower()}{rng.randint(1, 99)}@example.com"
            row = ["", last, first, middle, dob_text, sx, ssn, addr, city, state, zip_text, phone, email, status]
            ok = status in ("A", "I") and last.strip() != "" and born is not None
            return row, born, ok

        def duplicate(last: str, first: str, born: date, dob_text: str, other_format: bool) -> list[str]:
            y = rnd()
            shape = 0 if y < 0.5 else 1 if y < 0.8 else 2
            if shape == 2 and not 1969 <= born.year <= 1999:
                shape = 1
            if other_format and _format_dob(born, shape) == dob_text:
                shape = 1 if shape == 0 else 0
            city, st, zip5, areas = rng.choice(_PLACES)
            phone = rng.choice(_PHONE_SHAPES[:-1]).format(
                a=rng.choice(areas), x="555", l=f"01{rng.randint(0, 99):02d}", e=rng.randint(1, 99)
            )
            return [
                "",
                _variant(rng, last),
                _variant(rng, first),
                "",
                _format_dob(born, shape),
                rng.choice(("M", "F", "")),
                "",
                f"{rng.randint(1, 999)} {rng.choice(_STREETS)}",
                city,
                st,
                zip5,
                phone,
                "",
                "A" if rnd() < 0.9 else "I",
            ]

        def malformed(kind: str) -> list[str]:
            row, _, _ = person(10_000_000)  # an ordinary person of its own
            if kind == "extra":  # an unquoted comma in the address: one field too many
                number, _, street = row[7].partition(" ")
                return row[:7] + [number + " " + street.split(",")[0], "Apt 5"] + row[8:]
            return row[:10] + row[11:]  # the zip column dropped

        for i in range(n):
            row, born, ok = person(i)
            row[0] = next_pat_no()
            rows.append(row)
            if ok:
                assert born is not None  # ok: it has a date of birth
                eligible.append((row[1], row[2], born, row[4]))
            # duplicates: forced after persons 20 and 60, then ~0.5 %
            forced_dup = {20: 0, 60: 1}.get(i)
            if forced_dup is not None and forced_dup < len(eligible):
                src = eligible[forced_dup]
            elif i >= 30 and rnd() < 0.005 and eligible:
                src = eligible[rng.randrange(len(eligible))]
            else:
                src = None
            if src is not None:
                dup = duplicate(*src, other_format=forced_dup == 0)
                dup[0] = next_pat_no()
                rows.append(dup)
            for kind in malformed_after.get(i, ()):
                bad = malformed(kind)
                bad[0] = next_pat_no()
                rows.append(bad)
        if seq >= 10**width:
            raise AssertionError("pat_no width too small")
        self.pat_width = width
        self.max_pat = seq
        return rows
