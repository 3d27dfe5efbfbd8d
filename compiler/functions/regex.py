"""The portable regular-expression subset.

DuckDB uses RE2, PostgreSQL its own ARE engine and MariaDB PCRE2.  They agree on a core
syntax but differ at the edges: `\\d`/`\\w` may or may not match non-ASCII digits, `.`
matches a newline on PostgreSQL only, `$` also matches before a final newline on
MariaDB, `\\pL` is RE2/PCRE syntax that PostgreSQL rejects, `\\b` is a backspace on
PostgreSQL, backreferences and look-arounds do not exist in RE2, lazy quantifiers change
the greediness of the whole expression on PostgreSQL.

chartshift therefore accepts only the subset below (documented in docs/FUNCTIONS.md),
checks it at compile time, and renders it for each engine so that it means the same
thing everywhere:

    literal characters       a  B  7  é  space  /  -  ,  :  '  "  #  %  &  =  @  ~  !
    escaped punctuation      \\.  \\\\  \\(  \\)  \\[  \\]  \\{  \\}  \\*  \\+  \\?  \\|  \\^  \\$  \\-  ...
    control characters       \\t  \\n  \\r  \\f
    any character            .            (newlines included, on every engine)
    classes                  [abc]  [^a-z0-9]  [\\d\\s\\pL]
    shorthands               \\d \\D (ASCII digits)  \\s \\S (space, tab, CR, LF, FF)
                             \\w \\W (ASCII letters, digits, _)  \\pL \\PL (Unicode letters)
    anchors                  ^  $          (start / end of the whole text)
    groups                   ( )  (?: )
    alternation              |
    greedy quantifiers       *  +  ?  {n}  {n,}  {n,m}   (n, m <= 255)

Replacement strings contain literal text plus `\\1` ... `\\9` (capture groups) and `\\\\`
(a backslash).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NoReturn

from compiler import dialects

__all__ = [
    "RegexError",
    "Regex",
    "Replacement",
    "parse_regex",
    "parse_replacement",
]

_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_META = set("\\^$.|?*+()[]{}")
_CONTROL = {"t": "\\t", "n": "\\n", "r": "\\r", "f": "\\f"}
_MAX_REPEAT = 255  # PostgreSQL's RE_DUP_MAX

# Class contents, written in the subset itself, per shorthand (for use inside [...]).
_CLASS_ITEMS = {
    "d": "0-9",
    "s": " \\t\\n\\r\\f",
    "w": "0-9A-Za-z_",
}
# How \pL is spelled per engine, inside a class.  PostgreSQL has no \p{..}; its
# [:alpha:] follows the database's LC_CTYPE (Unicode-aware for any UTF-8 locale).
_LETTER_ITEM = {"duckdb": "\\pL", "postgres": "[:alpha:]", "mysql": "\\pL", "spark": "\\pL"}
_NOT_LETTER = {"duckdb": "\\PL", "postgres": "[^[:alpha:]]", "mysql": "\\PL", "spark": "\\PL"}
# `$` means "end of text" on RE2 and PostgreSQL; PCRE's `$` also matches before a
# final newline, `\z` does not.
_END = {"duckdb": "$", "postgres": "$", "mysql": "\\z", "spark": "\\z"}  # Java's `$` is PCRE's
# `.` matches a newline on PostgreSQL by default; (?s) makes RE2 and PCRE agree.
_DOTALL_PREFIX = {"duckdb": "(?s)", "postgres": "", "mysql": "(?s)", "spark": "(?s)"}
DIALECTS = dialects.RUNNABLE_NAMES


class RegexError(ValueError):
    """A pattern or replacement outside the portable subset.  Internal, not a ChartshiftError:
    the checker turns it into a positioned diagnostic (SpecError) at the pattern."""

    def __init__(self, message: str, text: str, position: int | None = None):
        where = f" at position {position + 1}" if position is not None else ""
        super().__init__(f"{message}{where} in regular expression {text!r}")
        self.text = text
        self.position = position


# ---------------------------------------------------------------------------------
# Tokens of a parsed pattern.  Each knows how to render itself for an engine.


@dataclass(frozen=True)
class _Tok:
    kind: str  # lit, esc, ctrl, dot, short, letter, notletter, bol, eol, open, ncopen,
    # close, alt, quant  (classes are stored pre-rendered, as {dialect: text})
    text: str = ""

    def render(self, dialect: str) -> str:
        k = self.kind
        if k == "lit":
            return self.text
        if k == "esc":
            return "\\" + self.text
        if k == "ctrl":
            return _CONTROL[self.text]
        if k == "dot":
            return "."
        if k == "short":  # \d \D \s \S \w \W -> explicit ASCII classes
            items = _CLASS_ITEMS[self.text.lower()]
            return ("[^" if self.text.isupper() else "[") + items + "]"
        if k == "letter":
            return "[[:alpha:]]" if dialect == "postgres" else "\\pL"
        if k == "notletter":
            return _NOT_LETTER[dialect]
        if k == "bol":
            return "^"
        if k == "eol":
            return _END[dialect]
        if k in ("open", "ncopen", "close", "alt", "quant"):
            return self.text
        raise AssertionError(k)


@dataclass(frozen=True)
class Regex:
    """A validated pattern of the portable subset."""

    source: str
    groups: int
    uses_dot: bool
    matches_empty: bool  # whether the pattern can match the empty string
    _tokens: tuple[_Tok | dict[str, str], ...]  # classes pre-rendered, {dialect: text}

    def render(self, dialect: str) -> str:
        """The pattern text for one engine (before SQL string-literal quoting)."""
        rendered = self.__dict__.get("_rendered")
        if rendered is None:
            rendered = {}
            object.__setattr__(self, "_rendered", rendered)  # a cache, not a field
        text = rendered.get(dialect)
        if text is None:
            text = rendered[dialect] = self._render(dialect)
        return text

    def _render(self, dialect: str) -> str:
        if dialect not in DIALECTS:
            raise KeyError(dialect)
        out = []
        for t in self._tokens:
            out.append(t[dialect] if isinstance(t, dict) else t.render(dialect))
        body = "".join(out)
        return (_DOTALL_PREFIX[dialect] if self.uses_dot else "") + body


@dataclass(frozen=True)
class Replacement:
    """A validated replacement string: literal text, \\N group references, \\\\."""

    source: str
    max_group: int

    def render(self, dialect: str) -> str:
        # All three engines read \N and \\ the same way in REGEXP_REPLACE.
        return self.source


# ---------------------------------------------------------------------------------
# Parser


def parse_regex(text: str, allow_empty_match: bool = True) -> Regex:
    """Validate `text` against the portable subset and return the parsed pattern.

    With allow_empty_match=False, patterns that can match the empty string (x*, a?|b,
    ^, ...) are refused: the engines disagree on where such matches are replaced
    (PostgreSQL and DuckDB replace the empty match between characters, MariaDB never
    does), so they are no use for replacing."""
    rx = _parse_cached(text)
    if rx.matches_empty and not allow_empty_match:
        raise RegexError(
            "the pattern can match the empty string (the engines replace empty matches differently); make it match at least one character",
            text,
        )
    return rx


@lru_cache(maxsize=4096)
def _parse_cached(text: str) -> Regex:
    """Parse once per pattern text (the library re-uses a few patterns at every call;
    a RegexError is not cached and is raised again on the next call)."""
    p = _Parser(text)
    p.parse()
    return Regex(text, p.groups, p.uses_dot, p.nullable, tuple(p.tokens))


class _Parser:
    def __init__(self, text: str):
        self.s = text
        self.i = 0
        self.tokens: list[_Tok | dict[str, str]] = []
        self.groups = 0
        self.uses_dot = False
        self.depth = 0
        # nullability: per open group level, its branches; per branch, per item whether
        # the item can match the empty string
        self.levels: list[list[list[bool]]] = [[[]]]
        self.nullable = False

    def _item(self, nullable: bool) -> None:
        self.levels[-1][-1].append(nullable)

    def _quantified(self, q: str) -> None:
        if q in ("*", "?") or q.startswith("{0"):
            self.levels[-1][-1][-1] = True

    def err(self, message: str, pos: int | None = None) -> NoReturn:
        raise RegexError(message, self.s, self.i if pos is None else pos)

    def parse(self) -> None:
        quantifiable = False  # whether the previous token may take a quantifier
        s = self.s
        while self.i < len(s):
            c = s[self.i]
            start = self.i
            if c == "\\":
                self.tokens.append(self._escape(in_class=False))
                self._item(False)
                quantifiable = True
                continue
            if c == "[":
                self.tokens.append(self._class())
                self._item(False)
                quantifiable = True
                continue
            if c == "(":
                if s.startswith("(?:", self.i):
                    self.tokens.append(_Tok("ncopen", "(?:"))
                    self.i += 3
                elif s.startswith("(?", self.i):
                    self.err("only (?: ) groups are portable (no flags, look-arounds or named groups)")
                else:
                    self.tokens.append(_Tok("open", "("))
                    self.groups += 1
                    self.i += 1
                self.depth += 1
                self.levels.append([[]])
                quantifiable = False
                continue
            if c == ")":
                if self.depth == 0:
                    self.err("unbalanced ')'")
                self.depth -= 1
                self.tokens.append(_Tok("close", ")"))
                branches = self.levels.pop()
                self._item(any(all(b) for b in branches))
                self.i += 1
                quantifiable = True
                continue
            if c == "|":
                self.tokens.append(_Tok("alt", "|"))
                self.levels[-1].append([])
                self.i += 1
                quantifiable = False
                continue
            if c in "*+?{":
                if not quantifiable:
                    self.err(f"quantifier {c!r} has nothing to repeat")
                q = self._quantifier()
                self.tokens.append(_Tok("quant", q))
                self._quantified(q)
                if self.i < len(s) and s[self.i] in "*+?{":
                    self.err("lazy, possessive or stacked quantifiers are not portable")
                quantifiable = False
                continue
            if c == "^":
                self.tokens.append(_Tok("bol"))
                self._item(True)
                self.i += 1
                quantifiable = False
                continue
            if c == "$":
                self.tokens.append(_Tok("eol"))
                self._item(True)
                self.i += 1
                quantifiable = False
                continue
            if c == ".":
                self.tokens.append(_Tok("dot"))
                self._item(False)
                self.uses_dot = True
                self.i += 1
                quantifiable = True
                continue
            if c in "]}":
                self.err(f"write a literal {c!r} as '\\{c}'", start)
            self.tokens.append(_Tok("lit", c))
            self._item(False)
            self.i += 1
            quantifiable = True
        if self.depth:
            self.err("unbalanced '('")
        self.nullable = any(all(b) for b in self.levels[0])

    def _quantifier(self) -> str:
        s = self.s
        c = s[self.i]
        if c != "{":
            self.i += 1
            return c
        end = s.find("}", self.i)
        if end < 0:
            self.err("unterminated '{' (write a literal brace as '\\{')")
        body = s[self.i + 1 : end]
        parts = body.split(",")
        ok = len(parts) in (1, 2) and parts[0].isdigit() and (len(parts) == 1 or parts[1] == "" or parts[1].isdigit())
        if not ok or not all(p.isascii() for p in parts):
            self.err(f"bad repetition {{{body}}}")
        lo = int(parts[0])
        hi = int(parts[1]) if len(parts) == 2 and parts[1] else lo
        if lo > _MAX_REPEAT or hi > _MAX_REPEAT:
            self.err(f"repetition counts above {_MAX_REPEAT} are not portable")
        if hi < lo:
            self.err(f"bad repetition {{{body}}}")
        self.i = end + 1
        return "{" + body + "}"

    def _escape(self, in_class: bool) -> _Tok:
        s = self.s
        if self.i + 1 >= len(s):
            self.err("pattern ends with a backslash")
        c = s[self.i + 1]
        self.i += 2
        if c in _PUNCT:
            return _Tok("esc", c)
        if c in _CONTROL:
            return _Tok("ctrl", c)
        if c in "dDsSwW":
            if in_class and c.isupper():
                self.err(f"\\{c} is not portable inside [...]", self.i - 2)
            return _Tok("short", c)
        if c in "pP":
            if self.i < len(s) and s[self.i] == "L":
                self.i += 1
            elif s.startswith("{L}", self.i):
                self.i += 3
            else:
                self.err("only \\pL / \\PL (letters) are portable Unicode classes", self.i - 2)
            if in_class and c == "P":
                self.err("\\PL is not portable inside [...]", self.i - 3)
            return _Tok("letter" if c == "p" else "notletter")
        if c.isdigit():
            self.err("backreferences are not portable (RE2 has none)", self.i - 2)
        if c == "b" or c == "B":
            self.err("word boundaries (\\b) are not portable", self.i - 2)
        self.err(f"unknown or non-portable escape \\{c}", self.i - 2)

    def _class(self) -> dict[str, str]:
        """Parse [...] and return a per-dialect rendering {dialect: text}."""
        s = self.s
        start = self.i
        self.i += 1
        negate = False
        if self.i < len(s) and s[self.i] == "^":
            negate = True
            self.i += 1
        items: list[str | dict[str, str]] = []  # each: str (same everywhere) or dict per dialect
        first = True
        while True:
            if self.i >= len(s):
                self.err("unterminated '['", start)
            c = s[self.i]
            if c == "]":
                if first:
                    self.err("empty class (write a literal ']' as '\\]')")
                self.i += 1
                break
            if c == "[":
                self.err("nested '[' or POSIX classes are not portable; write '\\['")
            if c == "\\":
                tok = self._escape(in_class=True)
                if tok.kind == "esc":
                    items.append("\\" + tok.text)
                elif tok.kind == "ctrl":
                    items.append(_CONTROL[tok.text])
                elif tok.kind == "short":
                    items.append(_CLASS_ITEMS[tok.text])
                elif tok.kind == "letter":
                    items.append(dict(_LETTER_ITEM))
                first = False
                continue
            # a plain character, maybe the start of a range
            if self.i + 2 < len(s) and s[self.i + 1] == "-" and s[self.i + 2] not in "]\\[":
                lo, hi = c, s[self.i + 2]
                if ord(hi) < ord(lo):
                    self.err(f"bad range {lo}-{hi}")
                items.append(_class_char(lo) + "-" + _class_char(hi))
                self.i += 3
            else:
                items.append(_class_char(c))
                self.i += 1
            first = False
        rendered = {}
        for d in DIALECTS:
            body = "".join(it[d] if isinstance(it, dict) else it for it in items)
            rendered[d] = ("[^" if negate else "[") + body + "]"
        return rendered


def _class_char(c: str) -> str:
    """A literal character inside [...]; the characters special there are escaped."""
    return "\\" + c if c in "\\[]^-" else c


# ---------------------------------------------------------------------------------
# Replacement strings


def parse_replacement(text: str, groups: int) -> Replacement:
    """Validate a replacement: literal text, \\1-\\9 (existing groups) and \\\\."""
    i = 0
    max_group = 0
    while i < len(text):
        if text[i] == "\\":
            if i + 1 >= len(text):
                raise RegexError("replacement ends with a backslash (write '\\\\')", text, i)
            c = text[i + 1]
            if c.isdigit() and c != "0":
                n = int(c)
                if n > groups:
                    raise RegexError(f"\\{n} refers to a group the pattern does not have (it has {groups})", text, i)
                max_group = max(max_group, n)
            elif c != "\\":
                raise RegexError(f"only \\1-\\9 and \\\\ are portable in a replacement, not \\{c}", text, i)
            i += 2
            continue
        i += 1
    return Replacement(text, max_group)
