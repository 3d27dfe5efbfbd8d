-- chartshift 0.1.0 | dialect postgres
-- spec specs/demo_clinic.mig sha256 872f59b1d62b217e50db8c041751456c25b76ebcf20bf42004bab268810c3021
-- 95_finish: nothing left to do: the commit publishes
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


