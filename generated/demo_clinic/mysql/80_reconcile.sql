-- chartshift 0.1.0 | dialect mysql
-- spec specs/demo_clinic.mig sha256 a0494f9d66c6084fd72bfacaa145ad2d752a9b7ffec0e94f1786bb184aad4f3b
-- 80_reconcile: accounting identity per map: source rows = loaded + rejected + filtered + merged
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


-- reconciliation of this run
DROP TABLE IF EXISTS `chartshift__reconciliation__cs_new`;

-- one row per map; loaded counts the target table, rejected the rejects table
CREATE TABLE `chartshift__reconciliation__cs_new` AS
SELECT
  'legacy.providers -> emr.practitioner' AS `map`,
  'legacy.providers' AS `source_table`,
  'emr.practitioner' AS `target_table`,
  (
    SELECT
      COUNT(*)
    FROM `legacy__providers`
  ) AS `source_rows`,
  (
    SELECT
      COUNT(*)
    FROM `emr__practitioner__cs_new`
  ) AS `loaded`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__rejects__cs_new`
    WHERE
      `map` = 'legacy.providers -> emr.practitioner'
  ) AS `rejected`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__cs_work__emr__practitioner`
    WHERE
      `__status` = 'filtered'
  ) AS `filtered`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__cs_work__emr__practitioner`
    WHERE
      `__status` = 'merged'
  ) AS `merged`
UNION ALL
SELECT
  'legacy.patients -> emr.patient' AS `map`,
  'legacy.patients' AS `source_table`,
  'emr.patient' AS `target_table`,
  (
    SELECT
      COUNT(*)
    FROM `legacy__patients`
  ) AS `source_rows`,
  (
    SELECT
      COUNT(*)
    FROM `emr__patient__cs_new`
  ) AS `loaded`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__rejects__cs_new`
    WHERE
      `map` = 'legacy.patients -> emr.patient'
  ) AS `rejected`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__cs_work__emr__patient`
    WHERE
      `__status` = 'filtered'
  ) AS `filtered`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__cs_work__emr__patient`
    WHERE
      `__status` = 'merged'
  ) AS `merged`
UNION ALL
SELECT
  'legacy.policies -> emr.coverage' AS `map`,
  'legacy.policies' AS `source_table`,
  'emr.coverage' AS `target_table`,
  (
    SELECT
      COUNT(*)
    FROM `legacy__policies`
  ) AS `source_rows`,
  (
    SELECT
      COUNT(*)
    FROM `emr__coverage__cs_new`
  ) AS `loaded`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__rejects__cs_new`
    WHERE
      `map` = 'legacy.policies -> emr.coverage'
  ) AS `rejected`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__cs_work__emr__coverage`
    WHERE
      `__status` = 'filtered'
  ) AS `filtered`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__cs_work__emr__coverage`
    WHERE
      `__status` = 'merged'
  ) AS `merged`
UNION ALL
SELECT
  'legacy.cases -> emr.episode' AS `map`,
  'legacy.cases' AS `source_table`,
  'emr.episode' AS `target_table`,
  (
    SELECT
      COUNT(*)
    FROM `legacy__cases`
  ) AS `source_rows`,
  (
    SELECT
      COUNT(*)
    FROM `emr__episode__cs_new`
  ) AS `loaded`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__rejects__cs_new`
    WHERE
      `map` = 'legacy.cases -> emr.episode'
  ) AS `rejected`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__cs_work__emr__episode`
    WHERE
      `__status` = 'filtered'
  ) AS `filtered`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__cs_work__emr__episode`
    WHERE
      `__status` = 'merged'
  ) AS `merged`
UNION ALL
SELECT
  'legacy.cases -> emr.diagnosis' AS `map`,
  'legacy.cases' AS `source_table`,
  'emr.diagnosis' AS `target_table`,
  (
    SELECT
      COUNT(*)
    FROM `legacy__cases`
  ) * 4 AS `source_rows`,
  (
    SELECT
      COUNT(*)
    FROM `emr__diagnosis__cs_new`
  ) AS `loaded`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__rejects__cs_new`
    WHERE
      `map` = 'legacy.cases -> emr.diagnosis'
  ) AS `rejected`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__cs_work__emr__diagnosis`
    WHERE
      `__status` = 'filtered'
  ) AS `filtered`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__cs_work__emr__diagnosis`
    WHERE
      `__status` = 'merged'
  ) AS `merged`
UNION ALL
SELECT
  'legacy.auths -> emr.authorization' AS `map`,
  'legacy.auths' AS `source_table`,
  'emr.authorization' AS `target_table`,
  (
    SELECT
      COUNT(*)
    FROM `legacy__auths`
  ) AS `source_rows`,
  (
    SELECT
      COUNT(*)
    FROM `emr__authorization__cs_new`
  ) AS `loaded`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__rejects__cs_new`
    WHERE
      `map` = 'legacy.auths -> emr.authorization'
  ) AS `rejected`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__cs_work__emr__authorization`
    WHERE
      `__status` = 'filtered'
  ) AS `filtered`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__cs_work__emr__authorization`
    WHERE
      `__status` = 'merged'
  ) AS `merged`
UNION ALL
SELECT
  'legacy.visits -> emr.encounter' AS `map`,
  'legacy.visits' AS `source_table`,
  'emr.encounter' AS `target_table`,
  (
    SELECT
      COUNT(*)
    FROM `legacy__visits`
  ) AS `source_rows`,
  (
    SELECT
      COUNT(*)
    FROM `emr__encounter__cs_new`
  ) AS `loaded`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__rejects__cs_new`
    WHERE
      `map` = 'legacy.visits -> emr.encounter'
  ) AS `rejected`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__cs_work__emr__encounter`
    WHERE
      `__status` = 'filtered'
  ) AS `filtered`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__cs_work__emr__encounter`
    WHERE
      `__status` = 'merged'
  ) AS `merged`
UNION ALL
SELECT
  'legacy.visits -> emr.charge_line' AS `map`,
  'legacy.visits' AS `source_table`,
  'emr.charge_line' AS `target_table`,
  (
    SELECT
      COUNT(*)
    FROM `legacy__visits`
  ) * 3 AS `source_rows`,
  (
    SELECT
      COUNT(*)
    FROM `emr__charge_line__cs_new`
  ) AS `loaded`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__rejects__cs_new`
    WHERE
      `map` = 'legacy.visits -> emr.charge_line'
  ) AS `rejected`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__cs_work__emr__charge_line`
    WHERE
      `__status` = 'filtered'
  ) AS `filtered`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__cs_work__emr__charge_line`
    WHERE
      `__status` = 'merged'
  ) AS `merged`
UNION ALL
SELECT
  'legacy.notes -> emr.clinical_note' AS `map`,
  'legacy.notes' AS `source_table`,
  'emr.clinical_note' AS `target_table`,
  (
    SELECT
      COUNT(*)
    FROM `legacy__notes`
  ) AS `source_rows`,
  (
    SELECT
      COUNT(*)
    FROM `emr__clinical_note__cs_new`
  ) AS `loaded`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__rejects__cs_new`
    WHERE
      `map` = 'legacy.notes -> emr.clinical_note'
  ) AS `rejected`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__cs_work__emr__clinical_note`
    WHERE
      `__status` = 'filtered'
  ) AS `filtered`,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__cs_work__emr__clinical_note`
    WHERE
      `__status` = 'merged'
  ) AS `merged`;

