-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/composite_lookups.mig sha256 947f0eabab68e7b610b09dc411abbd207e6c100c06a6e202839c8ec8682c85f9
-- 90_validate: validation checks: each query returns (violations, denominator)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/composite_lookups.mig`.


