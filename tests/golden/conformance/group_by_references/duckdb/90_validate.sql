-- chartshift 0.1.0 | dialect duckdb
-- spec tests/conformance/specs/group_by_references.mig sha256 915c631acc07397e48d05cc2c67dc7872f85fa79ccd9e780982ca069aa9c3a91
-- 90_validate: validation checks: each query returns (violations, denominator)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_references.mig`.


