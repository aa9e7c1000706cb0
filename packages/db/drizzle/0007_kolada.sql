CREATE TABLE "kolada_comparisons" (
	"org_id" text PRIMARY KEY NOT NULL,
	"own_municipality" text NOT NULL,
	"group_id" text,
	"municipalities" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kolada_fetches" (
	"id" serial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"origin" text NOT NULL,
	"fetched_by" text NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"values_new" integer NOT NULL,
	"values_revised" integer NOT NULL,
	"values_same" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kolada_kpis" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"divided_by_gender" boolean DEFAULT false NOT NULL,
	"operating_area" text DEFAULT '' NOT NULL,
	"publication_date" text,
	"fetch_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kolada_mappings" (
	"org_id" text NOT NULL,
	"kpi_id" text NOT NULL,
	"kolada_kpi" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kolada_mappings_org_id_kpi_id_pk" PRIMARY KEY("org_id","kpi_id")
);
--> statement-breakpoint
CREATE TABLE "kolada_municipalities" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"type" text DEFAULT 'K' NOT NULL,
	"members" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kolada_values" (
	"id" serial PRIMARY KEY NOT NULL,
	"kolada_kpi" text NOT NULL,
	"municipality" text NOT NULL,
	"year" integer NOT NULL,
	"gender" text NOT NULL,
	"value" double precision,
	"count" integer,
	"status" text DEFAULT '' NOT NULL,
	"fetch_id" integer NOT NULL,
	"superseded_by" integer
);
--> statement-breakpoint
ALTER TABLE "kolada_comparisons" ADD CONSTRAINT "kolada_comparisons_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kolada_kpis" ADD CONSTRAINT "kolada_kpis_fetch_id_kolada_fetches_id_fk" FOREIGN KEY ("fetch_id") REFERENCES "public"."kolada_fetches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kolada_mappings" ADD CONSTRAINT "kolada_mappings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kolada_mappings" ADD CONSTRAINT "kolada_mappings_kpi_id_kpis_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kolada_values" ADD CONSTRAINT "kolada_values_fetch_id_kolada_fetches_id_fk" FOREIGN KEY ("fetch_id") REFERENCES "public"."kolada_fetches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kolada_values" ADD CONSTRAINT "kolada_values_superseded_by_kolada_fetches_id_fk" FOREIGN KEY ("superseded_by") REFERENCES "public"."kolada_fetches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kolada_values_current" ON "kolada_values" USING btree ("kolada_kpi","municipality","year","gender") WHERE "kolada_values"."superseded_by" IS NULL;--> statement-breakpoint
CREATE INDEX "kolada_values_history" ON "kolada_values" USING btree ("kolada_kpi","municipality","year");