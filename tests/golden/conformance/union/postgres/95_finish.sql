-- chartshift 0.1.0 | dialect postgres
-- spec tests/conformance/specs/union.mig sha256 9fa8c2c58e8ed0ebb547f01e75ff1fa240918bfcbcf4fbdd407f8309e0c4397e
-- 95_finish: nothing left to do: the commit publishes
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union.mig`.


