-- chartshift 0.1.0 | dialect duckdb
-- spec specs/demo_clinic.mig sha256 6ec04c98103486999ff278922bf4df69253589e5f2793f97d2d702088755abd3
-- 95_finish: nothing left to do: the commit publishes
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


