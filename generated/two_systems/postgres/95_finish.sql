-- chartshift 0.1.0 | dialect postgres
-- spec specs/two_systems.mig sha256 a752f7bd58da419a3cfca9f0074b91d732ebd9695cb934a9a3ecfa926c09d380
-- 95_finish: nothing left to do: the commit publishes
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


