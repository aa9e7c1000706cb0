ALTER TABLE "kpis" ADD COLUMN "description_en" text;--> statement-breakpoint
ALTER TABLE "kpis" ADD COLUMN "source_en" text;