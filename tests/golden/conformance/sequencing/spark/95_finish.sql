-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/sequencing.mig sha256 7e803c579d3eb4858a45cff96754db6881678ee54683536e2a3afb747c8dd134
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/sequencing.mig`.


-- first run: an empty emr.visit so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`visit`
LIKE `emr`.`visit__cs_new`;

-- first run: an empty emr.kept_visit so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`kept_visit`
LIKE `emr`.`kept_visit__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`rejects`
LIKE `chartshift`.`rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`reconciliation`
LIKE `chartshift`.`reconciliation__cs_new`;

-- first run: an empty chartshift.xwalk__emr__visit so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__visit`
LIKE `chartshift`.`xwalk__emr__visit__cs_new`;

-- publish
ALTER TABLE `emr`.`visit`
RENAME TO `emr`.`visit__cs_old`;

-- publish
ALTER TABLE `emr`.`visit__cs_new`
RENAME TO `emr`.`visit`;

-- publish
ALTER TABLE `emr`.`kept_visit`
RENAME TO `emr`.`kept_visit__cs_old`;

-- publish
ALTER TABLE `emr`.`kept_visit__cs_new`
RENAME TO `emr`.`kept_visit`;

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
ALTER TABLE `chartshift`.`xwalk__emr__visit`
RENAME TO `chartshift`.`xwalk__emr__visit__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__visit__cs_new`
RENAME TO `chartshift`.`xwalk__emr__visit`;

-- previous emr.visit
DROP TABLE IF EXISTS `emr`.`visit__cs_old`;

-- previous emr.kept_visit
DROP TABLE IF EXISTS `emr`.`kept_visit__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift`.`rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift`.`reconciliation__cs_old`;

-- previous chartshift.xwalk__emr__visit
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__visit__cs_old`;

