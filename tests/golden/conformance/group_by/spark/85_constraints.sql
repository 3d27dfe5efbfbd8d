-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/group_by.mig sha256 8c97e61b28d6ea83244c7b367f812e592a33e711e4ebea957a4e55ed55be9144
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by.mig`.


