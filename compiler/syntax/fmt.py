"""`chartshift fmt`: one canonical layout for spec text, line by line, so comments stay
where they are and the meaning cannot change (no line is joined or split, no token is
touched: only the whitespace between tokens).

- blocks indent by two spaces per `{`; a line inside open parentheses by two more per
  parenthesis, a line starting with `when`, `then`, `else`, `end`, `and` or `or` by two;
- runs of spaces between tokens become one, then aligned groups are padded: the `=` of
  consecutive assignments, the name and type of consecutive column declarations, the
  cells of `given` / `expect` rows, and trailing comments of consecutive lines;
- one blank line at most, none after `{` or before `}`; one newline at the end.

Formatting twice gives the same text (tests/syntax/test_fmt.py checks this and that the
IR is equal before and after for every spec in specs/ and tests/conformance/specs/).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# words that continue the statement of the line before (a `reject ... when`, a multi-line `case`)
CONTINUES = {"when", "then", "else", "end", "and", "or", "each", "keep"}
ARROW = re.compile(r"^(.*?) -> (.*)$")
SETTINGS = {"encoding", "delimiter", "quote", "escape", "header", "null", "ignore", "delta", "key", "description", "dialect"}
ASSIGN = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*|`[^`]+`) = (?!=)(.*)$")
COLUMN = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*|`[^`]+`) ([a-z]+(?:\([0-9, ]+\))?)(?: (.*))?$")


def split_comment(line: str) -> tuple[str, str]:
    """(code, comment): the comment starts at a `#` outside strings and backtick names."""
    quote = ""
    for i, ch in enumerate(line):
        if quote:
            if ch == "\\" and quote == '"':
                continue
            if ch == quote:
                quote = ""
        elif ch in "\"'`":
            quote = ch
        elif ch == "#":
            return line[:i], line[i:].rstrip()
    return line, ""


def _escaped(line: str, i: int) -> bool:
    n = 0
    while i > 0 and line[i - 1] == "\\":
        n += 1
        i -= 1
    return n % 2 == 1


def squeeze(code: str) -> tuple[str, int, int]:
    """The code with runs of blanks outside strings made one; its change of brace and paren depth."""
    out: list[str] = []
    quote = ""
    braces = parens = 0
    for i, ch in enumerate(code):
        if quote:
            out.append(ch)
            if ch == quote and not (quote == '"' and _escaped(code, i)):
                quote = ""
            continue
        if ch in "\"'`":
            quote = ch
        elif ch in " \t":
            if out and out[-1] == " ":
                continue
            ch = " "
        elif ch == "{":
            braces += 1
        elif ch == "}":
            braces -= 1
        elif ch in "([":
            parens += 1
        elif ch in ")]":
            parens -= 1
        out.append(ch)
    return "".join(out).strip(), braces, parens


def cells(code: str) -> list[str] | None:
    """The cells of a test row (`a | b | c`), or None if the line has no `|` outside strings."""
    parts, cur, quote = [], [], ""
    for i, ch in enumerate(code):
        if quote:
            cur.append(ch)
            if ch == quote and not (quote == '"' and _escaped(code, i)):
                quote = ""
        elif ch in "\"'`":
            quote = ch
            cur.append(ch)
        elif ch == "|":
            parts.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur).strip())
    return parts if len(parts) > 1 else None


@dataclass
class Line:
    indent: int
    code: str
    comment: str
    kind: str = ""  # "assign", "column", "row" or "": what it aligns with
    block: str = ""  # the first word of the line that opened its block


def _layout(text: str) -> list[Line | None]:
    """Each line's canonical indent and squeezed code (None: a blank line)."""
    out: list[Line | None] = []
    depth = parens = 0
    blocks: list[str] = []
    paren_base = 0
    prev_comma = False  # the code line before ended with a comma outside parentheses: a list goes on
    for raw in text.expandtabs(2).splitlines():
        code, comment = split_comment(raw)
        squeezed, db, dp = squeeze(code)
        if not squeezed and not comment:
            out.append(None)
            continue
        here = depth - (1 if squeezed.startswith("}") else 0)
        open_parens = parens - (1 if squeezed.startswith((")", "]")) else 0)
        word = squeezed.split(" ", 1)[0]
        block = blocks[-1] if blocks else ""
        continues = (word in CONTINUES and block in ("map", "")) or prev_comma
        extra = (paren_base + 2 * max(open_parens, 0)) if parens > 0 else (2 if continues else 0)
        line = Line(2 * max(here, 0) + extra, squeezed, comment, block=block)
        if extra == 0 and parens == 0 and squeezed:
            if block in ("given", "expect") and cells(squeezed):
                line.kind = "row"
            elif block == "lookup" and ARROW.match(squeezed):
                line.kind = "arrow"
            elif ASSIGN.match(squeezed):
                line.kind = "assign"
            elif block in ("lookup", "validate") and " " in squeezed and not squeezed.endswith("{"):
                line.kind = "word"
            elif block == "table" and (m := COLUMN.match(squeezed)) and m.group(1) not in SETTINGS:
                line.kind = "column"
        out.append(line)
        for _ in range(db if db > 0 else 0):
            blocks.append(squeezed.split(" ", 1)[0])
        for _ in range(-db if db < 0 else 0):
            if blocks:
                blocks.pop()
            depth -= 1
        if db > 0:
            depth += db
        if parens == 0 and parens + dp > 0:
            paren_base = extra  # the lines inside indent from the line that opened the parenthesis
        parens = max(0, parens + dp)
        if parens == 0:
            paren_base = 0
        if squeezed:
            prev_comma = squeezed.endswith(",") and parens == 0
    return out


def _align(group: list[Line]) -> None:
    kind = group[0].kind
    if kind == "assign":
        width = max(len(ASSIGN.match(ln.code).group(1)) for ln in group)  # type: ignore[union-attr]
        for ln in group:
            m = ASSIGN.match(ln.code)
            assert m is not None
            ln.code = f"{m.group(1).ljust(width)} = {m.group(2)}"
    elif kind == "column":
        ms = [COLUMN.match(ln.code) for ln in group]
        nw = max(len(m.group(1)) for m in ms if m)
        tw = max(len(m.group(2)) for m in ms if m)
        for ln, m in zip(group, ms):
            assert m is not None
            rest = m.group(3)
            ln.code = f"{m.group(1).ljust(nw)} {m.group(2).ljust(tw) if rest else m.group(2)}" + (f" {rest}" if rest else "")
    elif kind in ("arrow", "word"):
        pattern = ARROW if kind == "arrow" else re.compile(r"^(\S+) (.*)$")
        ms = [pattern.match(ln.code) for ln in group]
        width = max(len(m.group(1)) for m in ms if m)
        for ln, m in zip(group, ms):
            assert m is not None
            ln.code = f"{m.group(1).ljust(width)}{' -> ' if kind == 'arrow' else ' '}{m.group(2)}"
    elif kind == "row":
        rows = [cells(ln.code) or [] for ln in group]
        n = max(len(r) for r in rows)
        widths = [max(len(r[i]) for r in rows if i < len(r)) for i in range(n)]
        for ln, r in zip(group, rows):
            ln.code = " | ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip()


def fmt(text: str) -> str:
    """The canonical layout of spec text."""
    lines = _layout(text)
    i = 0
    while i < len(lines):  # aligned groups: consecutive lines of one kind in one block
        ln = lines[i]
        if ln is None or not ln.kind:
            i += 1
            continue
        j = i
        while j + 1 < len(lines):
            nxt = lines[j + 1]
            if nxt is None or nxt.kind != ln.kind or nxt.indent != ln.indent:
                break
            j += 1
        _align([x for x in lines[i : j + 1] if x is not None])
        i = j + 1
    out: list[str] = []
    run: list[int] = []  # consecutive lines with code and a trailing comment: one comment column

    def flush() -> None:
        if len(run) > 1:
            col = max(len(out[k].split("\x00")[0]) for k in run) + 2
            for k in run:
                code, comment = out[k].split("\x00")
                out[k] = code.ljust(col) + comment
        for k in run:
            out[k] = out[k].replace("\x00", "  ")
        run.clear()

    for k, ln in enumerate(lines):
        if ln is None:
            flush()
            if out and out[-1] != "" and not out[-1].endswith("{"):
                nxt = next((x for x in lines[k + 1 :] if x is not None), None)
                if nxt is not None and not nxt.code.startswith("}"):
                    out.append("")
            continue
        pad = " " * ln.indent
        if ln.code and ln.comment:
            out.append(pad + ln.code + "\x00" + ln.comment)
            run.append(len(out) - 1)
            continue
        flush()
        out.append(pad + (ln.code or ln.comment))
    flush()
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n" if out else ""


def _without_spans(o: object) -> object:
    if isinstance(o, dict):
        return {k: _without_spans(v) for k, v in o.items() if k not in ("span", "file")}
    if isinstance(o, list):
        return [_without_spans(v) for v in o]
    return o


def meaning(text: str, name: str) -> object:
    """The spec's IR without positions: what formatting must not change."""
    import json

    from compiler.syntax.build import build
    from compiler.syntax.parse import parse

    return _without_spans(json.loads(build(parse(text, name), name).model_dump_json()))
