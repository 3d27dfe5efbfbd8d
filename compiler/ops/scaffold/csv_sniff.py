"""`init --from-csv DIR`: sniff each CSV file's encoding, delimiter, header, column types
and candidate keys.  Reads at most SAMPLE_ROWS records per file; every guess is written
into the spec for review, nothing is printed from the rows themselves.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from pathlib import Path

from compiler.errors import EnvironmentProblem
from compiler.ops.scaffold.model import PHI_NAMES, ColumnGuess, TableGuess, identifier

SAMPLE_BYTES = 1 << 20
SAMPLE_ROWS = 20_000
DELIMITERS = ",;\t|"
INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")  # a leading zero makes it an identifier (text)
DECIMAL = re.compile(r"-?[0-9]+\.[0-9]+")
DATE_FORMATS = {
    re.compile(r"\d{4}-\d{2}-\d{2}"): "%Y-%m-%d",
    re.compile(r"\d{2}/\d{2}/\d{4}"): "%m/%d/%Y",
    re.compile(r"\d{2}-[A-Za-z]{3}-\d{2}"): "%d-%b-%y",
}
KEY_HINT = re.compile(r"(^id$|_id$|_no$|^no$|_key$|_code$|num$)", re.I)


def sniff_encoding(raw: bytes) -> str:
    """The spec's encoding name for these bytes: a BOM decides; else utf-8 if it decodes, else cp1252/latin-1."""
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start > len(raw) - 4:  # the sample cut a character in two
            return "utf-8"
    # bytes 0x80-0x9f are C1 controls in latin-1 and letters/quotes in cp1252
    return "cp1252" if re.search(rb"[\x80-\x9f]", raw) else "latin-1"


def _codec(encoding: str) -> str:
    return {"utf-8-sig": "utf-8-sig", "utf-16": "utf-16"}.get(encoding, encoding)


def column_type(values: list[str]) -> tuple[str, str]:
    """(spec type, note) for a column's non-empty sample values."""
    if not values:
        return "text", "always empty in the sample"
    if all(INTEGER.fullmatch(v) for v in values):
        return "integer", ""
    if all(INTEGER.fullmatch(v) or DECIMAL.fullmatch(v) for v in values):
        return "decimal", ""
    counts = {fmt: sum(bool(pattern.fullmatch(v)) for v in values) for pattern, fmt in DATE_FORMATS.items()}
    used = sorted((f for f, n in counts.items() if n), key=lambda f: -counts[f])
    if used and sum(counts.values()) >= 0.95 * len(values):  # exports mix formats: parse_date tries each
        args = ", ".join(f'"{f}"' for f in used)
        return "text", f"dates: parse_date(x, {args})"
    return "text", ""


def sniff_file(path: Path) -> TableGuess:
    try:
        with path.open("rb") as fh:
            head = fh.read(SAMPLE_BYTES)
    except OSError as exc:
        raise EnvironmentProblem(f"{path}: cannot read: {exc.strerror or exc}") from None
    encoding = sniff_encoding(head)
    text = head.decode(_codec(encoding), errors="replace")
    sample = text[:65536]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=DELIMITERS)
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if len(head) == SAMPLE_BYTES and rows:
        rows = rows[:-1]  # the sample may have cut the last record
    rows = [r for r in rows if r][: SAMPLE_ROWS + 1]
    if not rows:
        return TableGuess(identifier(path.stem), [], file=path.name, settings={"encoding": encoding}, note="empty file")
    try:
        header = csv.Sniffer().has_header(sample)
    except csv.Error:
        header = True
    first = rows[0]
    if not header and all(f and not INTEGER.fullmatch(f) and not DECIMAL.fullmatch(f) for f in first) and len(set(first)) == len(first):
        header = True  # text names over text data: the sniffer cannot tell, names are likelier
    names = [identifier(f) for f in first] if header else [f"column_{i + 1}" for i in range(len(first))]
    names = [n if names.index(n) == i else f"{n}_{i + 1}" for i, n in enumerate(names)]
    body = rows[1:] if header else rows
    width = len(names)
    good = [r for r in body if len(r) == width]
    columns = []
    for i, name in enumerate(names):
        values = [r[i].strip() for r in good if r[i].strip()]
        typ, note = column_type(values)
        original = first[i].strip() if header else ""
        if header and identifier(original) != original:
            note = "; ".join(x for x in (note, f'header "{original}"') if x)
        col = ColumnGuess(name, typ, phi=bool(PHI_NAMES.search(name)), note=note)
        col.not_null = bool(good) and len(values) == len(good)
        col.unique = col.not_null and len(set(values)) == len(values) and len(values) > 1
        columns.append(col)
    candidates = [c for c in columns if c.unique]
    candidates.sort(key=lambda c: (not KEY_HINT.search(c.name), names.index(c.name)))
    key = [candidates[0].name] if candidates else []
    settings = {"encoding": encoding, "delimiter": delimiter}
    if not header:
        settings["header"] = "false"
    others = ", ".join(c.name for c in candidates[1:4])
    note = f"other candidate keys: {others}" if others else ("" if key else "no column is unique in the sample: no key")
    return TableGuess(identifier(path.stem), columns, key=key, file=path.name, settings=settings, note=note)


def sniff_folder(folder: Path) -> list[TableGuess]:
    if not folder.is_dir():
        raise EnvironmentProblem(f"{folder}: not a folder")
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in (".csv", ".txt", ".tsv"))
    if not files:
        raise EnvironmentProblem(f"{folder}: no .csv, .tsv or .txt files")
    return [sniff_file(p) for p in files]
