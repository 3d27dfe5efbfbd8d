"""The per-kind masking rules (shape, ssn, phone, zip, email, name, date): keyed rewrites of one value."""

from __future__ import annotations

import hmac
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from compiler.ops.mask.dates import DateFormat

CHUNK = 32  # positions permuted together (keeps the Feistel halves under 128 bits)

FIRST_NAMES = tuple(
    """
Abelard Adeline Aldous Alvina Ambrin Ansel Arlo Astra Aurelio Beatrix Bexley Birgit Blaise
Bronwen Caspian Cedrica Celestin Corvina Cosmo Dagny Dashiell Delphine Dorian Elowen Emrys
Esmond Evander Fenna Ferris Florian Gideon Greer Gwenda Halvard Hesper Idris Imogen Isolde
Jasper Juniper Kestrel Kielo Lazlo Leocadia Linnea Lorcan Lucan Magnus Marisol Mireille
Nerys Niamh Nils Octavia Odile Orrin Osric Ottilie Percival Philippa Quentin Quilla
Rafferty Rozalind Rowan Saoirse Severin Sigrid Solveig Tamsin Thaddeus Theodora Tobiah
Ulric Una Valerian Verity Wilhelmina Wystan Xanthe Yardley Ysolde Zephyr Zinnia Alaric
Bettina Cyprian Dulcie Eamon Fenwick Guinevere Hollis Ingram Jocasta Kaspar Lisette Merrick
Noemi Orla Perpetua Radley Seraphina Tobin Ulla Vesna Wendeline Yolanda Zebulon
""".split()
)
LAST_NAMES = tuple(
    """
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
""".split()
)


class KindRules:
    """The rules of `Masker` for one value: they read `_key`, `formats`, `sentinels` and
    `offset(identity)`."""

    _key: bytes
    formats: list[DateFormat]
    sentinels: set[str]

    if TYPE_CHECKING:

        def offset(self, identity: str) -> int: ...

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

    # -- the rules ------------------------------------------------------------------------

    def shape(self, value: str) -> str:
        """Same length, digits to digits, letters to letters (case kept, non-ASCII letters
        become ASCII), everything else kept; a keyed permutation within each shape, so
        distinct ASCII values stay distinct.  Surrounding whitespace stays outside, so
        `" 000123"` still trims to the substitute of `"000123"`."""
        core = value.strip()
        if core != value:
            lead = value[: len(value) - len(value.lstrip())]
            return lead + self.shape(core) + value[len(lead) + len(core) :]
        kinds: list[str] = []
        vals: list[int | None] = []  # None: not a letter or digit
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
            chunk = positions[ci : ci + CHUNK]
            radices = [10 if kinds[i] == "d" else 26 for i in chunk]
            n, x = 1, 0
            for i, r in zip(chunk, radices):
                x = x * r + cast(int, vals[i])  # chunk: positions of letters and digits
                n *= r
            y = self._permute(x, n, pattern + b"#" + str(ci).encode())
            for i, r in reversed(list(zip(chunk, radices))):
                y, v = divmod(y, r)
                k = kinds[i]
                out[i] = chr(48 + v) if k == "d" else chr(65 + v) if k == "U" else chr(97 + v)
        return "".join(out)

    def _digits_into(self, value: str, digits: str) -> str:
        out: list[str] = []
        it = iter(digits)
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
        rest = digits[len(lead) + 10 :]
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
        trail = value[len(value.rstrip()) :]
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

    def _parse_date(self, text: str) -> tuple[DateFormat, tuple[date, re.Match[str]]] | tuple[None, None]:
        for f in self.formats:
            got = f.parse(text)
            if got is not None:
                return f, got
        return None, None

    def date(self, value: str, identity: str) -> str:
        lead = value[: len(value) - len(value.lstrip())]
        trail = value[len(value.rstrip()) :]
        core = value.strip()
        f, got = self._parse_date(core)
        if f is not None:
            assert got is not None  # read by f
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
