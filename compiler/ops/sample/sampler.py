"""The sampler: root rows picked by hash, closure over the reference graph, the sample and its manifest written."""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from compiler.ops.sample.graph import Edge, Graph, SampleError
from compiler.ops.sample.records import Layout, layout, record_body, records, split_fields, split_raw, write_field
from compiler.runtime import progress
from compiler.runtime.staging import StagingError, source_files
from compiler.semantic.catalog import Catalog

if TYPE_CHECKING:
    from compiler.pipeline import Compiled


class Masker(Protocol):
    """What the sampler uses of `compiler.ops.mask.masker.Masker` (not imported: mask imports sample)."""

    def mask_row(self, table: str, row: dict[str, str], identity: str) -> dict[str, str]: ...
    def root_identity(self, row: dict[str, str], key_column: str | None) -> str: ...
    def orphan_identity(self, value: str) -> str: ...


MANIFEST = "sample.json"


def hash64(seed: int | str, table: str, value: str) -> int:
    data = f"{seed}\x1f{table}\x1f{value}".encode("utf-8", "surrogateescape")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


@dataclass
class TableSample:
    """Counts for one table of a sample (no row content)."""

    table: str
    file: str
    records: int = 0  # data records in the source (header excluded), malformed included
    malformed: int = 0
    selected: int = 0
    descendants: int = 0  # root rows picked and rows referencing selected descendants
    pulled: int = 0  # parents pulled in because a selected row references them
    orphans: int = 0  # rows selected by the orphan share
    share: int = 0  # rows of unrelated tables selected by the proportional share
    scans: int = 0
    source_bytes: int = 0
    sample_bytes: int = 0


@dataclass
class SampleResult:
    root: str
    seed: int
    root_keys: int  # distinct keys of well-formed root rows
    picked: int  # root keys picked
    fraction: float  # picked / root_keys
    tables: dict[str, TableSample]
    masked: bool = False
    mask_key_id: str | None = None
    out: Path | None = None
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "root": self.root,
            "seed": self.seed,
            "root_keys": self.root_keys,
            "picked": self.picked,
            "fraction": round(self.fraction, 6),
            "masked": self.masked,
            "mask_key_id": self.mask_key_id,
            "tables": {t: {k: v for k, v in vars(s).items() if k != "table"} for t, s in self.tables.items()},
        }


class Sampler:
    """Selects a closed sample (`select`) and writes it (`write`)."""

    def __init__(self, compiled: Compiled, source_dir: Path | None, root: str, seed: int):
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
        for _n, raw, f in records(lay):
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
        """One pass over a table's file, reported to the command's progress (rows on the first pass)."""
        tracker = progress.current()
        tracker.step(f"scan {t}")
        first = self.stats[t].scans == 0
        started = time.perf_counter()
        self._scan_once(t, down)
        tracker.statement(f"scan {t}", time.perf_counter() - started, rows=self.stats[t].records if first else 0)

    def _scan_once(self, t: str, down: bool) -> None:
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
        kpos = [(c, lay.pos[c], self.all_keys[(t, c)], self.sel_keys[(t, c)], self.desc_keys[(t, c)]) for c in self.pcols[t]]
        needs = []
        for c, p, _allk, selk, _ in kpos:
            pend = self.need[(t, c)] - selk - self.searched[(t, c)]
            if pend:
                needs.append((p, pend))
                self.searched[(t, c)] |= pend
        refs = [
            (e, lay.pos[e.child_col], self.sel_keys[(e.parent, e.parent_col)], self.need[(e.parent, e.parent_col)])
            for e in self.g.parents[t]
        ]
        downs = (
            [
                (e.parent, lay.pos[e.child_col], self.desc_keys[(e.parent, e.parent_col)], self.all_keys[(e.parent, e.parent_col)])
                for e in self._down_parents(t)
            ]
            if down
            else []
        )
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
                for _c, p, allk, _, _ in kpos:
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
            for _c, p, _allk, selk, desck in kpos:
                v = f[p].strip()
                selk.add(v)
                if how != "pulled" and how != "share":
                    if v not in desck:
                        desck.add(v)
                        grew = True
            for _e, p, selk, need in refs:
                v = f[p].strip()
                if v and v not in selk:
                    need.add(v)
        if grew:
            self.desc_version[t] += 1

    # -- writing ---------------------------------------------------------------------------

    def write(self, out_dir: Path, masker: Masker | None = None, force: bool = False) -> None:
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
            progress.current().step(f"write {t}")
            started = time.perf_counter()
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
                for i, (_n, rec) in enumerate(rows):
                    if masker is not None:
                        assert contexts is not None  # made when there is a masker
                        rec = self._masked(t, lay, rec, masker, contexts)
                    if i < len(rows) - 1 and not rec.endswith(("\n", "\r")):
                        rec += lay.newline
                    fh.write(rec)
                fh.flush()
                fh.detach()
            self.stats[t].sample_bytes = path.stat().st_size
            progress.current().statement(f"write {t}", time.perf_counter() - started, rows=len(self.sel[t]))

    def _masked(self, t: str, lay: Layout, rec: str, masker: Masker, contexts: _ContextResolver) -> str:
        body = record_body(rec)
        ending = rec[len(body) :]
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

    def __init__(self, sampler: Sampler, masker: Masker):
        self.s = sampler
        self.masker = masker
        self.paths = {t: sampler.g.path_to_root(t) for t in sampler.g.order}
        self.first_edge = {t: (p[0] if p else None) for t, p in self.paths.items()}
        wanted: set[tuple[str, str]] = set()
        for _t, e in self.first_edge.items():
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


def sample(
    compiled: Compiled,
    source_dir: Path | None,
    out_dir: Path,
    root: str,
    count: int | None = None,
    percent: float | None = None,
    seed: int = 1,
    masker: Masker | None = None,
    force: bool = False,
) -> SampleResult:
    """Select and write a closed sample; return its counts (no row content)."""
    import time

    started = time.perf_counter()
    s = Sampler(compiled, source_dir, root, seed)
    s.select(count=count, percent=percent)
    s.write(out_dir, masker=masker, force=force)
    result = SampleResult(
        root,
        seed,
        s.root_keys,
        s.picked,
        s.fraction,
        s.stats,
        masked=masker is not None,
        mask_key_id=getattr(masker, "key_id", None),
        out=Path(out_dir),
    )
    result.seconds = time.perf_counter() - started
    manifest = Path(out_dir) / MANIFEST
    fd = os.open(manifest, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(result.to_dict(), fh, indent=2)
        fh.write("\n")
    return result
