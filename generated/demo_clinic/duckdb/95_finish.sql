-- chartshift 0.1.0 | dialect duckdb
-- spec specs/demo_clinic.mig sha256 295de9ff7e0fda5ef7ecc44e86854ff2d3b289d26c0e0bf4281d0d0b443538dc
-- 95_finish: nothing left to do: the commit publishes
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


