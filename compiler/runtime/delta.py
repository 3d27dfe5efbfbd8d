"""Delta runs (`run --delta`): which extract this is, whether it may be applied, its files.

An extract folder holds the changed tables' files (flagged rows; an unflagged table's file,
when present, replaces that table whole) and `extract.json`:
`{"extract_id": "...", "sequence": N, "timestamp": "..."}` (or `id` for `extract_id`).  Extracts apply in sequence order,
each once: the next one is the recorded highest sequence + 1.  The same extract again
(same id, same files) is applied again and changes nothing; anything else out of order is
refused (exit 2) unless `--force`.  The SQL is compiler/sqlgen/delta.py's.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from compiler import ir
from compiler.errors import UsageError
from compiler.runtime.staging import SourceFile, staged_columns
from compiler.sqlgen.delta import DeltaInput, ExtractRecord

EXTRACT_FILE = "extract.json"
APPLIED, REPLAYED, FORCED = "applied", "already applied", "forced"


class DeltaRefused(UsageError):
    """A delta that cannot be applied to this target: no full load of a flagged spec in it,
    no extract.json, an extract out of order or already recorded with other files (exit 2)."""


@dataclass(frozen=True)
class Extract:
    """What extract.json says, with the hash of the extract's files."""

    extract_id: str
    sequence: int | None
    timestamp: str | None
    files_sha256: str


def files_sha256(files: list[Path]) -> str:
    """One hash over the extract's files (names and bytes, in name order)."""
    h = hashlib.sha256()
    for f in sorted(files, key=lambda p: p.name):
        h.update(f.name.encode("utf-8") + b"\0")
        with open(f, "rb") as fh:
            while block := fh.read(1 << 20):
                h.update(block)
        h.update(b"\0")
    return h.hexdigest()


def read_extract(folder: Path, files: list[Path], required: bool) -> Extract:
    """extract.json of `folder` (a full export may lack it: then id `full`, sequence 0)."""
    path = folder / EXTRACT_FILE
    digest = files_sha256([f for f in files if f.exists()] + ([path] if path.exists() else []))
    if not path.exists():
        if required:
            raise DeltaRefused(f"{path}: a delta extract needs its extract.json (id, sequence, timestamp)")
        return Extract("full", 0, None, digest)
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        ext_id = str(data["extract_id"] if "extract_id" in data else data["id"])
        seq = data.get("sequence")
        sequence = None if seq is None else int(seq)
        ts = data.get("timestamp")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DeltaRefused(f"{path}: not an extract description ({type(exc).__name__}): expected extract_id, sequence, timestamp") from None
    return Extract(ext_id, sequence, None if ts is None else str(ts), digest)


def record(ext: Extract, kind: str) -> ExtractRecord:
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    return ExtractRecord(ext.extract_id, kind, ext.sequence, ext.timestamp, ext.files_sha256, now)


def decide(ext: Extract, recorded: list[tuple[Any, ...]], force: bool) -> str:
    """APPLIED (the next extract), REPLAYED (recorded before with the same files) or FORCED;
    anything else raises DeltaRefused.  `recorded`: (id, kind, sequence, files_sha256) rows."""
    for ext_id, _kind, _seq, digest in recorded:
        if str(ext_id) == ext.extract_id:
            if digest == ext.files_sha256:
                return REPLAYED
            if not force:
                raise DeltaRefused(
                    f"extract {ext.extract_id} was applied before with other files (sha256 {str(digest)[:12]}..., now "
                    f"{ext.files_sha256[:12]}...); refused (--force applies it again)"
                )
            return FORCED
    sequences = [int(s) for _i, _k, s, _d in recorded if s is not None]
    last = max(sequences) if sequences else None
    if ext.sequence is None:
        if force:
            return FORCED
        raise DeltaRefused(f"extract {ext.extract_id} has no sequence number: its order cannot be checked (--force applies it)")
    if last is not None and ext.sequence != last + 1:
        if force:
            return FORCED
        why = "already passed" if ext.sequence <= last else f"{ext.sequence - last - 1} extract(s) before it are missing"
        raise DeltaRefused(
            f"extract {ext.extract_id} has sequence {ext.sequence}, the target expects {last + 1} ({why}); refused (--force applies it)"
        )
    return APPLIED


def delta_files(spec: ir.Spec, files: list[SourceFile], workdir: Path) -> tuple[list[SourceFile], DeltaInput]:
    """The files of an extract as the run stages them: a flagged table's file has its flag
    (and timestamp) columns; a table without a file stages no rows (a header-only file in
    the private workdir); an unflagged table's file, with exactly its declared columns,
    replaces that table whole (one with more columns is refused: flagged rows would be
    taken for the whole table).  The DeltaInput's `record` is filled in by the caller."""
    tables = {f"{src.name}.{t.name}": t for src in spec.sources for t in src.tables}
    out: list[SourceFile] = []
    replaced: set[str] = set()
    for sf in files:
        t = tables[sf.qualified]
        extra = ([t.delta_flag.column] if t.delta_flag is not None else []) + ([t.delta_timestamp] if t.delta_timestamp else [])
        sf = replace(sf, columns=sf.columns + extra)
        if not sf.path.exists():
            empty = workdir / f"empty__{sf.qualified}.csv"
            with open(empty, "w", encoding="utf-8", newline="") as fh:
                if sf.header:
                    fh.write(sf.delimiter.join(sf.columns) + "\n")
            sf = replace(sf, path=empty, encoding="utf-8")
        elif t.delta_flag is None:
            extra_columns = [n for n in staged_columns(sf) if n.startswith("__unused_")]
            if extra_columns:
                raise DeltaRefused(
                    f"{sf.path}: {sf.qualified} declares no `delta flag`, but its file in the extract has "
                    f"{len(extra_columns)} column(s) more than declared (flagged rows?); declare the flag, or give the whole table"
                )
            replaced.add(sf.qualified)
        out.append(sf)
    return out, DeltaInput(frozenset(replaced), None)
