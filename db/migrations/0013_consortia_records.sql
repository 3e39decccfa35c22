CREATE TABLE "school_advisers" (
	"school_id" uuid PRIMARY KEY NOT NULL,
	"authority_id" uuid NOT NULL,
	"adviser_user_id" uuid NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"academic_year" text NOT NULL,
	"category" text NOT NULL,
	"decided_on" date NOT NULL,
	"set_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_leads" (
	"authority_id" uuid NOT NULL,
	"subject_area" text NOT NULL,
	"commissioner_user_id" uuid NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subject_leads_authority_id_subject_area_pk" PRIMARY KEY("authority_id","subject_area")
);
--> statement-breakpoint
DROP INDEX "audit_log_authority_idx";--> statement-breakpoint
ALTER TABLE "consortia" ADD COLUMN "lead_user_id" uuid;--> statement-breakpoint
ALTER TABLE "consortia" ADD COLUMN "chair_user_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "school_advisers" ADD CONSTRAINT "school_advisers_school_id_schools_organisation_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_advisers" ADD CONSTRAINT "school_advisers_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_advisers" ADD CONSTRAINT "school_advisers_adviser_user_id_users_id_fk" FOREIGN KEY ("adviser_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_advisers" ADD CONSTRAINT "school_advisers_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_categories" ADD CONSTRAINT "school_categories_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_categories" ADD CONSTRAINT "school_categories_school_id_schools_organisation_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_categories" ADD CONSTRAINT "school_categories_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_leads" ADD CONSTRAINT "subject_leads_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_leads" ADD CONSTRAINT "subject_leads_commissioner_user_id_users_id_fk" FOREIGN KEY ("commissioner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_leads" ADD CONSTRAINT "subject_leads_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "school_advisers_adviser_idx" ON "school_advisers" USING btree ("authority_id","adviser_user_id");--> statement-breakpoint
CREATE INDEX "school_categories_school_idx" ON "school_categories" USING btree ("school_id","academic_year","created_at");--> statement-breakpoint
CREATE INDEX "school_categories_authority_idx" ON "school_categories" USING btree ("authority_id","academic_year");--> statement-breakpoint
CREATE INDEX "consortium_memberships_school_idx" ON "consortium_memberships" USING btree ("school_id","joined_on");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("authority_id","actor_user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_log_organisation_idx" ON "audit_log" USING btree ("authority_id","organisation_id","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("authority_id","action","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_log_authority_idx" ON "audit_log" USING btree ("authority_id","created_at","id");
--> statement-breakpoint
-- A school's categorisation history is a record of decisions: rows are added, never changed.
CREATE TRIGGER school_categories_append_only BEFORE UPDATE OR DELETE ON school_categories FOR EACH ROW EXECUTE FUNCTION forbid_change();
--> statement-breakpoint
CREATE TRIGGER school_categories_no_truncate BEFORE TRUNCATE ON school_categories FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
--> statement-breakpoint
-- A membership cannot end before it began.
ALTER TABLE consortium_memberships ADD CONSTRAINT consortium_memberships_dates_check CHECK (left_on IS NULL OR left_on >= joined_on);
