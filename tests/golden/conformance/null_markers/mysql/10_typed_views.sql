-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/null_markers.mig sha256 b2333d70e07ec37c067c66157aeb3043c418b0f9f5b509c5064076b9e755b5e0
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/null_markers.mig`.


-- tests/conformance/specs/null_markers.mig:9: typed view legacy.plain
CREATE SQL SECURITY INVOKER VIEW `legacy__plain` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`id`, '') AS `id`,
  NULLIF(`cs_raw`.`name`, '') AS `name`,
  CASE
    WHEN REGEXP_INSTR(
      CAST(TRIM(NULLIF(`cs_raw`.`age`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '^[+\\-]?[0-9]{1,18}\\z'
    ) > 0
    THEN CAST(TRIM(NULLIF(`cs_raw`.`age`, '')) AS SIGNED)
  END AS `age`,
  CASE
    WHEN NOT NULLIF(`cs_raw`.`age`, '') IS NULL
    AND CASE
      WHEN REGEXP_INSTR(
        CAST(TRIM(NULLIF(`cs_raw`.`age`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^[+\\-]?[0-9]{1,18}\\z'
      ) > 0
      THEN CAST(TRIM(NULLIF(`cs_raw`.`age`, '')) AS SIGNED)
    END IS NULL
    THEN 'legacy.plain.age is not a valid integer'
  END AS `__cast_error`
FROM `chartshift_stage__legacy__plain` AS `cs_raw`;

-- tests/conformance/specs/null_markers.mig:14: typed view legacy.marked
CREATE SQL SECURITY INVOKER VIEW `legacy__marked` AS
SELECT
  `cs_raw`.`__row`,
  CASE WHEN `cs_raw`.`id` IN ('', 'NULL', 'n/a') THEN NULL ELSE `cs_raw`.`id` END AS `id`,
  CASE WHEN `cs_raw`.`name` IN ('', 'NULL', 'n/a') THEN NULL ELSE `cs_raw`.`name` END AS `name`,
  CASE
    WHEN REGEXP_INSTR(
      CAST(TRIM(
        CASE WHEN `cs_raw`.`age` IN ('', 'NULL', 'n/a') THEN NULL ELSE `cs_raw`.`age` END
      ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '^[+\\-]?[0-9]{1,18}\\z'
    ) > 0
    THEN CAST(TRIM(
      CASE WHEN `cs_raw`.`age` IN ('', 'NULL', 'n/a') THEN NULL ELSE `cs_raw`.`age` END
    ) AS SIGNED)
  END AS `age`,
  CASE
    WHEN NOT CASE WHEN `cs_raw`.`age` IN ('', 'NULL', 'n/a') THEN NULL ELSE `cs_raw`.`age` END IS NULL
    AND CASE
      WHEN REGEXP_INSTR(
        CAST(TRIM(
          CASE WHEN `cs_raw`.`age` IN ('', 'NULL', 'n/a') THEN NULL ELSE `cs_raw`.`age` END
        ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^[+\\-]?[0-9]{1,18}\\z'
      ) > 0
      THEN CAST(TRIM(
        CASE WHEN `cs_raw`.`age` IN ('', 'NULL', 'n/a') THEN NULL ELSE `cs_raw`.`age` END
      ) AS SIGNED)
    END IS NULL
    THEN 'legacy.marked.age is not a valid integer'
  END AS `__cast_error`
FROM `chartshift_stage__legacy__marked` AS `cs_raw`;

-- tests/conformance/specs/null_markers.mig:20: typed view legacy.empty_is_text
CREATE SQL SECURITY INVOKER VIEW `legacy__empty_is_text` AS
SELECT
  `cs_raw`.`__row`,
  CASE WHEN `cs_raw`.`id` IN ('', 'NULL') THEN NULL ELSE `cs_raw`.`id` END AS `id`,
  CASE WHEN `cs_raw`.`name` IN ('', 'NULL') THEN NULL ELSE `cs_raw`.`name` END AS `name`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__legacy__empty_is_text` AS `cs_raw`;

