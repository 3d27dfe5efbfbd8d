-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/group_by_references.mig sha256 affaa2e359660ec72ffb991b16b3db70e42ec3e2bbc9bbda02a66e1e7c3e816a
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_references.mig`.


-- first run: an empty emr.authorization so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__authorization`
LIKE `emr__authorization__cs_new`;

-- first run: an empty emr.auth_usage so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__auth_usage`
LIKE `emr__auth_usage__cs_new`;

-- first run: an empty emr.code_usage so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__code_usage`
LIKE `emr__code_usage__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__rejects`
LIKE `chartshift__rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__reconciliation`
LIKE `chartshift__reconciliation__cs_new`;

-- first run: an empty chartshift.xwalk__emr__authorization so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__authorization`
LIKE `chartshift__xwalk__emr__authorization__cs_new`;

-- first run: an empty chartshift.xwalk__emr__auth_usage so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__auth_usage`
LIKE `chartshift__xwalk__emr__auth_usage__cs_new`;

-- first run: an empty chartshift.xwalk__emr__code_usage so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__code_usage`
LIKE `chartshift__xwalk__emr__code_usage__cs_new`;

-- publish: one atomic RENAME of every table of this run
RENAME TABLE `emr__authorization` TO `emr__authorization__cs_old`, `emr__authorization__cs_new` TO `emr__authorization`, `emr__auth_usage` TO `emr__auth_usage__cs_old`, `emr__auth_usage__cs_new` TO `emr__auth_usage`, `emr__code_usage` TO `emr__code_usage__cs_old`, `emr__code_usage__cs_new` TO `emr__code_usage`, `chartshift__rejects` TO `chartshift__rejects__cs_old`, `chartshift__rejects__cs_new` TO `chartshift__rejects`, `chartshift__reconciliation` TO `chartshift__reconciliation__cs_old`, `chartshift__reconciliation__cs_new` TO `chartshift__reconciliation`, `chartshift__xwalk__emr__authorization` TO `chartshift__xwalk__emr__authorization__cs_old`, `chartshift__xwalk__emr__authorization__cs_new` TO `chartshift__xwalk__emr__authorization`, `chartshift__xwalk__emr__auth_usage` TO `chartshift__xwalk__emr__auth_usage__cs_old`, `chartshift__xwalk__emr__auth_usage__cs_new` TO `chartshift__xwalk__emr__auth_usage`, `chartshift__xwalk__emr__code_usage` TO `chartshift__xwalk__emr__code_usage__cs_old`, `chartshift__xwalk__emr__code_usage__cs_new` TO `chartshift__xwalk__emr__code_usage`;

-- previous emr.authorization
DROP TABLE IF EXISTS `emr__authorization__cs_old`;

-- previous emr.auth_usage
DROP TABLE IF EXISTS `emr__auth_usage__cs_old`;

-- previous emr.code_usage
DROP TABLE IF EXISTS `emr__code_usage__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift__rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift__reconciliation__cs_old`;

-- previous chartshift.xwalk__emr__authorization
DROP TABLE IF EXISTS `chartshift__xwalk__emr__authorization__cs_old`;

-- previous chartshift.xwalk__emr__auth_usage
DROP TABLE IF EXISTS `chartshift__xwalk__emr__auth_usage__cs_old`;

-- previous chartshift.xwalk__emr__code_usage
DROP TABLE IF EXISTS `chartshift__xwalk__emr__code_usage__cs_old`;

