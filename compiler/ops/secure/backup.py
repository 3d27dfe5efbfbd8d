"""Backup workflows: create, verify and restore an encrypted archive of a migration's source files and DuckDB target."""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from compiler import __version__
from compiler.ops.secure.archive import CHUNK, ArchiveError, ArchiveReader, ArchiveWriter, ReadResult, safe_name
from compiler.ops.secure.keys import Key, SecureError, SecureUsageError
from compiler.ops.secure.target import TableSink, duckdb_path, export_target, load_tables
from compiler.runtime import progress
from compiler.runtime.scratch import private_dir

if TYPE_CHECKING:
    from compiler.pipeline import Compiled


def fmt_bytes(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:,} B" if unit == "B" else f"{n:,.1f} {unit}"
        n /= 1000
    return str(n)


# ---------------------------------------------------------------------------- backup


@dataclass
class Summary:
    """What a backup / verify / restore did (counts only: safe for terminals and the audit log)."""

    archive_id: str = ""
    key_id: str = ""
    files: int = 0
    file_bytes: int = 0
    tables: int = 0
    rows: int = 0
    archive_bytes: int = 0
    notes: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "file_bytes": self.file_bytes,
            "tables": self.tables,
            "rows": self.rows,
            "archive_bytes": self.archive_bytes,
        }

    def describe(self) -> str:
        s = f"{self.files} file{'s' if self.files != 1 else ''} ({fmt_bytes(self.file_bytes)})"
        if self.tables:
            s += f", {self.tables} table{'s' if self.tables != 1 else ''} ({self.rows:,} rows)"
        return s


def _source_entries(compiled: Compiled, source_dir: Path | None) -> list[tuple[str, Path, list[str]]]:
    """(entry name, path, source tables) for every distinct source file of the spec."""
    from compiler.runtime.staging import source_files

    sfs = source_files(compiled.spec, source_dir, compiled.path.parent)
    folders = {}
    for src in compiled.spec.sources:
        folders[src.name] = source_dir if source_dir is not None else compiled.path.parent / src.path
    several = len({os.path.normpath(str(f)) for f in folders.values()}) > 1
    out: dict[str, tuple[str, Path, list[str]]] = {}
    for sf in sfs:
        src_name = sf.qualified.split(".", 1)[0]
        rel = os.path.relpath(os.path.normpath(sf.path), os.path.normpath(folders[src_name])).replace(os.sep, "/")
        name = f"{src_name}/{rel}" if several else rel
        if not safe_name(name):
            raise SecureUsageError(
                f"{sf.path}: the file of {sf.qualified} lies outside its source folder; it cannot be archived under a safe name"
            )
        key = os.path.realpath(sf.path)
        if key in out:
            out[key][2].append(sf.qualified)
        else:
            out[key] = (name, sf.path, [sf.qualified])
    names = [v[0] for v in out.values()]
    if len(set(names)) != len(names):
        raise SecureUsageError("two source files would get the same name in the archive")
    return list(out.values())


def _temp_beside(path: Path, suffix: str) -> tuple[int, Path]:
    for _ in range(100):
        p = path.parent / f".{path.name}.{secrets.token_hex(6)}{suffix}"
        try:
            return os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), p
        except FileExistsError:
            continue
    raise SecureError(f"{path}: cannot create a temporary file beside it")


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def create_backup(
    compiled: Compiled,
    source_dir: Path | None,
    target_url: str | None,
    out: Path,
    key: Key,
    *,
    force: bool = False,
    compress: int = 0,
    chunk_size: int = CHUNK,
    audit: dict[str, Any] | None = None,
) -> Summary:
    """Write one encrypted archive of the spec's source files (and the target's tables).
    `audit`: the audit log's anchor when the backup started (audit.current_anchor), kept in
    the manifest for `audit verify --anchor ARCHIVE`."""
    out = Path(out)
    if not out.parent.is_dir():
        raise SecureUsageError(f"{out}: folder {out.parent} does not exist")
    if out.exists() and not force:
        raise SecureUsageError(f"{out}: already exists (pass --force to replace it)")
    if target_url:
        duckdb_path(target_url, must_exist=True)
    sources = _source_entries(compiled, source_dir)
    for _name, path, tables in sources:
        if not path.is_file():
            raise SecureError(f"{path}: source file for {', '.join(tables)} not found")
    fd, tmp = _temp_beside(out, ".partial")
    summary = Summary()
    workdir = None
    try:
        with os.fdopen(fd, "wb", buffering=CHUNK) as fh:
            writer = ArchiveWriter(fh, key, chunk_size=chunk_size, compress=compress)
            for name, path, tables in sources:
                progress.current().step(f"archive {name}")
                started = time.perf_counter()
                try:
                    src = open(path, "rb")
                except OSError as exc:
                    raise SecureError(f"{path}: cannot read source file: {exc.strerror or exc}") from None
                with src:
                    mtime = os.fstat(src.fileno()).st_mtime_ns
                    rec = writer.add(name, "file", src, mtime_ns=mtime, source_tables=tables)
                summary.files += 1
                summary.file_bytes += rec["bytes"]
                progress.current().statement(f"archive {name}", time.perf_counter() - started)
            target = None
            if target_url:
                workdir = private_dir("backup")  # 0700: plaintext PHI
                target = export_target(writer, target_url, workdir)
            for rec in writer.entries:
                if rec["kind"] == "table":
                    summary.tables += 1
                    summary.rows += rec["rows"]
            writer.finish(
                created=datetime.now(UTC).isoformat(timespec="seconds"),
                compiler_version=__version__,
                spec={"path": compiled.display, "sha256": compiled.sha256},
                source_dir=str(source_dir) if source_dir is not None else None,
                target=target,
                totals={k: v for k, v in summary.counts().items() if k != "archive_bytes"},
                **({"audit": audit} if audit is not None else {}),
            )
            fh.flush()
            os.fsync(fh.fileno())
            summary.archive_id, summary.key_id, summary.archive_bytes = writer.archive_id.hex(), writer.key_id, writer.written
        if force:
            os.replace(tmp, out)
        else:
            try:
                os.link(tmp, out)  # no-clobber, even against a file created meanwhile
            except FileExistsError:
                raise SecureUsageError(f"{out}: already exists (pass --force to replace it)") from None
            os.unlink(tmp)
        _fsync_dir(out.parent)
        return summary
    finally:
        if workdir is not None:
            shutil.rmtree(workdir, ignore_errors=True)
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass


# ---------------------------------------------------------------------------- verify


def _open_archive(path: Path, key: Key) -> tuple[BinaryIO, ArchiveReader]:
    try:
        fh = open(path, "rb", buffering=CHUNK)
    except FileNotFoundError:
        raise SecureError(f"{path}: backup file not found") from None
    except OSError as exc:
        raise SecureError(f"{path}: cannot read backup: {exc.strerror or exc}") from None
    try:
        return fh, ArchiveReader(fh, key, str(path))
    except BaseException:
        fh.close()
        raise


def _check_rows(result: ReadResult, display: str) -> None:
    for e, rec in zip(result.entries, result.manifest["entries"]):
        if e.kind == "table" and e.result != rec.get("rows"):
            raise ArchiveError(
                f"{display}: damaged or tampered archive: table {e.name} holds {e.result:,} rows, the manifest says {rec.get('rows')}"
            )


def _summarise(result: ReadResult) -> Summary:
    s = Summary(result.archive_id, result.key_id, archive_bytes=result.archive_bytes)
    for e, rec in zip(result.entries, result.manifest["entries"]):
        if e.kind == "file":
            s.files += 1
            s.file_bytes += e.bytes
        else:
            s.tables += 1
            s.rows += int(rec.get("rows") or 0)
    return s


def file_sha256(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    n = 0
    with open(path, "rb") as fh:
        while block := fh.read(CHUNK):
            h.update(block)
            n += len(block)
    return h.hexdigest(), n


def verify_backup(path: Path, key: Key, against: Path | None = None) -> tuple[Summary, dict[str, Any]]:
    """Decrypt and check everything (hashes, sizes, row counts); optionally compare the
    archived source files with a live folder (differences go to `summary.mismatches`)."""
    path = Path(path)
    if against is not None and not against.is_dir():
        raise SecureUsageError(f"{against}: not a folder")
    fh, reader = _open_archive(path, key)
    workdir = private_dir("verify")
    try:

        def on_entry(index: int, name: str, kind: str) -> TableSink | None:
            return TableSink(workdir / f"{index:05d}.parquet", keep=False) if kind == "table" else None

        with fh:
            result = reader.read(on_entry)
        _check_rows(result, str(path))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    summary = _summarise(result)
    if against is not None:
        for e in result.entries:
            if e.kind != "file":
                continue
            live = against / e.name
            if not live.is_file():
                summary.mismatches.append(f"{e.name}: missing in {against}")
                continue
            try:
                digest, size = file_sha256(live)
            except OSError as exc:
                summary.mismatches.append(f"{e.name}: cannot read ({exc.strerror or exc})")
                continue
            if (digest, size) != (e.sha256, e.bytes):
                summary.mismatches.append(f"{e.name}: differs ({size:,} bytes live, {e.bytes:,} archived)")
    return summary, result.manifest


# ---------------------------------------------------------------------------- restore


class _FileSink:
    def __init__(self, path: Path):
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.fh = open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600), "wb", buffering=CHUNK)

    def write(self, data: bytes) -> None:
        self.fh.write(data)

    def close(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()


def _check_restore_dir(out: Path) -> None:
    if not out.parent.is_dir():
        raise SecureUsageError(f"{out}: folder {out.parent} does not exist")
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise SecureUsageError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()):
        raise SecureUsageError(f"{out}: folder is not empty; restore never overwrites files")


def restore_backup(path: Path, key: Key, out: Path, target_url: str | None = None) -> tuple[Summary, dict[str, Any]]:
    """Restore files into `out` (byte-identical) and tables into a new DuckDB file;
    everything is written beside its destination and moved into place only once all of
    it has been verified."""
    path, out = Path(path), Path(out)
    _check_restore_dir(out)
    db_path = None
    if target_url:
        db_path = duckdb_path(target_url, must_exist=False)
        if not db_path.parent.is_dir():
            raise SecureUsageError(f"{target_url}: folder {db_path.parent} does not exist")
        if db_path.exists() or Path(str(db_path) + ".wal").exists():
            raise SecureUsageError(f"{target_url}: {db_path} already exists; restore never overwrites a database")
    fh, reader = _open_archive(path, key)  # wrong key / bad header: fail before writing anything
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.restore-", dir=out.parent))
    db_stage = Path(tempfile.mkdtemp(prefix=f".{db_path.name}.restore-", dir=db_path.parent)) if db_path else None
    files_dir = stage / "files"
    files_dir.mkdir(mode=0o700)
    tables_dir = stage / "tables"
    tables_dir.mkdir(mode=0o700)
    parquet: dict[int, Path] = {}
    linked_db = False
    try:

        def on_entry(index: int, name: str, kind: str) -> _FileSink | TableSink:
            if kind == "file":
                try:
                    return _FileSink(files_dir / name)
                except (FileExistsError, NotADirectoryError, IsADirectoryError):
                    raise ArchiveError(
                        f"{path}: damaged or tampered archive: entry {index} ({name}) clashes with another entry's name"
                    ) from None
            parquet[index] = tables_dir / f"{index:05d}.parquet"
            return TableSink(parquet[index], keep=True)

        with fh:
            result = reader.read(on_entry)
        _check_rows(result, str(path))
        manifest = result.manifest
        summary = _summarise(result)
        for rec in manifest["entries"]:
            if rec["kind"] == "file" and isinstance(rec.get("mtime_ns"), int):
                os.utime(files_dir / rec["name"], ns=(rec["mtime_ns"], rec["mtime_ns"]))
        if summary.tables and db_stage is None:
            summary.notes.append(f"{summary.tables} table(s) verified but not restored (no --target given)")
        if db_stage is not None:
            tmp_db = db_stage / "restore.duckdb"
            summary.notes += load_tables(tmp_db, manifest, parquet, str(path))
            if Path(str(tmp_db) + ".wal").exists():
                raise ArchiveError(f"{path}: the restored database was not checkpointed")
            os.chmod(tmp_db, 0o600)
            assert db_path is not None  # db_stage is made beside db_path
            try:
                os.link(tmp_db, db_path)
            except FileExistsError:
                raise SecureUsageError(f"{target_url}: {db_path} already exists; restore never overwrites a database") from None
            linked_db = True
        try:
            os.rename(files_dir, out)  # onto a missing or empty folder (checked above)
        except OSError as exc:
            raise SecureError(f"{out}: cannot move the restored files into place: {exc.strerror or exc}") from None
        linked_db = False
        _fsync_dir(out.parent)
        if db_path:
            _fsync_dir(db_path.parent)
        return summary, manifest
    finally:
        if linked_db:
            assert db_path is not None  # linked_db: it was linked there
            try:
                os.unlink(db_path)
            except OSError:
                pass
        shutil.rmtree(stage, ignore_errors=True)
        if db_stage is not None:
            shutil.rmtree(db_stage, ignore_errors=True)
