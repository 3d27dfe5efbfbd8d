"""What the scaffolding readers found: tables and columns, as guesses to review."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# column names that usually hold protected health information: marked `phi` (review them)
PHI_NAMES = re.compile(
    r"(^|_)(first|last|middle|given|family|full)?_?(name|dob|birth|ssn|sin|address\d*|addr\d*|street|city|zip|postal|phone|mobile|"
    r"fax|email|mrn|pat_no|patient_no|member_id|note_text|middle_initial)(_|$)|birth_date|date_of_birth|address_line",
    re.I,
)


def identifier(text: str) -> str:
    """A spec name for a header field or a file stem: lower case, [a-z0-9_], not starting with a digit."""
    name = re.sub(r"[^0-9a-zA-Z]+", "_", text.strip()).strip("_").lower() or "column"
    return f"c_{name}" if name[0].isdigit() else name


@dataclass
class ColumnGuess:
    name: str
    type: str  # a spec type: text, integer, decimal, varchar(20), ...
    not_null: bool = False
    unique: bool = False
    references: str | None = None  # table.column in the same block
    phi: bool = False
    note: str = ""  # a comment for the reviewer (a date format, a header that was renamed)


@dataclass
class TableGuess:
    name: str
    columns: list[ColumnGuess]
    key: list[str] = field(default_factory=list)
    file: str | None = None  # source tables: the file name
    settings: dict[str, str] = field(default_factory=dict)  # source tables: encoding, delimiter, header
    schema: str | None = None  # target tables: the schema (the target block's name)
    note: str = ""
