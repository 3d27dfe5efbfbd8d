"""The backup archive format: chunked AES-256-GCM frames and a manifest, written, read and verified.

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
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

from compiler.errors import EnvironmentProblem
from compiler.ops.secure.keys import Key, SecureError, SecureUsageError

if TYPE_CHECKING:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"CSHIFTBK"
VERSION = 1
CHUNK = 1 << 20
MIN_CHUNK, MAX_CHUNK = 1 << 10, 1 << 26
HEADER = struct.Struct(">8sHHI16s8s")  # 40 bytes
WRAP_LEN = 12 + 32 + 16  # nonce + wrapped data key + tag
FRAME = struct.Struct(">BBIQI")  # 18 bytes
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


def _aead(key: bytes) -> AESGCM:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)


def _invalid_tag() -> type[InvalidTag]:
    from cryptography.exceptions import InvalidTag

    return InvalidTag


def nonce_for(kind: int, entry: int, chunk: int, flags: int) -> bytes:
    return struct.pack(">BI", kind, entry) + chunk.to_bytes(6, "big") + bytes([flags & FINAL])


def canonical_json(obj: object) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


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
        self.entries: list[dict[str, Any]] = []
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

    def add(self, name: str, kind: str, src: BinaryIO, **meta: Any) -> dict[str, Any]:
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

    def finish(self, **fields: Any) -> dict[str, Any]:
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
    def close(self) -> object: ...  # what it returns is kept as the entry's `result`


@dataclass
class ReadEntry:
    index: int
    name: str
    kind: str
    sha256: str
    bytes: int
    result: object = None  # what the sink's close() returned


@dataclass
class ReadResult:
    archive_id: str
    key_id: str
    manifest: dict[str, Any]
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
    out: list[Frame] = []
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
        magic, version, _reserved, chunk_size, archive_id, kid = HEADER.unpack(head[: HEADER.size])
        if magic != MAGIC:
            raise ArchiveError(f"{display}: not a chartshift backup (bad magic bytes)")
        if version != VERSION:
            raise ArchiveError(
                f"{display}: archive format version {version} is not supported (this chartshift reads version {VERSION}), or the header is damaged"
            )
        if kid.hex() != key.key_id:
            raise WrongKeyError(
                f"{display}: wrong key: the archive was encrypted with key id {kid.hex()}, "
                f"the key given ({key.origin}) has key id {key.key_id} (or the header was damaged)"
            )
        wrap = head[HEADER.size :]
        try:
            dek = _aead(key.material).decrypt(wrap[:12], wrap[12:], head[: HEADER.size])
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
        what = (
            f"chunk {f.chunk} of {self._label(f.entry)}"
            if f.kind == DATA
            else f"the header of entry {f.entry}"
            if f.kind == ENTRY
            else "the manifest"
        )
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
        found = (
            f"chunk {f.chunk} of {self._label(f.entry)}"
            if f.kind == DATA
            else f"the header of entry {f.entry}"
            if f.kind == ENTRY
            else "the manifest"
        )
        return ArchiveError(
            f"{self.display}: damaged or tampered archive: found {found} at byte {f.offset:,} where "
            f"{expected} was expected (chunks reordered, duplicated or dropped)"
        )

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

    def _check_manifest(self, plain: bytes, entries: list[ReadEntry]) -> dict[str, Any]:
        try:
            m: dict[str, Any] = json.loads(plain)
            listed = m["entries"]
            if not isinstance(listed, list):
                raise ValueError
        except (ValueError, KeyError, TypeError):
            raise ArchiveError(f"{self.display}: damaged archive: the manifest is not valid") from None
        if m.get("archive_id") != self.archive_id.hex():
            raise ArchiveError(f"{self.display}: tampered archive: the manifest belongs to another backup (archive id mismatch)")
        if len(listed) != len(entries):
            raise ArchiveError(
                f"{self.display}: damaged or tampered archive: the manifest lists {len(listed)} entries, the archive holds {len(entries)}"
            )
        for got, rec in zip(entries, listed):
            try:
                same = (rec["index"], rec["name"], rec["kind"], rec["sha256"], rec["bytes"]) == (
                    got.index,
                    got.name,
                    got.kind,
                    got.sha256,
                    got.bytes,
                )
            except (KeyError, TypeError):
                same = False
            if not same:
                raise ArchiveError(
                    f"{self.display}: damaged or tampered archive: entry {got.index} ({got.name}) does not match the manifest (SHA-256 or size)"
                )
        return m
