"""The stable reason codes of `chartshift.rejects.reason_code` (docs/LANGUAGE.md, "Reason
codes").  A code never changes meaning; the reason text next to it may be reworded.

Parse-level codes: the record could not be read as a row of its file (not staged, counted
in the source's `malformed`).  Map-level codes: the row was staged and a map rejected it.
"""

from __future__ import annotations

PARSE_CODES: dict[str, str] = {
    "nul_byte": "a NUL (0x00) byte",
    "invalid_encoding": "bytes that are not valid in the file's encoding",
    "bare_cr": "a carriage return outside quotes in a file whose lines end with LF or CRLF",
    "line_too_long": "the record is longer than the maximum record size",
    "unterminated_quote": "a quoted field is not closed before the end of the file",
    "bad_quote": "text follows a closing quote",
    "too_few_fields": "the record has fewer fields than the header",
    "too_many_fields": "the record has more fields than the header",
    "missing_column": "the header lacks a column the spec declares",
    "duplicate_column": "the header names a column the spec declares more than once",
}

MAP_CODES: dict[str, str] = {
    "cast": "a value does not fit its source column type",
    "missing_key": "the legacy key is empty",
    "reject": "a reject rule of the map",
    "not_null": "a required target column is empty",
    "too_long": "a value is longer than its target column",
    "out_of_range": "a value does not fit its decimal column",
    "not_allowed": "a value is not one of the column's allowed values",
    "check_failed": "a value fails its column's check",
    "duplicate_key": "an earlier record has the same legacy key",
    "ambiguous_match": "a join that must match once matches several rows",
    "ambiguous_duplicate": "`dedup ... drop all`: another record has the same dedup keys",
    "lookup_missing": "a lookup called with `else reject` has no entry for the key",
    "not_migrated_yet": "`run --phase`: the row a reference names belongs to a phase that has not run yet",
}

# rule id (or its prefix before ":") -> code
_RULE_CODES = {
    "cast": "cast",
    "key": "missing_key",
    "duplicate key": "duplicate_key",
    "reject": "reject",
    "not null": "not_null",
    "length": "too_long",
    "range": "out_of_range",
    "in": "not_allowed",
    "check": "check_failed",
    "ambiguous_match": "ambiguous_match",
    "ambiguous_duplicate": "ambiguous_duplicate",
    "lookup": "lookup_missing",
    "phase": "not_migrated_yet",
}


def code_of_rule(rule: str) -> str:
    """The reason code of a map rule id (`not null:emr.person.name` -> `not_null`)."""
    code = _RULE_CODES.get(rule) or _RULE_CODES.get(rule.split(":", 1)[0])
    if code is None:
        raise ValueError(f"no reason code for rule {rule!r}")
    return code
