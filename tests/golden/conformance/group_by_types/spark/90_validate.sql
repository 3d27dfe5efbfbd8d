-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/group_by_types.mig sha256 323bf47843c51193d38f93bcebb69d1b70699a8911c02b6e05f5862cc04c224f
-- 90_validate: validation checks: each query returns (violations, denominator)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_types.mig`.


