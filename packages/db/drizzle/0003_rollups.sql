CREATE TABLE "observation_rollups" (
	"org_id" text NOT NULL,
	"kpi_id" text NOT NULL,
	"unit_id" integer NOT NULL,
	"month" text NOT NULL,
	"gender" text NOT NULL,
	"numerator" double precision NOT NULL,
	"denominator" double precision,
	"cells" integer NOT NULL,
	"reported" boolean NOT NULL,
	"synthetic" boolean NOT NULL,
	"batch_ids" integer[] NOT NULL,
	CONSTRAINT "observation_rollups_pk" PRIMARY KEY("org_id","kpi_id","unit_id","month","gender")
);
--> statement-breakpoint
CREATE TABLE "rollup_state" (
	"org_id" text PRIMARY KEY NOT NULL,
	"batch_max" integer,
	"batch_committed" integer NOT NULL,
	"batch_sum" bigint NOT NULL,
	"latest_month" text,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL
);
