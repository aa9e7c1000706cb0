CREATE TABLE "organisations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"parent_id" integer NOT NULL,
	"valid_from" text NOT NULL,
	"valid_to" text
);
--> statement-breakpoint
CREATE TABLE "unit_names" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"valid_from" text NOT NULL,
	"valid_to" text
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"valid_from" text NOT NULL,
	"valid_to" text,
	"note" text,
	CONSTRAINT "units_org_code" UNIQUE("org_id","code")
);
--> statement-breakpoint
CREATE TABLE "kpis" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"description" text NOT NULL,
	"group" text NOT NULL,
	"unit" text NOT NULL,
	"decimals" integer NOT NULL,
	"direction" text NOT NULL,
	"time_aggregation" text NOT NULL,
	"ratio_numerator" text,
	"ratio_denominator" text,
	"scale" real DEFAULT 1 NOT NULL,
	"gender_split" boolean NOT NULL,
	"age_bands" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"privacy_class" text NOT NULL,
	"source" text NOT NULL,
	"valid_from" text DEFAULT '2000-01' NOT NULL,
	"valid_to" text,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"format" text NOT NULL,
	"raw" "bytea",
	"status" text DEFAULT 'committed' NOT NULL,
	"origin" text NOT NULL,
	"summary" jsonb,
	"row_count" integer DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observation_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"observation_id" integer NOT NULL,
	"org_id" text NOT NULL,
	"kpi_id" text NOT NULL,
	"unit_id" integer NOT NULL,
	"month" text NOT NULL,
	"gender" text NOT NULL,
	"age_band" text NOT NULL,
	"numerator" double precision NOT NULL,
	"denominator" double precision,
	"origin" text NOT NULL,
	"batch_id" integer,
	"source_file" text,
	"source_row" integer,
	"replaced_by_batch_id" integer,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"kpi_id" text NOT NULL,
	"unit_id" integer NOT NULL,
	"month" text NOT NULL,
	"gender" text NOT NULL,
	"age_band" text DEFAULT '' NOT NULL,
	"numerator" double precision NOT NULL,
	"denominator" double precision,
	"origin" text NOT NULL,
	"batch_id" integer,
	"source_file" text,
	"source_row" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observations_cell" UNIQUE("org_id","kpi_id","unit_id","month","gender","age_band")
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"kpi_id" text NOT NULL,
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"annual" double precision NOT NULL,
	"monthly" jsonb,
	"tolerance" double precision DEFAULT 0 NOT NULL,
	"tolerance_kind" text DEFAULT 'percent' NOT NULL,
	"origin" text NOT NULL,
	"source" text,
	CONSTRAINT "targets_kpi_unit_year" UNIQUE("org_id","kpi_id","unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"kpi_id" text NOT NULL,
	"unit_id" integer NOT NULL,
	"period" text NOT NULL,
	"body" text NOT NULL,
	"author" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "unit_links" ADD CONSTRAINT "unit_links_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_links" ADD CONSTRAINT "unit_links_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_names" ADD CONSTRAINT "unit_names_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_kpi_id_kpis_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_kpi_id_kpis_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_kpi_id_kpis_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_links_unit" ON "unit_links" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "unit_links_parent" ON "unit_links" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "unit_names_unit" ON "unit_names" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "import_batches_org" ON "import_batches" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "observation_history_batch" ON "observation_history" USING btree ("replaced_by_batch_id");--> statement-breakpoint
CREATE INDEX "observation_history_obs" ON "observation_history" USING btree ("observation_id");--> statement-breakpoint
CREATE INDEX "observations_kpi_month" ON "observations" USING btree ("org_id","kpi_id","month");--> statement-breakpoint
CREATE INDEX "comments_kpi_unit" ON "comments" USING btree ("org_id","kpi_id","unit_id","period");