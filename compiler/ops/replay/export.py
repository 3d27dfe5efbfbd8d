"""`chartshift rejects export`: the rejected records of a run, back in their source's layout.

For each source file with rejects, `OUT/<the file's name>` holds the file's BOM and header
record and then every rejected record, byte for byte as the source has it (its encoding,
its line endings, quotes and all), in file order, each once (a record several maps or
slots rejected is one record).  `OUT/replay.json` says where each came from: no row data,
only positions, lengths and SHA-256 hashes, which `rejects apply` checks.  The records are
read from the source file at the byte offset the run recorded (`chartshift.rejects`), so
even undecodable bytes come back as they were.  Files 0600, the folder 0700: they are PHI.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlglot import exp

from compiler import __version__
from compiler.errors import UsageError
from compiler.ops.replay.layout import ReplayError, at_record_start, header_bytes, layout_of, read_record
from compiler.pipeline import Compiled
from compiler.runtime.engines import open_engine
from compiler.runtime.engines.base import Engine
from compiler.runtime.staging import SourceFile, source_files
from compiler.sqlgen.lower import col
from compiler.sqlgen.scripts import SqlGen
from compiler.sqlgen.statements import REJECTS
from compiler.sqlgen.text import sql_text

MANIFEST = "replay.json"
REPLAY_VERSION = 1


@dataclass
class ExportedFile:
    table: str
    file: str
    records: int
    rejects: int  # rows of chartshift.rejects behind them (several per record: maps, slots)


@dataclass
class ExportResult:
    out: Path
    files: list[ExportedFile] = field(default_factory=list)

    @property
    def records(self) -> int:
        return sum(f.records for f in self.files)


def rejected_positions(engine: Engine, gen: SqlGen) -> dict[tuple[str, str], dict[int, tuple[int, int]]]:
    """{(source table, file): {byte offset: (line, rejects there)}} from the published rejects."""
    q = (
        exp.select(
            col("source_table"), col("source_file"), col("byte_offset"), exp.Min(this=col("source_line")), exp.Count(this=exp.Star())
        )
        .from_(gen.tbl(*REJECTS))
        .where(
            exp.and_(
                exp.Not(this=exp.Is(this=col("source_file"), expression=exp.Null())),
                exp.Not(this=exp.Is(this=col("byte_offset"), expression=exp.Null())),
            )
        )
        .group_by(col("source_table"), col("source_file"), col("byte_offset"))
    )
    out: dict[tuple[str, str], dict[int, tuple[int, int]]] = {}
    for tbl, file, offset, line, n in engine.query(sql_text(q, gen.dialect)):
        out.setdefault((str(tbl), str(file)), {})[int(offset)] = (int(line or 0), int(n))
    return out


def private_folder(out: Path) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise UsageError(f"{out}: exists and is not an empty folder (rejected records are PHI: choose a new folder)")
    out.mkdir(mode=0o700, parents=True, exist_ok=True)
    out.chmod(0o700)


def write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def export_rejects(compiled: Compiled, target_url: str, out: Path, source_dir: Path | None) -> ExportResult:
    """Write the rejected records of the target's last published run into `out` (new or empty)."""
    files = {sf.qualified: sf for sf in source_files(compiled.spec, source_dir, compiled.path.parent)}
    engine = open_engine(target_url)
    try:
        gen = SqlGen(compiled.checked, engine.dialect)
        positions = rejected_positions(engine, gen)
        target = engine.display_url
    finally:
        engine.close()
    private_folder(out)
    result = ExportResult(out)
    manifest: dict[str, Any] = {
        "replay_version": REPLAY_VERSION,
        "chartshift": __version__,
        "spec": compiled.display,
        "spec_sha256": compiled.sha256,
        "target": target,
        "files": [],
    }
    for (qualified, file), by_offset in sorted(positions.items()):
        sf = files.get(qualified)
        if sf is None:
            raise ReplayError(f"{target}: rejects of `{qualified}`, which the spec does not declare (another spec's run?)")
        entry = export_file(sf, file, by_offset, out)
        manifest["files"].append(entry)
        result.files.append(ExportedFile(qualified, file, len(entry["records"]), sum(n for _, n in by_offset.values())))
    write_private(out / MANIFEST, (json.dumps(manifest, indent=2) + "\n").encode("utf-8"))
    return result


def export_file(sf: SourceFile, file: str, by_offset: dict[int, tuple[int, int]], out: Path) -> dict[str, Any]:
    """Write one file's rejected records; its manifest entry."""
    if file != (sf.file or sf.path.name) or Path(file).name != file:
        raise ReplayError(f"{sf.qualified}: the run recorded its file as `{file}`, the spec names `{sf.file or sf.path.name}`")
    if sf.encoding == "utf-16":  # the run's offsets count its UTF-8 transcoding, not the file's bytes
        raise ReplayError(f"{sf.path}: rejected records of a UTF-16 file cannot be exported yet (byte offsets are of its UTF-8 form)")
    if not sf.path.is_file():
        raise ReplayError(f"{sf.path}: the source file of {sf.qualified} is needed to write its rejected records in its own layout")
    records = []
    with open(sf.path, "rb") as fh:
        lay = layout_of(fh, sf.quote, sf.escape)
        parts = [lay.bom + (header_bytes(fh, lay) if sf.header else b"")]
        if parts[0] and not parts[0].endswith((b"\n", b"\r")):
            parts[0] += lay.terminator
        for offset in sorted(by_offset):
            if not at_record_start(fh, offset, lay):
                raise ReplayError(f"{sf.path}: no record starts at byte {offset:,}: the file changed since the run")
            raw = read_record(fh, offset, lay)
            line, _ = by_offset[offset]
            records.append({"line": line, "offset": offset, "length": len(raw), "sha256": hashlib.sha256(raw).hexdigest()})
            parts.append(raw if raw.endswith((b"\n", b"\r")) else raw + lay.terminator)
    write_private(out / file, b"".join(parts))
    return {
        "table": sf.qualified,
        "file": file,
        "encoding": sf.encoding,
        "header": sf.header,
        "terminator": lay.terminator.decode("ascii"),
        "bom": bool(lay.bom),
        "records": records,
    }
