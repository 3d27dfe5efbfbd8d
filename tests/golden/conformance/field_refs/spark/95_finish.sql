-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/field_refs.mig sha256 3459ae121f9369ccee597af25c9cbb341b7c74191a64230c0ef945be759a18ca
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/field_refs.mig`.


-- first run: an empty emr.patient so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`patient`
LIKE `emr`.`patient__cs_new`;

-- first run: an empty emr.visit so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`visit`
LIKE `emr`.`visit__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`rejects`
LIKE `chartshift`.`rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`reconciliation`
LIKE `chartshift`.`reconciliation__cs_new`;

-- first run: an empty chartshift.xwalk__emr__patient so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__patient`
LIKE `chartshift`.`xwalk__emr__patient__cs_new`;

-- first run: an empty chartshift.xwalk__emr__visit so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__visit`
LIKE `chartshift`.`xwalk__emr__visit__cs_new`;

-- publish
ALTER TABLE `emr`.`patient`
RENAME TO `emr`.`patient__cs_old`;

-- publish
ALTER TABLE `emr`.`patient__cs_new`
RENAME TO `emr`.`patient`;

-- publish
ALTER TABLE `emr`.`visit`
RENAME TO `emr`.`visit__cs_old`;

-- publish
ALTER TABLE `emr`.`visit__cs_new`
RENAME TO `emr`.`visit`;

-- publish
ALTER TABLE `chartshift`.`rejects`
RENAME TO `chartshift`.`rejects__cs_old`;

-- publish
ALTER TABLE `chartshift`.`rejects__cs_new`
RENAME TO `chartshift`.`rejects`;

-- publish
ALTER TABLE `chartshift`.`reconciliation`
RENAME TO `chartshift`.`reconciliation__cs_old`;

-- publish
ALTER TABLE `chartshift`.`reconciliation__cs_new`
RENAME TO `chartshift`.`reconciliation`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__patient`
RENAME TO `chartshift`.`xwalk__emr__patient__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__patient__cs_new`
RENAME TO `chartshift`.`xwalk__emr__patient`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__visit`
RENAME TO `chartshift`.`xwalk__emr__visit__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__visit__cs_new`
RENAME TO `chartshift`.`xwalk__emr__visit`;

-- previous emr.patient
DROP TABLE IF EXISTS `emr`.`patient__cs_old`;

-- previous emr.visit
DROP TABLE IF EXISTS `emr`.`visit__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift`.`rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift`.`reconciliation__cs_old`;

-- previous chartshift.xwalk__emr__patient
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__patient__cs_old`;

-- previous chartshift.xwalk__emr__visit
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__visit__cs_old`;

