-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/join_many.mig sha256 870919318f0282a26ca449b629644d14083271ed5560e5faff2347804ac13e8a
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/join_many.mig`.


-- first run: an empty emr.visit_code so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`visit_code`
LIKE `emr`.`visit_code__cs_new`;

-- first run: an empty emr.visit_line so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`visit_line`
LIKE `emr`.`visit_line__cs_new`;

-- first run: an empty emr.visit so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`visit`
LIKE `emr`.`visit__cs_new`;

-- first run: an empty emr.visit_payer so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`visit_payer`
LIKE `emr`.`visit_payer__cs_new`;

-- first run: an empty emr.visit_slot so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`visit_slot`
LIKE `emr`.`visit_slot__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`rejects`
LIKE `chartshift`.`rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`reconciliation`
LIKE `chartshift`.`reconciliation__cs_new`;

-- first run: an empty chartshift.xwalk__emr__visit_code so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__visit_code`
LIKE `chartshift`.`xwalk__emr__visit_code__cs_new`;

-- publish
ALTER TABLE `emr`.`visit_code`
RENAME TO `emr`.`visit_code__cs_old`;

-- publish
ALTER TABLE `emr`.`visit_code__cs_new`
RENAME TO `emr`.`visit_code`;

-- publish
ALTER TABLE `emr`.`visit_line`
RENAME TO `emr`.`visit_line__cs_old`;

-- publish
ALTER TABLE `emr`.`visit_line__cs_new`
RENAME TO `emr`.`visit_line`;

-- publish
ALTER TABLE `emr`.`visit`
RENAME TO `emr`.`visit__cs_old`;

-- publish
ALTER TABLE `emr`.`visit__cs_new`
RENAME TO `emr`.`visit`;

-- publish
ALTER TABLE `emr`.`visit_payer`
RENAME TO `emr`.`visit_payer__cs_old`;

-- publish
ALTER TABLE `emr`.`visit_payer__cs_new`
RENAME TO `emr`.`visit_payer`;

-- publish
ALTER TABLE `emr`.`visit_slot`
RENAME TO `emr`.`visit_slot__cs_old`;

-- publish
ALTER TABLE `emr`.`visit_slot__cs_new`
RENAME TO `emr`.`visit_slot`;

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
ALTER TABLE `chartshift`.`xwalk__emr__visit_code`
RENAME TO `chartshift`.`xwalk__emr__visit_code__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__visit_code__cs_new`
RENAME TO `chartshift`.`xwalk__emr__visit_code`;

-- previous emr.visit_code
DROP TABLE IF EXISTS `emr`.`visit_code__cs_old`;

-- previous emr.visit_line
DROP TABLE IF EXISTS `emr`.`visit_line__cs_old`;

-- previous emr.visit
DROP TABLE IF EXISTS `emr`.`visit__cs_old`;

-- previous emr.visit_payer
DROP TABLE IF EXISTS `emr`.`visit_payer__cs_old`;

-- previous emr.visit_slot
DROP TABLE IF EXISTS `emr`.`visit_slot__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift`.`rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift`.`reconciliation__cs_old`;

-- previous chartshift.xwalk__emr__visit_code
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__visit_code__cs_old`;

