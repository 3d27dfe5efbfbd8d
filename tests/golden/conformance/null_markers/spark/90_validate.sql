-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/null_markers.mig sha256 b2333d70e07ec37c067c66157aeb3043c418b0f9f5b509c5064076b9e755b5e0
-- 90_validate: validation checks: each query returns (violations, denominator)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/null_markers.mig`.


