CREATE TABLE "release_kpis" (
	"org_id" text NOT NULL,
	"kpi_id" text NOT NULL,
	"build_id" integer NOT NULL,
	"cells" jsonb NOT NULL,
	CONSTRAINT "release_kpis_pk" PRIMARY KEY("org_id","kpi_id")
);
--> statement-breakpoint
CREATE TABLE "release_state" (
	"org_id" text PRIMARY KEY NOT NULL,
	"build_id" integer NOT NULL,
	"periods" jsonb NOT NULL,
	"batch_max" integer,
	"batch_committed" integer NOT NULL,
	"batch_sum" bigint NOT NULL,
	"build_ms" integer NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL
);
