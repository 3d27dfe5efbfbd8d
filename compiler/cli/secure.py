"""The security commands: keygen, backup, backup verify, restore, audit verify.

    chartshift keygen --out KEYFILE
    chartshift backup SPEC --out FILE [--source DIR] [--target duckdb:///DB] [--compress] [--force]
    chartshift backup verify FILE [--against DIR]
    chartshift restore FILE --out DIR [--target duckdb:///DB]
    chartshift audit verify [FILE] [--anchor REPORT_OR_ARCHIVE ...]

`backup verify` is an action of the `backup` command: when the first word after
`backup` is `verify`, the next one is the archive (to back up a spec file literally
named `verify`, write `./verify`).

Keys: `--key-file FILE` (mode 0600 or stricter) or CHARTSHIFT_BACKUP_KEY.  Audit log:
`--audit FILE`, else CHARTSHIFT_AUDIT_LOG, else ./chartshift-audit.jsonl.

Exit codes: 0 ok; 1 `backup verify --against` found differences, or `audit verify`
found a broken chain; 2 bad usage (no key, output exists, bad target URL, spec errors);
3 wrong key, damaged / tampered / truncated archive, key file with open permissions,
missing files, unwritable audit log.  Every error is one line on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from compiler.cli.common import load_spec
from compiler.errors import ChartshiftError
from compiler.ops.secure.keys import SecureError, SecureUsageError

if TYPE_CHECKING:
    from compiler.cli.common import Subparsers
    from compiler.ops.secure.audit import SpecRef

    # what a command's body returns: (exit code, spec, counts, verdict, details)
    _Outcome: TypeAlias = tuple[int, SpecRef, dict[str, Any] | None, str, dict[str, Any]]

COMPRESS_LEVEL = 1

BACKUP_USAGE = """chartshift backup SPEC --out FILE [--source DIR] [--target URL] [--compress] [--force] [--key-file FILE] [--audit FILE]
       chartshift backup verify FILE [--against DIR] [--key-file FILE] [--audit FILE]"""

BACKUP_HELP = """Create or verify an encrypted backup (AES-256-GCM, streamed, authenticated; format in docs/SECURITY.md).

  backup SPEC --out FILE      archive every source file of SPEC byte for byte and, with
                              --target duckdb:///DB, every table of the target (as Parquet)
  backup verify FILE          decrypt everything and check every hash, size and row count;
                              --against DIR also compares the archived source files with DIR
                              (exit 1 when they differ)

The key comes from --key-file FILE (mode 0600) or CHARTSHIFT_BACKUP_KEY; create one with
`chartshift keygen --out FILE` and store it apart from the backups.  Exit codes: 0 ok,
1 --against found differences, 2 bad usage, 3 wrong key / damaged / tampered / truncated
archive or an environment error."""


def _err(msg: str) -> None:
    print(msg, file=sys.stderr)


def _common(c: argparse.ArgumentParser, key: bool = True) -> None:
    if key:
        c.add_argument("--key-file", metavar="FILE", help="backup key (default: $CHARTSHIFT_BACKUP_KEY)")
    c.add_argument("--audit", metavar="FILE", help="audit log (default: $CHARTSHIFT_AUDIT_LOG or ./chartshift-audit.jsonl)")


def add_commands(sub: Subparsers) -> None:
    """Register keygen, backup, restore and audit on the main parser's subparsers."""
    c = sub.add_parser(
        "keygen",
        help="write a new random 256-bit backup key (mode 0600)",
        description="Write a new random 256-bit backup key as 64 hex digits, mode 0600; never overwrites.",
    )
    c.add_argument("--out", required=True, metavar="KEYFILE")
    _common(c, key=False)
    c.set_defaults(func=cmd_keygen)

    c = sub.add_parser(
        "backup",
        help="encrypted backup of a spec's source files (and target); `backup verify FILE` checks one",
        usage=BACKUP_USAGE,
        description=BACKUP_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    c.add_argument("spec", metavar="SPEC|verify")
    c.add_argument("file", nargs="?", metavar="FILE", help=argparse.SUPPRESS)
    c.add_argument("--out", metavar="FILE", help="the archive to write (never partial: written beside it, then renamed)")
    c.add_argument("--source", metavar="DIR", help="folder with the legacy export (default: the spec's source path)")
    c.add_argument("--target", metavar="URL", help="also archive every table of this duckdb:///FILE target")
    c.add_argument("--compress", action="store_true", help="deflate each chunk before encrypting it (smaller, slower)")
    c.add_argument("--force", action="store_true", help="replace an existing --out file")
    c.add_argument("--against", metavar="DIR", help="(verify) compare the archived source files with this folder")
    _common(c)
    c.set_defaults(func=cmd_backup)

    c = sub.add_parser(
        "restore",
        help="restore a backup: files into a new folder, tables into a new DuckDB file",
        description="Decrypt and verify FILE, then move the source files into --out (missing or empty) "
        "and, with --target, the tables into a new DuckDB database.  Nothing is moved into "
        "place before everything has been verified; nothing is ever overwritten.",
    )
    c.add_argument("file", metavar="FILE")
    c.add_argument("--out", required=True, metavar="DIR", help="folder for the source files (must be missing or empty)")
    c.add_argument("--target", metavar="URL", help="duckdb:///FILE to create with the archived tables (must not exist)")
    _common(c)
    c.set_defaults(func=cmd_restore)

    c = sub.add_parser("audit", help="check the hash chain of the audit log")
    asub = c.add_subparsers(dest="audit_action", required=True, metavar="verify")
    v = asub.add_parser("verify", help="exit 1 (with the line number) if a line was edited, inserted or deleted")
    v.add_argument("file", nargs="?", metavar="FILE", help="default: --audit, $CHARTSHIFT_AUDIT_LOG or ./chartshift-audit.jsonl")
    v.add_argument("--audit", metavar="FILE", help=argparse.SUPPRESS)
    v.add_argument(
        "--anchor",
        action="append",
        metavar="REPORT_OR_ARCHIVE",
        help="a run report (--report) or backup archive whose audit anchor the log must still hold (detects a cut-off tail)",
    )
    v.add_argument("--key-file", metavar="FILE", help="key to read a backup archive's anchor (default $CHARTSHIFT_BACKUP_KEY)")
    v.set_defaults(func=cmd_audit_verify)


# ---------------------------------------------------------------------------- audit wrapper


def _error_detail(exc: BaseException) -> dict[str, Any]:
    if isinstance(exc, SecureError):  # our messages: paths, ids, counts, never row data
        return {"error": str(exc), "error_class": type(exc).__name__, "exit_code": exc.exit_code}
    if isinstance(exc, ChartshiftError):  # e.g. a SpecError: the class and the code, not the message
        return {"error_class": type(exc).__name__, "exit_code": exc.exit_code}
    return {"error_class": type(exc).__name__}


def _audited(command: str, args: argparse.Namespace, body: Callable[[dict[str, Any]], _Outcome]) -> int:
    """Run body() -> (exit code, spec, counts, verdict, details) and append one audit event,
    also when it fails.  The audit log is opened first: no unaudited work."""
    from compiler.ops.secure.audit import append_event, check_writable

    log = check_writable(args.audit)
    state: dict[str, Any] = {"spec": getattr(args, "spec_for_audit", None)}
    try:
        rc, spec, counts, verdict, details = body(state)
    except BaseException as exc:
        verdict = "interrupted" if isinstance(exc, KeyboardInterrupt) else "error"
        try:
            append_event(command, state.get("spec"), None, verdict, log, details=state.get("details", {}) | _error_detail(exc))
        except SecureError:
            pass  # the original error matters more
        raise
    append_event(command, spec, counts, verdict, log, details=details)
    return rc


# ---------------------------------------------------------------------------- commands


def cmd_keygen(args: argparse.Namespace) -> int:
    from compiler.ops.secure.keys import generate_key_file

    def body(state: dict[str, Any]) -> _Outcome:
        key = generate_key_file(args.out)
        _err(f"wrote a new 256-bit key to {args.out} (mode 0600, key id {key.key_id}); store it apart from the backups")
        return 0, None, None, "ok", {"key_id": key.key_id, "key_file": str(args.out)}

    return _audited("keygen", args, body)


def cmd_backup(args: argparse.Namespace) -> int:
    if args.spec == "verify":
        return cmd_backup_verify(args)
    for opt in ("against",):
        if getattr(args, opt):
            raise SecureUsageError(f"--{opt} belongs to `backup verify FILE`")
    if args.file:
        raise SecureUsageError(f"unexpected argument `{args.file}` (usage: backup SPEC --out FILE, or backup verify FILE)")
    if not args.out:
        raise SecureUsageError("backup needs --out FILE")
    from compiler.ops.secure.backup import create_backup, fmt_bytes
    from compiler.ops.secure.keys import load_key

    def body(state: dict[str, Any]) -> _Outcome:
        state["spec"] = args.spec
        state["details"] = {"archive": str(args.out), "target": args.target}
        key = load_key(args.key_file)
        state["details"]["key_id"] = key.key_id
        compiled = load_spec(args.spec)
        state["spec"] = compiled
        from compiler.ops.secure.audit import current_anchor

        s = create_backup(
            compiled,
            Path(args.source) if args.source else None,
            args.target,
            Path(args.out),
            key,
            force=args.force,
            compress=COMPRESS_LEVEL if args.compress else 0,
            audit=current_anchor(args.audit),  # the log up to this backup: the manifest anchors it
        )
        _err(f"wrote {args.out}: {s.describe()}; {fmt_bytes(s.archive_bytes)}, archive id {s.archive_id}, key id {s.key_id}")
        return 0, compiled, s.counts(), "ok", state["details"] | {"archive_id": s.archive_id}

    return _audited("backup", args, body)


def cmd_backup_verify(args: argparse.Namespace) -> int:
    archive = args.file
    if not archive:
        raise SecureUsageError("backup verify needs the archive: chartshift backup verify FILE")
    for opt in ("out", "source", "target"):
        if getattr(args, opt):
            raise SecureUsageError(f"--{opt} does not apply to `backup verify`")
    if args.force or args.compress:
        raise SecureUsageError("--force and --compress do not apply to `backup verify`")
    from compiler.ops.secure.backup import verify_backup
    from compiler.ops.secure.keys import load_key

    def body(state: dict[str, Any]) -> _Outcome:
        state["details"] = {"archive": str(archive)}
        key = load_key(args.key_file)
        state["details"]["key_id"] = key.key_id
        s, manifest = verify_backup(Path(archive), key, Path(args.against) if args.against else None)
        state["spec"] = manifest.get("spec")
        details = state["details"] | {"archive_id": s.archive_id}
        msg = f"{archive}: ok: {s.describe()} decrypted and checked (archive id {s.archive_id}, created {manifest.get('created')}, spec {(manifest.get('spec') or {}).get('path')})"
        if args.against:
            details["against"] = str(args.against)
            details["differences"] = len(s.mismatches)
            _err(msg)
            if s.mismatches:
                for m in s.mismatches:
                    _err(f"  {m}")
                _err(f"{len(s.mismatches)} archived source file(s) differ from {args.against}")
                return 1, manifest.get("spec"), s.counts(), "differs", details
            _err(f"every archived source file is identical in {args.against}")
            return 0, manifest.get("spec"), s.counts(), "ok", details
        _err(msg)
        return 0, manifest.get("spec"), s.counts(), "ok", details

    return _audited("backup-verify", args, body)


def cmd_restore(args: argparse.Namespace) -> int:
    from compiler.ops.secure.backup import restore_backup
    from compiler.ops.secure.keys import load_key

    def body(state: dict[str, Any]) -> _Outcome:
        state["details"] = {"archive": str(args.file), "out": str(args.out), "target": args.target}
        key = load_key(args.key_file)
        state["details"]["key_id"] = key.key_id
        s, manifest = restore_backup(Path(args.file), key, Path(args.out), args.target)
        state["spec"] = manifest.get("spec")
        msg = f"restored {s.files} file{'s' if s.files != 1 else ''} into {args.out}"
        if args.target and s.tables:
            msg += f" and {s.tables} table{'s' if s.tables != 1 else ''} ({s.rows:,} rows) into {args.target}"
        _err(msg + f" (archive id {s.archive_id}, everything verified)")
        for n in s.notes:
            _err(f"warning: {n}")
        return 0, manifest.get("spec"), s.counts(), "ok", state["details"] | {"archive_id": s.archive_id, "warnings": len(s.notes)}

    return _audited("restore", args, body)


def _anchor_of(path: Path, args: argparse.Namespace) -> object:
    """The audit anchor a run report (JSON) or a backup archive (its manifest: needs the
    key) carries; None when it has none."""
    import json

    from compiler.ops.secure.keys import load_key

    try:
        with open(path, "rb") as fh:
            head = fh.read(1)
    except FileNotFoundError:
        raise SecureError(f"{path}: anchor file not found") from None
    except OSError as exc:
        raise SecureError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if head == b"{":  # a run report
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise SecureUsageError(f"{path}: not a run report (JSON) or a backup archive") from None
        return data.get("audit") if isinstance(data, dict) else None
    from compiler.ops.secure.backup import verify_backup

    _s, manifest = verify_backup(path, load_key(args.key_file))
    return manifest.get("audit")


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from compiler.ops.secure.audit import verify_log

    anchors = [(str(a), _anchor_of(Path(a), args)) for a in args.anchor or ()]
    r = verify_log(args.file or args.audit, anchors=anchors)
    if r.ok:
        _err(f"{r.path}: {r.lines} event{'s' if r.lines != 1 else ''}, hash chain intact; head sha256 {r.head}")
        return 0
    for line, msg in r.problems:
        _err(f"{r.path}:{line}: error: {msg}")
    return 1
