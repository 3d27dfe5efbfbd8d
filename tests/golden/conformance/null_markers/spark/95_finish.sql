-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/null_markers.mig sha256 b2333d70e07ec37c067c66157aeb3043c418b0f9f5b509c5064076b9e755b5e0
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/null_markers.mig`.


-- first run: an empty emr.plain so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`plain`
LIKE `emr`.`plain__cs_new`;

-- first run: an empty emr.marked so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`marked`
LIKE `emr`.`marked__cs_new`;

-- first run: an empty emr.empty_is_text so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`empty_is_text`
LIKE `emr`.`empty_is_text__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`rejects`
LIKE `chartshift`.`rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`reconciliation`
LIKE `chartshift`.`reconciliation__cs_new`;

-- publish
ALTER TABLE `emr`.`plain`
RENAME TO `emr`.`plain__cs_old`;

-- publish
ALTER TABLE `emr`.`plain__cs_new`
RENAME TO `emr`.`plain`;

-- publish
ALTER TABLE `emr`.`marked`
RENAME TO `emr`.`marked__cs_old`;

-- publish
ALTER TABLE `emr`.`marked__cs_new`
RENAME TO `emr`.`marked`;

-- publish
ALTER TABLE `emr`.`empty_is_text`
RENAME TO `emr`.`empty_is_text__cs_old`;

-- publish
ALTER TABLE `emr`.`empty_is_text__cs_new`
RENAME TO `emr`.`empty_is_text`;

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

-- previous emr.plain
DROP TABLE IF EXISTS `emr`.`plain__cs_old`;

-- previous emr.marked
DROP TABLE IF EXISTS `emr`.`marked__cs_old`;

-- previous emr.empty_is_text
DROP TABLE IF EXISTS `emr`.`empty_is_text__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift`.`rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift`.`reconciliation__cs_old`;

