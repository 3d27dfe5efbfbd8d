"""Append-only, hash-chained audit log (HIPAA 164.312(b) audit controls).

Every `run`, `backup`, `restore` (and `backup verify`, `keygen`) appends one JSON line:

    {"command":"backup","compiler_version":"0.1.0","counts":{...},"details":{...},
     "hash":"<sha256 of this line without the hash field>","host":"...",
     "prev":"<sha256 of the previous line>","seq":7,"spec":"specs/x.mig",
     "spec_sha256":"...","time":"2025-01-01T12:00:00.000+00:00","user":"ana",
     "verdict":"ok","v":1}

* `prev` is the SHA-256 (hex) of the previous line's bytes (without its newline); the
  first line carries GENESIS (64 zeros).
* `hash` is the SHA-256 of the line's canonical JSON without the `hash` key (keys sorted,
  compact separators, ASCII): an edited line is caught at its own line number even when
  it is the last one.
* `seq` is the 1-based line number.

The log holds no PHI and no row content: times, the OS user, the command, the spec path
and hash, the compiler version, counts, the verdict and short PHI-free details
(archive ids, key ids, error messages written by chartshift).

What the chain proves: any edit, insertion, deletion or reordering of lines is detected
by `chartshift audit verify`, *except* the removal of lines at the end of the file and a
wholesale rewrite of the chain by someone with write access (the hashes are unkeyed).
`audit verify` prints the head hash: record it somewhere the operator does not control
(ticket, e-mail, WORM storage) to close that gap.

The audit file is chosen by, in order: an explicit path (`--audit FILE`), the
environment variable CHARTSHIFT_AUDIT_LOG, `chartshift-audit.jsonl` in the current
folder.  It is created with mode 0600; appends take an exclusive lock (flock) so
concurrent commands cannot fork the chain.  The lock is platform-specific (flock on
POSIX, msvcrt.locking on Windows), imported where it is taken: on a platform with
neither, appends go unlocked and say so once on stderr.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import socket
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from compiler import __version__
from compiler.errors import EnvironmentProblem
from compiler.ops.secure.keys import SecureError

if TYPE_CHECKING:
    from compiler.pipeline import Compiled

    # what `spec=` names: a Compiled, a mapping {path, sha256}, or a path (hashed raw)
    SpecRef: TypeAlias = Compiled | Mapping[str, Any] | str | os.PathLike[str] | None

AUDIT_ENV = "CHARTSHIFT_AUDIT_LOG"
DEFAULT_FILE = "chartshift-audit.jsonl"
GENESIS = "0" * 64
FORMAT_VERSION = 1
MAX_LINE = 1 << 20


class AuditError(SecureError, EnvironmentProblem):
    """The audit log cannot be written or read (exit 3)."""

    exit_code = 3


def audit_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Explicit path, else $CHARTSHIFT_AUDIT_LOG, else ./chartshift-audit.jsonl."""
    if path:
        return Path(path)
    env = os.environ.get(AUDIT_ENV)
    if env:
        return Path(env)
    return Path(DEFAULT_FILE)


def canonical(obj: dict[str, Any]) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def line_hash(line: bytes) -> str:
    return hashlib.sha256(line).hexdigest()


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name, no USER variable: the uid at least
        return f"uid:{os.getuid()}"


def _spec_fields(spec: SpecRef) -> dict[str, Any]:
    """spec: a Compiled (.display/.sha256), a mapping {path, sha256}, or a path (hashed raw)."""
    if spec is None:
        return {"spec": None, "spec_sha256": None}
    if hasattr(spec, "sha256") and hasattr(spec, "display"):
        return {"spec": str(spec.display), "spec_sha256": spec.sha256}
    if isinstance(spec, Mapping):
        return {"spec": spec.get("path"), "spec_sha256": spec.get("sha256")}
    p = Path(spec)
    try:
        digest = hashlib.sha256(p.read_bytes()).hexdigest()
    except OSError:
        digest = None
    return {"spec": str(spec), "spec_sha256": digest}


def _open_locked(path: Path) -> int:
    flags = os.O_RDWR | os.O_CREAT | os.O_APPEND | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as exc:
        raise AuditError(f"{path}: cannot open audit log: {exc.strerror or exc}") from None
    try:
        _lock_exclusive(fd, path)
    except OSError as exc:
        os.close(fd)
        raise AuditError(f"{path}: cannot lock audit log: {exc.strerror or exc}") from None
    return fd


_warned_unlocked: set[Path] = set()


def _lock_exclusive(fd: int, path: Path) -> None:
    """Block until this process holds the audit log's exclusive lock."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # byte 0: every appender locks the same byte
        return
    try:
        import fcntl
    except ImportError:  # neither POSIX nor Windows: work on, but not silently
        if path not in _warned_unlocked:
            _warned_unlocked.add(path)
            print(
                f"chartshift: warning: {path}: no file locking on this platform; "
                "do not run two commands that append to this audit log at once",
                file=sys.stderr,
            )
        return
    fcntl.flock(fd, fcntl.LOCK_EX)


def _tail(fd: int) -> tuple[int, bytes | None, bool]:
    """(number of lines, last line without newline or None, file ends with a newline)."""
    size = os.fstat(fd).st_size
    if size == 0:
        return 0, None, True
    count = 0
    pos = 0
    block = 1 << 16
    last_nl = -1
    while pos < size:
        data = os.pread(fd, min(block, size - pos), pos)
        if not data:
            break
        n = data.count(b"\n")
        if n:
            count += n
            last_nl = pos + data.rindex(b"\n")
        pos += len(data)
    ends_nl = last_nl == size - 1
    if not ends_nl:
        count += 1  # an unterminated last line (a crash mid-write) is still a line
    # the last line: from the newline before it to the end
    end = size - 1 if ends_nl else size
    start = end
    while start > 0:
        step = min(block, start)
        data = os.pread(fd, step, start - step)
        i = data.rfind(b"\n")
        if i >= 0:
            start = start - step + i + 1
            break
        start -= step
    if end - start > MAX_LINE:
        return count, b"", ends_nl
    return count, os.pread(fd, end - start, start), ends_nl


def check_writable(path: str | os.PathLike[str] | None = None) -> Path:
    """Open (creating, mode 0600) and lock the audit file once, so that a command fails
    *before* doing its work when it could not be audited."""
    p = audit_path(path)
    os.close(_open_locked(p))
    return p


def append_event(
    command: str,
    spec: SpecRef = None,
    counts: dict[str, Any] | None = None,
    verdict: str | None = None,
    path: str | os.PathLike[str] | None = None,
    *,
    details: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Append one chained event; return it.  Never pass PHI or row content in `counts`/`details`."""
    p = audit_path(path)
    fd = _open_locked(p)
    try:
        n, last, ends_nl = _tail(fd)
        event = {
            "v": FORMAT_VERSION,
            "seq": n + 1,
            "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "user": _os_user(),
            "host": socket.gethostname(),
            "command": command,
            **_spec_fields(spec),
            "compiler_version": __version__,
            "counts": dict(counts or {}),
            "verdict": verdict,
            "prev": GENESIS if last is None else line_hash(last),
        }
        if details:
            event["details"] = dict(details)
        event["hash"] = hashlib.sha256(canonical(event).encode("ascii")).hexdigest()
        line = canonical(event).encode("ascii")
        data = (b"" if ends_nl else b"\n") + line + b"\n"
        try:
            os.write(fd, data)
            os.fsync(fd)
        except OSError as exc:
            raise AuditError(f"{p}: cannot append to audit log: {exc.strerror or exc}") from None
        return event
    finally:
        os.close(fd)  # releases the lock


def event_anchor(event: dict[str, Any], path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The anchor of an appended event (what `append_event` returned): the log, the
    event's line number and the SHA-256 of its line.  A run report carries it; `audit
    verify --anchor` then finds the log cut off before that line, or that line changed."""
    return {"log": str(audit_path(path)), "events": event["seq"], "head": line_hash(canonical(event).encode("ascii"))}


def current_anchor(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The anchor of the log as it is now (its line count and last line's SHA-256; the
    genesis value for an empty log), read under the append lock.  A backup's manifest
    carries it."""
    p = audit_path(path)
    fd = _open_locked(p)
    try:
        n, last, _ends_nl = _tail(fd)
    finally:
        os.close(fd)
    return {"log": str(p), "events": n, "head": GENESIS if last is None else line_hash(last)}


def anchor_problems(anchor: object, source: str, lines: list[str]) -> list[tuple[int, str]]:
    """What a log whose line hashes are `lines` (line 1 first) contradicts in `anchor`
    (from `source`, a report or archive): (line number, message) pairs, none when it holds."""
    if not isinstance(anchor, dict) or not isinstance(anchor.get("events"), int) or not isinstance(anchor.get("head"), str):
        return [(0, f"{source}: no audit anchor (`audit`: {{log, events, head}})")]
    n, head = anchor["events"], anchor["head"]
    if n == 0:
        return [] if head == GENESIS else [(0, f"{source}: anchor of an empty log with a head other than genesis")]
    if len(lines) < n:
        return [
            (
                len(lines),
                f"the log ends at line {len(lines)}, but {source} anchors line {n}: "
                f"{n - len(lines)} line(s) cut off its tail (or the log was replaced)",
            )
        ]
    if lines[n - 1] != head:
        return [(n, f"line {n} is not the line {source} anchors (sha256 {head}): the log was rewritten")]
    return []


@dataclass
class VerifyResult:
    """What `verify_log` found: `problems` is a list of (line number, message)."""

    path: Path
    lines: int
    head: str
    problems: list[tuple[int, str]]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_log(
    path: str | os.PathLike[str] | None = None, max_problems: int = 20, anchors: list[tuple[str, object]] | None = None
) -> VerifyResult:
    """Check every line's own hash, its link to the previous line and its sequence number;
    then each (source, anchor) of `anchors` (run reports, backup manifests: `event_anchor`,
    `current_anchor`), which detects a cut-off tail."""
    p = audit_path(path)
    try:
        fh = open(p, "rb")
    except FileNotFoundError:
        raise AuditError(f"{p}: audit log not found") from None
    except OSError as exc:
        raise AuditError(f"{p}: cannot read audit log: {exc.strerror or exc}") from None
    problems: list[tuple[int, str]] = []
    prev = GENESIS
    n = 0
    hashes: list[str] = []
    with fh:
        for n, raw in enumerate(fh, start=1):
            line = raw[:-1] if raw.endswith(b"\n") else raw
            if line.endswith(b"\r"):
                line = line[:-1]
            problems += _check_line(n, line, prev)
            prev = line_hash(line)
            hashes.append(prev)
            if len(problems) >= max_problems:
                break
    for source, anchor in anchors or ():
        problems += anchor_problems(anchor, source, hashes)
    return VerifyResult(p, n, prev, problems)


def _check_line(n: int, line: bytes, prev: str) -> list[tuple[int, str]]:
    try:
        event = json.loads(line.decode("utf-8"))
        if not isinstance(event, dict):
            raise ValueError
    except (UnicodeDecodeError, ValueError):
        return [(n, "not a JSON audit event (edited, or a partial write)")]
    out = []
    claimed = event.pop("hash", None)
    if claimed != hashlib.sha256(canonical(event).encode("ascii")).hexdigest():
        out.append((n, "line was edited (its content does not match its own hash)"))
    if event.get("prev") != prev:
        what = (
            "the first line does not start the chain"
            if n == 1
            else f"chain broken: `prev` does not match line {n - 1} (line {n - 1} edited, or a line inserted, deleted or moved here)"
        )
        out.append((n, what))
    if event.get("seq") != n:
        out.append((n, f"sequence number {event.get('seq')!r} where {n} was expected (a line inserted, deleted or moved)"))
    return out
