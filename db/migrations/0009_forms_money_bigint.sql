ALTER TABLE "needs" ALTER COLUMN "budget_pence" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "offer_revisions" ALTER COLUMN "from_price_pence" SET DATA TYPE bigint;