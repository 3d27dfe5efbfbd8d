-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/join_many.mig sha256 870919318f0282a26ca449b629644d14083271ed5560e5faff2347804ac13e8a
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/join_many.mig`.


-- first run: an empty emr.visit_code so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__visit_code`
LIKE `emr__visit_code__cs_new`;

-- first run: an empty emr.visit_line so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__visit_line`
LIKE `emr__visit_line__cs_new`;

-- first run: an empty emr.visit so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__visit`
LIKE `emr__visit__cs_new`;

-- first run: an empty emr.visit_payer so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__visit_payer`
LIKE `emr__visit_payer__cs_new`;

-- first run: an empty emr.visit_slot so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__visit_slot`
LIKE `emr__visit_slot__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__rejects`
LIKE `chartshift__rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__reconciliation`
LIKE `chartshift__reconciliation__cs_new`;

-- first run: an empty chartshift.xwalk__emr__visit_code so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__visit_code`
LIKE `chartshift__xwalk__emr__visit_code__cs_new`;

-- publish: one atomic RENAME of every table of this run
RENAME TABLE `emr__visit_code` TO `emr__visit_code__cs_old`, `emr__visit_code__cs_new` TO `emr__visit_code`, `emr__visit_line` TO `emr__visit_line__cs_old`, `emr__visit_line__cs_new` TO `emr__visit_line`, `emr__visit` TO `emr__visit__cs_old`, `emr__visit__cs_new` TO `emr__visit`, `emr__visit_payer` TO `emr__visit_payer__cs_old`, `emr__visit_payer__cs_new` TO `emr__visit_payer`, `emr__visit_slot` TO `emr__visit_slot__cs_old`, `emr__visit_slot__cs_new` TO `emr__visit_slot`, `chartshift__rejects` TO `chartshift__rejects__cs_old`, `chartshift__rejects__cs_new` TO `chartshift__rejects`, `chartshift__reconciliation` TO `chartshift__reconciliation__cs_old`, `chartshift__reconciliation__cs_new` TO `chartshift__reconciliation`, `chartshift__xwalk__emr__visit_code` TO `chartshift__xwalk__emr__visit_code__cs_old`, `chartshift__xwalk__emr__visit_code__cs_new` TO `chartshift__xwalk__emr__visit_code`;

-- previous emr.visit_code
DROP TABLE IF EXISTS `emr__visit_code__cs_old`;

-- previous emr.visit_line
DROP TABLE IF EXISTS `emr__visit_line__cs_old`;

-- previous emr.visit
DROP TABLE IF EXISTS `emr__visit__cs_old`;

-- previous emr.visit_payer
DROP TABLE IF EXISTS `emr__visit_payer__cs_old`;

-- previous emr.visit_slot
DROP TABLE IF EXISTS `emr__visit_slot__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift__rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift__reconciliation__cs_old`;

-- previous chartshift.xwalk__emr__visit_code
DROP TABLE IF EXISTS `chartshift__xwalk__emr__visit_code__cs_old`;

