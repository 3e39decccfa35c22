DROP INDEX "credit_notes_invoice_idx";--> statement-breakpoint
ALTER TABLE "invoices" ALTER COLUMN "order_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "recharges" ALTER COLUMN "order_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "match_funding_by_invoice" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_notes" ADD COLUMN "funding_formula_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "funding_formula_id" uuid;--> statement-breakpoint
ALTER TABLE "recharges" ADD COLUMN "funding_formula_id" uuid;--> statement-breakpoint
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_funding_formula_id_funding_formulas_id_fk" FOREIGN KEY ("funding_formula_id") REFERENCES "public"."funding_formulas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_funding_formula_id_funding_formulas_id_fk" FOREIGN KEY ("funding_formula_id") REFERENCES "public"."funding_formulas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recharges" ADD CONSTRAINT "recharges_funding_formula_id_funding_formulas_id_fk" FOREIGN KEY ("funding_formula_id") REFERENCES "public"."funding_formulas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_notes_funding_idx" ON "credit_notes" USING btree ("invoice_id","funding_formula_id") WHERE funding_formula_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_funding_idx" ON "invoices" USING btree ("funding_formula_id","school_id") WHERE funding_formula_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "recharges_funding_idx" ON "recharges" USING btree ("funding_formula_id","school_id") WHERE funding_formula_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_notes_invoice_idx" ON "credit_notes" USING btree ("invoice_id") WHERE funding_formula_id is null;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_source_check" CHECK (("invoices"."order_id" is null) <> ("invoices"."funding_formula_id" is null));--> statement-breakpoint
ALTER TABLE "recharges" ADD CONSTRAINT "recharges_source_check" CHECK (("recharges"."order_id" is null) <> ("recharges"."funding_formula_id" is null));