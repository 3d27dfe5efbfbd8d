"""Encrypted, authenticated backups of a migration's source files and DuckDB target.

Format (version 1; docs/SECURITY.md has the full description):

    header   40 bytes  magic "CSHIFTBK", version u16, reserved u16, chunk size u32,
                       archive id (16 random bytes), key id (8 bytes)
    wrap     60 bytes  nonce (12) + AES-256-GCM(KEK, data key (32)) + tag (16),
                       associated data = the 40 header bytes
    frames   ...       frame header (18 bytes, clear): kind u8, flags u8, entry u32,
                       chunk u64, length u32; then `length` bytes of AES-256-GCM
                       ciphertext + tag under the archive's data key
    (end of file right after the manifest frame)

    frame kinds: 1 ENTRY  (entry i's name and kind, JSON)  -- one before each entry's data
                 2 DATA   (chunk c of entry i; flag 1 = final chunk, flag 2 = deflated)
                 3 MANIFEST (JSON: every entry's name, kind, SHA-256, bytes, rows; last)
    nonce  = kind (1) | entry (4) | chunk (6) | final flag (1)   -- unique per data key
    AAD    = archive id (16) | the 18-byte frame header

All integers are big-endian.  Every DATA chunk but the last of an entry holds exactly
`chunk size` bytes of plaintext, so memory stays bounded whatever the size of a file.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import struct
import tempfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Callable, Protocol
from urllib.parse import urlsplit

from compiler import __version__
from compiler.errors import EnvironmentProblem
from compiler.ops.secure.keys import Key, SecureError, SecureUsageError
from compiler.runtime.scratch import private_dir

MAGIC = b"CSHIFTBK"
VERSION = 1
CHUNK = 1 << 20
MIN_CHUNK, MAX_CHUNK = 1 << 10, 1 << 26
HEADER = struct.Struct(">8sHHI16s8s")           # 40 bytes
WRAP_LEN = 12 + 32 + 16                          # nonce + wrapped data key + tag
FRAME = struct.Struct(">BBIQI")                  # 18 bytes
TAG = 16
ENTRY, DATA, MANIFEST = 1, 2, 3
FINAL, DEFLATE = 0x01, 0x02
MAX_ENTRY_META = 1 << 16
MAX_MANIFEST = 1 << 26
MAX_CHUNK_INDEX = (1 << 48) - 1


class ArchiveError(SecureError, EnvironmentProblem):
    """Wrong key, damaged, tampered with or truncated archive: exit 3."""

    exit_code = 3


class WrongKeyError(ArchiveError):
    """The archive was encrypted for another key."""


def _aead(key: bytes):
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)


def _invalid_tag():
    from cryptography.exceptions import InvalidTag

    return InvalidTag


def nonce_for(kind: int, entry: int, chunk: int, flags: int) -> bytes:
    return struct.pack(">BI", kind, entry) + chunk.to_bytes(6, "big") + bytes([flags & FINAL])


def canonical_json(obj) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def fmt_bytes(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:,} B" if unit == "B" else f"{n:,.1f} {unit}"
        n /= 1000
    return str(n)


def safe_name(name: str) -> bool:
    """A relative POSIX path with no empty, `.` or `..` parts (nothing can escape --out)."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return False
    parts = PurePosixPath(name).parts
    return bool(parts) and all(p not in ("", ".", "..") for p in parts) and "/".join(parts) == name


# ---------------------------------------------------------------------------- writing


class ArchiveWriter:
    """Streams entries into an archive file object; `finish` writes the manifest."""

    def __init__(self, fh: BinaryIO, key: Key, chunk_size: int = CHUNK, compress: int = 0):
        if not MIN_CHUNK <= chunk_size <= MAX_CHUNK:
            raise ValueError("chunk size out of range")
        self.fh = fh
        self.chunk_size = chunk_size
        self.compress = compress
        self.archive_id = secrets.token_bytes(16)
        self.key_id = key.key_id
        dek = secrets.token_bytes(32)
        self.header = HEADER.pack(MAGIC, VERSION, 0, chunk_size, self.archive_id, bytes.fromhex(key.key_id))
        wrap_nonce = secrets.token_bytes(12)
        wrapped = _aead(key.material).encrypt(wrap_nonce, dek, self.header)
        self._aead = _aead(dek)
        self.entries: list[dict] = []
        self.written = 0
        self._write(self.header + wrap_nonce + wrapped)

    def _write(self, data: bytes) -> None:
        self.fh.write(data)
        self.written += len(data)

    def _frame(self, kind: int, flags: int, entry: int, chunk: int, plaintext: bytes) -> None:
        head = FRAME.pack(kind, flags, entry, chunk, len(plaintext) + TAG)
        ct = self._aead.encrypt(nonce_for(kind, entry, chunk, flags), plaintext, self.archive_id + head)
        self._write(head)
        self._write(ct)

    def add(self, name: str, kind: str, src: BinaryIO, **meta) -> dict:
        """Stream `src` as the next entry; return its manifest record (sha256, bytes, meta)."""
        if not safe_name(name):
            raise SecureUsageError(f"cannot archive `{name}`: not a plain relative path")
        index = len(self.entries)
        meta_json = canonical_json({"index": index, "kind": kind, "name": name})
        if len(meta_json) > MAX_ENTRY_META:
            raise SecureUsageError(f"cannot archive an entry with a {len(name):,}-character name")
        self._frame(ENTRY, 0, index, 0, meta_json)
        h = hashlib.sha256()
        total = 0
        chunk = 0
        size = self.chunk_size
        cur = src.read(size)
        while True:
            nxt = src.read(size) if len(cur) == size else b""
            flags = 0 if nxt else FINAL
            h.update(cur)
            total += len(cur)
            payload = cur
            if self.compress and cur:
                packed = zlib.compress(cur, self.compress)
                if len(packed) < len(cur):
                    payload, flags = packed, flags | DEFLATE
            self._frame(DATA, flags, index, chunk, payload)
            if flags & FINAL:
                break
            chunk += 1
            cur = nxt
        record = {"index": index, "name": name, "kind": kind, "sha256": h.hexdigest(), "bytes": total, **meta}
        self.entries.append(record)
        return record

    def finish(self, **fields) -> dict:
        manifest = {
            "format": "chartshift-backup",
            "version": VERSION,
            "archive_id": self.archive_id.hex(),
            "key_id": self.key_id,
            "chunk_size": self.chunk_size,
            **fields,
            "entries": self.entries,
        }
        data = canonical_json(manifest)
        if len(data) > MAX_MANIFEST:  # the reader would refuse it: fail the backup, not the restore
            raise SecureError(f"the manifest would be {len(data):,} bytes, over the {MAX_MANIFEST:,}-byte limit (too many entries)")
        self._frame(MANIFEST, FINAL, len(self.entries), 0, data)
        return manifest


# ---------------------------------------------------------------------------- reading


class Sink(Protocol):
    def write(self, data: bytes) -> object: ...
    def close(self) -> None: ...


@dataclass
class ReadEntry:
    index: int
    name: str
    kind: str
    sha256: str
    bytes: int
    result: object = None          # what the sink's close() returned


@dataclass
class ReadResult:
    archive_id: str
    key_id: str
    manifest: dict
    entries: list[ReadEntry]
    archive_bytes: int


@dataclass
class Frame:
    offset: int
    kind: int
    flags: int
    entry: int
    chunk: int
    length: int

    @property
    def end(self) -> int:
        return self.offset + FRAME.size + self.length


def scan_frames(path: str | Path) -> list[Frame]:
    """The clear frame headers of an archive (no key needed): for inspection and tests."""
    out = []
    with open(path, "rb") as fh:
        fh.seek(HEADER.size + WRAP_LEN)
        while True:
            off = fh.tell()
            head = fh.read(FRAME.size)
            if len(head) < FRAME.size:
                return out
            f = Frame(off, *FRAME.unpack(head))
            out.append(f)
            fh.seek(f.length, os.SEEK_CUR)


class ArchiveReader:
    """Authenticates an archive while streaming it; see `read`."""

    def __init__(self, fh: BinaryIO, key: Key, display: str):
        self.fh = fh
        self.display = display
        self.offset = 0
        head = self._read_exact(HEADER.size + WRAP_LEN, "the header")
        magic, version, _reserved, chunk_size, archive_id, kid = HEADER.unpack(head[:HEADER.size])
        if magic != MAGIC:
            raise ArchiveError(f"{display}: not a chartshift backup (bad magic bytes)")
        if version != VERSION:
            raise ArchiveError(f"{display}: archive format version {version} is not supported (this chartshift reads version {VERSION}), or the header is damaged")
        if kid.hex() != key.key_id:
            raise WrongKeyError(f"{display}: wrong key: the archive was encrypted with key id {kid.hex()}, "
                                f"the key given ({key.origin}) has key id {key.key_id} (or the header was damaged)")
        wrap = head[HEADER.size:]
        try:
            dek = _aead(key.material).decrypt(wrap[:12], wrap[12:], head[:HEADER.size])
        except _invalid_tag():
            raise ArchiveError(f"{display}: damaged or tampered archive: the header or the wrapped data key fails authentication") from None
        if not MIN_CHUNK <= chunk_size <= MAX_CHUNK:
            raise ArchiveError(f"{display}: damaged archive: chunk size {chunk_size} out of range")
        self.chunk_size = chunk_size
        self.archive_id = archive_id
        self.key_id = kid.hex()
        self._aead = _aead(dek)
        self.names: dict[int, str] = {}  # entry index -> name (file or table names: not PHI)

    def _read_exact(self, n: int, what: str) -> bytes:
        data = self.fh.read(n)
        if len(data) != n:
            raise ArchiveError(f"{self.display}: truncated archive: it ends inside {what} (at byte {self.offset + len(data):,})")
        self.offset += n
        return data

    def _next_frame(self, expect: str) -> tuple[Frame, bytes]:
        off = self.offset
        head = self.fh.read(FRAME.size)
        if not head:
            raise ArchiveError(f"{self.display}: truncated archive: it ends at byte {off:,}, where {expect} should follow")
        if len(head) < FRAME.size:
            raise ArchiveError(f"{self.display}: truncated archive: it ends inside a frame header (at byte {off + len(head):,})")
        self.offset += FRAME.size
        f = Frame(off, *FRAME.unpack(head))
        limit = {ENTRY: MAX_ENTRY_META, DATA: self.chunk_size, MANIFEST: MAX_MANIFEST}.get(f.kind)
        if limit is None:
            raise ArchiveError(f"{self.display}: damaged or tampered archive: unknown frame kind {f.kind} at byte {off:,}")
        if not TAG <= f.length <= limit + TAG:
            raise ArchiveError(f"{self.display}: damaged or tampered archive: impossible frame length at byte {off:,}")
        if f.flags & ~(FINAL | DEFLATE) or f.chunk > MAX_CHUNK_INDEX:
            raise ArchiveError(f"{self.display}: damaged or tampered archive: bad frame header at byte {off:,}")
        what = f"chunk {f.chunk} of {self._label(f.entry)}" if f.kind == DATA else \
            f"the header of entry {f.entry}" if f.kind == ENTRY else "the manifest"
        ct = self._read_exact(f.length, what)
        try:
            plain = self._aead.decrypt(nonce_for(f.kind, f.entry, f.chunk, f.flags), ct, self.archive_id + head)
        except _invalid_tag():
            raise ArchiveError(f"{self.display}: damaged or tampered archive: {what} fails authentication (byte {off:,})") from None
        return f, plain

    def _label(self, entry: int) -> str:
        name = self.names.get(entry)
        return f"entry {entry} ({name})" if name else f"entry {entry}"

    def _sequence_error(self, f: Frame, expected: str) -> ArchiveError:
        found = f"chunk {f.chunk} of {self._label(f.entry)}" if f.kind == DATA else \
            f"the header of entry {f.entry}" if f.kind == ENTRY else "the manifest"
        return ArchiveError(f"{self.display}: damaged or tampered archive: found {found} at byte {f.offset:,} where "
                            f"{expected} was expected (chunks reordered, duplicated or dropped)")

    def read(self, on_entry: Callable[[int, str, str], Sink | None]) -> ReadResult:
        """Decrypt every entry into `on_entry(index, name, kind)`'s sink (or just hash it),
        then check the manifest against what was read.  Raises ArchiveError."""
        entries: list[ReadEntry] = []
        while True:
            index = len(entries)
            f, plain = self._next_frame(f"the header of entry {index} or the manifest")
            if f.kind == MANIFEST:
                if f.entry != index or f.chunk != 0 or not f.flags & FINAL:
                    raise self._sequence_error(f, "the manifest")
                manifest = self._check_manifest(plain, entries)
                break
            if f.kind != ENTRY or f.entry != index or f.chunk != 0 or f.flags:
                raise self._sequence_error(f, f"the header of entry {index}")
            try:
                meta = json.loads(plain)
                name, kind = meta["name"], meta["kind"]
                if meta["index"] != index or not safe_name(name) or kind not in ("file", "table"):
                    raise ValueError
            except (ValueError, KeyError, TypeError):
                raise ArchiveError(f"{self.display}: damaged archive: the header of entry {index} is not valid") from None
            self.names[index] = name
            entries.append(self._read_entry(index, name, kind, on_entry(index, name, kind)))
        if self.fh.read(1):
            raise ArchiveError(f"{self.display}: damaged or tampered archive: unexpected data after the manifest (byte {self.offset:,})")
        return ReadResult(self.archive_id.hex(), self.key_id, manifest, entries, self.offset)

    def _read_entry(self, index: int, name: str, kind: str, sink: Sink | None) -> ReadEntry:
        h = hashlib.sha256()
        total = 0
        chunk = 0
        ok = False
        try:
            while True:
                f, plain = self._next_frame(f"chunk {chunk} of {self._label(index)}")
                if f.kind != DATA or f.entry != index or f.chunk != chunk:
                    raise self._sequence_error(f, f"chunk {chunk} of {self._label(index)}")
                if f.flags & DEFLATE:
                    plain = self._inflate(plain, f)
                final = bool(f.flags & FINAL)
                if (not final and len(plain) != self.chunk_size) or (final and not plain and chunk):
                    raise ArchiveError(f"{self.display}: damaged archive: chunk {chunk} of {self._label(index)} has a wrong size")
                h.update(plain)
                total += len(plain)
                if sink is not None:
                    sink.write(plain)
                if final:
                    break
                chunk += 1
            ok = True
        finally:
            result = None
            if sink is not None:
                if ok:
                    result = sink.close()
                else:
                    try:
                        sink.close()
                    except Exception:
                        pass
        return ReadEntry(index, name, kind, h.hexdigest(), total, result)

    def _inflate(self, data: bytes, f: Frame) -> bytes:
        d = zlib.decompressobj()
        try:
            out = d.decompress(data, self.chunk_size + 1)
        except zlib.error:
            out = None
        if out is None or len(out) > self.chunk_size or d.unconsumed_tail or not d.eof or d.unused_data:
            raise ArchiveError(f"{self.display}: damaged archive: chunk {f.chunk} of {self._label(f.entry)} does not inflate")
        return out

    def _check_manifest(self, plain: bytes, entries: list[ReadEntry]) -> dict:
        try:
            m = json.loads(plain)
            listed = m["entries"]
            if not isinstance(listed, list):
                raise ValueError
        except (ValueError, KeyError, TypeError):
            raise ArchiveError(f"{self.display}: damaged archive: the manifest is not valid") from None
        if m.get("archive_id") != self.archive_id.hex():
            raise ArchiveError(f"{self.display}: tampered archive: the manifest belongs to another backup (archive id mismatch)")
        if len(listed) != len(entries):
            raise ArchiveError(f"{self.display}: damaged or tampered archive: the manifest lists {len(listed)} entries, the archive holds {len(entries)}")
        for got, rec in zip(entries, listed):
            try:
                same = (rec["index"], rec["name"], rec["kind"], rec["sha256"], rec["bytes"]) == \
                    (got.index, got.name, got.kind, got.sha256, got.bytes)
            except (KeyError, TypeError):
                same = False
            if not same:
                raise ArchiveError(f"{self.display}: damaged or tampered archive: entry {got.index} ({got.name}) does not match the manifest (SHA-256 or size)")
        return m


# ---------------------------------------------------------------------------- DuckDB


def duckdb_path(url: str, must_exist: bool) -> Path:
    parts = urlsplit(url)
    if parts.scheme.lower() != "duckdb":
        raise SecureUsageError(f"{url}: only duckdb:///FILE targets can be backed up or restored")
    from compiler.runtime.engines.duckdb import path_of

    path = path_of(url)
    if path == ":memory:":
        raise SecureUsageError(f"{url}: an in-memory database cannot be backed up or restored")
    p = Path(path)
    if must_exist and not p.is_file():
        raise SecureError(f"{url}: target database {p} not found")
    return p


def qi(name: str) -> str:
    """A DuckDB identifier, always quoted."""
    return '"' + name.replace('"', '""') + '"'


def ql(text: str) -> str:
    """A DuckDB string literal."""
    return "'" + text.replace("'", "''") + "'"


def _duck_error(exc: Exception) -> str:
    s = str(exc).strip()
    return s.splitlines()[0] if s else type(exc).__name__


def _connect(path: str | Path, read_only: bool = False):
    import duckdb

    return duckdb.connect(str(path), read_only=read_only,
                          config={"autoload_known_extensions": False, "autoinstall_known_extensions": False})


def _table_order(tables: list[tuple[str, str, str]], fks: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Tables with referenced tables first (foreign keys), otherwise by name."""
    by_key = {(s, t): (s, t, sql) for s, t, sql in tables}
    deps: dict[tuple[str, str], set] = {k: set() for k in by_key}
    for schema, table, ref in fks:
        if (schema, table) in deps and (schema, ref) in by_key and ref != table:
            deps[(schema, table)].add((schema, ref))
    out, done = [], set()

    def visit(k, stack=()):
        if k in done or k in stack:
            return
        for d in sorted(deps[k]):
            visit(d, stack + (k,))
        done.add(k)
        out.append(by_key[k])

    for k in sorted(by_key):
        visit(k)
    return out


def export_target(writer: ArchiveWriter, url: str, workdir: Path) -> dict:
    """Archive every base table of a DuckDB target as Parquet (one consistent snapshot);
    return the manifest's `target` section (schemas, views, indexes, sequences)."""
    import duckdb

    path = duckdb_path(url, must_exist=True)
    try:
        con = _connect(path, read_only=True)
    except duckdb.Error as exc:
        raise SecureError(f"{url}: cannot open target: {_duck_error(exc)}") from None
    try:
        con.begin()
        cur_db = "database_name = current_database()"
        tables = con.execute(f"SELECT schema_name, table_name, sql FROM duckdb_tables() WHERE {cur_db} AND NOT internal AND NOT temporary").fetchall()
        fks = con.execute(f"SELECT schema_name, table_name, referenced_table FROM duckdb_constraints() WHERE {cur_db} AND constraint_type = 'FOREIGN KEY'").fetchall()
        schemas = [r[0] for r in con.execute(f"SELECT schema_name FROM duckdb_schemas() WHERE {cur_db} AND NOT internal ORDER BY schema_name").fetchall()]
        views = [{"schema": s, "name": n, "sql": q} for s, n, q in con.execute(
            f"SELECT schema_name, view_name, sql FROM duckdb_views() WHERE {cur_db} AND NOT internal AND NOT temporary ORDER BY schema_name, view_name").fetchall()]
        indexes = [q for (q,) in con.execute(f"SELECT sql FROM duckdb_indexes() WHERE {cur_db} AND sql IS NOT NULL ORDER BY schema_name, index_name").fetchall()]
        sequences = [q for (q,) in con.execute(f"SELECT sql FROM duckdb_sequences() WHERE {cur_db} AND NOT temporary AND sql IS NOT NULL ORDER BY schema_name, sequence_name").fetchall()]
        for i, (schema, table, ddl) in enumerate(_table_order(tables, fks)):
            name = f"{schema}.{table}"
            ref = f"{qi(schema)}.{qi(table)}"
            rows = con.execute(f"SELECT count(*) FROM {ref}").fetchone()[0]
            pq = workdir / f"table-{i:05d}.parquet"
            con.execute(f"COPY (SELECT * FROM {ref}) TO {ql(str(pq))} (FORMAT PARQUET, COMPRESSION ZSTD)")
            os.chmod(pq, 0o600)
            with open(pq, "rb") as fh:
                writer.add(name, "table", fh, schema=schema, table=table, rows=int(rows), sql=ddl)
            pq.unlink()
        con.commit()
    except duckdb.Error as exc:
        raise SecureError(f"{url}: cannot export target: {_duck_error(exc)}") from None
    finally:
        con.close()
    return {"url": url, "schemas": schemas, "views": views, "indexes": indexes, "sequences": sequences}


def parquet_rows(path: Path) -> int:
    import duckdb

    try:
        con = _connect(":memory:")
        try:
            return int(con.execute(f"SELECT count(*) FROM read_parquet({ql(str(path))})").fetchone()[0])
        finally:
            con.close()
    except duckdb.Error as exc:
        raise ArchiveError(f"damaged archive: a table's Parquet data cannot be read ({_duck_error(exc)})") from None


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

    def counts(self) -> dict:
        return {"files": self.files, "file_bytes": self.file_bytes, "tables": self.tables,
                "rows": self.rows, "archive_bytes": self.archive_bytes}

    def describe(self) -> str:
        s = f"{self.files} file{'s' if self.files != 1 else ''} ({fmt_bytes(self.file_bytes)})"
        if self.tables:
            s += f", {self.tables} table{'s' if self.tables != 1 else ''} ({self.rows:,} rows)"
        return s


def _source_entries(compiled, source_dir: Path | None) -> list[tuple[str, Path, list[str]]]:
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
            raise SecureUsageError(f"{sf.path}: the file of {sf.qualified} lies outside its source folder; it cannot be archived under a safe name")
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


def create_backup(compiled, source_dir: Path | None, target_url: str | None, out: Path, key: Key, *,
                  force: bool = False, compress: int = 0, chunk_size: int = CHUNK) -> Summary:
    """Write one encrypted archive of the spec's source files (and the target's tables)."""
    out = Path(out)
    if not out.parent.is_dir():
        raise SecureUsageError(f"{out}: folder {out.parent} does not exist")
    if out.exists() and not force:
        raise SecureUsageError(f"{out}: already exists (pass --force to replace it)")
    if target_url:
        duckdb_path(target_url, must_exist=True)
    sources = _source_entries(compiled, source_dir)
    for name, path, tables in sources:
        if not path.is_file():
            raise SecureError(f"{path}: source file for {', '.join(tables)} not found")
    fd, tmp = _temp_beside(out, ".partial")
    summary = Summary()
    workdir = None
    try:
        with os.fdopen(fd, "wb", buffering=CHUNK) as fh:
            writer = ArchiveWriter(fh, key, chunk_size=chunk_size, compress=compress)
            for name, path, tables in sources:
                try:
                    src = open(path, "rb")
                except OSError as exc:
                    raise SecureError(f"{path}: cannot read source file: {exc.strerror or exc}") from None
                with src:
                    mtime = os.fstat(src.fileno()).st_mtime_ns
                    rec = writer.add(name, "file", src, mtime_ns=mtime, source_tables=tables)
                summary.files += 1
                summary.file_bytes += rec["bytes"]
            target = None
            if target_url:
                workdir = private_dir("backup")  # 0700: plaintext PHI
                target = export_target(writer, target_url, workdir)
            for rec in writer.entries:
                if rec["kind"] == "table":
                    summary.tables += 1
                    summary.rows += rec["rows"]
            writer.finish(
                created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                compiler_version=__version__,
                spec={"path": compiled.display, "sha256": compiled.sha256},
                source_dir=str(source_dir) if source_dir is not None else None,
                target=target,
                totals={k: v for k, v in summary.counts().items() if k != "archive_bytes"},
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


class _TableSink:
    """Decrypts a table's Parquet into a private temp file; on close counts its rows."""

    def __init__(self, path: Path, keep: bool):
        self.path = path
        self.keep = keep
        self.fh = open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")

    def write(self, data: bytes) -> None:
        self.fh.write(data)

    def close(self) -> int:
        self.fh.close()
        rows = parquet_rows(self.path)
        if not self.keep:
            self.path.unlink()
        return rows


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
            raise ArchiveError(f"{display}: damaged or tampered archive: table {e.name} holds {e.result:,} rows, the manifest says {rec.get('rows')}")


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


def verify_backup(path: Path, key: Key, against: Path | None = None) -> tuple[Summary, dict]:
    """Decrypt and check everything (hashes, sizes, row counts); optionally compare the
    archived source files with a live folder (differences go to `summary.mismatches`)."""
    path = Path(path)
    if against is not None and not against.is_dir():
        raise SecureUsageError(f"{against}: not a folder")
    fh, reader = _open_archive(path, key)
    workdir = private_dir("verify")
    try:
        def on_entry(index, name, kind):
            return _TableSink(workdir / f"{index:05d}.parquet", keep=False) if kind == "table" else None

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


def _sandboxed(db: Path, readable: Path):
    """A connection to `db` that can read only the files under `readable`: the archive's
    SQL (DDL, views) comes from whoever holds the key and must not reach the host's files."""
    con = _connect(db)
    con.execute(f"SET allowed_directories = [{ql(str(readable) + os.sep)}]")
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def _one_create(con, sql: object, display: str) -> str:
    """The archive's SQL must be exactly one CREATE statement."""
    import duckdb

    try:
        stmts = con.extract_statements(sql) if isinstance(sql, str) else []
    except duckdb.Error:
        stmts = []
    if len(stmts) != 1 or stmts[0].type != duckdb.StatementType.CREATE:
        raise ArchiveError(f"{display}: tampered archive: its schema definitions hold something other than one CREATE statement")
    return sql


def _load_tables(db: Path, manifest: dict, parquet: dict[int, Path], display: str) -> list[str]:
    """Create schemas, sequences, tables (their original DDL) with their rows, indexes and
    views in `db`, then check every table's row count on a fresh connection.

    The tables load in one transaction.  Sequences, indexes and views are best effort,
    each in its own autocommit statement: in DuckDB a failed statement aborts the open
    transaction and a later COMMIT silently rolls it back, so nothing that may fail runs
    inside the tables' transaction, and the final check does not trust the first one."""
    import duckdb

    notes = []
    target = manifest.get("target") or {}
    tables = [rec for rec in manifest["entries"] if rec["kind"] == "table"]
    readable = next(iter(parquet.values())).parent if parquet else db.parent
    con = _sandboxed(db, readable)
    try:
        for s in sorted(set(target.get("schemas", [])) | {rec["schema"] for rec in tables}):
            con.execute(f"CREATE SCHEMA IF NOT EXISTS {qi(s)}")
        for q in target.get("sequences", []):
            try:
                con.execute(_one_create(con, q, display))
            except duckdb.Error:
                notes.append("a sequence could not be recreated")
        con.begin()
        for rec in tables:
            ref = f"{qi(rec['schema'])}.{qi(rec['table'])}"
            src = f"read_parquet({ql(str(parquet[rec['index']]))})"
            try:
                con.execute(_one_create(con, rec["sql"], display))
            except duckdb.Error as exc:
                raise ArchiveError(f"{display}: cannot recreate table {rec['schema']}.{rec['table']} from its definition: {_duck_error(exc)}") from None
            try:
                con.execute(f"INSERT INTO {ref} SELECT * FROM {src}")
            except duckdb.Error as exc:  # the engine's message may quote a value: name the class only
                raise ArchiveError(f"{display}: cannot load the rows of table {rec['schema']}.{rec['table']} ({type(exc).__name__})") from None
        con.commit()
        for q in target.get("indexes", []):
            try:
                con.execute(_one_create(con, q, display))
            except duckdb.Error:
                notes.append("an index could not be recreated")
        pending = list(target.get("views", []))
        while pending:  # views may depend on views: create what can be created, repeat
            failed = []
            for v in pending:
                try:
                    con.execute(_one_create(con, v["sql"], display))
                except duckdb.Error:
                    failed.append(v)
            if len(failed) == len(pending):
                notes += [f"view {v['schema']}.{v['name']} could not be recreated" for v in failed]
                break
            pending = failed
        con.execute("CHECKPOINT")
    except duckdb.Error as exc:
        raise ArchiveError(f"{display}: cannot restore the target: {_duck_error(exc)}") from None
    finally:
        con.close()
    _check_restored(db, tables, display)
    return notes


def _check_restored(db: Path, tables: list[dict], display: str) -> None:
    """Every table is there with the manifest's row count, seen from a new connection."""
    import duckdb

    try:
        con = _connect(db, read_only=True)
    except duckdb.Error as exc:
        raise ArchiveError(f"{display}: the restored database cannot be reopened: {_duck_error(exc)}") from None
    try:
        for rec in tables:
            try:
                rows = con.execute(f"SELECT count(*) FROM {qi(rec['schema'])}.{qi(rec['table'])}").fetchone()[0]
            except duckdb.Error:
                rows = None
            if rows != rec["rows"]:
                found = "is missing" if rows is None else f"holds {rows:,} rows"
                raise ArchiveError(f"{display}: restored table {rec['schema']}.{rec['table']} {found}, the manifest says {rec['rows']:,} rows")
    finally:
        con.close()


def restore_backup(path: Path, key: Key, out: Path, target_url: str | None = None) -> tuple[Summary, dict]:
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
    fh, reader = _open_archive(path, key)      # wrong key / bad header: fail before writing anything
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.restore-", dir=out.parent))
    db_stage = Path(tempfile.mkdtemp(prefix=f".{db_path.name}.restore-", dir=db_path.parent)) if db_path else None
    files_dir = stage / "files"
    files_dir.mkdir(mode=0o700)
    tables_dir = stage / "tables"
    tables_dir.mkdir(mode=0o700)
    parquet: dict[int, Path] = {}
    linked_db = False
    try:
        def on_entry(index, name, kind):
            if kind == "file":
                try:
                    return _FileSink(files_dir / name)
                except (FileExistsError, NotADirectoryError, IsADirectoryError):
                    raise ArchiveError(f"{path}: damaged or tampered archive: entry {index} ({name}) clashes with another entry's name") from None
            parquet[index] = tables_dir / f"{index:05d}.parquet"
            return _TableSink(parquet[index], keep=True)

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
            summary.notes += _load_tables(tmp_db, manifest, parquet, str(path))
            if Path(str(tmp_db) + ".wal").exists():
                raise ArchiveError(f"{path}: the restored database was not checkpointed")
            os.chmod(tmp_db, 0o600)
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
            try:
                os.unlink(db_path)
            except OSError:
                pass
        shutil.rmtree(stage, ignore_errors=True)
        if db_stage is not None:
            shutil.rmtree(db_stage, ignore_errors=True)
