-- chartshift 0.1.0 | dialect mysql
-- spec specs/demo_clinic.mig sha256 a2d29e478bd0344673ca628df24d217e8057e79772da3f5917ea33a753acd32d
-- 95_finish: publish by atomic rename
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


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

-- first run: an empty chartshift.state__legacy__patients so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__state__legacy__patients`
LIKE `chartshift__state__legacy__patients__cs_new`;

-- first run: an empty chartshift.state__legacy__providers so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__state__legacy__providers`
LIKE `chartshift__state__legacy__providers__cs_new`;

-- first run: an empty chartshift.state__legacy__payers so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__state__legacy__payers`
LIKE `chartshift__state__legacy__payers__cs_new`;

-- first run: an empty chartshift.state__legacy__policies so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__state__legacy__policies`
LIKE `chartshift__state__legacy__policies__cs_new`;

-- first run: an empty chartshift.state__legacy__cases so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__state__legacy__cases`
LIKE `chartshift__state__legacy__cases__cs_new`;

-- first run: an empty chartshift.state__legacy__auths so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__state__legacy__auths`
LIKE `chartshift__state__legacy__auths__cs_new`;

-- first run: an empty chartshift.state__legacy__visits so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__state__legacy__visits`
LIKE `chartshift__state__legacy__visits__cs_new`;

-- first run: an empty chartshift.state__legacy__notes so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__state__legacy__notes`
LIKE `chartshift__state__legacy__notes__cs_new`;

-- first run: an empty chartshift.extracts so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__extracts`
LIKE `chartshift__extracts__cs_new`;

-- first run: an empty chartshift.phases so that the swap below has something to swap
CREATE TABLE IF NOT EXISTS `chartshift__phases`
LIKE `chartshift__phases__cs_new`;

-- publish: one atomic RENAME of every table of this run
RENAME TABLE `emr__practitioner` TO `emr__practitioner__cs_old`, `emr__practitioner__cs_new` TO `emr__practitioner`, `emr__patient` TO `emr__patient__cs_old`, `emr__patient__cs_new` TO `emr__patient`, `emr__coverage` TO `emr__coverage__cs_old`, `emr__coverage__cs_new` TO `emr__coverage`, `emr__episode` TO `emr__episode__cs_old`, `emr__episode__cs_new` TO `emr__episode`, `emr__diagnosis` TO `emr__diagnosis__cs_old`, `emr__diagnosis__cs_new` TO `emr__diagnosis`, `emr__authorization` TO `emr__authorization__cs_old`, `emr__authorization__cs_new` TO `emr__authorization`, `emr__encounter` TO `emr__encounter__cs_old`, `emr__encounter__cs_new` TO `emr__encounter`, `emr__charge_line` TO `emr__charge_line__cs_old`, `emr__charge_line__cs_new` TO `emr__charge_line`, `emr__clinical_note` TO `emr__clinical_note__cs_old`, `emr__clinical_note__cs_new` TO `emr__clinical_note`, `chartshift__rejects` TO `chartshift__rejects__cs_old`, `chartshift__rejects__cs_new` TO `chartshift__rejects`, `chartshift__reconciliation` TO `chartshift__reconciliation__cs_old`, `chartshift__reconciliation__cs_new` TO `chartshift__reconciliation`, `chartshift__xwalk__emr__practitioner` TO `chartshift__xwalk__emr__practitioner__cs_old`, `chartshift__xwalk__emr__practitioner__cs_new` TO `chartshift__xwalk__emr__practitioner`, `chartshift__xwalk__emr__patient` TO `chartshift__xwalk__emr__patient__cs_old`, `chartshift__xwalk__emr__patient__cs_new` TO `chartshift__xwalk__emr__patient`, `chartshift__xwalk__emr__coverage` TO `chartshift__xwalk__emr__coverage__cs_old`, `chartshift__xwalk__emr__coverage__cs_new` TO `chartshift__xwalk__emr__coverage`, `chartshift__xwalk__emr__episode` TO `chartshift__xwalk__emr__episode__cs_old`, `chartshift__xwalk__emr__episode__cs_new` TO `chartshift__xwalk__emr__episode`, `chartshift__xwalk__emr__diagnosis` TO `chartshift__xwalk__emr__diagnosis__cs_old`, `chartshift__xwalk__emr__diagnosis__cs_new` TO `chartshift__xwalk__emr__diagnosis`, `chartshift__xwalk__emr__authorization` TO `chartshift__xwalk__emr__authorization__cs_old`, `chartshift__xwalk__emr__authorization__cs_new` TO `chartshift__xwalk__emr__authorization`, `chartshift__xwalk__emr__encounter` TO `chartshift__xwalk__emr__encounter__cs_old`, `chartshift__xwalk__emr__encounter__cs_new` TO `chartshift__xwalk__emr__encounter`, `chartshift__xwalk__emr__charge_line` TO `chartshift__xwalk__emr__charge_line__cs_old`, `chartshift__xwalk__emr__charge_line__cs_new` TO `chartshift__xwalk__emr__charge_line`, `chartshift__xwalk__emr__clinical_note` TO `chartshift__xwalk__emr__clinical_note__cs_old`, `chartshift__xwalk__emr__clinical_note__cs_new` TO `chartshift__xwalk__emr__clinical_note`, `chartshift__state__legacy__patients` TO `chartshift__state__legacy__patients__cs_old`, `chartshift__state__legacy__patients__cs_new` TO `chartshift__state__legacy__patients`, `chartshift__state__legacy__providers` TO `chartshift__state__legacy__providers__cs_old`, `chartshift__state__legacy__providers__cs_new` TO `chartshift__state__legacy__providers`, `chartshift__state__legacy__payers` TO `chartshift__state__legacy__payers__cs_old`, `chartshift__state__legacy__payers__cs_new` TO `chartshift__state__legacy__payers`, `chartshift__state__legacy__policies` TO `chartshift__state__legacy__policies__cs_old`, `chartshift__state__legacy__policies__cs_new` TO `chartshift__state__legacy__policies`, `chartshift__state__legacy__cases` TO `chartshift__state__legacy__cases__cs_old`, `chartshift__state__legacy__cases__cs_new` TO `chartshift__state__legacy__cases`, `chartshift__state__legacy__auths` TO `chartshift__state__legacy__auths__cs_old`, `chartshift__state__legacy__auths__cs_new` TO `chartshift__state__legacy__auths`, `chartshift__state__legacy__visits` TO `chartshift__state__legacy__visits__cs_old`, `chartshift__state__legacy__visits__cs_new` TO `chartshift__state__legacy__visits`, `chartshift__state__legacy__notes` TO `chartshift__state__legacy__notes__cs_old`, `chartshift__state__legacy__notes__cs_new` TO `chartshift__state__legacy__notes`, `chartshift__extracts` TO `chartshift__extracts__cs_old`, `chartshift__extracts__cs_new` TO `chartshift__extracts`, `chartshift__phases` TO `chartshift__phases__cs_old`, `chartshift__phases__cs_new` TO `chartshift__phases`;

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

-- previous chartshift.state__legacy__patients
DROP TABLE IF EXISTS `chartshift__state__legacy__patients__cs_old`;

-- previous chartshift.state__legacy__providers
DROP TABLE IF EXISTS `chartshift__state__legacy__providers__cs_old`;

-- previous chartshift.state__legacy__payers
DROP TABLE IF EXISTS `chartshift__state__legacy__payers__cs_old`;

-- previous chartshift.state__legacy__policies
DROP TABLE IF EXISTS `chartshift__state__legacy__policies__cs_old`;

-- previous chartshift.state__legacy__cases
DROP TABLE IF EXISTS `chartshift__state__legacy__cases__cs_old`;

-- previous chartshift.state__legacy__auths
DROP TABLE IF EXISTS `chartshift__state__legacy__auths__cs_old`;

-- previous chartshift.state__legacy__visits
DROP TABLE IF EXISTS `chartshift__state__legacy__visits__cs_old`;

-- previous chartshift.state__legacy__notes
DROP TABLE IF EXISTS `chartshift__state__legacy__notes__cs_old`;

-- previous chartshift.extracts
DROP TABLE IF EXISTS `chartshift__extracts__cs_old`;

-- previous chartshift.phases
DROP TABLE IF EXISTS `chartshift__phases__cs_old`;

