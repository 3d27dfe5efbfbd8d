-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/group_by_union.mig sha256 99214fc1543923073f69ebec6d3de14b8520abebb3bc0cc842c606cce8a273c9
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_union.mig`.


-- first run: an empty emr.period so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__period`
LIKE `emr__period__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__rejects`
LIKE `chartshift__rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__reconciliation`
LIKE `chartshift__reconciliation__cs_new`;

-- first run: an empty chartshift.xwalk__emr__period so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__period`
LIKE `chartshift__xwalk__emr__period__cs_new`;

-- publish: one atomic RENAME of every table of this run
RENAME TABLE `emr__period` TO `emr__period__cs_old`, `emr__period__cs_new` TO `emr__period`, `chartshift__rejects` TO `chartshift__rejects__cs_old`, `chartshift__rejects__cs_new` TO `chartshift__rejects`, `chartshift__reconciliation` TO `chartshift__reconciliation__cs_old`, `chartshift__reconciliation__cs_new` TO `chartshift__reconciliation`, `chartshift__xwalk__emr__period` TO `chartshift__xwalk__emr__period__cs_old`, `chartshift__xwalk__emr__period__cs_new` TO `chartshift__xwalk__emr__period`;

-- previous emr.period
DROP TABLE IF EXISTS `emr__period__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift__rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift__reconciliation__cs_old`;

-- previous chartshift.xwalk__emr__period
DROP TABLE IF EXISTS `chartshift__xwalk__emr__period__cs_old`;

