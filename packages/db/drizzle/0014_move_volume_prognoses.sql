-- A database seeded before kpi_prognoses kept the volymmått tables' printed "Prognos <år>" as targets
-- (origin 'reported', source 'Prognos 2020, 004_….txt rad 80'). A prognos is not a target: each such row moves to
-- kpi_prognoses, made at the report period of the report it was printed in (000, 004: delår; 002, 001: T1).
INSERT INTO "kpi_prognoses" ("org_id", "kpi_id", "unit_id", "year", "period", "value", "origin", "source")
SELECT "org_id", "kpi_id", "unit_id", "year",
  "year"::text || CASE substring("source" from ', (00[0-4])_') WHEN '000' THEN '-D' WHEN '004' THEN '-D' ELSE '-T1' END,
  "annual", "origin", "source"
FROM "targets"
WHERE "origin" = 'reported' AND "source" ~ '^Prognos [0-9]{4}, 00[0-4]_[0-9a-f]+\.txt rad [0-9]+$'
ON CONFLICT DO NOTHING;
--> statement-breakpoint
DELETE FROM "targets" WHERE "origin" = 'reported' AND "source" ~ '^Prognos [0-9]{4}, 00[0-4]_[0-9a-f]+\.txt rad [0-9]+$';
