-- chartshift 0.1.0 | dialect duckdb
-- spec specs/two_systems.mig sha256 9d1da9dc798cd11a9c1f7ee4b7de8c69cc4622f1cc8558493930c60b61d8837a
-- 95_finish: nothing left to do: the commit publishes
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


