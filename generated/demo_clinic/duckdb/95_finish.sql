-- chartshift 0.1.0 | dialect duckdb
-- spec specs/demo_clinic.mig sha256 f91618c7f8dd90dd6602a4e0fa256e8e36de26589f37ee74487e10a735b4e7b8
-- 95_finish: nothing left to do: the commit publishes
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


