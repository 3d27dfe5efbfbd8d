"""Machine-readable contracts: `chartshift schema report|ir` (JSON Schemas) and
`chartshift completion bash|zsh` (a shell completion script built from the parser, so it
lists every command and option another module adds).

    chartshift schema report     the run report (`run --report FILE`)
    chartshift schema ir         the IR (`chartshift ir SPEC`): the pydantic models' schema
    eval "$(chartshift completion bash)"     # or: chartshift completion zsh > ~/.zfunc/_chartshift
"""

from __future__ import annotations

import argparse
import json
import shlex
from typing import TYPE_CHECKING

from compiler.errors import EXIT_OK

if TYPE_CHECKING:
    from compiler.cli.common import Subparsers


def add_commands(sub: Subparsers) -> None:
    c = sub.add_parser("schema", help="print the JSON Schema of the run report or of the IR")
    c.add_argument("what", choices=("report", "ir"))
    c.set_defaults(func=cmd_schema)
    c = sub.add_parser("completion", help="print a shell completion script (bash or zsh)")
    c.add_argument("shell", choices=("bash", "zsh"))
    c.set_defaults(func=cmd_completion)


def schema(what: str) -> dict[str, object]:
    if what == "ir":
        from compiler import ir

        out: dict[str, object] = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "chartshift IR (ir.Spec)"}
        # the validation schema: `chartshift ir` output validates back into ir.Spec, and the
        # checks' field-order serializer would make the serialization schema an open object
        out.update(ir.Spec.model_json_schema(mode="validation"))
        return out
    from compiler.runtime.report_schema import report_schema

    return report_schema()


def cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(schema(args.what), indent=2, sort_keys=True))
    return EXIT_OK


def completion_script(p: argparse.ArgumentParser, shell: str) -> str:
    """A bash function completing commands, subcommands and each command's options
    (files otherwise); zsh loads it through bashcompinit."""
    sub = next(a for a in p._actions if isinstance(a, argparse._SubParsersAction))
    top = sorted(sub.choices)
    cases = []
    for name, cp in sorted(sub.choices.items()):
        options = sorted(o for a in cp._actions for o in a.option_strings)
        nested = [a for a in cp._actions if isinstance(a, argparse._SubParsersAction)]
        words = sorted(nested[0].choices) if nested else []
        positional = [a for a in cp._actions if not a.option_strings and a.choices and not isinstance(a, argparse._SubParsersAction)]
        words += sorted(str(c) for a in positional for c in (a.choices or ()))
        cases.append(f"    {shlex.quote(name)}) opts={shlex.quote(' '.join(options))}; words={shlex.quote(' '.join(words))} ;;")
    body = "\n".join(cases)
    script = f"""# chartshift {shell} completion: eval "$(chartshift completion {shell})"
_chartshift() {{
  local cur="${{COMP_WORDS[COMP_CWORD]}}" cmd="${{COMP_WORDS[1]}}" opts="" words=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W {shlex.quote(" ".join(["--help", "--version", *top]))} -- "$cur"))
    return
  fi
  case "$cmd" in
{body}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif [ -n "$words" ] && [ "$COMP_CWORD" -eq 2 ]; then
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}}
complete -o filenames -F _chartshift chartshift
"""
    if shell == "zsh":
        script = "autoload -U +X bashcompinit && bashcompinit\n" + script
    return script


def cmd_completion(args: argparse.Namespace) -> int:
    print(completion_script(args.root_parser, args.shell), end="")  # main.parser() sets root_parser
    return EXIT_OK
