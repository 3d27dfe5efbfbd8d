-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/dedup_variants.mig sha256 9082dc9e058ac5f68fbb44986c8966cf6d31a10f774e25fa1f69904ce371c7e6
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/dedup_variants.mig`.


-- first run: an empty emr.first_kept so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__first_kept`
LIKE `emr__first_kept__cs_new`;

-- first run: an empty emr.last_kept so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__last_kept`
LIKE `emr__last_kept__cs_new`;

-- first run: an empty emr.unique_person so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__unique_person`
LIKE `emr__unique_person__cs_new`;

-- first run: an empty emr.by_pat_no so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__by_pat_no`
LIKE `emr__by_pat_no__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__rejects`
LIKE `chartshift__rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__reconciliation`
LIKE `chartshift__reconciliation__cs_new`;

-- first run: an empty chartshift.xwalk__emr__first_kept so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__first_kept`
LIKE `chartshift__xwalk__emr__first_kept__cs_new`;

-- first run: an empty chartshift.xwalk__emr__last_kept so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__last_kept`
LIKE `chartshift__xwalk__emr__last_kept__cs_new`;

-- first run: an empty chartshift.xwalk__emr__unique_person so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__unique_person`
LIKE `chartshift__xwalk__emr__unique_person__cs_new`;

-- first run: an empty chartshift.xwalk__emr__by_pat_no so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__by_pat_no`
LIKE `chartshift__xwalk__emr__by_pat_no__cs_new`;

-- publish: one atomic RENAME of every table of this run
RENAME TABLE `emr__first_kept` TO `emr__first_kept__cs_old`, `emr__first_kept__cs_new` TO `emr__first_kept`, `emr__last_kept` TO `emr__last_kept__cs_old`, `emr__last_kept__cs_new` TO `emr__last_kept`, `emr__unique_person` TO `emr__unique_person__cs_old`, `emr__unique_person__cs_new` TO `emr__unique_person`, `emr__by_pat_no` TO `emr__by_pat_no__cs_old`, `emr__by_pat_no__cs_new` TO `emr__by_pat_no`, `chartshift__rejects` TO `chartshift__rejects__cs_old`, `chartshift__rejects__cs_new` TO `chartshift__rejects`, `chartshift__reconciliation` TO `chartshift__reconciliation__cs_old`, `chartshift__reconciliation__cs_new` TO `chartshift__reconciliation`, `chartshift__xwalk__emr__first_kept` TO `chartshift__xwalk__emr__first_kept__cs_old`, `chartshift__xwalk__emr__first_kept__cs_new` TO `chartshift__xwalk__emr__first_kept`, `chartshift__xwalk__emr__last_kept` TO `chartshift__xwalk__emr__last_kept__cs_old`, `chartshift__xwalk__emr__last_kept__cs_new` TO `chartshift__xwalk__emr__last_kept`, `chartshift__xwalk__emr__unique_person` TO `chartshift__xwalk__emr__unique_person__cs_old`, `chartshift__xwalk__emr__unique_person__cs_new` TO `chartshift__xwalk__emr__unique_person`, `chartshift__xwalk__emr__by_pat_no` TO `chartshift__xwalk__emr__by_pat_no__cs_old`, `chartshift__xwalk__emr__by_pat_no__cs_new` TO `chartshift__xwalk__emr__by_pat_no`;

-- previous emr.first_kept
DROP TABLE IF EXISTS `emr__first_kept__cs_old`;

-- previous emr.last_kept
DROP TABLE IF EXISTS `emr__last_kept__cs_old`;

-- previous emr.unique_person
DROP TABLE IF EXISTS `emr__unique_person__cs_old`;

-- previous emr.by_pat_no
DROP TABLE IF EXISTS `emr__by_pat_no__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift__rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift__reconciliation__cs_old`;

-- previous chartshift.xwalk__emr__first_kept
DROP TABLE IF EXISTS `chartshift__xwalk__emr__first_kept__cs_old`;

-- previous chartshift.xwalk__emr__last_kept
DROP TABLE IF EXISTS `chartshift__xwalk__emr__last_kept__cs_old`;

-- previous chartshift.xwalk__emr__unique_person
DROP TABLE IF EXISTS `chartshift__xwalk__emr__unique_person__cs_old`;

-- previous chartshift.xwalk__emr__by_pat_no
DROP TABLE IF EXISTS `chartshift__xwalk__emr__by_pat_no__cs_old`;

