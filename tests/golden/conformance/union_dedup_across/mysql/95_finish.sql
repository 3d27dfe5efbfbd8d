-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/union_dedup_across.mig sha256 d403414e675e6481a01b585a448e07c46d785cfd5d1d9e793cc5adbad40b6b48
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union_dedup_across.mig`.


-- first run: an empty emr.patient so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__patient`
LIKE `emr__patient__cs_new`;

-- first run: an empty emr.encounter so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `emr__encounter`
LIKE `emr__encounter__cs_new`;

-- first run: an empty chartshift.rejects so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__rejects`
LIKE `chartshift__rejects__cs_new`;

-- first run: an empty chartshift.reconciliation so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__reconciliation`
LIKE `chartshift__reconciliation__cs_new`;

-- first run: an empty chartshift.xwalk__emr__patient so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__patient`
LIKE `chartshift__xwalk__emr__patient__cs_new`;

-- first run: an empty chartshift.xwalk__emr__encounter so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__encounter`
LIKE `chartshift__xwalk__emr__encounter__cs_new`;

-- publish: one atomic RENAME of every table of this run
RENAME TABLE `emr__patient` TO `emr__patient__cs_old`, `emr__patient__cs_new` TO `emr__patient`, `emr__encounter` TO `emr__encounter__cs_old`, `emr__encounter__cs_new` TO `emr__encounter`, `chartshift__rejects` TO `chartshift__rejects__cs_old`, `chartshift__rejects__cs_new` TO `chartshift__rejects`, `chartshift__reconciliation` TO `chartshift__reconciliation__cs_old`, `chartshift__reconciliation__cs_new` TO `chartshift__reconciliation`, `chartshift__xwalk__emr__patient` TO `chartshift__xwalk__emr__patient__cs_old`, `chartshift__xwalk__emr__patient__cs_new` TO `chartshift__xwalk__emr__patient`, `chartshift__xwalk__emr__encounter` TO `chartshift__xwalk__emr__encounter__cs_old`, `chartshift__xwalk__emr__encounter__cs_new` TO `chartshift__xwalk__emr__encounter`;

-- previous emr.patient
DROP TABLE IF EXISTS `emr__patient__cs_old`;

-- previous emr.encounter
DROP TABLE IF EXISTS `emr__encounter__cs_old`;

-- previous chartshift.rejects
DROP TABLE IF EXISTS `chartshift__rejects__cs_old`;

-- previous chartshift.reconciliation
DROP TABLE IF EXISTS `chartshift__reconciliation__cs_old`;

-- previous chartshift.xwalk__emr__patient
DROP TABLE IF EXISTS `chartshift__xwalk__emr__patient__cs_old`;

-- previous chartshift.xwalk__emr__encounter
DROP TABLE IF EXISTS `chartshift__xwalk__emr__encounter__cs_old`;

