-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/field_refs.mig sha256 3459ae121f9369ccee597af25c9cbb341b7c74191a64230c0ef945be759a18ca
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/field_refs.mig`.


