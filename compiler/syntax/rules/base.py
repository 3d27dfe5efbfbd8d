"""What every part of the builder shares: string and name unquoting, `with_meta`, and
`BuilderBase` (the bottom-up transform, spans, bounded integers)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

from lark import Token, Tree
from lark.tree import Meta

from compiler.diagnostics import Collector, Span

# The children a rule method receives, already transformed: IR nodes, tokens, and the
# tuples and lists that helper rules return (what each rule gets is fixed by the grammar).
Children = list[Any]

RuleT = TypeVar("RuleT", bound=Callable[..., object])


def unquote_name(text: str) -> str:
    return text[1:-1] if text.startswith("`") else text


def unquote_string(text: str) -> str:
    """Decode a spec string literal: "..." with backslash escapes, or '...' with '' doubling."""
    body = text[1:-1]
    if text[0] == "'":
        return body.replace("''", "'")
    out, i = [], 0
    escapes = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            out.append(escapes.get(nxt, "\\" + nxt))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def with_meta(method: RuleT) -> RuleT:
    """Mark a rule method that takes the node's position (`meta`) before its children."""
    cast(Any, method).with_meta = True  # a function attribute, read by `transform`
    return method


class BuilderBase:
    """Transforms the syntax tree bottom-up into IR nodes: one method per grammar rule,
    called with the rule's children already transformed (tokens as they are).  The rule
    methods live in the mixins of this package."""

    def __init__(self, file: str, diags: Collector) -> None:
        self.file = file
        self.diags = diags

    def transform(self, tree: Tree[Token]) -> object:
        """The value of the root rule's method.  Children first, without recursion.  (Lark's Transformer recurses, and wraps each
        `v_args` method anew at every call: a fifth of the time of building a large spec.)"""
        values: list[Any] = []  # results of the subtrees done, in order
        stack: list[tuple[Tree[Token], bool]] = [(tree, False)]
        while stack:
            node, ready = stack.pop()
            if not ready:
                stack.append((node, True))
                stack.extend((c, False) for c in reversed(node.children) if isinstance(c, Tree))
                continue
            subtrees = sum(1 for c in node.children if isinstance(c, Tree))
            done = iter(values[len(values) - subtrees :])
            del values[len(values) - subtrees :]
            children = [next(done) if isinstance(c, Tree) else c for c in node.children]
            method = getattr(self, node.data, None)
            if method is None:  # an inlined (`?`) rule kept as a tree, as Lark would
                values.append(Tree(node.data, children, node.meta))
            elif getattr(method, "with_meta", False):
                values.append(method(node.meta, children))
            else:
                values.append(method(children))
        return values[0]

    # -- positions
    def span(self, meta: Meta) -> Span:
        return Span(
            file=self.file,
            line=getattr(meta, "line", 1),
            column=getattr(meta, "column", 1),
            end_line=getattr(meta, "end_line", getattr(meta, "line", 1)),
            end_column=getattr(meta, "end_column", getattr(meta, "column", 1) + 1),
        )

    def tok_span(self, tok: Token) -> Span:
        # tokens of the parser's lexer always carry their position
        line, column = cast(int, tok.line), cast(int, tok.column)
        return Span(
            file=self.file,
            line=line,
            column=column,
            end_line=tok.end_line or line,
            end_column=tok.end_column or column + len(tok),
        )

    def bounded_int(self, tok: Token, limit: int, what: str) -> int:
        """int(tok), or 0 after an error when it exceeds `limit` (also avoids Python's
        4300-digit limit on int())."""
        digits = str(tok).lstrip("0") or "0"
        if len(digits) > len(str(limit)) or int(digits) > limit:
            shown = digits if len(digits) <= 20 else digits[:17] + "..."
            self.diags.error(f"{what} `{shown}` is too large (at most {limit})", self.tok_span(tok))
            return 0
        return int(digits)
