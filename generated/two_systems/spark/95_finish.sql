-- chartshift 0.1.0 | dialect spark
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- first run: an empty emr.practitioner so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`practitioner`
LIKE `emr`.`practitioner__cs_new`;

-- first run: an empty emr.patient so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`patient`
LIKE `emr`.`patient__cs_new`;

-- first run: an empty emr.coverage so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`coverage`
LIKE `emr`.`coverage__cs_new`;

-- first run: an empty emr.episode so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`episode`
LIKE `emr`.`episode__cs_new`;

-- first run: an empty emr.diagnosis so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`diagnosis`
LIKE `emr`.`diagnosis__cs_new`;

-- first run: an empty emr.authorization so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`authorization`
LIKE `emr`.`authorization__cs_new`;

-- first run: an empty emr.encounter so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`encounter`
LIKE `emr`.`encounter__cs_new`;

-- first run: an empty emr.charge_line so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`charge_line`
LIKE `emr`.`charge_line__cs_new`;

-- first run: an empty emr.clinical_note so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`clinical_note`
LIKE `emr`.`clinical_note__cs_new`;

-- first run: an empty emr.episode_activity so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`episode_activity`
LIKE `emr`.`episode_activity__cs_new`;

-- first run: an empty emr.auth_usage so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr`.`auth_usage`
LIKE `emr`.`auth_usage__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`rejects`
LIKE `chartshift`.`rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`reconciliation`
LIKE `chartshift`.`reconciliation__cs_new`;

-- first run: an empty chartshift.xwalk__emr__practitioner so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__practitioner`
LIKE `chartshift`.`xwalk__emr__practitioner__cs_new`;

-- first run: an empty chartshift.xwalk__emr__patient so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__patient`
LIKE `chartshift`.`xwalk__emr__patient__cs_new`;

-- first run: an empty chartshift.xwalk__emr__coverage so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__coverage`
LIKE `chartshift`.`xwalk__emr__coverage__cs_new`;

-- first run: an empty chartshift.xwalk__emr__episode so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__episode`
LIKE `chartshift`.`xwalk__emr__episode__cs_new`;

-- first run: an empty chartshift.xwalk__emr__diagnosis so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__diagnosis`
LIKE `chartshift`.`xwalk__emr__diagnosis__cs_new`;

-- first run: an empty chartshift.xwalk__emr__authorization so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__authorization`
LIKE `chartshift`.`xwalk__emr__authorization__cs_new`;

-- first run: an empty chartshift.xwalk__emr__encounter so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__encounter`
LIKE `chartshift`.`xwalk__emr__encounter__cs_new`;

-- first run: an empty chartshift.xwalk__emr__charge_line so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__charge_line`
LIKE `chartshift`.`xwalk__emr__charge_line__cs_new`;

-- first run: an empty chartshift.xwalk__emr__clinical_note so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__clinical_note`
LIKE `chartshift`.`xwalk__emr__clinical_note__cs_new`;

-- first run: an empty chartshift.xwalk__emr__episode_activity so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__episode_activity`
LIKE `chartshift`.`xwalk__emr__episode_activity__cs_new`;

-- first run: an empty chartshift.xwalk__emr__auth_usage so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__auth_usage`
LIKE `chartshift`.`xwalk__emr__auth_usage__cs_new`;

-- publish
ALTER TABLE `emr`.`practitioner`
RENAME TO `emr`.`practitioner__cs_old`;

-- publish
ALTER TABLE `emr`.`practitioner__cs_new`
RENAME TO `emr`.`practitioner`;

-- publish
ALTER TABLE `emr`.`patient`
RENAME TO `emr`.`patient__cs_old`;

-- publish
ALTER TABLE `emr`.`patient__cs_new`
RENAME TO `emr`.`patient`;

-- publish
ALTER TABLE `emr`.`coverage`
RENAME TO `emr`.`coverage__cs_old`;

-- publish
ALTER TABLE `emr`.`coverage__cs_new`
RENAME TO `emr`.`coverage`;

-- publish
ALTER TABLE `emr`.`episode`
RENAME TO `emr`.`episode__cs_old`;

-- publish
ALTER TABLE `emr`.`episode__cs_new`
RENAME TO `emr`.`episode`;

-- publish
ALTER TABLE `emr`.`diagnosis`
RENAME TO `emr`.`diagnosis__cs_old`;

-- publish
ALTER TABLE `emr`.`diagnosis__cs_new`
RENAME TO `emr`.`diagnosis`;

-- publish
ALTER TABLE `emr`.`authorization`
RENAME TO `emr`.`authorization__cs_old`;

-- publish
ALTER TABLE `emr`.`authorization__cs_new`
RENAME TO `emr`.`authorization`;

-- publish
ALTER TABLE `emr`.`encounter`
RENAME TO `emr`.`encounter__cs_old`;

-- publish
ALTER TABLE `emr`.`encounter__cs_new`
RENAME TO `emr`.`encounter`;

-- publish
ALTER TABLE `emr`.`charge_line`
RENAME TO `emr`.`charge_line__cs_old`;

-- publish
ALTER TABLE `emr`.`charge_line__cs_new`
RENAME TO `emr`.`charge_line`;

-- publish
ALTER TABLE `emr`.`clinical_note`
RENAME TO `emr`.`clinical_note__cs_old`;

-- publish
ALTER TABLE `emr`.`clinical_note__cs_new`
RENAME TO `emr`.`clinical_note`;

-- publish
ALTER TABLE `emr`.`episode_activity`
RENAME TO `emr`.`episode_activity__cs_old`;

-- publish
ALTER TABLE `emr`.`episode_activity__cs_new`
RENAME TO `emr`.`episode_activity`;

-- publish
ALTER TABLE `emr`.`auth_usage`
RENAME TO `emr`.`auth_usage__cs_old`;

-- publish
ALTER TABLE `emr`.`auth_usage__cs_new`
RENAME TO `emr`.`auth_usage`;

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
ALTER TABLE `chartshift`.`xwalk__emr__practitioner`
RENAME TO `chartshift`.`xwalk__emr__practitioner__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__practitioner__cs_new`
RENAME TO `chartshift`.`xwalk__emr__practitioner`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__patient`
RENAME TO `chartshift`.`xwalk__emr__patient__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__patient__cs_new`
RENAME TO `chartshift`.`xwalk__emr__patient`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__coverage`
RENAME TO `chartshift`.`xwalk__emr__coverage__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__coverage__cs_new`
RENAME TO `chartshift`.`xwalk__emr__coverage`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__episode`
RENAME TO `chartshift`.`xwalk__emr__episode__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__episode__cs_new`
RENAME TO `chartshift`.`xwalk__emr__episode`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__diagnosis`
RENAME TO `chartshift`.`xwalk__emr__diagnosis__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__diagnosis__cs_new`
RENAME TO `chartshift`.`xwalk__emr__diagnosis`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__authorization`
RENAME TO `chartshift`.`xwalk__emr__authorization__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__authorization__cs_new`
RENAME TO `chartshift`.`xwalk__emr__authorization`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__encounter`
RENAME TO `chartshift`.`xwalk__emr__encounter__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__encounter__cs_new`
RENAME TO `chartshift`.`xwalk__emr__encounter`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__charge_line`
RENAME TO `chartshift`.`xwalk__emr__charge_line__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__charge_line__cs_new`
RENAME TO `chartshift`.`xwalk__emr__charge_line`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__clinical_note`
RENAME TO `chartshift`.`xwalk__emr__clinical_note__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__clinical_note__cs_new`
RENAME TO `chartshift`.`xwalk__emr__clinical_note`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__episode_activity`
RENAME TO `chartshift`.`xwalk__emr__episode_activity__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__episode_activity__cs_new`
RENAME TO `chartshift`.`xwalk__emr__episode_activity`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__auth_usage`
RENAME TO `chartshift`.`xwalk__emr__auth_usage__cs_old`;

-- publish
ALTER TABLE `chartshift`.`xwalk__emr__auth_usage__cs_new`
RENAME TO `chartshift`.`xwalk__emr__auth_usage`;

-- previous emr.practitioner
DROP TABLE IF EXISTS `emr`.`practitioner__cs_old`;

-- previous emr.patient
DROP TABLE IF EXISTS `emr`.`patient__cs_old`;

-- previous emr.coverage
DROP TABLE IF EXISTS `emr`.`coverage__cs_old`;

-- previous emr.episode
DROP TABLE IF EXISTS `emr`.`episode__cs_old`;

-- previous emr.diagnosis
DROP TABLE IF EXISTS `emr`.`diagnosis__cs_old`;

-- previous emr.authorization
DROP TABLE IF EXISTS `emr`.`authorization__cs_old`;

-- previous emr.encounter
DROP TABLE IF EXISTS `emr`.`encounter__cs_old`;

-- previous emr.charge_line
DROP TABLE IF EXISTS `emr`.`charge_line__cs_old`;

-- previous emr.clinical_note
DROP TABLE IF EXISTS `emr`.`clinical_note__cs_old`;

-- previous emr.episode_activity
DROP TABLE IF EXISTS `emr`.`episode_activity__cs_old`;

-- previous emr.auth_usage
DROP TABLE IF EXISTS `emr`.`auth_usage__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift`.`rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift`.`reconciliation__cs_old`;

-- previous chartshift.xwalk__emr__practitioner
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__practitioner__cs_old`;

-- previous chartshift.xwalk__emr__patient
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__patient__cs_old`;

-- previous chartshift.xwalk__emr__coverage
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__coverage__cs_old`;

-- previous chartshift.xwalk__emr__episode
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__episode__cs_old`;

-- previous chartshift.xwalk__emr__diagnosis
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__diagnosis__cs_old`;

-- previous chartshift.xwalk__emr__authorization
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__authorization__cs_old`;

-- previous chartshift.xwalk__emr__encounter
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__encounter__cs_old`;

-- previous chartshift.xwalk__emr__charge_line
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__charge_line__cs_old`;

-- previous chartshift.xwalk__emr__clinical_note
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__clinical_note__cs_old`;

-- previous chartshift.xwalk__emr__episode_activity
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__episode_activity__cs_old`;

-- previous chartshift.xwalk__emr__auth_usage
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__auth_usage__cs_old`;

