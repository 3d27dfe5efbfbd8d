"""The JSON Schema of the run report (`chartshift schema report`), the contract CI
dashboards and compliance tooling read.  Hand-written beside `Report.to_dict` (the report
is built from dataclasses, not pydantic); tests/runtime/test_report_schema.py validates
real reports against it, so the two cannot drift apart unnoticed.
"""

from __future__ import annotations

from typing import Any

from compiler.runtime.report import REPORT_VERSION

INT = {"type": "integer", "minimum": 0}
COUNTS = {"type": "object", "additionalProperties": INT}
TERMS = ("source_rows", "loaded", "rejected", "filtered", "merged", "aggregated")
NUMBER = {"type": ["integer", "number"]}


def _obj(required: dict[str, Any], optional: dict[str, Any] | None = None, closed: bool = True) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {**required, **(optional or {})},
        "required": list(required),
        "additionalProperties": not closed,
    }


SOURCE = _obj(
    {"table": {"type": "string"}, "file": {"type": "string"}, "records": INT, "staged": INT, "malformed": INT, "malformed_by_code": COUNTS}
)
MAP = _obj(
    {
        "map": {"type": "string"},
        "source": {"type": "string"},
        "target": {"type": "string"},
        **dict.fromkeys(TERMS, INT),
        "balanced": {"type": "boolean"},
        "rejected_by_reason": COUNTS,
        "rejected_by_code": COUNTS,
    }
)
TARGET = _obj(
    {
        "target": {"type": "string"},
        "maps": {"type": "array", "items": {"type": "string"}},
        **dict.fromkeys(TERMS, INT),
        "balanced": {"type": "boolean"},
    }
)
CHECK = _obj(
    {
        "name": {"type": "string"},
        "kind": {"type": "string"},
        "line": INT,
        "status": {"enum": ["pass", "warn", "fail", "not applicable"]},
        "count": NUMBER,
        "denominator": NUMBER,
        "percent": {"type": ["number", "null"]},
        "threshold": _obj({}, {"warn": {"type": "string"}, "fail": {"type": "string"}}),
    },
    {"left": NUMBER, "right": NUMBER},
)
SAMPLE = _obj(
    {"map": {"type": ["string", "null"]}, "reason_code": {"type": "string"}, "reason": {"type": "string"}},
    {"original_row": {"type": "string"}},
    closed=False,  # positions and keys (record, slot, source_key, source_file, source_line, byte_offset)
)
LIMIT = _obj({"limit": {"type": "string"}, "subject": {"type": "string"}, "rejected": INT, "records": INT, "exceeded": {"type": "boolean"}})
DELTA = _obj(
    {
        "extract": {"type": "string"},
        "sequence": {"type": ["integer", "null"]},
        "files_sha256": {"type": "string"},
        "status": {"enum": ["applied", "already applied", "forced"]},
        "changes": INT,
        "maps": {"type": "array", "items": {"type": "object"}},
        "tables": {"type": "array", "items": {"type": "object"}},
        "unaccounted_maps": {"type": "array", "items": {"type": "string"}},
    }
)
COVERAGE = _obj(
    {"table": {"type": "string"}, **{k: {"type": "array", "items": {"type": "string"}} for k in ("used", "ignored", "unmapped")}},
    {"percent": {"type": ["number", "null"]}},
    closed=False,
)
TIMING = _obj({"step": {"type": "string"}, "seconds": {"type": "number", "minimum": 0}})
AUDIT = _obj({"log": {"type": "string"}, "events": INT, "head": {"type": "string"}}, closed=False)


def report_schema() -> dict[str, Any]:
    """The schema of `Report.to_dict()` (`run --report FILE`)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://chartshift.dev/schema/report-v{REPORT_VERSION}.json",
        "title": "chartshift run report",
        **_obj(
            {
                "report_version": {"const": REPORT_VERSION},
                "chartshift": {"type": "string"},
                "spec": {"type": "string"},
                "spec_sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                "target": {"type": "string"},
                "dialect": {"type": "string"},
                "started_at": {"type": "string"},
                "duration_seconds": {"type": "number", "minimum": 0},
                "status": {"enum": ["pass", "warn", "fail"]},
                "committed": {"type": "boolean"},
                "sources": {"type": "array", "items": SOURCE},
                "maps": {"type": "array", "items": MAP},
                "targets": {"type": "array", "items": TARGET},
                "checks": {"type": "array", "items": CHECK},
                "reject_samples": {"type": "array", "items": SAMPLE},
                "limits": {"type": "array", "items": LIMIT},
                "coverage": {"type": "array", "items": COVERAGE},
                "timings": {"type": "array", "items": TIMING},
            },
            {"delta": DELTA, "audit": AUDIT},
        ),
    }
