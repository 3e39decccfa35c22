CREATE TABLE "funding_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"formula_id" uuid NOT NULL,
	"financial_year" text NOT NULL,
	"line_key" text NOT NULL,
	"kind" text NOT NULL,
	"consortium_id" uuid NOT NULL,
	"school_id" uuid,
	"amount_pence" bigint NOT NULL,
	"entry_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_allocations_line_key" UNIQUE("formula_id","line_key")
);
--> statement-breakpoint
CREATE TABLE "funding_formulas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"financial_year" text NOT NULL,
	"version" integer NOT NULL,
	"parts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	"applied_by" uuid,
	"allocation" jsonb,
	CONSTRAINT "funding_formulas_version_key" UNIQUE("authority_id","financial_year","version"),
	CONSTRAINT "funding_formulas_year_check" CHECK ("funding_formulas"."financial_year" ~ '^[0-9]{4}-[0-9]{2}$'),
	CONSTRAINT "funding_formulas_version_check" CHECK ("funding_formulas"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "mou_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"mou_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mou_reminders_key" UNIQUE("mou_id","school_id","kind")
);
--> statement-breakpoint
CREATE TABLE "mou_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"mou_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"signed_by" uuid NOT NULL,
	"signer_name" text NOT NULL,
	"signed_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mou_signatures_school_key" UNIQUE("mou_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "mous" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"consortium_id" uuid NOT NULL,
	"financial_year" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mous_version_key" UNIQUE("consortium_id","financial_year","version")
);
--> statement-breakpoint
ALTER TABLE "funding_allocations" ADD CONSTRAINT "funding_allocations_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_allocations" ADD CONSTRAINT "funding_allocations_formula_id_funding_formulas_id_fk" FOREIGN KEY ("formula_id") REFERENCES "public"."funding_formulas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_allocations" ADD CONSTRAINT "funding_allocations_consortium_id_consortia_organisation_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_allocations" ADD CONSTRAINT "funding_allocations_school_id_schools_organisation_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_allocations" ADD CONSTRAINT "funding_allocations_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_formulas" ADD CONSTRAINT "funding_formulas_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_formulas" ADD CONSTRAINT "funding_formulas_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_formulas" ADD CONSTRAINT "funding_formulas_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mou_reminders" ADD CONSTRAINT "mou_reminders_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mou_reminders" ADD CONSTRAINT "mou_reminders_mou_id_mous_id_fk" FOREIGN KEY ("mou_id") REFERENCES "public"."mous"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mou_reminders" ADD CONSTRAINT "mou_reminders_school_id_schools_organisation_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mou_signatures" ADD CONSTRAINT "mou_signatures_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mou_signatures" ADD CONSTRAINT "mou_signatures_mou_id_mous_id_fk" FOREIGN KEY ("mou_id") REFERENCES "public"."mous"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mou_signatures" ADD CONSTRAINT "mou_signatures_school_id_schools_organisation_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mou_signatures" ADD CONSTRAINT "mou_signatures_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mous" ADD CONSTRAINT "mous_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mous" ADD CONSTRAINT "mous_consortium_id_consortia_organisation_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mous" ADD CONSTRAINT "mous_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_allocations_year_idx" ON "funding_allocations" USING btree ("authority_id","financial_year");--> statement-breakpoint
CREATE INDEX "mous_authority_idx" ON "mous" USING btree ("authority_id","financial_year");