-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/group_by_references.mig sha256 affaa2e359660ec72ffb991b16b3db70e42ec3e2bbc9bbda02a66e1e7c3e816a
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_references.mig`.


-- first run: an empty emr.authorization so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`authorization`
LIKE `emr`.`authorization__cs_new`;

-- first run: an empty emr.auth_usage so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`auth_usage`
LIKE `emr`.`auth_usage__cs_new`;

-- first run: an empty emr.code_usage so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`code_usage`
LIKE `emr`.`code_usage__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`rejects`
LIKE `chartshift`.`rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`reconciliation`
LIKE `chartshift`.`reconciliation__cs_new`;

-- first run: an empty chartshift.xwalk__emr__authorization so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__authorization`
LIKE `chartshift`.`xwalk__emr__authorization__cs_new`;

-- first run: an empty chartshift.xwalk__emr__auth_usage so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__auth_usage`
LIKE `chartshift`.`xwalk__emr__auth_usage__cs_new`;

-- first run: an empty chartshift.xwalk__emr__code_usage so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__code_usage`
LIKE `chartshift`.`xwalk__emr__code_usage__cs_new`;

-- publish
ALTER TABLE `emr`.`authorization`
RENAME TO `emr`.`authorization__cs_old`;

-- publish
ALTER TABLE `emr`.`authorization__cs_new`
RENAME TO `emr`.`authorization`;

-- publish
ALTER TABLE `emr`.`auth_usage`
RENAME TO `emr`.`auth_usage__cs_old`;

-- publish
ALTER TABLE `emr`.`auth_usage__cs_new`
RENAME TO `emr`.`auth_usage`;

-- publish
ALTER TABLE `emr`.`code_usage`
RENAME TO `emr`.`code_usage__cs_old`;

-- publish
ALTER TABLE `emr`.`code_usage__cs_new`
RENAME TO `emr`.`code_usage`;

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
ALTER TABLE `chartshift`.`xwalk__emr__authorization`
RENAME TO `chartshift`.`xwalk__emr__authorization__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__authorization__cs_new`
RENAME TO `chartshift`.`xwalk__emr__authorization`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__auth_usage`
RENAME TO `chartshift`.`xwalk__emr__auth_usage__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__auth_usage__cs_new`
RENAME TO `chartshift`.`xwalk__emr__auth_usage`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__code_usage`
RENAME TO `chartshift`.`xwalk__emr__code_usage__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__code_usage__cs_new`
RENAME TO `chartshift`.`xwalk__emr__code_usage`;

-- previous emr.authorization
DROP TABLE IF EXISTS `emr`.`authorization__cs_old`;

-- previous emr.auth_usage
DROP TABLE IF EXISTS `emr`.`auth_usage__cs_old`;

-- previous emr.code_usage
DROP TABLE IF EXISTS `emr`.`code_usage__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift`.`rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift`.`reconciliation__cs_old`;

-- previous chartshift.xwalk__emr__authorization
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__authorization__cs_old`;

-- previous chartshift.xwalk__emr__auth_usage
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__auth_usage__cs_old`;

-- previous chartshift.xwalk__emr__code_usage
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__code_usage__cs_old`;

