CREATE TABLE "goal_assessments" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"goal_id" integer NOT NULL,
	"period" text NOT NULL,
	"status" text NOT NULL,
	"prognos" text NOT NULL,
	"previous_status" text,
	"previous_prognos" text,
	"proposed_status" text NOT NULL,
	"proposed_prognos" text NOT NULL,
	"proposal" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"origin" text NOT NULL,
	"source" text
);
--> statement-breakpoint
CREATE TABLE "goal_indicator_values" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"indicator_id" integer NOT NULL,
	"period" text NOT NULL,
	"total" double precision,
	"riket" double precision,
	"women" double precision,
	"men" double precision,
	"assessment" text DEFAULT 'ej-bedomd' NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"origin" text NOT NULL,
	"source" text
);
--> statement-breakpoint
CREATE TABLE "goal_indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"goal_id" integer NOT NULL,
	"kind" text NOT NULL,
	"kpi_id" text,
	"name" text DEFAULT '' NOT NULL,
	"unit" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "goal_indicators_kpi" CHECK (("goal_indicators"."kind" = 'kpi') = ("goal_indicators"."kpi_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"parent_id" integer,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"committees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unit_id" integer NOT NULL,
	"valid_from" text NOT NULL,
	"valid_to" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"origin" text NOT NULL,
	"source" text
);
--> statement-breakpoint
CREATE TABLE "atgarder" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"unit_id" integer NOT NULL,
	"goal_id" integer,
	"kpi_id" text,
	"avvikelse" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"owner" text NOT NULL,
	"due_date" text,
	"status" text DEFAULT 'planerad' NOT NULL,
	"expected_effect" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "atgarder_goal_or_kpi" CHECK ("atgarder"."goal_id" is not null or "atgarder"."kpi_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"unit_id" integer NOT NULL,
	"goal_id" integer,
	"period" text NOT NULL,
	"risk" text NOT NULL,
	"orsak" text DEFAULT '' NOT NULL,
	"konsekvenser" text DEFAULT '' NOT NULL,
	"hantering" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uppdrag" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"unit_id" integer NOT NULL,
	"goal_id" integer,
	"title" text NOT NULL,
	"status" text DEFAULT 'ej-paborjat' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uppdrag_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"uppdrag_id" integer NOT NULL,
	"date" text NOT NULL,
	"body" text NOT NULL,
	"author" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "goal_assessments" ADD CONSTRAINT "goal_assessments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_assessments" ADD CONSTRAINT "goal_assessments_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_indicator_values" ADD CONSTRAINT "goal_indicator_values_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_indicator_values" ADD CONSTRAINT "goal_indicator_values_indicator_id_goal_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."goal_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_indicators" ADD CONSTRAINT "goal_indicators_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_indicators" ADD CONSTRAINT "goal_indicators_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_indicators" ADD CONSTRAINT "goal_indicators_kpi_id_kpis_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_parent_id_goals_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atgarder" ADD CONSTRAINT "atgarder_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atgarder" ADD CONSTRAINT "atgarder_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atgarder" ADD CONSTRAINT "atgarder_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atgarder" ADD CONSTRAINT "atgarder_kpi_id_kpis_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uppdrag" ADD CONSTRAINT "uppdrag_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uppdrag" ADD CONSTRAINT "uppdrag_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uppdrag" ADD CONSTRAINT "uppdrag_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uppdrag_comments" ADD CONSTRAINT "uppdrag_comments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uppdrag_comments" ADD CONSTRAINT "uppdrag_comments_uppdrag_id_uppdrag_id_fk" FOREIGN KEY ("uppdrag_id") REFERENCES "public"."uppdrag"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goal_assessments_key" ON "goal_assessments" USING btree ("org_id","goal_id","period","id");--> statement-breakpoint
CREATE INDEX "goal_indicator_values_key" ON "goal_indicator_values" USING btree ("org_id","indicator_id","period");--> statement-breakpoint
CREATE INDEX "goal_indicators_goal" ON "goal_indicators" USING btree ("org_id","goal_id");--> statement-breakpoint
CREATE INDEX "goals_org_unit" ON "goals" USING btree ("org_id","unit_id");--> statement-breakpoint
CREATE INDEX "goals_parent" ON "goals" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "atgarder_org_unit" ON "atgarder" USING btree ("org_id","unit_id");--> statement-breakpoint
CREATE INDEX "risks_org_unit" ON "risks" USING btree ("org_id","unit_id","period");--> statement-breakpoint
CREATE INDEX "uppdrag_org_unit" ON "uppdrag" USING btree ("org_id","unit_id");--> statement-breakpoint
CREATE INDEX "uppdrag_comments_uppdrag" ON "uppdrag_comments" USING btree ("org_id","uppdrag_id");