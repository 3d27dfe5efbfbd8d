"""Referentially closed, deterministic samples of a legacy export (`chartshift sample`).

    sample(compiled, source_dir, out_dir, root="legacy.patients", count=200, seed=1)

1. **Root rows.**  Every well-formed root row gets a 64-bit hash of (seed, root table, its
   key); the `count` distinct keys with the smallest hashes are picked (bottom-k sampling:
   deterministic, independent of file order, and a larger count only adds rows).  `t` is
   the hash of the last picked key; `f = count / distinct root keys` the sampled share.
2. **Closure** over the spec's `references` (plus the equalities of map `join`s, which
   need the joined row just as much), to a fixed point of two rules:
   - *down*: a row is a **descendant** when one of its references points at a
     descendant row (the root rows picked are descendants): a patient's policies,
     cases and visits, the auths of those cases, the notes of those visits;
   - *up*: a row is **pulled in** when any selected row references it: the providers
     and payers they point to, and a child's other parents (a visit picked through its
     case brings the patient its `pat_no` names, and that patient's case's therapist).
     Parents pulled in do not bring their own children.
3. **Orphans.**  A reference whose value no well-formed row of the referenced table has
   (an orphan; blank is not a reference) cannot be reached by closure.  Such a row is a
   descendant when the hash of (seed, referenced table, value) is <= `t`: the same rule
   that picks root keys, applied to keys that do not exist.  So about the share `f` of
   the orphans comes along (all rows that point at the same missing key together), and
   the sample exercises the "unknown patient/visit" reject rules in proportion.
   Tables neither reachable from the root nor referenced by the rows selected (not
   connected to the root) get the same share of their rows, by the hash of their key.
4. **Malformed records** (wrong field count, bad quoting, undecodable bytes) are never
   sampled: they cannot be followed by key nor masked field by field.  The manifest
   (`sample.json`) counts them per table.

Files keep the source's format exactly: same name, encoding, byte-order mark, delimiter,
quote style, line endings and header; a sampled record is copied byte for byte (with
`--mask`, only the fields of `phi` columns are rewritten, quoted where the original field
was quoted).  Records keep their source order.

Counting: every table is read by a quote-aware line scan (a record ends at a line break
outside quotes); `records` is exact for RFC-4180 files and comes for free from the scan
that samples.  Memory: the key values of the tables that descendants reference (one
Python string each) and the sampled records.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
import re
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from compiler import ir
from compiler.errors import UsageError
from compiler.semantic.catalog import Catalog, dotted
from compiler.runtime.staging import SourceFile, StagingError, source_files, staged_columns

MANIFEST = "sample.json"
_SURROGATE = re.compile("[\udc80-\udcff]")
UTF8_BOM = b"\xef\xbb\xbf"


class SampleError(UsageError):
    """A sampling request that cannot be met (unknown root, bad count, output exists): exit 2."""


# ------------------------------------------------------------------ the reference graph


@dataclass(frozen=True)
class Edge:
    """`child.child_col` points at `parent.parent_col` (a `references` or a map join)."""

    child: str
    child_col: str
    parent: str
    parent_col: str
    origin: str  # "references" | "join"


def _equalities(e) -> Iterator[tuple[ir.Name, ir.Name]]:
    if isinstance(e, ir.Binary) and e.op == "and":
        yield from _equalities(e.left)
        yield from _equalities(e.right)
    elif isinstance(e, ir.Binary) and e.op == "=" and isinstance(e.left, ir.Name) and isinstance(e.right, ir.Name):
        yield e.left, e.right


def reference_edges(catalog: Catalog) -> list[Edge]:
    """Every source-to-source reference of the spec: declared `references` and the
    column equalities of map joins (`join legacy.payers as p on p.payer_id = payer_id`)."""
    out: list[Edge] = []
    for src in catalog.spec.sources:
        for t in src.tables:
            child = f"{src.name}.{t.name}"
            for c in t.columns:
                if c.references is None:
                    continue
                parts = c.references.parts
                if len(parts) == 2:
                    parent, pcol = f"{src.name}.{parts[0]}", parts[1]
                elif len(parts) == 3:
                    parent, pcol = f"{parts[0]}.{parts[1]}", parts[2]
                else:
                    continue
                if parent in catalog.source_tables:
                    out.append(Edge(child, c.name, parent, pcol, "references"))
    for m in catalog.spec.maps:
        primary = dotted(m.source)
        if primary not in catalog.source_tables:
            continue
        pcols = {c.name for c in catalog.source_tables[primary].columns}
        for j in m.joins:
            joined = dotted(j.table)
            if joined not in catalog.source_tables:
                continue
            jcols = {c.name for c in catalog.source_tables[joined].columns}
            for a, b in _equalities(j.on):
                for mine, theirs in ((a, b), (b, a)):
                    if len(theirs.parts) == 2 and theirs.parts[0] == j.alias and theirs.parts[1] in jcols:
                        col = mine.parts[-1]
                        own = len(mine.parts) == 1 or (len(mine.parts) == 2 and mine.parts[0] == m.source.parts[-1]) \
                            or dotted(ir.Name(span=mine.span, parts=mine.parts[:-1])) == primary
                        if own and col in pcols:
                            out.append(Edge(primary, col, joined, theirs.parts[1], "join"))
                        break
    seen, unique = set(), []
    for e in out:
        k = (e.child, e.child_col, e.parent, e.parent_col)
        if k not in seen:
            seen.add(k)
            unique.append(e)
    return unique


class Graph:
    """Edges by child and by parent, the root's descendant tables, a parents-first order."""

    def __init__(self, catalog: Catalog, root: str):
        self.tables = list(catalog.source_tables)
        self.edges = reference_edges(catalog)
        self.parents = {t: [e for e in self.edges if e.child == t] for t in self.tables}
        self.children = {t: [e for e in self.edges if e.parent == t] for t in self.tables}
        self.root = root
        self.down = self._down(root)
        ancestors: set[str] = set()
        todo = list(self.down)
        while todo:
            for e in self.parents[todo.pop()]:
                if e.parent not in ancestors and e.parent not in self.down:
                    ancestors.add(e.parent)
                    todo.append(e.parent)
        self.ancestors = ancestors
        self.unrelated = [t for t in self.tables if t not in self.down and t not in ancestors]
        self.order = self._parents_first()

    def _down(self, root: str) -> set[str]:
        down, todo = {root}, deque([root])
        while todo:
            for e in self.children[todo.popleft()]:
                if e.child not in down:
                    down.add(e.child)
                    todo.append(e.child)
        return down

    def _parents_first(self) -> list[str]:
        order: list[str] = []
        state: dict[str, int] = {}

        def visit(t: str) -> None:
            if state.get(t):
                return  # done, or on the stack (a cycle: broken here)
            state[t] = 1
            for e in self.parents[t]:
                visit(e.parent)
            state[t] = 2
            order.append(t)

        for t in self.tables:
            visit(t)
        return order

    def path_to_root(self, table: str) -> list[Edge]:
        """The shortest chain of parent edges from `table` up to the root ([] for the root)."""
        if table == self.root:
            return []
        prev: dict[str, Edge] = {}
        seen, todo = {table}, deque([table])
        while todo:
            t = todo.popleft()
            for e in self.parents[t]:
                if e.parent in seen:
                    continue
                seen.add(e.parent)
                prev[e.parent] = e
                if e.parent == self.root:
                    path, cur = [], self.root
                    while cur != table:
                        path.append(prev[cur])
                        cur = prev[cur].child
                    return list(reversed(path))
                todo.append(e.parent)
        return []


def default_root(catalog: Catalog) -> str:
    """The source table with the most descendant tables (the first on a tie)."""
    best, best_n = None, -1
    for t in catalog.source_tables:
        n = len(Graph(catalog, t).down)
        if n > best_n:
            best, best_n = t, n
    if best is None:
        raise SampleError("the spec declares no source table")
    return best


# ------------------------------------------------------------------ reading records


def hash64(seed: int | str, table: str, value: str) -> int:
    data = f"{seed}\x1f{table}\x1f{value}".encode("utf-8", "surrogateescape")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


@dataclass
class Layout:
    """How one source file is laid out: byte-order mark, codec, header, column positions."""

    sf: SourceFile
    bom: bytes
    codec: str
    errors: str
    names: list[str]            # spec name (or __unused_N) per field position
    pos: dict[str, int]         # spec column -> field position
    width: int
    header: str | None = None   # the raw header record (with its line ending)
    newline: str = "\r\n"       # line ending of the header (used when a record has none)


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


def _body(rec: str) -> str:
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
            reader = csv.reader((body,), delimiter=sf.delimiter, quotechar=q, escapechar=sf.escape,
                                doublequote=False, strict=True)
        else:
            reader = csv.reader((body,), delimiter=sf.delimiter, quotechar=q, doublequote=True, strict=True)
        return next(reader)
    except (csv.Error, StopIteration):
        return None


_FIELD_RE: dict[tuple[str, str], "re.Pattern"] = {}


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
                cur.append(body[i:i + 2])
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
            lay.newline = header[len(body):] or lay.newline
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


def _next_record(lines, q: str, esc_q: str | None, first: str | None = None, parity: int = 0) -> str | None:
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


# ------------------------------------------------------------------ the sampler


@dataclass
class TableSample:
    """Counts for one table of a sample (no row content)."""

    table: str
    file: str
    records: int = 0          # data records in the source (header excluded), malformed included
    malformed: int = 0
    selected: int = 0
    descendants: int = 0      # root rows picked and rows referencing selected descendants
    pulled: int = 0           # parents pulled in because a selected row references them
    orphans: int = 0          # rows selected by the orphan share
    share: int = 0            # rows of unrelated tables selected by the proportional share
    scans: int = 0
    source_bytes: int = 0
    sample_bytes: int = 0


@dataclass
class SampleResult:
    root: str
    seed: int
    root_keys: int            # distinct keys of well-formed root rows
    picked: int               # root keys picked
    fraction: float           # picked / root_keys
    tables: dict[str, TableSample]
    masked: bool = False
    mask_key_id: str | None = None
    out: Path | None = None
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return {
            "root": self.root, "seed": self.seed, "root_keys": self.root_keys, "picked": self.picked,
            "fraction": round(self.fraction, 6), "masked": self.masked, "mask_key_id": self.mask_key_id,
            "tables": {t: {k: v for k, v in vars(s).items() if k != "table"} for t, s in self.tables.items()},
        }


class Sampler:
    """Selects a closed sample (`select`) and writes it (`write`)."""

    def __init__(self, compiled, source_dir: Path | None, root: str, seed: int):
        self.cat: Catalog = compiled.catalog
        self.files = {sf.qualified: sf for sf in source_files(compiled.spec, source_dir, compiled.path.parent)}
        if root not in self.files:
            raise SampleError(f"unknown root table `{root}` (source tables: {', '.join(self.files)})")
        self.g = Graph(self.cat, root)
        self.root = root
        self.seed = seed
        self.layouts: dict[str, Layout] = {}
        self.stats = {t: TableSample(t, self.files[t].path.name) for t in self.g.order}
        self.sel: dict[str, dict[int, str]] = {t: {} for t in self.g.order}
        self.pcols = {t: sorted({e.parent_col for e in self.g.children[t]}) for t in self.g.order}
        self.desc_keys: dict[tuple[str, str], set[str]] = {}
        self.all_keys: dict[tuple[str, str], set[str]] = {}
        self.sel_keys: dict[tuple[str, str], set[str]] = {}
        self.need: dict[tuple[str, str], set[str]] = {}
        self.searched: dict[tuple[str, str], set[str]] = {}
        self.desc_version = dict.fromkeys(self.g.order, 0)
        self.seen_versions: dict[str, dict[str, int]] = {}
        self.threshold = -1
        self.root_keys = 0
        self.picked = 0
        for t in self.g.order:
            for c in self.pcols[t]:
                for d in (self.desc_keys, self.all_keys, self.sel_keys, self.need, self.searched):
                    d[(t, c)] = set()

    # -- helpers ----------------------------------------------------------------------

    def layout(self, t: str) -> Layout:
        if t not in self.layouts:
            self.layouts[t] = layout(self.files[t])
            needed = [e.child_col for e in self.g.parents[t]] + self.pcols[t]
            lay = self.layouts[t]
            for c in needed:
                if c not in lay.pos:
                    raise StagingError(f"{lay.sf.path}: no column {c} in the file for {t}")
        return self.layouts[t]

    def pick_column(self, t: str) -> str | None:
        """The value that identifies a row for hashing: the key children reference, else the
        declared single-column key, else None (the raw record is hashed)."""
        if len(self.pcols[t]) == 1:
            return self.pcols[t][0]
        key = self.cat.source_tables[t].key
        return key[0] if len(key) == 1 else (self.pcols[t][0] if self.pcols[t] else None)

    # -- selection ----------------------------------------------------------------------

    def select(self, count: int | None = None, percent: float | None = None) -> None:
        self._pick_roots(count, percent)
        for _ in range(1000):
            progressed = False
            for t in self.g.order:
                if t in self.g.down or t in self.g.unrelated:
                    if self._down_dirty(t):
                        self._scan(t, down=True)
                        progressed = True
            for t in reversed(self.g.order):
                if self._pending(t):
                    self._scan(t, down=False)
                    progressed = True
            if not progressed:
                break
        for t in self.g.order:
            if self.stats[t].scans == 0:
                self._scan(t, down=False)  # counted only
        for t, s in self.stats.items():
            s.selected = len(self.sel[t])
            s.source_bytes = self.files[t].path.stat().st_size

    def _pick_roots(self, count: int | None, percent: float | None) -> None:
        lay = self.layout(self.root)
        col = self.pick_column(self.root)
        hashes = set()
        st = self.stats[self.root]
        for n, raw, f in records(lay):
            st.records += 1
            if f is None:
                st.malformed += 1
                continue
            v = f[lay.pos[col]].strip() if col else raw
            hashes.add(hash64(self.seed, self.root, v))
            for c in self.pcols[self.root]:
                self.all_keys[(self.root, c)].add(f[lay.pos[c]].strip())
        st.scans += 1
        self.root_keys = len(hashes)
        if percent is not None:
            count = max(1, math.ceil(self.root_keys * percent / 100.0))
        if count is None or count < 1:
            raise SampleError("the sample needs a count of at least 1 root row (or a percentage above 0)")
        ordered = sorted(hashes)
        if not ordered:
            self.threshold, self.picked = -1, 0
        elif count >= len(ordered):
            self.threshold, self.picked = (1 << 64), len(ordered)
        else:
            self.threshold, self.picked = ordered[count - 1], count

    @property
    def fraction(self) -> float:
        return self.picked / self.root_keys if self.root_keys else 0.0

    def _down_parents(self, t: str) -> list[Edge]:
        return [e for e in self.g.parents[t] if e.parent in self.g.down] if t in self.g.down else []

    def _down_dirty(self, t: str) -> bool:
        seen = self.seen_versions.get(t)
        if seen is None:
            return True
        return any(self.desc_version[e.parent] != seen.get(e.parent) for e in self._down_parents(t))

    def _pending(self, t: str) -> bool:
        for c in self.pcols[t]:
            k = (t, c)
            pend = self.need[k] - self.sel_keys[k] - self.searched[k]
            if self.stats[t].scans:
                pend &= self.all_keys[k]
            if pend:
                return True
        return False

    def _scan(self, t: str, down: bool) -> None:
        lay = self.layout(t)
        st = self.stats[t]
        first = st.scans == 0
        st.scans += 1
        sel = self.sel[t]
        seed, thr = self.seed, self.threshold
        is_root = t == self.root
        unrelated = t in self.g.unrelated
        pick_col = self.pick_column(t)
        pick_pos = lay.pos[pick_col] if pick_col else None
        kpos = [(c, lay.pos[c], self.all_keys[(t, c)], self.sel_keys[(t, c)], self.desc_keys[(t, c)])
                for c in self.pcols[t]]
        needs = []
        for c, p, allk, selk, _ in kpos:
            pend = self.need[(t, c)] - selk - self.searched[(t, c)]
            if pend:
                needs.append((p, pend))
                self.searched[(t, c)] |= pend
        refs = [(e, lay.pos[e.child_col], self.sel_keys[(e.parent, e.parent_col)], self.need[(e.parent, e.parent_col)])
                for e in self.g.parents[t]]
        downs = [(e.parent, lay.pos[e.child_col], self.desc_keys[(e.parent, e.parent_col)], self.all_keys[(e.parent, e.parent_col)])
                 for e in self._down_parents(t)] if down else []
        if down:
            self.seen_versions[t] = {e.parent: self.desc_version[e.parent] for e in self._down_parents(t)}
        if down and is_root:
            downs = []
        grew = False
        for n, raw, f in records(lay):
            if first:
                st.records += 1
                if f is None:
                    st.malformed += 1
                    continue
                for c, p, allk, _, _ in kpos:
                    allk.add(f[p].strip())
            elif f is None:
                continue
            if n in sel:
                continue
            how = None
            if down:
                if is_root:
                    v = f[pick_pos].strip() if pick_pos is not None else raw
                    if hash64(seed, t, v) <= thr:
                        how = "descendants"
                elif unrelated:
                    v = f[pick_pos].strip() if pick_pos is not None else raw
                    if hash64(seed, t, v) <= thr:
                        how = "share"
                else:
                    for parent, p, desck, allk in downs:
                        v = f[p].strip()
                        if not v:
                            continue
                        if v in desck:
                            how = "descendants"
                            break
                        if v not in allk and hash64(seed, parent, v) <= thr:
                            how = "orphans"
                            break
            if how is None and needs:
                for p, pend in needs:
                    if f[p].strip() in pend:
                        how = "pulled"
                        break
            if how is None:
                continue
            sel[n] = raw
            setattr(st, how, getattr(st, how) + 1)
            for c, p, allk, selk, desck in kpos:
                v = f[p].strip()
                selk.add(v)
                if how != "pulled" and how != "share":
                    if v not in desck:
                        desck.add(v)
                        grew = True
            for e, p, selk, need in refs:
                v = f[p].strip()
                if v and v not in selk:
                    need.add(v)
        if grew:
            self.desc_version[t] += 1

    # -- writing ---------------------------------------------------------------------------

    def write(self, out_dir: Path, masker=None, force: bool = False) -> None:
        out_dir = Path(out_dir)
        sources = {sf.path.parent.resolve() for sf in self.files.values()}
        if out_dir.exists() and out_dir.resolve() in sources:
            raise SampleError(f"{out_dir}: is the source folder; write the sample elsewhere")
        targets = [out_dir / self.files[t].path.name for t in self.g.order] + [out_dir / MANIFEST]
        if not force:
            existing = [str(p) for p in targets if p.exists()]
            if existing:
                raise SampleError(f"{existing[0]}: already exists (use --force to replace the sample)")
        out_dir.mkdir(parents=True, exist_ok=True)
        contexts = _ContextResolver(self, masker) if masker is not None else None
        for t in self.g.order:
            lay = self.layout(t)
            sf = lay.sf
            path = out_dir / sf.path.name
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as raw:
                raw.write(lay.bom)
                fh = io.TextIOWrapper(raw, encoding=lay.codec, errors=lay.errors, newline="")
                if lay.header is not None:
                    fh.write(lay.header if lay.header.endswith(("\n", "\r")) else lay.header + lay.newline)
                rows = sorted(self.sel[t].items())
                for i, (n, rec) in enumerate(rows):
                    if masker is not None:
                        rec = self._masked(t, lay, rec, masker, contexts)
                    if i < len(rows) - 1 and not rec.endswith(("\n", "\r")):
                        rec += lay.newline
                    fh.write(rec)
                fh.flush()
                fh.detach()
            self.stats[t].sample_bytes = path.stat().st_size

    def _masked(self, t: str, lay: Layout, rec: str, masker, contexts: "_ContextResolver") -> str:
        body = _body(rec)
        ending = rec[len(body):]
        raws = split_raw(body, lay.sf)
        values = split_fields(body, lay.sf)
        if values is None or len(values) != len(raws):
            raise SampleError(f"{t}: a sampled record could not be split into fields for masking")
        row = {name: values[i] for i, name in enumerate(lay.names) if not name.startswith("__unused_")}
        identity = contexts.identity(t, row)
        new = masker.mask_row(t, row, identity)
        contexts.remember(t, row, identity)
        for name, v in new.items():
            i = lay.pos[name]
            if v != values[i]:
                raws[i] = write_field(raws[i], v, lay.sf)
        return lay.sf.delimiter.join(raws) + ending


class _ContextResolver:
    """The root row each sampled row belongs to (for per-patient date offsets): the
    root's own identity, else followed up the shortest chain of references (parents are
    written first, so their identities are known)."""

    def __init__(self, sampler: Sampler, masker):
        self.s = sampler
        self.masker = masker
        self.paths = {t: sampler.g.path_to_root(t) for t in sampler.g.order}
        self.first_edge = {t: (p[0] if p else None) for t, p in self.paths.items()}
        wanted: set[tuple[str, str]] = set()
        for t, e in self.first_edge.items():
            if e is not None:
                wanted.add((e.parent, e.parent_col))
        self.wanted = wanted
        self.known: dict[tuple[str, str], dict[str, str]] = {k: {} for k in wanted}
        self.root_col = sampler.pick_column(sampler.root)

    def identity(self, t: str, row: dict[str, str]) -> str:
        if t == self.s.root:
            return self.masker.root_identity(row, self.root_col)
        e = self.first_edge.get(t)
        if e is None:
            col = self.s.pick_column(t)
            return f"{t}:{row.get(col, '') if col else ''}"
        v = row.get(e.child_col, "").strip()
        found = self.known[(e.parent, e.parent_col)].get(v)
        if found is not None:
            return found
        if e.parent == self.s.root:
            return self.masker.orphan_identity(v)
        return f"{e.parent}:{e.parent_col}:{v}"

    def remember(self, t: str, row: dict[str, str], identity: str) -> None:
        for (pt, pc), known in self.known.items():
            if pt == t:
                known.setdefault(row.get(pc, "").strip(), identity)


def sample(compiled, source_dir: Path | None, out_dir: Path, root: str, count: int | None = None,
           percent: float | None = None, seed: int = 1, masker=None, force: bool = False) -> SampleResult:
    """Select and write a closed sample; return its counts (no row content)."""
    import time

    started = time.perf_counter()
    s = Sampler(compiled, source_dir, root, seed)
    s.select(count=count, percent=percent)
    s.write(out_dir, masker=masker, force=force)
    result = SampleResult(root, seed, s.root_keys, s.picked, s.fraction, s.stats, masked=masker is not None,
                          mask_key_id=getattr(masker, "key_id", None), out=Path(out_dir))
    result.seconds = time.perf_counter() - started
    manifest = Path(out_dir) / MANIFEST
    fd = os.open(manifest, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(result.to_dict(), fh, indent=2)
        fh.write("\n")
    return result
