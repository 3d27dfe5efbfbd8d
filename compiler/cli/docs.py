"""The commands that write documents people read: `docs`, `report` and `diff`.

    chartshift docs SPEC --out DIR [--format html|md] [--dialect D]...
    chartshift report REPORT.json --html FILE
    chartshift diff OLD.mig NEW.mig [--format text|md|html] [--out FILE] [--dialect D]...
    chartshift diff SPEC --git REV [...]

Exit codes: 0 written (diff: no change), 1 diff: the specs differ, 2 bad spec or usage,
3 an unreadable or unwritable file, a failed `git show`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from compiler.cli.common import load_spec
from compiler.errors import EXIT_OK, EXIT_VALIDATION, UsageError

if TYPE_CHECKING:
    import argparse

    from compiler.cli.common import Subparsers


def add_commands(sub: Subparsers) -> None:
    c = sub.add_parser("docs", help="write the mapping documentation (a static offline site, or Markdown)")
    c.add_argument("spec")
    c.add_argument("--out", required=True, help="folder to write (index.html or index.md, lineage.svg, assets/, sql/)")
    c.add_argument("--format", choices=("html", "md"), default="html")
    c.add_argument("--dialect", action="append", metavar="D", help="generated SQL of these dialects (default: the runnable ones)")
    c.set_defaults(func=cmd_docs)

    r = sub.add_parser("report", help="write an existing JSON run report as HTML")
    r.add_argument("report")
    r.add_argument("--html", required=True, metavar="FILE")
    r.set_defaults(func=cmd_report)

    d = sub.add_parser("diff", help="what changed between two spec revisions (exit 1 when something did)")
    d.add_argument("spec", nargs="+", help="OLD.mig NEW.mig, or one spec with --git REV")
    d.add_argument("--git", metavar="REV", help="compare SPEC with its version at git revision REV")
    d.add_argument("--format", choices=("text", "md", "html"), default="text")
    d.add_argument("--out", metavar="FILE", help="write here instead of the terminal")
    d.add_argument("--dialect", action="append", metavar="D", help="diff the generated SQL of these dialects (default: the runnable ones)")
    d.set_defaults(func=cmd_diff)


def _dialects(names: list[str] | None) -> list[str]:
    from compiler.dialects import RUNNABLE_NAMES

    return sorted(set(names)) if names else list(RUNNABLE_NAMES)


def cmd_docs(args: argparse.Namespace) -> int:
    from compiler.cli.compile import runnable
    from compiler.ops.docs.site import site_files, write_site

    compiled = load_spec(args.spec, runnable(args.dialect))
    files = site_files(compiled, _dialects(args.dialect), args.format)
    write_site(Path(args.out), files)
    print(f"{args.spec}: wrote {len(files)} files to {args.out}", file=sys.stderr)
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from compiler.ops.docs.report_html import read_report, report_html, write_text

    data = read_report(Path(args.report))
    write_text(Path(args.html), report_html(data))
    print(f"{args.report}: wrote {args.html}", file=sys.stderr)
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from compiler.ops.docs.diff_render import RENDERERS
    from compiler.ops.docs.report_html import write_text
    from compiler.ops.docs.specdiff import diff_specs, git_revision
    from compiler.pipeline import load_text

    old_display = None
    if args.git:
        if len(args.spec) != 1:
            raise UsageError("diff --git REV takes one spec (compared with its version at REV)")
        new = load_spec(args.spec[0])
        old_text, old_display = git_revision(Path(args.spec[0]), args.git)
        old = load_text(old_text, new.path, new.display)
    elif len(args.spec) == 2:
        old, new = load_spec(args.spec[0]), load_spec(args.spec[1])
    else:
        raise UsageError("diff takes OLD.mig NEW.mig, or one spec with --git REV")
    d = diff_specs(old, new, _dialects(args.dialect), old_display)
    text = RENDERERS[args.format](d)
    if args.out:
        write_text(Path(args.out), text)
        print(f"wrote {args.out}: {'changed' if d.changed else 'no change'}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_VALIDATION if d.changed else EXIT_OK
