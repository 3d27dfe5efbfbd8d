"""`chartshift docs`: compile a spec for each dialect and write the documentation folder.

    DIR/index.html (or index.md), DIR/lineage.svg, DIR/assets/{style.css,search.js},
    DIR/sql/<dialect>/<step>.sql

Files are written with "\\n" line ends and nothing variable (no time, no absolute path):
the same spec and compiler give the same bytes.  Files the folder held from an earlier
run that this one does not write are left alone, except old `sql/*/*.sql` steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from compiler.errors import EnvironmentProblem
from compiler.ops.docs.html import render_index
from compiler.ops.docs.lineage import lineage_svg
from compiler.ops.docs.markdown import render_markdown
from compiler.ops.docs.model import SiteModel, build_model
from compiler.pipeline import Compiled, no_full_collections, render_steps

ASSETS = ("style.css", "search.js")
FORMATS = ("html", "md")


class DocsFileError(EnvironmentProblem):
    """A documentation folder, page or report that cannot be read or written (exit 3)."""


def asset(name: str) -> str:
    return resources.files("compiler.ops.docs").joinpath("assets", name).read_text(encoding="utf-8")


def site_files(compiled: Compiled, dialects: Sequence[str], fmt: str = "html") -> dict[str, str]:
    """Relative path -> text of every file of the documentation."""
    steps = {d: render_steps(compiled, d) for d in dialects}
    with no_full_collections():  # the rendered trees are still alive: full collections would walk them all
        model: SiteModel = build_model(compiled, steps)
        files: dict[str, str] = {"lineage.svg": lineage_svg(model)}
        if fmt == "md":
            files["index.md"] = render_markdown(model)
        else:
            files["index.html"] = render_index(model)
            files.update({f"assets/{a}": asset(a) for a in ASSETS})
    for d, rendered in steps.items():
        files.update({f"sql/{d}/{s.name}": s.text for s in rendered})
    return dict(sorted(files.items()))


def write_site(out: Path, files: dict[str, str]) -> None:
    try:
        for old in sorted(out.glob("sql/*/*.sql")):
            if old.relative_to(out).as_posix() not in files:
                old.unlink()
        for rel, text in files.items():
            path = out / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise DocsFileError(f"{out}: cannot write the documentation: {exc.strerror or exc}") from None
