CREATE TABLE "school_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"file_name" text NOT NULL,
	"encoding" text NOT NULL,
	"total_rows" integer NOT NULL,
	"rows" jsonb NOT NULL,
	"applied_by" uuid,
	"applied_at" timestamp with time zone,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "judgements" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "town" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "type_name" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "status" text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "school_imports" ADD CONSTRAINT "school_imports_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_imports" ADD CONSTRAINT "school_imports_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_imports" ADD CONSTRAINT "school_imports_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "school_imports_authority_idx" ON "school_imports" USING btree ("authority_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inspections_school_date_idx" ON "inspections" USING btree ("school_id","inspectorate","inspected_on");--> statement-breakpoint
-- Inspections kept one outcome under a framework's display name; they now keep the framework's key
-- and its judgements by area. The one-word grade of the frameworks that had an overall grade becomes
-- their overall effectiveness; any other outcome is kept as it was, under "summary".
UPDATE "inspections"
SET "framework" = 'ofsted_overall_effectiveness',
    "judgements" = jsonb_build_object('overall_effectiveness', "outcome")
WHERE "inspectorate" = 'ofsted'
  AND "framework" IN ('Common inspection framework (2015)', 'Education inspection framework (2019)')
  AND "outcome" IN ('Outstanding', 'Good', 'Requires improvement', 'Inadequate');
--> statement-breakpoint
UPDATE "inspections"
SET "framework" = CASE
      WHEN "inspectorate" = 'ofsted' AND "inspected_on" >= '2025-11-10' THEN 'ofsted_report_card_2025'
      WHEN "inspectorate" = 'ofsted' AND "inspected_on" >= '2024-09-01' THEN 'ofsted_2024_25'
      WHEN "inspectorate" = 'ofsted' THEN 'ofsted_overall_effectiveness'
      WHEN "inspected_on" >= '2022-09-01' THEN 'estyn_2022'
      ELSE 'estyn_2017'
    END,
    "judgements" = jsonb_build_object('summary', "outcome")
WHERE "outcome" IS NOT NULL AND "judgements" = '{}'::jsonb;
--> statement-breakpoint
ALTER TABLE "inspections" DROP COLUMN "outcome";