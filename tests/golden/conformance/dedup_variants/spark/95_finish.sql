-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/dedup_variants.mig sha256 9082dc9e058ac5f68fbb44986c8966cf6d31a10f774e25fa1f69904ce371c7e6
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/dedup_variants.mig`.


-- first run: an empty emr.first_kept so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`first_kept`
LIKE `emr`.`first_kept__cs_new`;

-- first run: an empty emr.last_kept so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`last_kept`
LIKE `emr`.`last_kept__cs_new`;

-- first run: an empty emr.unique_person so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`unique_person`
LIKE `emr`.`unique_person__cs_new`;

-- first run: an empty emr.by_pat_no so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`by_pat_no`
LIKE `emr`.`by_pat_no__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`rejects`
LIKE `chartshift`.`rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`reconciliation`
LIKE `chartshift`.`reconciliation__cs_new`;

-- first run: an empty chartshift.xwalk__emr__first_kept so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__first_kept`
LIKE `chartshift`.`xwalk__emr__first_kept__cs_new`;

-- first run: an empty chartshift.xwalk__emr__last_kept so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__last_kept`
LIKE `chartshift`.`xwalk__emr__last_kept__cs_new`;

-- first run: an empty chartshift.xwalk__emr__unique_person so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__unique_person`
LIKE `chartshift`.`xwalk__emr__unique_person__cs_new`;

-- first run: an empty chartshift.xwalk__emr__by_pat_no so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__by_pat_no`
LIKE `chartshift`.`xwalk__emr__by_pat_no__cs_new`;

-- publish
ALTER TABLE `emr`.`first_kept`
RENAME TO `emr`.`first_kept__cs_old`;

-- publish
ALTER TABLE `emr`.`first_kept__cs_new`
RENAME TO `emr`.`first_kept`;

-- publish
ALTER TABLE `emr`.`last_kept`
RENAME TO `emr`.`last_kept__cs_old`;

-- publish
ALTER TABLE `emr`.`last_kept__cs_new`
RENAME TO `emr`.`last_kept`;

-- publish
ALTER TABLE `emr`.`unique_person`
RENAME TO `emr`.`unique_person__cs_old`;

-- publish
ALTER TABLE `emr`.`unique_person__cs_new`
RENAME TO `emr`.`unique_person`;

-- publish
ALTER TABLE `emr`.`by_pat_no`
RENAME TO `emr`.`by_pat_no__cs_old`;

-- publish
ALTER TABLE `emr`.`by_pat_no__cs_new`
RENAME TO `emr`.`by_pat_no`;

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
ALTER TABLE `chartshift`.`xwalk__emr__first_kept`
RENAME TO `chartshift`.`xwalk__emr__first_kept__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__first_kept__cs_new`
RENAME TO `chartshift`.`xwalk__emr__first_kept`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__last_kept`
RENAME TO `chartshift`.`xwalk__emr__last_kept__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__last_kept__cs_new`
RENAME TO `chartshift`.`xwalk__emr__last_kept`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__unique_person`
RENAME TO `chartshift`.`xwalk__emr__unique_person__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__unique_person__cs_new`
RENAME TO `chartshift`.`xwalk__emr__unique_person`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__by_pat_no`
RENAME TO `chartshift`.`xwalk__emr__by_pat_no__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__by_pat_no__cs_new`
RENAME TO `chartshift`.`xwalk__emr__by_pat_no`;

-- previous emr.first_kept
DROP TABLE IF EXISTS `emr`.`first_kept__cs_old`;

-- previous emr.last_kept
DROP TABLE IF EXISTS `emr`.`last_kept__cs_old`;

-- previous emr.unique_person
DROP TABLE IF EXISTS `emr`.`unique_person__cs_old`;

-- previous emr.by_pat_no
DROP TABLE IF EXISTS `emr`.`by_pat_no__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift`.`rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift`.`reconciliation__cs_old`;

-- previous chartshift.xwalk__emr__first_kept
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__first_kept__cs_old`;

-- previous chartshift.xwalk__emr__last_kept
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__last_kept__cs_old`;

-- previous chartshift.xwalk__emr__unique_person
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__unique_person__cs_old`;

-- previous chartshift.xwalk__emr__by_pat_no
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__by_pat_no__cs_old`;

