"""The byte layout of a legacy CSV file, as far as replay needs it: the BOM, the header
record, the line terminator, and where a record that starts at a given byte ends.

A record ends at the first line terminator outside quotes (LF, which covers CRLF; in a
file whose first line ends with a lone CR, a CR), or at the end of the file (an
unterminated quote runs to it), as the record scanner of the run decides
(compiler/runtime/records.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

from compiler.errors import EnvironmentProblem


class ReplayError(EnvironmentProblem):
    """A source or export that does not fit what the run recorded (moved, changed, damaged): exit 3."""


BOM = b"\xef\xbb\xbf"
CHUNK = 1 << 16
FIRST_LINE = 1 << 20  # bytes read to find the first line's terminator
MAX_RECORD = 64 * 1024 * 1024  # bytes: past this a "record" is a damaged file, not one to replay


@dataclass(frozen=True)
class Layout:
    """How one file is written."""

    quote: int  # byte values
    escape: int
    terminator: bytes  # b"\n", b"\r\n" or b"\r"
    bom: bytes  # b"" or the UTF-8 BOM

    @property
    def cr_only(self) -> bool:
        return self.terminator == b"\r"


def terminator_of(first: bytes) -> bytes:
    """The line terminator of a file from its first bytes: LF, CRLF or (CR-only) CR."""
    lf, cr = first.find(b"\n"), first.find(b"\r")
    if cr < 0 or (0 <= lf < cr):
        return b"\n"
    return b"\r\n" if first[cr + 1 : cr + 2] == b"\n" else b"\r"


def layout_of(fh: BinaryIO, quote: str, escape: str) -> Layout:
    fh.seek(0)
    first = fh.read(FIRST_LINE)
    bom = BOM if first.startswith(BOM) else b""
    return Layout(ord(quote), ord(escape), terminator_of(first[len(bom) :]), bom)


def record_end(buf: bytes, start: int, lay: Layout, final: bool) -> int | None:
    """The end (after its terminator) of the record starting at `start`; None when `buf`
    ends inside it and more may follow (`final` False)."""
    q, e, quoted, i, n = lay.quote, lay.escape, False, start, len(buf)
    while i < n:
        b = buf[i]
        if quoted:
            if b == e and e != q and i + 1 < n:
                i += 2
                continue
            if b == q:
                quoted = False
        elif b == q:
            quoted = True
        elif b == 0x0A:
            return i + 1
        elif b == 0x0D and lay.cr_only:
            return i + 2 if buf[i + 1 : i + 2] == b"\n" else (i + 1 if i + 1 < n or final else None)
        i += 1
    return n if final else None


def read_record(fh: BinaryIO, offset: int, lay: Layout) -> bytes:
    """The bytes of the record at `offset`, its terminator included (none at the end of a
    file without a last line break)."""
    fh.seek(offset)
    buf = b""
    while True:
        more = fh.read(CHUNK)
        buf += more
        end = record_end(buf, 0, lay, final=not more)
        if end is not None:
            return buf[:end]
        if len(buf) > MAX_RECORD:
            raise ReplayError(f"no record end within {MAX_RECORD:,} bytes of byte {offset:,}")


def header_bytes(fh: BinaryIO, lay: Layout) -> bytes:
    """The header record, terminator included (the BOM, if any, not)."""
    return read_record(fh, len(lay.bom), lay)


def split_records(data: bytes, lay: Layout) -> list[bytes]:
    """Every record of `data` (terminators included), blank lines left out."""
    out, i = [], 0
    while i < len(data):
        end = record_end(data, i, lay, final=True)
        assert end is not None  # final: a record always ends
        rec = data[i:end]
        if rec.strip(b"\r\n"):
            out.append(rec)
        i = end
    return out


def at_record_start(fh: BinaryIO, offset: int, lay: Layout) -> bool:
    """Whether `offset` can be where a record starts: after the BOM, or after a line break."""
    if offset <= len(lay.bom):
        return offset == len(lay.bom)
    fh.seek(offset - 1)
    return fh.read(1) in (b"\n", b"\r")
