-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/group_by.mig sha256 8c97e61b28d6ea83244c7b367f812e592a33e711e4ebea957a4e55ed55be9144
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by.mig`.


-- first run: an empty emr.observation_period so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`observation_period`
LIKE `emr`.`observation_period__cs_new`;

-- first run: an empty emr.location so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`location`
LIKE `emr`.`location__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`rejects`
LIKE `chartshift`.`rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`reconciliation`
LIKE `chartshift`.`reconciliation__cs_new`;

-- first run: an empty chartshift.xwalk__emr__observation_period so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__observation_period`
LIKE `chartshift`.`xwalk__emr__observation_period__cs_new`;

-- first run: an empty chartshift.xwalk__emr__location so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__location`
LIKE `chartshift`.`xwalk__emr__location__cs_new`;

-- publish
ALTER TABLE `emr`.`observation_period`
RENAME TO `emr`.`observation_period__cs_old`;

-- publish
ALTER TABLE `emr`.`observation_period__cs_new`
RENAME TO `emr`.`observation_period`;

-- publish
ALTER TABLE `emr`.`location`
RENAME TO `emr`.`location__cs_old`;

-- publish
ALTER TABLE `emr`.`location__cs_new`
RENAME TO `emr`.`location`;

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
ALTER TABLE `chartshift`.`xwalk__emr__observation_period`
RENAME TO `chartshift`.`xwalk__emr__observation_period__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__observation_period__cs_new`
RENAME TO `chartshift`.`xwalk__emr__observation_period`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__location`
RENAME TO `chartshift`.`xwalk__emr__location__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__location__cs_new`
RENAME TO `chartshift`.`xwalk__emr__location`;

-- previous emr.observation_period
DROP TABLE IF EXISTS `emr`.`observation_period__cs_old`;

-- previous emr.location
DROP TABLE IF EXISTS `emr`.`location__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift`.`rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift`.`reconciliation__cs_old`;

-- previous chartshift.xwalk__emr__observation_period
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__observation_period__cs_old`;

-- previous chartshift.xwalk__emr__location
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__location__cs_old`;

