-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/group_by_union.mig sha256 99214fc1543923073f69ebec6d3de14b8520abebb3bc0cc842c606cce8a273c9
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_union.mig`.


-- first run: an empty emr.period so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`period`
LIKE `emr`.`period__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`rejects`
LIKE `chartshift`.`rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`reconciliation`
LIKE `chartshift`.`reconciliation__cs_new`;

-- first run: an empty chartshift.xwalk__emr__period so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__period`
LIKE `chartshift`.`xwalk__emr__period__cs_new`;

-- publish
ALTER TABLE `emr`.`period`
RENAME TO `emr`.`period__cs_old`;

-- publish
ALTER TABLE `emr`.`period__cs_new`
RENAME TO `emr`.`period`;

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
ALTER TABLE `chartshift`.`xwalk__emr__period`
RENAME TO `chartshift`.`xwalk__emr__period__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__period__cs_new`
RENAME TO `chartshift`.`xwalk__emr__period`;

-- previous emr.period
DROP TABLE IF EXISTS `emr`.`period__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift`.`rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift`.`reconciliation__cs_old`;

-- previous chartshift.xwalk__emr__period
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__period__cs_old`;

