-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/composite_lookups.mig sha256 947f0eabab68e7b610b09dc411abbd207e6c100c06a6e202839c8ec8682c85f9
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/composite_lookups.mig`.


-- first run: an empty emr.claim so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__claim`
LIKE `emr__claim__cs_new`;

-- first run: an empty emr.strict_claim so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__strict_claim`
LIKE `emr__strict_claim__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__rejects`
LIKE `chartshift__rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__reconciliation`
LIKE `chartshift__reconciliation__cs_new`;

-- first run: an empty chartshift.xwalk__emr__claim so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__claim`
LIKE `chartshift__xwalk__emr__claim__cs_new`;

-- first run: an empty chartshift.xwalk__emr__strict_claim so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__strict_claim`
LIKE `chartshift__xwalk__emr__strict_claim__cs_new`;

-- publish: one atomic RENAME of every table of this run
RENAME TABLE `emr__claim` TO `emr__claim__cs_old`, `emr__claim__cs_new` TO `emr__claim`, `emr__strict_claim` TO `emr__strict_claim__cs_old`, `emr__strict_claim__cs_new` TO `emr__strict_claim`, `chartshift__rejects` TO `chartshift__rejects__cs_old`, `chartshift__rejects__cs_new` TO `chartshift__rejects`, `chartshift__reconciliation` TO `chartshift__reconciliation__cs_old`, `chartshift__reconciliation__cs_new` TO `chartshift__reconciliation`, `chartshift__xwalk__emr__claim` TO `chartshift__xwalk__emr__claim__cs_old`, `chartshift__xwalk__emr__claim__cs_new` TO `chartshift__xwalk__emr__claim`, `chartshift__xwalk__emr__strict_claim` TO `chartshift__xwalk__emr__strict_claim__cs_old`, `chartshift__xwalk__emr__strict_claim__cs_new` TO `chartshift__xwalk__emr__strict_claim`;

-- previous emr.claim
DROP TABLE IF EXISTS `emr__claim__cs_old`;

-- previous emr.strict_claim
DROP TABLE IF EXISTS `emr__strict_claim__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift__rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift__reconciliation__cs_old`;

-- previous chartshift.xwalk__emr__claim
DROP TABLE IF EXISTS `chartshift__xwalk__emr__claim__cs_old`;

-- previous chartshift.xwalk__emr__strict_claim
DROP TABLE IF EXISTS `chartshift__xwalk__emr__strict_claim__cs_old`;

