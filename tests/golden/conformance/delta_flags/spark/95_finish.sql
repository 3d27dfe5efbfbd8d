-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/delta_flags.mig sha256 90cb70e9dea6053dba4ed49e5e3c74b76bcf1da0648d75285316f9b5561adbb9
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/delta_flags.mig`.


-- first run: an empty emr.patient so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`patient`
LIKE `emr`.`patient__cs_new`;

-- first run: an empty emr.visit so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`visit`
LIKE `emr`.`visit__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`rejects`
LIKE `chartshift`.`rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`reconciliation`
LIKE `chartshift`.`reconciliation__cs_new`;

-- first run: an empty chartshift.xwalk__emr__patient so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__patient`
LIKE `chartshift`.`xwalk__emr__patient__cs_new`;

-- first run: an empty chartshift.xwalk__emr__visit so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__visit`
LIKE `chartshift`.`xwalk__emr__visit__cs_new`;

-- first run: an empty chartshift.state__legacy__patients so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`state__legacy__patients`
LIKE `chartshift`.`state__legacy__patients__cs_new`;

-- first run: an empty chartshift.state__legacy__visits so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`state__legacy__visits`
LIKE `chartshift`.`state__legacy__visits__cs_new`;

-- first run: an empty chartshift.extracts so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`extracts`
LIKE `chartshift`.`extracts__cs_new`;

-- publish
ALTER TABLE `emr`.`patient`
RENAME TO `emr`.`patient__cs_old`;

-- publish
ALTER TABLE `emr`.`patient__cs_new`
RENAME TO `emr`.`patient`;

-- publish
ALTER TABLE `emr`.`visit`
RENAME TO `emr`.`visit__cs_old`;

-- publish
ALTER TABLE `emr`.`visit__cs_new`
RENAME TO `emr`.`visit`;

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
ALTER TABLE `chartshift`.`xwalk__emr__visit`
RENAME TO `chartshift`.`xwalk__emr__visit__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__visit__cs_new`
RENAME TO `chartshift`.`xwalk__emr__visit`;

-- publish
ALTER TABLE `chartshift`.`state__legacy__patients`
RENAME TO `chartshift`.`state__legacy__patients__cs_old`;

-- publish
ALTER TABLE `chartshift`.`state__legacy__patients__cs_new`
RENAME TO `chartshift`.`state__legacy__patients`;

-- publish
ALTER TABLE `chartshift`.`state__legacy__visits`
RENAME TO `chartshift`.`state__legacy__visits__cs_old`;

-- publish
ALTER TABLE `chartshift`.`state__legacy__visits__cs_new`
RENAME TO `chartshift`.`state__legacy__visits`;

-- publish
ALTER TABLE `chartshift`.`extracts`
RENAME TO `chartshift`.`extracts__cs_old`;

-- publish
ALTER TABLE `chartshift`.`extracts__cs_new`
RENAME TO `chartshift`.`extracts`;

-- previous emr.patient
DROP TABLE IF EXISTS `emr`.`patient__cs_old`;

-- previous emr.visit
DROP TABLE IF EXISTS `emr`.`visit__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift`.`rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift`.`reconciliation__cs_old`;

-- previous chartshift.xwalk__emr__patient
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__patient__cs_old`;

-- previous chartshift.xwalk__emr__visit
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__visit__cs_old`;

-- previous chartshift.state__legacy__patients
DROP TABLE IF EXISTS `chartshift`.`state__legacy__patients__cs_old`;

-- previous chartshift.state__legacy__visits
DROP TABLE IF EXISTS `chartshift`.`state__legacy__visits__cs_old`;

-- previous chartshift.extracts
DROP TABLE IF EXISTS `chartshift`.`extracts__cs_old`;

