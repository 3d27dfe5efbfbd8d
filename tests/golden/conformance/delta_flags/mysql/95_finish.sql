-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/delta_flags.mig sha256 90cb70e9dea6053dba4ed49e5e3c74b76bcf1da0648d75285316f9b5561adbb9
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/delta_flags.mig`.


-- first run: an empty emr.patient so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__patient`
LIKE `emr__patient__cs_new`;

-- first run: an empty emr.visit so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__visit`
LIKE `emr__visit__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__rejects`
LIKE `chartshift__rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__reconciliation`
LIKE `chartshift__reconciliation__cs_new`;

-- first run: an empty chartshift.xwalk__emr__patient so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__patient`
LIKE `chartshift__xwalk__emr__patient__cs_new`;

-- first run: an empty chartshift.xwalk__emr__visit so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__visit`
LIKE `chartshift__xwalk__emr__visit__cs_new`;

-- first run: an empty chartshift.state__legacy__patients so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__state__legacy__patients`
LIKE `chartshift__state__legacy__patients__cs_new`;

-- first run: an empty chartshift.state__legacy__visits so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__state__legacy__visits`
LIKE `chartshift__state__legacy__visits__cs_new`;

-- first run: an empty chartshift.extracts so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__extracts`
LIKE `chartshift__extracts__cs_new`;

-- publish: one atomic RENAME of every table of this run
RENAME TABLE `emr__patient` TO `emr__patient__cs_old`, `emr__patient__cs_new` TO `emr__patient`, `emr__visit` TO `emr__visit__cs_old`, `emr__visit__cs_new` TO `emr__visit`, `chartshift__rejects` TO `chartshift__rejects__cs_old`, `chartshift__rejects__cs_new` TO `chartshift__rejects`, `chartshift__reconciliation` TO `chartshift__reconciliation__cs_old`, `chartshift__reconciliation__cs_new` TO `chartshift__reconciliation`, `chartshift__xwalk__emr__patient` TO `chartshift__xwalk__emr__patient__cs_old`, `chartshift__xwalk__emr__patient__cs_new` TO `chartshift__xwalk__emr__patient`, `chartshift__xwalk__emr__visit` TO `chartshift__xwalk__emr__visit__cs_old`, `chartshift__xwalk__emr__visit__cs_new` TO `chartshift__xwalk__emr__visit`, `chartshift__state__legacy__patients` TO `chartshift__state__legacy__patients__cs_old`, `chartshift__state__legacy__patients__cs_new` TO `chartshift__state__legacy__patients`, `chartshift__state__legacy__visits` TO `chartshift__state__legacy__visits__cs_old`, `chartshift__state__legacy__visits__cs_new` TO `chartshift__state__legacy__visits`, `chartshift__extracts` TO `chartshift__extracts__cs_old`, `chartshift__extracts__cs_new` TO `chartshift__extracts`;

-- previous emr.patient
DROP TABLE IF EXISTS `emr__patient__cs_old`;

-- previous emr.visit
DROP TABLE IF EXISTS `emr__visit__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift__rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift__reconciliation__cs_old`;

-- previous chartshift.xwalk__emr__patient
DROP TABLE IF EXISTS `chartshift__xwalk__emr__patient__cs_old`;

-- previous chartshift.xwalk__emr__visit
DROP TABLE IF EXISTS `chartshift__xwalk__emr__visit__cs_old`;

-- previous chartshift.state__legacy__patients
DROP TABLE IF EXISTS `chartshift__state__legacy__patients__cs_old`;

-- previous chartshift.state__legacy__visits
DROP TABLE IF EXISTS `chartshift__state__legacy__visits__cs_old`;

-- previous chartshift.extracts
DROP TABLE IF EXISTS `chartshift__extracts__cs_old`;

