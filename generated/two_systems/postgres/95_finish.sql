-- chartshift 0.1.0 | dialect postgres
-- spec specs/two_systems.mig sha256 417533c50f9d55e71b7fbdfd62daa519d92b31b23ef33609b6167e52273e8b37
-- 95_finish: nothing left to do: the commit publishes
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


