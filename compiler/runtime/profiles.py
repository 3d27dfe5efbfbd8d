"""Profiles: named targets in a project file, so that `--target prod` resolves to a URL
(like dbt's profiles.yml).  The file is `chartshift.toml` in the current folder, or the
one `$CHARTSHIFT_PROFILES` names:

    [targets.dev]
    url = "duckdb:///dev.duckdb"

    [targets.prod]
    url = "postgresql://migrator@db.clinic.local:5432/emr"
    password_env = "CHARTSHIFT_PROD_PASSWORD"   # the password comes from this variable

With `password_env`, the password is handed to the engine through its own variable
(PGPASSWORD, MYSQL_PWD) for this process, never put into the URL.

Passwords never live in the file: a `password` key, or a URL with `user:password@`, is a
positioned error (exit 2), so the file can be committed.  A `--target` with `://` is a URL
and is used as given; any other value must name a target of the file.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from compiler.diagnostics import Diagnostic, Span
from compiler.errors import EnvironmentProblem, UsageError

PROFILE_FILE = "chartshift.toml"
KEYS = {"url", "password_env", "description"}


@dataclass(frozen=True)
class Profile:
    name: str
    url: str
    password_env: str | None = None


def profile_path() -> Path:
    return Path(os.environ.get("CHARTSHIFT_PROFILES") or PROFILE_FILE)


def _positioned(path: Path, text: str, message: str, needle: str | None, show: bool = True) -> UsageError:
    """A UsageError pointing at the first line holding `needle` (the key or value at fault);
    `show=False`: without quoting the line (it holds a password)."""
    line, col, width = 1, 1, 1
    if needle:
        for n, l in enumerate(text.splitlines(), 1):
            at = l.find(needle)
            if at >= 0 and not l.lstrip().startswith("#"):
                line, col, width = n, at + 1, len(needle)
                break
    exc = UsageError(message)
    exc.diagnostics = [Diagnostic("error", message, Span(file=str(path), line=line, column=col, end_line=line, end_column=col + width))]
    exc.sources = {str(path): text} if show else {}
    return exc


def load_profiles(path: Path | None = None) -> dict[str, Profile]:
    """The targets of the project file ({} when there is none)."""
    path = path or profile_path()
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+), column (\d+)", str(exc))
        err = _positioned(path, text, f"not valid TOML: {str(exc).split(' (at')[0]}", None)
        if m:
            ln, col = int(m.group(1)), int(m.group(2))
            err.diagnostics = [
                Diagnostic("error", err.diagnostics[0].message, Span(file=str(path), line=ln, column=col, end_line=ln, end_column=col + 1))
            ]
        raise err from None
    targets: Any = data.get("targets", {})
    if not isinstance(targets, dict):
        raise _positioned(path, text, "`targets` must be a table: [targets.NAME]", "targets")
    out = {}
    for name, t in targets.items():
        if not isinstance(t, dict):
            raise _positioned(path, text, f"target `{name}` must be a table with a `url`", name)
        if "password" in t:
            raise _positioned(
                path,
                text,
                f'target `{name}`: no password in {path.name}; name an environment variable: password_env = "VAR"',
                "password",
                show=False,
            )
        unknown = sorted(set(t) - KEYS)
        if unknown:
            raise _positioned(path, text, f"target `{name}`: unknown key `{unknown[0]}` (known: {', '.join(sorted(KEYS))})", unknown[0])
        url = t.get("url")
        if not isinstance(url, str) or "://" not in url:
            raise _positioned(
                path, text, f"target `{name}`: `url` must be a target URL (duckdb:///FILE, postgresql://..., mysql://...)", name
            )
        if urlsplit(url).password is not None:
            user_part = urlsplit(url).netloc.rsplit("@", 1)[0]
            raise _positioned(
                path, text, f'target `{name}`: the URL holds a password; use password_env = "VAR" instead', user_part, show=False
            )
        env = t.get("password_env")
        if env is not None and (not isinstance(env, str) or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", env)):
            raise _positioned(path, text, f"target `{name}`: password_env must name an environment variable", "password_env")
        out[name] = Profile(name, url, env)
    return out


def password_variable(url: str) -> str | None:
    """The variable the engine adapter of `url` reads its password from (PGPASSWORD,
    MYSQL_PWD: each adapter's ENV table); None for an engine without passwords."""
    import importlib

    from compiler.runtime.engines import engine_class

    env: dict[str, str] = getattr(importlib.import_module(engine_class(url).__module__), "ENV", {})
    return env.get("password")


def resolve_target(target: str | None, path: Path | None = None) -> str | None:
    """A `--target` value as a URL: a URL as given, a profile name through the project file."""
    if target is None or "://" in target:
        return target
    path = path or profile_path()
    profiles = load_profiles(path)
    if target not in profiles:
        known = ", ".join(sorted(profiles)) or f"none: no {path}"
        raise UsageError(f"--target {target}: not a URL and not a target of {path} (targets: {known})")
    p = profiles[target]
    if p.password_env is None:
        return p.url
    password = os.environ.get(p.password_env)
    if password is None:
        raise EnvironmentProblem(f"--target {target}: set the environment variable {p.password_env} (its password)")
    var = password_variable(p.url)
    if var is None:
        raise UsageError(f"--target {target}: {urlsplit(p.url).scheme} targets take no password (drop password_env)")
    # the adapter's own variable, for this process: the password never enters a URL, so no
    # message, report or audit event that names the target can carry it
    os.environ[var] = password
    return p.url
