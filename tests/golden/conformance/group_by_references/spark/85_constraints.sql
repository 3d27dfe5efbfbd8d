-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/group_by_references.mig sha256 affaa2e359660ec72ffb991b16b3db70e42ec3e2bbc9bbda02a66e1e7c3e816a
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_references.mig`.


