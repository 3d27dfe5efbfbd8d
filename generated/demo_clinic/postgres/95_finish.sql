-- chartshift 0.1.0 | dialect postgres
-- spec specs/demo_clinic.mig sha256 a0494f9d66c6084fd72bfacaa145ad2d752a9b7ffec0e94f1786bb184aad4f3b
-- 95_finish: nothing left to do: the commit publishes
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


