CREATE TABLE "kpi_prognoses" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"kpi_id" text NOT NULL,
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"period" text NOT NULL,
	"value" double precision NOT NULL,
	"origin" text NOT NULL,
	"source" text,
	CONSTRAINT "kpi_prognoses_key" UNIQUE("org_id","kpi_id","unit_id","year","period")
);
--> statement-breakpoint
ALTER TABLE "kpi_prognoses" ADD CONSTRAINT "kpi_prognoses_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_prognoses" ADD CONSTRAINT "kpi_prognoses_kpi_id_kpis_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_prognoses" ADD CONSTRAINT "kpi_prognoses_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;