ALTER TABLE "units" ADD CONSTRAINT "units_org_id" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "observations" DROP CONSTRAINT "observations_org_id_organisations_id_fk";--> statement-breakpoint
ALTER TABLE "observations" DROP CONSTRAINT "observations_unit_id_units_id_fk";--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_org_unit_fk" FOREIGN KEY ("org_id","unit_id") REFERENCES "public"."units"("org_id","id") ON DELETE no action ON UPDATE no action;
