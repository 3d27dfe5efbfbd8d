-- chartshift 0.1.0 | dialect duckdb
-- spec specs/demo_clinic.mig sha256 6d6dfc1fa5c8f58f63684980f9c3dd9ff257448a71ae22f1c990fb95bb336dc9
-- 95_finish: nothing left to do: the commit publishes
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


