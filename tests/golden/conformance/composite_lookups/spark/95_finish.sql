-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/composite_lookups.mig sha256 947f0eabab68e7b610b09dc411abbd207e6c100c06a6e202839c8ec8682c85f9
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/composite_lookups.mig`.


-- first run: an empty emr.claim so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`claim`
LIKE `emr`.`claim__cs_new`;

-- first run: an empty emr.strict_claim so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`strict_claim`
LIKE `emr`.`strict_claim__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`rejects`
LIKE `chartshift`.`rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`reconciliation`
LIKE `chartshift`.`reconciliation__cs_new`;

-- first run: an empty chartshift.xwalk__emr__claim so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__claim`
LIKE `chartshift`.`xwalk__emr__claim__cs_new`;

-- first run: an empty chartshift.xwalk__emr__strict_claim so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__strict_claim`
LIKE `chartshift`.`xwalk__emr__strict_claim__cs_new`;

-- publish
ALTER TABLE `emr`.`claim`
RENAME TO `emr`.`claim__cs_old`;

-- publish
ALTER TABLE `emr`.`claim__cs_new`
RENAME TO `emr`.`claim`;

-- publish
ALTER TABLE `emr`.`strict_claim`
RENAME TO `emr`.`strict_claim__cs_old`;

-- publish
ALTER TABLE `emr`.`strict_claim__cs_new`
RENAME TO `emr`.`strict_claim`;

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
ALTER TABLE `chartshift`.`xwalk__emr__claim`
RENAME TO `chartshift`.`xwalk__emr__claim__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__claim__cs_new`
RENAME TO `chartshift`.`xwalk__emr__claim`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__strict_claim`
RENAME TO `chartshift`.`xwalk__emr__strict_claim__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__strict_claim__cs_new`
RENAME TO `chartshift`.`xwalk__emr__strict_claim`;

-- previous emr.claim
DROP TABLE IF EXISTS `emr`.`claim__cs_old`;

-- previous emr.strict_claim
DROP TABLE IF EXISTS `emr`.`strict_claim__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift`.`rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift`.`reconciliation__cs_old`;

-- previous chartshift.xwalk__emr__claim
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__claim__cs_old`;

-- previous chartshift.xwalk__emr__strict_claim
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__strict_claim__cs_old`;

