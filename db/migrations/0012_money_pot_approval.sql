ALTER TABLE "collective_purchases" ADD COLUMN "cap_at_solo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "collective_purchases" ADD COLUMN "pot_approval" text;--> statement-breakpoint
ALTER TABLE "collective_purchases" ADD COLUMN "pot_decided_by" uuid;--> statement-breakpoint
ALTER TABLE "collective_purchases" ADD COLUMN "pot_decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "collective_purchases" ADD CONSTRAINT "collective_purchases_pot_decided_by_users_id_fk" FOREIGN KEY ("pot_decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- Purchases already open with a pot rule: approved when the lead opened them, otherwise waiting for the lead.
UPDATE "collective_purchases" cp
SET "pot_approval" = CASE
  WHEN EXISTS (
    SELECT 1 FROM "memberships" m
    WHERE m."user_id" = cp."opened_by" AND m."organisation_id" = cp."consortium_id" AND m."role" = 'consortium_lead'
  ) OR cp."status" <> 'open' THEN 'approved'
  ELSE 'requested'
END
WHERE cp."pot_percent_bps" IS NOT NULL OR cp."pot_per_school_pence" IS NOT NULL;
