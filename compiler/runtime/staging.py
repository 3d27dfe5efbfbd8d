"""Getting legacy CSV files into the target: encodings, headers, bulk-load statements.

Encodings DuckDB reads itself (utf-8 with or without BOM, latin-1, utf-16) go straight
to it.  cp1252 is transcoded here, streamed in blocks, into a private temporary UTF-8
file; a byte cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) is passed through as
an invalid UTF-8 byte so that the engine rejects exactly that record as
`INVALID ENCODING` (positioned, never silently changed or dropped).
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlglot import exp

from compiler import ir
from compiler.dialects import DUCKDB
from compiler.errors import EnvironmentProblem
from compiler.functions.literals import lit
from compiler.ir.naming import file_stem, flat
from compiler.plan.steps import stage_table
from compiler.semantic.declarations import setting_value
from compiler.sqlgen.lower import ident, table

BLOCK = 1 << 20
NATIVE_ENCODINGS = {"utf-8": "utf-8", "utf-8-sig": "utf-8", "latin-1": "latin-1", "utf-16": "utf-16"}


class StagingError(EnvironmentProblem):
    """A source file that cannot be staged (missing, unreadable, header mismatch): exit 3."""


@dataclass(frozen=True)
class SourceFile:
    """One source table's file and how to read it."""

    qualified: str  # "legacy.patients"
    path: Path
    encoding: str
    delimiter: str
    quote: str
    escape: str
    header: bool
    columns: list[str]  # spec column names in spec order


def source_files(spec: ir.Spec, source_dir: Path | None, spec_dir: Path) -> list[SourceFile]:
    """Resolve every source table to its file (`--source` overrides the spec's folder)."""
    out = []
    for src in spec.sources:
        folder = source_dir if source_dir is not None else (spec_dir / src.path)
        for t in src.tables:

            def opt(name: str, default: Any) -> Any:
                return setting_value(t.settings, name, setting_value(src.settings, name, default))

            quote = opt("quote", '"')
            out.append(
                SourceFile(
                    qualified=f"{src.name}.{t.name}",
                    path=folder / t.file,
                    encoding=str(opt("encoding", "utf-8")).lower(),
                    delimiter=opt("delimiter", ","),
                    quote=quote,
                    escape=opt("escape", quote),
                    header=bool(opt("header", True)),
                    columns=[c.name for c in t.columns],
                )
            )
    return out


def transcode_cp1252(src: Path, dst: Path) -> None:
    """Stream cp1252 -> UTF-8; undefined bytes stay as (invalid UTF-8) raw bytes."""
    decoder = codecs.getincrementaldecoder("cp1252")(errors="surrogateescape")
    fd = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(src, "rb") as fin, os.fdopen(fd, "wb") as fout:
        while True:
            block = fin.read(BLOCK)
            final = not block
            text = decoder.decode(block, final=final)
            fout.write(text.encode("utf-8", errors="surrogateescape"))
            if final:
                break


def engine_file(sf: SourceFile, workdir: Path) -> tuple[Path, str]:
    """The file the engine should read and the encoding name to give it."""
    if not sf.path.is_file():
        raise StagingError(f"{sf.path}: source file for {sf.qualified} not found")
    if not os.access(sf.path, os.R_OK):
        raise StagingError(f"{sf.path}: permission denied")
    if sf.encoding in NATIVE_ENCODINGS:
        return sf.path, NATIVE_ENCODINGS[sf.encoding]
    out = workdir / (file_stem(flat(sf.qualified)) + ".utf8.csv")
    transcode_cp1252(sf.path, out)
    return out, "utf-8"


def read_header(sf: SourceFile) -> list[str]:
    """The header record's field names (decoded with the file's encoding)."""
    py_encoding = "utf-8-sig" if sf.encoding in ("utf-8", "utf-8-sig") else sf.encoding
    try:
        with open(sf.path, encoding=py_encoding, errors="replace", newline="") as fh:
            first = fh.readline()
    except OSError as exc:
        raise StagingError(f"{sf.path}: cannot read: {exc.strerror}") from None
    row = next(csv.reader(io.StringIO(first), delimiter=sf.delimiter, quotechar=sf.quote), [])
    return [h.strip().lstrip("\ufeff") for h in row]


def staged_columns(sf: SourceFile) -> list[str]:
    """Names to give the file's columns, in file order: spec names, `__unused_N` for the rest."""
    if not sf.header:
        return list(sf.columns)
    header = read_header(sf)
    by_lower = {c.lower(): c for c in sf.columns}
    names = []
    for i, h in enumerate(header, start=1):
        names.append(by_lower.pop(h.lower(), f"__unused_{i}"))
    if by_lower:
        missing = ", ".join(sorted(by_lower.values()))
        raise StagingError(f"{sf.path}: header lacks column(s) {missing} declared for {sf.qualified}")
    return names


MAX_LINE_SIZE = 16 * 1024 * 1024


def duckdb_read_select(
    sf: SourceFile, file: Path, encoding: str, names: list[str], buffer_size: int | None = None
) -> tuple[exp.Select, str]:
    """SELECT row number, * FROM read_csv(...) (rejected records go to a rejects table);
    and that rejects table's name.  `buffer_size`: read_csv's (DuckDB's default is 16 ×
    max_line_size, i.e. 256 MiB, or the whole file when smaller)."""
    schema, name = stage_table(sf.qualified)
    rejects = f"cs_csv_rejects__{file_stem(name)}"  # DuckDB takes it unquoted
    struct = exp.Struct(expressions=[exp.PropertyEQ(this=exp.Literal.string(n), expression=lit("VARCHAR")) for n in names])
    params = {
        "columns": struct,
        "header": exp.Boolean(this=sf.header),
        "auto_detect": exp.false(),
        "delim": lit(sf.delimiter),
        "quote": lit(sf.quote),
        "escape": lit(sf.escape),
        "encoding": lit(encoding),
        "strict_mode": exp.true(),
        "null_padding": exp.false(),
        "store_rejects": exp.true(),
        "rejects_table": lit(rejects),
        "rejects_scan": lit(rejects + "_scan"),
        "max_line_size": lit(MAX_LINE_SIZE),
    }
    if buffer_size is not None:
        params["buffer_size"] = lit(buffer_size)
    read = exp.ReadCSV(this=lit(str(file)), expressions=[exp.EQ(this=exp.column(k), expression=v) for k, v in params.items()])
    select = exp.select(exp.alias_(exp.Window(this=exp.RowNumber()), "__row", quoted=True), exp.Star()).from_(exp.Table(this=read))
    return select, rejects


def duckdb_stage_sql(sf: SourceFile, file: Path, encoding: str, names: list[str]) -> tuple[exp.Expression, str]:
    """CREATE TABLE <stage> AS SELECT row number, * FROM read_csv(...); and the rejects table name."""
    schema, name = stage_table(sf.qualified)
    select, rejects = duckdb_read_select(sf, file, encoding, names)
    create = exp.Create(this=table(name, schema), kind="TABLE", replace=True, expression=select)
    return create, rejects


MALFORMED_REASON = "malformed CSV line: "
REJECT_COLUMNS = ["map", "source_table", "source_key", "slot", "record", "rule", "reason", "original_row"]


def duckdb_malformed_select(rejects_table: str) -> exp.Select:
    """(line, reason, raw line) per record DuckDB could not parse, in line order."""
    reason = exp.DPipe(
        this=lit(MALFORMED_REASON),
        expression=exp.Lower(this=exp.Cast(this=exp.Min(this=exp.column("error_type")), to=exp.DataType.build("VARCHAR"))),
        safe=False,
    )
    raw = exp.Trim(this=exp.Min(this=exp.column("csv_line")), position="LEADING", expression=lit("\n"))
    return (
        exp.select(exp.column("line"), exp.alias_(reason, "reason"), exp.alias_(raw, "raw"))
        .from_(table(rejects_table))
        .group_by(exp.column("line"))
        .order_by(exp.column("line"))
    )


def duckdb_malformed_sql(sf: SourceFile, rejects_table: str) -> exp.Expression:
    """Copy the engine's CSV rejects (one row per bad record) into chartshift.rejects."""
    from compiler.sqlgen.statements import REJECTS

    inner = duckdb_malformed_select(rejects_table).subquery("m")
    select = exp.select(
        exp.Null(),
        lit(sf.qualified),
        exp.Null(),
        exp.Null(),
        exp.column("line", "m"),
        lit("malformed"),
        exp.column("reason", "m"),
        exp.column("raw", "m"),
    ).from_(inner)
    return exp.Insert(
        this=exp.Schema(this=table(REJECTS[1], REJECTS[0]), expressions=[ident(c) for c in REJECT_COLUMNS]), expression=select
    )


@dataclass
class NormalizedFile:
    """A source file parsed by DuckDB into clean UTF-8 CSV (row number first, no header),
    plus the records it could not parse — so every engine stages the same rows and the
    same malformed-line rejects."""

    path: Path
    names: list[str]
    staged: int
    malformed: list[tuple[int, str, str]]  # (line, reason, raw line)


# The DuckDB that normalises a file for the server engines streams it, in one COPY:
# read_csv -> row_number() OVER () (a streaming window: the numbers of the DuckDB staging
# table) -> CSV file, in file order, in bounded memory whatever the file's size.  One
# thread: with more, the order-preserving COPY collects out-of-order batches (2.7 times
# the memory and slower at 1.2 M rows); small read buffers instead of DuckDB's 256 MiB.
NORMALIZE_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
    "memory_limit": "512MB",
    "preserve_insertion_order": True,
    "threads": 1,
}
NORMALIZE_BUFFER = 2 * MAX_LINE_SIZE


def normalize_with_duckdb(sf: SourceFile, workdir: Path) -> NormalizedFile:
    import duckdb

    from compiler.sqlgen.text import sql_text

    file, encoding = engine_file(sf, workdir)
    names = staged_columns(sf)
    con = duckdb.connect(":memory:", config=dict(NORMALIZE_CONFIG, temp_directory=str(workdir / "duckdb.tmp")))
    try:
        con.execute("SET enable_progress_bar = false")
        select, rejects = duckdb_read_select(sf, file, encoding, names, NORMALIZE_BUFFER)
        _, name = stage_table(sf.qualified)
        out = workdir / (file_stem(name) + ".clean.csv")
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)
        copy = exp.Copy(
            this=exp.Subquery(this=select),
            kind=False,
            files=[lit(str(out))],
            params=[
                exp.CopyParameter(this=exp.var("FORMAT"), expression=exp.var("CSV")),
                exp.CopyParameter(this=exp.var("HEADER"), expression=exp.false()),
            ],
        )
        counted = con.execute(sql_text(copy, DUCKDB.name)).fetchone()
        assert counted is not None  # COPY returns its row count
        staged = counted[0]
        bad = con.execute(sql_text(duckdb_malformed_select(rejects), DUCKDB.name)).fetchall()
    except duckdb.Error as exc:
        raise StagingError(f"{sf.path}: cannot parse {sf.qualified}: {str(exc).splitlines()[0]}") from None
    finally:
        con.close()
    return NormalizedFile(out, names, int(staged), [(int(l), r, raw) for l, r, raw in bad])
