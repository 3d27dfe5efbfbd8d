"""Private scratch folders for row data (PHI) under $TMPDIR, and the sweep of those a
killed process left behind.

A run transcodes cp1252 files, a plan writes its samples, a backup exports tables: all
plaintext PHI, in 0700 folders removed when the command ends.  SIGKILL (or a power cut)
skips that.  So each folder is named by the host and process that own it,
`chartshift-<kind>-<host>-<pid>-<random>`, and every new one first removes this user's
folders whose process is gone.  Folders of other hosts (a $TMPDIR shared between
containers, whose process ids mean nothing here) and of live processes are left alone.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_NAME = re.compile(r"^chartshift-[a-z]+-(?P<host>.+)-(?P<pid>\d+)-[A-Za-z0-9_]{8}$")


# The process umask while a DuckDB target is open (runtime/engines/duckdb.py): DuckDB
# creates the target file, its `.wal` and its spill files itself, with 0666 & ~umask, and
# refuses a pre-created empty file; so nothing it creates meanwhile is readable by others.
PRIVATE_UMASK = 0o077
_umask_lock = threading.Lock()
_umask_holders = 0
_umask_saved = 0


def hold_private_umask() -> None:
    """Set the umask to PRIVATE_UMASK until the matching release (nested holds count)."""
    global _umask_holders, _umask_saved
    with _umask_lock:
        if _umask_holders == 0:
            _umask_saved = os.umask(PRIVATE_UMASK)
        _umask_holders += 1


def release_private_umask() -> None:
    """Undo one hold_private_umask(); the last one restores the umask it found."""
    global _umask_holders
    with _umask_lock:
        if _umask_holders == 0:
            return
        _umask_holders -= 1
        if _umask_holders == 0:
            os.umask(_umask_saved)


def make_private(*paths: Path | str) -> None:
    """chmod 0600 each of `paths` that exists as a regular file (a target made before)."""
    for p in paths:
        try:
            if os.path.isfile(p) and not os.path.islink(p):
                os.chmod(p, 0o600)
        except OSError:
            pass


def _host() -> str:
    return re.sub(r"[^A-Za-z0-9.]", "_", socket.gethostname()) or "host"


def private_dir(kind: str) -> Path:
    """A new 0700 folder under $TMPDIR for this process (`kind`: run, plan, backup...),
    after sweeping dead ones."""
    sweep()
    return Path(tempfile.mkdtemp(prefix=f"chartshift-{kind}-{_host()}-{os.getpid()}-"))


@contextmanager
def private_folder(kind: str) -> Iterator[Path]:
    """`with private_folder("test") as folder:` a private_dir, removed afterwards."""
    folder = private_dir(kind)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def sweep(base: Path | None = None) -> list[Path]:
    """Remove this user's scratch folders (in `base`, default $TMPDIR) whose process on
    this host has ended; return what was removed."""
    base = Path(base or tempfile.gettempdir())
    host, uid = _host(), os.getuid()
    removed: list[Path] = []
    try:
        candidates = list(base.glob("chartshift-*"))
    except OSError:
        return removed
    for path in candidates:
        m = _NAME.match(path.name)
        if not m or m.group("host") != host:
            continue
        try:
            st = path.lstat()
        except OSError:
            continue
        if not path.is_dir() or path.is_symlink() or st.st_uid != uid:
            continue
        pid = int(m.group("pid"))
        if pid == os.getpid() or alive(pid):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed
