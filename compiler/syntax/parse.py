"""Spec text -> Lark syntax tree.  Syntax errors become positioned diagnostics."""

from __future__ import annotations

import hashlib
import os
import re
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import cast

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from compiler.diagnostics import Collector, Span, SpecError

MAX_SYNTAX_ERRORS = 10
# Deeper syntax trees are refused: the later passes (and pydantic, sqlglot) recurse once
# or more per level, and no hand-written expression comes near this.
MAX_NESTING = 100

# How terminals are named in "expected ..." messages.
TERMINAL_WORDS = {
    "NAME": "a name",
    "STRING": "a string",
    "INT": "a number",
    "DECIMAL": "a number",
    "COMPARE": "a comparison",
    "_ORDER_BY": "`order by`",
    "$END": "end of file",
}
# Sets of expected terminals shown as one word.
EXPRESSION_START = frozenset({"CASE", "DECIMAL", "EXISTS", "FALSE", "INT", "LPAR", "MINUS", "NAME", "NOT", "NULL", "STRING", "TRUE"})
VALUE_START = frozenset({"DECIMAL", "FALSE", "INT", "NULL", "STRING", "TRUE"})
BINARY_OPERATORS = frozenset({"`and`", "`or`", "a comparison", "`is`", "`in`", "`like`", "`between`", "`+`", "`*`", "`/`", "`%`", "`||`"})
SHOWN_TOKEN = 30  # longest token text quoted in a message


@cache
def grammar_text() -> str:
    return resources.files("compiler.syntax").joinpath("grammar.lark").read_text(encoding="utf-8")


def cache_file() -> str | bool:
    """Where the built parser tables are kept between runs: building them takes 0.3 s,
    loading them 0.05 s.  A per-user folder, not the shared temp folder (the file is a
    pickle).  Lark checks the grammar's hash stored in the file and rebuilds a stale one;
    without a writable folder there is no cache."""
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "chartshift"
        base.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # not writable, or no home folder
        return False
    return str(base / f"grammar-{hashlib.sha256(grammar_text().encode()).hexdigest()[:16]}.lark")


@lru_cache(maxsize=2)
def parser(strict: bool = False) -> Lark:
    """The LALR parser, built once per process and its tables cached on disk (the strict
    one, used by the tests to check the grammar, is always built)."""
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        propagate_positions=True,
        maybe_placeholders=False,
        strict=strict,
        cache=False if strict else cache_file(),
    )


def describe_terminal(name: str) -> str:
    if name in TERMINAL_WORDS:
        return TERMINAL_WORDS[name]
    try:
        pattern = parser().get_terminal(name).pattern
    except KeyError:
        return name.lower()
    if pattern.type == "str":
        return f"`{pattern.value}`"
    return name.lower()


def expected_phrase(expected: set[str]) -> str:
    """`, expected one of ...` naming what the parser could have taken instead."""
    expected = set(expected)
    groups = []
    if EXPRESSION_START <= expected:
        expected -= EXPRESSION_START
        groups.append("an expression")
    elif VALUE_START <= expected:
        expected -= VALUE_START
        groups.append("a value")
    words = {describe_terminal(t) for t in expected}
    if BINARY_OPERATORS <= words:
        words -= BINARY_OPERATORS | {"`not`", "`-`"}
        groups.append("an operator")
    listed = sorted(words) + groups
    if not listed:
        return ""
    if len(listed) > 8:
        listed = listed[:8] + ["..."]
    return ", expected " + (listed[0] if len(listed) == 1 else "one of " + ", ".join(listed))


def shown(text: str) -> str:
    """Token text for a message: long tokens are cut short."""
    return text if len(text) <= SHOWN_TOKEN else text[: SHOWN_TOKEN - 3] + "..."


def token_span(file: str, token: Token) -> Span:
    line, column = cast(int, token.line), cast(int, token.column)  # the lexer's tokens carry their position
    end_col = token.end_column if token.end_column else column + max(len(token), 1)
    end_line = token.end_line or line
    return Span(file=file, line=line, column=column, end_line=end_line, end_column=end_col)


def point_span(file: str, line: int, column: int) -> Span:
    return Span(file=file, line=line, column=column, end_line=line, end_column=column + 1)


def accepted(exc: UnexpectedInput) -> set[str]:
    """The terminals the parser would have accepted where it stopped (exact for LALR)."""
    ip = getattr(exc, "interactive_parser", None)
    if ip is not None:
        try:
            return set(ip.accepts())
        except Exception:  # pragma: no cover - fall back to Lark's (merged-state) set
            pass
    return set(getattr(exc, "expected", None) or ())


def end_of_file_error(file: str, text: str, expected: set[str], last: Token | None = None) -> tuple[str, Span]:
    """The error at the end of the text, pointing just after the last token."""
    if last is not None and last.end_line:
        line, col = last.end_line, cast(int, last.end_column)  # Lark sets both ends together
    else:
        line, col = last_position(text)
    if "RBRACE" in expected:
        return "missing `}` at end of file", point_span(file, line, col)
    return f"unexpected end of file{expected_phrase(expected - {'$END'})}", point_span(file, line, col)


def error_of(file: str, exc: UnexpectedInput, text: str) -> tuple[str, Span]:
    """A readable message and span for one Lark error."""
    if isinstance(exc, UnexpectedCharacters):
        pos = cast(int, exc.pos_in_stream)  # set by the lexer (Lark declares the attribute with a None default)
        char = text[pos] if pos < len(text) else ""
        span = point_span(file, exc.line, exc.column)
        if char in ('"', "'"):
            return "unterminated string", span
        if char == "`":
            nxt = text[pos + 1 : pos + 2]
            return ("empty quoted name" if nxt == "`" else "unterminated quoted name"), span
        return f"unexpected character `{repr(char)[1:-1]}`" if char else "unexpected end of input", span
    if isinstance(exc, UnexpectedToken):
        tok = exc.token
        if tok.type == "$END":  # Lark gives it the position of the last token read
            return end_of_file_error(file, text, accepted(exc), tok)
        return f"unexpected `{shown(str(tok))}`{expected_phrase(accepted(exc) - {'$END'})}", token_span(file, tok)
    if isinstance(exc, UnexpectedEOF):
        return end_of_file_error(file, text, accepted(exc))
    return str(exc).splitlines()[0], point_span(file, getattr(exc, "line", 1) or 1, getattr(exc, "column", 1) or 1)


def last_position(text: str) -> tuple[int, int]:
    """Just after the last non-blank character (lines counted like Lark: by `\\n`)."""
    body = text.rstrip()
    if not body:
        return 1, 1
    return body.count("\n") + 1, len(body) - (body.rfind("\n") + 1) + 1


TOP_LEVEL = re.compile(r"^(migration|source|target|lookup|map|validate|test)\b", re.M)


def block_starts(text: str) -> list[tuple[int, int, str]]:
    """(line, offset, keyword) of every line that opens a top-level block (keyword in column 1)."""
    out, line, last = [], 1, 0
    for m in TOP_LEVEL.finditer(text):
        line += text.count("\n", last, m.start())
        last = m.start()
        out.append((line, m.start(), m.group(1)))
    return out


def blank_lines(text: str, first: int, last: int) -> str:
    """Blank out lines first..last-1 (1-based), keeping newlines so that positions stay."""
    lines = text.split("\n")
    for i in range(max(first - 1, 0), min(last - 1, len(lines))):
        lines[i] = " " * len(lines[i])
    return "\n".join(lines)


def unfinished(text: str) -> set[str] | None:
    """When `text` is a spec cut off in the middle (a block left open), what could follow."""
    if not text.strip():
        return None
    try:
        parser().parse(text)
    except UnexpectedToken as exc:
        return accepted(exc) if exc.token.type == "$END" else None
    except UnexpectedEOF as exc:
        return accepted(exc)
    except UnexpectedInput:
        return None
    return None


def diagnose(file: str, exc: UnexpectedInput, text: str) -> tuple[str, Span, tuple[int, int]]:
    """Message, span, and the lines (first, end) of the block to drop before parsing again.

    A block left open (a missing `}`) is noticed on the line that opens the next block;
    it is reported there, and the open block is the one dropped.
    """
    message, span = error_of(file, exc, text)
    starts = block_starts(text)
    total = text.count("\n") + 2
    here = next((s for s in starts if s[0] == span.line), None)
    if here is not None and not isinstance(exc, UnexpectedEOF) and getattr(getattr(exc, "token", None), "type", "") != "$END":
        line, offset, keyword = here
        expected = unfinished(text[:offset])
        if expected is not None:
            kw_span = Span(file=file, line=line, column=1, end_line=line, end_column=len(keyword) + 1)
            if "RBRACE" in expected:
                message = f"missing `}}` before `{keyword}`"
            else:
                message = f"unexpected `{keyword}`{expected_phrase(expected - {'$END'})}"
            before = [s[0] for s in starts if s[0] < line]
            return message, kw_span, ((before[-1] if before else 1), line)
    before = [s[0] for s in starts if s[0] <= span.line]
    after = [s[0] for s in starts if s[0] > span.line]
    first = before[-1] if before else 1
    end = after[0] if after else total
    return message, span, (first, end)


# Rules (after aliasing) whose trees are expressions: a too-deep tree is reported over
# the whole outermost expression.
EXPRESSION_RULES = frozenset(
    {
        "or_",
        "and_",
        "not_",
        "compare",
        "is_null",
        "is_not_null",
        "in_",
        "not_in",
        "between",
        "not_between",
        "like",
        "not_like",
        "add",
        "sub",
        "concat_op",
        "mul",
        "div",
        "mod",
        "neg",
        "name_ref",
        "call",
        "tuple",
        "case",
        "simple_case",
        "case_when",
        "case_else",
        "qualname",
        "string",
        "number",
        "true",
        "false",
        "null",
    }
)


def nesting_error(file: str, tree: Tree[Token]) -> tuple[str, Span] | None:
    """An error when the tree is nested deeper than MAX_NESTING (checked without recursion)."""
    stack: list[tuple[Tree[Token], int, Tree[Token]]] = [(tree, 1, tree)]
    while stack:
        node, depth, top = stack.pop()
        if depth > MAX_NESTING:
            meta = top.meta
            line, col = getattr(meta, "line", 1), getattr(meta, "column", 1)
            end_line, end_col = getattr(meta, "end_line", line), getattr(meta, "end_column", col + 1)
            span = Span(file=file, line=line, column=col, end_line=end_line, end_column=end_col)
            return f"expression nested too deeply (more than {MAX_NESTING} levels)", span
        for child in node.children:
            if isinstance(child, Tree):
                inner = top if top.data in EXPRESSION_RULES else child
                stack.append((child, depth + 1, inner))
    return None


def parse(text: str, file: str = "<spec>") -> Tree[Token]:
    """Parse spec text; raise SpecError with every syntax error found (one per block)."""
    diags = Collector()
    current = text
    tree = None
    for _ in range(MAX_SYNTAX_ERRORS):
        try:
            tree = parser().parse(current)
        except UnexpectedInput as exc:
            message, span, (first, end) = diagnose(file, exc, current)
            diags.error(message, span)
            nxt = blank_lines(current, first, end)
            if nxt == current:
                break
            current = nxt
            continue
        break
    diags.raise_if_errors()
    if tree is None:  # pragma: no cover - every failed parse records an error
        raise SpecError([])
    deep = nesting_error(file, tree)
    if deep is not None:
        diags.error(*deep)
        diags.raise_if_errors()
    return tree
