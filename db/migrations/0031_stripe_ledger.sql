ALTER TABLE "stripe_checkouts" ADD COLUMN "dispute_id" text;--> statement-breakpoint
ALTER TABLE "stripe_checkouts" ADD COLUMN "dispute_status" text;--> statement-breakpoint
ALTER TABLE "stripe_transfers" ADD COLUMN "refunded_basis_pence" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "stripe_checkouts" SET "dispute_status" = 'open' WHERE "disputed_at" IS NOT NULL;
