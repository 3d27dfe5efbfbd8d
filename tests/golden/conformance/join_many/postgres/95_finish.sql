-- chartshift 0.1.0 | dialect postgres
-- spec tests/conformance/specs/join_many.mig sha256 3d8ac4be0baa79e75a810af595bb4ced27ae8c452c3eb8c5996445b85d6c5458
-- 95_finish: nothing left to do: the commit publishes
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/join_many.mig`.


