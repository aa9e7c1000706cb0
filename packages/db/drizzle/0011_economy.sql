CREATE TABLE "economy_amounts" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"unit_id" integer NOT NULL,
	"line" text NOT NULL,
	"month" text NOT NULL,
	"kind" text NOT NULL,
	"amount_tkr" double precision NOT NULL,
	"origin" text NOT NULL,
	"source" text,
	CONSTRAINT "economy_amounts_key" UNIQUE("org_id","unit_id","line","month","kind")
);
--> statement-breakpoint
CREATE TABLE "economy_prognoses" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"unit_id" integer NOT NULL,
	"line" text NOT NULL,
	"period" text NOT NULL,
	"deviation_tkr" double precision NOT NULL,
	"label" text,
	"origin" text NOT NULL,
	"source" text,
	CONSTRAINT "economy_prognoses_key" UNIQUE("org_id","unit_id","line","period")
);
--> statement-breakpoint
CREATE TABLE "investments" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"unit_id" integer NOT NULL,
	"period" text NOT NULL,
	"project" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"utfall_tkr" double precision NOT NULL,
	"budget_tkr" double precision NOT NULL,
	"budget_label" text NOT NULL,
	"deviation_tkr" double precision NOT NULL,
	"prognos_tkr" double precision,
	"prognos_label" text,
	"total_budget_tkr" double precision,
	"accumulated_tkr" double precision,
	"completes" boolean,
	"origin" text NOT NULL,
	"source" text
);
--> statement-breakpoint
ALTER TABLE "economy_amounts" ADD CONSTRAINT "economy_amounts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_amounts" ADD CONSTRAINT "economy_amounts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_prognoses" ADD CONSTRAINT "economy_prognoses_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_prognoses" ADD CONSTRAINT "economy_prognoses_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investments" ADD CONSTRAINT "investments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investments" ADD CONSTRAINT "investments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "economy_amounts_org_month" ON "economy_amounts" USING btree ("org_id","month");--> statement-breakpoint
CREATE INDEX "investments_org_period" ON "investments" USING btree ("org_id","period");