-- chartshift 0.1.0 | dialect mysql
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- first run: an empty emr.practitioner so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__practitioner`
LIKE `emr__practitioner__cs_new`;

-- first run: an empty emr.patient so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__patient`
LIKE `emr__patient__cs_new`;

-- first run: an empty emr.coverage so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__coverage`
LIKE `emr__coverage__cs_new`;

-- first run: an empty emr.episode so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__episode`
LIKE `emr__episode__cs_new`;

-- first run: an empty emr.diagnosis so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__diagnosis`
LIKE `emr__diagnosis__cs_new`;

-- first run: an empty emr.authorization so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__authorization`
LIKE `emr__authorization__cs_new`;

-- first run: an empty emr.encounter so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__encounter`
LIKE `emr__encounter__cs_new`;

-- first run: an empty emr.charge_line so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__charge_line`
LIKE `emr__charge_line__cs_new`;

-- first run: an empty emr.clinical_note so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__clinical_note`
LIKE `emr__clinical_note__cs_new`;

-- first run: an empty emr.episode_activity so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__episode_activity`
LIKE `emr__episode_activity__cs_new`;

-- first run: an empty emr.auth_usage so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__auth_usage`
LIKE `emr__auth_usage__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__rejects`
LIKE `chartshift__rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__reconciliation`
LIKE `chartshift__reconciliation__cs_new`;

-- first run: an empty chartshift.xwalk__emr__practitioner so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__practitioner`
LIKE `chartshift__xwalk__emr__practitioner__cs_new`;

-- first run: an empty chartshift.xwalk__emr__patient so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__patient`
LIKE `chartshift__xwalk__emr__patient__cs_new`;

-- first run: an empty chartshift.xwalk__emr__coverage so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__coverage`
LIKE `chartshift__xwalk__emr__coverage__cs_new`;

-- first run: an empty chartshift.xwalk__emr__episode so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__episode`
LIKE `chartshift__xwalk__emr__episode__cs_new`;

-- first run: an empty chartshift.xwalk__emr__diagnosis so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__diagnosis`
LIKE `chartshift__xwalk__emr__diagnosis__cs_new`;

-- first run: an empty chartshift.xwalk__emr__authorization so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__authorization`
LIKE `chartshift__xwalk__emr__authorization__cs_new`;

-- first run: an empty chartshift.xwalk__emr__encounter so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__encounter`
LIKE `chartshift__xwalk__emr__encounter__cs_new`;

-- first run: an empty chartshift.xwalk__emr__charge_line so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__charge_line`
LIKE `chartshift__xwalk__emr__charge_line__cs_new`;

-- first run: an empty chartshift.xwalk__emr__clinical_note so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__clinical_note`
LIKE `chartshift__xwalk__emr__clinical_note__cs_new`;

-- first run: an empty chartshift.xwalk__emr__episode_activity so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__episode_activity`
LIKE `chartshift__xwalk__emr__episode_activity__cs_new`;

-- first run: an empty chartshift.xwalk__emr__auth_usage so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__auth_usage`
LIKE `chartshift__xwalk__emr__auth_usage__cs_new`;

-- publish: one atomic RENAME of every table of this run
RENAME TABLE `emr__practitioner` TO `emr__practitioner__cs_old`, `emr__practitioner__cs_new` TO `emr__practitioner`, `emr__patient` TO `emr__patient__cs_old`, `emr__patient__cs_new` TO `emr__patient`, `emr__coverage` TO `emr__coverage__cs_old`, `emr__coverage__cs_new` TO `emr__coverage`, `emr__episode` TO `emr__episode__cs_old`, `emr__episode__cs_new` TO `emr__episode`, `emr__diagnosis` TO `emr__diagnosis__cs_old`, `emr__diagnosis__cs_new` TO `emr__diagnosis`, `emr__authorization` TO `emr__authorization__cs_old`, `emr__authorization__cs_new` TO `emr__authorization`, `emr__encounter` TO `emr__encounter__cs_old`, `emr__encounter__cs_new` TO `emr__encounter`, `emr__charge_line` TO `emr__charge_line__cs_old`, `emr__charge_line__cs_new` TO `emr__charge_line`, `emr__clinical_note` TO `emr__clinical_note__cs_old`, `emr__clinical_note__cs_new` TO `emr__clinical_note`, `emr__episode_activity` TO `emr__episode_activity__cs_old`, `emr__episode_activity__cs_new` TO `emr__episode_activity`, `emr__auth_usage` TO `emr__auth_usage__cs_old`, `emr__auth_usage__cs_new` TO `emr__auth_usage`, `chartshift__rejects` TO `chartshift__rejects__cs_old`, `chartshift__rejects__cs_new` TO `chartshift__rejects`, `chartshift__reconciliation` TO `chartshift__reconciliation__cs_old`, `chartshift__reconciliation__cs_new` TO `chartshift__reconciliation`, `chartshift__xwalk__emr__practitioner` TO `chartshift__xwalk__emr__practitioner__cs_old`, `chartshift__xwalk__emr__practitioner__cs_new` TO `chartshift__xwalk__emr__practitioner`, `chartshift__xwalk__emr__patient` TO `chartshift__xwalk__emr__patient__cs_old`, `chartshift__xwalk__emr__patient__cs_new` TO `chartshift__xwalk__emr__patient`, `chartshift__xwalk__emr__coverage` TO `chartshift__xwalk__emr__coverage__cs_old`, `chartshift__xwalk__emr__coverage__cs_new` TO `chartshift__xwalk__emr__coverage`, `chartshift__xwalk__emr__episode` TO `chartshift__xwalk__emr__episode__cs_old`, `chartshift__xwalk__emr__episode__cs_new` TO `chartshift__xwalk__emr__episode`, `chartshift__xwalk__emr__diagnosis` TO `chartshift__xwalk__emr__diagnosis__cs_old`, `chartshift__xwalk__emr__diagnosis__cs_new` TO `chartshift__xwalk__emr__diagnosis`, `chartshift__xwalk__emr__authorization` TO `chartshift__xwalk__emr__authorization__cs_old`, `chartshift__xwalk__emr__authorization__cs_new` TO `chartshift__xwalk__emr__authorization`, `chartshift__xwalk__emr__encounter` TO `chartshift__xwalk__emr__encounter__cs_old`, `chartshift__xwalk__emr__encounter__cs_new` TO `chartshift__xwalk__emr__encounter`, `chartshift__xwalk__emr__charge_line` TO `chartshift__xwalk__emr__charge_line__cs_old`, `chartshift__xwalk__emr__charge_line__cs_new` TO `chartshift__xwalk__emr__charge_line`, `chartshift__xwalk__emr__clinical_note` TO `chartshift__xwalk__emr__clinical_note__cs_old`, `chartshift__xwalk__emr__clinical_note__cs_new` TO `chartshift__xwalk__emr__clinical_note`, `chartshift__xwalk__emr__episode_activity` TO `chartshift__xwalk__emr__episode_activity__cs_old`, `chartshift__xwalk__emr__episode_activity__cs_new` TO `chartshift__xwalk__emr__episode_activity`, `chartshift__xwalk__emr__auth_usage` TO `chartshift__xwalk__emr__auth_usage__cs_old`, `chartshift__xwalk__emr__auth_usage__cs_new` TO `chartshift__xwalk__emr__auth_usage`;

-- previous emr.practitioner
DROP TABLE IF EXISTS `emr__practitioner__cs_old`;

-- previous emr.patient
DROP TABLE IF EXISTS `emr__patient__cs_old`;

-- previous emr.coverage
DROP TABLE IF EXISTS `emr__coverage__cs_old`;

-- previous emr.episode
DROP TABLE IF EXISTS `emr__episode__cs_old`;

-- previous emr.diagnosis
DROP TABLE IF EXISTS `emr__diagnosis__cs_old`;

-- previous emr.authorization
DROP TABLE IF EXISTS `emr__authorization__cs_old`;

-- previous emr.encounter
DROP TABLE IF EXISTS `emr__encounter__cs_old`;

-- previous emr.charge_line
DROP TABLE IF EXISTS `emr__charge_line__cs_old`;

-- previous emr.clinical_note
DROP TABLE IF EXISTS `emr__clinical_note__cs_old`;

-- previous emr.episode_activity
DROP TABLE IF EXISTS `emr__episode_activity__cs_old`;

-- previous emr.auth_usage
DROP TABLE IF EXISTS `emr__auth_usage__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift__rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift__reconciliation__cs_old`;

-- previous chartshift.xwalk__emr__practitioner
DROP TABLE IF EXISTS `chartshift__xwalk__emr__practitioner__cs_old`;

-- previous chartshift.xwalk__emr__patient
DROP TABLE IF EXISTS `chartshift__xwalk__emr__patient__cs_old`;

-- previous chartshift.xwalk__emr__coverage
DROP TABLE IF EXISTS `chartshift__xwalk__emr__coverage__cs_old`;

-- previous chartshift.xwalk__emr__episode
DROP TABLE IF EXISTS `chartshift__xwalk__emr__episode__cs_old`;

-- previous chartshift.xwalk__emr__diagnosis
DROP TABLE IF EXISTS `chartshift__xwalk__emr__diagnosis__cs_old`;

-- previous chartshift.xwalk__emr__authorization
DROP TABLE IF EXISTS `chartshift__xwalk__emr__authorization__cs_old`;

-- previous chartshift.xwalk__emr__encounter
DROP TABLE IF EXISTS `chartshift__xwalk__emr__encounter__cs_old`;

-- previous chartshift.xwalk__emr__charge_line
DROP TABLE IF EXISTS `chartshift__xwalk__emr__charge_line__cs_old`;

-- previous chartshift.xwalk__emr__clinical_note
DROP TABLE IF EXISTS `chartshift__xwalk__emr__clinical_note__cs_old`;

-- previous chartshift.xwalk__emr__episode_activity
DROP TABLE IF EXISTS `chartshift__xwalk__emr__episode_activity__cs_old`;

-- previous chartshift.xwalk__emr__auth_usage
DROP TABLE IF EXISTS `chartshift__xwalk__emr__auth_usage__cs_old`;

