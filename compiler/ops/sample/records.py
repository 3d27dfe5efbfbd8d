"""Source files record by record, in their own format: layout, quote-aware record scan, fields split and rewritten."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from compiler.runtime.staging import SourceFile, StagingError, staged_columns

_SURROGATE = re.compile("[\udc80-\udcff]")
UTF8_BOM = b"\xef\xbb\xbf"


@dataclass
class Layout:
    """How one source file is laid out: byte-order mark, codec, header, column positions."""

    sf: SourceFile
    bom: bytes
    codec: str
    errors: str
    names: list[str]  # spec name (or __unused_N) per field position
    pos: dict[str, int]  # spec column -> field position
    width: int
    header: str | None = None  # the raw header record (with its line ending)
    newline: str = "\r\n"  # line ending of the header (used when a record has none)


def layout(sf: SourceFile) -> Layout:
    if not sf.path.is_file():
        raise StagingError(f"{sf.path}: source file for {sf.qualified} not found")
    try:
        with open(sf.path, "rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        raise StagingError(f"{sf.path}: cannot read: {exc.strerror}") from None
    enc, bom, errors = sf.encoding, b"", "surrogateescape"
    if enc == "utf-16":
        errors = "strict"
        if head.startswith(b"\xfe\xff"):
            bom, codec = head[:2], "utf-16-be"
        else:
            bom, codec = (head[:2] if head.startswith(b"\xff\xfe") else b""), "utf-16-le"
    elif enc in ("utf-8", "utf-8-sig"):
        bom, codec = (UTF8_BOM if head.startswith(UTF8_BOM) else b""), "utf-8"
    else:
        codec = enc
    names = staged_columns(sf)
    pos = {n: i for i, n in enumerate(names) if not n.startswith("__unused_")}
    return Layout(sf, bom, codec, errors, names, pos, len(names))


def record_body(rec: str) -> str:
    if rec.endswith("\r\n"):
        return rec[:-2]
    if rec.endswith(("\n", "\r")):
        return rec[:-1]
    return rec


def split_fields(body: str, sf: SourceFile) -> list[str] | None:
    """The field values of one record (None when its quoting is broken)."""
    q = sf.quote
    if not q or q not in body:
        return body.split(sf.delimiter)
    try:
        if sf.escape and sf.escape != q:
            reader = csv.reader((body,), delimiter=sf.delimiter, quotechar=q, escapechar=sf.escape, doublequote=False, strict=True)
        else:
            reader = csv.reader((body,), delimiter=sf.delimiter, quotechar=q, doublequote=True, strict=True)
        return next(reader)
    except (csv.Error, StopIteration):
        return None


_FIELD_RE: dict[tuple[str, str], re.Pattern[str]] = {}


def split_raw(body: str, sf: SourceFile) -> list[str]:
    """The fields of a well-formed record as they are written (quotes included)."""
    d, q, esc = sf.delimiter, sf.quote, sf.escape or sf.quote
    if not q or q not in body:
        return body.split(d)
    if esc == q and len(d) == 1:
        rx = _FIELD_RE.get((d, q))
        if rx is None:
            qe, de = re.escape(q), re.escape(d)
            rx = _FIELD_RE[(d, q)] = re.compile(f"(?:{qe}(?:[^{qe}]|{qe}{qe})*{qe}|[^{de}{qe}])*")
        out, pos, n = [], 0, len(body)
        while True:
            m = rx.match(body, pos)
            assert m is not None  # the pattern matches the empty string
            out.append(m.group())
            pos = m.end()
            if pos >= n:
                return out
            if body[pos] != d:  # a stray quote: not a record we split (see split_fields)
                break
            pos += 1
            if pos == n:
                out.append("")
                return out
    return _split_raw_slow(body, d, q, esc)


def _split_raw_slow(body: str, d: str, q: str, esc: str) -> list[str]:
    out, cur, i, n, quoted = [], [], 0, len(body), False
    while i < n:
        c = body[i]
        if quoted:
            if esc != q and c == esc and i + 1 < n:
                cur.append(body[i : i + 2])
                i += 2
                continue
            if c == q:
                if esc == q and i + 1 < n and body[i + 1] == q:
                    cur.append(q + q)
                    i += 2
                    continue
                quoted = False
            cur.append(c)
        elif c == q:
            quoted = True
            cur.append(c)
        elif body.startswith(d, i):
            out.append("".join(cur))
            cur = []
            i += len(d)
            continue
        else:
            cur.append(c)
        i += 1
    out.append("".join(cur))
    return out


def write_field(raw: str, value: str, sf: SourceFile) -> str:
    """`value` written the way the original field `raw` was: quoted if it was (or must be)."""
    q = sf.quote
    was_quoted = bool(q) and len(raw) >= 2 and raw.startswith(q) and raw.endswith(q)
    needs = bool(q) and (sf.delimiter in value or q in value or "\n" in value or "\r" in value)
    if not (was_quoted or needs):
        return value
    esc = sf.escape or q
    return q + value.replace(q, esc + q) + q


def records(lay: Layout) -> Iterator[tuple[int, str, list[str] | None]]:
    """(record number from 1, raw text with its line ending, fields or None if malformed),
    header excluded (it is kept in `lay.header`).  Blank lines are skipped.  A record ends
    at a line break outside quotes: lines are joined while the count of quote characters
    is odd."""
    sf = lay.sf
    q, d, width = sf.quote, sf.delimiter, lay.width
    esc_q = (sf.escape + q) if (q and sf.escape and sf.escape != q) else None
    check_bytes = lay.errors != "strict"
    with open(sf.path, "rb") as raw:
        raw.seek(len(lay.bom))
        fh = io.TextIOWrapper(raw, encoding=lay.codec, errors=lay.errors, newline="")
        lines = iter(fh)
        if sf.header:
            header = _next_record(lines, q, esc_q)
            if header is None:
                return
            lay.header = header
            body = header.rstrip("\r\n")
            lay.newline = header[len(body) :] or lay.newline
        n = 0
        for line in lines:
            if q and q in line:
                c = line.count(q) - (2 * line.count(esc_q) if esc_q else 0)
                if c % 2:
                    rest = _next_record(lines, q, esc_q, line, c)
                    line = rest if rest is not None else line
                body = line.rstrip("\r\n")
                if not body.strip() and width > 1:
                    continue
                n += 1
                fields = split_fields(body, sf)
                if fields is not None and c % 2 and (line.count(q) - (2 * line.count(esc_q) if esc_q else 0)) % 2:
                    fields = None  # a quote left open at the end of the file
            else:
                body = line.rstrip("\r\n")
                if not body or (width > 1 and body.isspace()):
                    continue
                n += 1
                fields = body.split(d)
            if fields is not None and (len(fields) != width or (check_bytes and not body.isascii() and _SURROGATE.search(body))):
                fields = None
            yield n, line, fields


def _next_record(lines: Iterator[str], q: str, esc_q: str | None, first: str | None = None, parity: int = 0) -> str | None:
    """Join lines into one record until the quotes balance (or the file ends)."""
    parts = [] if first is None else [first]
    for line in lines:
        parts.append(line)
        if q:
            parity += line.count(q) - (2 * line.count(esc_q) if esc_q else 0)
        if parity % 2 == 0:
            break
    return "".join(parts) if parts else None


def _undecodable(body: str) -> bool:
    """A byte the encoding does not define (kept as a lone surrogate): the engine rejects it."""
    return not body.isascii() and _SURROGATE.search(body) is not None
