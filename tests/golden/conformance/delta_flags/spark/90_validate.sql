-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/delta_flags.mig sha256 90cb70e9dea6053dba4ed49e5e3c74b76bcf1da0648d75285316f9b5561adbb9
-- 90_validate: validation checks: each query returns (violations, denominator)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/delta_flags.mig`.


