"""Spec text -> Lark syntax tree.  Syntax errors become positioned diagnostics."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from compiler.diagnostics import Collector, SpecError
from compiler.ir import Span

MAX_SYNTAX_ERRORS = 10

# How terminals are named in "expected ..." messages.
TERMINAL_WORDS = {
    "NAME": "a name",
    "STRING": "a string",
    "INT": "a number",
    "DECIMAL": "a number",
    "COMPARE": "a comparison",
    "$END": "end of file",
}


@lru_cache(maxsize=None)
def grammar_text() -> str:
    return resources.files("compiler").joinpath("grammar.lark").read_text(encoding="utf-8")


@lru_cache(maxsize=2)
def parser(strict: bool = False) -> Lark:
    """The LALR parser (cached: building the tables is the slow part)."""
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        propagate_positions=True,
        maybe_placeholders=False,
        strict=strict,
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
    words = sorted({describe_terminal(t) for t in expected})
    if not words:
        return ""
    if len(words) > 8:
        words = words[:8] + ["..."]
    return ", expected " + (words[0] if len(words) == 1 else "one of " + ", ".join(words))


def token_span(file: str, token: Token) -> Span:
    end_col = token.end_column if token.end_column else token.column + max(len(token), 1)
    end_line = token.end_line or token.line
    return Span(file=file, line=token.line, column=token.column, end_line=end_line, end_column=end_col)


def point_span(file: str, line: int, column: int) -> Span:
    return Span(file=file, line=line, column=column, end_line=line, end_column=column + 1)


def error_of(file: str, exc: UnexpectedInput, text: str) -> tuple[str, Span]:
    """A readable message and span for one Lark error."""
    if isinstance(exc, UnexpectedCharacters):
        char = text[exc.pos_in_stream] if exc.pos_in_stream < len(text) else ""
        if char == '"' or char == "'":
            return "unterminated string", point_span(file, exc.line, exc.column)
        shown = repr(char)[1:-1] if char else "end of input"
        return f"unexpected character `{shown}`{expected_phrase(set(exc.allowed or ()))}", point_span(
            file, exc.line, exc.column
        )
    if isinstance(exc, UnexpectedToken):
        tok = exc.token
        if tok.type == "$END":
            line, col = last_position(text)
            return f"unexpected end of file{expected_phrase(exc.expected)}", point_span(file, line, col)
        return f"unexpected `{tok}`{expected_phrase(exc.expected)}", token_span(file, tok)
    if isinstance(exc, UnexpectedEOF):
        line, col = last_position(text)
        return f"unexpected end of file{expected_phrase(set(exc.expected))}", point_span(file, line, col)
    return str(exc).splitlines()[0], point_span(file, getattr(exc, "line", 1) or 1, getattr(exc, "column", 1) or 1)


def last_position(text: str) -> tuple[int, int]:
    lines = text.splitlines() or [""]
    return len(lines), len(lines[-1]) + 1


TOP_LEVEL = re.compile(r"^(migration|source|target|lookup|map|validate)\b", re.M)


def blank_block(text: str, line: int) -> str | None:
    """Blank out (keeping newlines, so positions stay) the top-level block holding `line`.

    This is the error recovery: after a syntax error the parser restarts with the broken
    block removed, so each broken block is reported once and cascades are avoided.
    """
    starts = [text.count("\n", 0, m.start()) + 1 for m in TOP_LEVEL.finditer(text)]
    before = [s for s in starts if s <= line]
    after = [s for s in starts if s > line]
    if not before:
        return None
    lines = text.split("\n")
    first = before[-1] - 1
    last = (after[0] - 1) if after else len(lines)
    if all(not l.strip() for l in lines[first:last]):
        return None
    for i in range(first, last):
        lines[i] = " " * len(lines[i])
    return "\n".join(lines)


def parse(text: str, file: str = "<spec>") -> Tree:
    """Parse spec text; raise SpecError with every syntax error found (one per block)."""
    diags = Collector()
    current = text
    for _ in range(MAX_SYNTAX_ERRORS):
        try:
            tree = parser().parse(current)
        except UnexpectedInput as exc:
            message, span = error_of(file, exc, current)
            diags.error(message, span)
            nxt = blank_block(current, span.line)
            if nxt is None or nxt == current:
                break
            current = nxt
            continue
        break
    diags.raise_if_errors()
    return tree
