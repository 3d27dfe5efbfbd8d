-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/union_dedup_across.mig sha256 d403414e675e6481a01b585a448e07c46d785cfd5d1d9e793cc5adbad40b6b48
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union_dedup_across.mig`.


-- first run: an empty emr.patient so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`patient`
LIKE `emr`.`patient__cs_new`;

-- first run: an empty emr.encounter so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`encounter`
LIKE `emr`.`encounter__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`rejects`
LIKE `chartshift`.`rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`reconciliation`
LIKE `chartshift`.`reconciliation__cs_new`;

-- first run: an empty chartshift.xwalk__emr__patient so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__patient`
LIKE `chartshift`.`xwalk__emr__patient__cs_new`;

-- first run: an empty chartshift.xwalk__emr__encounter so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__encounter`
LIKE `chartshift`.`xwalk__emr__encounter__cs_new`;

-- publish
ALTER TABLE `emr`.`patient`
RENAME TO `emr`.`patient__cs_old`;

-- publish
ALTER TABLE `emr`.`patient__cs_new`
RENAME TO `emr`.`patient`;

-- publish
ALTER TABLE `emr`.`encounter`
RENAME TO `emr`.`encounter__cs_old`;

-- publish
ALTER TABLE `emr`.`encounter__cs_new`
RENAME TO `emr`.`encounter`;

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
ALTER TABLE `chartshift`.`xwalk__emr__encounter`
RENAME TO `chartshift`.`xwalk__emr__encounter__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__encounter__cs_new`
RENAME TO `chartshift`.`xwalk__emr__encounter`;

-- previous emr.patient
DROP TABLE IF EXISTS `emr`.`patient__cs_old`;

-- previous emr.encounter
DROP TABLE IF EXISTS `emr`.`encounter__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift`.`rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift`.`reconciliation__cs_old`;

-- previous chartshift.xwalk__emr__patient
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__patient__cs_old`;

-- previous chartshift.xwalk__emr__encounter
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__encounter__cs_old`;

