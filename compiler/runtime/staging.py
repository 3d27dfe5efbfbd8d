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
from compiler.runtime import records
from compiler.semantic.declarations import setting_value
from compiler.sqlgen import statements
from compiler.sqlgen.lower import table

BLOCK = 1 << 20


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
    file: str = ""  # the file name as the spec gives it (relative to the source folder)


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
                    file=t.file,
                )
            )
    return out


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


REJECT_COLUMNS = list(statements.REJECT_COLUMNS)  # the order fault_rows() writes
PY_CODECS = {"utf-8": "utf-8", "utf-8-sig": "utf-8", "latin-1": "latin-1", "cp1252": "cp1252"}


@dataclass
class Prepared:
    """A source file scanned (compiler/runtime/records.py): the file of its good records
    for the engine's bulk loader, the names of its columns, its bad_records, and what `locate`
    needs to find a staged row's position again."""

    sf: SourceFile
    file: Path  # what the engine reads: UTF-8
    header: bool  # whether `file` starts with a header line
    names: list[str]
    scan: records.Scan
    scanned: Path  # the file scanned (the source, or its UTF-8 transcoding)
    fmt: records.Format
    fields: int

    @property
    def staged(self) -> int:
        return self.scan.staged

    def fault_rows(self) -> list[tuple[Any, ...]]:
        """Rows for chartshift.rejects (REJECT_COLUMNS order), one per fault."""
        return [
            (
                None,
                self.sf.qualified,
                None,
                None,
                f.line,
                "malformed",
                records.PARSE_CODES[f.code],
                f.text,
                f.code,
                self.sf.file,
                f.line,
                f.offset,
            )
            for f in self.scan.bad_records
        ]

    def locate(self, rows: list[int]) -> dict[int, tuple[int, int, str]]:
        return records.locate(self.scanned, self.fmt, self.fields, self.scan, rows)


def header_names(sf: SourceFile, header: list[str] | None) -> tuple[list[str], str | None]:
    """Staged column names in file order (spec names, `__unused_N` for the rest) and the
    header's fault, if it lacks or repeats a declared column (every record is then rejected)."""
    if not sf.header or header is None:
        return list(sf.columns), None
    by_lower = {c.lower(): c for c in sf.columns}
    seen: set[str] = set()
    names, fault = [], None
    for i, h in enumerate(header, start=1):
        c = by_lower.get(h.lower())
        if c is not None and c in seen:
            fault = "duplicate_column"
        if c is not None and c not in seen:
            seen.add(c)
            names.append(c)
        else:
            names.append(f"__unused_{i}")
    if len(seen) < len(sf.columns):
        fault = "missing_column"
    return names, fault


def prepare(sf: SourceFile, workdir: Path) -> Prepared:
    """Scan a source file: good records to a file the engine loads, bad_records as rejects."""
    if not sf.path.is_file():
        raise StagingError(f"{sf.path}: source file for {sf.qualified} not found")
    if not os.access(sf.path, os.R_OK):
        raise StagingError(f"{sf.path}: permission denied")
    scanned, encoding = sf.path, PY_CODECS.get(sf.encoding)
    if encoding is None:  # utf-16: scanned in its UTF-8 transcoding
        scanned, encoding = workdir / (file_stem(flat(sf.qualified)) + ".utf8.csv"), "utf-8"
        transcode(sf.path, scanned, sf.encoding)
    fmt = records.Format(sf.delimiter.encode(), sf.quote.encode(), sf.escape.encode(), encoding, sf.header)
    try:
        with open(scanned, "rb") as fh:
            header, _, _ = records.read_header(fh, fmt)
        names, fault = header_names(sf, header)
        fields = len(header) if sf.header and header is not None else len(sf.columns)
        scan = records.scan(scanned, fmt, fields, workdir, header_fault=fault)
    except OSError as exc:
        raise StagingError(f"{sf.path}: cannot read: {exc.strerror}") from None
    if fault is not None:
        names = list(sf.columns)
    elif len(names) > PROJECT_ABOVE:
        file, has_header = (scan.clean, False) if scan.clean is not None else (scanned, sf.header)
        out = workdir / (file_stem(flat(sf.qualified)) + ".declared.csv")
        kept = project(file, out, has_header, names, sf)
        return Prepared(sf, out, False, kept, scan, scanned, fmt, fields)
    if scan.clean is not None:
        return Prepared(sf, scan.clean, False, names, scan, scanned, fmt, fields)
    if fault is not None or header is None and sf.header:
        empty = workdir / (file_stem(flat(sf.qualified)) + ".empty.csv")
        os.close(os.open(empty, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        return Prepared(sf, empty, False, names, scan, scanned, fmt, fields)
    return Prepared(sf, scanned, sf.header, names, scan, scanned, fmt, fields)


# A file with more columns than this is staged with its declared columns only: DuckDB's CSV
# reader needs memory per column and vector (10,000 columns exhaust 1 GB).
PROJECT_ABOVE = 1024


def project(src: Path, dst: Path, has_header: bool, names: list[str], sf: SourceFile) -> list[str]:
    """Write the declared columns of a file of good records (UTF-8) to `dst`; their names."""
    keep = [i for i, n in enumerate(names) if not n.startswith("__unused_")]
    csv.field_size_limit(max(csv.field_size_limit(), MAX_LINE_SIZE))
    fd = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    escape = None if sf.escape == sf.quote else sf.escape
    with open(src, encoding="utf-8-sig", newline="") as fin, os.fdopen(fd, "w", encoding="utf-8", newline="") as fout:
        reader = csv.reader(fin, delimiter=sf.delimiter, quotechar=sf.quote, escapechar=escape, doublequote=escape is None, strict=True)
        writer = csv.writer(
            fout, delimiter=sf.delimiter, quotechar=sf.quote, escapechar=escape, doublequote=escape is None, lineterminator="\n"
        )
        if has_header:
            next(reader, None)
        for row in reader:
            writer.writerow([row[i] for i in keep])
    return [names[i] for i in keep]


def transcode(src: Path, dst: Path, encoding: str) -> None:
    """Stream `encoding` -> UTF-8."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="surrogateescape")
    fd = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(src, "rb") as fin, os.fdopen(fd, "wb") as fout:
        while True:
            block = fin.read(BLOCK)
            fout.write(decoder.decode(block, final=not block).encode("utf-8", errors="surrogateescape"))
            if not block:
                break


def duckdb_stage_sql(p: Prepared, buffer_size: int | None = None) -> exp.Select:
    """SELECT row number, * FROM read_csv(...) of a prepared file (its records are all good:
    strict, nothing to reject)."""
    struct = exp.Struct(expressions=[exp.PropertyEQ(this=exp.Literal.string(n), expression=lit("VARCHAR")) for n in p.names])
    params = {
        "columns": struct,
        "header": exp.Boolean(this=p.header),
        "auto_detect": exp.false(),
        "delim": lit(p.sf.delimiter),
        "quote": lit(p.sf.quote),
        "escape": lit(p.sf.escape),
        "encoding": lit("utf-8"),
        "strict_mode": exp.true(),
        "null_padding": exp.false(),
        "max_line_size": lit(MAX_LINE_SIZE),
    }
    if buffer_size is not None:
        params["buffer_size"] = lit(buffer_size)
    read = exp.ReadCSV(this=lit(str(p.file)), expressions=[exp.EQ(this=exp.column(k), expression=v) for k, v in params.items()])
    return exp.select(exp.alias_(exp.Window(this=exp.RowNumber()), "__row", quoted=True), exp.Star()).from_(exp.Table(this=read))


def duckdb_create_stage(p: Prepared) -> exp.Expression:
    schema, name = stage_table(p.sf.qualified)
    return exp.Create(this=table(name, schema), kind="TABLE", replace=True, expression=duckdb_stage_sql(p))


@dataclass
class NormalizedFile:
    """A prepared file written by DuckDB as canonical CSV (row number first, no header,
    every text value quoted so that no server reads a text as a NULL marker)."""

    path: Path
    prepared: Prepared

    @property
    def names(self) -> list[str]:
        return self.prepared.names


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


# how the normalised file is written: CSV for the servers' bulk loaders; Parquet for Spark
# (read as CSV there, values with line breaks inside quotes differed: docs/SPARK.md)
NORMALIZED_FORMATS = {
    "csv": [
        exp.CopyParameter(this=exp.var("FORMAT"), expression=exp.var("CSV")),
        exp.CopyParameter(this=exp.var("HEADER"), expression=exp.false()),
        exp.CopyParameter(this=exp.var("FORCE_QUOTE"), expression=exp.Star()),
    ],
    "parquet": [exp.CopyParameter(this=exp.var("FORMAT"), expression=exp.var("PARQUET"))],
}


def normalize_with_duckdb(sf: SourceFile, workdir: Path, fmt: str = "csv") -> NormalizedFile:
    import duckdb

    from compiler.sqlgen.text import sql_text

    p = prepare(sf, workdir)
    con = duckdb.connect(":memory:", config=dict(NORMALIZE_CONFIG, temp_directory=str(workdir / "duckdb.tmp")))
    try:
        con.execute("SET enable_progress_bar = false")
        _, name = stage_table(sf.qualified)
        out = workdir / (file_stem(name) + f".clean.{fmt}")
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)
        copy = exp.Copy(
            this=exp.Subquery(this=duckdb_stage_sql(p, NORMALIZE_BUFFER)),
            kind=False,
            files=[lit(str(out))],
            params=[c.copy() for c in NORMALIZED_FORMATS[fmt]],
        )
        con.execute(sql_text(copy, DUCKDB.name))
    except duckdb.Error as exc:
        raise StagingError(f"{sf.path}: cannot parse {sf.qualified}: {str(exc).splitlines()[0]}") from None
    finally:
        con.close()
    return NormalizedFile(out, p)
