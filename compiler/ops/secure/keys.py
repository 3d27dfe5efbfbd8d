"""Backup keys: generate, load, fingerprint.

A key is 256 random bits written as 64 hexadecimal digits and a newline (base64 of the
32 bytes is accepted on input too).  It comes from `--key-file FILE` or, failing that,
from the environment variable CHARTSHIFT_BACKUP_KEY (same text).  A key file must be
private to its owner: a file readable or writable by group or others (mode & 0o077)
is refused, as ssh refuses a private key with open permissions.

The key is a key-encryption key (KEK): it never encrypts data itself, it wraps the
random data key of each archive (see compiler/ops/secure/archive.py and docs/SECURITY.md).  Its
*key id* is a 64-bit fingerprint, HMAC-SHA256(key, "chartshift key id v1")[:8], safe to
print and to store in archive headers and audit logs: it names the key without revealing
it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from compiler.errors import ChartshiftError, EnvironmentProblem, UsageError

KEY_ENV = "CHARTSHIFT_BACKUP_KEY"
KEY_BYTES = 32
MAX_KEY_FILE = 4096


class SecureError(ChartshiftError):
    """Base of the errors of the security commands, whose messages (paths, ids, counts, never
    data) go into the audit log; raised itself for an environment failure (exit 3)."""

    exit_code = 3


class SecureUsageError(SecureError, UsageError):
    """Bad usage of a security command (missing key, output exists, ...): exit 2."""

    exit_code = 2


class KeyFileError(SecureError, EnvironmentProblem):
    """A key that cannot be used (unreadable, open permissions, malformed): exit 3."""

    exit_code = 3


@dataclass(frozen=True)
class Key:
    """A 256-bit key-encryption key and where it came from (for messages, never the key)."""

    material: bytes
    origin: str

    @property
    def key_id(self) -> str:
        return key_id(self.material)

    def __repr__(self) -> str:  # never show the material
        return f"Key(id={self.key_id}, origin={self.origin!r})"


def key_id(material: bytes) -> str:
    return hmac.new(material, b"chartshift key id v1", hashlib.sha256).hexdigest()[:16]


def parse_key(text: str, origin: str) -> Key:
    """64 hex digits (or base64 of 32 bytes), surrounding whitespace ignored."""
    s = "".join(text.split())
    raw: bytes | None = None
    if len(s) == 2 * KEY_BYTES:
        try:
            raw = bytes.fromhex(s)
        except ValueError:
            raw = None
    if raw is None:
        try:
            raw = base64.b64decode(s.replace("-", "+").replace("_", "/"), validate=True)
        except (binascii.Error, ValueError):
            raw = None
    if raw is None or len(raw) != KEY_BYTES:
        raise KeyFileError(f"{origin}: not a chartshift key (expected 64 hex digits, a 256-bit key from `chartshift keygen`)")
    return Key(raw, origin)


def generate_key_file(path: str | Path) -> Key:
    """Write a fresh random key to `path` (mode 0600); never overwrite an existing file."""
    p = Path(path)
    material = secrets.token_bytes(KEY_BYTES)
    try:
        fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:
        raise SecureUsageError(f"{p}: already exists; keygen never overwrites a key (losing it makes its backups unreadable)") from None
    except OSError as exc:
        raise KeyFileError(f"{p}: cannot create key file: {exc.strerror or exc}") from None
    try:
        os.fchmod(fd, 0o600)  # whatever the umask
        os.write(fd, (material.hex() + "\n").encode("ascii"))
        os.fsync(fd)
    except OSError as exc:
        os.close(fd)
        try:
            p.unlink()
        except OSError:
            pass
        raise KeyFileError(f"{p}: cannot write key file: {exc.strerror or exc}") from None
    os.close(fd)
    return Key(material, str(p))


def read_key_file(path: str | Path) -> Key:
    """Read a key file, refusing one that group or others can access."""
    p = Path(path)
    try:
        fd = os.open(p, os.O_RDONLY)
    except FileNotFoundError:
        raise KeyFileError(f"{p}: key file not found") from None
    except OSError as exc:
        raise KeyFileError(f"{p}: cannot open key file: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)  # the file actually opened, not a name that may have changed since
        if not stat.S_ISREG(st.st_mode):
            raise KeyFileError(f"{p}: key file is not a regular file")
        mode = stat.S_IMODE(st.st_mode)
        if mode & 0o077:
            raise KeyFileError(f"{p}: key file is accessible by group or others (mode {mode:04o}); run `chmod 600 {p}`")
        data = os.read(fd, MAX_KEY_FILE + 1)
    except OSError as exc:
        raise KeyFileError(f"{p}: cannot read key file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > MAX_KEY_FILE:
        raise KeyFileError(f"{p}: not a chartshift key (file too large)")
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        raise KeyFileError(f"{p}: not a chartshift key (not text)") from None
    return parse_key(text, str(p))


def load_key(
    key_file: str | None,
    environ: Mapping[str, str] | None = None,
    env_var: str = KEY_ENV,
    missing: str = f"no backup key: pass --key-file FILE or set {KEY_ENV}",
) -> Key:
    """`--key-file` if given, else the key in `env_var`; neither is a usage error (exit 2)."""
    env = os.environ if environ is None else environ
    if key_file:
        return read_key_file(key_file)
    text = env.get(env_var)
    if text:
        return parse_key(text, f"${env_var}")
    raise SecureUsageError(f"{missing} (create a key with `chartshift keygen --out FILE`)")
