ALTER TABLE "school_imports" ADD COLUMN "apply_started_by" uuid;--> statement-breakpoint
ALTER TABLE "school_imports" ADD COLUMN "apply_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "school_imports" ADD COLUMN "apply_done" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "school_imports" ADD COLUMN "apply_total" integer;--> statement-breakpoint
ALTER TABLE "school_imports" ADD CONSTRAINT "school_imports_apply_started_by_users_id_fk" FOREIGN KEY ("apply_started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;