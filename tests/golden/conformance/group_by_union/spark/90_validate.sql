-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/group_by_union.mig sha256 99214fc1543923073f69ebec6d3de14b8520abebb3bc0cc842c606cce8a273c9
-- 90_validate: validation checks: each query returns (violations, denominator)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_union.mig`.


