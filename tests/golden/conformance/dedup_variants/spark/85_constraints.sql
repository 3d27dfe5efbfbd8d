-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/dedup_variants.mig sha256 9082dc9e058ac5f68fbb44986c8966cf6d31a10f774e25fa1f69904ce371c7e6
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/dedup_variants.mig`.


