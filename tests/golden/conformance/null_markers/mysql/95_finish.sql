-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/null_markers.mig sha256 b2333d70e07ec37c067c66157aeb3043c418b0f9f5b509c5064076b9e755b5e0
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/null_markers.mig`.


-- first run: an empty emr.plain so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__plain`
LIKE `emr__plain__cs_new`;

-- first run: an empty emr.marked so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__marked`
LIKE `emr__marked__cs_new`;

-- first run: an empty emr.empty_is_text so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__empty_is_text`
LIKE `emr__empty_is_text__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__rejects`
LIKE `chartshift__rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__reconciliation`
LIKE `chartshift__reconciliation__cs_new`;

-- publish: one atomic RENAME of every table of this run
RENAME TABLE `emr__plain` TO `emr__plain__cs_old`, `emr__plain__cs_new` TO `emr__plain`, `emr__marked` TO `emr__marked__cs_old`, `emr__marked__cs_new` TO `emr__marked`, `emr__empty_is_text` TO `emr__empty_is_text__cs_old`, `emr__empty_is_text__cs_new` TO `emr__empty_is_text`, `chartshift__rejects` TO `chartshift__rejects__cs_old`, `chartshift__rejects__cs_new` TO `chartshift__rejects`, `chartshift__reconciliation` TO `chartshift__reconciliation__cs_old`, `chartshift__reconciliation__cs_new` TO `chartshift__reconciliation`;

-- previous emr.plain
DROP TABLE IF EXISTS `emr__plain__cs_old`;

-- previous emr.marked
DROP TABLE IF EXISTS `emr__marked__cs_old`;

-- previous emr.empty_is_text
DROP TABLE IF EXISTS `emr__empty_is_text__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift__rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift__reconciliation__cs_old`;

