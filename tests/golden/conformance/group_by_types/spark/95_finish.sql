-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/group_by_types.mig sha256 323bf47843c51193d38f93bcebb69d1b70699a8911c02b6e05f5862cc04c224f
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_types.mig`.


-- first run: an empty emr.daily so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`daily`
LIKE `emr`.`daily__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`rejects`
LIKE `chartshift`.`rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`reconciliation`
LIKE `chartshift`.`reconciliation__cs_new`;

-- publish
ALTER TABLE `emr`.`daily`
RENAME TO `emr`.`daily__cs_old`;

-- publish
ALTER TABLE `emr`.`daily__cs_new`
RENAME TO `emr`.`daily`;

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

-- previous emr.daily
DROP TABLE IF EXISTS `emr`.`daily__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift`.`rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift`.`reconciliation__cs_old`;

