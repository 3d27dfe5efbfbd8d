-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/group_by.mig sha256 8c97e61b28d6ea83244c7b367f812e592a33e711e4ebea957a4e55ed55be9144
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by.mig`.


-- first run: an empty emr.observation_period so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__observation_period`
LIKE `emr__observation_period__cs_new`;

-- first run: an empty emr.location so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__location`
LIKE `emr__location__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__rejects`
LIKE `chartshift__rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__reconciliation`
LIKE `chartshift__reconciliation__cs_new`;

-- first run: an empty chartshift.xwalk__emr__observation_period so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__observation_period`
LIKE `chartshift__xwalk__emr__observation_period__cs_new`;

-- first run: an empty chartshift.xwalk__emr__location so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__location`
LIKE `chartshift__xwalk__emr__location__cs_new`;

-- publish: one atomic RENAME of every table of this run
RENAME TABLE `emr__observation_period` TO `emr__observation_period__cs_old`, `emr__observation_period__cs_new` TO `emr__observation_period`, `emr__location` TO `emr__location__cs_old`, `emr__location__cs_new` TO `emr__location`, `chartshift__rejects` TO `chartshift__rejects__cs_old`, `chartshift__rejects__cs_new` TO `chartshift__rejects`, `chartshift__reconciliation` TO `chartshift__reconciliation__cs_old`, `chartshift__reconciliation__cs_new` TO `chartshift__reconciliation`, `chartshift__xwalk__emr__observation_period` TO `chartshift__xwalk__emr__observation_period__cs_old`, `chartshift__xwalk__emr__observation_period__cs_new` TO `chartshift__xwalk__emr__observation_period`, `chartshift__xwalk__emr__location` TO `chartshift__xwalk__emr__location__cs_old`, `chartshift__xwalk__emr__location__cs_new` TO `chartshift__xwalk__emr__location`;

-- previous emr.observation_period
DROP TABLE IF EXISTS `emr__observation_period__cs_old`;

-- previous emr.location
DROP TABLE IF EXISTS `emr__location__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift__rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift__reconciliation__cs_old`;

-- previous chartshift.xwalk__emr__observation_period
DROP TABLE IF EXISTS `chartshift__xwalk__emr__observation_period__cs_old`;

-- previous chartshift.xwalk__emr__location
DROP TABLE IF EXISTS `chartshift__xwalk__emr__location__cs_old`;

