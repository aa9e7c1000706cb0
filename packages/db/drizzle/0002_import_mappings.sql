CREATE TABLE "import_mappings" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"section" text DEFAULT '' NOT NULL,
	"parent_label" text DEFAULT '' NOT NULL,
	"label" text NOT NULL,
	"kpi_id" text,
	"gender" text DEFAULT 'T' NOT NULL,
	"age_band" text DEFAULT '' NOT NULL,
	"unit_code" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_mappings_row" UNIQUE("org_id","section","parent_label","label")
);
--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_kpi_id_kpis_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_mappings_kpi" ON "import_mappings" USING btree ("kpi_id");