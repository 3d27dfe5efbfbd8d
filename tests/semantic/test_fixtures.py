"""Diagnostics as a user sees them: each `.mig` fixture is run through `chartshift check`
and what it prints is compared, byte for byte, with the `.expected` file beside it.

The fixtures live in tests/semantic/fixtures (checker errors) and tests/syntax/fixtures
(parse and build errors); tests/semantic/fixtures/README.md says how to add one.  With
CHARTSHIFT_UPDATE_FIXTURES=1 the `.expected` files are (re)written instead of compared.
"""

from __future__ import annotations

import contextlib
import difflib
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from compiler.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = (ROOT / "tests" / "semantic" / "fixtures", ROOT / "tests" / "syntax" / "fixtures")
UPDATE_VARIABLE = "CHARTSHIFT_UPDATE_FIXTURES"
EXIT_OK, EXIT_SPEC = 0, 2
ERROR_HEADER = re.compile(r"^\S.*:\d+:\d+: error: ", re.MULTILINE)


def updating() -> bool:
    return os.environ.get(UPDATE_VARIABLE, "") not in ("", "0")


def fixtures() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in folder.rglob("*.mig"))


def expected_path(spec: Path) -> Path:
    return spec.with_suffix(".expected")


def shown_name(spec: Path) -> str:
    """The spec's path as given to `chartshift check`: relative to the repository root
    (from which the check runs), so that the `.expected` text does not depend on where
    the repository is; a spec outside the repository keeps its absolute path."""
    resolved = spec.resolve()
    return resolved.relative_to(ROOT).as_posix() if resolved.is_relative_to(ROOT) else str(spec)


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    stderr: str


def run_check(spec: Path) -> Outcome:
    """`chartshift check SPEC` in-process, from the repository root: exit code and stderr."""
    err = io.StringIO()
    with contextlib.chdir(ROOT), contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["check", shown_name(spec)])
    return Outcome(code, err.getvalue())


def expected_exit(stderr: str) -> int:
    """2 when any error is reported; 0 for a spec with warnings only, or none at all."""
    return EXIT_SPEC if ERROR_HEADER.search(stderr) else EXIT_OK


def difference(expected: str, actual: str, name: str) -> str:
    """A unified diff of the expected and the actual output; '' when they are the same."""
    if expected == actual:
        return ""
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"{name} (expected)",
            tofile=f"{name} (chartshift check)",
        )
    )
    # the same lines but different line endings, or a missing final newline
    return diff or f"{name}: expected {expected!r}, got {actual!r}"


def read_text(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as fh:
        return fh.read()


def write_text(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(text)


def verify(spec: Path, update: bool = False) -> None:
    """Check `spec` and compare with its `.expected` (or, when updating, rewrite it);
    AssertionError with the difference when they disagree."""
    out = run_check(spec)
    want_exit = expected_exit(out.stderr)
    # an exit code of 3 is an internal error or an unreadable file: never an expectation
    if out.exit_code != want_exit:
        raise AssertionError(f"{shown_name(spec)}: `chartshift check` exited {out.exit_code}, expected {want_exit}:\n{out.stderr}")
    expected = expected_path(spec)
    if update:
        if not expected.exists() or read_text(expected) != out.stderr:
            write_text(expected, out.stderr)
        return
    if not expected.exists():
        raise AssertionError(
            f"{shown_name(expected)} is missing; write it with `{UPDATE_VARIABLE}=1 pytest "
            f"tests/semantic/test_fixtures.py` and review it. `chartshift check` printed:\n{out.stderr}"
        )
    diff = difference(read_text(expected), out.stderr, shown_name(expected))
    if diff:
        raise AssertionError(f"{diff}\n(if the new output is right: {UPDATE_VARIABLE}=1 pytest tests/semantic/test_fixtures.py)")


def fixture_id(spec: Path) -> str:
    return spec.relative_to(ROOT / "tests").with_suffix("").as_posix().replace("/fixtures/", "/")


@pytest.mark.parametrize("spec", fixtures(), ids=fixture_id)
def test_fixture(spec: Path):
    verify(spec, update=updating())


# ------------------------------------------------------------------ the runner itself


def test_there_are_fixtures_in_both_folders():
    assert all(any(p.is_relative_to(folder) for p in fixtures()) for folder in FOLDERS)


def test_every_expected_file_has_its_spec():
    orphans = [shown_name(e) for folder in FOLDERS for e in folder.rglob("*.expected") if not e.with_suffix(".mig").exists()]
    assert orphans == [], "an `.expected` without its `.mig`: delete it, or restore the spec"


def test_the_runner_reports_a_wrong_expectation():
    spec = ROOT / "tests" / "semantic" / "fixtures" / "unknown_column_did_you_mean.mig"
    name = shown_name(expected_path(spec))
    actual = run_check(spec).stderr
    assert difference(actual, actual, name) == ""
    wrong = actual.replace("did you mean `pat_no`?", "did you mean `pat_num`?")
    assert wrong != actual
    diff = difference(wrong, actual, name)
    assert "-" + wrong.splitlines()[0] in diff.splitlines()
    assert "+" + actual.splitlines()[0] in diff.splitlines()
    # a caret moved by one column, or only the final newline gone, is a difference too
    assert difference(actual.replace(" ^", "^ ", 1), actual, name)
    assert difference(actual.rstrip("\n"), actual, name)


def test_verify_fails_on_a_wrong_or_missing_expectation_and_update_writes_it(tmp_path):
    spec = tmp_path / "t.mig"
    spec.write_text("map x.y -> z.w { }\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="is missing"):
        verify(spec)
    verify(spec, update=True)
    assert read_text(expected_path(spec)) == (
        f"{spec}:1:5: error: unknown source table `x.y`\n 1 | map x.y -> z.w {{ }}\n   |     ^^^\n1 error\n"
    )
    verify(spec)
    write_text(expected_path(spec), read_text(expected_path(spec)).replace("1 error", "2 errors"))
    with pytest.raises(AssertionError, match=r"(?m)^-2 errors$"):
        verify(spec)
    verify(spec, update=True)
    verify(spec)


def test_exit_code_follows_the_severity(tmp_path):
    """Exit 2 with any error; exit 0 when the spec is clean (or would have warnings only)."""
    assert expected_exit("a.mig:1:5: error: x\n 1 | y\n   | ^\n1 error\n") == EXIT_SPEC
    assert expected_exit("a.mig:1:5: warning: x\n 1 | y\n   | ^\n") == EXIT_OK
    assert expected_exit("a.mig: ok\n") == EXIT_OK
    clean = tmp_path / "clean.mig"
    clean.write_text('lookup l { "a" -> "b" }\n', encoding="utf-8")
    assert run_check(clean) == Outcome(EXIT_OK, f"{clean}: ok\n")
    verify(clean, update=True)
    verify(clean)
    # a spec that exits with an error code its output does not explain is refused
    with pytest.raises(AssertionError, match="exited 3"):
        verify(tmp_path / "nowhere.mig", update=True)
    assert not (tmp_path / "nowhere.expected").exists()
