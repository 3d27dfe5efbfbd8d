-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/join_many.mig sha256 870919318f0282a26ca449b629644d14083271ed5560e5faff2347804ac13e8a
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/join_many.mig`.


