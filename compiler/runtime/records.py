"""Split a legacy CSV file into records, with positions and bad_records, before any engine sees it.

The engines' CSV readers disagree on hostile input (DuckDB aborts on a bare CR, PostgreSQL
on a NUL, MariaDB reads `NULL` as NULL).  This scanner decides, the same for every engine,
which records are good (handed on to the engine's bulk loader, in a file every engine reads
the same way) and which are bad_records (one reject each, with a stable reason code, the line
and byte offset where the record starts, and its text).

Fast path: the file is read in blocks cut at a line end; a block that is plain ASCII or
valid in the encoding and fully matches the strict record grammar (the header's number of
fields, the file's line terminator, no NUL, no CR outside quotes) is good as a whole, in
C-speed regex and `bytes` calls.  Only a block that fails goes record by record
(`parse_record`).  Positions of good records are not kept: each block start is a
checkpoint (records before it, byte offset, line), and `locate` re-walks the few blocks
holding records a map rejected.

Line terminators are LF and CRLF; in a file whose first line ends with a lone CR ("CR-only"),
a lone CR too.  A line is 1 + the line breaks before the record's first byte; a byte
offset counts bytes of the file as it is (UTF-16 files: of their UTF-8 transcoding).
"""

from __future__ import annotations

import bisect
import codecs
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from compiler.ir.reasons import PARSE_CODES as PARSE_CODES

BLOCK = 1 << 20
MAX_RECORD = 16 * 1024 * 1024  # bytes: a longer record is `line_too_long`
LF, CR = 0x0A, 0x0D
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Format:
    """How the file is written: one-byte delimiter, quote and escape; a Python codec name."""

    delimiter: bytes = b","
    quote: bytes = b'"'
    escape: bytes = b'"'
    encoding: str = "utf-8"
    header: bool = True


@dataclass(frozen=True)
class Fault:
    """A record that is not staged: where it starts, why, and its text (decoded, without its
    line terminator; undecodable bytes and NUL as U+FFFD)."""

    line: int
    offset: int
    code: str
    text: str


@dataclass
class Scan:
    """What scanning one file found."""

    header: list[str] | None  # the header record's fields (None: no header line, or `header false`)
    staged: int = 0  # good records
    bad_records: list[Fault] = field(default_factory=list)
    clean: Path | None = None  # good records only, UTF-8, no header; None: the original file is that (plus its header)
    checkpoints: list[tuple[int, int, int]] = field(default_factory=list)  # (good records before, offset, line)
    cr_only: bool = False


class Grammar:
    """The regular expressions of one format and field count."""

    def __init__(self, fmt: Format, fields: int, terminator: bytes):
        d, q, e = (re.escape(x) for x in (fmt.delimiter, fmt.quote, fmt.escape))
        # unrolled loops ("[^"]*(?:""[^"]*)*"): runs of plain bytes in one step, not one alternation per byte
        if fmt.escape == fmt.quote:
            quoted = q + b"[^" + q + b"]*+(?:" + q + q + b"[^" + q + b"]*+)*+" + q
            strict_quoted = q + b"[^" + q + b"\x00]*+(?:" + q + q + b"[^" + q + b"\x00]*+)*+" + q
        else:
            quoted = q + b"[^" + q + e + b"]*+(?:" + e + b"(?s:.)[^" + q + e + b"]*+)*+" + q
            strict_quoted = q + b"[^" + q + e + b"\x00]*+(?:" + e + b"[^\x00][^" + q + e + b"\x00]*+)*+" + q
        self.quoted = re.compile(quoted, re.S)
        self.unquoted = re.compile(b"[^" + d + b"\r\n]*+")
        strict_field = b"(?:" + strict_quoted + b"|[^" + q + d + b"\r\n\x00][^" + d + b"\r\n\x00]*+)?+"
        record = b"(?=[^\r\n])" + strict_field + (b"(?:" + d + strict_field + b"){%d}" % (fields - 1) if fields > 1 else b"")
        self.record = re.compile(record + re.escape(terminator), re.S)
        self.block = re.compile(b"(?:" + record + re.escape(terminator) + b")*+", re.S)


def terminator_of(first: bytes) -> bytes:
    """The file's line terminator, from its first line: LF, CRLF or (CR-only files) CR."""
    i, j = first.find(b"\n"), first.find(b"\r")
    if j < 0 or (0 <= i < j):
        return b"\n"
    return b"\r\n" if first[j + 1 : j + 2] == b"\n" else (b"\r" if j + 1 < len(first) or i < 0 else b"\n")


def line_breaks(data: bytes | memoryview, cr_only: bool, start: int = 0, end: int | None = None) -> int:
    b = bytes(data[start:end]) if isinstance(data, memoryview) else data[start:end]
    n = b.count(b"\n")
    if cr_only:
        n += b.count(b"\r") - b.count(b"\r\n")
    return n


class Parser:
    """Record-by-record parsing: the slow path, and what `locate` re-walks."""

    def __init__(self, fmt: Format, fields: int, cr_only: bool, header_fault: str | None = None):
        self.fmt = fmt
        self.fields = fields
        self.cr_only = cr_only
        self.header_fault = header_fault
        self.q = fmt.quote[0]
        self.d = fmt.delimiter[0]
        self.g = Grammar(fmt, max(fields, 1), b"\n")
        self.decoder = codecs.lookup(fmt.encoding)

    def parse_record(self, buf: bytes, pos: int, final: bool) -> tuple[int, int, str | None] | None:
        """The record starting at `pos`: (end incl. terminator, end of content, fault code or None);
        None when the buffer ends inside it and more data may follow.  A blank line is
        (end, pos, "") : not a record."""
        n, i, size, structural = 0, pos, len(buf), None
        if i < size and buf[i] in (LF, CR):
            if buf[i] == LF:
                return i + 1, pos, ""
            if i + 1 < size:
                if buf[i + 1] == LF:
                    return i + 2, pos, ""
                if self.cr_only:
                    return i + 1, pos, ""
            elif final and self.cr_only:
                return i + 1, pos, ""
            elif not final:
                return None
        bare_cr = False
        while True:
            n += 1
            if i < size and buf[i] == self.q:
                m = self.g.quoted.match(buf, i)
                if m is None:
                    if not final:
                        return None
                    return size, size, self.classify(buf, pos, size, "unterminated_quote", bare_cr)
                i = m.end()
                if i < size and buf[i] not in (self.d, LF, CR):
                    return self.to_line_end(buf, pos, i, final, "bad_quote", bare_cr)
            else:
                u = self.g.unquoted.match(buf, i)
                assert u is not None  # `[^...]*+` matches everywhere
                i = u.end()
            if i >= size:
                if not final:
                    return None
                return size, size, self.classify(buf, pos, size, structural or self.count_code(n), bare_cr)
            c = buf[i]
            if c == self.d:
                i += 1
                continue
            if c == LF:
                return i + 1, i, self.classify(buf, pos, i, structural or self.count_code(n), bare_cr)
            if i + 1 >= size and not final:
                return None
            if i + 1 < size and buf[i + 1] == LF:
                return i + 2, i, self.classify(buf, pos, i, structural or self.count_code(n), bare_cr)
            if self.cr_only:
                return i + 1, i, self.classify(buf, pos, i, structural or self.count_code(n), bare_cr)
            return self.to_line_end(buf, pos, i, final, None, True)

    def to_line_end(self, buf: bytes, pos: int, i: int, final: bool, code: str | None, bare_cr: bool) -> tuple[int, int, str | None] | None:
        """A record whose structure broke at `i`: it runs to the next line break."""
        j = buf.find(b"\n", i)
        if self.cr_only:
            k = buf.find(b"\r", i)
            j = k if 0 <= k and (j < 0 or k < j) else j
        if j < 0:
            if not final:
                return None
            return len(buf), len(buf), self.classify(buf, pos, len(buf), code or "too_few_fields", bare_cr)
        content = j - 1 if (buf[j] == LF and j > pos and buf[j - 1] == CR) else j
        end = j + 2 if (buf[j] == CR and buf[j + 1 : j + 2] == b"\n") else j + 1
        bare = bare_cr or (not self.cr_only and b"\r" in buf[i:content])
        return end, content, self.classify(buf, pos, content, code or "too_few_fields", bare)

    def count_code(self, n: int) -> str | None:
        if n < self.fields:
            return "too_few_fields"
        if n > self.fields:
            return "too_many_fields"
        return None

    def classify(self, buf: bytes, pos: int, content: int, structural: str | None, bare_cr: bool) -> str | None:
        """Byte-level bad_records come before structural ones; a header fault before all."""
        if self.header_fault:
            return self.header_fault
        raw = buf[pos:content]
        if b"\x00" in raw:
            return "nul_byte"
        if not raw.isascii():
            try:
                self.decoder.decode(raw, "strict")
            except UnicodeDecodeError:
                return "invalid_encoding"
        if bare_cr:
            return "bare_cr"
        if structural is None and content - pos > MAX_RECORD:
            return "line_too_long"
        return structural

    def text(self, raw: bytes) -> str:
        return self.decoder.decode(raw, "replace")[0].replace("\x00", "\ufffd")


def read_header(fh: BinaryIO, fmt: Format) -> tuple[list[str] | None, int, bytes]:
    """(header fields or None, offset of the first data record, the file's line terminator).
    Blank lines before the header are skipped; a file of blank lines has no header."""
    data = fh.read(BLOCK)
    start = len(BOM) if fmt.encoding in ("utf-8", "utf-8-sig") and data.startswith(BOM) else 0
    term = terminator_of(data[start:])
    if not fmt.header:
        return None, start, term
    p = Parser(fmt, 1, term == b"\r")
    pos, eof = start, False
    while True:
        if pos >= len(data) and eof:
            return None, pos, term
        got = p.parse_record(data, pos, eof) if pos < len(data) else None
        if got is None:
            more = fh.read(BLOCK)
            eof = not more
            data += more
            continue
        end, content, code = got
        if code == "":
            pos = end
            continue
        names = [p.text(f).strip().lstrip("\ufeff") for f in split_fields(data[pos:content], fmt)]
        return names, end, term


def split_fields(raw: bytes, fmt: Format) -> list[bytes]:
    """The fields of one header record, unquoted (simple: a header holds names)."""
    import csv
    import io

    text = raw.decode("latin-1")
    row = next(csv.reader(io.StringIO(text), delimiter=fmt.delimiter.decode(), quotechar=fmt.quote.decode()), [])
    return [f.encode("latin-1") for f in row]


def scan(path: Path, fmt: Format, fields: int | None, workdir: Path, header_fault: str | None = None, fast: bool = True) -> Scan:
    """Scan `path`.  `fields`: the number of fields a record must have (None: the header's).
    `header_fault`: every record is this fault (the header lacks or repeats a declared column).
    `fast=False` parses every record one by one (the tests compare both paths)."""
    with open(path, "rb") as fh:
        header, data_start, term = read_header(fh, fmt)
        result = Scan(header, cr_only=term == b"\r")
        if header is None and fmt.header:
            return result
        n = fields if fields is not None else len(header or [])
        fh.seek(data_start)
        _Scanner(fh, fmt, max(n, 1), term, data_start, result, workdir, path, header_fault, fast).run()
    return result


KEEP = b",\r\n"


class Segmenter:
    """Cuts a buffer (starting at a record boundary) into runs of good records, found fast,
    and single records parsed slowly.  What `scan` and `locate` both walk, so that they
    agree on every record."""

    def __init__(self, fmt: Format, fields: int, term: bytes, cr_only: bool, fast: bool, header_fault: str | None = None):
        self.fmt, self.n, self.term, self.cr_only = fmt, fields, term, cr_only
        self.parser = Parser(fmt, fields, cr_only, header_fault)
        self.record = Grammar(fmt, fields, term).record
        self.fast = fast and header_fault is None and fields > 1
        keep = set(fmt.delimiter + b"\r\n")
        self.delete = bytes(b for b in range(256) if b not in keep)
        self.skeleton = fmt.delimiter * (fields - 1) + term
        self.q = fmt.quote
        self.ascii_safe = codecs.lookup(fmt.encoding).name in ("utf-8", "cp1252", "iso8859-1")
        self.content = 0

    def lines_at(self, buf: bytes, start: int, end: int) -> int:
        return buf.count(b"\r" if self.cr_only else b"\n", start, end)

    def line_start_before(self, buf: bytes, pos: int, limit: int) -> int:
        i = buf.rfind(b"\n", pos, limit)
        if self.cr_only:
            i = max(i, buf.rfind(b"\r", pos, limit))
        return i + 1 if i >= 0 else pos

    def problem_at(self, buf: bytes, pos: int, cut: int) -> int:
        """The first NUL or undecodable byte in buf[pos:cut] (cut if none)."""
        limit = cut
        z = buf.find(b"\x00", pos, cut)
        if z >= 0:
            limit = z
        chunk = buf[pos:limit]
        if not chunk.isascii() or not self.ascii_safe:
            try:
                chunk.decode(self.fmt.encoding)
            except UnicodeDecodeError as exc:
                limit = pos + exc.start
        return limit

    def segments(self, buf: bytes, pos: int, cut: int, eof: bool) -> Iterator[tuple[str, int, int, int | str | None]]:
        """("good", start, end, records) runs; ("one", start, end, code or None or "") single
        records (code "": a blank line); stops at the first record that needs more data."""
        while pos < cut:
            if self.fast:
                limit = self.problem_at(buf, pos, cut)
                start, records = pos, 0
                while pos < limit:
                    qpos = buf.find(self.q, pos, limit)
                    seg_end = self.line_start_before(buf, pos, limit if qpos < 0 else qpos + 1)
                    if qpos >= 0 and seg_end > qpos:
                        seg_end = self.line_start_before(buf, pos, qpos)
                    if seg_end > pos:
                        seg = buf[pos:seg_end]
                        k = self.lines_at(seg, 0, len(seg))
                        if seg.translate(None, self.delete) != self.skeleton * k:
                            break
                        pos, records = seg_end, records + k
                        continue
                    if qpos < 0:
                        break
                    m = self.record.match(buf, pos, limit)
                    if m is None:
                        break
                    pos, records = m.end(), records + 1
                if pos > start:
                    yield "good", start, pos, records
                if pos >= cut:
                    return
            got = self.parser.parse_record(buf, pos, eof)
            if got is None:
                return
            end, content, code = got
            self.content = content  # the record's end without its terminator, for the caller
            yield "one", pos, end, code
            pos = end


class _Scanner:
    def __init__(
        self,
        fh: BinaryIO,
        fmt: Format,
        n: int,
        term: bytes,
        start: int,
        result: Scan,
        workdir: Path,
        path: Path,
        header_fault: str | None,
        fast: bool,
    ):
        self.fh, self.fmt, self.n, self.term, self.start, self.result = fh, fmt, n, term, start, result
        self.seg = Segmenter(fmt, n, term, result.cr_only, fast, header_fault)
        self.parser = self.seg.parser
        self.path, self.workdir = path, workdir
        self.utf8 = codecs.lookup(fmt.encoding).name == "utf-8"
        self.out: BinaryIO | None = None  # the clean file, once needed
        self.line = 1 + line_breaks(self._prefix(), result.cr_only)

    def _prefix(self) -> bytes:
        pos = self.fh.tell()
        self.fh.seek(0)
        data = self.fh.read(self.start)
        self.fh.seek(pos)
        return bytes(data)

    def dirty(self, upto: int) -> None:
        """From now on write the clean file; first copy the good bytes before `upto`."""
        if self.out is not None:
            return
        fd, name = tempfile.mkstemp(prefix=self.path.stem + ".", suffix=".records.csv", dir=self.workdir)  # 0600: PHI
        self.out = os.fdopen(fd, "wb")
        self.result.clean = Path(name)
        pos = self.fh.tell()
        self.fh.seek(self.start)
        left = upto - self.start
        while left > 0:
            chunk = self.fh.read(min(BLOCK, left))
            self.write(chunk)
            left -= len(chunk)
        self.fh.seek(pos)

    def write(self, data: bytes) -> None:
        assert self.out is not None
        self.out.write(data if self.utf8 else self.parser.decoder.decode(data, "strict")[0].encode("utf-8"))

    def run(self) -> None:
        r = self.result
        if not self.utf8:
            self.dirty(self.start)
        buf, offset, eof = b"", self.start, False  # buf starts at file offset `offset`, at a record boundary
        try:
            while not (eof and not buf):
                chunk = self.fh.read(BLOCK) if not eof else b""
                eof = eof or not chunk
                buf = buf + chunk if buf else chunk
                cut = len(buf) if eof else self.seg.line_start_before(buf, 0, len(buf) - (0 if not r.cr_only else 1))
                if cut <= 0:
                    continue  # no line end in the buffer yet: read more
                r.checkpoints.append((r.staged, offset, self.line))
                used = 0
                for kind, start, end, what in self.seg.segments(buf, 0, cut, eof):
                    if kind == "good":
                        assert isinstance(what, int)
                        r.staged += what
                        if self.out is not None:
                            self.write(buf[start:end])
                    elif what == "":
                        self.dirty(offset + start)
                    elif what is None:
                        r.staged += 1
                        content = self.seg.content
                        if self.out is None and buf[content:end] != self.term:
                            self.dirty(offset + start)
                        if self.out is not None:
                            self.write(buf[start:content] + self.term)
                    else:
                        self.dirty(offset + start)
                        line = self.line + line_breaks(buf, r.cr_only, 0, start)
                        r.bad_records.append(Fault(line, offset + start, str(what), self.parser.text(buf[start : self.seg.content])))
                    used = end
                if eof and used == 0 and buf:
                    break
                self.line += line_breaks(buf, r.cr_only, 0, used)
                buf, offset = buf[used:], offset + used
        finally:
            if self.out is not None:
                self.out.close()


def locate(path: Path, fmt: Format, fields: int, result: Scan, rows: list[int]) -> dict[int, tuple[int, int, str]]:
    """{staged row number (1-based): (line, offset, text)} of the given good records: each
    found by walking again, the same way, the block of the file its checkpoint starts."""
    out: dict[int, tuple[int, int, str]] = {}
    fields = max(fields, 1)
    with open(path, "rb") as fh:
        first = fh.read(BLOCK)
    term = terminator_of(first[len(BOM) if first.startswith(BOM) else 0 :])
    seg = Segmenter(fmt, fields, term, result.cr_only, True)
    keys = [c[0] for c in result.checkpoints]
    by_checkpoint: dict[int, list[int]] = {}
    for r in sorted({r for r in rows if 1 <= r <= result.staged}):
        by_checkpoint.setdefault(bisect.bisect_left(keys, r) - 1, []).append(r)
    with open(path, "rb") as fh:
        for k, wanted in sorted(by_checkpoint.items()):
            before, offset, line = result.checkpoints[k]
            fh.seek(offset)
            end_at = result.checkpoints[k + 1][1] if k + 1 < len(result.checkpoints) else None
            buf = fh.read(end_at - offset) if end_at is not None else fh.read()
            n, todo = before, iter(wanted)
            want: int | None = next(todo)
            for kind, start, end, what in seg.segments(buf, 0, len(buf), True):
                if kind == "good":
                    assert isinstance(what, int)
                    cursor = RunCursor(seg, buf, start, end)
                    while want is not None and n < want <= n + what:
                        rec_start, rec_end = cursor.record(want - n - 1)
                        text = seg.parser.text(buf[rec_start : content_end(buf, rec_start, rec_end)])
                        out[want] = (line + line_breaks(buf, result.cr_only, 0, rec_start), offset + rec_start, text)
                        want = next(todo, None)
                    n += what
                elif what is None:
                    n += 1
                    if n == want:
                        text = seg.parser.text(buf[start : seg.content])
                        out[want] = (line + line_breaks(buf, result.cr_only, 0, start), offset + start, text)
                        want = next(todo, None)
                if want is None:
                    break
    return out


def content_end(buf: bytes, start: int, end: int) -> int:
    if buf[start:end].endswith(b"\r\n"):
        return end - 2
    if end > start and buf[end - 1] in (LF, CR):
        return end - 1
    return end


class RunCursor:
    """Walks a run of good records forwards: `record(i)` is the (start, end) of its i-th
    (0-based) record; asked in increasing order, the whole run is walked once."""

    def __init__(self, seg: Segmenter, buf: bytes, start: int, end: int):
        self.seg, self.buf, self.end = seg, buf, end
        self.plain = buf.find(seg.q, start, end) < 0
        self.sep = b"\r" if seg.cr_only else b"\n"
        self.i, self.pos = 0, start  # the start of record i

    def next_end(self, pos: int) -> int:
        if self.plain:
            return self.buf.index(self.sep, pos, self.end) + 1
        m = self.seg.record.match(self.buf, pos, self.end)
        assert m is not None  # a run of good records matches record by record
        return m.end()

    def record(self, i: int) -> tuple[int, int]:
        while self.i < i:
            self.pos = self.next_end(self.pos)
            self.i += 1
        return self.pos, self.next_end(self.pos)
