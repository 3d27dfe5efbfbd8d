"""`chartshift rejects apply`: a corrected source folder from the original one and the
fixed export (`rejects export`, then edited).

Each record of a fixed file replaces, in order, the original record the manifest names
(by byte offset, length and SHA-256: an original that changed since the export is an
error); every other byte of the source is copied unchanged, and the spec's other source
files are copied as they are.  A fixed record is written with the file's line terminator.
Then `chartshift run SPEC --source OUT` is a run like any other: the rows loaded before
are loaded again with the same crosswalk ids, and each fixed record takes its original's
place, so it is counted, and loaded (or rejected again), once.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from compiler.errors import UsageError
from compiler.ops.replay.export import MANIFEST, REPLAY_VERSION, private_folder
from compiler.ops.replay.layout import BOM, Layout, ReplayError, header_bytes, layout_of, split_records
from compiler.pipeline import Compiled
from compiler.runtime.staging import SourceFile, source_files

COPY_BLOCK = 1 << 20


@dataclass
class AppliedFile:
    table: str
    file: str
    replaced: int


@dataclass
class ApplyResult:
    out: Path
    files: list[AppliedFile] = field(default_factory=list)
    copied: list[str] = field(default_factory=list)  # source files without fixes

    @property
    def replaced(self) -> int:
        return sum(f.replaced for f in self.files)


def read_manifest(fixes: Path, compiled: Compiled) -> dict[str, Any]:
    path = fixes / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"{path}: not found: give the folder `chartshift rejects export` wrote") from None
    except (OSError, ValueError) as exc:
        raise ReplayError(f"{path}: unreadable manifest ({type(exc).__name__})") from None
    if not isinstance(manifest, dict) or manifest.get("replay_version") != REPLAY_VERSION:
        raise ReplayError(f"{path}: not a replay manifest of version {REPLAY_VERSION}")
    if manifest.get("spec_sha256") != compiled.sha256:
        raise UsageError(f"{path}: exported for another version of the spec ({manifest.get('spec')}); export again")
    return manifest


def fixed_records(path: Path, entry: dict[str, Any], lay: Layout) -> list[bytes]:
    """The records of an edited export file, its BOM and header left out; as many as exported."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: missing from the fixed export") from None
    data = data.removeprefix(BOM)
    records = split_records(data, lay)
    if entry["header"] and records:
        records = records[1:]
    want = len(entry["records"])
    if len(records) != want:
        raise UsageError(
            f"{path}: {len(records)} records, the export wrote {want}: fix records in place (each replaces the original at its position)"
        )
    return [r if r.endswith((b"\n", b"\r")) else r + lay.terminator for r in records]


def copy_range(src: BinaryIO, dst: BinaryIO, n: int) -> None:
    while n > 0:
        block = src.read(min(COPY_BLOCK, n))
        if not block:
            break
        dst.write(block)
        n -= len(block)


def apply_file(sf: SourceFile, entry: dict[str, Any], fixes: Path, out: Path) -> int:
    terminator = str(entry["terminator"]).encode("ascii")
    with open(sf.path, "rb") as src:
        lay = layout_of(src, sf.quote, sf.escape)
        if lay.terminator != terminator:
            raise ReplayError(f"{sf.path}: its line endings changed since the export")
        if sf.header:
            header_bytes(src, lay)  # a file whose header cannot be read fails here, not halfway
        records = fixed_records(fixes / sf.path.name, entry, lay)
        originals = sorted(entry["records"], key=lambda r: int(r["offset"]))
        fd = os.open(out / sf.path.name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as dst:
            at = 0
            src.seek(0)
            for original, fixed in zip(originals, records, strict=True):
                offset, length = int(original["offset"]), int(original["length"])
                copy_range(src, dst, offset - at)
                raw = src.read(length)
                if hashlib.sha256(raw).hexdigest() != original["sha256"]:
                    raise ReplayError(f"{sf.path}: the record at line {original['line']} changed since the export: export again")
                dst.write(fixed)
                at = offset + length
            shutil.copyfileobj(src, dst, COPY_BLOCK)
    return len(records)


def apply_fixes(compiled: Compiled, source_dir: Path | None, fixes: Path, out: Path) -> ApplyResult:
    """Write the corrected source folder `out` (new or empty)."""
    manifest = read_manifest(fixes, compiled)
    files = source_files(compiled.spec, source_dir, compiled.path.parent)
    by_table = {sf.qualified: sf for sf in files}
    entries = {str(e["table"]): e for e in manifest["files"]}
    unknown = sorted(set(entries) - set(by_table))
    if unknown:
        raise ReplayError(f"{fixes / MANIFEST}: tables the spec does not declare: {', '.join(unknown)}")
    for sf in files:
        if not sf.path.is_file():
            raise ReplayError(f"{sf.path}: source file for {sf.qualified} not found")
    if out.resolve() in {sf.path.parent.resolve() for sf in files} or out.resolve() == fixes.resolve():
        raise UsageError(f"{out}: write the corrected source to a new folder, not over the source or the export")
    private_folder(out)
    result = ApplyResult(out)
    for sf in files:
        if sf.qualified in entries:
            result.files.append(AppliedFile(sf.qualified, sf.path.name, apply_file(sf, entries[sf.qualified], fixes, out)))
        else:
            fd = os.open(out / sf.path.name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with open(sf.path, "rb") as src, os.fdopen(fd, "wb") as dst:
                shutil.copyfileobj(src, dst, COPY_BLOCK)
            result.copied.append(sf.path.name)
    return result
