-- chartshift 0.1.0 | dialect duckdb
-- spec specs/two_systems.mig sha256 989c64e4088375bbe5f0581b298f7adf3016757b6cae837841491794b081af47
-- 95_finish: nothing left to do: the commit publishes
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


