-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/sequencing.mig sha256 7e803c579d3eb4858a45cff96754db6881678ee54683536e2a3afb747c8dd134
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/sequencing.mig`.


