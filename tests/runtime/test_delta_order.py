"""Which extract may be applied (compiler/runtime/delta.py `decide`): the next sequence
number, a replay of the same files, or a refusal naming why, unless forced."""

from __future__ import annotations

import pytest

from compiler.runtime.delta import APPLIED, FORCED, REPLAYED, DeltaRefused, Extract, decide

RECORDED = [("full", "full", 0, "h0"), ("x-1", "delta", 1, "h1")]


def ext(ext_id: str, sequence: int | None, digest: str = "h") -> Extract:
    return Extract(ext_id, sequence, None, digest)


def test_the_next_sequence_applies():
    assert decide(ext("x-2", 2), RECORDED, force=False) == APPLIED


def test_the_same_files_again_are_a_replay():
    assert decide(ext("x-1", 1, "h1"), RECORDED, force=False) == REPLAYED


@pytest.mark.parametrize(
    ("extract", "message"),
    [
        (ext("x-3", 3), "sequence 3, the target expects 2 \\(1 extract\\(s\\) before it are missing\\)"),
        (ext("x-0", 1), "sequence 1, the target expects 2 \\(already passed\\)"),
        (ext("x-1", 1, "other"), "applied before with other files"),
        (ext("x-9", None), "no sequence number"),
    ],
)
def test_out_of_order_or_changed_is_refused_unless_forced(extract, message):
    with pytest.raises(DeltaRefused, match=message):
        decide(extract, RECORDED, force=False)
    assert decide(extract, RECORDED, force=True) == FORCED
