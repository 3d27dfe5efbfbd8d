-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/union_dedup_across.mig sha256 d403414e675e6481a01b585a448e07c46d785cfd5d1d9e793cc5adbad40b6b48
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union_dedup_across.mig`.


