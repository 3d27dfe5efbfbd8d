"""Pseudonymise the `phi` columns of a sample (`chartshift sample --mask`).

Every value is rewritten by a keyed function of the value (HMAC-SHA256 under a secret
256-bit key): the same key and input give the same output in every table and every
run; without the key the mapping cannot be reversed or recomputed.  The key comes from
`--key-file FILE` (mode 0600 or stricter; `chartshift keygen --out FILE` writes one) or
CHARTSHIFT_MASK_KEY (64 hex digits).

Rules, per column (first match wins; the name is matched lower-cased):

| rule  | when                                                   | becomes |
|-------|--------------------------------------------------------|---------|
| key   | the column is a key or a reference linked (through `references` or map joins) to any `phi` column | same-shape substitute: a keyed permutation of the values of that shape (digits to digits, letters to letters, case and punctuation kept), so keys stay unique and references still join |
| ssn   | name contains `ssn`                                    | a never-issued SSN (area 900-999), same punctuation |
| email | name contains `email` or `mail`                        | local part same-shape, domain `example.org` |
| phone | name contains `phone`, `fax`, `mobile`, or the word `cell`/`tel` | area code keyed (2xx-9xx), exchange 555, line 01xx; extension digits keyed; punctuation kept |
| zip   | name contains `zip`, `postal` or `postcode`            | first three ZIP digits kept, the rest zeros (`02134-1234` -> `02100-0000`; `2134`, a ZIP that lost its leading zero, -> `2100`) |
| date  | name contains `date`, `dob`, `birth`, or the word `dos`/`dt` | shifted by the row's patient offset (1-365 days either way), written in the value's own format; a value no format reads is scrambled (digits and letters replaced) until no format reads it, so it is rejected as before |
| name  | name contains `name`                                   | a fake name per word from built-in lists (first names when the column name has `first`, `given` or `middle`), keeping upper/lower/title case and surrounding spaces |
| text  | name contains `note`, `text`, `comment`, `memo`, `narrative`, `remark`, or the word `body` | `[redacted N chars]` |
| shape | any other `phi` column (addresses, cities, member ids, ICD codes, ...) | same-shape substitute (as `key`) |

Kept as they are: blank values, and values equal to a text literal without letters in the
spec's maps, lookups or checks (`"00/00/0000"`, `"0000"`: sentinels the rules test for).
See docs/SAMPLING.md for the reasoning and what the tests check.

Date offsets are per patient: HMAC of the root row's identity.  The identity is the root
key, except when the root's map deduplicates (`dedup on (...)`): then it is the dedup
key's non-date source columns, trimmed and upper-cased (for the demo: last and first
name), so that two rows the migration merges keep equal birth dates after the shift.
Rows of other tables take the offset of the root row their references lead to.

Date formats are those of every `parse_date`/`parse_timestamp` of the spec plus common
ones (see DEFAULT_FORMATS).
"""

from __future__ import annotations

import hmac
import os
import re
from datetime import date, timedelta

from pydantic import BaseModel

from compiler import ir
from compiler.semantic.catalog import Catalog, dotted
from compiler.ops.secure.keys import load_key

MASK_KEY_ENV = "CHARTSHIFT_MASK_KEY"
DEFAULT_FORMATS = ("%m/%d/%Y", "%Y-%m-%d", "%d-%b-%y", "%d-%b-%Y", "%m/%d/%y", "%m-%d-%Y", "%Y/%m/%d", "%Y%m%d")
MAX_SHIFT_DAYS = 365
CHUNK = 32  # positions permuted together (keeps the Feistel halves under 128 bits)

FIRST_NAMES = tuple("""
Abelard Adeline Aldous Alvina Ambrin Ansel Arlo Astra Aurelio Beatrix Bexley Birgit Blaise
Bronwen Caspian Cedrica Celestin Corvina Cosmo Dagny Dashiell Delphine Dorian Elowen Emrys
Esmond Evander Fenna Ferris Florian Gideon Greer Gwenda Halvard Hesper Idris Imogen Isolde
Jasper Juniper Kestrel Kielo Lazlo Leocadia Linnea Lorcan Lucan Magnus Marisol Mireille
Nerys Niamh Nils Octavia Odile Orrin Osric Ottilie Percival Philippa Quentin Quilla
Rafferty Rozalind Rowan Saoirse Severin Sigrid Solveig Tamsin Thaddeus Theodora Tobiah
Ulric Una Valerian Verity Wilhelmina Wystan Xanthe Yardley Ysolde Zephyr Zinnia Alaric
Bettina Cyprian Dulcie Eamon Fenwick Guinevere Hollis Ingram Jocasta Kaspar Lisette Merrick
Noemi Orla Perpetua Radley Seraphina Tobin Ulla Vesna Wendeline Yolanda Zebulon
""".split())
LAST_NAMES = tuple("""
Abernathy Ackroyd Aldersey Ashgrove Balfour Barrowcliffe Blackmere Bramhall Brightwater
Bucklebury Carrow Castellane Chadwick Cheverell Clutterbuck Cobbledick Cranleigh Crowther
Dalrymple Dunsmore Eddington Elmsworth Fairweather Farnaby Featherstone Fenmarch
Fotheringay Gastrell Glenister Goodbody Grenhalgh Hackleton Halloway Hargreave Hawksworth
Heathcote Hollingsworth Honeyball Ibbotson Inchbald Jardine Jellicoe Kettleborough
Kynsmill Knatchbull Lambkin Larkspur Lavington Lethbridge Loxley Mabberley Marchbanks
Merriweather Micklethwaite Mortimer Mountjoy Nettleton Northcote Oakenshaw Ormerod
Pemberton Pennywhistle Pettigrew Quatermain Quennell Rackham Ravensworth Rowbotham Ruddock
Saltonstall Scattergood Shufflebotham Silverthorne Snodgrass Standish Stallybrass
Tattersall Thistlemere Threlkeld Tiverton Trelawney Tunnicliffe Underfell Upcott Vavasour
Venables Wainford Wetherby Whitmore Wickersham Winterbottom Wedhouse Wraxall Yarborough
Yelverton Zouche Ashdown Belweather Cattermole Dimbleby Entwistle Fitzwarren Gillespie
Hebblethwaite Ironside Juniperdale Kilbride Lockhart Muggeridge Nightingale Oddbody
Pinchbeck Quimby Rattray Sowerby Thorneycroft Ufford Verrall Warburton Yeoman Zeal
""".split())

RULES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    # rule, name contains any of, or has any of these words (split on _ and digits)
    ("ssn", ("ssn",), ()),
    ("email", ("email", "mail"), ()),
    ("phone", ("phone", "fax", "mobile"), ("cell", "tel")),
    ("zip", ("zip", "postal", "postcode"), ()),
    ("date", ("date", "dob", "birth"), ("dos", "dt")),
    ("name", ("name",), ()),
    ("text", ("note", "text", "comment", "memo", "narrative", "remark"), ("body",)),
)


def load_mask_key(key_file: str | None, environ: dict | None = None):
    """`--key-file` (refused when group/others can read it), else CHARTSHIFT_MASK_KEY."""
    return load_key(key_file, environ, MASK_KEY_ENV, f"--mask needs a key: pass --key-file FILE or set {MASK_KEY_ENV}")


def rule_for_name(column: str) -> str:
    name = column.lower()
    words = set(w for w in re.split(r"[_\W\d]+", name) if w)
    for rule, parts, whole in RULES:
        if any(p in name for p in parts) or words & set(whole):
            return rule
    return "shape"


def _walk(node):
    """Every IR node under `node`, itself included."""
    if isinstance(node, BaseModel):
        yield node
        for name in type(node).model_fields:
            yield from _walk(getattr(node, name))
    elif isinstance(node, (list, tuple)):
        for x in node:
            yield from _walk(x)


def _rules_of(spec: ir.Spec) -> list:
    """What decides a migration's outcome: maps, lookups, checks (not test blocks' data)."""
    return [spec.maps, spec.lookups, spec.checks]


def spec_sentinels(spec: ir.Spec) -> set[str]:
    """Text literals of the spec's maps, lookups and checks without letters (`00/00/0000`,
    `0000`): sentinels a rule tests for, kept unmasked."""
    out = set()
    for n in _walk(_rules_of(spec)):
        if isinstance(n, ir.Literal) and n.type == "text" and isinstance(n.value, str):
            v = n.value
            if len(v) >= 2 and not any(ch.isalpha() for ch in v):
                out.add(v)
    return out


def spec_date_formats(spec: ir.Spec) -> list[str]:
    out: list[str] = []
    for n in _walk(_rules_of(spec)):
        if isinstance(n, ir.Call) and n.func in (["parse_date"], ["parse_timestamp"]):
            for a in n.args[1:]:
                if isinstance(a, ir.Literal) and isinstance(a.value, str) and a.value not in out:
                    out.append(a.value)
    for f in DEFAULT_FORMATS:
        if f not in out:
            out.append(f)
    return out


# ------------------------------------------------------------------ dates in their own format


class _DateFormat:
    def __init__(self, fmt: str):
        from compiler.functions.dates.formats import parse_format

        pf = parse_format(fmt)
        self.fmt = fmt
        self.regex = re.compile(pf.pattern)
        self.groups = pf.groups  # field -> (directive, group number)

    def parse(self, text: str):
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

    def _year(self, m) -> int:
        if "year" not in self.groups:
            return 2000
        letter, g = self.groups["year"]
        y = int(m.group(g))
        if letter == "y":
            from compiler.functions.dates.formats import PIVOT_YEAR

            y += 2000 if y < PIVOT_YEAR else 1900
        return y

    def _month(self, m) -> int:
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

    def write(self, m, d: date) -> str | None:
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


# ------------------------------------------------------------------ the masker


class Masker:
    """Masks the `phi` columns of rows of a spec's source tables."""

    def __init__(self, catalog: Catalog, key: bytes, root: str | None = None, key_id: str | None = None):
        from compiler.ops.sample import reference_edges

        self.cat = catalog
        self._key = bytes(key)
        self.key_id = key_id
        self.root = root
        self.sentinels = spec_sentinels(catalog.spec)
        self.formats = [_DateFormat(f) for f in spec_date_formats(catalog.spec)]
        self.rules = self._rules(reference_edges(catalog))
        self.identity_columns = self._identity_columns(root) if root else []
        self._cache: dict[tuple[str, str], str] = {}
        self._offsets: dict[str, int] = {}

    # -- rules ---------------------------------------------------------------------

    def _rules(self, edges) -> dict[str, dict[str, str]]:
        """column -> rule per table: `key` for every column of a reference component that
        holds a `phi` column, else the name rule for `phi` columns; others unmasked."""
        parent: dict[tuple[str, str], tuple[str, str]] = {}

        def find(x):
            while parent.get(x, x) != x:
                x = parent[x]
            return x

        linked = set()
        for e in edges:
            a, b = (e.child, e.child_col), (e.parent, e.parent_col)
            linked |= {a, b}
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[ra] = rb
        phi = {(t, c.name) for t, tbl in self.cat.source_tables.items() for c in tbl.columns if c.phi}
        masked = {find(n) for n in phi if n in linked}
        out: dict[str, dict[str, str]] = {}
        for t, tbl in self.cat.source_tables.items():
            rules = {}
            for c in tbl.columns:
                node = (t, c.name)
                if node in linked and find(node) in masked:
                    rules[c.name] = "key"
                elif c.phi:
                    rules[c.name] = rule_for_name(c.name)
            out[t] = rules
        return out

    def _identity_columns(self, root: str) -> list[str]:
        """Non-date source columns of the root map's dedup key ([] when it has none).  A
        one-part name there is a field of the map when the map computes one of that name
        (as in the checker's rule context): its expression's columns count."""
        tbl = self.cat.source_tables.get(root)
        if tbl is None:
            return []
        cols = {c.name for c in tbl.columns}
        for m in self.cat.spec.maps:
            if dotted(m.source) != root or m.dedup is None:
                continue
            assigns = {a.field: a.expr for a in m.assigns}
            alias = m.source.parts[-1]
            found: list[str] = []

            def collect(expr, fields: bool) -> None:
                for n in _walk(expr):
                    if not isinstance(n, ir.Name):
                        continue
                    p = n.parts
                    if fields and len(p) == 1 and p[0] in assigns:
                        collect(assigns[p[0]], False)
                        continue
                    if len(p) == 1 or (len(p) == 2 and p[0] == alias) or (len(p) == 3 and f"{p[0]}.{p[1]}" == root):
                        if p[-1] in cols and p[-1] not in found:
                            found.append(p[-1])

            for k in m.dedup.keys:
                collect(k, True)
            rules = self.rules.get(root, {})
            return [c for c in found if rules.get(c) != "date"]
        return []

    # -- keyed primitives ----------------------------------------------------------------

    def _prf(self, *parts: bytes) -> bytes:
        msg = b"".join(len(p).to_bytes(4, "big") + p for p in parts)
        return hmac.digest(self._key, msg, "sha256")

    def _int(self, label: str, value: str) -> int:
        return int.from_bytes(self._prf(label.encode(), value.encode("utf-8", "surrogateescape")), "big")

    def _permute(self, x: int, n: int, tweak: bytes) -> int:
        """A keyed permutation of range(n): a Feistel network on the next even power of two,
        cycle-walked back into range."""
        if n <= 1:
            return x
        bits = (n - 1).bit_length()
        bits += bits % 2
        half = bits // 2
        mask = (1 << half) - 1
        nb = (half + 7) // 8
        while True:
            left, right = x >> half, x & mask
            for r in range(8):
                f = int.from_bytes(self._prf(b"feistel", tweak, bytes([r]), right.to_bytes(nb, "big"))[:nb], "big") & mask
                left, right = right, left ^ f
            x = (left << half) | right
            if x < n:
                return x

    # -- identities and offsets ---------------------------------------------------------

    def root_identity(self, row: dict[str, str], key_column: str | None) -> str:
        if self.identity_columns:
            return "person:" + "\x1f".join(row.get(c, "").strip().upper() for c in self.identity_columns)
        return "key:" + (row.get(key_column, "").strip() if key_column else "")

    @staticmethod
    def orphan_identity(value: str) -> str:
        return "key:" + value

    def offset(self, identity: str) -> int:
        o = self._offsets.get(identity)
        if o is None:
            x = self._int("date-offset", identity)
            o = 1 + x % MAX_SHIFT_DAYS
            if (x >> 40) & 1:
                o = -o
            self._offsets[identity] = o
        return o

    # -- rows -------------------------------------------------------------------------

    def mask_row(self, table: str, row: dict[str, str], identity: str) -> dict[str, str]:
        """New values for the masked columns of `row` (a dict column -> text)."""
        out = {}
        for col, rule in self.rules.get(table, {}).items():
            if col in row:
                out[col] = self.mask_value(rule, row[col], identity, col)
        return out

    def mask_value(self, rule: str, value: str, identity: str = "", column: str = "") -> str:
        if not value.strip() or value.strip() in self.sentinels:
            return value
        if rule == "date":
            return self.date(value, identity)
        if rule == "text":
            return f"[redacted {len(value)} chars]"
        k = (rule + ("first" if rule == "name" and _first_column(column) else ""), value)
        hit = self._cache.get(k)
        if hit is None:
            hit = {
                "key": self.shape, "shape": self.shape, "ssn": self.ssn, "phone": self.phone,
                "zip": self.zip, "email": self.email,
                "name": lambda v: self.name(v, first=_first_column(column)),
            }[rule](value)
            self._cache[k] = hit
        return hit

    # -- the rules ------------------------------------------------------------------------

    def shape(self, value: str) -> str:
        """Same length, digits to digits, letters to letters (case kept, non-ASCII letters
        become ASCII), everything else kept; a keyed permutation within each shape, so
        distinct ASCII values stay distinct.  Surrounding whitespace stays outside, so
        `" 000123"` still trims to the substitute of `"000123"`."""
        core = value.strip()
        if core != value:
            lead = value[: len(value) - len(value.lstrip())]
            return lead + self.shape(core) + value[len(lead) + len(core):]
        kinds, vals = [], []
        for ch in value:
            if "0" <= ch <= "9":
                kinds.append("d")
                vals.append(ord(ch) - 48)
            elif "A" <= ch <= "Z":
                kinds.append("U")
                vals.append(ord(ch) - 65)
            elif "a" <= ch <= "z":
                kinds.append("l")
                vals.append(ord(ch) - 97)
            elif ch.isalpha():
                kinds.append("l" if ch.islower() else "U")
                vals.append(ord(ch) % 26)
            else:
                kinds.append(ch)
                vals.append(None)
        pattern = "".join("d" if k == "d" else "a" if k in "Ul" else "." for k in kinds).encode()
        positions = [i for i, k in enumerate(kinds) if k in ("d", "U", "l")]
        out = list(value)
        for ci in range(0, len(positions), CHUNK):
            chunk = positions[ci:ci + CHUNK]
            radices = [10 if kinds[i] == "d" else 26 for i in chunk]
            n, x = 1, 0
            for i, r in zip(chunk, radices):
                x = x * r + vals[i]
                n *= r
            y = self._permute(x, n, pattern + b"#" + str(ci).encode())
            for i, r in reversed(list(zip(chunk, radices))):
                y, v = divmod(y, r)
                k = kinds[i]
                out[i] = chr(48 + v) if k == "d" else chr(65 + v) if k == "U" else chr(97 + v)
        return "".join(out)

    def _digits_into(self, value: str, digits: str) -> str:
        out, it = [], iter(digits)
        for ch in value:
            out.append(next(it) if "0" <= ch <= "9" else ch)
        return "".join(out)

    def ssn(self, value: str) -> str:
        digits = "".join(ch for ch in value if "0" <= ch <= "9")
        if len(digits) != 9:
            return self.shape(value)
        x = self._int("ssn", digits)
        area = 900 + x % 100
        group = 1 + (x >> 16) % 99
        serial = 1 + (x >> 32) % 9999
        return self._digits_into(value, f"{area:03d}{group:02d}{serial:04d}")

    def phone(self, value: str) -> str:
        digits = "".join(ch for ch in value if "0" <= ch <= "9")
        lead = "1" if digits.startswith("1") and len(digits) >= 11 else ""
        if len(digits) - len(lead) < 10:
            return self.shape(value)
        x = self._int("phone", digits)
        area = 200 + x % 800
        line = (x >> 16) % 100
        rest = digits[len(lead) + 10:]
        ext = "".join(str((x >> (24 + 4 * i)) % 10) for i in range(len(rest)))
        return self._digits_into(value, f"{lead}{area:03d}55501{line:02d}{ext}")

    def zip(self, value: str) -> str:
        digits = "".join(ch for ch in value if "0" <= ch <= "9")
        keep = {5: 3, 9: 3, 4: 2, 8: 2, 3: 1, 7: 1}.get(len(digits))
        if keep is None or len(value.strip()) > len(digits) + 1:
            return self.shape(value)
        return self._digits_into(value, digits[:keep] + "0" * (len(digits) - keep))

    def email(self, value: str) -> str:
        lead = value[: len(value) - len(value.lstrip())]
        trail = value[len(value.rstrip()):]
        core = value.strip()
        local, at, _domain = core.rpartition("@")
        if not at or not local:
            return self.shape(value)
        return lead + self.shape(local) + "@example.org" + trail

    def name(self, value: str, first: bool = False) -> str:
        names = FIRST_NAMES if first else LAST_NAMES
        parts = re.split(r"(\s+|,)", value)
        out = []
        for p in parts:
            if not p or p.isspace() or p == ",":
                out.append(p)
                continue
            norm = p.upper()
            i = self._int("name-first" if first else "name-last", norm) % len(names)
            fake = names[i]
            if fake.upper() == norm:
                fake = names[(i + 1) % len(names)]
            out.append(fake.upper() if p.isupper() and len(p) > 1 else fake.lower() if p.islower() else fake)
        return "".join(out)

    def _parse_date(self, text: str):
        for f in self.formats:
            got = f.parse(text)
            if got is not None:
                return f, got
        return None, None

    def date(self, value: str, identity: str) -> str:
        lead = value[: len(value) - len(value.lstrip())]
        trail = value[len(value.rstrip()):]
        core = value.strip()
        f, got = self._parse_date(core)
        if f is not None:
            d, m = got
            o = self.offset(identity)
            for shift in (o, -o):
                try:
                    new = f.write(m, d + timedelta(days=shift))
                except OverflowError:
                    new = None
                if new is not None:
                    return lead + new + trail
        return lead + self._garble_date(core) + trail

    def _garble_date(self, core: str) -> str:
        """Digits and letters replaced (keyed) until no date format reads the result."""
        for attempt in range(64):
            stream = self._prf(b"garble", core.encode("utf-8", "surrogateescape"), attempt.to_bytes(2, "big"))
            out, j = [], 0
            for ch in core:
                b = stream[j % len(stream)] + j // len(stream)
                if "0" <= ch <= "9":
                    out.append(chr(48 + b % 10))
                    j += 1
                elif ch.isalpha():
                    out.append(chr((65 if ch.isupper() else 97) + b % 26))
                    j += 1
                else:
                    out.append(ch)
            cand = "".join(out)
            if cand != core and cand not in self.sentinels and self._parse_date(cand)[0] is None:
                return cand
        return "".join("9" if ch.isdigit() else "X" if ch.isalpha() else ch for ch in core)


def _first_column(column: str) -> bool:
    c = column.lower()
    return "first" in c or "given" in c or "middle" in c


def masker_for(compiled, key_file: str | None, root: str, environ: dict | None = None) -> Masker:
    key = load_mask_key(key_file, environ)
    return Masker(compiled.catalog, key.material, root=root, key_id=key.key_id)


__all__ = ["Masker", "load_mask_key", "masker_for", "rule_for_name", "MASK_KEY_ENV", "FIRST_NAMES", "LAST_NAMES"]
